//! Start-up and what is remembered across visits.

use crate::app::browser::{drafts, page, prefs};
use crate::app::Store;
use crate::state::{Action, Prefs};
use yew::prelude::*;

/// Reads the drafts and the place to return to once, then shows them.
#[hook]
pub fn use_restore(dispatch: &UseReducerDispatcher<Store>) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let lang = prefs::load().lang;
            drafts::recover(crate::i18n::Msg::RescuedSuffix.text(lang)).await;
            let list = drafts::list().await;
            let place = match drafts::load_place().await {
                Some(p) => p,
                None => prefs::load(),
            };
            let open = match &place.last_draft {
                Some(id) => drafts::load(id)
                    .await
                    .map(|d| (Box::new(d), place.last_page)),
                None => None,
            };
            dispatch.dispatch(Action::Restored { drafts: list, open });
            // Once the drafts are shown (nothing can have been attached here yet).
            drafts::collect_evidence().await;
        })
    });
}

/// Keeps the preferences (and, once storage has been read, the place to return to) and the
/// document's language in step with the state.
#[hook]
pub fn use_saved_prefs(current: &Prefs, loaded: bool) {
    use_effect_with((current.clone(), loaded), |(current, loaded)| {
        prefs::save(current);
        page::set_document_lang(current.lang);
        // Before the restore, the place is not known yet: do not overwrite it.
        if *loaded {
            let current = current.clone();
            wasm_bindgen_futures::spawn_local(async move { drafts::save_place(&current).await });
        }
    });
}

/// Tells the state once a service worker controls the page (the app then opens offline).
#[hook]
pub fn use_offline_ready(dispatch: &UseReducerDispatcher<Store>) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = page::watch_offline_ready(move || dispatch.dispatch(Action::OfflineReady));
        move || drop(listener)
    });
}
