//! The web worker of county mode: it verifies and re-scores each file the page hands it
//! (`state::county::read_file`) and answers with the facts, one message per file. The page's
//! thread reads the bytes (the browser does, off that thread) and moves them here; it only
//! aggregates and draws.
//!
//! It says `{kind: "ready"}` once it listens (the page holds messages back until then), then
//! warms up on an example school's file until the first file comes (`warm_up`).
//! Messages in: `{kind: "checklists", texts: [checklist JSON …]}` (the county checklists, besides
//! the built-ins) and `{kind: "file", id, generation, name, size, bytes: ArrayBuffer}`. Out: one
//! `{id, generation, size, reply}` per file, the reply a `FileReply` as JSON (the size goes
//! back for the page's count of bytes out).

use crate::core::builtin::readable;
use crate::core::checklist::Checklist;
use crate::state::county::{max_bytes, read_file, FileReply, WARM_UP_FILE};
use crate::state::draft::{checklists_of, known_here};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// The built-ins and the county checklists named by their texts (`known_here`: clashes left
/// out).
fn checklists(texts: &js_sys::Array) -> Vec<Checklist> {
    let files: Vec<(String, String)> = texts
        .iter()
        .filter_map(|t| t.as_string())
        .map(|text| (String::new(), text))
        .collect();
    checklists_of(&known_here(&readable().unwrap_or_default(), &files).0)
}

/// What a file's bytes are (the page refuses files over the limit by size before reading them;
/// this is the same rule for bytes that arrive anyway).
fn reply_for(data: &JsValue, known: &[Checklist]) -> FileReply {
    let name = field(data, "name").as_string().unwrap_or_default();
    match field(data, "bytes").dyn_into::<js_sys::ArrayBuffer>() {
        Ok(buffer) if u64::from(buffer.byte_length()) > max_bytes(&name) => FileReply::TooLarge {
            size: u64::from(buffer.byte_length()),
            limit: max_bytes(&name),
        },
        Ok(buffer) => read_file(&name, &js_sys::Uint8Array::new(&buffer).to_vec(), known),
        Err(_) => FileReply::Unreadable,
    }
}

/// Files read to warm up, at most: one to a task, so a message waits for one at most.
const WARM_UP_ROUNDS: u32 = 40;

/// Reads the example school's file over and over ([`WARM_UP_FILE`]) until the first real file
/// arrives (`files_came`) or `WARM_UP_ROUNDS` are done: the engine then compiles the code that
/// runs hot for speed while the officer is still choosing files, not during the first batch.
/// Measured (1,000 files, `scripts/bench-county.mjs`): see README.
fn warm_up(known: Rc<RefCell<Vec<Checklist>>>, files_came: Rc<Cell<bool>>, round: u32) {
    if round == WARM_UP_ROUNDS || files_came.get() {
        return;
    }
    let (name, text) = WARM_UP_FILE;
    let _ = read_file(name, text.as_bytes(), &known.borrow());
    gloo::timers::callback::Timeout::new(0, move || warm_up(known, files_came, round + 1)).forget();
}

/// Starts listening; the worker lives as long as the page keeps it.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let known = Rc::new(RefCell::new(readable().unwrap_or_default()));
    let files_came = Rc::new(Cell::new(false));
    let answer = scope.clone();
    let (warm_known, warm_stop) = (known.clone(), files_came.clone());
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            match field(&data, "kind").as_string().as_deref() {
                Some("checklists") => {
                    *known.borrow_mut() = checklists(&field(&data, "texts").unchecked_into());
                }
                Some("file") => {
                    files_came.set(true);
                    let reply = reply_for(&data, &known.borrow());
                    let message = js_sys::Object::new();
                    set(&message, "id", &field(&data, "id"));
                    set(&message, "generation", &field(&data, "generation"));
                    set(&message, "size", &field(&data, "size"));
                    let json = serde_json::to_string(&reply).unwrap_or_default();
                    set(&message, "reply", &JsValue::from_str(&json));
                    let _ = answer.post_message(&message);
                }
                _ => {}
            }
        });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Listening now: the page sends what it held back.
    let ready = js_sys::Object::new();
    set(&ready, "kind", &JsValue::from_str("ready"));
    let _ = scope.post_message(&ready);
    warm_up(warm_known, warm_stop, 0);
}
