//! 制作县级清单: a county officer makes the county's own checklist from a built-in or loaded
//! one, offline. The draft (`state::editor::ChecklistDraft`) is kept in this browser as it is
//! edited; every edit is checked as a loaded file is; the finished checklist is saved as a
//! file for the schools, used here, or taken to a spreadsheet and back. The views: the form
//! (`form`), a preview as a school fills it in and the changes from the original (`views`).

mod form;
mod views;

use crate::app::browser::drafts::SaveOutcome;
use crate::app::browser::{clock, drafts, files, page};
use crate::app::components::pick;
use crate::app::{Ctx, Shared};
use crate::core::checklist::add_to_set;
use crate::core::checklist_csv::{from_csv, to_csv};
use crate::core::filename::join_parts;
use crate::core::model::ChecklistDoc;
use crate::core::time::Timestamp;
use crate::i18n::{csv_problem, say, Msg};
use crate::state::draft::{checklists_of, known_here};
use crate::state::editor::{checklist_file, ChecklistDraft, ChecklistEdit, DraftProblem, Place};
use crate::state::{SaveStatus, Saver, Written};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The view of an open checklist draft.
#[derive(Clone, Copy, PartialEq, Eq)]
enum View {
    Edit,
    Preview,
    Diff,
}

/// The open checklist draft. Edits go through [`ChecklistDraft::apply`], each stamped with the
/// time read where it was dispatched (the reducer reads no clock).
#[derive(Clone, Default, PartialEq)]
struct Editing(Option<Rc<ChecklistDraft>>);

enum EditorAction {
    Open(Box<ChecklistDraft>),
    Edit(ChecklistEdit, Timestamp),
    Import(Box<ChecklistDoc>, Timestamp),
    /// Keep this tab's draft over another tab's revision `theirs`: a revision newer than it.
    Over(u64),
    Close,
}

impl Reducible for Editing {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        let changed = |f: &dyn Fn(&mut ChecklistDraft)| {
            let Some(d) = &self.0 else {
                return self.clone();
            };
            let mut next = (**d).clone();
            f(&mut next);
            if next.revision == d.revision {
                self.clone()
            } else {
                Rc::new(Editing(Some(Rc::new(next))))
            }
        };
        match action {
            EditorAction::Open(d) => Rc::new(Editing(Some(Rc::new(*d)))),
            EditorAction::Close => Rc::new(Editing(None)),
            EditorAction::Edit(edit, now) => changed(&|d| d.apply(edit.clone(), &now)),
            EditorAction::Import(doc, now) => changed(&|d| d.import((*doc).clone(), &now)),
            EditorAction::Over(theirs) => changed(&|d| d.revision = d.revision.max(theirs) + 1),
        }
    }
}

/// A problem in words, with the path of the field it is in.
#[derive(Clone, PartialEq)]
pub struct Shown {
    /// The path of the field it is shown under: the form's field where the place names one
    /// (a group rule's listed item `group_rules[0].items[2]` is shown under its list).
    pub path: String,
    /// Where it is, typed (`Place::of(path)`).
    pub place: Place,
    pub text: String,
}

/// Every problem of the draft in the interface language: what stops it being published.
fn problems_of(ctx: &Ctx, problems: &[DraftProblem]) -> Vec<Shown> {
    problems
        .iter()
        .map(|p| {
            let place = p.place();
            let path = match place.field {
                Some(crate::core::checklist_path::PlaceField::Target(t)) => t.path(),
                _ => p.path().to_string(),
            };
            Shown {
                path,
                place,
                text: crate::report::notice::draft_problem_text(ctx.lang, p),
            }
        })
        .collect()
}

/// Words that quote numbers other than their rule's (notes, not problems): a group rule's
/// title, and an item's text or guidance that still quotes the threshold it was changed from.
fn notes_of(ctx: &Ctx, d: &ChecklistDraft) -> Vec<Shown> {
    let mut stale = crate::state::rule_words::stale_numbers(&d.doc);
    stale.extend(crate::state::rule_words::stale_item_numbers(
        &d.base, &d.doc,
    ));
    stale
        .into_iter()
        .map(|s| Shown {
            text: ctx.say(say::EditorStaleNumber {
                quoted: &s.quoted,
                rule: &s.rule,
            }),
            place: Place::of(&s.path),
            path: s.path,
        })
        .collect()
}

/// What 制作县级清单 last did with a file, typed: worded when shown, in the language shown.
#[derive(Clone, PartialEq)]
enum EditorNotice {
    SavedFile(String),
    UsedHere,
    /// The browser did not keep the checklist.
    NotKept,
    CsvImported,
    CsvTooLarge {
        name: String,
        size: u64,
    },
    CsvNotText(String),
    CsvRejected {
        name: String,
        problems: Vec<crate::core::checklist_csv::CsvProblem>,
    },
    /// A table that reads (as `doc`), but would leave the draft with these problems: not
    /// taken.
    CsvBreaks {
        name: String,
        doc: Box<ChecklistDoc>,
        problems: Vec<DraftProblem>,
    },
}

impl EditorNotice {
    /// Whether it is a failure, and its lines.
    fn lines(&self, ctx: &Ctx) -> (bool, Vec<String>) {
        let lang = ctx.lang;
        let named = |name: &str, what: String| format!("{name}{}{what}", lang.colon());
        match self {
            EditorNotice::SavedFile(name) => {
                (false, vec![say::EditorSavedFile { name }.text(lang)])
            }
            EditorNotice::UsedHere => (false, vec![Msg::EditorUsedHere.text(lang).into()]),
            EditorNotice::NotKept => (true, vec![Msg::SaveFailed.text(lang).into()]),
            EditorNotice::CsvImported => (false, vec![Msg::EditorCsvImported.text(lang).into()]),
            EditorNotice::CsvTooLarge { name, size } => (
                true,
                vec![named(
                    name,
                    say::ImportTooLarge {
                        size_kb: &(size / 1024).to_string(),
                        limit_kb: &(crate::core::export::MAX_EXPORT_BYTES / 1024).to_string(),
                    }
                    .text(lang),
                )],
            ),
            EditorNotice::CsvNotText(name) => {
                (true, vec![named(name, Msg::CsvNotUtf8.text(lang).into())])
            }
            EditorNotice::CsvRejected { name, problems } => {
                let mut lines = vec![named(name, Msg::EditorCsvRejected.text(lang).into())];
                lines.extend(problems.iter().map(|p| csv_problem(lang, p)));
                (true, lines)
            }
            EditorNotice::CsvBreaks {
                name,
                doc,
                problems,
            } => {
                let mut lines = vec![named(name, Msg::EditorCsvRejected.text(lang).into())];
                lines.extend(problems.iter().map(|p| {
                    say::EditorProblemAt {
                        place: &form::place_of(ctx, doc, p.place()),
                        problem: &crate::report::notice::draft_problem_text(lang, p),
                    }
                    .text(lang)
                }));
                (true, lines)
            }
        }
    }
}

/// The open draft and its saving (decided by `state::Saver`, the principal's drafts' protocol
/// too): what a write needs.
#[derive(Default)]
struct Writes {
    /// The draft open: a late report about another changes nothing.
    id: String,
    saving: Saver,
    /// The newest revision of the open draft (what a write writes).
    latest: Option<Rc<ChecklistDraft>>,
}

impl Writes {
    fn opened(d: &ChecklistDraft) -> Writes {
        Writes {
            id: d.id.clone(),
            saving: Saver::opened(d.revision),
            latest: None,
        }
    }

    fn status(&self) -> SaveStatus {
        self.saving.status(self.latest.as_ref().map(|d| d.revision))
    }
}

/// Writes what the saving says is due, then reports how it ended and looks again.
fn pump(saver: Rc<RefCell<Writes>>, status: UseStateHandle<SaveStatus>) {
    let due = {
        let mut s = saver.borrow_mut();
        match s.latest.clone() {
            Some(latest) => s.saving.start(latest.revision).map(|base| (base, latest)),
            None => None,
        }
    };
    status.set(saver.borrow().status());
    let Some((base, draft)) = due else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = match drafts::save_checklist_draft(&draft, base).await {
            SaveOutcome::Saved => Written::Saved {
                at: clock::clock_now(),
            },
            SaveOutcome::Newer(theirs) => Written::Newer { theirs },
            SaveOutcome::Gone => Written::Gone,
            SaveOutcome::Failed => Written::Failed,
        };
        // A refused write is tried again with the next change, not at once (storage full or
        // off would otherwise be written to without end).
        let again = outcome != Written::Failed;
        let now = {
            let mut s = saver.borrow_mut();
            if s.id == draft.id {
                s.saving.written(outcome);
            }
            s.status()
        };
        status.set(now);
        if again {
            pump(saver, status);
        }
    });
}

#[component]
pub fn ChecklistEditor() -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    let editing = use_reducer(Editing::default);
    let view = use_state(|| View::Edit);
    let status = use_state(SaveStatus::default);
    let notice = use_state(|| None::<EditorNotice>);
    let saver = use_mut_ref(Writes::default);
    // Checklists known here (built in, archived, loaded in this browser): a new version of one
    // must not reuse its id and version.
    let known = use_state(|| crate::core::builtin::readable().unwrap_or_default());
    {
        let known = known.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let files: Vec<(String, String)> = drafts::county_checklists()
                    .await
                    .into_iter()
                    .map(|k| (format!("{}.json", k.checklist.doc().id), k.text))
                    .collect();
                let readable = crate::core::builtin::readable().unwrap_or_default();
                known.set(checklists_of(&known_here(&readable, &files).0));
            });
        });
    }
    // Every revision is stored as soon as it exists.
    {
        let (saver, status) = (saver.clone(), status.clone());
        let key = editing.0.as_ref().map(|d| (d.id.clone(), d.revision));
        let draft = editing.0.clone();
        use_effect_with(key, move |_| {
            if let Some(d) = draft {
                {
                    let mut s = saver.borrow_mut();
                    if s.id == d.id {
                        s.latest = Some(d);
                    }
                }
                pump(saver, status);
            }
        });
    }
    // The checks run once per revision (and language, and checklists known), not per render.
    // Another tab's copy loaded at the same revision number differs in its time.
    let checked = {
        let key = (
            editing
                .0
                .as_ref()
                .map(|d| (d.id.clone(), d.revision, d.updated.clone())),
            ctx.lang,
            known.len(),
        );
        let (draft, known, ctx) = (editing.0.clone(), known.clone(), ctx.clone());
        use_memo(key, move |_| {
            draft.map(|d| match d.finished(&known) {
                Ok(made) => (Vec::new(), Some(Rc::new(made))),
                Err(problems) => (problems_of(&ctx, &problems), None),
            })
        })
    };
    let Some(draft) = editing.0.clone() else {
        let on_open = {
            let (editing, status, notice, view) = (
                editing.dispatcher(),
                status.clone(),
                notice.clone(),
                view.clone(),
            );
            let saver = saver.clone();
            Callback::from(move |d: ChecklistDraft| {
                *saver.borrow_mut() = Writes::opened(&d);
                status.set(SaveStatus::Idle);
                notice.set(None);
                view.set(View::Edit);
                editing.dispatch(EditorAction::Open(Box::new(d)));
            })
        };
        return html! { <views::DraftList {on_open} /> };
    };
    let (problems, finished) = (*checked).clone().unwrap_or_default();
    let d = &draft.doc;
    // A checklist this browser has already (built in, or used here): nothing to keep.
    let known_here = finished.as_ref().is_some_and(|c| {
        known
            .iter()
            .any(|k| k.is(&c.doc().id, &c.doc().version, c.sha256()))
    });
    let on_edit = {
        let dispatch = editing.dispatcher();
        Callback::from(move |e: ChecklistEdit| {
            dispatch.dispatch(EditorAction::Edit(e, clock::now()))
        })
    };
    let close = {
        let dispatch = editing.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(EditorAction::Close))
    };
    let file_name =
        |what: &str, ext: &str| join_parts(&[&d.id, &d.version, what], "checklist", ext);
    let save_file = {
        let (finished, name, notice) = (finished.clone(), file_name("", "json"), notice.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(c) = &finished else { return };
            if let Ok(text) = checklist_file(c) {
                if files::download(&name, &text, "application/json").is_ok() {
                    notice.set(Some(EditorNotice::SavedFile(name.clone())));
                }
            }
        })
    };
    let use_here = {
        let (finished, notice, known) = (finished.clone(), notice.clone(), known.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(c) = finished.clone() else { return };
            let (notice, known) = (notice.clone(), known.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let saved = match checklist_file(&c) {
                    Ok(text) => drafts::save_county_checklist(&c, &text).await,
                    Err(_) => false,
                };
                // `finished(known)` refused any clash with these: this only adds it.
                let mut all = (*known).clone();
                if let Ok(true) = add_to_set(&mut all, (*c).clone()) {
                    known.set(all);
                }
                notice.set(Some(if saved {
                    EditorNotice::UsedHere
                } else {
                    EditorNotice::NotKept
                }));
            });
        })
    };
    let csv_export = {
        let (doc, name) = (draft.doc.clone(), file_name("", "csv"));
        Callback::from(move |_: MouseEvent| {
            let _ = files::download(&name, &to_csv(&doc), "text/csv;charset=utf-8");
        })
    };
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let csv_import = {
        let (dispatch, current, notice, reader, known) = (
            editing.dispatcher(),
            draft.clone(),
            notice.clone(),
            reader.clone(),
            known.clone(),
        );
        Callback::from(move |e: Event| {
            let (dispatch, current, notice, notice2, known) = (
                dispatch.clone(),
                current.clone(),
                notice.clone(),
                notice.clone(),
                known.clone(),
            );
            *reader.borrow_mut() = files::read_picked(
                &e,
                crate::core::export::MAX_EXPORT_BYTES as u64,
                move |name, size| notice2.set(Some(EditorNotice::CsvTooLarge { name, size })),
                move |name, bytes| {
                    let Some(text) = files::text_of(&bytes) else {
                        notice.set(Some(EditorNotice::CsvNotText(name)));
                        return;
                    };
                    match from_csv(&current.doc, &text) {
                        // A table that would leave the draft with problems is refused whole.
                        Ok(doc) => match current.import_problems(&doc, &known) {
                            problems if !problems.is_empty() => {
                                notice.set(Some(EditorNotice::CsvBreaks {
                                    name,
                                    doc: Box::new(doc),
                                    problems,
                                }))
                            }
                            _ => {
                                dispatch
                                    .dispatch(EditorAction::Import(Box::new(doc), clock::now()));
                                notice.set(Some(EditorNotice::CsvImported));
                            }
                        },
                        Err(problems) => {
                            notice.set(Some(EditorNotice::CsvRejected { name, problems }))
                        }
                    }
                },
            );
        })
    };
    let delete = {
        let (dispatch, id, lang, saver) = (
            editing.dispatcher(),
            draft.id.clone(),
            ctx.lang,
            saver.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if page::confirm(Msg::EditorDeleteConfirm.text(lang)) {
                // A write under way finishes first (IndexedDB runs them in order); none follows.
                saver.borrow_mut().saving.deleted();
                let (dispatch, id) = (dispatch.clone(), id.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    drafts::delete_checklist_draft(&id).await;
                    dispatch.dispatch(EditorAction::Close);
                });
            }
        })
    };
    let save_status = match &*status {
        SaveStatus::Idle => html! { <span class="save" data-testid="ed-save-status"></span> },
        SaveStatus::Pending => {
            html! { <span class="save pending" data-testid="ed-save-status">{ ctx.t(Msg::SavePending) }</span> }
        }
        SaveStatus::Saved { at } => {
            html! { <span class="save ok" data-testid="ed-save-status">{ ctx.say(say::SavedAt { time: at }) }</span> }
        }
        SaveStatus::Failed => {
            html! { <span class="save failed" role="alert" data-testid="ed-save-status">{ ctx.t(Msg::SaveFailed) }</span> }
        }
        SaveStatus::Gone => {
            // Kept: written again as a checklist draft never stored.
            let keep = {
                let (saver, status) = (saver.clone(), status.clone());
                Callback::from(move |_: MouseEvent| {
                    saver.borrow_mut().saving.keep_mine();
                    pump(saver.clone(), status.clone());
                })
            };
            html! {
                <span class="save failed" role="alert" data-testid="ed-save-status">
                    { ctx.t(Msg::EditorDeletedElsewhere) }{ " " }
                    <button type="button" data-testid="ed-keep-deleted" onclick={keep}>{ ctx.t(Msg::EditorKeepDeleted) }</button>
                </span>
            }
        }
        SaveStatus::Conflict { .. } => {
            // Theirs: this tab's changes since its last save are dropped (asked first).
            let load_theirs = {
                let (dispatch, saver, status, id, lang) = (
                    editing.dispatcher(),
                    saver.clone(),
                    status.clone(),
                    draft.id.clone(),
                    ctx.lang,
                );
                Callback::from(move |_: MouseEvent| {
                    if !page::confirm(Msg::EditorLoadTheirsConfirm.text(lang)) {
                        return;
                    }
                    let (dispatch, saver, status, id) =
                        (dispatch.clone(), saver.clone(), status.clone(), id.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some(theirs) = drafts::load_checklist_draft(&id).await {
                            *saver.borrow_mut() = Writes::opened(&theirs);
                            status.set(SaveStatus::Idle);
                            dispatch.dispatch(EditorAction::Open(Box::new(theirs)));
                        }
                    });
                })
            };
            // Mine: the next write goes over theirs, as a newer revision than theirs (so their
            // tab cannot write over it unasked).
            let keep_mine = {
                let (saver, status, dispatch) =
                    (saver.clone(), status.clone(), editing.dispatcher());
                Callback::from(move |_: MouseEvent| {
                    let theirs = saver.borrow_mut().saving.keep_mine();
                    match theirs {
                        Some(theirs) => dispatch.dispatch(EditorAction::Over(theirs)),
                        None => pump(saver.clone(), status.clone()),
                    }
                })
            };
            html! {
                <span class="save failed" role="alert" data-testid="ed-save-status">
                    { ctx.t(Msg::EditorConflict) }{ " " }
                    <button type="button" data-testid="ed-load-theirs" onclick={load_theirs}>{ ctx.t(Msg::LoadTheirs) }</button>
                    { " " }
                    <button type="button" data-testid="ed-keep-mine" onclick={keep_mine}>{ ctx.t(Msg::EditorKeepMine) }</button>
                </span>
            }
        }
    };
    let tabs = [
        (View::Edit, Msg::EditorTabEdit, "ed-tab-edit"),
        (View::Preview, Msg::EditorTabPreview, "ed-tab-preview"),
        (View::Diff, Msg::EditorTabDiff, "ed-tab-diff"),
    ];
    let body = match *view {
        View::Edit => html! {
            <form::Form draft={Shared(draft.clone())} problems={Shared(Rc::new(problems.clone()))}
                notes={Shared(Rc::new(notes_of(&ctx, &draft)))} on_edit={on_edit} />
        },
        View::Preview => match &finished {
            Some(c) => html! { <views::Preview checklist={Shared(c.clone())} /> },
            None => {
                html! { <p class="status" role="status" data-testid="ed-preview-broken">{ ctx.t(Msg::EditorPreviewBroken) }</p> }
            }
        },
        View::Diff => html! { <views::Changes draft={Shared(draft.clone())} /> },
    };
    let (notice_error, notice_lines) = (*notice)
        .as_ref()
        .map(|n| n.lines(&ctx))
        .unwrap_or_default();
    html! {
        <section class="page editor" data-testid="editor" aria-labelledby="editor-heading">
            <div class="workspace-head no-print">
                <button type="button" class="link" data-testid="ed-back" onclick={close}>{ "← " }{ ctx.t(Msg::EditorAllDrafts) }</button>
                <div>
                    <h2 id="editor-heading" data-testid="ed-heading">{ pick(&d.title, ctx.lang) }</h2>
                    <p class="meta hash" data-testid="ed-hash">
                        if let Some(c) = &finished {
                            { ctx.say(say::EditorHash { version: &c.doc().version, hash: c.sha256() }) }
                        } else {
                            { ctx.say(say::EditorProblemCount { count: &problems.len().to_string() }) }
                        }
                    </p>
                </div>
                <div class="head-actions">{ save_status }</div>
            </div>
            <div class="page-actions no-print">
                <button type="button" class="primary" data-testid="ed-save-file" onclick={save_file}
                    disabled={finished.is_none()} aria-describedby="ed-save-why">{ ctx.t(Msg::EditorSave) }</button>
                <button type="button" data-testid="ed-use-here" onclick={use_here} disabled={finished.is_none() || known_here}>{ ctx.t(Msg::EditorUseHere) }</button>
                <button type="button" data-testid="ed-csv-export" onclick={csv_export}>{ ctx.t(Msg::EditorCsvExport) }</button>
                <input id="ed-csv-file" class="visually-hidden file-picker" type="file" accept=".csv,text/csv"
                    data-testid="ed-csv-file" onchange={csv_import} aria-describedby="ed-csv-hint" />
                <label for="ed-csv-file" class="button">{ ctx.t(Msg::EditorCsvImport) }</label>
                <button type="button" class="danger" data-testid="ed-delete" onclick={delete}>{ ctx.t(Msg::Delete) }</button>
            </div>
            <p id="ed-save-why" class="muted no-print" hidden={finished.is_some()}>{ ctx.t(Msg::EditorCantSave) }</p>
            <p id="ed-csv-hint" class="muted no-print">{ ctx.t(Msg::EditorCsvHint) }</p>
            <div class={classes!("no-print", "card", notice_error.then_some("warning"))} role="status" aria-live="polite"
                data-testid="ed-notice" hidden={notice_lines.is_empty()}>
                { for notice_lines.iter().map(|l| html! { <p>{ l }</p> }) }
            </div>
            <nav class="tabs no-print" aria-label={ctx.t(Msg::EditorTabs)}>
                { for tabs.iter().map(|(v, msg, testid)| {
                    let current = *v == *view;
                    let onclick = { let (view, v) = (view.clone(), *v); Callback::from(move |_: MouseEvent| view.set(v)) };
                    html! {
                        <button type="button" class={classes!("tab", current.then_some("current"))} data-testid={*testid}
                            aria-current={current.then_some("page")} {onclick}>{ ctx.t(*msg) }</button>
                    }
                }) }
            </nav>
            { body }
        </section>
    }
}

/// The drafts list's start: a new draft from a checklist, stored at once.
fn start_from(base: &ChecklistDoc) -> ChecklistDraft {
    ChecklistDraft::new(clock::new_draft_id(), base, &clock::now())
}

/// The value of a `<select>` that changed.
fn selected(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}
