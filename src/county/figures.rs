//! County mode's figures: the 差异系数 table and chart, each school's values against the
//! threshold, and the county rates.

use crate::app::components::{outcome_class, pick};
use crate::app::Ctx;
use crate::core::aggregate::{CountyFigure, CountyReport, SchoolRow, Side, Spread};
use crate::core::format;
use crate::core::history::Change;
use crate::core::model::{Lang, Text};
use crate::i18n::{follow_up_text, say, Msg};
use yew::prelude::*;

pub(super) fn side_name(ctx: &Ctx, side: Side) -> &'static str {
    crate::i18n::side_name(ctx.lang, side)
}

/// The county figures: a table and, per side, a bar per indicator against its limit.
pub(super) fn figures(ctx: &Ctx, r: &CountyReport) -> Html {
    let rows = r.figures.iter().map(|f| {
        let (mean, cv) = match f.spread {
            Spread::Computed { mean, cv, .. } => (format::fixed(mean, 2), format::coefficient(cv)),
            Spread::OneSchool { mean } => (format::fixed(mean, 2), ctx.t(Msg::CountyOneSchool).into()),
            Spread::NoSchools => (String::new(), ctx.t(Msg::CountyNoData).into()),
            Spread::NoStudents => (String::new(), ctx.t(Msg::CountyNoStudents).into()),
            Spread::ZeroMean => ("0".into(), ctx.t(Msg::CountyZeroMean).into()),
        };
        // In words and a mark as well as a colour: a printout in black and white, a reader
        // who does not see red and green.
        let (class, verdict) = match f.within_limit {
            Some(true) => ("ok", format!("✓ {}", ctx.t(Msg::CountyWithin))),
            Some(false) => ("bad", format!("✗ {}", ctx.t(Msg::CountyBeyond))),
            None => ("missing", "—".to_string()),
        };
        html! {
            <tr data-testid={format!("figure-{}-{}", f.item, if f.side == Side::Primary { "primary" } else { "junior" })} data-year={f.school_year.clone()}>
                <td>{ &f.item }{ " " }<span class="muted">{ pick(&f.title, ctx.lang) }</span></td>
                <td>{ &f.version }</td><td class="nowrap">{ &f.school_year }</td><td>{ side_name(ctx, f.side) }</td>
                <td>{ f.schools }{ if f.left_out > 0 { ctx.say(say::CountyLeftOut { schools: &f.left_out.to_string() }) } else { String::new() } }</td>
                <td>{ mean }</td><td class={class} data-testid="cv">{ cv }</td><td data-testid="cv-limit">{ ctx.say(say::CountyCvLimit { limit: &format::cv_limit(f.limit) }) }</td>
                <td class={classes!(class, "nowrap")} data-testid="cv-verdict">{ verdict }</td>
            </tr>
        }
    });
    // A school with most of a side's students carries its coefficients: said beside them.
    let heavy = r.heavy_schools();
    let rule = r.rule.iter().map(|c| html! {
        <li>{ format!("{} {} {}", c.version, c.school_year, ctx.say(say::CountyRuleMet { side: side_name(ctx, c.side), schools: &c.schools.to_string(), meeting: &c.meeting.to_string(), rule: &crate::i18n::rules_quoted(ctx.lang, &c.terms) })) }</li>
    });
    html! {
        <section aria-labelledby="figures-heading">
            <h3 id="figures-heading">{ ctx.t(Msg::CountyFigures) }</h3>
            // On a phone the charts keep a readable size and scroll sideways in their box.
            if r.figures.is_empty() {
                // Counted files whose checklists have no 资源配置 rule (质量评价, a county's
                // own): said, not an empty table (with nothing counted, nothing to say).
                if r.schools.iter().any(|s| s.status.counted()) {
                    <p class="muted" data-testid="county-no-figures">{ ctx.t(Msg::CountyNoFigures) }</p>
                }
            } else {
            <div class="chart-scroll">{ cv_chart(ctx, r) }</div>
            <div class="chart-scroll">{ values_chart(ctx, r) }</div>
            <div class="table-scroll"><table class="report-table wide-table" data-testid="county-figures">
                <thead><tr>
                    <th scope="col">{ ctx.t(Msg::ColIndicator) }</th><th scope="col">{ ctx.t(Msg::ColVersion) }</th>
                    <th scope="col">{ ctx.t(Msg::SchoolYear) }</th><th scope="col">{ ctx.t(Msg::ColSide) }</th>
                    <th scope="col">{ ctx.t(Msg::ColSchools) }</th><th scope="col">{ ctx.t(Msg::ColMean) }</th>
                    <th scope="col">{ ctx.t(Msg::ColCv) }</th><th scope="col">{ ctx.t(Msg::ThresholdLabel) }</th>
                    <th scope="col">{ ctx.t(Msg::ColStatus) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
            }
            if !heavy.is_empty() {
                <div class="card warning" data-testid="county-heavy">
                    { for heavy.iter().map(|h| html! {
                        <p>{ crate::i18n::heavy_school_text(ctx.lang, h) }</p>
                    }) }
                </div>
            }
            <ul>{ for rule }</ul>
        </section>
    }
}

/// The rates the sources set for the county as a whole (交流轮岗, 巩固率 …), from the schools'
/// raw counts, against their thresholds.
pub(super) fn county_rates(ctx: &Ctx, r: &CountyReport) -> Html {
    if r.county_rates.is_empty() {
        return Html::default();
    }
    // A rate one school carries is said beside the rates, as the coefficients' are.
    let heavy = r.heavy_rates();
    let rows = r.county_rates.iter().map(|c| {
        let (class, verdict) = match c.met {
            Some(true) => ("ok", ctx.t(Msg::OutcomeMet)),
            Some(false) => ("bad", ctx.t(Msg::OutcomeNotMet)),
            None => ("missing", ctx.t(Msg::OutcomeUndefined)),
        };
        let unit = crate::i18n::unit(ctx.lang, &c.unit);
        let value = c
            .value
            .map(|v| format!("{} {unit}", format::quantity_against(v, &c.unit, c.rule)))
            .unwrap_or_else(|| "—".into());
        let side = c
            .side
            .map(|s| side_name(ctx, s))
            .unwrap_or(ctx.t(Msg::CountyWhole));
        html! {
            <tr data-testid={format!("county-rate-{}", c.item)}>
                <td>{ &c.item }{ " " }{ pick(&c.title, ctx.lang) }</td>
                <td>{ &c.version }</td><td class="nowrap">{ &c.school_year }</td><td>{ side }</td><td>{ c.schools }</td>
                <td>{ value }</td>
                <td>{ c.rule.map(|r| format!("{} {unit}", r.describe())).unwrap_or_default() }</td>
                <td class={class}>{ verdict }</td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="rates-heading">
            <h3 id="rates-heading">{ ctx.t(Msg::CountyRatesHeading) }</h3>
            <p class="muted">{ ctx.t(Msg::CountyRatesNote) }</p>
            <div class="table-scroll"><table class="report-table wide-table" data-testid="county-rates">
                <thead><tr>
                    <th scope="col">{ ctx.t(Msg::ColIndicator) }</th><th scope="col">{ ctx.t(Msg::ColVersion) }</th>
                    <th scope="col">{ ctx.t(Msg::SchoolYear) }</th>
                    <th scope="col">{ ctx.t(Msg::ColSide) }</th><th scope="col">{ ctx.t(Msg::ColSchools) }</th>
                    <th scope="col">{ ctx.t(Msg::CountyRateValue) }</th><th scope="col">{ ctx.t(Msg::ThresholdLabel) }</th>
                    <th scope="col">{ ctx.t(Msg::ColStatus) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
            if !heavy.is_empty() {
                <div class="card warning" data-testid="county-heavy-rate">
                    { for heavy.iter().map(|h| html! {
                        <p>{ crate::i18n::heavy_rate_text(ctx.lang, h) }</p>
                    }) }
                </div>
            }
        </section>
    }
}

/// Each computed 差异系数 as a bar, with the limit of its side as a line.
fn cv_chart(ctx: &Ctx, r: &CountyReport) -> Html {
    let mut bars: Vec<_> = r
        .figures
        .iter()
        .filter_map(|f| match f.spread {
            Spread::Computed { cv, .. } => Some((f, cv)),
            _ => None,
        })
        .collect();
    if bars.is_empty() {
        return Html::default();
    }
    // Two years: each indicator's bars side by side, labelled with their year.
    let years = r.school_years().len() > 1;
    if years {
        bars.sort_by(|(a, _), (b, _)| {
            (&a.checklist, a.side, &a.item, &a.school_year).cmp(&(
                &b.checklist,
                b.side,
                &b.item,
                &b.school_year,
            ))
        });
    }
    let (label_w, bar_w, row_h, max) = (if years { 190.0 } else { 120.0 }, 380.0, 26.0, 0.8);
    let x = |v: f64| label_w + bar_w * (v / max).clamp(0.0, 1.0);
    let height = row_h * bars.len() as f64 + 10.0;
    let rows = bars.iter().enumerate().map(|(n, (f, cv))| {
        let y = 5.0 + n as f64 * row_h;
        let class = if f.within_limit == Some(true) { "bar ok" } else { "bar bad" };
        html! {
            <g>
                <text x="0" y={(y + 15.0).to_string()} class="chart-label">{ format!("{} {}", f.item, side_name(ctx, f.side)) }{ if years { format!(" {}", f.school_year) } else { String::new() } }</text>
                <rect x={label_w.to_string()} y={y.to_string()} width={(x(*cv) - label_w).to_string()} height="18" class={class} />
                <line x1={x(f.limit).to_string()} x2={x(f.limit).to_string()} y1={(y - 2.0).to_string()} y2={(y + 20.0).to_string()} class="pass-line" />
                <text x={(label_w + bar_w + 8.0).to_string()} y={(y + 15.0).to_string()} class="chart-value">{ format::coefficient(*cv) }</text>
            </g>
        }
    });
    // The limits named once each, by level (小学 0.50、初中 0.45).
    let mut limits: Vec<(Side, f64)> = bars.iter().map(|(f, _)| (f.side, f.limit)).collect();
    limits.sort_by_key(|(side, _)| *side);
    limits.dedup();
    let limits = limits
        .iter()
        .map(|(side, limit)| format!("{} ≤ {}", side_name(ctx, *side), format::cv_limit(*limit)))
        .collect::<Vec<_>>()
        .join(if ctx.lang == Lang::Zh { "、" } else { ", " });
    html! {
        <figure>
            <svg class="chart" viewBox={format!("0 0 640 {height}")} role="img" aria-label={ctx.t(Msg::CountyFigures)} data-testid="cv-chart">
                { for rows }
            </svg>
            <figcaption data-testid="cv-caption">{ ctx.say(say::CountyCvCaption { limits: &limits }) }</figcaption>
        </figure>
    }
}

/// Every school's value of each indicator as a share of its threshold: one dot per school
/// (part), the threshold (100%) as a line and each row's group-rule floor (its checklist's own) as
/// a mark on the row. Duplicates and invalid files are
/// left out, as in the figures.
/// Above this many schools in a row, the values chart counts schools per stretch of the axis.
const MAX_DOTS: usize = 150;
const BINS: usize = 44;

fn values_chart(ctx: &Ctx, r: &CountyReport) -> Html {
    /// (ratio to the threshold, outcome class, school, value): the tooltip is worded only
    /// where dots are drawn (a province's 10,000 schools are counted in bins instead).
    type Dot = (f64, &'static str, usize, Option<f64>);
    /// The row's side, and its year when the batch holds two.
    type RowOf = (Side, String);
    let years = r.school_years().len() > 1;
    let mut rows: Vec<(String, RowOf, Vec<Dot>, Option<f64>)> = Vec::new();
    for (f, values) in r.figures.iter().zip(r.values_by_figure()) {
        let dots: Vec<Dot> = values
            .iter()
            .map(|v| (v.ratio, outcome_class(v.outcome), v.school, v.value))
            .collect();
        if !dots.is_empty() {
            let year = if years {
                format!(" {}", f.school_year)
            } else {
                String::new()
            };
            rows.push((f.item.clone(), (f.side, year), dots, f.floor));
        }
    }
    if rows.is_empty() {
        return Html::default();
    }
    let (label_w, plot_w, row_h, max) = (if years { 190.0 } else { 120.0 }, 400.0, 24.0, 2.0);
    let x = |v: f64| label_w + plot_w * (v / max).clamp(0.0, 1.0);
    let height = row_h * rows.len() as f64 + 24.0;
    let floors: Vec<f64> = rows.iter().filter_map(|r| r.3).collect();
    let body = rows.iter().enumerate().map(|(n, (item, (side, year), dots, floor))| {
        let y = 20.0 + n as f64 * row_h + row_h / 2.0;
        // A dot per school while they can be told apart; beyond that, how many schools fall
        // in each stretch of the axis (a province's thousands of dots would be one smear).
        let marks = if dots.len() <= MAX_DOTS {
            dots.iter()
                .map(|(ratio, class, school, value)| {
                    let name = &r.schools[*school].school_name;
                    let value = value.map(|v| format::fixed(v, 2)).unwrap_or_default();
                    html! {
                        <circle cx={x(*ratio).to_string()} cy={y.to_string()} r="5" class={classes!("dot", *class)}><title>{ format!("{name} {value}") }</title></circle>
                    }
                })
                .collect::<Html>()
        } else {
            let mut counts = [0usize; BINS];
            for (ratio, ..) in dots {
                let bin = ((ratio / max).clamp(0.0, 1.0) * BINS as f64) as usize;
                counts[bin.min(BINS - 1)] += 1;
            }
            let most = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
            let width = plot_w / BINS as f64;
            counts
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(|(b, &c)| {
                    let centre = (b as f64 + 0.5) / BINS as f64 * max;
                    let class = if centre >= 1.0 { "ok" } else if floor.is_some_and(|f| centre >= f) { "near" } else { "bad" };
                    let h = (row_h - 6.0) * c as f64 / most;
                    html! {
                        <rect x={(label_w + b as f64 * width).to_string()} y={(y + (row_h - 6.0) / 2.0 - h).to_string()}
                            width={(width - 1.0).to_string()} height={h.to_string()} class={classes!("dot", class)}>
                            <title>{ ctx.say(say::CountySchoolsInBin { schools: &c.to_string() }) }</title>
                        </rect>
                    }
                })
                .collect::<Html>()
        };
        html! {
            <g>
                <text x="0" y={(y + 4.0).to_string()} class="chart-label">{ format!("{item} {}{year}", side_name(ctx, *side)) }</text>
                <line x1={label_w.to_string()} x2={(label_w + plot_w).to_string()} y1={y.to_string()} y2={y.to_string()} class="axis" />
                if let Some(f) = floor {
                    <line x1={x(*f).to_string()} x2={x(*f).to_string()} y1={(y - row_h / 2.0 + 3.0).to_string()} y2={(y + row_h / 2.0 - 3.0).to_string()} class="floor-line" />
                }
                { marks }
            </g>
        }
    });
    html! {
        <figure>
            <svg class="chart" viewBox={format!("0 0 640 {height}")} role="img" aria-label={ctx.t(Msg::ResourceChart)} data-testid="values-chart">
                <text x={x(1.0).to_string()} y="12" text-anchor="middle" class="chart-value">{ ctx.t(Msg::ThresholdLabel) }</text>
                <line x1={x(1.0).to_string()} x2={x(1.0).to_string()} y1="16" y2={(height - 4.0).to_string()} class="pass-line" />
                { for body }
            </svg>
            <figcaption>{ ctx.say(say::CountyValuesCaption { floors: &crate::i18n::floors_text(ctx.lang, &floors) }) }</figcaption>
        </figure>
    }
}

/// Two school years or more: each indicator's 差异系数 per year, side by side, and how it moved
/// (a smaller coefficient is a more even county).
pub(super) fn by_year(ctx: &Ctx, r: &CountyReport) -> Html {
    let years = r.school_years();
    if years.len() < 2 {
        return Html::default();
    }
    /// (checklist, side, item, title) and the figure of each year.
    type YearRow<'a> = (
        (&'a str, Side, &'a str, &'a Text),
        Vec<Option<&'a CountyFigure>>,
    );
    let mut rows: Vec<YearRow> = Vec::new();
    for f in &r.figures {
        let at = years.iter().position(|y| *y == f.school_year);
        let Some(at) = at else { continue };
        let row = match rows
            .iter_mut()
            .position(|((c, s, i, _), _)| *c == f.checklist && *s == f.side && *i == f.item)
        {
            Some(n) => &mut rows[n],
            None => {
                rows.push((
                    (&f.checklist, f.side, &f.item, &f.title),
                    vec![None; years.len()],
                ));
                rows.last_mut().expect("just pushed")
            }
        };
        row.1[at] = Some(f);
    }
    rows.sort_by(|(a, _), (b, _)| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let cv_of = |f: &CountyFigure| match f.spread {
        Spread::Computed { cv, .. } => Some(cv),
        _ => None,
    };
    let body = rows.iter().map(|((_, side, item, title), cells)| {
        let tds = cells.iter().map(|f| match f {
            None => html! { <td class="missing">{ "—" }</td> },
            Some(f) => {
                let class = match f.within_limit {
                    Some(true) => "ok",
                    Some(false) => "bad",
                    None => "missing",
                };
                let text = match f.spread {
                    Spread::Computed { cv, .. } => format::coefficient(cv),
                    Spread::OneSchool { .. } => ctx.t(Msg::CountyOneSchool).into(),
                    Spread::NoSchools => ctx.t(Msg::CountyNoData).into(),
                    Spread::NoStudents => ctx.t(Msg::CountyNoStudents).into(),
                    Spread::ZeroMean => ctx.t(Msg::CountyZeroMean).into(),
                };
                html! { <td class={class}>{ text }</td> }
            }
        });
        let last_two: Vec<Option<f64>> = cells
            .iter()
            .rev()
            .take(2)
            .map(|f| f.and_then(cv_of))
            .collect();
        let change = match last_two.as_slice() {
            [Some(now), Some(before)] if (now - before).abs() < 5e-5 => Some(Change::Same),
            [Some(now), Some(before)] if now < before => Some(Change::Improved),
            [Some(_), Some(_)] => Some(Change::Worse),
            _ => None,
        };
        let (class, word) = match change {
            Some(Change::Improved) => ("ok", ctx.t(Msg::ChangeImproved)),
            Some(Change::Worse) => ("bad", ctx.t(Msg::ChangeWorse)),
            Some(_) => ("", ctx.t(Msg::ChangeSame)),
            None => ("missing", "—"),
        };
        let side_code = if *side == Side::Primary {
            "primary"
        } else {
            "junior"
        };
        html! {
            <tr data-testid={format!("year-figure-{item}-{side_code}")}>
                <td>{ *item }{ " " }<span class="muted">{ pick(title, ctx.lang) }</span></td>
                <td>{ side_name(ctx, *side) }</td>
                { for tds }
                <td class={class}>{ word }</td>
            </tr>
        }
    });
    let wanting: Vec<&SchoolRow> = r.follow_ups_wanting().map(|(_, s)| s).collect();
    html! {
        <section aria-labelledby="years-heading" data-testid="county-years">
            <h3 id="years-heading">{ ctx.t(Msg::CountyYearsHeading) }</h3>
            <p class="muted">{ ctx.t(Msg::CountyYearsIntro) }</p>
            <div class="table-scroll"><table class="report-table wide-table" data-testid="county-years-table">
                <caption>{ ctx.t(Msg::ColCv) }</caption>
                <thead><tr>
                    <th scope="col">{ ctx.t(Msg::ColIndicator) }</th><th scope="col">{ ctx.t(Msg::ColSide) }</th>
                    { for years.iter().map(|y| html! { <th scope="col">{ *y }</th> }) }
                    <th scope="col">{ ctx.t(Msg::ChangeCol) }</th>
                </tr></thead>
                <tbody>{ for body }</tbody>
            </table></div>
            { follow_ups(ctx, &wanting) }
        </section>
    }
}

/// The schools to ask about last year's 整改 rows.
pub(super) fn follow_ups(ctx: &Ctx, wanting: &[&SchoolRow]) -> Html {
    if wanting.is_empty() {
        return Html::default();
    }
    let rows = wanting.iter().map(|s| {
        html! {
            <tr data-testid="follow-up-row">
                <td>{ &s.school_name }</td><td>{ &s.school_code }</td><td class="nowrap">{ &s.school_year }</td><td>{ &s.file }</td>
                <td class="near">{ follow_up_text(ctx.lang, &s.follow_up) }</td>
            </tr>
        }
    });
    html! {
        <div data-testid="county-follow-ups">
            <h4>{ ctx.t(Msg::CountyFollowUpHeading) }</h4>
            <p class="muted">{ ctx.t(Msg::CountyFollowUpIntro) }</p>
            <div class="table-scroll"><table class="report-table wide-table">
                <thead><tr>
                    <th scope="col">{ ctx.t(Msg::SchoolName) }</th><th scope="col">{ ctx.t(Msg::SchoolCode) }</th>
                    <th scope="col">{ ctx.t(Msg::SchoolYear) }</th><th scope="col">{ ctx.t(Msg::ColFile) }</th>
                    <th scope="col">{ ctx.t(Msg::CsvFollowUp) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        </div>
    }
}
