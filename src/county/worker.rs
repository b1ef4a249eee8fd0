//! The web worker of county mode: it reads the files the page hands it, verifies and re-scores
//! each (`state::county::read_file`) and answers with the facts, one message per file. The
//! page's thread only aggregates and draws.
//!
//! It says `{kind: "ready"}` once it listens (the page holds messages back until then).
//! Messages in: `{kind: "checklists", texts: [checklist JSON …]}` (the county checklists, besides
//! the built-ins) and `{kind: "file", id, generation, file}` (a browser `File`). Out:
//! `{id, generation, reply}`, the reply a `FileReply` as JSON.

use crate::core::builtin::builtins;
use crate::core::checklist::{add_to_set, Checklist};
use crate::state::county::{read_file, FileReply};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The built-ins and the county checklists named by their texts (clashes left out).
fn checklists(texts: &js_sys::Array) -> Vec<Checklist> {
    let mut set = builtins().unwrap_or_default();
    for text in texts.iter().filter_map(|t| t.as_string()) {
        if let Ok(c) = Checklist::from_json(&text) {
            let _ = add_to_set(&mut set, c);
        }
    }
    set
}

fn read(reader: &web_sys::FileReaderSync, file: &web_sys::File, known: &[Checklist]) -> FileReply {
    match reader.read_as_array_buffer(file) {
        Ok(buffer) => read_file(
            &file.name(),
            &js_sys::Uint8Array::new(&buffer).to_vec(),
            known,
        ),
        Err(_) => FileReply::Unreadable,
    }
}

/// Starts listening; the worker lives as long as the page keeps it.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let Ok(reader) = web_sys::FileReaderSync::new() else {
        return;
    };
    let known = Rc::new(RefCell::new(builtins().unwrap_or_default()));
    let post = scope.clone();
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            match field(&data, "kind").as_string().as_deref() {
                Some("checklists") => {
                    *known.borrow_mut() = checklists(&field(&data, "texts").unchecked_into());
                }
                Some("file") => {
                    let id = field(&data, "id");
                    let reply = match field(&data, "file").dyn_into::<web_sys::File>() {
                        Ok(file) => read(&reader, &file, &known.borrow()),
                        Err(_) => FileReply::Unreadable,
                    };
                    let message = js_sys::Object::new();
                    let json = serde_json::to_string(&reply).unwrap_or_default();
                    let _ = js_sys::Reflect::set(&message, &JsValue::from_str("id"), &id);
                    let generation = field(&data, "generation");
                    let _ = js_sys::Reflect::set(
                        &message,
                        &JsValue::from_str("generation"),
                        &generation,
                    );
                    let _ = js_sys::Reflect::set(
                        &message,
                        &JsValue::from_str("reply"),
                        &JsValue::from_str(&json),
                    );
                    let _ = post.post_message(&message);
                }
                _ => {}
            }
        });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Listening now: the page sends what it held back.
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &ready,
        &JsValue::from_str("kind"),
        &JsValue::from_str("ready"),
    );
    let _ = scope.post_message(&ready);
}
