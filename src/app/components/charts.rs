//! Charts as SVG drawn from core numbers: no chart library, no inline styles (the CSP forbids
//! them); sizes go through SVG attributes, colours through classes.

use super::item_card::outcome_class;
use super::pick;
use crate::app::{Ctx, Shared};
use crate::core::answers::Part;
use crate::core::checklist::Checklist;
use crate::core::rules::fmt_num;
use crate::core::score::Assessment;
use crate::i18n::Msg;
use yew::prelude::*;

/// What every chart draws from.
pub struct ChartProps {
    pub checklist: Shared<Checklist>,
    pub assessment: Shared<Assessment>,
}

/// A label cut at the first bracket, to about 20 columns (a Chinese character takes two).
fn short_label(text: &str) -> String {
    let head = text.split(['（', '(']).next().unwrap_or(text).trim();
    let (mut width, mut out) = (0, String::new());
    for c in head.chars() {
        width += if c.is_ascii() { 1 } else { 2 };
        if width > 20 {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// One bar per area: points earned of possible, with the area's pass line if it has one.
pub fn area_bars(ctx: &Ctx, props: &ChartProps) -> Html {
    let areas = &props.checklist.doc().areas;
    let (label_w, bar_w, row_h) = (230.0, 330.0, 34.0);
    let height = row_h * areas.len() as f64 + 10.0;
    let rows = areas.iter().zip(&props.assessment.areas).enumerate().map(|(n, (area, r))| {
        let y = 6.0 + n as f64 * row_h;
        let rate = r.rate.unwrap_or(0.0).clamp(0.0, 1.0);
        let class = match r.passed {
            Some(false) => "bar bad",
            _ if r.tally.max == 0.0 => "bar missing",
            _ => "bar ok",
        };
        if r.tally.max == 0.0 {
            // An area worth no points (the veto items) has nothing to draw.
            return html! {
                <g>
                    <text x="0" y={(y + 17.0).to_string()} class="chart-label">{ pick(&area.title, ctx.lang) }</text>
                    <text x={label_w.to_string()} y={(y + 17.0).to_string()} class="chart-value">{ "—" }</text>
                </g>
            };
        }
        html! {
            <g>
                <text x="0" y={(y + 17.0).to_string()} class="chart-label">{ pick(&area.title, ctx.lang) }</text>
                <rect x={label_w.to_string()} y={y.to_string()} width={bar_w.to_string()} height="22" class="track" />
                <rect x={label_w.to_string()} y={y.to_string()} width={(bar_w * rate).to_string()} height="22" class={class} />
                if let Some(p) = r.pass_rate {
                    <line x1={(label_w + bar_w * p).to_string()} x2={(label_w + bar_w * p).to_string()}
                        y1={(y - 3.0).to_string()} y2={(y + 25.0).to_string()} class="pass-line" />
                }
                <text x={(label_w + bar_w + 8.0).to_string()} y={(y + 17.0).to_string()} class="chart-value">
                    { format!("{}/{}", fmt_num(r.tally.earned), fmt_num(r.tally.max)) }
                </text>
            </g>
        }
    });
    html! {
        <svg class="chart" viewBox={format!("0 0 640 {height}")} role="img" aria-label={ctx.t(Msg::AreaScores)} data-testid="area-bars">
            { for rows }
        </svg>
    }
}

/// The share of points per area on a radar (spider) chart.
pub fn radar(ctx: &Ctx, props: &ChartProps) -> Html {
    let areas: Vec<_> = props
        .checklist
        .doc()
        .areas
        .iter()
        .zip(&props.assessment.areas)
        .filter(|(_, r)| r.tally.max > 0.0)
        .collect();
    if areas.len() < 3 {
        return Html::default();
    }
    let (cx, cy, radius) = (200.0, 170.0, 120.0);
    let n = areas.len() as f64;
    let point = |i: usize, r: f64| {
        let angle = std::f64::consts::TAU * i as f64 / n - std::f64::consts::FRAC_PI_2;
        (cx + radius * r * angle.cos(), cy + radius * r * angle.sin())
    };
    let polygon = |r: &dyn Fn(usize) -> f64| {
        (0..areas.len())
            .map(|i| {
                let (x, y) = point(i, r(i));
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let rings =
        [0.25, 0.5, 0.75, 1.0].map(|f| html! { <polygon points={polygon(&|_| f)} class="ring" /> });
    let spokes = (0..areas.len()).map(|i| {
        let (x, y) = point(i, 1.0);
        let (lx, ly) = point(i, 1.18);
        let anchor = if (lx - cx).abs() < 5.0 { "middle" } else if lx > cx { "start" } else { "end" };
        html! {
            <g>
                <line x1={cx.to_string()} y1={cy.to_string()} x2={x.to_string()} y2={y.to_string()} class="spoke" />
                <text x={lx.to_string()} y={(ly + 4.0).to_string()} text-anchor={anchor} class="chart-label">
                    <title>{ pick(&areas[i].0.title, ctx.lang) }</title>{ short_label(pick(&areas[i].0.title, ctx.lang)) }
                </text>
            </g>
        }
    });
    let value = polygon(&|i| areas[i].1.rate.unwrap_or(0.0).clamp(0.0, 1.0));
    html! {
        <svg class="chart radar" viewBox="-90 0 580 350" role="img" aria-label={ctx.t(Msg::RadarTitle)} data-testid="radar">
            { for rings }
            { for spokes }
            <polygon points={value} class="value" />
        </svg>
    }
}

/// Every indicator of the group rules (the 7 resource indicators) as value ÷ threshold, with
/// the threshold (100%) and the 85% floor marked.
pub fn indicator_chart(ctx: &Ctx, props: &ChartProps) -> Html {
    let doc = props.checklist.doc();
    let ids: Vec<&String> = doc.group_rules.iter().flat_map(|g| &g.items).collect();
    if ids.is_empty() {
        return Html::default();
    }
    let mut rows = Vec::new();
    for id in ids {
        let (Some(item), Some(result)) = (
            props.checklist.item(id),
            props.assessment.items.iter().find(|r| &r.id == id),
        ) else {
            continue;
        };
        for p in &result.parts {
            let suffix = match p.part {
                Part::Whole => String::new(),
                Part::Primary => ctx.lang.paren(ctx.t(Msg::PartPrimary)),
                Part::Junior => ctx.lang.paren(ctx.t(Msg::PartJunior)),
            };
            rows.push((
                format!("{} {}{suffix}", item.id, pick(&item.text, ctx.lang)),
                p.clone(),
            ));
        }
    }
    let floor = doc.group_rules.first().map_or(0.85, |g| g.floor_ratio);
    let (label_w, bar_w, row_h, max_ratio) = (330.0, 260.0, 30.0, 1.5);
    let x_of = |ratio: f64| label_w + bar_w * (ratio / max_ratio).clamp(0.0, 1.0);
    let height = row_h * rows.len() as f64 + 30.0;
    let bars = rows.iter().enumerate().map(|(n, (label, p))| {
        let y = 20.0 + n as f64 * row_h;
        let short: String = label.chars().take(24).collect();
        let short = if short.len() < label.len() { format!("{short}…") } else { short };
        html! {
            <g>
                <text x="0" y={(y + 15.0).to_string()} class="chart-label"><title>{ label }</title>{ short }</text>
                <rect x={label_w.to_string()} y={y.to_string()} width={(x_of(p.ratio.unwrap_or(0.0)) - label_w).to_string()}
                    height="18" class={classes!("bar", outcome_class(p.outcome))} />
                <text x={(label_w + bar_w + 8.0).to_string()} y={(y + 15.0).to_string()} class="chart-value">
                    { p.ratio.map(|r| format!("{:.0}%", r * 100.0)).unwrap_or_else(|| "—".into()) }
                </text>
            </g>
        }
    });
    html! {
        <svg class="chart" viewBox={format!("0 0 640 {height}")} role="img" aria-label={ctx.t(Msg::ResourceChart)} data-testid="indicator-chart">
            <text x={x_of(1.0).to_string()} y="12" text-anchor="middle" class="chart-value">{ ctx.t(Msg::ThresholdLabel) }</text>
            <text x={x_of(floor).to_string()} y="12" text-anchor="end" class="chart-value">{ ctx.t(Msg::FloorLabel) }</text>
            { for bars }
            <line x1={x_of(1.0).to_string()} x2={x_of(1.0).to_string()} y1="16" y2={(height - 6.0).to_string()} class="pass-line" />
            <line x1={x_of(floor).to_string()} x2={x_of(floor).to_string()} y1="16" y2={(height - 6.0).to_string()} class="floor-line" />
        </svg>
    }
}
