//! Telling the other tabs of this app that a draft changed (a BroadcastChannel).

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

/// The channel other tabs of this app listen on.
const CHANNEL: &str = "ziping";

/// Tells the other tabs that draft `id` was saved or deleted.
pub fn announce(id: &str) {
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
pub fn watch(on_change: impl Fn(String) + 'static) -> Option<OtherTabs> {
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
