//! Browser tests (wasm-bindgen-test in headless Chromium): the Yew reducer wrapper and the
//! storage glue, against a real `localStorage` and DOM. Run by scripts/test.

use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;
use ziping::app::browser::drafts::{self, SaveOutcome};
use ziping::app::browser::{clock, page, prefs};
use ziping::app::Store;
use ziping::core::answers::{Slot, Value};
use ziping::i18n::Lang;
use ziping::state::draft::{ChecklistSource, Draft, DraftSummary};
use ziping::state::{Action, AppState, Page, Prefs};

/// A moment, as the shell's clock gives one.
fn at(text: &str) -> ziping::core::time::Timestamp {
    ziping::core::time::Timestamp::parse(text).unwrap()
}

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn summary(d: &Draft) -> DraftSummary {
    DraftSummary {
        id: d.id.clone(),
        updated: d.updated.clone(),
        ..DraftSummary::default()
    }
}

#[wasm_bindgen_test]
fn store_applies_actions() {
    let store = Rc::new(Store(AppState::default()));
    let toggled = store.reduce(Action::ToggleLang);
    assert_eq!(toggled.0.prefs.lang, Lang::En);
}

#[wasm_bindgen_test]
fn prefs_survive_a_save_and_load() {
    local_storage().remove_item(Prefs::STORAGE_KEY).unwrap();
    assert_eq!(prefs::load(), Prefs::default());
    let prefs = Prefs {
        lang: Lang::En,
        last_draft: Some("d9".into()),
        last_page: Page::Results,
    };
    assert!(prefs::save(&prefs));
    assert_eq!(prefs::load(), prefs);
}

#[wasm_bindgen_test]
fn unreadable_prefs_fall_back_to_chinese() {
    local_storage()
        .set_item(Prefs::STORAGE_KEY, "{not json")
        .unwrap();
    assert_eq!(prefs::load(), Prefs::default());
    local_storage()
        .set_item(Prefs::STORAGE_KEY, r#"{"lang":"fr"}"#)
        .unwrap();
    assert_eq!(prefs::load().lang, Lang::Zh);
}

#[wasm_bindgen_test]
async fn drafts_are_saved_listed_and_deleted_in_indexeddb() {
    let mut d = Draft::new(
        "web-a".into(),
        ChecklistSource::Builtin {
            id: "zlpj-school".into(),
        },
        &at("2026-11-24T10:00:00+08:00"),
    );
    d.set_answer(
        Slot::whole("B2.1.1"),
        Some(Value::Yes),
        &at("2026-11-24T10:01:00+08:00"),
    );
    assert_eq!(
        drafts::save(&d, None, &summary(&d)).await,
        SaveOutcome::Saved
    );
    assert_eq!(drafts::load("web-a").await, Some(d.clone()));
    assert!(drafts::list().await.iter().any(|s| s.id == "web-a"));
    assert!(drafts::delete("web-a").await);
    assert_eq!(drafts::load("web-a").await, None);
    assert!(!drafts::list().await.iter().any(|s| s.id == "web-a"));
}

#[wasm_bindgen_test]
async fn checklist_drafts_are_saved_listed_and_deleted_in_indexeddb() {
    use ziping::state::editor::{ChecklistDraft, ChecklistEdit, Target};
    let base = ziping::core::builtin::builtin("zlpj-school").unwrap().doc();
    let mut d = ChecklistDraft::new("web-c".into(), base, &at("2026-11-30T10:00:00+08:00"));
    d.apply(
        ChecklistEdit::Set(Target::Version, "2026.5-衡阳".into()),
        &at("2026-11-30T10:01:00+08:00"),
    );
    assert_eq!(
        drafts::save_checklist_draft(&d, None).await,
        SaveOutcome::Saved
    );
    assert_eq!(
        drafts::load_checklist_draft("web-c").await.as_ref(),
        Some(&d)
    );
    // Another tab's newer revision is never overwritten from an older base.
    let mut theirs = d.clone();
    theirs.apply(
        ChecklistEdit::Set(Target::Version, "2026.5-其他".into()),
        &at("2026-11-30T10:02:00+08:00"),
    );
    assert_eq!(
        drafts::save_checklist_draft(&theirs, Some(d.revision)).await,
        SaveOutcome::Saved
    );
    assert_eq!(
        drafts::save_checklist_draft(&d, Some(d.revision)).await,
        SaveOutcome::Newer(theirs.revision)
    );
    assert_eq!(
        drafts::load_checklist_draft("web-c").await,
        Some(theirs.clone())
    );
    let listed = drafts::checklist_drafts().await;
    assert_eq!(listed.iter().find(|x| x.id == "web-c"), Some(&theirs));
    assert!(drafts::delete_checklist_draft("web-c").await);
    assert!(!drafts::checklist_drafts()
        .await
        .iter()
        .any(|x| x.id == "web-c"));
}

#[wasm_bindgen_test]
fn a_table_saved_in_the_chinese_code_page_is_read() {
    use ziping::app::browser::files::text_of;
    // "标准,≥ 90" as Excel writes plain CSV on a Chinese Windows (GBK).
    let gbk = [0xB1, 0xEA, 0xD7, 0xBC, b',', 0xA1, 0xDD, b' ', b'9', b'0'];
    assert_eq!(text_of(&gbk).as_deref(), Some("标准,≥ 90"));
    assert_eq!(
        text_of("\u{feff}标准".as_bytes()).as_deref(),
        Some("\u{feff}标准")
    );
    // Neither UTF-8 nor GBK: refused, not guessed.
    assert_eq!(text_of(&[0x81, 0x20]), None);
}

#[wasm_bindgen_test]
async fn a_save_never_overwrites_a_newer_revision_from_another_tab() {
    let base = Draft::new(
        "web-b".into(),
        ChecklistSource::Builtin {
            id: "zlpj-school".into(),
        },
        &at("2026-11-24T10:00:00+08:00"),
    );
    assert_eq!(
        drafts::save(&base, None, &summary(&base)).await,
        SaveOutcome::Saved
    );
    // Tab 1 and tab 2 both opened revision 0; tab 1 saves revision 1 first.
    let mut tab1 = base.clone();
    tab1.set_note(
        "B2.1.1".into(),
        "tab one".into(),
        &at("2026-11-24T10:01:00+08:00"),
    );
    assert_eq!(
        drafts::save(&tab1, Some(0), &summary(&tab1)).await,
        SaveOutcome::Saved
    );
    let mut tab2 = base.clone();
    tab2.set_note(
        "B2.1.1".into(),
        "tab two".into(),
        &at("2026-11-24T10:02:00+08:00"),
    );
    assert_eq!(
        drafts::save(&tab2, Some(0), &summary(&tab2)).await,
        SaveOutcome::Newer(1)
    );
    assert_eq!(
        drafts::load("web-b").await.unwrap().answers.notes["B2.1.1"],
        "tab one"
    );
    drafts::delete("web-b").await;
}

#[wasm_bindgen_test]
async fn the_place_to_return_to_is_kept() {
    let prefs = Prefs {
        lang: Lang::Zh,
        last_draft: Some("web-c".into()),
        last_page: Page::Plan,
    };
    drafts::save_place(&prefs).await;
    assert_eq!(drafts::load_place().await, Some(prefs));
}

#[wasm_bindgen_test]
fn the_clock_gives_a_valid_timestamp() {
    let now = clock::now();
    assert!(now.as_str().starts_with("20"), "{now}");
    assert_eq!(now.date().len(), 10);
}

#[wasm_bindgen_test]
fn document_lang_follows_the_interface() {
    page::set_document_lang(Lang::En);
    let root = gloo::utils::document().document_element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    page::set_document_lang(Lang::Zh);
    assert_eq!(root.get_attribute("lang").as_deref(), Some("zh-CN"));
}
