use crate::app::browser::page;
use crate::app::components::{messages, messages_dom_id};
use crate::app::edit;
use crate::app::{Ctx, Open};
use crate::core::school::{deadline_problem, deadline_years, PlanRow};
use crate::i18n::{say, Msg};
use crate::state::draft::{PlanField, RowStatus};
use crate::state::DraftEdit;
use crate::state::Page;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanProps {
    pub open: Open,
}

/// 整改清单: generated from the shortfalls, then edited row by row.
#[component]
pub fn Plan(props: &PlanProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let problems = props.open.problems();
    let generate = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(edit(DraftEdit::GeneratePlan)))
    };
    // Where focus goes once the page has drawn it (撤销 after a removal, the row after 撤销).
    let focus_target = use_state(|| None::<String>);
    {
        let focus_target = focus_target.clone();
        use_effect_with((*focus_target).clone(), move |target| {
            if let Some(id) = target {
                page::focus(id);
                focus_target.set(None);
            }
        });
    }
    // The row last removed, for 撤销 (until another is removed or the page is left).
    let removed = use_state(|| None::<(usize, PlanRow)>);
    let undo = {
        let (dispatch, removed, focus_target) =
            (ctx.dispatch.clone(), removed.clone(), focus_target.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((at, row)) = (*removed).clone() {
                let focus = format!("plan-{}-problem", row.id);
                dispatch.dispatch(edit(DraftEdit::RestorePlanRow { at, row }));
                removed.set(None);
                focus_target.set(Some(focus));
            }
        })
    };
    // (Not the row 撤销 can bring back: one offer for it at a time.)
    let undoable = removed.as_ref().and_then(|(_, row)| row.from.clone());
    let dismissed = props
        .open
        .draft
        .dismissed_unmet(&problems)
        .iter()
        .filter(|k| Some(*k) != undoable.as_ref())
        .count();
    let bring_back = {
        let (dispatch, removed, focus_target) =
            (ctx.dispatch.clone(), removed.clone(), focus_target.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(edit(DraftEdit::BringBackPlanRows));
            removed.set(None);
            // The button goes with the notice: focus to the plan's heading (the rows added
            // are announced).
            focus_target.set(Some("plan-heading".to_string()));
        })
    };
    let add = {
        let (dispatch, focus_target) = (ctx.dispatch.clone(), focus_target.clone());
        let next = props.open.draft.next_row_id();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(edit(DraftEdit::AddPlanRow));
            // Into the new row's 问题 (the focus stayed on 增加一行, the row unsaid).
            focus_target.set(Some(format!("plan-{next}-problem")));
        })
    };
    let columns = [
        (PlanField::Problem, Msg::ProblemCol),
        (PlanField::Measure, Msg::MeasureCol),
        (PlanField::Owner, Msg::OwnerCol),
        (PlanField::Deadline, Msg::DeadlineCol),
        (PlanField::Progress, Msg::ProgressCol),
    ];
    let school_year = props.open.draft.profile.school_year.as_str();
    let rows = props.open.draft.plan.iter().enumerate().map(|(n, row)| {
        let id = row.id;
        let cells = columns.iter().map(|(field, msg)| {
            let field = *field;
            let dom_id = format!("plan-{id}-{}", field.key());
            let label = format!("{} {}", ctx.t(*msg), n + 1);
            let value = row.get(field).to_string();
            let dispatch = ctx.dispatch.clone();
            let input = if field == PlanField::Deadline {
                let oninput = Callback::from(move |e: InputEvent| {
                    let el: HtmlInputElement = e.target_unchecked_into();
                    dispatch.dispatch(edit(DraftEdit::SetPlanField { id, field, value: el.value() }));
                });
                // The year checked against the school year; the value is kept as given.
                let error = deadline_problem(&value, school_year).map(|p| crate::i18n::deadline_problem_text(ctx.lang, p));
                let (from, to) = deadline_years(school_year);
                html! {
                    <>
                        <input type="date" id={dom_id.clone()} data-testid={dom_id.clone()} aria-label={label} {value} {oninput}
                            min={format!("{from}-01-01")} max={format!("{to}-12-31")}
                            aria-invalid={error.is_some().then_some("true")} aria-describedby={messages_dom_id(&dom_id)} />
                        { messages(&dom_id, error.as_deref(), &[]) }
                    </>
                }
            } else {
                let oninput = Callback::from(move |e: InputEvent| {
                    let el: HtmlTextAreaElement = e.target_unchecked_into();
                    dispatch.dispatch(edit(DraftEdit::SetPlanField { id, field, value: el.value() }));
                });
                html! { <textarea id={dom_id.clone()} data-testid={dom_id} rows="4" aria-label={label} {value} {oninput} /> }
            };
            html! { <td data-label={ctx.t(*msg)}>{ input }<span class="print-only">{ row.get(field) }</span></td> }
        });
        let resolved = row.status(&problems) == RowStatus::Resolved;
        let remove = {
            let (dispatch, removed, row, focus_target) =
                (ctx.dispatch.clone(), removed.clone(), row.clone(), focus_target.clone());
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(edit(DraftEdit::RemovePlanRow(id)));
                removed.set(Some((n, row.clone())));
                // The button is gone with its row: focus goes to 撤销.
                focus_target.set(Some("plan-undo-button".to_string()));
            })
        };
        html! {
            <tr key={id} data-testid="plan-row" class={classes!(resolved.then_some("resolved"))}>
                <td class="num">
                    { n + 1 }
                    <span class="badge ok row-status" data-testid={format!("plan-{id}-resolved")} hidden={!resolved}>
                        { ctx.t(Msg::RowResolved) }
                    </span>
                </td>
                { for cells }
                <td class="no-print"><button type="button" class="danger small" data-testid={format!("plan-remove-{id}")}
                    aria-label={format!("{} {}", ctx.t(Msg::RemoveRow), n + 1)} onclick={remove}>{ "✕" }</button></td>
            </tr>
        }
    });
    html! {
        <section class="page plan" data-testid="plan-page" aria-labelledby="plan-heading">
            <h3 id="plan-heading" tabindex="-1">{ ctx.t(Msg::PlanHeading) }</h3>
            <p class="guidance no-print">{ ctx.t(Msg::PlanIntro) }</p>
            <div class="page-actions no-print">
                <button type="button" class="primary" data-testid="plan-generate" onclick={generate}>{ ctx.t(Msg::GeneratePlan) }</button>
                <button type="button" data-testid="plan-add" onclick={add}>{ ctx.t(Msg::AddRow) }</button>
            </div>
            if let Some((at, row)) = &*removed {
                <div class="card undo no-print" role="status" data-testid="plan-undo">
                    <span id="plan-undo-text">{ ctx.say(say::PlanRowRemoved { row: &(at + 1).to_string(), problem: &short(&row.problem) }) }</span>
                    // The focus lands here: what it undoes is its description (a notice drawn
                    // with its words already in it is not always spoken).
                    <button type="button" id="plan-undo-button" data-testid="plan-undo-button" aria-describedby="plan-undo-text" onclick={undo}>{ ctx.t(Msg::Undo) }</button>
                </div>
            }
            if dismissed > 0 {
                <p class="note no-print" data-testid="plan-dismissed">
                    { ctx.say(say::PlanDismissedUnmet { count: &dismissed.to_string() }) }{ " " }
                    <button type="button" class="small" data-testid="plan-bring-back" onclick={bring_back}>{ ctx.t(Msg::PlanBringBack) }</button>
                </p>
            }
            if props.open.draft.plan.is_empty() {
                <p class="muted" data-testid="plan-empty">{ ctx.t(Msg::PlanEmpty) }</p>
            } else {
                { plan_table(&ctx, rows.collect::<Html>()) }
            }
            { crate::app::components::review_section(&ctx, &props.open) }
            <div class="page-actions no-print">
                <button type="button" class="primary" onclick={ctx.go(Page::Report)}>{ ctx.t(Msg::TabReport) }{ " →" }</button>
            </div>
        </section>
    }
}

/// A row's 问题 in a line: its first 30 characters.
fn short(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(30).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The table frame with its header, shared with the report.
pub fn plan_table(ctx: &Ctx, rows: Html) -> Html {
    html! {
        <table class="plan-table">
            <thead><tr>
                <th scope="col">{ "#" }</th>
                <th scope="col">{ ctx.t(Msg::ProblemCol) }</th>
                <th scope="col">{ ctx.t(Msg::MeasureCol) }</th>
                <th scope="col">{ ctx.t(Msg::OwnerCol) }</th>
                <th scope="col">{ ctx.t(Msg::DeadlineCol) }</th>
                <th scope="col">{ ctx.t(Msg::ProgressCol) }</th>
                <th scope="col" class="no-print"><span class="visually-hidden">{ ctx.t(Msg::RemoveRow) }</span></th>
            </tr></thead>
            <tbody>{ rows }</tbody>
        </table>
    }
}
