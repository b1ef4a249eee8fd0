//! Drafts, their summaries, the place to return to and county checklists, in IndexedDB (see
//! `idb.js` for why not localStorage). Every failure is a value: nothing here panics.

use super::tabs;
use crate::core::checklist::Checklist;
use crate::state::draft::{ChecklistSource, Draft, DraftSummary};
use crate::state::editor::ChecklistDraft;
use crate::state::Prefs;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/app/browser/idb.js")]
extern "C" {
    #[wasm_bindgen(js_name = idbGet, catch)]
    fn idb_get(store: &str, key: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbAll, catch)]
    fn idb_all(store: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbPut, catch)]
    fn idb_put(store: &str, key: &str, json: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbDelete, catch)]
    fn idb_delete(store: &str, key: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbSaveDraft, catch)]
    fn idb_save_draft(
        id: &str,
        json: &str,
        revision: f64,
        summary: &str,
        base: Option<f64>,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbSaveRevision, catch)]
    fn idb_save_revision(
        store: &str,
        id: &str,
        json: &str,
        revision: f64,
        base: Option<f64>,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbDeleteDraft, catch)]
    fn idb_delete_draft(id: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbRescueDraft)]
    fn idb_rescue_draft(
        id: &str,
        json: &str,
        revision: f64,
        summary: &str,
        base: Option<f64>,
    ) -> bool;
    #[wasm_bindgen(js_name = idbRecoverDrafts, catch)]
    fn idb_recover_drafts() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbForgetRescue, catch)]
    fn idb_forget_rescue(id: &str, page: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbAddCountyFiles, catch)]
    fn idb_add_county_files(files: &js_sys::Array) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbForgetCountyFiles, catch)]
    fn idb_forget_county_files(keys: &js_sys::Array) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbCountyFiles, catch)]
    fn idb_county_files() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbClearCountyFiles, catch)]
    fn idb_clear_county_files() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbCountyPicking, catch)]
    fn idb_county_picking(files: f64) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbCountyPickLost, catch)]
    fn idb_county_pick_lost() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbPutEvidence, catch)]
    fn idb_put_evidence(
        sha256: &str,
        bytes: &js_sys::Uint8Array,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbGetEvidence, catch)]
    fn idb_get_evidence(sha256: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbCollectEvidence, catch)]
    fn idb_collect_evidence() -> Result<js_sys::Promise, JsValue>;
}

/// Keeps an evidence file's bytes for the 报送包, under its SHA-256; false when the browser
/// refused (quota): the file is still named in the submission, and packing it says so.
pub async fn keep_evidence(sha256: &str, bytes: &[u8]) -> bool {
    let array = js_sys::Uint8Array::from(bytes);
    run(idb_put_evidence(sha256, &array)).await.is_ok()
}

/// Lets go of the evidence files no draft names any more, when no other ziping page is open
/// (one may have just kept a file its draft does not name yet).
pub async fn collect_evidence() {
    let _ = run(idb_collect_evidence()).await;
}

/// An evidence file's bytes, if this browser kept them.
pub async fn evidence(sha256: &str) -> Option<Vec<u8>> {
    let value = run(idb_get_evidence(sha256)).await.ok()?;
    value
        .dyn_into::<js_sys::Uint8Array>()
        .ok()
        .map(|a| a.to_vec())
}

/// County mode's batch: its officer's choices (picks, county, assignments) under this key of
/// "meta", its files in "county_files".
const BATCH_CHOICES_KEY: &str = "county_batch";

/// Where this browser keeps one of county mode's files (IndexedDB's key for it).
#[derive(Clone, Debug, PartialEq)]
pub struct KeptFile(JsValue);

/// Keeps files that joined county mode's batch: where each is kept, in order (fewer when
/// 清空 stopped it, none when the browser refused).
pub async fn keep_county_files(files: &[web_sys::File]) -> Vec<KeptFile> {
    let list: js_sys::Array = files.iter().collect();
    match run(idb_add_county_files(&list)).await {
        Ok(keys) => js_sys::Array::from(&keys).iter().map(KeptFile).collect(),
        Err(_) => Vec::new(),
    }
}

/// Forgets kept files (copies of files the batch has).
pub async fn forget_county_files(kept: &[KeptFile]) {
    let keys: js_sys::Array = kept.iter().map(|k| k.0.clone()).collect();
    let _ = run(idb_forget_county_files(&keys)).await;
}

/// The batch's kept files, in the order they came, with where each is kept.
pub async fn county_files() -> Vec<(KeptFile, web_sys::File)> {
    let Ok(kept) = run(idb_county_files()).await else {
        return Vec::new();
    };
    let field = |name: &str| {
        js_sys::Reflect::get(&kept, &JsValue::from_str(name))
            .map(|v| js_sys::Array::from(&v))
            .unwrap_or_default()
    };
    field("keys")
        .iter()
        .zip(field("files").iter())
        .filter_map(|(key, file)| Some((KeptFile(key), file.dyn_into::<web_sys::File>().ok()?)))
        .collect()
}

/// This page has `files` picked in county mode and not yet kept (0: all kept), so a visit
/// after its tab was closed or reloaded meanwhile can say they were not kept.
pub async fn county_picking(files: usize) {
    let _ = run(idb_county_picking(files as f64)).await;
}

/// How many files a county page now gone had picked and not kept; said once.
pub async fn county_pick_lost() -> usize {
    match run(idb_county_pick_lost()).await {
        Ok(n) => n.as_f64().map_or(0, |n| n as usize),
        Err(_) => 0,
    }
}

/// 清空: the kept files and choices go.
pub async fn clear_county_batch() {
    let _ = run(idb_clear_county_files()).await;
    let _ = run(idb_delete("meta", BATCH_CHOICES_KEY)).await;
}

pub async fn save_batch_choices(choices: &crate::state::county::BatchChoices) {
    if let Ok(json) = serde_json::to_string(choices) {
        let _ = run(idb_put("meta", BATCH_CHOICES_KEY, &json)).await;
    }
}

pub async fn batch_choices() -> crate::state::county::BatchChoices {
    match run(idb_get("meta", BATCH_CHOICES_KEY)).await {
        Ok(v) => v
            .as_string()
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default(),
        Err(_) => Default::default(),
    }
}

async fn run(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// Where the user was (the draft and page), kept in IndexedDB so a killed browser returns there.
const PLACE_KEY: &str = "place";

/// Every JSON text in `store`; none when storage cannot be read.
async fn texts(store: &str) -> Vec<String> {
    match run(idb_all(store)).await {
        Ok(values) => js_sys::Array::from(&values)
            .iter()
            .filter_map(|v| v.as_string())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// Every record of `store` that reads as a `T` (the unreadable left out), newest first by
/// `updated`.
async fn newest_first<T: serde::de::DeserializeOwned>(
    store: &str,
    updated: impl Fn(&T) -> &str,
) -> Vec<T> {
    let mut list: Vec<T> = texts(store)
        .await
        .iter()
        .filter_map(|json| serde_json::from_str(json).ok())
        .collect();
    list.sort_by(|a, b| updated(b).cmp(updated(a)));
    list
}

/// The list of stored drafts, newest first; empty when storage cannot be read.
pub async fn list() -> Vec<DraftSummary> {
    newest_first("summaries", |d: &DraftSummary| &d.updated).await
}

pub async fn load(id: &str) -> Option<Draft> {
    let json = run(idb_get("drafts", id)).await.ok()?.as_string()?;
    serde_json::from_str(&json).ok()
}

/// What happened to a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved,
    /// Another tab stored a newer revision: nothing was written.
    Newer(u64),
    /// The record this tab stored is gone (another tab deleted it): nothing was written.
    Gone,
    Failed,
}

/// What a save's promise resolved to: null when written, else what stood in the way.
fn outcome_of(resolved: JsValue) -> SaveOutcome {
    match resolved.as_f64() {
        Some(theirs) => SaveOutcome::Newer(theirs as u64),
        None if resolved.as_string().as_deref() == Some("gone") => SaveOutcome::Gone,
        None => SaveOutcome::Saved,
    }
}

/// Saves `draft` unless storage holds a revision newer than `base`, the revision this tab last
/// stored (`None` for a draft never stored), or no longer holds the draft (deleted in another
/// tab): checked and written in one transaction, so two tabs never overwrite newer work nor
/// bring back a deleted draft. Tells the other tabs.
pub async fn save(draft: &Draft, base: Option<u64>, summary: &DraftSummary) -> SaveOutcome {
    let (Ok(json), Ok(summary)) = (serde_json::to_string(draft), serde_json::to_string(summary))
    else {
        return SaveOutcome::Failed;
    };
    let written = idb_save_draft(
        &draft.id,
        &json,
        draft.revision as f64,
        &summary,
        base.map(|b| b as f64),
    );
    match run(written).await.map(outcome_of) {
        Ok(SaveOutcome::Saved) => {
            tabs::announce(&draft.id);
            SaveOutcome::Saved
        }
        Ok(outcome) => outcome,
        Err(_) => SaveOutcome::Failed,
    }
}

/// The page is going with changes not stored (`AppState::unsaved`): writes them at once, beside
/// the draft, for the next load to apply ([`recover`]). A save waits on storage before it
/// writes, and a page that is going no longer runs what it waits for: typing and pressing F5
/// lost the last half second. False when storage is not open.
pub fn rescue(draft: &Draft, base: Option<u64>, summary: &DraftSummary) -> bool {
    let (Ok(json), Ok(summary)) = (serde_json::to_string(draft), serde_json::to_string(summary))
    else {
        return false;
    };
    idb_rescue_draft(
        &draft.id,
        &json,
        draft.revision as f64,
        &summary,
        base.map(|b| b as f64),
    )
}

/// Applies what pages that went before their save finished rescued (never over another tab's
/// newer revision, never bringing back a deleted draft); before the drafts are read. A rescue
/// another tab's newer revision stands in the way of is kept as a copy of its own, the school's
/// name marked with `suffix`, so what that page typed is not lost either.
pub async fn recover(suffix: &str) {
    let Ok(unplaced) = run(idb_recover_drafts()).await else {
        return;
    };
    for rescue in js_sys::Array::from(&unplaced).iter() {
        let text = |key: &str| {
            js_sys::Reflect::get(&rescue, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let (Ok(draft), Ok(line)) = (
            serde_json::from_str::<Draft>(&text("json")),
            serde_json::from_str::<DraftSummary>(&text("summary")),
        ) else {
            continue;
        };
        let copy = draft.duplicate(super::clock::new_draft_id(), &super::clock::now(), suffix);
        if save(&copy, None, &line.for_copy(&copy)).await == SaveOutcome::Saved {
            let _ = run(idb_forget_rescue(&text("id"), &text("page"))).await;
        }
    }
}

pub async fn delete(id: &str) -> bool {
    let ok = run(idb_delete_draft(id)).await.is_ok();
    tabs::announce(id);
    ok
}

/// The key a county checklist is stored under: its id, version and content hash.
pub fn checklist_key(c: &Checklist) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}",
        c.doc().id,
        c.doc().version,
        c.sha256()
    )
}

/// Keeps a county checklist file in this browser (county mode and new drafts use it).
pub async fn save_county_checklist(c: &Checklist, text: &str) -> bool {
    run(idb_put("checklists", &checklist_key(c), text))
        .await
        .is_ok()
}

pub async fn delete_county_checklist(key: &str) -> bool {
    run(idb_delete("checklists", key)).await.is_ok()
}

/// A county checklist known to this browser, and whether it is kept in its own store (else
/// only inside a draft, which keeps its checklist file whole).
pub struct KnownChecklist {
    pub text: String,
    pub checklist: Checklist,
    pub kept: bool,
}

/// Every county checklist in this browser: the ones loaded, and the ones drafts were made
/// with. Each once, unreadable ones left out.
pub async fn county_checklists() -> Vec<KnownChecklist> {
    let mut texts: Vec<(String, bool)> = texts("checklists")
        .await
        .into_iter()
        .map(|t| (t, true))
        .collect();
    for summary in list().await {
        if let Some(Draft {
            checklist: ChecklistSource::File { text, .. },
            ..
        }) = load(&summary.id).await
        {
            texts.push((text, false));
        }
    }
    let mut out: Vec<KnownChecklist> = Vec::new();
    for (text, kept) in texts {
        if let Ok(c) = Checklist::from_json(&text) {
            let key = checklist_key(&c);
            if !out.iter().any(|o| checklist_key(&o.checklist) == key) {
                out.push(KnownChecklist {
                    text,
                    checklist: c,
                    kept,
                });
            }
        }
    }
    out
}

/// Every checklist draft (制作县级清单) in this browser, newest first; unreadable ones left out.
pub async fn checklist_drafts() -> Vec<ChecklistDraft> {
    newest_first("checklist_drafts", |d: &ChecklistDraft| &d.updated).await
}

/// Stores a checklist draft (strict durability) unless storage holds a revision newer than
/// `base`, the one this tab last stored or read (`None`: never stored).
pub async fn save_checklist_draft(draft: &ChecklistDraft, base: Option<u64>) -> SaveOutcome {
    let Ok(json) = serde_json::to_string(draft) else {
        return SaveOutcome::Failed;
    };
    let saved = idb_save_revision(
        "checklist_drafts",
        &draft.id,
        &json,
        draft.revision as f64,
        base.map(|b| b as f64),
    );
    match run(saved).await {
        Ok(resolved) => outcome_of(resolved),
        Err(_) => SaveOutcome::Failed,
    }
}

pub async fn load_checklist_draft(id: &str) -> Option<ChecklistDraft> {
    let json = run(idb_get("checklist_drafts", id))
        .await
        .ok()?
        .as_string()?;
    serde_json::from_str(&json).ok()
}

pub async fn delete_checklist_draft(id: &str) -> bool {
    run(idb_delete("checklist_drafts", id)).await.is_ok()
}

/// Remembers the draft and page to return to.
pub async fn save_place(prefs: &Prefs) {
    if let Ok(json) = serde_json::to_string(prefs) {
        let _ = run(idb_put("meta", PLACE_KEY, &json)).await;
    }
}

/// The draft and page to return to, from IndexedDB (it survives a killed browser).
pub async fn load_place() -> Option<Prefs> {
    let json = run(idb_get("meta", PLACE_KEY)).await.ok()?.as_string()?;
    serde_json::from_str(&json).ok()
}

/// Where the county's settings (县级设置) are kept: one record in the "meta" store.
const SETTINGS_KEY: &str = "county_settings";

/// Keeps the county's settings (strict durability), or forgets them (`None`).
pub async fn save_county_settings(
    settings: Option<&crate::core::aggregate::CountySettings>,
) -> bool {
    let saved = match settings {
        Some(s) => run(idb_put("meta", SETTINGS_KEY, &s.to_json()))
            .await
            .is_ok(),
        None => run(idb_delete("meta", SETTINGS_KEY)).await.is_ok(),
    };
    if saved {
        super::prefs::mark_county_settings(settings.is_some());
    }
    saved
}

/// The settings file text kept in this browser, if any.
pub async fn county_settings_text() -> Option<String> {
    let text = run(idb_get("meta", SETTINGS_KEY)).await.ok()?.as_string();
    super::prefs::mark_county_settings(text.is_some());
    text
}
