use crate::app::components::{area_bars, comparison, indicator_chart, pick, radar, ChartProps};
use crate::app::{Ctx, Open};
use crate::core::answers::Part;
use crate::core::checklist::Checklist;
use crate::core::format::fmt_num;
use crate::core::score::Assessment;
use crate::i18n::shortfall_text;
use crate::i18n::{say, Lang, Msg};
use crate::state::draft::shortfall_problem;
use crate::state::Page;
use yew::prelude::*;

/// The grade as shown: the band's label, or the veto label.
pub fn grade_label(checklist: &Checklist, a: &Assessment, lang: Lang) -> String {
    let doc = checklist.doc();
    if a.grade.vetoed {
        return pick(&doc.veto_grade, lang).to_string();
    }
    a.grade
        .band
        .as_ref()
        .and_then(|b| doc.grades.iter().find(|g| &g.id == b))
        .map(|g| pick(&g.label, lang).to_string())
        .unwrap_or_else(|| "—".into())
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub open: Open,
}

/// 自评结果: total, grade, veto, areas, charts, group rules, shortfalls.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    if props.open.assessment.is_none() {
        return html! {
            <section class="page"><p class="status" role="alert">{ ctx.t(Msg::ChooseTypeFirst) }</p></section>
        };
    };
    html! {
        <section class="page results" data-testid="results-page" aria-labelledby="results-heading">
            <h3 id="results-heading" tabindex="-1">{ ctx.t(Msg::ResultsHeading) }</h3>
            { summary(&ctx, &props.open) }
            { charts(&ctx, &props.open) }
            { shortfalls(&ctx, &props.open) }
            { comparison(&ctx, &props.open) }
            <div class="page-actions no-print">
                <button type="button" class="primary" data-testid="to-plan" onclick={ctx.go(Page::Plan)}>{ ctx.t(Msg::TabPlan) }{ " →" }</button>
            </div>
        </section>
    }
}

/// The charts, each under its heading: shared by the results page and the printed report.
pub fn charts(ctx: &Ctx, open: &Open) -> Html {
    let Some(a) = &open.assessment else {
        return Html::default();
    };
    let checklist = &open.checklist;
    let props = ChartProps {
        checklist: checklist.clone(),
        assessment: a.clone(),
    };
    html! {
        <>
            <div class="chart-block">
                <h4>{ ctx.t(Msg::AreaScores) }</h4>
                { area_bars(ctx, &props) }
            </div>
            <div class="chart-row">
                <figure>
                    { radar(ctx, &props) }
                    <figcaption>{ ctx.t(Msg::RadarTitle) }</figcaption>
                </figure>
            </div>
            if !checklist.spread_items().is_empty() {
                <div class="chart-block">
                    <h4>{ ctx.t(Msg::ResourceChart) }</h4>
                    { indicator_chart(ctx, &props) }
                </div>
            }
        </>
    }
}

/// The headline figures, shared by the results page and the report.
pub fn summary(ctx: &Ctx, open: &Open) -> Html {
    let Some(a) = open.assessment.clone() else {
        return Html::default();
    };
    let checklist = &open.checklist;
    let part_name = |p: Part| crate::i18n::part_suffix(ctx.lang, p);
    let groups = a.groups.iter().map(|g| {
        let rule = checklist.doc().group_rules.iter().find(|r| r.id == g.id);
        let title = rule.map(|r| pick(&r.title, ctx.lang).to_string()).unwrap_or_default();
        let group_size = rule.map_or(g.required, |r| r.items.len());
        let (msg, class) = match g.holds {
            Some(true) => (Msg::GroupHolds, "ok"),
            Some(false) => (Msg::GroupFails, "bad"),
            None => (Msg::GroupPending, "missing"),
        };
        html! {
            <li data-testid={format!("group-{}", g.id)}>
                { title }{ part_name(g.part) }{ ctx.lang.colon() }
                <span class={classes!("badge", class)}>{ ctx.t(msg) }</span>
                { " " }{ ctx.say(say::GroupCount { total: &group_size.to_string(), met: &g.passed.to_string(), required: &g.required.to_string() }) }
            </li>
        }
    });
    let (lines, next) = crate::i18n::grade_outlook(
        ctx.lang,
        checklist,
        &crate::core::score::outlook(checklist, &a),
    );
    let vetoes_open = a.vetoes_open(checklist);
    html! {
        <div class="summary">
            <div class="stat">
                <span class="stat-label">{ ctx.t(Msg::TotalLabel) }</span>
                <span class="stat-value" data-testid="total">{ format!("{} / {}", fmt_num(a.total.earned), fmt_num(a.total.max)) }</span>
                <span class="stat-sub">{ a.percent.map(|p| format!("{}%", crate::core::format::fixed(p, 1))).unwrap_or_default() }</span>
            </div>
            <div class="stat">
                <span class="stat-label">{ ctx.t(Msg::GradeLabel) }</span>
                <span class={classes!("stat-value", a.grade.vetoed.then_some("bad"))} data-testid="grade">{ grade_label(checklist, &a, ctx.lang) }</span>
                if a.grade.provisional { <span class="stat-sub" data-testid="provisional">{ ctx.t(Msg::Provisional) }</span> }
            </div>
            <div class="stat">
                <span class="stat-label">{ ctx.t(Msg::VetoTag) }</span>
                if a.vetoes.is_empty() && vetoes_open > 0 {
                    <span class="stat-value missing" data-testid="veto">{ ctx.t(Msg::VetoOpen) }</span>
                    <span class="stat-sub" data-testid="veto-open">{ ctx.say(say::VetoOpenCount { count: &vetoes_open.to_string() }) }</span>
                } else if a.vetoes.is_empty() {
                    <span class="stat-value ok" data-testid="veto">{ ctx.t(Msg::NoVeto) }</span>
                } else {
                    <span class="stat-value bad" data-testid="veto">{ ctx.t(Msg::VetoHit) }</span>
                    <span class="stat-sub">{ a.vetoes.iter().map(|s| s.to_string()).collect::<Vec<_>>().join("、") }</span>
                }
            </div>
            <div class="grade-outlook" data-testid="grade-outlook">
                <p class="muted" data-testid="grade-lines">{ lines }</p>
                if let Some(next) = next { <p data-testid="grade-next">{ next }</p> }
            </div>
            if !a.groups.is_empty() { <ul class="groups">{ for groups }</ul> }
        </div>
    }
}

fn shortfalls(ctx: &Ctx, open: &Open) -> Html {
    let Some(a) = open.assessment.clone() else {
        return Html::default();
    };
    html! {
        <section aria-labelledby="shortfalls-heading">
            <h4 id="shortfalls-heading">{ ctx.t(Msg::ShortfallsHeading) }</h4>
            if a.shortfalls.is_empty() {
                <p class="muted" data-testid="no-shortfalls">{ ctx.t(Msg::NoShortfalls) }</p>
            } else {
                <ul class="shortfalls" data-testid="shortfalls">
                    { for a.shortfalls.iter().map(|s| {
                        let (key, _) = shortfall_problem(&open.checklist, &open.draft.answers, s);
                        let text = shortfall_text(&open.checklist, &open.draft.answers, s, ctx.lang);
                        html! { <li key={key} class={classes!(s.veto.then_some("veto"))}>{ text }</li> }
                    }) }
                </ul>
            }
        </section>
    }
}
