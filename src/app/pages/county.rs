//! County mode: drop or pick many schools' files (and county checklists), in as many batches
//! as needed; each is verified and re-scored, the county aggregated (all in the core and the
//! batch state); this page reads files and shows the report.

use super::report::Report;
use crate::app::browser::{clock, drafts, files, page};
use crate::app::{Ctx, Open, Shared};
use crate::core::aggregate::{CountyReport, FileStatus, SchoolRow, Severity, Side, Spread};
use crate::core::builtin::builtins;
use crate::core::county_csv::{figures_csv, schools_csv};
use crate::core::export::Verified;
use crate::core::format;
use crate::core::rules::fmt_num;
use crate::i18n::{Msg, Say};
use crate::state::county::{status_counts, status_line, Added, Batch, SortBy, TableView};
use crate::state::draft::{ChecklistSource, Draft};
use crate::state::{Action, Page};
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the page shows: the report of the batch's files.
#[derive(Clone)]
struct Shown {
    report: Rc<CountyReport>,
    /// How long verifying, re-scoring and aggregating took (for the benchmark script).
    millis: f64,
}

fn status_class(s: &FileStatus) -> &'static str {
    match s.severity() {
        Severity::Fine => "ok",
        Severity::Note => "near",
        Severity::Act => "bad",
    }
}

/// Verifies the batch's files and aggregates them.
fn show(ctx: &Ctx, batch: &Batch) -> Shown {
    let start = clock::millis();
    let facts = batch.reduce_all();
    let report = batch.report(&facts, clock::now().as_str(), ctx.lang);
    Shown {
        report: Rc::new(report),
        millis: clock::millis() - start,
    }
}

#[component]
pub fn County() -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let readers = use_mut_ref(Vec::<FileReader>::new);
    // The batch lives in a RefCell shared by the file readers; setting `shown` re-renders.
    let batch = use_mut_ref(|| Batch::new(builtins().unwrap_or_default()));
    let pending = use_state(|| 0usize);
    let shown = use_state(|| None::<Shown>);
    let view = use_state(TableView::default);
    let viewing = use_state(|| None::<String>);

    let refresh = {
        let (batch, shown, ctx) = (batch.clone(), shown.clone(), ctx.clone());
        Rc::new(move || {
            let b = batch.borrow();
            shown.set((!b.files.is_empty()).then(|| show(&ctx, &b)));
        })
    };
    // The county checklists this browser keeps (loaded earlier, or those drafts were made with).
    {
        let (batch, refresh) = (batch.clone(), refresh.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                for known in drafts::county_checklists().await {
                    batch.borrow_mut().know(known.checklist);
                }
                refresh();
            });
        });
    }
    let read_files = {
        let (readers, pending, batch, refresh) = (
            readers.clone(),
            pending.clone(),
            batch.clone(),
            refresh.clone(),
        );
        Callback::from(move |list: Vec<web_sys::File>| {
            // Refused by name or size before anything is read: never a buffer for them.
            let list: Vec<File> = list
                .into_iter()
                .map(File::from)
                .filter(|f| batch.borrow_mut().accepts(&f.name(), f.size()))
                .collect();
            let left = Rc::new(RefCell::new(list.len()));
            pending.set(list.len());
            if list.is_empty() {
                refresh();
                return;
            }
            for file in list {
                let name = file.name();
                let (left, pending, batch, refresh) = (
                    left.clone(),
                    pending.clone(),
                    batch.clone(),
                    refresh.clone(),
                );
                let reader = gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
                    let added = batch.borrow_mut().add(&name, bytes.ok());
                    if added == Added::Checklist {
                        // Kept in this browser: county mode and new drafts find it next time.
                        if let Some(c) = batch.borrow().county_checklists.last().cloned() {
                            wasm_bindgen_futures::spawn_local(async move {
                                let text = serde_json::to_string(c.doc()).unwrap_or_default();
                                drafts::save_county_checklist(&c, &text).await;
                            });
                        }
                    }
                    let remaining = {
                        let mut l = left.borrow_mut();
                        *l -= 1;
                        *l
                    };
                    pending.set(remaining);
                    if remaining == 0 {
                        refresh();
                    }
                });
                readers.borrow_mut().push(reader);
            }
        })
    };
    let on_pick = {
        let read_files = read_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = input
                .files()
                .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
                .unwrap_or_default();
            input.set_value("");
            read_files.emit(files);
        })
    };
    let ondragover = Callback::from(|e: DragEvent| e.prevent_default());
    let ondrop = {
        let read_files = read_files.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            let files = e
                .data_transfer()
                .and_then(|d| d.files())
                .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
                .unwrap_or_default();
            read_files.emit(files);
        })
    };
    let clear = {
        let (batch, refresh, readers, pending) = (
            batch.clone(),
            refresh.clone(),
            readers.clone(),
            pending.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            // Dropping the readers cancels what is still being read.
            readers.borrow_mut().clear();
            pending.set(0);
            batch.borrow_mut().clear();
            refresh();
        })
    };
    let pick = {
        let (batch, refresh) = (batch.clone(), refresh.clone());
        Callback::from(move |file: String| {
            batch.borrow_mut().pick(&file);
            refresh();
        })
    };
    let choose_county = {
        let (batch, refresh) = (batch.clone(), refresh.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let v = select.value();
            batch.borrow_mut().county = (!v.is_empty()).then_some(v);
            refresh();
        })
    };

    // A school's report, read-only, dated as exported.
    if let Some(file) = &*viewing {
        let open = {
            let b = batch.borrow();
            b.verified(file).and_then(|v| read_only(&v, &b))
        };
        if let Some(open) = open {
            let back = {
                let viewing = viewing.clone();
                Callback::from(move |_: MouseEvent| viewing.set(None))
            };
            let date = open.draft.updated.get(..10).unwrap_or_default().to_string();
            return html! {
                <section class="county" data-testid="county-report">
                    <p class="no-print"><button type="button" class="link" data-testid="back-to-county" onclick={back}>{ "← " }{ ctx.t(Msg::BackToCounty) }</button></p>
                    <p class="status no-print">{ ctx.say(Say::ReadOnlyReport { school: &open.draft.profile.school_name }) }</p>
                    <Report open={open} date={Some(AttrValue::from(date))} />
                </section>
            };
        }
    }

    let back = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Go(Page::Start)))
    };
    let b = batch.borrow();
    let checklists = b.county_checklists.iter().map(|c| {
        let d = c.doc();
        html! {
            <li data-testid="county-checklist">
                { crate::app::components::pick(&d.title, ctx.lang) }{ " · " }{ ctx.t(Msg::ChecklistVersion) }{ " " }{ &d.version }
                { " · " }<code>{ c.sha256().get(..12).unwrap_or_default() }</code>
            </li>
        }
    });
    let refused = b.refused.iter().map(|(name, r)| {
        html! { <li>{ name }{ ctx.lang.colon() }{ r.text(ctx.lang) }</li> }
    });
    let body = match &*shown {
        None => html! {},
        Some(l) => {
            let r = &l.report;
            let counts = status_counts(r)
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(m, n)| format!("{} {n}", ctx.t(*m)))
                .collect::<Vec<_>>()
                .join(ctx.t(Msg::ListSeparator));
            let summary = ctx.say(Say::CountySummary {
                files: &r.schools.len().to_string(),
                counts: &counts,
            });
            let today = clock::now().date().to_string();
            let county_name = r
                .county
                .clone()
                .or_else(|| (r.counties.len() == 1).then(|| r.counties[0].clone()));
            let file_name = |what: Msg| {
                crate::core::filename::join_parts(
                    &[
                        county_name.as_deref().unwrap_or_default(),
                        ctx.t(what),
                        &today,
                    ],
                    "ziping",
                    "csv",
                )
            };
            let csv_schools = {
                let (r, name, lang) = (r.clone(), file_name(Msg::CsvSchoolsName), ctx.lang);
                Callback::from(move |_: MouseEvent| {
                    let _ =
                        files::download(&name, &schools_csv(&r, lang), "text/csv;charset=utf-8");
                })
            };
            let csv_figures = {
                let (r, name, lang) = (r.clone(), file_name(Msg::CsvFiguresName), ctx.lang);
                Callback::from(move |_: MouseEvent| {
                    let _ =
                        files::download(&name, &figures_csv(&r, lang), "text/csv;charset=utf-8");
                })
            };
            html! {
                <>
                    <p class="print-only county-print-head" data-testid="county-print-head">
                        { ctx.say(Say::CountyPrintHead { county: county_name.as_deref().unwrap_or("—"), date: &today }) }
                    </p>
                    <p class="status" role="status" data-testid="county-summary" data-compute-ms={l.millis.to_string()}>{ summary }</p>
                    if r.mixes_counties() || r.county.is_some() {
                        <div class="card warning no-print" data-testid="county-mixed">
                            if r.mixes_counties() {
                                <p>{ ctx.say(Say::CountyMixed { counties: &r.counties.join(ctx.t(Msg::ListSeparator)) }) }</p>
                            }
                            <label for="county-choose">{ ctx.t(Msg::CountyChoose) }</label>
                            <select id="county-choose" data-testid="county-choose" onchange={choose_county}>
                                <option value="" selected={r.county.is_none()}>{ ctx.t(Msg::CountyAll) }</option>
                                { for r.counties.iter().map(|c| html! {
                                    <option value={c.clone()} selected={r.county.as_deref() == Some(c.as_str())}>{ c }</option>
                                }) }
                            </select>
                        </div>
                    }
                    <div class="page-actions no-print">
                        <button type="button" data-testid="csv-schools" onclick={csv_schools}>{ ctx.t(Msg::CountyCsvSchools) }</button>
                        <button type="button" data-testid="csv-figures" onclick={csv_figures}>{ ctx.t(Msg::CountyCsvFigures) }</button>
                        <button type="button" onclick={Callback::from(|_: MouseEvent| page::print())}>{ ctx.t(Msg::CountyPrint) }</button>
                    </div>
                    { figures(&ctx, r) }
                    { county_rates(&ctx, r) }
                    { schools_table(&ctx, r, &view, &viewing, &pick) }
                </>
            }
        }
    };
    html! {
        <section class="page county" data-testid="county-page" aria-labelledby="county-heading" {ondragover} {ondrop}>
            <p class="no-print"><button type="button" class="link" data-testid="county-back" onclick={back}>{ "← " }{ ctx.t(Msg::BackToStart) }</button></p>
            <h2 id="county-heading">{ ctx.t(Msg::CountyHeading) }</h2>
            <p class="lead no-print">{ ctx.t(Msg::CountyIntro) }</p>
            <div class="page-actions no-print">
                <input id="county-files" class="visually-hidden file-picker" type="file" multiple=true accept=".json,application/json"
                    data-testid="county-files" onchange={on_pick.clone()} />
                <label for="county-files" class="button primary">{ ctx.t(Msg::CountyPickFiles) }</label>
                <input id="county-folder" class="visually-hidden file-picker" type="file" multiple=true webkitdirectory=true
                    data-testid="county-folder" onchange={on_pick} />
                <label for="county-folder" class="button">{ ctx.t(Msg::CountyPickFolder) }</label>
                <button type="button" data-testid="county-clear" onclick={clear} disabled={b.files.is_empty() && b.refused.is_empty()}>{ ctx.t(Msg::CountyClear) }</button>
            </div>
            <p class="muted no-print">{ ctx.t(Msg::CountyAddHint) }</p>
            <div class="county-side no-print">
                <p class="meta">{ ctx.t(Msg::CountyChecklists) }</p>
                <ul data-testid="county-checklists">{ for checklists }</ul>
            </div>
            <p class="muted" role="status" data-testid="county-reading">
                { if *pending > 0 { ctx.say(Say::CountyReading { files: &pending.to_string() }) } else { String::new() } }
            </p>
            <div class="no-print" hidden={b.refused.is_empty()}>
                <p class="meta">{ ctx.t(Msg::CountyRefused) }</p>
                <ul class="refused" data-testid="county-refused">{ for refused }</ul>
            </div>
            { body }
        </section>
    }
}

/// A verified file as an open draft for the report page (not stored; nothing can be edited).
fn read_only(v: &Verified, batch: &Batch) -> Option<Open> {
    let named = &v.export.checklist;
    let checklist = batch
        .checklists
        .iter()
        .find(|c| c.is(&named.id, &named.version, &named.sha256))?
        .clone();
    let source = if crate::core::builtin::builtin_set()
        .ok()?
        .iter()
        .any(|b| b.is(&named.id, &named.version, &named.sha256))
    {
        ChecklistSource::Builtin {
            id: named.id.clone(),
        }
    } else {
        ChecklistSource::File {
            name: named.id.clone(),
            text: serde_json::to_string(checklist.doc()).ok()?,
        }
    };
    let draft = Draft::from_export("county-view".into(), &v.export, source);
    Some(Open {
        draft: Shared(Rc::new(draft)),
        checklist: Shared(Rc::new(checklist)),
        assessment: Some(Shared(Rc::new(v.recomputed.clone()))),
    })
}

fn side_name(ctx: &Ctx, side: Side) -> &'static str {
    crate::i18n::side_name(ctx.lang, side)
}

/// The county figures: a table and, per side, a bar per indicator against its limit.
fn figures(ctx: &Ctx, r: &CountyReport) -> Html {
    let rows = r.figures.iter().map(|f| {
        let (mean, cv) = match f.spread {
            Spread::Computed { mean, cv, .. } => (format::fixed(mean, 2), format::coefficient(cv)),
            Spread::OneSchool { mean } => (format::fixed(mean, 2), ctx.t(Msg::CountyOneSchool).into()),
            Spread::NoSchools => (String::new(), ctx.t(Msg::CountyNoData).into()),
            Spread::NoStudents => (String::new(), ctx.t(Msg::CountyNoStudents).into()),
            Spread::ZeroMean => ("0".into(), ctx.t(Msg::CountyZeroMean).into()),
        };
        let class = match f.within_limit {
            Some(true) => "ok",
            Some(false) => "bad",
            None => "missing",
        };
        html! {
            <tr data-testid={format!("figure-{}-{}", f.item, if f.side == Side::Primary { "primary" } else { "junior" })}>
                <td>{ &f.item }{ " " }<span class="muted">{ crate::app::components::pick(&f.title, ctx.lang) }</span></td>
                <td>{ &f.version }</td><td>{ side_name(ctx, f.side) }</td>
                <td>{ f.schools }{ if f.left_out > 0 { ctx.say(Say::CountyLeftOut { schools: &f.left_out.to_string() }) } else { String::new() } }</td>
                <td>{ mean }</td><td class={class} data-testid="cv">{ cv }</td><td>{ ctx.say(Say::CountyCvLimit { limit: &fmt_num(f.limit) }) }</td>
            </tr>
        }
    });
    let rule = r.rule.iter().map(|c| html! {
        <li>{ format!("{} {}", c.version, ctx.say(Say::CountyRuleMet { side: side_name(ctx, c.side), schools: &c.schools.to_string(), meeting: &c.meeting.to_string() })) }</li>
    });
    html! {
        <section aria-labelledby="figures-heading">
            <h3 id="figures-heading">{ ctx.t(Msg::CountyFigures) }</h3>
            { cv_chart(ctx, r) }
            { values_chart(ctx, r) }
            <div class="table-scroll"><table class="report-table" data-testid="county-figures">
                <thead><tr>
                    <th scope="col">{ ctx.t(Msg::ColIndicator) }</th><th scope="col">{ ctx.t(Msg::ChecklistVersion) }</th><th scope="col">{ ctx.t(Msg::ColSide) }</th>
                    <th scope="col">{ ctx.t(Msg::ColSchools) }</th><th scope="col">{ ctx.t(Msg::ColMean) }</th>
                    <th scope="col">{ ctx.t(Msg::ColCv) }</th><th scope="col">{ ctx.t(Msg::ThresholdLabel) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
            <ul>{ for rule }</ul>
        </section>
    }
}

/// The rates the sources set for the county as a whole (交流轮岗, 巩固率 …), from the schools'
/// raw counts, against their thresholds.
fn county_rates(ctx: &Ctx, r: &CountyReport) -> Html {
    if r.county_rates.is_empty() {
        return Html::default();
    }
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
                <td>{ &c.item }{ " " }{ crate::app::components::pick(&c.title, ctx.lang) }</td>
                <td>{ &c.version }</td><td>{ side }</td><td>{ c.schools }</td>
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
            <div class="table-scroll"><table class="report-table" data-testid="county-rates">
                <thead><tr>
                    <th scope="col">{ ctx.t(Msg::ColIndicator) }</th><th scope="col">{ ctx.t(Msg::ChecklistVersion) }</th>
                    <th scope="col">{ ctx.t(Msg::ColSide) }</th><th scope="col">{ ctx.t(Msg::ColSchools) }</th>
                    <th scope="col">{ ctx.t(Msg::CountyRateValue) }</th><th scope="col">{ ctx.t(Msg::ThresholdLabel) }</th>
                    <th scope="col">{ ctx.t(Msg::ColStatus) }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table></div>
        </section>
    }
}

/// Each computed 差异系数 as a bar, with the limit of its side as a line.
fn cv_chart(ctx: &Ctx, r: &CountyReport) -> Html {
    let bars: Vec<_> = r
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
    let (label_w, bar_w, row_h, max) = (120.0, 420.0, 26.0, 0.8);
    let x = |v: f64| label_w + bar_w * (v / max).clamp(0.0, 1.0);
    let height = row_h * bars.len() as f64 + 10.0;
    let rows = bars.iter().enumerate().map(|(n, (f, cv))| {
        let y = 5.0 + n as f64 * row_h;
        let class = if f.within_limit == Some(true) { "bar ok" } else { "bar bad" };
        html! {
            <g>
                <text x="0" y={(y + 15.0).to_string()} class="chart-label">{ format!("{} {}", f.item, side_name(ctx, f.side)) }</text>
                <rect x={label_w.to_string()} y={y.to_string()} width={(x(*cv) - label_w).to_string()} height="18" class={class} />
                <line x1={x(f.limit).to_string()} x2={x(f.limit).to_string()} y1={(y - 2.0).to_string()} y2={(y + 20.0).to_string()} class="pass-line" />
                <text x={(label_w + bar_w + 8.0).to_string()} y={(y + 15.0).to_string()} class="chart-value">{ format!("{cv:.3}") }</text>
            </g>
        }
    });
    html! {
        <svg class="chart" viewBox={format!("0 0 640 {height}")} role="img" aria-label={ctx.t(Msg::CountyFigures)} data-testid="cv-chart">
            { for rows }
        </svg>
    }
}

/// Every school's value of each indicator as a share of its threshold: one dot per school
/// (part), the threshold (100%) and the 85% floor as lines. Duplicates and invalid files are
/// left out, as in the figures.
fn values_chart(ctx: &Ctx, r: &CountyReport) -> Html {
    /// (ratio to the threshold, outcome class, tooltip)
    type Dot = (f64, &'static str, String);
    let mut rows: Vec<(String, Side, Vec<Dot>)> = Vec::new();
    for f in &r.figures {
        let mut dots = Vec::new();
        for s in r
            .schools
            .iter()
            .filter(|s| s.status.counted() && s.version == f.version)
        {
            let Some(t) = s.school_type else { continue };
            for c in s
                .indicators
                .iter()
                .filter(|c| c.item == f.item && Side::of(t, c.part) == Some(f.side))
            {
                if let Some(ratio) = c.ratio {
                    let class = crate::app::components::outcome_class(c.outcome);
                    dots.push((
                        ratio,
                        class,
                        format!(
                            "{} {}",
                            s.school_name,
                            c.value.map(|v| format::fixed(v, 2)).unwrap_or_default()
                        ),
                    ));
                }
            }
        }
        if !dots.is_empty() {
            rows.push((f.item.clone(), f.side, dots));
        }
    }
    if rows.is_empty() {
        return Html::default();
    }
    let (label_w, plot_w, row_h, max) = (120.0, 440.0, 24.0, 2.0);
    let x = |v: f64| label_w + plot_w * (v / max).clamp(0.0, 1.0);
    let height = row_h * rows.len() as f64 + 24.0;
    let body = rows.iter().enumerate().map(|(n, (item, side, dots))| {
        let y = 20.0 + n as f64 * row_h + row_h / 2.0;
        html! {
            <g>
                <text x="0" y={(y + 4.0).to_string()} class="chart-label">{ format!("{item} {}", side_name(ctx, *side)) }</text>
                <line x1={label_w.to_string()} x2={(label_w + plot_w).to_string()} y1={y.to_string()} y2={y.to_string()} class="axis" />
                { for dots.iter().map(|(ratio, class, title)| html! {
                    <circle cx={x(*ratio).to_string()} cy={y.to_string()} r="5" class={classes!("dot", *class)}><title>{ title }</title></circle>
                }) }
            </g>
        }
    });
    html! {
        <figure>
            <svg class="chart" viewBox={format!("0 0 640 {height}")} role="img" aria-label={ctx.t(Msg::ResourceChart)} data-testid="values-chart">
                <text x={x(1.0).to_string()} y="12" text-anchor="middle" class="chart-value">{ ctx.t(Msg::ThresholdLabel) }</text>
                <text x={x(0.85).to_string()} y="12" text-anchor="end" class="chart-value">{ ctx.t(Msg::FloorLabel) }</text>
                <line x1={x(1.0).to_string()} x2={x(1.0).to_string()} y1="16" y2={(height - 4.0).to_string()} class="pass-line" />
                <line x1={x(0.85).to_string()} x2={x(0.85).to_string()} y1="16" y2={(height - 4.0).to_string()} class="floor-line" />
                { for body }
            </svg>
            <figcaption>{ ctx.t(Msg::CountyValuesCaption) }</figcaption>
        </figure>
    }
}

fn schools_table(
    ctx: &Ctx,
    r: &CountyReport,
    view: &UseStateHandle<TableView>,
    viewing: &UseStateHandle<Option<String>>,
    pick: &Callback<String>,
) -> Html {
    let rows: Vec<(usize, &SchoolRow)> = view
        .rows(r, ctx.lang)
        .into_iter()
        .map(|n| (n, &r.schools[n]))
        .collect();
    let header = |key: SortBy, msg: Msg| {
        let view = view.clone();
        let current = view.sort == key;
        let asc = view.ascending;
        let onclick = Callback::from(move |_: MouseEvent| view.set(view.sort_by(key)));
        let aria = current.then_some(if asc { "ascending" } else { "descending" });
        // The button does not print (Chromium repeats the header on each page without its
        // text); its plain twin does.
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="link no-print" {onclick}>{ ctx.t(msg) }{ if current { if asc { " ▲" } else { " ▼" } } else { "" } }</button>
                <span class="print-only">{ ctx.t(msg) }</span>
            </th>
        }
    };
    let on_filter = {
        let view = view.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            view.set(TableView {
                filter: input.value(),
                ..(*view).clone()
            });
        })
    };
    let body = rows.iter().map(|(_, s)| {
        let open = {
            let (viewing, file) = (viewing.clone(), s.file.clone());
            Callback::from(move |_: MouseEvent| viewing.set(Some(file.clone())))
        };
        let valid = !matches!(s.status, FileStatus::Invalid { .. });
        let can_pick = s.status.can_pick();
        let choose = {
            let (pick, file) = (pick.clone(), s.file.clone());
            Callback::from(move |_: MouseEvent| pick.emit(file.clone()))
        };
        let t = s.school_type.map_or("", |t| crate::i18n::school_type_name(ctx.lang, t));
        let enrolment = s.enrolment.iter().map(|(_, e)| e.map(|n| format::fixed(n, 0)).unwrap_or_default()).collect::<Vec<_>>().join(" + ");
        let rule = s.rule.iter().map(|(_, h)| ctx.t(match h { Some(true) => Msg::GroupHolds, Some(false) => Msg::GroupFails, None => Msg::GroupPending })).collect::<Vec<_>>().join(" / ");
        let indicators = s.indicators.iter().map(|c| html! {
            <span class={classes!("badge", crate::app::components::outcome_class(c.outcome))} title={format!("{} {}", c.item, c.value.map(|v| format::fixed(v, 2)).unwrap_or_default())}>{ &c.item }</span>
        });
        html! {
            <tr data-testid="county-row">
                <td>{ &s.file }</td>
                <td class={status_class(&s.status)} data-testid="row-status">
                    { status_line(ctx.lang, &s.status) }
                    if can_pick {
                        <button type="button" class="small no-print" data-testid={format!("pick-{}", s.file)} onclick={choose}>{ ctx.t(Msg::CountyPickThis) }</button>
                    }
                </td>
                <td>
                    if valid { <button type="button" class="link" data-testid="open-school" onclick={open}>{ &s.school_name }</button> }
                </td>
                <td>{ t }</td><td>{ &s.version }</td><td>{ enrolment }</td>
                <td>{ if valid { format!("{}/{}", fmt_num(s.earned), fmt_num(s.max)) } else { String::new() } }</td>
                <td>{ s.grade.as_ref().map(|g| crate::app::components::pick(g, ctx.lang).to_string()).unwrap_or_default() }</td>
                <td class="indicator-cells">{ for indicators }</td>
                <td>{ rule }</td>
            </tr>
        }
    });
    html! {
        <section aria-labelledby="schools-heading">
            <h3 id="schools-heading">{ ctx.t(Msg::CountySchools) }</h3>
            <div class="input-field no-print">
                <label for="county-filter">{ ctx.t(Msg::CountyFilter) }</label>
                <input id="county-filter" type="text" data-testid="county-filter" value={view.filter.clone()} oninput={on_filter} />
            </div>
            <div class="table-scroll"><table class="report-table county-table" data-testid="county-table">
                <thead><tr>
                    { header(SortBy::File, Msg::ColFile) }
                    { header(SortBy::Status, Msg::ColStatus) }
                    { header(SortBy::Name, Msg::SchoolName) }
                    <th scope="col">{ ctx.t(Msg::ColType) }</th>
                    <th scope="col">{ ctx.t(Msg::ChecklistVersion) }</th>
                    <th scope="col">{ ctx.t(Msg::ColEnrolment) }</th>
                    { header(SortBy::Score, Msg::ColScore) }
                    <th scope="col">{ ctx.t(Msg::GradeLabel) }</th>
                    <th scope="col">{ ctx.t(Msg::ResourceChart) }</th>
                    <th scope="col">{ ctx.t(Msg::ColRule) }</th>
                </tr></thead>
                <tbody>{ for body }</tbody>
            </table></div>
        </section>
    }
}
