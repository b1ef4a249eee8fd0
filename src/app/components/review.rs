//! 上年整改落实情况: last year's 整改 rows, each with how far it got, what was done and the
//! evidence; a row whose shortfall persists points to this year's row.

use crate::app::{edit, Ctx, Open};
use crate::core::school::{ReviewField, ReviewStatus};
use crate::i18n::{say, Msg};
use crate::state::DraftEdit;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

fn status_code(s: ReviewStatus) -> &'static str {
    match s {
        ReviewStatus::Unset => "unset",
        ReviewStatus::Done => "done",
        ReviewStatus::InProgress => "in_progress",
        ReviewStatus::NotStarted => "not_started",
    }
}

pub fn status_msg(s: ReviewStatus) -> Msg {
    match s {
        ReviewStatus::Unset => Msg::ReviewUnset,
        ReviewStatus::Done => Msg::ReviewDone,
        ReviewStatus::InProgress => Msg::ReviewInProgress,
        ReviewStatus::NotStarted => Msg::ReviewNotStarted,
    }
}

const STATUSES: [ReviewStatus; 4] = [
    ReviewStatus::Unset,
    ReviewStatus::Done,
    ReviewStatus::InProgress,
    ReviewStatus::NotStarted,
];

/// The editable section on the 整改清单 page (nothing when the draft has no review).
pub fn review_section(ctx: &Ctx, open: &Open) -> Html {
    let draft = &open.draft;
    if draft.review.is_empty() {
        return Html::default();
    }
    let rows = draft.review.iter().map(|r| {
        let id = r.row.id;
        let on_status = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |e: Event| {
                let el: HtmlSelectElement = e.target_unchecked_into();
                let status = STATUSES
                    .into_iter()
                    .find(|s| status_code(*s) == el.value())
                    .unwrap_or_default();
                dispatch.dispatch(edit(DraftEdit::SetReviewStatus { id, status }));
            })
        };
        let on_field = |field: ReviewField| {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |e: InputEvent| {
                let el: HtmlTextAreaElement = e.target_unchecked_into();
                dispatch.dispatch(edit(DraftEdit::SetReviewField { id, field, value: el.value() }));
            })
        };
        let carried = draft
            .carried_on(&r.row)
            .and_then(|row| draft.plan.iter().position(|p| p.id == row.id))
            .map(|n| ctx.say(say::CarriedOn { row: &(n + 1).to_string() }));
        html! {
            <li class="card review-row" key={id} data-testid={format!("review-{id}")}>
                <p><strong>{ &r.row.problem }</strong></p>
                <p class="meta">{ ctx.t(Msg::MeasureCol) }{ ctx.lang.colon() }{ &r.row.measure }
                    { " · " }{ ctx.t(Msg::DeadlineCol) }{ ctx.lang.colon() }{ &r.row.deadline }</p>
                <div class="input-field">
                    <label for={format!("review-{id}-status")}>{ ctx.t(Msg::ReviewStatusLabel) }</label>
                    <select id={format!("review-{id}-status")} data-testid={format!("review-{id}-status")} onchange={on_status}>
                        { for STATUSES.iter().map(|s| html! {
                            <option value={status_code(*s)} selected={r.status == *s}>{ ctx.t(status_msg(*s)) }</option>
                        }) }
                    </select>
                </div>
                <div class="input-field">
                    <label for={format!("review-{id}-done")}>{ ctx.t(Msg::ReviewDoneLabel) }</label>
                    <textarea id={format!("review-{id}-done")} data-testid={format!("review-{id}-done")} rows="2"
                        value={r.done.clone()} oninput={on_field(ReviewField::Done)} />
                </div>
                <div class="input-field">
                    <label for={format!("review-{id}-evidence")}>{ ctx.t(Msg::ReviewEvidenceLabel) }</label>
                    <textarea id={format!("review-{id}-evidence")} data-testid={format!("review-{id}-evidence")} rows="2"
                        value={r.evidence.clone()} oninput={on_field(ReviewField::Evidence)} />
                </div>
                <p class="note" hidden={carried.is_none()} data-testid={format!("review-{id}-carried")}>{ carried.clone().unwrap_or_default() }</p>
            </li>
        }
    });
    let unreviewed = draft.unreviewed();
    html! {
        <section aria-labelledby="review-heading" data-testid="review">
            <h3 id="review-heading">{ ctx.t(Msg::ReviewHeading) }</h3>
            <p class="guidance">{ ctx.t(Msg::ReviewIntro) }</p>
            <p class="status" hidden={unreviewed == 0}>{ ctx.say(say::Unreviewed { rows: &unreviewed.to_string() }) }</p>
            <ul class="review-list">{ for rows }</ul>
        </section>
    }
}

/// The printed table for the report.
pub fn review_table(ctx: &Ctx, open: &Open) -> Html {
    let draft = &open.draft;
    if draft.review.is_empty() {
        return Html::default();
    }
    html! {
        <section class="report-section" data-testid="report-review">
            <h3>{ ctx.t(Msg::ReviewHeading) }</h3>
            // Its own scroll on a phone, as the comparison's: the page never scrolls sideways.
            <div class="table-scroll"><table class="report-table">
                <thead><tr>
                    <th scope="col">{ ctx.t(Msg::ProblemCol) }</th>
                    <th scope="col">{ ctx.t(Msg::MeasureCol) }</th>
                    <th scope="col">{ ctx.t(Msg::ReviewStatusLabel) }</th>
                    <th scope="col">{ ctx.t(Msg::ReviewDoneLabel) }</th>
                    <th scope="col">{ ctx.t(Msg::ReviewEvidenceLabel) }</th>
                </tr></thead>
                <tbody>
                    { for draft.review.iter().map(|r| html! {
                        <tr key={r.row.id}>
                            <td>{ &r.row.problem }</td><td>{ &r.row.measure }</td>
                            // On paper an unset status is not filled in, not “请选择” (a prompt to a
                            // control that is not there).
                            // 进行中 whole (it broke at a column's edge); "In progress" may wrap.
                            <td class={classes!((ctx.lang == crate::i18n::Lang::Zh).then_some("nowrap"))}>{ ctx.t(if r.status == ReviewStatus::Unset { Msg::ReviewNotGiven } else { status_msg(r.status) }) }</td><td>{ &r.done }</td><td>{ &r.evidence }</td>
                        </tr>
                    }) }
                </tbody>
            </table></div>
        </section>
    }
}
