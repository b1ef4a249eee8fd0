use crate::app::browser::{clock, files};
use crate::app::Ctx;
use crate::core::builtin::builtin_set;
use crate::core::checklist::{checklist_of_file, Checklist, FileProblem};
use crate::core::model::Text;
use crate::i18n::{Lang, Msg};
use crate::state::county::MAX_CHECKLIST_BYTES;
use crate::state::draft::ChecklistSource;
use crate::state::Action;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Reads the checklist file picked in a file input, checked as any loaded checklist is (at
/// most `MAX_CHECKLIST_BYTES`, UTF-8, a valid checklist): `done` gets its name, text and
/// checklist, or its name and why not, typed. Keep the returned reader alive until then.
pub fn read_checklist_file(
    e: &Event,
    done: impl FnOnce(Result<(String, String, Checklist), (String, FileProblem)>) + 'static,
) -> Option<gloo::file::callbacks::FileReader> {
    // Whichever comes first, a file too large or one read, is the answer.
    let done = Rc::new(RefCell::new(Some(done)));
    let refused = done.clone();
    fn answer<R>(cell: &RefCell<Option<impl FnOnce(R)>>, result: R) {
        if let Some(done) = cell.borrow_mut().take() {
            done(result)
        }
    }
    files::read_picked(
        e,
        MAX_CHECKLIST_BYTES as u64,
        move |name, size| {
            answer(
                &refused,
                Err((
                    name,
                    FileProblem::TooLarge {
                        size,
                        limit: MAX_CHECKLIST_BYTES as u64,
                    },
                )),
            )
        },
        move |name, bytes| {
            let result = match String::from_utf8(bytes) {
                Err(_) => Err((name, FileProblem::NotUtf8)),
                Ok(text) => match checklist_of_file(&text) {
                    Ok(c) => Ok((name, text, c)),
                    Err(problem) => Err((name, problem)),
                },
            };
            answer(&done, result)
        },
    )
}

/// A checklist text in the interface language (Chinese when there is no English).
pub fn pick(text: &Text, lang: Lang) -> &str {
    match lang {
        Lang::Zh => &text.zh,
        Lang::En if text.en.is_empty() => &text.zh,
        Lang::En => &text.en,
    }
}

/// The checklists built into the app, with their version, issuer and size.
pub fn checklist_list(ctx: &Ctx) -> Html {
    let lang = ctx.lang;
    let list = match builtin_set() {
        Ok(list) => list,
        Err((name, errors)) => {
            return html! {
                <p class="error" role="alert" data-testid="checklist-error">
                    { format!("{}: {name}: {errors}", ctx.t(Msg::ChecklistBroken)) }
                </p>
            }
        }
    };
    html! {
        <section class="checklists" aria-labelledby="checklists-heading">
            <h3 id="checklists-heading">{ ctx.t(Msg::ChecklistsHeading) }</h3>
            <ul class="checklist-list">
                { for list.iter().map(|c| {
                    let d = c.doc();
                    let start = {
                        let (dispatch, id) = (ctx.dispatch.clone(), d.id.clone());
                        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::NewDraft {
                            id: clock::new_draft_id(),
                            source: ChecklistSource::Builtin { id: id.clone() },
                            now: clock::now(),
                        }))
                    };
                    html! {
                        <li class="card" data-testid={format!("checklist-{}", d.id)}>
                            <h4 id={format!("checklist-{}-title", d.id)}>{ pick(&d.title, lang) }</h4>
                            <p class="meta">
                                { pick(&d.issuer, lang) }{ " · " }
                                { ctx.t(Msg::ChecklistVersion) }{ " " }{ &d.version }{ " · " }
                                <span data-testid="item-count">{ c.item_count() }</span>{ " " }{ ctx.t(Msg::ChecklistItems) }
                            </p>
                            // Named with its checklist (two buttons both said 用此清单新建自评).
                            <button type="button" class="primary" id={format!("new-{}", d.id)} data-testid={format!("new-{}", d.id)}
                                aria-labelledby={format!("new-{} checklist-{}-title", d.id, d.id)} onclick={start}>
                                { ctx.t(Msg::NewDraftWith) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
