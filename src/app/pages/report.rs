use super::plan::plan_table;
use super::results::{charts, summary};
use crate::app::browser::{clock, page};
use crate::app::components::{outcome_class, pick, with_unit};
use crate::app::{Ctx, Open};
use crate::core::answers::parse_number;
use crate::core::answers::{Slot, Value};
use crate::core::format;
use crate::core::model::{Comparison, Item, ItemKind};
use crate::core::score::{input_slots, PartResult};
use crate::i18n::Msg;
use yew::prelude::*;

/// A typed number as the report prints it: the number read from it, in the unit's precision,
/// with the unit ("９０" → "90 分钟", "96%" → "96 %"); what cannot be read, as typed, marked.
fn number_text(ctx: &Ctx, typed: &str, unit: &str, rule: Option<Comparison>) -> String {
    match parse_number(typed) {
        Ok(n) => with_unit(ctx, format::quantity_against(n, unit, rule), unit),
        Err(_) => format!("{typed}{}", ctx.lang.paren(ctx.t(Msg::OutcomeInvalid))),
    }
}

fn answer_text(ctx: &Ctx, item: &Item, value: Option<&Value>, part: &PartResult) -> String {
    let unit = item.kind.unit();
    match (&item.kind, value) {
        (ItemKind::Computed { .. }, _) => part
            .value
            .map(|v| with_unit(ctx, format::quantity_against(v, unit, part.rule), unit))
            .unwrap_or_else(|| "—".into()),
        (_, None) => "—".into(),
        (ItemKind::Flag, Some(Value::Yes)) => ctx.t(Msg::FlagYes).into(),
        (ItemKind::Flag, Some(Value::No)) => ctx.t(Msg::FlagNo).into(),
        (_, Some(Value::Yes)) => ctx.t(Msg::YesLabel).into(),
        (_, Some(Value::No)) => ctx.t(Msg::NoLabel).into(),
        (_, Some(Value::NotApplicable)) => ctx.t(Msg::NaLabel).into(),
        (ItemKind::Levels { levels, .. }, Some(Value::Level(l))) => levels
            .iter()
            .find(|x| &x.id == l)
            .map_or(l.clone(), |x| pick(&x.label, ctx.lang).to_string()),
        (_, Some(Value::Level(l))) => l.clone(),
        (_, Some(Value::Number(t))) => number_text(ctx, t, unit, part.rule),
        (_, Some(Value::Text(t))) => t.clone(),
    }
}

#[derive(Properties, PartialEq)]
pub struct ReportProps {
    pub open: Open,
    /// The date to print as 报告日期; today when absent (a county's read-only view gives the
    /// date the school exported).
    #[prop_or_default]
    pub date: Option<AttrValue>,
}

/// 自评报告: laid out for A4 by the print stylesheet; on screen, a preview with a print button.
#[component]
pub fn Report(props: &ReportProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let open = &props.open;
    let checklist = &open.checklist;
    let draft = &open.draft;
    let profile = &draft.profile;
    let type_name = profile
        .school_type
        .map(|t| crate::i18n::school_type_name(ctx.lang, t));
    let today = match &props.date {
        Some(d) => d.to_string(),
        None => clock::now().date().to_string(),
    };
    let onprint = Callback::from(|_: MouseEvent| page::print());
    let items = open.assessment.as_ref().map(|a| {
        checklist.doc().areas.iter().enumerate().map(|(area_n, area)| {
            let rows = checklist.items().zip(&a.items).filter(|((loc, _), r)| loc.area == area_n && r.applicable).flat_map(|((_, item), r)| {
                let files = draft.attachments.iter().filter(|a| a.item == item.id).map(|a| a.name.as_str()).collect::<Vec<_>>();
                let note = draft.answers.notes.get(&item.id).cloned().unwrap_or_default();
                let note = if files.is_empty() { note } else { format!("{note} [{}]", files.join("、")).trim().to_string() };
                let n_parts = r.parts.len();
                r.parts.iter().enumerate().map(move |(k, p)| (item, p.clone(), note.clone(), k == 0, n_parts)).collect::<Vec<_>>()
            }).map(|(item, p, note, first, n_parts)| {
                let value = draft.answers.get(&Slot::new(&item.id, p.part));
                let part = crate::i18n::part_name(ctx.lang, p.part)
                    .map(|name| format!("{name}{}", ctx.lang.colon()))
                    .unwrap_or_default();
                html! {
                    <tr>
                        if first {
                            <td rowspan={n_parts.to_string()}>{ &item.id }{ " " }{ pick(&item.text, ctx.lang) }</td>
                        }
                        <td>{ part }{ answer_text(&ctx, item, value, &p) }</td>
                        <td class={outcome_class(p.outcome)}>{ crate::i18n::outcome_words(ctx.lang, p.outcome, checklist.group_of(&item.id).map(|g| g.floor_ratio)) }</td>
                        if first { <td rowspan={n_parts.to_string()}>{ note }</td> }
                    </tr>
                }
            }).collect::<Html>();
            html! {
                <section class="report-area">
                    <h4>{ pick(&area.title, ctx.lang) }</h4>
                    <table class="report-table">
                        <thead><tr>
                            <th scope="col">{ ctx.t(Msg::ItemCol) }</th>
                            <th scope="col">{ ctx.t(Msg::AnswerCol) }</th>
                            <th scope="col">{ ctx.t(Msg::ReportSummary) }</th>
                            <th scope="col">{ ctx.t(Msg::Evidence) }</th>
                        </tr></thead>
                        <tbody>{ rows }</tbody>
                    </table>
                </section>
            }
        }).collect::<Html>()
    });
    // 基础数据: the raw counts behind every ratio, so an inspector can check the arithmetic.
    let basic = profile
        .school_type
        .filter(|_| !checklist.doc().inputs.is_empty())
        .map(|t| {
            let rows = input_slots(checklist, t).into_iter().map(|slot| {
            let def = checklist.input(&slot.id);
            // An amount typed in 万元 prints in 万元, as typed.
            let unit = match def.map(|d| d.unit.as_str()) {
                Some("元") if draft.answers.wan_yuan.contains(&slot) => "万元",
                other => other.unwrap_or(""),
            };
            let value = match draft.answers.get(&slot) {
                Some(Value::Number(typed)) => number_text(&ctx, typed, unit, None),
                _ => "—".into(),
            };
            html! {
                <tr>
                    <td>{ crate::app::components::field_label(&ctx, checklist, &slot) }</td>
                    <td class="num" data-testid={format!("report-input-{slot}")}>{ value }</td>
                </tr>
            }
        }).collect::<Html>();
            html! {
                <section class="report-area" data-testid="report-basic-data">
                    <h4>{ ctx.t(Msg::BasicData) }</h4>
                    <table class="report-table basic-data">
                        <thead><tr>
                            <th scope="col">{ ctx.t(Msg::ItemCol) }</th>
                            <th scope="col">{ ctx.t(Msg::AnswerCol) }</th>
                        </tr></thead>
                        <tbody>{ rows }</tbody>
                    </table>
                </section>
            }
        });
    let problems = props.open.problems();
    let plan = draft.plan_now(&problems);
    // A row whose shortfall is met now says so on paper too, as on the 整改清单 page (it
    // printed “现为47人，差2人” beside a report listing G6 as 达标).
    let plan_rows = plan.iter().enumerate().map(|(n, r)| html! {
        <tr>
            <td class="num">{ n + 1 }</td>
            <td data-label={ctx.t(Msg::ProblemCol)}>
                { &r.problem }
                if r.status(&problems) == crate::core::school::RowStatus::Resolved {
                    { " " }<span class="badge ok" data-testid={format!("report-plan-{n}-resolved")}>{ ctx.t(Msg::RowResolvedShort) }</span>
                }
            </td>
            // On a phone each row is a card, each field named (as on the 整改清单 page).
            <td data-label={ctx.t(Msg::MeasureCol)}>{ &r.measure }</td>
            <td data-label={ctx.t(Msg::OwnerCol)}>{ &r.owner }</td>
            <td class="nowrap" data-label={ctx.t(Msg::DeadlineCol)}>{ &r.deadline }</td>
            <td data-label={ctx.t(Msg::ProgressCol)}>{ &r.progress }</td><td class="no-print"></td>
        </tr>
    });
    html! {
        <section class="page report" data-testid="report-page">
            <div class="page-actions no-print">
                <button type="button" class="primary" data-testid="print" onclick={onprint}>{ ctx.t(Msg::PrintButton) }</button>
            </div>
            <div class="report-cover">
                <p class="report-kicker">{ pick(&checklist.doc().title, ctx.lang) }</p>
                <h2 class="report-title" id="report-heading" tabindex="-1">{ ctx.t(Msg::ReportHeading) }</h2>
                <dl class="report-facts">
                    <dt>{ ctx.t(Msg::SchoolName) }</dt><dd data-testid="report-school">{ &profile.school_name }</dd>
                    <dt>{ ctx.t(Msg::SchoolCode) }</dt><dd>{ &profile.school_code }</dd>
                    <dt>{ ctx.t(Msg::County) }</dt><dd>{ &profile.county }</dd>
                    <dt>{ ctx.t(Msg::SchoolTypeLabel) }</dt><dd>{ type_name.unwrap_or("—") }</dd>
                    <dt>{ ctx.t(Msg::SchoolYear) }</dt><dd>{ &profile.school_year }</dd>
                    <dt>{ ctx.t(Msg::FilledBy) }</dt><dd>{ &profile.filled_by }</dd>
                    <dt>{ ctx.t(Msg::ChecklistLabel) }</dt><dd>{ format!("{} · {}", pick(&checklist.doc().issuer, ctx.lang), checklist.doc().version) }</dd>
                    <dt>{ ctx.t(Msg::ReportDate) }</dt><dd data-testid="report-date">{ today }</dd>
                </dl>
            </div>
            <section class="report-section">
                <h3>{ ctx.t(Msg::ResultsHeading) }</h3>
                { summary(&ctx, open) }
                { charts(&ctx, open) }
                { crate::app::components::comparison(&ctx, open) }
            </section>
            <section class="report-section">{ basic.unwrap_or_default() }{ items.unwrap_or_default() }</section>
            <section class="report-section">
                <h3>{ ctx.t(Msg::PlanHeading) }</h3>
                if plan.is_empty() {
                    <p class="muted">{ ctx.t(Msg::PlanEmpty) }</p>
                } else {
                    { plan_table(&ctx, plan_rows.collect::<Html>()) }
                }
            </section>
            { crate::app::components::review_table(&ctx, open) }
            <section class="signatures">
                <p>{ ctx.t(Msg::SignPrincipal) }{ ctx.lang.colon() }<span class="sign-line"></span></p>
                <p>{ ctx.t(Msg::SignFiller) }{ ctx.lang.colon() }<span class="sign-line"></span></p>
                // Chinese forms leave the seal its space and write the date's blanks out
                // (　　年　　月　　日); in English each gets a line to write on.
                if ctx.lang == crate::i18n::Lang::Zh {
                    <p>{ ctx.t(Msg::SignSeal) }</p>
                    <p>{ ctx.t(Msg::DateBlank) }</p>
                } else {
                    <p>{ ctx.t(Msg::SignSeal) }{ ctx.lang.colon() }<span class="sign-line"></span></p>
                    <p>{ ctx.t(Msg::DateBlank) }{ ctx.lang.colon() }<span class="sign-line"></span></p>
                }
            </section>
        </section>
    }
}
