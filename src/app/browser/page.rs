//! The document and the window: language, focus, printing, being hidden, the service worker.

use crate::i18n::Lang;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;

/// Keeps `<html lang>` in step with the interface language.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus(id: &str) {
    focused(id);
}

/// [`focus`] once the page is drawn again: for a control whose element an action removes or
/// moves (a row deleted, a list sorted again, an evidence file taken off).
pub fn focus_after_drawing(id: String) {
    gloo::timers::callback::Timeout::new(0, move || focus(&id)).forget();
}

/// [`focus`], saying whether the element was there to take it.
pub fn focused(id: &str) -> bool {
    let Some(el) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    // A field in the middle of the window (its label above it stays in sight); a heading or
    // panel at the top.
    let field = matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT");
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if field {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Start
    });
    // A button in a card (撤销 in "已删除第 13 行……"): the card from its top, so what the
    // button does is in sight with it (on a phone its words were above the screen), when
    // the card fits in the window.
    let room = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let shown = (!field)
        .then(|| el.closest(".card").ok().flatten())
        .flatten()
        .filter(|card| f64::from(card.client_height()) <= room * 0.8)
        .unwrap_or_else(|| el.clone().into());
    shown.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = el.focus();
    true
}

/// The element that has keyboard focus, if one does (not the page itself).
pub fn active_element() -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .active_element()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|el| el.tag_name() != "BODY")
}

/// Gives focus back to `el` where it is, without scrolling to it (the page's scroll is put
/// back first); nothing if it is no longer in the page.
pub fn refocus(el: &web_sys::HtmlElement) {
    if el.is_connected() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// How far the page is scrolled down, in CSS pixels.
pub fn scroll_y() -> f64 {
    gloo::utils::window().scroll_y().unwrap_or(0.0)
}

/// Scrolls the page to `y` CSS pixels from the top.
pub fn scroll_to(y: f64) {
    gloo::utils::window().scroll_to_with_x_and_y(0.0, y);
}

/// Opens the browser's print dialog (the print stylesheet lays out the report).
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Asks the user to confirm; false when they decline (or no dialog can be shown).
pub fn confirm(question: &str) -> bool {
    gloo::dialogs::confirm(question)
}

/// While kept, the browser asks before the page is reloaded, closed or left (its own words:
/// a page cannot choose them). For work that is not kept until the officer saves it.
pub fn ask_before_leaving() -> EventListener {
    EventListener::new_with_options(
        &gloo::utils::window(),
        "beforeunload",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        |e| {
            e.prevent_default();
            // Chromium before 119 and Safari ask only when `returnValue` is set.
            let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"".into());
        },
    )
}

/// Calls `on_hide` when the page is about to go (reloaded, closed, navigated away), hidden, or
/// gone, to flush unsaved changes. `beforeunload` comes first: the page still runs until the
/// next one arrives, time for a write that waits on storage. By `pagehide` it no longer runs
/// what it waits for (a write begun then was lost when the principal pressed F5 right after
/// typing).
pub fn on_hide(on_hide: impl Fn() + 'static) -> [EventListener; 3] {
    let on_hide = std::rc::Rc::new(on_hide);
    let (again, leaving) = (on_hide.clone(), on_hide.clone());
    [
        EventListener::new(&gloo::utils::window(), "beforeunload", move |_| leaving()),
        EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
            if gloo::utils::document().visibility_state() == web_sys::VisibilityState::Hidden {
                on_hide();
            }
        }),
        EventListener::new(&gloo::utils::window(), "pagehide", move |_| again()),
    ]
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

/// Where an app mounts: `<div id="app">`, which the page has after `#prerender` (its first
/// view drawn at build time, scripts/post-build.mjs), or a new one at the end of `<body>`.
pub fn app_root() -> web_sys::Element {
    let document = gloo::utils::document();
    document.get_element_by_id("app").unwrap_or_else(|| {
        let root = document.create_element("div").expect("a div");
        root.set_id("app");
        let _ = gloo::utils::body().append_child(&root);
        root
    })
}

/// The app has drawn its own first view: the one drawn at build time goes (`#app` is hidden
/// by the stylesheet while `#prerender` is there). Someone on the keyboard who moved in the
/// first view (the skip link, a link, a `<summary>`) stays where they were: the same element
/// of the app's view takes the focus, not the top of the page; a section they closed there
/// stays closed.
pub fn take_over() {
    let document = gloo::utils::document();
    let Some(prerendered) = document.get_element_by_id("prerender") else {
        return;
    };
    let app = app_root();
    let counterpart = document
        .active_element()
        .filter(|e| e != &prerendered && prerendered.contains(Some(e)))
        .and_then(|e| same_in(&e, &prerendered, &app));
    // A `<details>` opened or closed there stays so (its `toggle` event tells the app).
    let details = prerendered.get_elements_by_tag_name("details");
    for there in (0..details.length()).filter_map(|i| details.item(i)) {
        let open = there.has_attribute("open");
        if let Some(here) = same_in(&there, &prerendered, &app) {
            if here.has_attribute("open") != open {
                let _ = here.toggle_attribute_with_force("open", open);
            }
        }
    }
    prerendered.remove();
    if let Some(el) = counterpart.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // It is where the one it replaces was: nothing to scroll to.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// The element under `to` that is `element` under `from`: of the elements alike (the same
/// tag, and the same id, or for one without an id the same link and text), the one in the
/// same position among them. The app's view may hold more than its first view did (the
/// drafts listed), so positions among all elements are not to be trusted.
fn same_in(
    element: &web_sys::Element,
    from: &web_sys::Element,
    to: &web_sys::Element,
) -> Option<web_sys::Element> {
    let alike = |e: &web_sys::Element| {
        e.tag_name() == element.tag_name()
            && if element.id().is_empty() {
                e.id().is_empty()
                    && e.get_attribute("href") == element.get_attribute("href")
                    && e.text_content() == element.text_content()
            } else {
                e.id() == element.id()
            }
    };
    let under = |root: &web_sys::Element| {
        let all = root.get_elements_by_tag_name(&element.tag_name());
        (0..all.length()).filter_map(move |i| all.item(i))
    };
    let nth = under(from).filter(alike).position(|e| &e == element)?;
    under(to).filter(alike).nth(nth)
}

/// What county mode writes in the history entry it adds for a school's report or the 核查单,
/// before what it shows: the browser's Back then closes it, as 返回汇总 does, rather than
/// leaving county mode, and Forward shows it again.
const OVERLAY_ENTRY: &str = "ziping-overlay\u{1f}";

/// Adds a history entry for `what` is shown over the page (same address).
pub fn push_overlay_entry(what: &str) {
    if let Ok(history) = gloo::utils::window().history() {
        let state = wasm_bindgen::JsValue::from_str(&format!("{OVERLAY_ENTRY}{what}"));
        let _ = history.push_state(&state, "");
    }
}

/// What the current history entry shows over the page, if [`push_overlay_entry`] added it.
pub fn overlay_entry() -> Option<String> {
    let state = gloo::utils::window()
        .history()
        .and_then(|h| h.state())
        .ok()?;
    state
        .as_string()?
        .strip_prefix(OVERLAY_ENTRY)
        .map(str::to_string)
}

/// Whether the current history entry is one [`push_overlay_entry`] added.
pub fn on_overlay_entry() -> bool {
    overlay_entry().is_some()
}

/// Back one entry (the overlay's), as the browser's Back button.
pub fn history_back() {
    if let Ok(history) = gloo::utils::window().history() {
        let _ = history.back();
    }
}
