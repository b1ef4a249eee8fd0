//! The web worker of county mode: it reads the files the page hands it, verifies and re-scores
//! each (`state::county::read_file`) and answers with the facts, one message per file. The
//! page's thread only aggregates and draws.
//!
//! It says `{kind: "ready"}` once it listens (the page holds messages back until then).
//! Messages in: `{kind: "checklists", texts: [checklist JSON …]}` (the county checklists, besides
//! the built-ins) and `{kind: "files", generation, ids: […], files: [File …]}`. Out: one
//! `{id, generation, reply}` per file, the reply a `FileReply` as JSON.
//!
//! Files are read asynchronously, a few at a time: the next ones are on their way while one
//! is verified (a file's bytes come from the browser, not from this thread's memory).

use crate::core::builtin::readable;
use crate::core::checklist::{add_to_set, Checklist};
use crate::state::county::{read_file, FileReply, MAX_FILE_BYTES};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files being read at once by one worker.
const READS_IN_FLIGHT: usize = 6;

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// The built-ins and the county checklists named by their texts (clashes left out).
fn checklists(texts: &js_sys::Array) -> Vec<Checklist> {
    let mut set = readable().unwrap_or_default();
    for text in texts.iter().filter_map(|t| t.as_string()) {
        if let Ok(c) = Checklist::from_json(&text) {
            let _ = add_to_set(&mut set, c);
        }
    }
    set
}

/// A file to read: its id and generation (handed back), and the browser's handle.
struct Job {
    id: JsValue,
    generation: JsValue,
    file: Option<web_sys::File>,
}

struct Worker {
    scope: web_sys::DedicatedWorkerGlobalScope,
    known: RefCell<Vec<Checklist>>,
    queue: RefCell<VecDeque<Job>>,
    reading: Cell<usize>,
}

impl Worker {
    /// Starts reading queued files while fewer than `READS_IN_FLIGHT` are under way.
    fn pump(self: &Rc<Self>) {
        while self.reading.get() < READS_IN_FLIGHT {
            let Some(job) = self.queue.borrow_mut().pop_front() else {
                return;
            };
            self.reading.set(self.reading.get() + 1);
            let me = self.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let reply = match &job.file {
                    Some(file) if file.size() > MAX_FILE_BYTES as f64 => FileReply::TooLarge {
                        size: file.size() as u64,
                    },
                    Some(file) => match JsFuture::from(file.array_buffer()).await {
                        Ok(buffer) => read_file(
                            &file.name(),
                            &js_sys::Uint8Array::new(&buffer).to_vec(),
                            &me.known.borrow(),
                        ),
                        Err(_) => FileReply::Unreadable,
                    },
                    None => FileReply::Unreadable,
                };
                let message = js_sys::Object::new();
                set(&message, "id", &job.id);
                set(&message, "generation", &job.generation);
                let json = serde_json::to_string(&reply).unwrap_or_default();
                set(&message, "reply", &JsValue::from_str(&json));
                let _ = me.scope.post_message(&message);
                me.reading.set(me.reading.get() - 1);
                me.pump();
            });
        }
    }
}

/// Starts listening; the worker lives as long as the page keeps it.
pub fn start() {
    let worker = Rc::new(Worker {
        scope: js_sys::global().unchecked_into(),
        known: RefCell::new(readable().unwrap_or_default()),
        queue: RefCell::new(VecDeque::new()),
        reading: Cell::new(0),
    });
    let me = worker.clone();
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            match field(&data, "kind").as_string().as_deref() {
                Some("checklists") => {
                    *me.known.borrow_mut() = checklists(&field(&data, "texts").unchecked_into());
                }
                Some("files") => {
                    let generation = field(&data, "generation");
                    let ids: js_sys::Array = field(&data, "ids").unchecked_into();
                    let files: js_sys::Array = field(&data, "files").unchecked_into();
                    let mut queue = me.queue.borrow_mut();
                    for (id, file) in ids.iter().zip(files.iter()) {
                        queue.push_back(Job {
                            id,
                            generation: generation.clone(),
                            file: file.dyn_into::<web_sys::File>().ok(),
                        });
                    }
                    drop(queue);
                    me.pump();
                }
                _ => {}
            }
        });
    worker
        .scope
        .set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    // Listening now: the page sends what it held back.
    let ready = js_sys::Object::new();
    set(&ready, "kind", &JsValue::from_str("ready"));
    let _ = worker.scope.post_message(&ready);
}
