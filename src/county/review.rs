//! 复核: what county mode offers for choosing where to look. 数据核查 (the batch's flags, a list
//! the officer sorts and exports), 实地核查抽样 (a reproducible draw, findings typed beside
//! each school), the printed 核查单, and a school's evidence opened from its report.

use crate::app::browser::{files, page};
use crate::app::components::pick;
use crate::app::{Ctx, Shared};
use crate::core::aggregate::flags::Flag;
use crate::core::aggregate::visit::{read_draw, DrawProblem, Drawn, VisitPlan};
use crate::core::aggregate::{CountyReport, SchoolRow};
use crate::core::export::Attachment;
use crate::core::format::fmt_num;
use crate::core::text::compare_names;
use crate::i18n::{draw_problem_text, flag_kind_msg, flag_text, say, Msg};
use std::collections::BTreeMap;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct ReviewProps {
    pub report: Shared<CountyReport>,
    /// Schools a draw chooses among (`visit::candidates` of the report).
    pub schools: usize,
    /// The report's flags in the list's first order (`by_school`).
    pub by_school: Shared<Vec<usize>>,
    pub visit: Option<VisitPlan>,
    pub findings: Shared<BTreeMap<String, String>>,
    /// A seed to offer for a new draw (from the clock; the officer may type another).
    pub fresh_seed: u64,
    /// Draw (how many, which seed).
    pub on_draw: Callback<(usize, u64)>,
    pub on_finding: Callback<(String, String)>,
    pub on_open: Callback<String>,
    /// Show the 核查单 for printing.
    pub on_sheets: Callback<()>,
    /// The CSV file's name for the flags.
    pub csv_name: AttrValue,
}

/// Flags listed before 显示全部 (a page a person reads; the CSV has every one).
const FLAGS_SHOWN: usize = 100;

/// How the flags list is sorted.
#[derive(Clone, Copy, PartialEq)]
enum FlagOrder {
    /// By school name.
    School,
    /// By kind, then school.
    Kind,
}

#[component]
pub(super) fn Review(props: &ReviewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by the county page");
    let r = &props.report.0;
    let order = use_state(|| FlagOrder::School);
    let all_flags = use_state(|| false);
    // What is typed in the findings, here while typing (the batch keeps it: `on_finding`).
    let typed = use_state(|| (*props.findings.0).clone());
    let count_text = use_state(|| None::<String>);
    let seed_text = use_state(|| None::<String>);
    // Why the last draw was refused (worded when shown, in the language shown).
    let problem = use_state(|| None::<DrawProblem>);
    let invalid = |count: bool| {
        (*problem).map(|p| (matches!(p, DrawProblem::Count { .. }) == count).to_string())
    };
    let schools = props.schools;
    let count_now = (*count_text).clone().unwrap_or_else(|| {
        props
            .visit
            .as_ref()
            .map_or(5.min(schools), |v| v.count)
            .to_string()
    });
    let seed_now = (*seed_text).clone().unwrap_or_else(|| {
        props
            .visit
            .as_ref()
            .map_or(props.fresh_seed, |v| v.seed)
            .to_string()
    });

    // By kind only when the officer asks (by school comes with the report).
    let by_kind = use_memo((props.report.clone(), *order), |(report, order)| {
        let r = &report.0;
        let mut flags: Vec<usize> = Vec::new();
        if *order == FlagOrder::Kind {
            flags = (0..r.flags.len()).collect();
            flags.sort_by(|&a, &b| {
                (r.flags[a].kind.code().cmp(r.flags[b].kind.code()))
                    .then_with(|| compare_names(flag_school(r, a), flag_school(r, b)))
                    .then(a.cmp(&b))
            });
        }
        flags
    });
    let sorted = match *order {
        FlagOrder::School => &props.by_school.0,
        FlagOrder::Kind => &*by_kind,
    };
    let flags: Vec<&Flag> = sorted.iter().map(|&k| &r.flags[k]).collect();
    let set_order = {
        let order = order.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            order.set(if s.value() == "kind" {
                FlagOrder::Kind
            } else {
                FlagOrder::School
            });
        })
    };
    let csv = {
        let (r, name, lang) = (props.report.0.clone(), props.csv_name.clone(), ctx.lang);
        Callback::from(move |_: MouseEvent| {
            let text = crate::report::county_csv::flags_csv(&r, lang);
            let _ = files::download(&name, &text, "text/csv;charset=utf-8");
        })
    };
    let open = |file: &str| {
        let (on_open, file) = (props.on_open.clone(), file.to_string());
        Callback::from(move |_: MouseEvent| on_open.emit(file.clone()))
    };
    // A province's batch can flag thousands: the first of them here, all of them in the CSV.
    let shown = if *all_flags {
        flags.len()
    } else {
        flags.len().min(FLAGS_SHOWN)
    };
    let show_all = {
        let all_flags = all_flags.clone();
        Callback::from(move |_: MouseEvent| all_flags.set(true))
    };
    let flag_rows = flags[..shown].iter().map(|f| {
        let s = &r.schools[f.row];
        html! {
            <tr data-testid="flag-row">
                <td><button type="button" class="link" onclick={open(&s.file)}>{ school_name(s) }</button></td>
                <td>{ &s.school_year }</td>
                <td>{ ctx.t(flag_kind_msg(&f.kind)) }</td>
                <td>{ flag_text(ctx.lang, f) }</td>
            </tr>
        }
    });

    let on_count = {
        let count_text = count_text.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            count_text.set(Some(i.value()));
        })
    };
    let on_seed = {
        let seed_text = seed_text.clone();
        Callback::from(move |e: InputEvent| {
            let i: HtmlInputElement = e.target_unchecked_into();
            seed_text.set(Some(i.value()));
        })
    };
    let on_draw = {
        let (on_draw, problem) = (props.on_draw.clone(), problem.clone());
        let (count, seed) = (count_now.clone(), seed_now.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match read_draw(&count, &seed, schools) {
                Ok(draw) => {
                    problem.set(None);
                    on_draw.emit(draw);
                }
                Err(p) => problem.set(Some(p)),
            }
        })
    };
    let sampled = use_memo(
        (props.report.clone(), props.visit.clone()),
        |(report, visit)| visit.as_ref().map(|plan| visits_of(&report.0, plan)),
    );
    let drawn = props.visit.as_ref().zip(sampled.as_ref().as_ref());
    let visits = drawn.as_ref().map(|(plan, (visits, changed))| {
        let flagged = visits
            .iter()
            .filter(|v| matches!(v.drawn, Drawn::Flagged { .. }))
            .count();
        let items = visits.iter().enumerate().map(|(k, v)| {
            let s = &r.schools[v.row];
            let id = format!("finding-{k}");
            let on_input = {
                let (on_finding, file, typed) = (props.on_finding.clone(), s.file.clone(), typed.clone());
                Callback::from(move |e: InputEvent| {
                    let t: HtmlTextAreaElement = e.target_unchecked_into();
                    let mut all: BTreeMap<String, String> = (*typed).clone();
                    all.insert(file.clone(), t.value());
                    typed.set(all);
                    on_finding.emit((file.clone(), t.value()));
                })
            };
            html! {
                <li key={s.file.clone()} data-testid="visit-school">
                    <button type="button" class="link" onclick={open(&s.file)}>{ school_name(s) }</button>
                    { " · " }<span class="muted">{ drawn_text(&ctx, v.drawn) }</span>
                    <label for={id.clone()} class="visually-hidden">{ ctx.say(say::FindingFor { school: school_name(s) }) }</label>
                    <textarea id={id.clone()} rows="2" data-testid={id} placeholder={ctx.t(Msg::FindingHint)}
                        value={typed.get(&s.file).cloned().unwrap_or_default()} oninput={on_input} />
                </li>
            }
        });
        let sheets = {
            let on_sheets = props.on_sheets.clone();
            Callback::from(move |_: MouseEvent| on_sheets.emit(()))
        };
        html! {
            <>
                <p data-testid="visit-summary">{ ctx.say(say::VisitSummary {
                    seed: &plan.seed.to_string(),
                    schools: &plan.schools.to_string(),
                    count: &visits.len().to_string(),
                    flagged: &flagged.to_string(),
                    random: &(visits.len() - flagged).to_string(),
                }) }</p>
                if *changed {
                    <p class="warning" data-testid="visit-changed">{ ctx.t(Msg::VisitChanged) }</p>
                }
                <ol class="visits">{ for items }</ol>
                <button type="button" data-testid="visit-print" onclick={sheets}>{ ctx.t(Msg::VisitPrint) }</button>
            </>
        }
    });

    html! {
        <>
            <section class="card no-print" data-testid="county-flags" aria-labelledby="flags-heading">
                <h3 id="flags-heading">{ ctx.say(say::FlagsHeading { flags: &r.flags.len().to_string() }) }</h3>
                <p class="muted">{ ctx.t(Msg::FlagsIntro) }</p>
                if r.flags.is_empty() {
                    <p data-testid="flags-none">{ ctx.t(Msg::FlagsNone) }</p>
                } else {
                    <div class="page-actions">
                        <label for="flags-sort">{ ctx.t(Msg::FlagsSort) }</label>
                        <select id="flags-sort" data-testid="flags-sort" onchange={set_order}>
                            <option value="school" selected={*order == FlagOrder::School}>{ ctx.t(Msg::FlagsBySchool) }</option>
                            <option value="kind" selected={*order == FlagOrder::Kind}>{ ctx.t(Msg::FlagsByKind) }</option>
                        </select>
                        <button type="button" data-testid="csv-flags" onclick={csv}>{ ctx.t(Msg::FlagsCsv) }</button>
                    </div>
                    <div class="table-wrap"><table class="flags">
                        <thead><tr>
                            <th scope="col">{ ctx.t(Msg::SchoolName) }</th>
                            <th scope="col">{ ctx.t(Msg::SchoolYear) }</th>
                            <th scope="col">{ ctx.t(Msg::CsvFlagKind) }</th>
                            <th scope="col">{ ctx.t(Msg::CsvFlagReason) }</th>
                        </tr></thead>
                        <tbody>{ for flag_rows }</tbody>
                    </table></div>
                    if shown < flags.len() {
                        <p class="muted" data-testid="flags-more">
                            { ctx.say(say::FlagsShown { shown: &shown.to_string(), flags: &flags.len().to_string() }) }{ " " }
                            <button type="button" class="small" data-testid="flags-all" onclick={show_all}>{ ctx.t(Msg::FlagsShowAll) }</button>
                        </p>
                    }
                }
            </section>
            <section class="card no-print" data-testid="county-visits" aria-labelledby="visits-heading">
                <h3 id="visits-heading">{ ctx.t(Msg::VisitHeading) }</h3>
                <p class="muted">{ ctx.t(Msg::VisitIntro) }</p>
                <form class="visit-form" onsubmit={on_draw}>
                    <label for="visit-count">{ ctx.t(Msg::VisitCount) }</label>
                    <input id="visit-count" data-testid="visit-count" inputmode="numeric" value={count_now} oninput={on_count}
                        aria-invalid={invalid(true)} aria-describedby="visit-problem" />
                    <label for="visit-seed">{ ctx.t(Msg::VisitSeed) }</label>
                    <input id="visit-seed" data-testid="visit-seed" inputmode="numeric" value={seed_now} oninput={on_seed}
                        aria-invalid={invalid(false)} aria-describedby="visit-problem" />
                    <button type="submit" data-testid="visit-draw">{ ctx.t(Msg::VisitDraw) }</button>
                </form>
                <p id="visit-problem" class="error" role="alert" data-testid="visit-problem" hidden={problem.is_none()}>{ (*problem).map(|p| draw_problem_text(ctx.lang, p)).unwrap_or_default() }</p>
                { visits.unwrap_or_default() }
            </section>
        </>
    }
}

/// The report's flags (by their place) in the order the list first shows them: by school,
/// numbers in names as numbers (第2 before 第10, as the school table sorts). Worked out
/// beside the report, not while the page draws it (a province's batch has a flag for most of
/// its 10,000 schools).
pub(super) fn by_school(r: &CountyReport) -> Vec<usize> {
    let mut flags: Vec<usize> = (0..r.flags.len()).collect();
    flags.sort_by(|&a, &b| compare_names(flag_school(r, a), flag_school(r, b)).then(a.cmp(&b)));
    flags
}

/// The school a flag is about, by name.
fn flag_school(r: &CountyReport, flag: usize) -> &str {
    school_name(&r.schools[r.flags[flag].row])
}

fn school_name(s: &SchoolRow) -> &str {
    if s.school_name.trim().is_empty() {
        &s.file
    } else {
        &s.school_name
    }
}

/// A school of the sample (its row now), and how it was drawn.
struct Sampled {
    row: usize,
    drawn: Drawn,
}

/// The schools of a draw as it was made (its files, each as it was drawn), and whether drawing
/// again with its seed now gives others (files added or taken away since).
fn visits_of(r: &CountyReport, plan: &VisitPlan) -> (Vec<Sampled>, bool) {
    let visits = plan
        .files
        .iter()
        .filter_map(|(f, drawn)| {
            let row = r.schools.iter().position(|s| &s.file == f)?;
            Some(Sampled { row, drawn: *drawn })
        })
        .collect();
    (visits, plan.changed(r))
}

fn drawn_text(ctx: &Ctx, drawn: Drawn) -> String {
    match drawn {
        Drawn::Flagged { flags } => ctx.say(say::DrawnFlagged {
            flags: &flags.to_string(),
        }),
        Drawn::Random => ctx.t(Msg::DrawnRandom).to_string(),
    }
}

/// The 核查单 of every school drawn, one to a printed page: the school, what to check (its
/// flags, its evidence, the red lines), space for what was found, and the seed that drew it.
pub(super) fn sheets(
    ctx: &Ctx,
    r: &CountyReport,
    plan: &VisitPlan,
    findings: &BTreeMap<String, String>,
    date: &str,
) -> Html {
    let (visits, _) = visits_of(r, plan);
    let total = visits.len();
    let sheet = visits.iter().enumerate().map(|(k, v)| {
        let s = &r.schools[v.row];
        let flags = r
            .flags_of(v.row)
            .iter()
            .map(|f| html! { <li>{ flag_text(ctx.lang, f) }</li> });
        let packed = s.evidence_files.unwrap_or(0) > 0;
        let evidence = s.attachments.iter().map(|(item, name)| {
            html! {
                <li>{ format!("{item} · {name} · ") }{ ctx.t(if packed { Msg::EvidenceInPackage } else { Msg::EvidenceNamedOnly }) }</li>
            }
        });
        let grade = s
            .grade
            .as_ref()
            .map(|g| pick(g, ctx.lang).to_string())
            .unwrap_or_default();
        html! {
            <article class="sheet" data-testid="sheet">
                <h2>{ ctx.t(Msg::SheetTitle) }</h2>
                <p class="meta">{ ctx.say(say::SheetOf { n: &(k + 1).to_string(), total: &total.to_string(), seed: &plan.seed.to_string(), date }) }</p>
                <dl class="sheet-facts">
                    <dt>{ ctx.t(Msg::SchoolName) }</dt><dd>{ &s.school_name }</dd>
                    <dt>{ ctx.t(Msg::County) }</dt><dd>{ &s.county }</dd>
                    <dt>{ ctx.t(Msg::SchoolCode) }</dt><dd>{ &s.school_code }</dd>
                    <dt>{ ctx.t(Msg::SchoolYear) }</dt><dd>{ &s.school_year }</dd>
                    <dt>{ ctx.t(Msg::ColFile) }</dt><dd>{ &s.file }</dd>
                    <dt>{ ctx.t(Msg::SheetScore) }</dt><dd>{ format!("{} / {} {grade}", fmt_num(s.earned), fmt_num(s.max)) }</dd>
                    <dt>{ ctx.t(Msg::SheetDrawn) }</dt><dd>{ drawn_text(ctx, v.drawn) }</dd>
                </dl>
                <h3>{ ctx.t(Msg::SheetToCheck) }</h3>
                <ul>
                    { for flags }
                    <li>{ ctx.t(Msg::SheetRedLines) }</li>
                </ul>
                <h3>{ ctx.t(Msg::SheetEvidence) }</h3>
                if s.attachments.is_empty() {
                    <p>{ ctx.t(Msg::SheetNoEvidence) }</p>
                } else {
                    <ul>{ for evidence }</ul>
                }
                <h3>{ ctx.t(Msg::SheetFindings) }</h3>
                <div class="sheet-findings">{ findings.get(&s.file).cloned().unwrap_or_default() }</div>
                <p class="sheet-sign">{ ctx.t(Msg::SheetSign) }</p>
            </article>
        }
    });
    html! { <div class="sheets">{ for sheet }</div> }
}

/// A school's evidence files, each opened from its 报送包 (images and PDFs in a new tab, other
/// kinds downloaded); files named without their bytes are listed as such.
pub(super) fn evidence(
    ctx: &Ctx,
    attachments: &[Attachment],
    package: Option<Rc<Vec<u8>>>,
) -> Html {
    if attachments.is_empty() {
        return html! {};
    }
    let items = attachments.iter().enumerate().map(|(k, a)| {
        let open = package.clone().map(|bytes| {
            let a = a.clone();
            Callback::from(move |_: MouseEvent| {
                if let Some(data) = crate::core::package::evidence_of(&bytes, &a) {
                    // Shown only as what its bytes are (the type a school wrote could be a web
                    // page running in county mode's origin); anything else is downloaded.
                    let _ = match crate::core::package::viewable_type(&data) {
                        Some(kind) => files::show_bytes(&data, kind),
                        None => files::download_bytes(&a.name, &data, "application/octet-stream"),
                    };
                }
            })
        });
        html! {
            <li data-testid="evidence-file">
                { format!("{} · {} ({} KB)", a.item, a.name, a.size.div_ceil(1024)) }{ " " }
                if let Some(open) = open {
                    <button type="button" class="small" data-testid={format!("evidence-open-{k}")} onclick={open}>{ ctx.t(Msg::EvidenceOpen) }</button>
                } else {
                    <span class="muted">{ ctx.t(Msg::EvidenceNamedOnly) }</span>
                }
            </li>
        }
    });
    html! {
        <section class="card no-print" data-testid="county-evidence" aria-labelledby="evidence-heading">
            <h3 id="evidence-heading">{ ctx.t(Msg::EvidenceHeading) }</h3>
            <ul>{ for items }</ul>
        </section>
    }
}

/// What was found on site at this school, typed beside its report.
pub(super) fn finding(
    ctx: &Ctx,
    file: &str,
    text: &str,
    on_finding: &Callback<(String, String)>,
) -> Html {
    let on_input = {
        let (on_finding, file) = (on_finding.clone(), file.to_string());
        Callback::from(move |e: InputEvent| {
            let t: HtmlTextAreaElement = e.target_unchecked_into();
            on_finding.emit((file.clone(), t.value()));
        })
    };
    html! {
        <section class="card no-print" data-testid="county-finding">
            <label for="report-finding" class="meta">{ ctx.t(Msg::SheetFindings) }</label>
            <textarea id="report-finding" data-testid="report-finding" rows="3" placeholder={ctx.t(Msg::FindingHint)}
                value={text.to_string()} oninput={on_input} />
        </section>
    }
}

/// The print button of the 核查单 view.
pub(super) fn print_button(ctx: &Ctx) -> Html {
    html! {
        <button type="button" class="primary" data-testid="sheets-print" onclick={Callback::from(|_: MouseEvent| page::print())}>{ ctx.t(Msg::VisitPrintNow) }</button>
    }
}
