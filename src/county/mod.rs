//! County mode: a page (`county/`) and a bundle of its own, so a principal's first load never
//! carries it. Files are read, verified and re-scored by a pool of web workers (`pool`,
//! `worker`); the page aggregates their facts and draws the report (`page`, `figures`,
//! `table`). Everything it decides is in `ziping-core` (`state::county`, `core::aggregate`).

mod editor;
mod figures;
mod page;
mod pool;
mod review;
mod settings;
mod table;
pub mod worker;

use crate::app::browser::prefs;
use crate::app::{components, hooks, Ctx, Store};
use crate::i18n::Msg;
use crate::state::AppState;
use yew::prelude::*;

/// County mode's app: the header (with the language, shared with the principal's app) and the
/// county page.
#[component]
fn CountyApp() -> Html {
    let store = use_reducer(|| Store(AppState::new(prefs::load())));
    hooks::use_saved_prefs(&store.0.prefs, false);
    let ctx = Ctx {
        lang: store.0.prefs.lang,
        dispatch: store.dispatcher(),
    };
    // `#checklist` is 制作县级清单; anything else the county summary. The page underneath is
    // kept mounted, so files read stay read while a checklist is made.
    let making = use_state(|| making_checklist().unwrap_or(false));
    // How many times the summary has been shown again (it re-reads the checklists kept here).
    let shown = use_mut_ref(|| 0u32);
    {
        let (making, shown) = (making.clone(), shown.clone());
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    if let Some(now) = making_checklist() {
                        if !now {
                            *shown.borrow_mut() += 1;
                        }
                        making.set(now);
                    }
                });
            move || drop(listener)
        });
    }
    use_take_over();
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <a class="skip-link" href="#main">{ ctx.t(Msg::SkipToContent) }</a>
            { components::header(&ctx) }
            <main id="main" tabindex="-1" class="wide-county">
                <div hidden={*making}><page::County shown={*shown.borrow()} /></div>
                if *making { <editor::ChecklistEditor /> }
            </main>
            <footer class="app-footer">{ ctx.t(Msg::FooterNote) }</footer>
        </ContextProvider<Ctx>>
    }
}

/// Whether the address asks for 制作县级清单 (`county/#checklist`) or the summary (no hash);
/// `None` for another anchor (the skip link's `#main`), which changes neither.
fn making_checklist() -> Option<bool> {
    match gloo::utils::window().location().hash().ok()?.as_str() {
        "#checklist" => Some(true),
        "" | "#" => Some(false),
        _ => None,
    }
}

/// Once county mode has drawn its page, it replaces the one county.html showed before the wasm
/// arrived.
#[hook]
fn use_take_over() {
    use_effect_with((), |_| crate::app::browser::page::take_over());
}

/// Mounts county mode in `<div id="app">`, after `#prerender`: the page as county mode draws
/// it for a first visit, shown while the wasm downloads (scripts/post-build.mjs puts
/// `static/prerender-county.html` there; tests/e2e/prerender.test.mjs keeps it county mode's
/// own).
pub fn start() {
    yew::Renderer::<CountyApp>::with_root(crate::app::browser::page::app_root()).render();
}
