//! Charts as SVG drawn from core numbers: no chart library, no inline styles (the CSP forbids
//! them); sizes go through SVG attributes, colours through classes.

use super::item_card::outcome_class;
use super::pick;
use crate::app::{Ctx, Shared};
use crate::core::checklist::Checklist;
use crate::core::format::fmt_num;
use crate::core::score::Assessment;
use crate::i18n::{say, Msg};
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

/// A label of words in two lines, split at the space nearest its middle, when it is long (an
/// English area name at a phone's label size would run off the chart).
fn label_lines(text: &str) -> Vec<String> {
    let chars = text.chars().count();
    if chars <= 12 {
        return vec![text.to_string()];
    }
    let middle = text.len() / 2;
    match text
        .match_indices(' ')
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(middle))
    {
        Some(at) => vec![text[..at].to_string(), text[at + 1..].to_string()],
        None => vec![text.to_string()],
    }
}

/// One bar in a row of a bar list: a track, the bar (0–1 of the track), and vertical marks
/// (0–1) such as a pass line. Stretched to the row's width; the strokes do not stretch.
pub fn bar(fill: f64, class: &str, marks: &[(f64, &'static str)]) -> Html {
    let pct = |f: f64| format!("{:.2}", f.clamp(0.0, 1.0) * 100.0);
    html! {
        <svg class="hbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect x="0" y="1" width="100" height="8" class="track" />
            <rect x="0" y="1" width={pct(fill)} height="8" class={classes!("bar", class.to_string())} />
            { for marks.iter().map(|(at, class)| html! {
                <line x1={pct(*at)} x2={pct(*at)} y1="0" y2="10" class={*class} vector-effect="non-scaling-stroke" />
            }) }
        </svg>
    }
}

/// One bar per area: points earned of possible, with the area's pass line if it has one.
/// Labels are HTML text, so they keep their size on a phone and wrap instead of running
/// under the bars.
pub fn area_bars(ctx: &Ctx, props: &ChartProps) -> Html {
    let areas = &props.checklist.doc().areas;
    let rows = areas.iter().zip(&props.assessment.areas).map(|(area, r)| {
        let rate = r.rate.unwrap_or(0.0);
        let class = match r.passed {
            Some(false) => "bad",
            _ => "ok",
        };
        // An area worth no points (the veto items) has nothing to draw.
        let value = if r.tally.max == 0.0 {
            "—".to_string()
        } else {
            format!("{}/{}", fmt_num(r.tally.earned), fmt_num(r.tally.max))
        };
        let marks: Vec<(f64, &'static str)> =
            r.pass_rate.map(|p| (p, "pass-line")).into_iter().collect();
        html! {
            <li class="hbar-row">
                <span class="hbar-label">{ pick(&area.title, ctx.lang) }</span>
                if r.tally.max > 0.0 { { bar(rate, class, &marks) } } else { <span></span> }
                <span class="hbar-value">{ value }</span>
            </li>
        }
    });
    // The pass lines drawn, said once (the 办学质量 areas' 85 % is no grade line).
    let mut rates: Vec<String> = Vec::new();
    for rate in props
        .assessment
        .areas
        .iter()
        .filter(|r| r.tally.max > 0.0)
        .filter_map(|r| r.pass_rate)
    {
        let shown = format!("{}%", fmt_num(rate * 100.0));
        if !rates.contains(&shown) {
            rates.push(shown);
        }
    }
    html! {
        <>
            <ul class="hbars" aria-label={ctx.t(Msg::AreaScores)} data-testid="area-bars">
                { for rows }
            </ul>
            if !rates.is_empty() {
                <p class="chart-legend muted" data-testid="area-bars-legend">
                    { ctx.say(say::AreaPassLine { rates: &rates.join(ctx.t(Msg::ListSeparator)) }) }
                </p>
            }
        </>
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
        // The browser's sine and cosine: Rust's own bring their argument reduction tables
        // into the principal's first load for one chart (≈ 3 KB brotli).
        (
            cx + radius * r * js_sys::Math::cos(angle),
            cy + radius * r * js_sys::Math::sin(angle),
        )
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
                    <title>{ pick(&areas[i].0.title, ctx.lang) }</title>
                    { for label_lines(&short_label(pick(&areas[i].0.title, ctx.lang))).into_iter().enumerate().map(|(k, line)| html! {
                        <tspan x={lx.to_string()} dy={if k == 0 { "0" } else { "1.1em" }}>{ line }</tspan>
                    }) }
                </text>
            </g>
        }
    });
    let value = polygon(&|i| areas[i].1.rate.unwrap_or(0.0).clamp(0.0, 1.0));
    html! {
        <svg class="chart radar" viewBox="-170 0 740 350" role="img" aria-label={ctx.t(Msg::RadarTitle)} data-testid="radar">
            { for rings }
            { for spokes }
            <polygon points={value} class="value" />
        </svg>
    }
}

/// Every 资源配置 indicator (the items of the `spread` group rules: the 7 resource indicators)
/// as value ÷ threshold, with the threshold (100%) and each item's group-rule floor (the
/// checklist's own, e.g. 85%) marked.
pub fn indicator_chart(ctx: &Ctx, props: &ChartProps) -> Html {
    let ids = props.checklist.spread_items();
    if ids.is_empty() {
        return Html::default();
    }
    let mut rows = Vec::new();
    for id in ids {
        let (Some(item), Some(result)) = (
            props.checklist.item(id),
            props.assessment.items.iter().find(|r| r.id == id),
        ) else {
            continue;
        };
        let floor = props.checklist.group_of(id).map(|g| g.floor_ratio);
        for p in &result.parts {
            let suffix = crate::i18n::part_suffix(ctx.lang, p.part);
            // The id and the part first: cut short, the 小学 and 初中 rows still differ.
            let name = pick(&item.text, ctx.lang);
            rows.push((format!("{}{suffix} {name}", item.id), p.clone(), floor));
        }
    }
    let floors: Vec<f64> = rows.iter().filter_map(|r| r.2).collect();
    let max_ratio = 1.5;
    let at = |ratio: f64| ratio / max_ratio;
    let bars = rows.iter().map(|(label, p, floor)| {
        let mut marks = vec![(at(1.0), "pass-line")];
        marks.extend(floor.map(|f| (at(f), "floor-line")));
        html! {
            <li class="hbar-row">
                // The whole name, wrapped beside its bar (cut short with …, a principal could
                // not tell R1's indicator from its title alone, and paper has no title).
                <span class="hbar-label">{ label }</span>
                { bar(at(p.ratio.unwrap_or(0.0)), outcome_class(p.outcome), &marks) }
                <span class="hbar-value">{ p.ratio.map(|r| format!("{}%", crate::core::format::fixed(r * 100.0, 0))).unwrap_or_else(|| "—".into()) }</span>
                // What the bar's colour says, in words for a screen reader.
                <span class="visually-hidden" data-testid="hbar-words">{ format!(" {}", crate::i18n::outcome_words(ctx.lang, p.outcome, *floor)) }</span>
            </li>
        }
    });
    let floor_pct = crate::i18n::floors_text(ctx.lang, &floors);
    let floor_label = match floors.first() {
        Some(f) if floors.iter().all(|g| g == f) => crate::i18n::floor_line(ctx.lang, *f),
        _ => floor_pct.clone(),
    };
    html! {
        <div class="indicator-chart" data-testid="indicator-chart">
            <p class="chart-legend">
                <span class="legend pass">{ ctx.t(Msg::ThresholdLabel) }</span>
                <span class="legend floor" hidden={floors.is_empty()}>{ floor_label }</span>
                <span class="muted">{ ctx.say(say::ChartScale { floor: &floor_pct, axis: &format!("{}%", crate::core::format::fixed(max_ratio * 100.0, 0)) }) }</span>
            </p>
            <ul class="hbars" aria-label={ctx.t(Msg::ResourceChart)}>{ for bars }</ul>
        </div>
    }
}
