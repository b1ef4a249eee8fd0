//! Browser storage and environment glue. Failures are reported, never panics: a browser with
//! storage disabled still runs the app, and says that it cannot save.
//!
//! Drafts are in IndexedDB (see `idb.js` for why); the language is also in localStorage so
//! the first paint is already in the right language.

use crate::i18n::Lang;
use crate::state::draft::{Draft, DraftSummary};
use crate::state::Prefs;
use gloo::events::EventListener;
use gloo::storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/app/idb.js")]
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
        base: f64,
    ) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_name = idbDeleteDraft, catch)]
    fn idb_delete_draft(id: &str) -> Result<js_sys::Promise, JsValue>;
}

async fn run(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The saved preferences, or the defaults when none are stored or they cannot be read.
pub fn load_prefs() -> Prefs {
    LocalStorage::get(Prefs::STORAGE_KEY).unwrap_or_default()
}

/// Saves the preferences; returns whether it worked (storage may be full or disabled).
pub fn save_prefs(prefs: &Prefs) -> bool {
    LocalStorage::set(Prefs::STORAGE_KEY, prefs).is_ok()
}

/// The channel other tabs of this app listen on.
const CHANNEL: &str = "ziping";

/// Where the user was (the draft and page), kept in IndexedDB so a killed browser returns there.
const PLACE_KEY: &str = "place";

/// The list of stored drafts, newest first; empty when storage cannot be read.
pub async fn list_drafts() -> Vec<DraftSummary> {
    let Ok(values) = run(idb_all("summaries")).await else {
        return Vec::new();
    };
    let mut list: Vec<DraftSummary> = js_sys::Array::from(&values)
        .iter()
        .filter_map(|v| v.as_string())
        .filter_map(|json| serde_json::from_str(&json).ok())
        .collect();
    list.sort_by(|a, b| b.updated.cmp(&a.updated));
    list
}

pub async fn load_draft(id: &str) -> Option<Draft> {
    let json = run(idb_get("drafts", id)).await.ok()?.as_string()?;
    serde_json::from_str(&json).ok()
}

/// What happened to a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    Saved,
    /// Another tab stored a newer revision: nothing was written.
    Newer(u64),
    Failed,
}

/// Saves `draft` unless storage holds a revision newer than `saved_revision` (another tab's
/// work), checked and written in one transaction. `saved_revision` is `u64::MAX` for a draft
/// never saved. Tells the other tabs.
pub async fn save_draft(draft: &Draft, saved_revision: u64, summary: &DraftSummary) -> SaveOutcome {
    let (Ok(json), Ok(summary)) = (serde_json::to_string(draft), serde_json::to_string(summary))
    else {
        return SaveOutcome::Failed;
    };
    let base = if saved_revision == u64::MAX {
        -1.0
    } else {
        saved_revision as f64
    };
    match run(idb_save_draft(
        &draft.id,
        &json,
        draft.revision as f64,
        &summary,
        base,
    ))
    .await
    {
        Ok(v) => match v.as_f64() {
            Some(n) if n >= 0.0 => SaveOutcome::Newer(n as u64),
            _ => {
                announce(&draft.id);
                SaveOutcome::Saved
            }
        },
        Err(_) => SaveOutcome::Failed,
    }
}

pub async fn delete_draft(id: &str) -> bool {
    let ok = run(idb_delete_draft(id)).await.is_ok();
    announce(id);
    ok
}

/// The key a county checklist is stored under: its id, version and content hash.
pub fn checklist_key(c: &crate::core::checklist::Checklist) -> String {
    format!(
        "{}\u{1f}{}\u{1f}{}",
        c.doc().id,
        c.doc().version,
        c.sha256()
    )
}

/// Keeps a county checklist file in this browser (county mode and new drafts use it).
pub async fn save_county_checklist(c: &crate::core::checklist::Checklist, text: &str) -> bool {
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
    pub checklist: crate::core::checklist::Checklist,
    pub kept: bool,
}

/// Every county checklist in this browser: the ones loaded, and the ones drafts were made
/// with. Each once, unreadable ones left out.
pub async fn county_checklists() -> Vec<KnownChecklist> {
    let mut texts: Vec<(String, bool)> = match run(idb_all("checklists")).await {
        Ok(values) => js_sys::Array::from(&values)
            .iter()
            .filter_map(|v| v.as_string())
            .map(|t| (t, true))
            .collect(),
        Err(_) => Vec::new(),
    };
    for summary in list_drafts().await {
        if let Some(Draft {
            checklist: crate::state::draft::ChecklistSource::File { text, .. },
            ..
        }) = load_draft(&summary.id).await
        {
            texts.push((text, false));
        }
    }
    let mut out: Vec<KnownChecklist> = Vec::new();
    for (text, kept) in texts {
        if let Ok(c) = crate::core::checklist::Checklist::from_json(&text) {
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

/// Remembers the draft and page to return to.
pub async fn save_place(prefs: &Prefs) {
    if let Ok(json) = serde_json::to_string(prefs) {
        let _ = run(idb_put("meta", PLACE_KEY, &json)).await;
    }
}

/// The draft and page to return to, from IndexedDB (it survives a killed browser), else from
/// the preferences in localStorage.
pub async fn load_place() -> Option<Prefs> {
    let json = run(idb_get("meta", PLACE_KEY)).await.ok()?.as_string()?;
    serde_json::from_str(&json).ok()
}

fn announce(id: &str) {
    if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
        let _ = channel.post_message(&JsValue::from_str(id));
        channel.close();
    }
}

/// Keeps a listener for the other tabs alive; dropping it stops listening.
pub struct OtherTabs {
    channel: web_sys::BroadcastChannel,
    _listener: EventListener,
}

impl Drop for OtherTabs {
    fn drop(&mut self) {
        self.channel.close();
    }
}

/// Calls `on_change(draft_id)` when another tab saves or deletes a draft.
pub fn watch_other_tabs(on_change: impl Fn(String) + 'static) -> Option<OtherTabs> {
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let listener = EventListener::new(&channel, "message", move |e| {
        if let Some(id) = e
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|m| m.data().as_string())
        {
            on_change(id);
        }
    });
    Some(OtherTabs {
        channel,
        _listener: listener,
    })
}

/// Calls `on_hide` when the page is hidden or closed, to flush unsaved changes.
pub fn on_page_hide(on_hide: impl Fn() + 'static) -> [EventListener; 2] {
    let on_hide = std::rc::Rc::new(on_hide);
    let again = on_hide.clone();
    [
        EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
            if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                on_hide();
            }
        }),
        EventListener::new(&gloo::utils::window(), "pagehide", move |_| again()),
    ]
}

/// Reads the file picked in a file input: clears the input (so the same file can be picked
/// again), refuses a file over `max` bytes before reading it (`too_large(name, size)`), and
/// otherwise calls `on_read(name, bytes)`. Keep the returned reader alive until then.
pub fn read_picked(
    e: &web_sys::Event,
    max: u64,
    too_large: impl FnOnce(String, u64),
    on_read: impl FnOnce(String, Vec<u8>) + 'static,
) -> Option<gloo::file::callbacks::FileReader> {
    read_picked_typed(e, max, too_large, move |name, _mime, bytes| {
        on_read(name, bytes)
    })
}

/// As [`read_picked`], also giving the file's type (e.g. `application/pdf`).
pub fn read_picked_typed(
    e: &web_sys::Event,
    max: u64,
    too_large: impl FnOnce(String, u64),
    on_read: impl FnOnce(String, String, Vec<u8>) + 'static,
) -> Option<gloo::file::callbacks::FileReader> {
    let input: web_sys::HtmlInputElement = e.target()?.dyn_into().ok()?;
    let file = gloo::file::File::from(input.files()?.get(0)?);
    input.set_value("");
    let (name, mime) = (file.name(), file.raw_mime_type());
    if file.size() > max {
        too_large(name, file.size());
        return None;
    }
    Some(gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
        on_read(name, mime, bytes.unwrap_or_default())
    }))
}

/// Now, as RFC 3339 with the local offset (what drafts record).
pub fn now_rfc3339() -> String {
    let d = js_sys::Date::new_0();
    let offset = -(d.get_timezone_offset() as i64);
    let sign = if offset >= 0 { '+' } else { '-' };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        sign,
        offset.abs() / 60,
        offset.abs() % 60
    )
}

/// The local time as people read it: "10:32".
pub fn clock_now() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// A new draft id: time-based and random enough for one browser.
pub fn new_draft_id() -> String {
    format!(
        "{:x}{:06x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 16_777_216.0) as u64
    )
}

/// Offers `text` as a file download.
pub fn download(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // Revoking at once can cancel the download or lose its name: wait until it has started.
    gloo::timers::callback::Timeout::new(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Keeps `<html lang>` in step with the interface language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            el.scroll_into_view();
            let _ = el.focus();
        }
    }
}

/// Opens the browser's print dialog (the print stylesheet lays out the report).
pub fn print() {
    let _ = gloo::utils::window().print();
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
