//! The checklist drafts kept here (where a county checklist is started), the preview as a
//! school fills the checklist in, and the changes from the original, printable.

use super::{selected, start_from};
use crate::app::browser::{clock, drafts, page};
use crate::app::components::{pick, read_checklist_file};
use crate::app::pages::{Fill, Results};
use crate::app::{Ctx, Shared, Store};
use crate::core::checklist::Checklist;
use crate::core::checklist_diff::{diff, Change, Field};
use crate::core::model::SchoolType;
use crate::core::school::ProfileField;
use crate::i18n::{diff_change, diff_place, say, school_type_name, Msg};
use crate::report::notice::rejection_text;
use crate::state::draft::ChecklistSource;
use crate::state::editor::ChecklistDraft;
use crate::state::Rejection;
use crate::state::{Action, AppState, DraftEdit, Page, Prefs};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DraftListProps {
    pub on_open: Callback<ChecklistDraft>,
}

/// The checklist drafts in this browser, and a new one from a built-in or loaded checklist.
#[component]
pub fn DraftList(props: &DraftListProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    let list = use_state(|| None::<Vec<ChecklistDraft>>);
    let bases = use_state(|| crate::core::builtin::builtins().unwrap_or_default());
    let chosen = use_state(|| 0usize);
    let reload = {
        let (list, bases) = (list.clone(), bases.clone());
        move || {
            let (list, bases) = (list.clone(), bases.clone());
            wasm_bindgen_futures::spawn_local(async move {
                list.set(Some(drafts::checklist_drafts().await));
                let files: Vec<(String, String)> = drafts::county_checklists()
                    .await
                    .into_iter()
                    .map(|k| (format!("{}.json", k.checklist.doc().id), k.text))
                    .collect();
                let builtins = crate::core::builtin::builtins().unwrap_or_default();
                bases.set(crate::state::draft::checklists_of(
                    &crate::state::draft::known_here(&builtins, &files).0,
                ));
            });
        }
    };
    {
        let reload = reload.clone();
        use_effect_with((), move |_| reload());
    }
    use_effect_with((), |_| page::focus("editor-heading"));
    let start = {
        let (bases, chosen, on_open) = (bases.clone(), chosen.clone(), props.on_open.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(base) = bases.get(*chosen) else {
                return;
            };
            let d = start_from(base.doc());
            let on_open = on_open.clone();
            wasm_bindgen_futures::spawn_local(async move {
                drafts::save_checklist_draft(&d, None).await;
                on_open.emit(d);
            });
        })
    };
    let choose = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| chosen.set(selected(&e).parse().unwrap_or(0)))
    };
    // A checklist file (last year's county checklist, another county's): read and checked as
    // loading it anywhere would, then a draft starts from it.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let file_error = use_state(|| None::<Rejection>);
    let from_file = {
        let (on_open, reader, file_error) =
            (props.on_open.clone(), reader.clone(), file_error.clone());
        Callback::from(move |e: Event| {
            let (on_open, file_error) = (on_open.clone(), file_error.clone());
            *reader.borrow_mut() = read_checklist_file(&e, move |read| match read {
                Ok((_, _, c)) => {
                    file_error.set(None);
                    let d = start_from(c.doc());
                    wasm_bindgen_futures::spawn_local(async move {
                        drafts::save_checklist_draft(&d, None).await;
                        on_open.emit(d);
                    });
                }
                Err((file, problem)) => {
                    file_error.set(Some(Rejection::Checklist { file, problem }))
                }
            });
        })
    };
    let rows = (*list).clone().unwrap_or_default().into_iter().map(|d| {
        let open = {
            let (on_open, d) = (props.on_open.clone(), d.clone());
            Callback::from(move |_: MouseEvent| on_open.emit(d.clone()))
        };
        let delete = {
            let (id, reload, lang) = (d.id.clone(), reload.clone(), ctx.lang);
            Callback::from(move |_: MouseEvent| {
                if page::confirm(Msg::EditorDeleteConfirm.text(lang)) {
                    let (id, reload) = (id.clone(), reload.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        drafts::delete_checklist_draft(&id).await;
                        reload();
                    });
                }
            })
        };
        let updated = d.updated.get(..16).unwrap_or_default().replace('T', " ");
        html! {
            <li class="card draft-row" key={d.id.clone()} data-testid="ed-draft-row">
                <div>
                    <h4 data-testid="ed-draft-title">{ pick(&d.doc.title, ctx.lang) }</h4>
                    <p class="meta">{ ctx.say(say::EditorDraftLine { title: &d.doc.id, version: &d.doc.version, updated: &updated }) }</p>
                </div>
                <div class="page-actions">
                    <button type="button" class="primary" data-testid="ed-draft-open" onclick={open}>{ ctx.t(Msg::EditorOpen) }</button>
                    <button type="button" class="danger" data-testid="ed-draft-delete" onclick={delete}>{ ctx.t(Msg::Delete) }</button>
                </div>
            </li>
        }
    });
    html! {
        <section class="page editor" data-testid="editor-start" aria-labelledby="editor-heading">
            <p class="no-print"><a class="link" data-testid="ed-to-county" href="#">{ "← " }{ ctx.t(Msg::EditorToCounty) }</a></p>
            <h2 id="editor-heading" tabindex="-1">{ ctx.t(Msg::EditorHeading) }</h2>
            <p class="lead">{ ctx.t(Msg::EditorIntro) }</p>
            <div class="card">
                <label for="ed-base" class="ed-base-label">{ ctx.t(Msg::EditorStartFrom) }</label>
                <select id="ed-base" data-testid="ed-base" onchange={choose}>
                    { for bases.iter().enumerate().map(|(i, c)| html! {
                        <option value={i.to_string()} selected={i == *chosen}>
                            { format!("{} · {} {} · {}", pick(&c.doc().title, ctx.lang), ctx.t(Msg::ChecklistVersion), c.doc().version, c.doc().id) }
                        </option>
                    }) }
                </select>
                <div class="page-actions">
                    <button type="button" class="primary" data-testid="ed-start" onclick={start}>{ ctx.t(Msg::EditorStart) }</button>
                    <input id="ed-from-file" class="visually-hidden file-picker" type="file" accept=".json,application/json"
                        data-testid="ed-from-file" onchange={from_file} />
                    <label for="ed-from-file" class="button">{ ctx.t(Msg::EditorStartFromFile) }</label>
                </div>
                <p class="error" role="alert" data-testid="ed-from-file-error" hidden={file_error.is_none()}>{ (*file_error).as_ref().map(|r| rejection_text(ctx.lang, r)).unwrap_or_default() }</p>
            </div>
            <h3>{ ctx.t(Msg::EditorDrafts) }</h3>
            if list.as_ref().is_some_and(|l| l.is_empty()) {
                <p class="muted" data-testid="ed-drafts-empty">{ ctx.t(Msg::EditorNoDrafts) }</p>
            }
            <ul class="draft-list" data-testid="ed-drafts">{ for rows }</ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    pub checklist: Shared<Checklist>,
}

/// The checklist as a school fills it in: a test school of its own (a store of its own,
/// nothing saved), with the principal's own pages.
#[component]
pub fn Preview(props: &PreviewProps) -> Html {
    let outer = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    let types = props.checklist.doc().school_types.clone();
    let school_type = use_state(|| types.first().copied().unwrap_or(SchoolType::Primary));
    let store = use_reducer(|| {
        Store(AppState::new(Prefs {
            lang: outer.lang,
            ..Prefs::default()
        }))
    });
    {
        let (dispatch, c, t, name) = (
            store.dispatcher(),
            props.checklist.clone(),
            *school_type,
            Msg::EditorPreviewSchool.text(outer.lang).to_string(),
        );
        use_effect_with((c.sha256().to_string(), t), move |_| {
            let text = serde_json::to_string(c.doc()).unwrap_or_default();
            dispatch.dispatch(Action::NewDraft {
                id: "preview".into(),
                source: ChecklistSource::File {
                    name: c.doc().id.clone(),
                    text,
                },
                now: clock::now(),
            });
            for edit in [
                DraftEdit::SetProfile {
                    field: ProfileField::SchoolName,
                    value: name,
                },
                DraftEdit::SetSchoolType(t),
            ] {
                dispatch.dispatch(crate::app::edit(edit));
            }
            // Filled in, so the computed indicators and the result show at once; the officer
            // can change any of it.
            let values = crate::sample::test_school(&c, t)
                .values
                .into_iter()
                .collect();
            dispatch.dispatch(crate::app::edit(DraftEdit::SetAnswers(values)));
            dispatch.dispatch(Action::Go(Page::Fill { area: 0 }));
        });
    }
    {
        let dispatch = store.dispatcher();
        use_effect_with(outer.lang, move |lang| {
            dispatch.dispatch(Action::SetLang(*lang))
        });
    }
    let open = crate::app::Open::of(&store.0);
    let ctx = Ctx {
        lang: outer.lang,
        dispatch: store.dispatcher(),
    };
    let choose = {
        let school_type = school_type.clone();
        Callback::from(move |e: Event| {
            if let Some(t) = SchoolType::ALL
                .into_iter()
                .find(|t| t.code() == selected(&e))
            {
                school_type.set(t);
            }
        })
    };
    let page = store.0.page();
    let tabs = [
        (Page::Fill { area: 0 }, Msg::TabFill, "ed-preview-fill"),
        (Page::Results, Msg::TabResults, "ed-preview-results"),
    ];
    let body = match open {
        Some(Ok(open)) if open.school_type() == Some(*school_type) => match page {
            Page::Results => html! { <Results open={open} /> },
            Page::Fill { area } => html! { <Fill open={open} section={area} /> },
            _ => html! { <Fill open={open} section={0} /> },
        },
        _ => html! { <p class="muted" role="status">{ outer.t(Msg::Loading) }</p> },
    };
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <section class="preview" data-testid="ed-preview" aria-label={outer.t(Msg::EditorTabPreview)}>
                <p class="lead">{ outer.t(Msg::EditorPreviewIntro) }</p>
                <p>
                    <label for="ed-preview-type">{ outer.t(Msg::EditorPreviewType) }</label>{ " " }
                    <select id="ed-preview-type" data-testid="ed-preview-type" onchange={choose}>
                        { for types.iter().map(|t| html! {
                            <option value={t.code()} selected={*t == *school_type}>{ school_type_name(outer.lang, *t) }</option>
                        }) }
                    </select>
                </p>
                <nav class="tabs" aria-label={outer.t(Msg::EditorTabPreview)}>
                    { for tabs.iter().map(|(p, msg, testid)| {
                        let current = std::mem::discriminant(p) == std::mem::discriminant(&page);
                        html! {
                            <button type="button" class={classes!("tab", current.then_some("current"))} data-testid={*testid}
                                aria-current={current.then_some("page")} onclick={ctx.go(*p)}>{ outer.t(*msg) }</button>
                        }
                    }) }
                </nav>
                { body }
            </section>
        </ContextProvider<Ctx>>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChangesProps {
    pub draft: Shared<ChecklistDraft>,
}

/// Every change against the checklist the draft started from, for the office's record.
#[component]
pub fn Changes(props: &ChangesProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    let d = &props.draft;
    // A source is named by its title, not its id.
    let title_of = |id: &str| {
        d.doc
            .sources
            .iter()
            .chain(&d.base.sources)
            .find(|s| s.id == id)
            .map_or_else(|| id.to_string(), |s| format!("{}（{id}）", s.title))
    };
    let changes: Vec<_> = diff(&d.base, &d.doc)
        .into_iter()
        .map(|mut c| {
            if let Change::Changed {
                field: Field::Source,
                old,
                new,
                ..
            } = &mut c.change
            {
                *old = title_of(old);
                *new = title_of(new);
            }
            c
        })
        .collect();
    let today = clock::now().date().to_string();
    let rows = changes.iter().map(|c| {
        html! {
            <tr data-testid="ed-diff-row">
                <td>{ diff_place(ctx.lang, &c.place) }</td>
                <td>{ diff_change(ctx.lang, &c.change) }</td>
            </tr>
        }
    });
    let name = |doc: &crate::core::model::ChecklistDoc| {
        format!(
            "{} {} {}",
            pick(&doc.title, ctx.lang),
            ctx.t(Msg::ChecklistVersion),
            doc.version
        )
    };
    html! {
        <section class="changes" data-testid="ed-diff" aria-labelledby="ed-diff-heading">
            <h3 id="ed-diff-heading">{ ctx.t(Msg::EditorTabDiff) }</h3>
            <p class="muted no-print">{ ctx.t(Msg::EditorDiffIntro) }</p>
            <p data-testid="ed-diff-names">{ format!("{}（{}）→ {}（{}）· {}", name(&d.base), d.base.id, name(&d.doc), d.doc.id, today) }</p>
            if changes.is_empty() {
                <p data-testid="ed-diff-empty">{ ctx.t(Msg::EditorDiffEmpty) }</p>
            } else {
                <div class="table-scroll">
                    <table class="diff-table">
                        <thead><tr><th scope="col">{ ctx.t(Msg::EditorDiffWhere) }</th><th scope="col">{ ctx.t(Msg::EditorDiffWhat) }</th></tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            <div class="page-actions no-print">
                <button type="button" data-testid="ed-diff-print" onclick={Callback::from(|_: MouseEvent| page::print())}>{ ctx.t(Msg::EditorDiffPrint) }</button>
            </div>
        </section>
    }
}
