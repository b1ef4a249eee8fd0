//! The Yew shell: turns DOM events into [`Action`]s and state into HTML. The reducer and the
//! core decide; `hooks/` runs the effects; `browser/` talks to the browser.

pub mod browser;
pub(crate) mod components;
pub(crate) mod hooks;
pub(crate) mod pages;
mod store;

pub use store::{edit, Ctx, Open, Shared, Store};

use crate::i18n::{say, Msg};
use crate::state::{Action, AppState, Page};
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let store = use_reducer(|| Store(AppState::new(browser::prefs::load())));
    let state = &store.0;
    let dispatch = store.dispatcher();
    hooks::use_restore(&dispatch);
    hooks::use_saved_prefs(&state.prefs, state.loaded);
    hooks::use_offline_ready(&dispatch);
    hooks::use_other_tabs(&dispatch);
    let opened = Open::of(state);
    hooks::use_autosave(&store, &dispatch);
    hooks::use_download(state, &dispatch);
    use_take_over(state.loaded);

    let ctx = Ctx {
        lang: state.prefs.lang,
        dispatch,
    };
    let body = match &opened {
        _ if !state.loaded => html! { <p class="muted" role="status">{ ctx.t(Msg::Loading) }</p> },
        Some(Ok(open)) => html! {
            <pages::Workspace open={open.clone()} page={state.page()} save={state.save_status()} />
        },
        Some(Err(e)) => broken_draft(&ctx, &crate::report::notice::source_error_text(ctx.lang, e)),
        None => {
            html! { <pages::Start drafts={state.drafts.clone()} offline_ready={state.offline_ready} /> }
        }
    };
    // The 整改清单 gets a wider page (a class, not `main:has(.plan)`: Chromium before 105 has no
    // `:has()`).
    let wide_plan = matches!(&opened, Some(Ok(_))) && state.page() == Page::Plan;
    // 检查's first place is worded with its field's label and problem, now, in the language
    // shown.
    let place = |slot: &crate::core::answers::Slot| match &opened {
        Some(Ok(open)) => match open.assessment.as_ref() {
            Some(a) => {
                let t = a.school_type;
                let unlikely =
                    crate::core::plausible::notes(&open.checklist, t, &open.draft.answers);
                pages::place_text(&ctx, open, a, &unlikely, slot)
            }
            None => slot.to_string(),
        },
        _ => slot.to_string(),
    };
    // Worded when a notice arrives or the language changes, not at every render: the live
    // region speaks only then (检查's place would otherwise follow the typing, beside counts
    // of the moment 检查 ran).
    // The live region speaks a notice in the language it arrived in, once: a language toggle
    // words it again for what is seen, never to be said again.
    let spoken = use_mut_ref(|| (None::<u32>, ctx.lang, false));
    let said_before = {
        let mut s = spoken.borrow_mut();
        let id = state.notice.as_ref().map(|(n, _)| *n);
        if s.0 != id {
            *s = (id, ctx.lang, false);
        } else if s.1 != ctx.lang {
            s.2 = true;
        }
        s.2
    };
    let notice = {
        let key = (state.notice.as_ref().map(|(n, _)| *n), ctx.lang);
        let words = use_memo(key, |_| {
            state.notice.as_ref().map(|(n, notice)| {
                (
                    *n,
                    crate::report::notice::notice_text(ctx.lang, notice, &place),
                )
            })
        });
        (*words).clone()
    };
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <a class="skip-link" href="#main">{ ctx.t(Msg::SkipToContent) }</a>
            { components::header(&ctx) }
            // An export that failed is said where it is seen, not only in the live region.
            if let (Some((_, crate::state::Notice::ExportFailed { .. })), Some((_, text))) = (&state.notice, &notice) {
                <p class="error no-print export-error" role="alert" data-testid="export-error">{ text }</p>
            }
            // So is a file whose stored score is not its answers' (opened, or last year's): the
            // principal compares it with a printed report.
            if let (Some((_, crate::state::Notice::Imported { result_differs: true, .. } | crate::state::Notice::StartedFromLastYear { .. })), Some((_, text))) = (&state.notice, &notice) {
                <p class="card warning no-print export-error" data-testid="result-differs">{ text }</p>
            }
            <main id="main" tabindex="-1" class={classes!(wide_plan.then_some("wide-plan"))}>{ body }</main>
            <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
                { notice.clone().filter(|_| !said_before).map(|(n, text)| html! { <span key={n}>{ text }</span> }).unwrap_or_default() }
            </div>
            <footer class="app-footer">{ ctx.t(Msg::FooterNote) }</footer>
        </ContextProvider<Ctx>>
    }
}

/// A draft whose checklist can no longer be read (should not happen: drafts keep their file).
fn broken_draft(ctx: &Ctx, error: &str) -> Html {
    let dispatch = ctx.dispatch.clone();
    html! {
        <section class="card">
            <p class="error" role="alert">{ ctx.say(say::ChecklistRejected { file: "", reason: error }) }</p>
            <button type="button" onclick={move |_| dispatch.dispatch(Action::CloseDraft)}>{ ctx.t(Msg::BackToStart) }</button>
        </section>
    }
}

/// Mounts the app in `<div id="app">`, which index.html has after `#prerender`: the start page
/// as the app renders it for a first visit, shown while the wasm downloads (scripts/post-build.mjs
/// puts `static/prerender.html` there; tests/e2e/prerender.test.mjs keeps it the app's own).
pub fn start() {
    yew::Renderer::<App>::with_root(browser::page::app_root()).render();
}

/// Once the drafts kept here are read, the app replaces the start page shown before it ran
/// (`#app` is hidden by the stylesheet while `#prerender` is there).
#[hook]
fn use_take_over(loaded: bool) {
    use_effect_with(loaded, |loaded| {
        if *loaded {
            browser::page::take_over();
        }
    });
}
