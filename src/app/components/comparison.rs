//! 与上年比较: this year's result beside last year's (the core's `history::compare`), as a
//! summary, a chart of each area's share of points in both years, and the items that changed.
//! Shown on the results page and printed in the report.

use super::charts::bar;
use super::pick;
use crate::app::{Ctx, Open};
use crate::core::answers::Part;
use crate::core::format::fmt_num;
use crate::core::history::{compare, Change, ItemChange, YearComparison, YearResult};
use crate::core::score::Tally;
use crate::i18n::{change_msg, say, Msg};
use yew::prelude::*;

/// The comparison of an open draft that continues last year's file, if it does.
pub fn comparison_of(open: &Open) -> Option<YearComparison> {
    let previous = open.draft.previous.as_ref()?;
    let this = open.assessment.as_ref()?;
    Some(compare(&previous.result, &YearResult::of(this)))
}

fn change_class(c: Change) -> &'static str {
    match c {
        Change::Improved | Change::Resolved => "ok",
        Change::Worse | Change::NewlyShort => "bad",
        Change::Same | Change::Pending => "missing",
        Change::New | Change::Dropped => "near",
    }
}

fn points(t: &Option<Tally>) -> String {
    t.as_ref()
        .map(|t| format!("{}/{}", fmt_num(t.earned), fmt_num(t.max)))
        .unwrap_or_else(|| "—".into())
}

fn share(t: &Option<Tally>) -> f64 {
    t.as_ref()
        .filter(|t| t.max > 0.0)
        .map_or(0.0, |t| (t.earned / t.max).clamp(0.0, 1.0))
}

/// A part's value with its unit (as the item card and the report show it), or its outcome
/// when it has none (a yes/no item).
fn part_text(ctx: &Ctx, p: &Option<crate::core::history::PartSummary>, unit: &str) -> String {
    match p {
        None => "—".into(),
        Some(p) => match p.value {
            Some(v) => super::with_unit(
                ctx,
                crate::core::format::quantity_against(v, unit, p.rule),
                unit,
            ),
            None => crate::i18n::outcome_words(ctx.lang, p.outcome, None),
        },
    }
}

fn item_rows(ctx: &Ctx, open: &Open, item: &ItemChange) -> Html {
    let def = open.checklist.item(&item.id);
    let text = def
        .map(|i| pick(&i.text, ctx.lang).to_string())
        .unwrap_or_default();
    let unit = def.map_or("", |i| i.kind.unit());
    let parts = item.parts.iter().map(|p| {
        let name = crate::i18n::part_name(ctx.lang, p.part)
            .map(|n| format!("{n}{}", ctx.lang.colon()))
            .unwrap_or_default();
        let single = p.part == Part::Whole;
        html! {
            <span class="part-change">
                if !single { { name } }
                { part_text(ctx, &p.last, unit) }{ " → " }{ part_text(ctx, &p.this, unit) }
            </span>
        }
    });
    html! {
        <tr key={item.id.clone()} data-testid={format!("change-{}", item.id)}>
            <td>{ &item.id }{ " " }{ text }</td>
            <td class={change_class(item.change)}>
                { ctx.t(change_msg(item.change)) }
                if item.threshold_changed { <span class="tag">{ ctx.t(Msg::ThresholdChanged) }</span> }
            </td>
            <td>{ for parts }</td>
        </tr>
    }
}

/// The section: summary, chart, and the items that changed (the same ones are left out).
pub fn comparison(ctx: &Ctx, open: &Open) -> Html {
    let Some(cmp) = comparison_of(open) else {
        return Html::default();
    };
    let previous = open
        .draft
        .previous
        .as_ref()
        .expect("compared, so continued");
    let summary = ctx.say(say::ComparisonSummary {
        resolved: &cmp.count(Change::Resolved).to_string(),
        newly_short: &cmp.count(Change::NewlyShort).to_string(),
        improved: &cmp.count(Change::Improved).to_string(),
        worse: &cmp.count(Change::Worse).to_string(),
    });
    // Each area: last year's share of points above this year's. HTML rows like the area bars,
    // so the labels keep their size on a phone.
    let bars = cmp
        .areas
        .iter()
        .filter(|a| {
            let max = |t: &Option<Tally>| t.as_ref().map_or(0.0, |t| t.max);
            max(&a.last) > 0.0 || max(&a.this) > 0.0
        })
        .map(|a| {
            let title = open
                .checklist
                .doc()
                .areas
                .iter()
                .find(|x| x.id == a.id)
                .map(|x| pick(&x.title, ctx.lang).to_string())
                .unwrap_or_else(|| a.id.clone());
            html! {
                <li class="hbar-row pair">
                    <span class="hbar-label">{ title }</span>
                    <span class="hbar-pair">
                        { bar(share(&a.last), "last-year", &[]) }
                        { bar(share(&a.this), "this-year", &[]) }
                    </span>
                    <span class="hbar-value">{ points(&a.last) }<br />{ points(&a.this) }</span>
                </li>
            }
        });
    let changed: Vec<&ItemChange> = cmp
        .items
        .iter()
        .filter(|i| i.change != Change::Same || i.threshold_changed)
        .collect();
    html! {
        <section aria-labelledby="comparison-heading" class="comparison" data-testid="comparison">
            <h4 id="comparison-heading">{ ctx.t(Msg::ComparisonHeading) }{ " " }<span class="muted">{ format!("{} → {}", previous.reference.school_year, open.draft.profile.school_year) }</span></h4>
            <p data-testid="comparison-summary">{ summary }</p>
            <p>{ ctx.t(Msg::LastYearCol) }{ " " }{ points(&cmp.total.last) }{ " · " }{ ctx.t(Msg::ThisYearCol) }{ " " }{ points(&cmp.total.this) }</p>
            if cmp.type_changed { <p class="note">{ ctx.t(Msg::TypeChanged) }</p> }
            <figure>
                <ul class="hbars" aria-label={ctx.t(Msg::ComparisonHeading)} data-testid="comparison-chart">
                    { for bars }
                </ul>
                <figcaption><span class="legend last-year">{ ctx.t(Msg::LastYearCol) }</span>{ " " }<span class="legend this-year">{ ctx.t(Msg::ThisYearCol) }</span></figcaption>
            </figure>
            if changed.is_empty() {
                <p class="muted">{ ctx.t(Msg::ComparisonEmpty) }</p>
            } else {
                <div class="table-scroll"><table class="report-table" data-testid="comparison-table">
                    <thead><tr>
                        <th scope="col">{ ctx.t(Msg::ColIndicator) }</th>
                        <th scope="col">{ ctx.t(Msg::ChangeCol) }</th>
                        <th scope="col">{ ctx.t(Msg::LastYearCol) }{ " → " }{ ctx.t(Msg::ThisYearCol) }</th>
                    </tr></thead>
                    <tbody>{ for changed.iter().map(|i| item_rows(ctx, open, i)) }</tbody>
                </table></div>
            }
        </section>
    }
}
