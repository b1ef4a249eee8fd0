//! Opening a submission file as a new draft (continuing on another computer, or a file the
//! county sent back). Nothing on screen or in storage changes unless the file is valid.

use crate::app::browser::{clock, drafts, files};
use crate::app::Ctx;
use crate::core::builtin::builtins;
use crate::core::export::ImportError;
use crate::i18n::Msg;
use crate::report::notice::rejection_text;
use crate::state::draft::{known_here, open_submission};
use crate::state::{Action, Notice, Rejection};
use gloo::file::callbacks::FileReader;
use yew::prelude::*;

/// A file waiting for the checklist it names.
#[derive(Clone, PartialEq)]
struct Waiting {
    name: String,
    bytes: Vec<u8>,
}

/// Opens `bytes` as a new draft on the checklists known here: the built-ins, the county
/// checklists kept in this browser, then those picked here (`extra`).
async fn open_file(
    ctx: &Ctx,
    name: &str,
    bytes: &[u8],
    extra: &[(String, String)],
) -> Result<(), ImportError> {
    let mut files: Vec<(String, String)> = drafts::county_checklists()
        .await
        .into_iter()
        .map(|k| (format!("{}.json", k.checklist.doc().id), k.text))
        .collect();
    files.extend_from_slice(extra);
    let (known, _) = known_here(&builtins().unwrap_or_default(), &files);
    let opened = open_submission(clock::new_draft_id(), bytes, &known)?;
    ctx.dispatch.dispatch(Action::Imported {
        draft: Box::new(opened.draft),
    });
    ctx.dispatch.dispatch(Action::Notify(Notice::Imported {
        name: name.to_string(),
        result_differs: opened.result_differs,
    }));
    Ok(())
}

#[derive(Properties, PartialEq)]
pub struct OpenSubmissionProps {
    /// A file dropped on the start page, to open.
    pub dropped: Option<(String, Vec<u8>)>,
}

/// The "open a submission file" control, with its errors.
#[component]
pub fn OpenSubmission(props: &OpenSubmissionProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let reader = use_mut_ref(|| None::<FileReader>);
    let error = use_state(|| None::<Rejection>);
    let waiting = use_state(|| None::<Waiting>);
    let extra = use_mut_ref(Vec::<(String, String)>::new);

    let attempt = {
        let (ctx, error, waiting, extra) =
            (ctx.clone(), error.clone(), waiting.clone(), extra.clone());
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            let (ctx, error, waiting) = (ctx.clone(), error.clone(), waiting.clone());
            let extra = extra.borrow().clone();
            wasm_bindgen_futures::spawn_local(async move {
                match open_file(&ctx, &name, &bytes, &extra).await {
                    Ok(()) => {
                        error.set(None);
                        waiting.set(None);
                    }
                    Err(e) => {
                        let needs = matches!(e, ImportError::UnknownChecklist { .. });
                        error.set(Some(Rejection::Submission {
                            file: name.clone(),
                            error: e,
                        }));
                        waiting.set(needs.then_some(Waiting { name, bytes }));
                    }
                }
            });
        })
    };
    {
        let attempt = attempt.clone();
        use_effect_with(props.dropped.clone(), move |dropped| {
            if let Some(file) = dropped {
                attempt.emit(file.clone());
            }
        });
    }
    // Reads a picked file (refused before reading when too large) into `on_bytes`.
    let read = |on_bytes: Callback<(String, Vec<u8>)>,
                reader: std::rc::Rc<std::cell::RefCell<Option<FileReader>>>,
                error: UseStateHandle<Option<Rejection>>| {
        Callback::from(move |e: Event| {
            let limit = crate::core::export::MAX_EXPORT_BYTES;
            let too_large = {
                let error = error.clone();
                move |file: String, size: u64| {
                    error.set(Some(Rejection::Submission {
                        file,
                        error: ImportError::TooLarge {
                            size: size as usize,
                            limit,
                        },
                    }))
                }
            };
            let on_bytes = on_bytes.clone();
            *reader.borrow_mut() =
                files::read_picked(&e, limit as u64, too_large, move |name, bytes| {
                    on_bytes.emit((name, bytes))
                });
        })
    };
    let onchange = read(attempt.clone(), reader.clone(), error.clone());
    let on_checklist = {
        let (extra, waiting, attempt, error) = (
            extra.clone(),
            waiting.clone(),
            attempt.clone(),
            error.clone(),
        );
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            match crate::core::checklist::checklist_of_file(&text) {
                Ok(_) => {
                    extra.borrow_mut().push((name, text));
                    if let Some(w) = (*waiting).clone() {
                        attempt.emit((w.name, w.bytes));
                    }
                }
                Err(problem) => error.set(Some(Rejection::Checklist {
                    file: name,
                    problem,
                })),
            }
        })
    };
    let on_checklist_change = read(on_checklist, reader.clone(), error.clone());
    html! {
        <section class="card load-file">
            <label for="submission-file" class="button">{ ctx.t(Msg::OpenSubmission) }</label>
            <input id="submission-file" class="visually-hidden" type="file" accept=".json,application/json"
                data-testid="submission-file" {onchange} aria-describedby="submission-file-hint" />
            <p id="submission-file-hint" class="muted">{ ctx.t(Msg::OpenSubmissionHint) }</p>
            // The message and the checklist picker are always there, hidden while unused: the
            // file input beside them keeps its place in the DOM (and its focus).
            <p class="error" role="alert" data-testid="import-error" hidden={error.is_none()}>{ (*error).as_ref().map(|r| rejection_text(ctx.lang, r)).unwrap_or_default() }</p>
            <p hidden={waiting.is_none()}>
                <label for="import-checklist-file" class="button">{ ctx.t(Msg::ImportNeedsChecklist) }{ " " }{ ctx.t(Msg::LoadChecklistFile) }</label>
                <input id="import-checklist-file" class="visually-hidden" type="file" accept=".json,application/json"
                    data-testid="import-checklist-file" onchange={on_checklist_change} />
            </p>
        </section>
    }
}
