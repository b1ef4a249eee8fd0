//! County mode's school table: filtered and sorted by the state's `TableView`, a page at a
//! time (a province has thousands of schools), a school's report one click away. A page is
//! drawn a few dozen rows at a time, so no single task keeps the page from answering.

use crate::app::components::{outcome_class, pick};
use crate::app::{Ctx, Shared};
use crate::core::aggregate::{CountyReport, FileStatus, SchoolRow, Severity};
use crate::core::format;
use crate::core::rules::fmt_num;
use crate::i18n::{Msg, Say};
use crate::state::county::{status_line, SortBy, TableView};
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
}

#[component]
pub(super) fn SchoolsTable(props: &SchoolsTableProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    let view = use_state(TableView::default);
    let page = use_state(|| 0usize);
    let limit = use_state(|| ROWS_PER_TASK);
    let r = &*props.report;
    let all = view.rows(r, ctx.lang);
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
    let rows: Vec<&SchoolRow> = all
        .iter()
        .skip(current_page * PAGE_ROWS)
        .take(PAGE_ROWS.min(*limit))
        .map(|&n| &r.schools[n])
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
    let body = rows.iter().map(|s| {
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
        let t = s.school_type.map_or("", |t| crate::i18n::school_type_name(ctx.lang, t));
        let enrolment = s.enrolment.iter().map(|(_, e)| e.map(|n| format::fixed(n, 0)).unwrap_or_default()).collect::<Vec<_>>().join(" + ");
        let rule = s.rule.iter().map(|(_, h)| ctx.t(match h { Some(true) => Msg::GroupHolds, Some(false) => Msg::GroupFails, None => Msg::GroupPending })).collect::<Vec<_>>().join(" / ");
        let indicators = s.indicators.iter().map(|c| html! {
            <span class={classes!("badge", outcome_class(c.outcome))} title={format!("{} {}", c.item, c.value.map(|v| format::fixed(v, 2)).unwrap_or_default())}>{ &c.item }</span>
        });
        html! {
            <tr key={s.file.clone()} data-testid="county-row">
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
                <td>{ s.grade.as_ref().map(|g| pick(g, ctx.lang).to_string()).unwrap_or_default() }</td>
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
            <nav class="pager no-print" aria-label={ctx.t(Msg::CountySchools)} hidden={pages == 1}>
                <button type="button" data-testid="page-prev" disabled={current_page == 0} onclick={go(current_page.saturating_sub(1))}>{ ctx.t(Msg::PrevPage) }</button>
                <span data-testid="page-of">{ ctx.say(Say::PageOf { page: &(current_page + 1).to_string(), pages: &pages.to_string() }) }</span>
                <button type="button" data-testid="page-next" disabled={current_page + 1 >= pages} onclick={go(current_page + 1)}>{ ctx.t(Msg::NextPage) }</button>
            </nav>
        </section>
    }
}
