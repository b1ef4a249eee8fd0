//! A pool of county-mode workers, one per core: this thread reads each file's bytes (the
//! browser reads them off this thread; only the hand-over is here) and moves them to a worker
//! (transferred, not copied); facts come back. Dropping the pool stops every worker at once:
//! that is how reading is cancelled.
//!
//! Why the bytes and not the `File`: posting a `File` costs this thread a fraction of a
//! millisecond per file (the browser looks at it on disk): 235–490 ms for 1,000 files, against
//! 70–130 ms for starting 1,000 reads and moving their bytes (measured in Chromium 143).
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
use wasm_bindgen_futures::JsFuture;

/// The worker's loader, next to the county page (Trunk writes it; workers are not hashed). An
/// ES module worker: the shell's JS snippets (IndexedDB) are modules, which a classic worker
/// script cannot carry.
const WORKER_URL: &str = "./ziping-county-worker_loader.js";

/// Files read or being read and not yet answered, at most (about 6 MB of typical files)…
pub const WINDOW: usize = 240;
/// …and their bytes, at most (files may be up to 4 MB each): beyond it, no new file is read
/// until answers come back.
const WINDOW_BYTES: f64 = 32.0 * 1024.0 * 1024.0;

/// A message and what it hands over (transfers).
type Message = (JsValue, Option<js_sys::Array>);

/// One worker and the messages waiting for it to listen.
struct Member {
    worker: web_sys::Worker,
    /// `None` once the worker listens.
    waiting: RefCell<Option<Vec<Message>>>,
}

impl Member {
    fn post(&self, message: JsValue, transfer: Option<js_sys::Array>) {
        match self.waiting.borrow_mut().as_mut() {
            Some(queue) => queue.push((message, transfer)),
            None => Self::send(&self.worker, &message, transfer.as_ref()),
        }
    }

    fn send(worker: &web_sys::Worker, message: &JsValue, transfer: Option<&js_sys::Array>) {
        let _ = match transfer {
            Some(t) => worker.post_message_with_transfer(message, t),
            None => worker.post_message(message),
        };
    }

    fn ready(&self) {
        for (message, transfer) in self.waiting.borrow_mut().take().unwrap_or_default() {
            Self::send(&self.worker, &message, transfer.as_ref());
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
            m.post(message.clone().into(), None);
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

    /// Reads the files (each with its size) and moves each one's bytes to the next worker, to
    /// be read for the batch's `generation`, until `WINDOW_BYTES` are out; returns how many it
    /// took. A file the browser cannot read is answered here, as unreadable.
    pub fn send(&self, generation: u32, files: &[(u32, &web_sys::File, f64)]) -> usize {
        for (taken, &(id, file, size)) in files.iter().enumerate() {
            if self.out_bytes.get() >= WINDOW_BYTES {
                return taken;
            }
            let on_reply = self.on_reply.clone();
            // Never read what cannot be a submission (a video named .json): answered by its
            // size, in a task of its own (the caller is in the middle of handing out).
            let limit = max_bytes(&file.name());
            if size > limit as f64 {
                wasm_bindgen_futures::spawn_local(async move {
                    let size = size as u64;
                    on_reply(id, generation, FileReply::TooLarge { size, limit });
                });
                continue;
            }
            let n = self.next.get();
            self.next.set((n + 1) % self.members.len());
            let member = self.members[n].clone();
            self.out.set(self.out.get() + 1);
            self.out_bytes.set(self.out_bytes.get() + size);
            let (out, out_bytes) = (self.out.clone(), self.out_bytes.clone());
            let (reading, name) = (JsFuture::from(file.array_buffer()), file.name());
            wasm_bindgen_futures::spawn_local(async move {
                match reading.await {
                    Ok(buffer) => {
                        let message = js_sys::Object::new();
                        set(&message, "kind", &JsValue::from_str("file"));
                        set(&message, "id", &JsValue::from_f64(f64::from(id)));
                        set(
                            &message,
                            "generation",
                            &JsValue::from_f64(f64::from(generation)),
                        );
                        set(&message, "name", &JsValue::from_str(&name));
                        set(&message, "size", &JsValue::from_f64(size));
                        set(&message, "bytes", &buffer);
                        member.post(message.into(), Some(js_sys::Array::of1(&buffer)));
                    }
                    Err(_) => {
                        out.set(out.get().saturating_sub(1));
                        out_bytes.set((out_bytes.get() - size).max(0.0));
                        on_reply(id, generation, FileReply::Unreadable);
                    }
                }
            });
        }
        files.len()
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for m in &self.members {
            m.worker.terminate();
        }
    }
}
