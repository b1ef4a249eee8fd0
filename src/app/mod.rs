//! The Yew shell: turns DOM events into [`Action`]s and state into HTML. Decides nothing the
//! core or the reducer could decide.

pub(crate) mod components;
mod pages;
pub mod storage;

use crate::core::checklist::Checklist;
use crate::core::model::SchoolType;
use crate::core::score::{assess, Assessment};
use crate::i18n::{Lang, Msg, Say};
use crate::state::draft::{Draft, SourceError};

/// Why a checklist cannot be used, in the interface language.
pub fn source_error_text(lang: Lang, e: &SourceError) -> String {
    match e {
        SourceError::UnknownBuiltin(id) => id.clone(),
        SourceError::Invalid(errors) => crate::i18n::checklist_errors(lang, errors),
    }
}
use crate::state::{Action, AppState, Notice, Page, SaveStatus};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The reducer that owns the app state; the logic is the pure [`AppState::reduce`].
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

/// An `Rc` compared by identity, so props holding large shared data compare in O(1).
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What every component reads: the language and a way to dispatch.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<Store>,
}

impl Ctx {
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang)
    }

    /// A message with values, in the interface language.
    pub fn say(&self, message: Say) -> String {
        message.text(self.lang)
    }

    pub fn go(&self, page: Page) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Go(page)))
    }
}

/// The open draft with what is derived from it, for the pages.
#[derive(Clone, PartialEq)]
pub struct Open {
    pub draft: Shared<Draft>,
    pub checklist: Shared<Checklist>,
    /// `None` until the school type is chosen.
    pub assessment: Option<Shared<Assessment>>,
}

impl Open {
    pub fn school_type(&self) -> Option<SchoolType> {
        self.draft.profile.school_type
    }

    /// The current shortfalls as 整改 rows would name them (key, 问题 text).
    pub fn problems(&self) -> Vec<(String, String)> {
        self.assessment
            .as_ref()
            .map(|a| {
                a.shortfalls
                    .iter()
                    .map(|s| crate::state::draft::shortfall_problem(&self.checklist, s))
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn initial_state() -> AppState {
    // The language is known at once (localStorage); drafts come from IndexedDB (async).
    AppState::new(storage::load_prefs())
}

/// Reads the drafts and the place to return to, then shows them.
async fn restore(dispatch: UseReducerDispatcher<Store>) {
    let drafts = storage::list_drafts().await;
    let place = match storage::load_place().await {
        Some(p) => p,
        None => storage::load_prefs(),
    };
    let open = match &place.last_draft {
        Some(id) => storage::load_draft(id)
            .await
            .map(|d| (Box::new(d), place.last_page)),
        None => None,
    };
    dispatch.dispatch(Action::Restored { drafts, open });
}

thread_local! {
    /// A save is under way: the next one waits for it (the reducer then asks again).
    static SAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Stores the open draft if it has unsaved changes, and tells the reducer how it went. The
/// list's summary comes from the checklist the page already has, scored through the same cache
/// as the page (never re-parsed or re-scored for a save).
fn save_now(
    state: &AppState,
    checklist: Option<&Rc<Checklist>>,
    dispatch: &UseReducerDispatcher<Store>,
) {
    let Some(draft) = state.draft.clone() else {
        return;
    };
    if !state.dirty()
        || matches!(state.save, SaveStatus::Conflict { .. })
        || SAVING.with(|s| s.replace(true))
    {
        return;
    }
    let summary = match checklist {
        Some(c) => draft.summary(&c.doc().title, assessment_for(&draft, c).as_deref()),
        None => {
            let name = draft.checklist_name();
            let title = crate::core::model::Text {
                zh: name.clone(),
                en: name,
            };
            draft.summary(&title, None)
        }
    };
    let (saved_revision, dispatch) = (state.saved_revision, dispatch.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = storage::save_draft(&draft, saved_revision, &summary).await;
        SAVING.with(|s| s.set(false));
        match outcome {
            storage::SaveOutcome::Saved => {
                dispatch.dispatch(Action::Saved {
                    revision: draft.revision,
                    at: storage::clock_now(),
                });
                dispatch.dispatch(Action::DraftsListed(storage::list_drafts().await));
            }
            storage::SaveOutcome::Newer(theirs) => dispatch.dispatch(Action::Conflict { theirs }),
            storage::SaveOutcome::Failed => dispatch.dispatch(Action::SaveFailed),
        }
    });
}

#[component]
pub fn App() -> Html {
    let store = use_reducer(|| Store(initial_state()));
    let state = &store.0;
    // The latest state, for event handlers and timers that outlive a render.
    let latest = use_mut_ref(|| state.clone());
    *latest.borrow_mut() = state.clone();
    // The open draft's checklist as last rendered, for saves (set below, once it is known).
    let latest_checklist = use_mut_ref(|| None::<Rc<Checklist>>);

    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(restore(dispatch))
        });
    }
    use_effect_with((state.prefs.clone(), state.loaded), |(prefs, loaded)| {
        storage::save_prefs(prefs);
        storage::set_document_lang(prefs.lang);
        // Before the restore, the place is not known yet: do not overwrite it.
        if *loaded {
            let prefs = prefs.clone();
            wasm_bindgen_futures::spawn_local(async move { storage::save_place(&prefs).await });
        }
    });
    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            let listener =
                storage::watch_offline_ready(move || dispatch.dispatch(Action::OfflineReady));
            move || drop(listener)
        });
    }
    // Autosave: at most half a second after the first unsaved change, again after each save
    // while typing goes on. Never while another tab's newer version is unresolved.
    {
        let dispatch = store.dispatcher();
        let (latest, latest_checklist) = (latest.clone(), latest_checklist.clone());
        let waiting = state.dirty() && !matches!(state.save, SaveStatus::Conflict { .. });
        use_effect_with(
            (
                waiting,
                state.saved_revision,
                matches!(state.save, SaveStatus::Failed),
            ),
            move |&(waiting, _, _)| {
                let timer = waiting.then(|| {
                    Timeout::new(500, move || {
                        save_now(
                            &latest.borrow(),
                            latest_checklist.borrow().as_ref(),
                            &dispatch,
                        )
                    })
                });
                move || drop(timer)
            },
        );
    }
    // Flush when the page is hidden or closed, and watch the other tabs.
    {
        let dispatch = store.dispatcher();
        let (latest, latest_checklist) = (latest.clone(), latest_checklist.clone());
        use_effect_with((), move |_| {
            let flush = {
                let (dispatch, latest) = (dispatch.clone(), latest.clone());
                storage::on_page_hide(move || {
                    save_now(
                        &latest.borrow(),
                        latest_checklist.borrow().as_ref(),
                        &dispatch,
                    )
                })
            };
            let others = storage::watch_other_tabs(move |id| {
                wasm_bindgen_futures::spawn_local(other_tab_saved(
                    latest.clone(),
                    dispatch.clone(),
                    id,
                ))
            });
            move || drop((flush, others))
        });
    }

    let ctx = Ctx {
        lang: state.prefs.lang,
        dispatch: store.dispatcher(),
    };
    let checklist = {
        let source = state.draft.as_ref().map(|d| d.checklist.clone());
        use_memo(source, |source| {
            source.as_ref().map(|s| s.load().map(Rc::new))
        })
    };
    *latest_checklist.borrow_mut() = match checklist.as_ref() {
        Some(Ok(c)) => Some(c.clone()),
        _ => None,
    };
    let open = match (&state.draft, checklist.as_ref()) {
        (Some(draft), Some(Ok(checklist))) => Some(open_draft(draft, checklist)),
        _ => None,
    };
    let body = match (&open, checklist.as_ref()) {
        _ if !state.loaded => html! { <p class="muted" role="status">{ ctx.t(Msg::Loading) }</p> },
        (Some(open), _) => html! {
            <pages::Workspace open={open.clone()} page={state.page()} save={state.save.clone()} />
        },
        (None, Some(Err(e))) => broken_draft(&ctx, &source_error_text(ctx.lang, e)),
        _ if state.page() == Page::County => html! { <pages::County /> },
        _ => {
            html! { <pages::Start drafts={state.drafts.clone()} offline_ready={state.offline_ready} /> }
        }
    };
    let notice = state
        .notice
        .as_ref()
        .map(|(n, notice)| (*n, notice_text(&ctx, notice)));
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <a class="skip-link" href="#main">{ ctx.t(Msg::SkipToContent) }</a>
            { components::header(&ctx) }
            <main id="main" tabindex="-1">{ body }</main>
            <div class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
                { notice.map(|(n, text)| html! { <span key={n}>{ text }</span> }).unwrap_or_default() }
            </div>
            <footer class="app-footer">{ ctx.t(Msg::FooterNote) }</footer>
        </ContextProvider<Ctx>>
    }
}

/// The assessment of a draft at its revision. Scoring is pure and fast (a 300-item checklist in
/// well under a millisecond natively): it runs once per draft revision. The cache key names
/// what it caches: the draft, its revision and its school type (a pointer address could be
/// reused by the next draft opened, showing the previous one's score).
fn assessment_for(draft: &Rc<Draft>, checklist: &Checklist) -> Option<Rc<Assessment>> {
    type Key = (String, u64, SchoolType);
    thread_local! {
        static CACHE: RefCell<Option<(Key, Rc<Assessment>)>> = const { RefCell::new(None) };
    }
    draft.profile.school_type.map(|t| {
        let key: Key = (draft.id.clone(), draft.revision, t);
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            match &*cache {
                Some((k, a)) if *k == key => a.clone(),
                _ => {
                    let a = Rc::new(assess(checklist, t, &draft.answers));
                    *cache = Some((key, a.clone()));
                    a
                }
            }
        })
    })
}

fn open_draft(draft: &Rc<Draft>, checklist: &Rc<Checklist>) -> Open {
    let assessment = assessment_for(draft, checklist);
    Open {
        draft: Shared(draft.clone()),
        checklist: Shared(checklist.clone()),
        assessment: assessment.map(Shared),
    }
}

/// Another tab saved or deleted draft `id`: refresh the list, and if it is the open draft,
/// take the newer version when this tab has nothing unsaved, or stop and ask when it has.
async fn other_tab_saved(
    latest: Rc<RefCell<AppState>>,
    dispatch: UseReducerDispatcher<Store>,
    id: String,
) {
    dispatch.dispatch(Action::DraftsListed(storage::list_drafts().await));
    let (open_id, saved_revision) = {
        let state = latest.borrow();
        match &state.draft {
            Some(d) => (d.id.clone(), state.saved_revision),
            None => return,
        }
    };
    if open_id != id {
        return;
    }
    let Some(theirs) = storage::load_draft(&id).await else {
        return;
    };
    let state = latest.borrow().clone();
    if saved_revision != u64::MAX && theirs.revision <= state.saved_revision {
        return;
    }
    if state.dirty() {
        dispatch.dispatch(Action::Conflict {
            theirs: theirs.revision,
        });
    } else {
        dispatch.dispatch(Action::OpenDraft {
            draft: Box::new(theirs),
            page: state.page(),
        });
        dispatch.dispatch(Action::Notify(Notice::ReloadedNewer));
    }
}

fn notice_text(ctx: &Ctx, notice: &Notice) -> String {
    match notice {
        Notice::Check { first: None, .. } => ctx.t(Msg::CheckDone).into(),
        Notice::Check {
            tally,
            first: Some(first),
        } if tally.is_complete() => ctx.say(Say::CheckOnlyWarnings {
            warnings: &tally.warnings.to_string(),
            first,
        }),
        Notice::Check {
            tally,
            first: Some(first),
        } => ctx.say(Say::CheckRemaining {
            errors: &tally.errors.to_string(),
            missing: &tally.missing.to_string(),
            warnings: &tally.warnings.to_string(),
            first,
        }),
        Notice::ReloadedNewer => ctx.t(Msg::ReloadedNewer).into(),
        Notice::PlanGenerated { added } => ctx.say(Say::PlanGenerated {
            added: &added.to_string(),
        }),
        Notice::Exported { name } => ctx.say(Say::ExportDone { file: name }),
        Notice::ExportNeedsType => ctx.t(Msg::ExportNeedsType).into(),
        Notice::ExportFailed { reason } => ctx.say(Say::ExportFailed { reason }),
        Notice::Imported { name } => ctx.say(Say::ImportedFrom { file: name }),
        Notice::ChecklistFileRejected { name, reason } => {
            ctx.say(Say::ChecklistRejected { file: name, reason })
        }
    }
}

/// A draft whose checklist can no longer be read (should not happen: drafts keep their file).
fn broken_draft(ctx: &Ctx, error: &str) -> Html {
    let dispatch = ctx.dispatch.clone();
    html! {
        <section class="card">
            <p class="error" role="alert">{ ctx.say(Say::ChecklistRejected { file: "", reason: error }) }</p>
            <button type="button" onclick={move |_| dispatch.dispatch(Action::CloseDraft)}>{ ctx.t(Msg::BackToStart) }</button>
        </section>
    }
}

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
