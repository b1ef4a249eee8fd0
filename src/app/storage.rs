//! Browser storage and environment glue. Failures are reported, never panics: a browser
//! with storage disabled still runs the app, it just cannot remember.

use crate::i18n::Lang;
use crate::state::Prefs;
use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage};

/// The saved preferences, or the defaults when none are stored or they cannot be read.
pub fn load_prefs() -> Prefs {
    LocalStorage::get(Prefs::STORAGE_KEY).unwrap_or_default()
}

/// Saves the preferences; returns whether it worked (storage may be full or disabled).
pub fn save_prefs(prefs: &Prefs) -> bool {
    LocalStorage::set(Prefs::STORAGE_KEY, prefs).is_ok()
}

/// Keeps `<html lang>` in step with the interface language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Calls `on_ready` once a service worker controls the page (now or later).
/// Returns the listener to keep alive, if one was needed.
pub fn watch_offline_ready(on_ready: impl Fn() + 'static) -> Option<EventListener> {
    let container = gloo::utils::window().navigator().service_worker();
    if container.controller().is_some() {
        on_ready();
        return None;
    }
    Some(EventListener::new(
        &container,
        "controllerchange",
        move |_| on_ready(),
    ))
}
