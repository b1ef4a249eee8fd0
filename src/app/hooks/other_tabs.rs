//! Other tabs of this app: when one saves or deletes a draft, the list is read again and the
//! draft handed to the reducer, which decides what this tab does with it.

use crate::app::browser::{drafts, tabs};
use crate::app::Store;
use crate::state::Action;
use yew::prelude::*;

#[hook]
pub fn use_other_tabs(dispatch: &UseReducerDispatcher<Store>) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = tabs::watch(move |id| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(Action::DraftsListed(drafts::list().await));
                let theirs = drafts::load(&id).await.map(Box::new);
                dispatch.dispatch(Action::OtherTabSaved { id, theirs });
            })
        });
        move || drop(listener)
    });
}
