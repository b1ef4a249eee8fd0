use crate::app::browser::{drafts, files};
use crate::app::{Ctx, Shared};
use crate::i18n::{say, Msg};
use crate::state::draft::Draft;
use crate::state::{Action, SaveStatus};
use yew::prelude::*;

/// "已保存 10:32", or why not and what to do about it.
pub fn save_bar(ctx: &Ctx, draft: &Shared<Draft>, save: &SaveStatus) -> Html {
    let export = {
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            // The draft as the browser stores it (compact): a second, pretty writer of the
            // whole draft cost the first load about 2 KB, for a file no reader needs laid out.
            let text = serde_json::to_string(&*draft.0).unwrap_or_default();
            let day = draft.updated.get(..10).unwrap_or("");
            let name = crate::core::filename::join_parts(
                &["ziping-draft", &draft.profile.school_name, day],
                "ziping-draft",
                "json",
            );
            let _ = files::download(&name, &text, "application/json");
        })
    };
    let body = match save {
        SaveStatus::Idle => html! {},
        SaveStatus::Pending => {
            html! { <span class="save pending">{ ctx.t(Msg::SavePending) }</span> }
        }
        SaveStatus::Saved { at } => {
            html! { <span class="save ok">{ ctx.say(say::SavedAt { time: at }) }</span> }
        }
        SaveStatus::Failed => html! {
            <span class="save failed" role="alert">
                <strong>{ ctx.t(Msg::SaveFailed) }</strong>
                <button type="button" class="primary" data-testid="export-now" onclick={export}>{ ctx.t(Msg::ExportNow) }</button>
            </span>
        },
        SaveStatus::Conflict { .. } => {
            let load = {
                let (dispatch, id, page) = (
                    ctx.dispatch.clone(),
                    draft.id.clone(),
                    crate::state::Page::Fill { area: 0 },
                );
                Callback::from(move |_: MouseEvent| {
                    let (dispatch, id) = (dispatch.clone(), id.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some(d) = drafts::load(&id).await {
                            dispatch.dispatch(Action::OpenDraft {
                                draft: Box::new(d),
                                page,
                            });
                        }
                    });
                })
            };
            let keep = {
                let dispatch = ctx.dispatch.clone();
                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::KeepMine))
            };
            html! {
                <span class="save failed" role="alert" data-testid="conflict">
                    <strong>{ ctx.t(Msg::Conflict) }</strong>
                    <button type="button" class="primary" data-testid="load-theirs" onclick={load}>{ ctx.t(Msg::LoadTheirs) }</button>
                    <button type="button" data-testid="keep-mine" onclick={keep}>{ ctx.t(Msg::KeepMine) }</button>
                    <button type="button" onclick={export}>{ ctx.t(Msg::ExportNow) }</button>
                </span>
            }
        }
        SaveStatus::Gone => {
            let keep = {
                let dispatch = ctx.dispatch.clone();
                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::KeepMine))
            };
            let close = {
                let dispatch = ctx.dispatch.clone();
                Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::CloseDraft))
            };
            html! {
                <span class="save failed" role="alert" data-testid="deleted-elsewhere">
                    <strong>{ ctx.t(Msg::DeletedElsewhere) }</strong>
                    <button type="button" class="primary" data-testid="keep-deleted" onclick={keep}>{ ctx.t(Msg::KeepDeleted) }</button>
                    <button type="button" data-testid="close-deleted" onclick={close}>{ ctx.t(Msg::BackToStart) }</button>
                    <button type="button" onclick={export}>{ ctx.t(Msg::ExportNow) }</button>
                </span>
            }
        }
    };
    // Not a live region: "正在保存…", "已保存 16:49" after every pause in every field would
    // talk over the typing. What needs the principal (a failed save, a conflict, a draft
    // deleted elsewhere) is an alert of its own.
    html! { <div class="save-bar" data-testid="save-status">{ body }</div> }
}
