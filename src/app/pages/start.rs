use crate::app::browser::{clock, drafts, files, page};
use crate::app::components::checklist_list;
use crate::app::Ctx;
use crate::core::checklist::FileProblem;
use crate::i18n::{say, Msg};
use crate::report::notice::rejection_text;
use crate::state::draft::{ChecklistSource, DraftSummary};
use crate::state::{Action, Notice, Rejection};
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use yew::prelude::*;

/// Checklist files larger than this are refused before reading (the built-ins are ~50 KB).

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub drafts: Vec<DraftSummary>,
    pub offline_ready: bool,
}

/// The start page: the drafts on this computer, and new self-assessments.
#[component]
pub fn Start(props: &StartProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let ready_at_first = use_state(|| props.offline_ready);
    let offline = if props.offline_ready {
        Msg::OfflineReady
    } else {
        Msg::OfflinePending
    };
    // A submission file dropped anywhere on the page is opened like a picked one.
    let dropped = use_state(|| None::<(String, Vec<u8>)>);
    let drop_reader = use_mut_ref(|| None::<FileReader>);
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let (dropped, drop_reader) = (dropped.clone(), drop_reader.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let Some(file) = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            else {
                return;
            };
            let file = File::from(file);
            if file.size() as usize > crate::core::export::MAX_EXPORT_BYTES {
                return;
            }
            let (dropped, name) = (dropped.clone(), file.name());
            *drop_reader.borrow_mut() =
                Some(gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                    if let Ok(bytes) = bytes {
                        dropped.set(Some((name, bytes)));
                    }
                }));
        })
    };
    html! {
        <section class="start" data-testid="start-page" aria-labelledby="start-heading" {ondragover} {ondrop}>
            <h2 id="start-heading">{ ctx.t(Msg::StartHeading) }</h2>
            <p class="lead">{ ctx.t(Msg::StartIntro) }</p>
            <div class="roles">
                <article class="card" data-testid="role-principal">
                    <h3>{ ctx.t(Msg::RolePrincipal) }</h3>
                    <p>{ ctx.t(Msg::RolePrincipalText) }</p>
                </article>
                <article class="card" data-testid="role-county">
                    <h3>{ ctx.t(Msg::RoleCounty) }</h3>
                    <p>{ ctx.t(Msg::RoleCountyText) }</p>
                    <p class="page-actions">
                        <a class="button primary" data-testid="county-mode" href="county/">{ ctx.t(Msg::CountyEnter) }</a>
                        <a class="button" data-testid="make-checklist" href="county/#checklist" title={ctx.t(Msg::EditorLinkText)}>{ ctx.t(Msg::EditorLink) }</a>
                    </p>
                </article>
            </div>
            { draft_list(&ctx, &props.drafts) }
            <super::import::OpenSubmission dropped={(*dropped).clone()} />
            <StartFromLastYearFile />
            { checklist_list(&ctx) }
            <CountyChecklists />
            <LoadChecklistFile />
            // Said when it changes (ready on the first visit); not again each time the start
            // page is shown with it already ready.
            <p class="status" role={(!*ready_at_first).then_some("status")} aria-live={(!*ready_at_first).then_some("polite")}
                data-testid="offline-status" data-ready={ props.offline_ready.to_string() }>
                { ctx.t(offline) }
            </p>
            <p class="privacy">{ ctx.t(Msg::PrivacyNote) }</p>
        </section>
    }
}

fn draft_list(ctx: &Ctx, drafts: &[DraftSummary]) -> Html {
    let rows = drafts.iter().map(|d| {
        let name = if d.school_name.trim().is_empty() {
            ctx.t(Msg::Untitled).to_string()
        } else {
            d.school_name.clone()
        };
        let open = {
            let (dispatch, id) = (ctx.dispatch.clone(), d.id.clone());
            Callback::from(move |_: MouseEvent| {
                let (dispatch, id) = (dispatch.clone(), id.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(draft) = drafts::load(&id).await {
                        let page = crate::state::Page::Fill { area: 0 };
                        dispatch.dispatch(Action::OpenDraft { draft: Box::new(draft), page });
                    }
                });
            })
        };
        let duplicate = {
            let (dispatch, row, suffix) = (ctx.dispatch.clone(), d.clone(), ctx.t(Msg::CopySuffix));
            Callback::from(move |_: MouseEvent| {
                let (dispatch, row) = (dispatch.clone(), row.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let Some(original) = drafts::load(&row.id).await else { return };
                    let copy = original.duplicate(clock::new_draft_id(), &clock::now(), suffix);
                    let saved = drafts::save(&copy, None, &row.for_copy(&copy)).await == drafts::SaveOutcome::Saved;
                    if !saved {
                        dispatch.dispatch(Action::SaveFailed);
                    }
                    dispatch.dispatch(Action::DraftsListed(drafts::list().await));
                    // The list is drawn again, sorted: the focus goes to the copy, and the
                    // copy is said (the button pressed may now be another draft's).
                    if saved {
                        dispatch.dispatch(Action::Notify(Notice::DraftCopied { name: copy.profile.school_name.clone() }));
                        page::focus_after_drawing(format!("draft-open-{}", copy.id));
                    }
                });
            })
        };
        let delete = {
            let (dispatch, id) = (ctx.dispatch.clone(), d.id.clone());
            let question = ctx.say(say::ConfirmDelete { school: &name });
            let name = name.clone();
            Callback::from(move |_: MouseEvent| {
                if page::confirm(&question) {
                    let (dispatch, id, name) = (dispatch.clone(), id.clone(), name.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        drafts::delete(&id).await;
                        dispatch.dispatch(Action::DraftsListed(drafts::list().await));
                        // Its row is gone: the focus goes to the list's heading, not the page.
                        dispatch.dispatch(Action::Notify(Notice::DraftDeleted { name }));
                        page::focus_after_drawing("drafts-heading".into());
                    });
                }
            })
        };
        html! {
            <li class="card draft-row" key={d.id.clone()} data-testid="draft-row">
                <div class="draft-info">
                    <h4 id={format!("draft-{}-school", d.id)} data-testid="draft-school">{ &name }</h4>
                    <p class="meta">
                        { if ctx.lang == crate::i18n::Lang::En && !d.checklist_title_en.is_empty() { &d.checklist_title_en } else { &d.checklist_title } }
                        if !d.school_year.is_empty() { { " · " }{ &d.school_year } }
                        { " · " }{ ctx.t(Msg::CompleteLabel) }{ " " }
                        <span data-testid="draft-complete">{ format!("{}%", d.complete_percent) }</span>
                        { " · " }{ ctx.t(Msg::UpdatedLabel) }{ " " }{ d.updated.get(..16).unwrap_or(&d.updated).replace('T', " ") }
                    </p>
                </div>
                <div class="row-actions">
                    // Each named with its school too (a list of 打开, 复制, 删除 said nothing of whose).
                    <button type="button" class="primary" id={format!("draft-open-{}", d.id)} data-testid="draft-open"
                        aria-labelledby={format!("draft-open-{} draft-{}-school", d.id, d.id)} onclick={open}>{ ctx.t(Msg::Open) }</button>
                    <button type="button" id={format!("draft-copy-{}", d.id)} data-testid="draft-duplicate"
                        aria-labelledby={format!("draft-copy-{} draft-{}-school", d.id, d.id)} onclick={duplicate}>{ ctx.t(Msg::Duplicate) }</button>
                    <button type="button" class="danger" id={format!("draft-delete-{}", d.id)} data-testid="draft-delete"
                        aria-labelledby={format!("draft-delete-{} draft-{}-school", d.id, d.id)} onclick={delete}>{ ctx.t(Msg::Delete) }</button>
                </div>
            </li>
        }
    });
    html! {
        <section aria-labelledby="drafts-heading">
            <h3 id="drafts-heading" tabindex="-1">{ ctx.t(Msg::DraftsHeading) }</h3>
            if drafts.is_empty() {
                <p class="muted" data-testid="drafts-empty">{ ctx.t(Msg::DraftsEmpty) }</p>
            } else {
                <ul class="draft-list">{ for rows }</ul>
            }
        </section>
    }
}

/// Starts this year's draft from last year's submission file.
#[component]
fn StartFromLastYearFile() -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let reader = use_mut_ref(|| None::<FileReader>);
    let error = use_state(|| None::<Rejection>);
    let onchange = {
        let (dispatch, reader, error) = (ctx.dispatch.clone(), reader.clone(), error.clone());
        Callback::from(move |e: Event| {
            let too_large = {
                let error = error.clone();
                move |file: String, size: u64| {
                    error.set(Some(Rejection::Submission {
                        file,
                        error: crate::core::export::ImportError::TooLarge {
                            size: size as usize,
                            limit: crate::core::export::MAX_EXPORT_BYTES,
                        },
                    }))
                }
            };
            let (dispatch, error) = (dispatch.clone(), error.clone());
            *reader.borrow_mut() = files::read_picked(
                &e,
                crate::core::export::MAX_EXPORT_BYTES as u64,
                too_large,
                move |name, bytes| {
                    let (dispatch, error) = (dispatch.clone(), error.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let county: Vec<(String, String)> = drafts::county_checklists()
                            .await
                            .into_iter()
                            .map(|k| (format!("{}.json", k.checklist.doc().id), k.text))
                            .collect();
                        let (known, _) = crate::state::draft::known_here(
                            &crate::core::builtin::builtins().unwrap_or_default(),
                            &county,
                        );
                        let started = crate::state::last_year::start_from_file(
                            clock::new_draft_id(),
                            &name,
                            &bytes,
                            &known,
                            &clock::now(),
                        );
                        use crate::state::last_year::StartError;
                        match started {
                            Ok(started) => {
                                error.set(None);
                                dispatch.dispatch(Action::StartedFromLastYear {
                                    draft: Box::new(started.draft),
                                });
                                if started.result_differs {
                                    dispatch.dispatch(Action::Notify(
                                        Notice::StartedFromLastYear { name },
                                    ));
                                }
                            }
                            Err(StartError::File(e)) => error.set(Some(Rejection::Submission {
                                file: name,
                                error: e,
                            })),
                            Err(StartError::NoChecklist { id }) => {
                                error.set(Some(Rejection::NoChecklist { file: name, id }))
                            }
                        }
                    });
                },
            );
        })
    };
    html! {
        <section class="card load-file">
            <label for="last-year-file" class="button">{ ctx.t(Msg::StartFromLastYear) }</label>
            <input id="last-year-file" class="visually-hidden" type="file" accept=".json,application/json"
                data-testid="last-year-file" {onchange} aria-describedby="last-year-file-hint" />
            <p id="last-year-file-hint" class="muted">{ ctx.t(Msg::StartFromLastYearHint) }</p>
            <p class="error" role="alert" data-testid="last-year-error" hidden={error.is_none()}>{ (*error).as_ref().map(|r| rejection_text(ctx.lang, r)).unwrap_or_default() }</p>
        </section>
    }
}

/// Starts a draft from a checklist file the county issued.
#[component]
fn LoadChecklistFile() -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let reader = use_mut_ref(|| None::<FileReader>);
    let error = use_state(|| None::<Rejection>);
    let onchange = {
        let (dispatch, reader, error) = (ctx.dispatch.clone(), reader.clone(), error.clone());
        Callback::from(move |e: Event| {
            let reject = {
                let (dispatch, error) = (dispatch.clone(), error.clone());
                move |name: String, problem: FileProblem| {
                    error.set(Some(Rejection::Checklist {
                        file: name.clone(),
                        problem: problem.clone(),
                    }));
                    dispatch.dispatch(Action::Notify(Notice::ChecklistFileRejected {
                        name,
                        problem,
                    }));
                }
            };
            let (dispatch, error) = (dispatch.clone(), error.clone());
            *reader.borrow_mut() = crate::app::components::read_checklist_file(&e, move |read| {
                match read {
                    Ok((name, text, c)) => {
                        // A county's copy must not share a built-in's id and version.
                        let mut known = crate::core::builtin::builtins().unwrap_or_default();
                        if let Err(clash) =
                            crate::core::checklist::add_to_set(&mut known, c.clone())
                        {
                            return reject(name, FileProblem::Clash(clash));
                        }
                        error.set(None);
                        let (dispatch, stored) = (dispatch.clone(), text.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            drafts::save_county_checklist(&c, &stored).await;
                            dispatch.dispatch(Action::NewDraft {
                                id: clock::new_draft_id(),
                                source: ChecklistSource::File { name, text },
                                now: clock::now(),
                            });
                        });
                    }
                    Err((name, reason)) => reject(name, reason),
                }
            });
        })
    };
    html! {
        <section class="card load-file">
            <label for="checklist-file" class="button">{ ctx.t(Msg::LoadChecklistFile) }</label>
            <input id="checklist-file" class="visually-hidden" type="file" accept=".json,application/json"
                data-testid="checklist-file" {onchange} aria-describedby="checklist-file-hint" />
            <p id="checklist-file-hint" class="muted">{ ctx.t(Msg::LoadChecklistHint) }</p>
            <p class="error" role="alert" data-testid="checklist-file-error" hidden={error.is_none()}>{ (*error).as_ref().map(|r| rejection_text(ctx.lang, r)).unwrap_or_default() }</p>
        </section>
    }
}

/// The county checklists kept in this browser: start a draft from one, or remove one.
#[component]
fn CountyChecklists() -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let list = use_state(Vec::<drafts::KnownChecklist>::new);
    let reload = {
        let list = list.clone();
        move || {
            let list = list.clone();
            wasm_bindgen_futures::spawn_local(async move {
                list.set(drafts::county_checklists().await);
            });
        }
    };
    {
        let reload = reload.clone();
        use_effect_with((), move |_| reload());
    }
    if list.is_empty() {
        return Html::default();
    }
    let items = list.iter().map(|known| {
        let (text, c) = (&known.text, &known.checklist);
        let d = c.doc();
        let start = {
            let (dispatch, text, name) = (ctx.dispatch.clone(), text.clone(), format!("{}.json", d.id));
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(Action::NewDraft {
                    id: clock::new_draft_id(),
                    source: ChecklistSource::File { name: name.clone(), text: text.clone() },
                    now: clock::now(),
                })
            })
        };
        let remove = {
            let (key, reload, lang) = (drafts::checklist_key(c), reload.clone(), ctx.lang);
            Callback::from(move |_: MouseEvent| {
                if !gloo::dialogs::confirm(Msg::RemoveChecklistConfirm.text(lang)) {
                    return;
                }
                let (key, reload) = (key.clone(), reload.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    drafts::delete_county_checklist(&key).await;
                    reload();
                });
            })
        };
        let lang = ctx.lang;
        // Element ids from the hash (a county's own id may hold anything): the buttons are
        // named with the checklist's title.
        let key = c.sha256().get(..12).unwrap_or_default().to_string();
        html! {
            <li class="card" data-testid={format!("county-checklist-{}", d.id)}>
                <h4 id={format!("county-checklist-{key}-title")}>{ crate::app::components::pick(&d.title, lang) }</h4>
                <p class="meta">
                    { crate::app::components::pick(&d.issuer, lang) }{ " · " }
                    { ctx.t(Msg::ChecklistVersion) }{ " " }{ &d.version }{ " · " }
                    { ctx.t(Msg::ContentHash) }{ " " }<code>{ c.sha256().get(..12).unwrap_or_default() }</code>
                </p>
                <div class="page-actions">
                    <button type="button" class="primary" id={format!("new-county-{key}")} data-testid={format!("new-county-{}", d.id)}
                        aria-labelledby={format!("new-county-{key} county-checklist-{key}-title")} onclick={start}>{ ctx.t(Msg::NewDraftWith) }</button>
                    if known.kept {
                        <button type="button" class="danger" id={format!("remove-county-{key}")} data-testid={format!("remove-county-{}", d.id)}
                            aria-labelledby={format!("remove-county-{key} county-checklist-{key}-title")} onclick={remove}>{ ctx.t(Msg::Delete) }</button>
                    }
                </div>
            </li>
        }
    });
    html! {
        <section class="checklists" aria-labelledby="county-checklists-heading" data-testid="county-checklists-start">
            <h3 id="county-checklists-heading">{ ctx.t(Msg::CountyChecklistsHeading) }</h3>
            <p class="muted">{ ctx.t(Msg::CountyChecklistsNote) }</p>
            <ul class="checklist-list">{ for items }</ul>
        </section>
    }
}
