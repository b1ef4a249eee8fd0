use crate::app::edit;
use crate::app::{Ctx, Open};
use crate::i18n::Msg;
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
    // Generated rows the school has not edited follow their shortfall's current text.
    {
        let dispatch = ctx.dispatch.clone();
        let stale = props.open.draft.plan_out_of_sync(&problems);
        let problems = problems.clone();
        use_effect_with((props.open.draft.revision, stale), move |&(_, stale)| {
            if stale {
                dispatch.dispatch(edit(DraftEdit::SyncPlan(problems)));
            }
        });
    }
    let generate = {
        let (dispatch, problems) = (ctx.dispatch.clone(), problems.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(edit(DraftEdit::GeneratePlan(problems.clone())));
        })
    };
    let add = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(edit(DraftEdit::AddPlanRow)))
    };
    let columns = [
        (PlanField::Problem, Msg::ProblemCol),
        (PlanField::Measure, Msg::MeasureCol),
        (PlanField::Owner, Msg::OwnerCol),
        (PlanField::Deadline, Msg::DeadlineCol),
        (PlanField::Progress, Msg::ProgressCol),
    ];
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
                html! { <input type="date" id={dom_id.clone()} data-testid={dom_id} aria-label={label} {value} {oninput} /> }
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
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.dispatch(edit(DraftEdit::RemovePlanRow(id))))
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
            <h3 id="plan-heading">{ ctx.t(Msg::PlanHeading) }</h3>
            <p class="guidance no-print">{ ctx.t(Msg::PlanIntro) }</p>
            <div class="page-actions no-print">
                <button type="button" class="primary" data-testid="plan-generate" onclick={generate}>{ ctx.t(Msg::GeneratePlan) }</button>
                <button type="button" data-testid="plan-add" onclick={add}>{ ctx.t(Msg::AddRow) }</button>
            </div>
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
