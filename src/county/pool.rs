//! A pool of county-mode workers, one per core: this thread hands each worker the files it is
//! to read (the `File`s themselves, a lot of them in one message); the worker reads their bytes
//! and verifies them; facts come back. Dropping the pool stops every worker at once: that is
//! how reading is cancelled.
//!
//! Why the `File`s and not their bytes: reading a file's bytes here (`arrayBuffer()`, then
//! moving them over) cost this thread about 0.2 ms a file, 169–232 ms for 1,000 files; posting
//! 1,000 `File`s, 60 to a message, 6–17 ms (a lot of 60 is shared out, one message per worker) (Chromium 143, files of 20 KB in the site's private
//! folder; one `File` to a message: 41–44 ms). Each worker reads its files off this thread.
//! In county mode, 1,000 files: this thread busy 0.9–1.2 s instead of 1.7–2.0 s, with the files
//! kept in this browser only once all are read (`page.rs`'s `keep_in_order`): while the browser
//! was also keeping them, handing `File`s over cost it more than it saved.
//! At most `WINDOW` files and `WINDOW_BYTES` are out at once, so 10,000 files never sit in
//! memory together.
//!
//! A module worker starts its WebAssembly asynchronously; a message that arrives before it
//! listens is lost. So each worker says `{kind: "ready"}` when it listens, and until then its
//! messages wait here.

use crate::state::county::{max_bytes, FileReply};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, next to the county page (Trunk writes it; workers are not hashed). An
/// ES module worker: the shell's JS snippets (IndexedDB) are modules, which a classic worker
/// script cannot carry.
const WORKER_URL: &str = "./ziping-county-worker_loader.js";

/// Files read or being read and not yet answered, at most (about 6 MB of typical files)…
pub const WINDOW: usize = 240;
/// …and their bytes, at most (files may be up to 4 MB each): beyond it, no new file is read
/// until answers come back.
const WINDOW_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// One worker and the messages waiting for it to listen.
struct Member {
    worker: web_sys::Worker,
    /// `None` once the worker listens.
    waiting: RefCell<Option<Vec<JsValue>>>,
}

impl Member {
    fn post(&self, message: JsValue) {
        match self.waiting.borrow_mut().as_mut() {
            Some(queue) => queue.push(message),
            None => {
                let _ = self.worker.post_message(&message);
            }
        }
    }

    fn ready(&self) {
        for message in self.waiting.borrow_mut().take().unwrap_or_default() {
            let _ = self.worker.post_message(&message);
        }
    }
}

pub struct Pool {
    members: Vec<Rc<Member>>,
    next: Cell<usize>,
    /// Files handed out and not yet answered, and their bytes.
    out: Rc<Cell<usize>>,
    out_bytes: Rc<Cell<f64>>,
    on_reply: Rc<dyn Fn(u32, u32, FileReply)>,
    _listeners: Vec<Closure<dyn FnMut(web_sys::MessageEvent)>>,
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

impl Pool {
    /// As many workers as the computer has cores (at least one, at most eight); `on_reply`
    /// gets each file's id, the batch's generation it was read in, and what its worker found.
    pub fn new(on_reply: Rc<dyn Fn(u32, u32, FileReply)>) -> Option<Pool> {
        let cores = gloo::utils::window().navigator().hardware_concurrency() as usize;
        let size = cores.clamp(1, 8);
        let mut members = Vec::with_capacity(size);
        let mut listeners = Vec::with_capacity(size);
        let out = Rc::new(Cell::new(0usize));
        let out_bytes = Rc::new(Cell::new(0f64));
        for _ in 0..size {
            let options = web_sys::WorkerOptions::new();
            options.set_type(web_sys::WorkerType::Module);
            let member = Rc::new(Member {
                worker: web_sys::Worker::new_with_options(WORKER_URL, &options).ok()?,
                waiting: RefCell::new(Some(Vec::new())),
            });
            let (on_reply, me) = (on_reply.clone(), member.clone());
            let (out, out_bytes) = (out.clone(), out_bytes.clone());
            let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    let data = e.data();
                    let get = |k: &str| js_sys::Reflect::get(&data, &JsValue::from_str(k)).ok();
                    if get("kind").and_then(|k| k.as_string()).as_deref() == Some("ready") {
                        me.ready();
                        return;
                    }
                    // `{kind: "replies", replies: [{id, generation, size, reply}, …]}`.
                    let replies = get("replies")
                        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
                        .unwrap_or_default();
                    for answer in replies.iter() {
                        let get =
                            |k: &str| js_sys::Reflect::get(&answer, &JsValue::from_str(k)).ok();
                        let number = |k: &str| get(k).and_then(|v| v.as_f64()).map(|n| n as u32);
                        let reply = get("reply")
                            .and_then(|v| v.as_string())
                            .and_then(|json| serde_json::from_str::<FileReply>(&json).ok());
                        if let (Some(id), Some(generation)) = (number("id"), number("generation")) {
                            out.set(out.get().saturating_sub(1));
                            let size = get("size").and_then(|v| v.as_f64()).unwrap_or(0.0);
                            out_bytes.set((out_bytes.get() - size).max(0.0));
                            on_reply(id, generation, reply.unwrap_or(FileReply::Unreadable));
                        }
                    }
                },
            );
            member
                .worker
                .set_onmessage(Some(listener.as_ref().unchecked_ref()));
            members.push(member);
            listeners.push(listener);
        }
        Some(Pool {
            members,
            next: Cell::new(0),
            out,
            out_bytes,
            on_reply,
            _listeners: listeners,
        })
    }

    /// The county checklists every worker verifies with, besides the built-ins.
    pub fn set_checklists(&self, texts: &[String]) {
        let array: js_sys::Array = texts.iter().map(|t| JsValue::from_str(t)).collect();
        let message = js_sys::Object::new();
        set(&message, "kind", &JsValue::from_str("checklists"));
        set(&message, "texts", &array);
        for m in &self.members {
            m.post(message.clone().into());
        }
    }

    /// How many more files may be handed out now (see `WINDOW` and `WINDOW_BYTES`).
    pub fn room(&self) -> usize {
        if self.out_bytes.get() >= WINDOW_BYTES {
            0
        } else {
            WINDOW.saturating_sub(self.out.get())
        }
    }

    /// Hands the files (each with its size) to the workers, round the pool, one message per
    /// worker, to be read for the batch's `generation`, until `WINDOW_BYTES` are out; returns
    /// how many it took.
    pub fn send(&self, generation: u32, files: &[(u32, &web_sys::File, f64)]) -> usize {
        let lots: Vec<js_sys::Array> = self.members.iter().map(|_| js_sys::Array::new()).collect();
        let mut taken = files.len();
        for (at, &(id, file, size)) in files.iter().enumerate() {
            if self.out_bytes.get() >= WINDOW_BYTES {
                taken = at;
                break;
            }
            // Never read what cannot be a submission (a video named .json): answered by its
            // size, in a task of its own (the caller is in the middle of handing out).
            let limit = max_bytes(&file.name());
            if size > limit as f64 {
                let on_reply = self.on_reply.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let size = size as u64;
                    on_reply(id, generation, FileReply::TooLarge { size, limit });
                });
                continue;
            }
            let n = self.next.get();
            self.next.set((n + 1) % self.members.len());
            self.out.set(self.out.get() + 1);
            self.out_bytes.set(self.out_bytes.get() + size);
            let entry = js_sys::Object::new();
            set(&entry, "id", &JsValue::from_f64(f64::from(id)));
            set(&entry, "size", &JsValue::from_f64(size));
            set(&entry, "file", file);
            lots[n].push(&entry);
        }
        for (member, lot) in self.members.iter().zip(lots) {
            if lot.length() > 0 {
                let message = js_sys::Object::new();
                set(&message, "kind", &JsValue::from_str("files"));
                set(
                    &message,
                    "generation",
                    &JsValue::from_f64(f64::from(generation)),
                );
                set(&message, "files", &lot);
                member.post(message.into());
            }
        }
        taken
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for m in &self.members {
            m.worker.terminate();
        }
    }
}
