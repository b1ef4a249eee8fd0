//! County mode's school table: filtered and sorted by the state's `TableView`, a page at a
//! time (a province has thousands of schools), a school's report one click away. A page is
//! drawn a few dozen rows at a time, so no single task keeps the page from answering.

use crate::app::components::{outcome_class, pick};
use crate::app::{Ctx, Shared};
use crate::core::aggregate::{CountyReport, FileStatus, FollowUp, SchoolRow, Severity};
use crate::core::format;
use crate::core::format::fmt_num;
use crate::core::history::Change;
use crate::core::school_year::year_before;
use crate::i18n::row_status_line;
use crate::i18n::{change_msg, follow_up_text, say, Msg};
use crate::state::county::{SortBy, TableView};
use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

fn status_class(s: &FileStatus) -> &'static str {
    match s.severity() {
        Severity::Fine => "ok",
        Severity::Note => "near",
        Severity::Act => "bad",
    }
}

/// Rows on one page of the table: a county's schools fit on one (and print whole).
pub(super) const PAGE_ROWS: usize = 200;

/// Rows drawn per task while a page fills.
const ROWS_PER_TASK: usize = 40;

#[derive(Properties, PartialEq)]
pub(super) struct SchoolsTableProps {
    pub report: Shared<CountyReport>,
    /// The officer opens a school's report (by its file).
    pub on_open: Callback<String>,
    /// The officer picks the file that counts for its school.
    pub on_pick: Callback<String>,
    /// 取消选定 on a file the officer chose.
    pub on_unpick: Callback<String>,
    /// The county's settings, when it has a roster: files not in it can be assigned to one of
    /// its schools, or their school added to it.
    pub roster: Option<Shared<crate::core::aggregate::CountySettings>>,
    /// (file, roster code): the file counts for that roster school.
    pub on_assign: Callback<(String, String)>,
    pub on_add_to_roster: Callback<crate::core::aggregate::RosterSchool>,
    /// The filter and order, and the page shown: the county page's, so they outlive the table
    /// (it is not drawn while more files are read).
    pub view: UseStateHandle<TableView>,
    pub page: UseStateHandle<usize>,
}

#[component]
pub(super) fn SchoolsTable(props: &SchoolsTableProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    let (view, page) = (props.view.clone(), props.page.clone());
    let limit = use_state(|| ROWS_PER_TASK);
    let r = &*props.report;
    // Filtered and sorted once per report, view and language, not on each 40-row task.
    let all = {
        let (report, view, lang) = (props.report.clone(), (*view).clone(), ctx.lang);
        use_memo((report, view, lang), |(report, view, lang)| {
            view.rows(report, *lang)
        })
    };
    let pages = all.len().div_ceil(PAGE_ROWS).max(1);
    let current_page = (*page).min(pages - 1);
    let on_page = all
        .len()
        .saturating_sub(current_page * PAGE_ROWS)
        .min(PAGE_ROWS);
    // A new report, view or page starts with its first rows; the rest follow task by task.
    {
        let limit = limit.clone();
        use_effect_with(
            (props.report.clone(), (*view).clone(), current_page),
            move |_| limit.set(ROWS_PER_TASK),
        );
    }
    {
        let limit = limit.clone();
        use_effect_with((*limit, on_page), move |&(shown, on_page)| {
            let next = (shown < on_page)
                .then(|| Timeout::new(0, move || limit.set(shown + ROWS_PER_TASK)));
            move || drop(next)
        });
    }
    let rows: Vec<(usize, &SchoolRow)> = all
        .iter()
        .skip(current_page * PAGE_ROWS)
        .take(PAGE_ROWS.min(*limit))
        .map(|&n| (n, &r.schools[n]))
        .collect();
    let (viewing, choose_file) = (&props.on_open, &props.on_pick);
    let ctx = &ctx;
    let header = |key: SortBy, msg: Msg| {
        let (view, page) = (view.clone(), page.clone());
        let current = view.sort == key;
        let asc = view.ascending;
        let onclick = Callback::from(move |_: MouseEvent| {
            view.set(view.sort_by(key));
            page.set(0);
        });
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
        let (view, page) = (view.clone(), page.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            view.set(TableView {
                filter: input.value(),
                ..(*view).clone()
            });
            page.set(0);
        })
    };
    let go = |to: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    let view = &view;
    // The 与上年比较 column, when the batch holds two years or a file reports on last year.
    let two_years = r
        .schools
        .iter()
        .any(|s| s.last_year.is_some() || s.follow_up != FollowUp::NotDue);
    let body = rows.iter().map(|&(n, s)| {
        let open = {
            let (viewing, file) = (viewing.clone(), s.file.clone());
            Callback::from(move |_: MouseEvent| viewing.emit(file.clone()))
        };
        let valid = !matches!(s.status, FileStatus::Invalid { .. });
        let can_pick = s.status.can_pick();
        let choose = {
            let (choose_file, file) = (choose_file.clone(), s.file.clone());
            Callback::from(move |_: MouseEvent| choose_file.emit(file.clone()))
        };
        let unpick = {
            let (unpick, file) = (props.on_unpick.clone(), s.file.clone());
            Callback::from(move |_: MouseEvent| unpick.emit(file.clone()))
        };
        let t = s.school_type.map_or("", |t| crate::i18n::school_type_name(ctx.lang, t));
        let enrolment = s.enrolment.iter().map(|(_, e)| e.map(|n| format::fixed(n, 0)).unwrap_or_default()).collect::<Vec<_>>().join(" + ");
        // A 九年一贯制 school's two parts each named (its cells read R1 R1 R2 R2 … before).
        let parted = s.rule.len() > 1;
        let part_of = |part| if parted { crate::i18n::part_name(ctx.lang, part) } else { None };
        let rule = s.rule.iter().map(|(part, h)| {
            let holds = ctx.t(match h { Some(true) => Msg::GroupHolds, Some(false) => Msg::GroupFails, None => Msg::GroupPending });
            let text = match part_of(*part) { Some(p) => format!("{p}{}{holds}", ctx.lang.colon()), None => holds.to_string() };
            html! { <span class="rule-part">{ text }</span> }
        }).collect::<Html>();
        let mut parts: Vec<(Option<&str>, Vec<&crate::core::aggregate::IndicatorCell>)> = Vec::new();
        for c in &s.indicators {
            match parts.iter_mut().find(|(p, _)| *p == part_of(c.part)) {
                Some((_, cells)) => cells.push(c),
                None => parts.push((part_of(c.part), vec![c])),
            }
        }
        let indicators = parts.into_iter().map(|(part, cells)| html! {
            <span class="cells-part">
                if let Some(p) = part { <span class="cells-part-name">{ p }</span> }
                // What the colour says and the title shows, in words for a screen reader too.
                { for cells.into_iter().map(|c| {
                    let value = c.value.map(|v| format::fixed(v, 2)).unwrap_or_default();
                    html! {
                        <span class={classes!("badge", outcome_class(c.outcome))}
                            title={format!("{}{} {value}", c.item, crate::i18n::part_suffix(ctx.lang, c.part))}>
                            { &c.item }
                            <span class="visually-hidden" data-testid="cell-words">{ format!(" {} {value}", crate::i18n::outcome_words(ctx.lang, c.outcome, None)) }</span>
                        </span>
                    }
                }) }
            </span>
        });
        let roster_note = s.roster.as_ref().map(|m| roster_note(ctx, m));
        let outside = props.roster.is_some()
            && matches!(s.status, FileStatus::NotInRoster | FileStatus::Unidentified);
        html! {
            <tr key={s.file.clone()} data-testid="county-row"
                class={classes!(matches!(s.status, FileStatus::OtherCounty).then_some("other-county"))}>
                <td class="file-name">{ &s.file }</td>
                <td class={status_class(&s.status)} data-testid="row-status" id={status_dom_id(&s.file)} tabindex="-1">
                    { row_status_line(ctx.lang, s) }
                    if can_pick {
                        <button type="button" class="small no-print" data-testid={format!("pick-{}", s.file)} onclick={choose}>{ ctx.t(Msg::CountyPickThis) }</button>
                    }
                    if s.picked {
                        <button type="button" class="small no-print" data-testid={format!("unpick-{}", s.file)} onclick={unpick}>{ ctx.t(Msg::CountyUnpick) }</button>
                    }
                    if let Some(note) = roster_note { <p class="near" data-testid="row-roster">{ note }</p> }
                    if outside { { assign_controls(ctx, s, &props.on_assign, &props.on_add_to_roster) } }
                </td>
                <td>
                    if valid { <button type="button" class="link" data-testid="open-school" onclick={open}>{ &s.school_name }</button> }
                </td>
                <td class="nowrap">{ t }</td><td>{ &s.version }</td><td class="nowrap">{ &s.school_year }</td><td>{ enrolment }</td>
                <td class="nowrap">{ if valid { format!("{}/{}", fmt_num(s.earned), fmt_num(s.max)) } else { String::new() } }</td>
                <td>{ s.grade.as_ref().map(|g| pick(g, ctx.lang).to_string()).unwrap_or_default() }</td>
                <td class="indicator-cells">{ for indicators }</td>
                <td>{ rule }</td>
                if two_years { <td data-testid="row-change">{ against_last_year(ctx, r, n) }</td> }
            </tr>
        }
    });
    let roster_codes = props.roster.as_ref().map(|s| {
        html! {
            <datalist id="roster-codes">
                { for s.0.roster.iter().map(|r| html! { <option value={r.code.clone()}>{ format!("{} {}", r.code, r.name) }</option> }) }
            </datalist>
        }
    });
    html! {
        <section aria-labelledby="schools-heading">
            { for roster_codes }
            <h3 id="schools-heading">{ ctx.t(Msg::CountySchools) }</h3>
            <div class="input-field no-print">
                <label for="county-filter">{ ctx.t(Msg::CountyFilter) }</label>
                <input id="county-filter" type="text" data-testid="county-filter" value={view.filter.clone()} oninput={on_filter}
                    aria-describedby="county-filter-count" />
                // How many the filter leaves, said as it changes (always there, so a screen
                // reader hears the change).
                <p class="muted" id="county-filter-count" role="status" data-testid="county-filter-count">
                    if !view.filter.trim().is_empty() {
                        { ctx.say(say::CountyFilterCount { shown: &all.len().to_string(), files: &r.schools.len().to_string() }) }
                    }
                </p>
            </div>
            <div class="table-scroll"><table class={classes!("report-table", "county-table", two_years.then_some("with-change"))} data-testid="county-table">
                <thead><tr>
                    { header(SortBy::File, Msg::ColFile) }
                    { header(SortBy::Status, Msg::ColStatus) }
                    { header(SortBy::Name, Msg::SchoolName) }
                    <th scope="col">{ ctx.t(Msg::ColType) }</th>
                    <th scope="col">{ ctx.t(Msg::ColVersion) }</th>
                    <th scope="col">{ ctx.t(Msg::SchoolYear) }</th>
                    <th scope="col">{ ctx.t(Msg::ColEnrolment) }</th>
                    { header(SortBy::Score, Msg::ColScore) }
                    <th scope="col">{ ctx.t(Msg::GradeLabel) }</th>
                    <th scope="col">{ ctx.t(Msg::ResourceChart) }</th>
                    <th scope="col">{ ctx.t(Msg::ColRule) }</th>
                    if two_years { <th scope="col">{ ctx.t(Msg::ColScoreChange) }</th> }
                </tr></thead>
                <tbody>{ for body }</tbody>
            </table></div>
            <nav class="pager no-print" aria-label={ctx.t(Msg::CountySchools)} hidden={pages == 1}>
                <button type="button" data-testid="page-prev" disabled={current_page == 0} onclick={go(current_page.saturating_sub(1))}>{ ctx.t(Msg::PrevPage) }</button>
                <span data-testid="page-of">{ ctx.say(say::PageOf { page: &(current_page + 1).to_string(), pages: &pages.to_string() }) }</span>
                <button type="button" data-testid="page-next" disabled={current_page + 1 >= pages} onclick={go(current_page + 1)}>{ ctx.t(Msg::NextPage) }</button>
            </nav>
        </section>
    }
}

/// What differs between a file and its roster school (校名, 类型, assigned by the county).
fn roster_note(ctx: &Ctx, m: &crate::core::aggregate::RosterMatch) -> String {
    let mut notes: Vec<String> = Vec::new();
    if m.name_differs {
        notes.push(ctx.say(say::RosterNameIs { name: &m.name }));
    }
    if let Some(t) = m.type_differs {
        notes.push(ctx.say(say::RosterTypeDiffers {
            roster: crate::i18n::school_type_name(ctx.lang, t),
        }));
    }
    if m.assigned {
        notes.push(ctx.t(Msg::RosterAssigned).to_string());
    }
    notes.join(ctx.t(Msg::ListSeparator))
}

/// For a file not in the roster: a roster code to count it for, or its school into the roster.
fn assign_controls(
    ctx: &Ctx,
    s: &SchoolRow,
    on_assign: &Callback<(String, String)>,
    on_add: &Callback<crate::core::aggregate::RosterSchool>,
) -> Html {
    let input_id = format!("assign-{}", s.file);
    let assign = {
        let (on_assign, file, input_id) = (on_assign.clone(), s.file.clone(), input_id.clone());
        Callback::from(move |_: MouseEvent| {
            let code = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&input_id))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(e).ok())
                .map(|i| i.value())
                .unwrap_or_default();
            if !code.trim().is_empty() {
                on_assign.emit((file.clone(), code.trim().to_string()));
            }
        })
    };
    let addable = crate::state::county_settings::addable(s).map(|(code, name, school_type)| {
        let on_add = on_add.clone();
        let add = Callback::from(move |_: MouseEvent| {
            on_add.emit(crate::core::aggregate::RosterSchool {
                code: code.clone(),
                name: name.clone(),
                school_type,
                township: String::new(),
                students: None,
            })
        });
        html! { <button type="button" class="small" data-testid={format!("add-to-roster-{}", s.file)} onclick={add}>{ ctx.t(Msg::AddToRoster) }</button> }
    });
    html! {
        <div class="assign no-print">
            <label for={input_id.clone()}>{ ctx.t(Msg::AssignTo) }</label>
            <input id={input_id.clone()} type="text" list="roster-codes" data-testid={format!("assign-code-{}", s.file)} />
            <button type="button" class="small" data-testid={format!("assign-{}", s.file)} onclick={assign}>{ ctx.t(Msg::AssignButton) }</button>
            { for addable }
        </div>
    }
}

/// A row against its school's row of the year before: the score and grade then and now, the
/// resource indicators that moved, and what the file says of last year's 整改 rows.
fn against_last_year(ctx: &Ctx, r: &CountyReport, n: usize) -> Html {
    let s = &r.schools[n];
    let follow_up = (s.follow_up != FollowUp::NotDue).then(|| {
        let class = if s.follow_up.wanting() { "near" } else { "muted" };
        html! { <p class={class} data-testid="row-follow-up">{ follow_up_text(ctx.lang, &s.follow_up) }</p> }
    });
    let Some(change) = r.change_of(n) else {
        // Said only where the batch has other schools' files of the year before.
        let batch_has_year_before =
            year_before(&s.school_year).is_some_and(|y| r.school_years().contains(&y.as_str()));
        let none = (s.status.counted() && batch_has_year_before)
            .then(|| html! { <p class="muted">{ ctx.t(Msg::NoLastYearFile) }</p> });
        return html! { <>{ for none }{ for follow_up }</> };
    };
    let last = &r.schools[change.last];
    let signed = |v: f64| {
        let text = crate::core::format::fixed(v, 2);
        if v > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    };
    let grade = |row: &SchoolRow| {
        row.grade
            .as_ref()
            .map(|g| pick(g, ctx.lang).to_string())
            .unwrap_or_else(|| "—".into())
    };
    let moved = change.indicators.iter().filter(|i| i.change != Change::Same).map(|i| {
        let class = match i.change {
            Change::Improved | Change::Resolved => "ok",
            Change::Worse | Change::NewlyShort => "bad",
            _ => "missing",
        };
        let values = |v: Option<f64>| v.map(|v| format::fixed(v, 2)).unwrap_or_else(|| "—".into());
        html! {
            <span class={classes!("badge", class)} title={format!("{} → {}", values(i.last), values(i.this))}>
                { ctx.say(say::IndicatorChanged { item: &format!("{}{}", i.item, crate::i18n::part_suffix(ctx.lang, i.part)), change: ctx.t(change_msg(i.change)) }) }
                <span class="visually-hidden">{ ctx.say(say::ChangeValues { last: &values(i.last), this: &values(i.this) }) }</span>
            </span>
        }
    });
    let score_class = match change.total {
        Change::Improved => "ok",
        Change::Worse => "bad",
        _ => "",
    };
    html! {
        <>
            <p class={score_class} data-testid="row-score-change">{ ctx.say(say::ScoreChange {
                last: &fmt_num(last.earned),
                this: &fmt_num(s.earned),
                points: &signed(change.points),
            }) }</p>
            if change.grade_changed {
                <p>{ ctx.say(say::GradeChange { last: &grade(last), this: &grade(s) }) }</p>
            }
            <p class="indicator-cells">{ for moved }</p>
            { for follow_up }
        </>
    }
}

/// The id of a file's status cell (the focus after 计入此文件): its name, `%` and white space
/// written as `%XX` so two names never share an id (an id has no spaces).
pub(crate) fn status_dom_id(file: &str) -> String {
    let mut id = String::from("status-");
    for c in file.chars() {
        if c == '%' || c.is_whitespace() {
            id.push_str(&format!("%{:X}", c as u32));
        } else {
            id.push(c);
        }
    }
    id
}
