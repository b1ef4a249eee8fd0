//! A pool of county-mode workers, one per core: files go out round the pool as browser `File`
//! handles (the workers read them), facts come back. Dropping the pool stops every worker at
//! once: that is how reading is cancelled.
//!
//! A module worker starts its WebAssembly asynchronously; a message that arrives before it
//! listens is lost. So each worker says `{kind: "ready"}` when it listens, and until then its
//! messages wait here.

use crate::state::county::FileReply;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's loader, next to the county page (Trunk writes it; workers are not hashed). An
/// ES module worker: the shell's JS snippets (IndexedDB) are modules, which a classic worker
/// script cannot carry.
const WORKER_URL: &str = "./ziping-county-worker_loader.js";

/// One worker and the messages waiting for it to listen.
struct Member {
    worker: web_sys::Worker,
    /// `None` once the worker listens.
    waiting: RefCell<Option<Vec<JsValue>>>,
}

impl Member {
    fn post(&self, message: &JsValue) {
        match self.waiting.borrow_mut().as_mut() {
            Some(queue) => queue.push(message.clone()),
            None => {
                let _ = self.worker.post_message(message);
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
        for _ in 0..size {
            let options = web_sys::WorkerOptions::new();
            options.set_type(web_sys::WorkerType::Module);
            let member = Rc::new(Member {
                worker: web_sys::Worker::new_with_options(WORKER_URL, &options).ok()?,
                waiting: RefCell::new(Some(Vec::new())),
            });
            let (on_reply, me) = (on_reply.clone(), member.clone());
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
            m.post(&message);
        }
    }

    /// Hands files out round the workers, to be read for the batch's `generation`: one message
    /// per worker, however many files (10,000 messages would keep the page's thread busy).
    pub fn send(&self, generation: u32, files: &[(u32, &web_sys::File)]) {
        let size = self.members.len();
        let start = self.next.get();
        self.next.set((start + files.len()) % size);
        for (k, member) in self.members.iter().enumerate() {
            let (ids, handles) = (js_sys::Array::new(), js_sys::Array::new());
            for (id, file) in files.iter().skip((k + size - start) % size).step_by(size) {
                ids.push(&JsValue::from_f64(f64::from(*id)));
                handles.push(file);
            }
            if ids.length() == 0 {
                continue;
            }
            let message = js_sys::Object::new();
            set(&message, "kind", &JsValue::from_str("files"));
            set(
                &message,
                "generation",
                &JsValue::from_f64(f64::from(generation)),
            );
            set(&message, "ids", &ids);
            set(&message, "files", &handles);
            member.post(&message);
        }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for m in &self.members {
            m.worker.terminate();
        }
    }
}
