//! The web worker of county mode: it reads the files the page hands it, verifies and re-scores
//! each one (`state::county::read_file`) and answers with the facts. The page's thread only
//! hands `File`s over, aggregates and draws; the bytes are read here.
//!
//! It says `{kind: "ready"}` once it listens (the page holds messages back until then), then
//! warms up on an example school's file until the first files come (`warm_up`).
//! Messages in: `{kind: "checklists", texts: [checklist JSON …]}` (the county checklists, besides
//! the built-ins) and `{kind: "files", generation, files: [{id, size, file: File}, …]}`. Out:
//! `{kind: "replies", replies: [{id, generation, size, reply}, …]}`, the reply a `FileReply` as
//! JSON (the size goes back for the page's count of bytes out), a few files' replies to a
//! message (`Outbox`).

use crate::core::builtin::readable;
use crate::core::checklist::Checklist;
use crate::state::county::{max_bytes, read_file, FileReply, WARM_UP_FILE};
use crate::state::draft::{checklists_of, known_here};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

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

/// What a file's bytes are (the page refuses files over the limit by size before handing them
/// over; this is the same rule for a file that grew since).
fn reply_for(name: &str, buffer: &js_sys::ArrayBuffer, known: &[Checklist]) -> FileReply {
    let size = u64::from(buffer.byte_length());
    if size > max_bytes(name) {
        return FileReply::TooLarge {
            size,
            limit: max_bytes(name),
        };
    }
    read_file(name, &js_sys::Uint8Array::new(buffer).to_vec(), known)
}

/// Replies sent together, at most: each message costs the page's thread something, whatever
/// it holds.
const REPLIES_PER_MESSAGE: u32 = 16;
/// How long a reply may wait for others to go with it.
const REPLY_WAIT_MS: u32 = 25;

/// Replies waiting to go to the page, and the files still being read here.
struct Outbox {
    scope: web_sys::DedicatedWorkerGlobalScope,
    replies: RefCell<js_sys::Array>,
    /// Files handed to this worker and not yet answered.
    reading: Cell<usize>,
    /// A send is due on a timer.
    timed: Cell<bool>,
}

impl Outbox {
    /// Queues one file's reply; sends the queue when it is full or nothing else is being read
    /// here, otherwise within `REPLY_WAIT_MS`.
    fn answer(
        self: &Rc<Self>,
        id: &JsValue,
        generation: &JsValue,
        size: &JsValue,
        reply: &FileReply,
    ) {
        let answer = js_sys::Object::new();
        set(&answer, "id", id);
        set(&answer, "generation", generation);
        set(&answer, "size", size);
        let json = serde_json::to_string(reply).unwrap_or_default();
        set(&answer, "reply", &JsValue::from_str(&json));
        self.replies.borrow().push(&answer);
        self.reading.set(self.reading.get().saturating_sub(1));
        if self.reading.get() == 0 || self.replies.borrow().length() >= REPLIES_PER_MESSAGE {
            self.send();
        } else if !self.timed.replace(true) {
            let me = self.clone();
            gloo::timers::callback::Timeout::new(REPLY_WAIT_MS, move || {
                me.timed.set(false);
                me.send();
            })
            .forget();
        }
    }

    fn send(&self) {
        let replies = self.replies.replace(js_sys::Array::new());
        if replies.length() == 0 {
            return;
        }
        let message = js_sys::Object::new();
        set(&message, "kind", &JsValue::from_str("replies"));
        set(&message, "replies", &replies);
        let _ = self.scope.post_message(&message);
    }
}

/// Reads each file of a lot (the browser reads them off this thread, all at once) and answers
/// for each as its bytes come.
fn read_lot(data: &JsValue, known: &Rc<RefCell<Vec<Checklist>>>, outbox: &Rc<Outbox>) {
    let generation = field(data, "generation");
    let Ok(files) = field(data, "files").dyn_into::<js_sys::Array>() else {
        return;
    };
    outbox
        .reading
        .set(outbox.reading.get() + files.length() as usize);
    for entry in files.iter() {
        let (id, size) = (field(&entry, "id"), field(&entry, "size"));
        let (known, outbox, generation) = (known.clone(), outbox.clone(), generation.clone());
        let Ok(file) = field(&entry, "file").dyn_into::<web_sys::File>() else {
            outbox.answer(&id, &generation, &size, &FileReply::Unreadable);
            continue;
        };
        let reading = JsFuture::from(file.array_buffer());
        wasm_bindgen_futures::spawn_local(async move {
            let reply = match reading.await.map(JsCast::dyn_into::<js_sys::ArrayBuffer>) {
                Ok(Ok(buffer)) => reply_for(&file.name(), &buffer, &known.borrow()),
                // Gone or changed on disk since it was picked.
                _ => FileReply::Unreadable,
            };
            outbox.answer(&id, &generation, &size, &reply);
        });
    }
}

/// Files read to warm up, at most: one to a task, so a message waits for one at most. With 40,
/// about 0.27 s of compiling still came a quarter to half a second into a batch of 1,000 files
/// (traced); with 160, 0.04–0.11 s, for roughly 0.2 s of each worker while the officer chooses.
const WARM_UP_ROUNDS: u32 = 160;

/// Reads the example school's file over and over ([`WARM_UP_FILE`]), writing its reply, until
/// the first real file arrives (`files_came`) or `WARM_UP_ROUNDS` are done: the engine then
/// compiles the code that runs hot for speed while the officer is still choosing files, not
/// during the first batch.
/// Measured (1,000 files, `scripts/bench-county.mjs`): see README.
fn warm_up(known: Rc<RefCell<Vec<Checklist>>>, files_came: Rc<Cell<bool>>, round: u32) {
    if round == WARM_UP_ROUNDS || files_came.get() {
        return;
    }
    let (name, text) = WARM_UP_FILE;
    // Its reply written as a file's is (`Outbox::answer`).
    let _ = serde_json::to_string(&read_file(name, text.as_bytes(), &known.borrow()));
    gloo::timers::callback::Timeout::new(0, move || warm_up(known, files_came, round + 1)).forget();
}

/// Starts listening; the worker lives as long as the page keeps it.
pub fn start() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let known = Rc::new(RefCell::new(readable().unwrap_or_default()));
    let files_came = Rc::new(Cell::new(false));
    let outbox = Rc::new(Outbox {
        scope: scope.clone(),
        replies: RefCell::new(js_sys::Array::new()),
        reading: Cell::new(0),
        timed: Cell::new(false),
    });
    let (warm_known, warm_stop) = (known.clone(), files_came.clone());
    let onmessage =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = e.data();
            match field(&data, "kind").as_string().as_deref() {
                Some("checklists") => {
                    *known.borrow_mut() = checklists(&field(&data, "texts").unchecked_into());
                }
                Some("files") => {
                    files_came.set(true);
                    read_lot(&data, &known, &outbox);
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
