//! Browser tests (wasm-bindgen-test in headless Chromium): the Yew reducer wrapper and the
//! storage glue, against a real `localStorage` and DOM. Run by scripts/test.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;
use ziping::app::storage;
use ziping::app::Store;
use ziping::i18n::Lang;
use ziping::state::{Action, AppState, Prefs};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn store_applies_actions_and_keeps_identity_when_nothing_changes() {
    let store = Rc::new(Store(AppState::default()));
    let toggled = store.clone().reduce(Action::ToggleLang);
    assert_eq!(toggled.0.prefs.lang, Lang::En);
    // Setting the language it already has returns the same Rc, so Yew skips a re-render.
    let same = toggled.clone().reduce(Action::SetLang(Lang::En));
    assert!(Rc::ptr_eq(&toggled, &same));
}

#[wasm_bindgen_test]
fn prefs_survive_a_save_and_load() {
    local_storage().remove_item(Prefs::STORAGE_KEY).unwrap();
    assert_eq!(storage::load_prefs(), Prefs::default());
    assert!(storage::save_prefs(&Prefs { lang: Lang::En }));
    assert_eq!(
        local_storage()
            .get_item(Prefs::STORAGE_KEY)
            .unwrap()
            .as_deref(),
        Some(r#"{"lang":"en"}"#)
    );
    assert_eq!(storage::load_prefs().lang, Lang::En);
}

#[wasm_bindgen_test]
fn unreadable_prefs_fall_back_to_chinese() {
    local_storage()
        .set_item(Prefs::STORAGE_KEY, "{not json")
        .unwrap();
    assert_eq!(storage::load_prefs(), Prefs::default());
    local_storage()
        .set_item(Prefs::STORAGE_KEY, r#"{"lang":"fr"}"#)
        .unwrap();
    assert_eq!(storage::load_prefs().lang, Lang::Zh);
}

#[wasm_bindgen_test]
fn document_lang_follows_the_interface() {
    storage::set_document_lang(Lang::En);
    let root = gloo::utils::document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    storage::set_document_lang(Lang::Zh);
    assert_eq!(root.get_attribute("lang").as_deref(), Some("zh-CN"));
}
