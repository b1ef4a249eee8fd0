//! 县级设置 on county mode's page: the county's name and school years, the checklists it
//! accepts, its roster (a spreadsheet read back, or schools typed one by one). Saved in this
//! browser and as a file the command line reads (`ziping --county-settings`). The form's
//! decisions are `state::county_settings`; this renders it and reads files.

use crate::app::browser::files;
use crate::app::components::pick;
use crate::app::{Ctx, Shared};
use crate::core::aggregate::CountySettings;
use crate::core::checklist::Checklist;
use crate::core::model::SchoolType;
use crate::core::roster_csv;
use crate::i18n::{roster_issue, roster_problem, say, settings_problem, Msg};
use crate::state::county_settings::{NewSchoolField, SettingsEdit, SettingsForm};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The most roster rows drawn (a county has a few hundred schools; the rest are counted).
const ROSTER_ROWS_SHOWN: usize = 500;

#[derive(Properties, PartialEq)]
pub(super) struct SettingsPanelProps {
    /// Every checklist this page reads, and whether it is built in.
    pub known: Shared<Vec<(Checklist, bool)>>,
    pub settings: Option<Shared<CountySettings>>,
    /// The officer saved settings (`None`: stop using them).
    pub on_save: Callback<Option<CountySettings>>,
    /// A settings file the officer picked: its text.
    pub on_import: Callback<String>,
    /// Why the last settings file was refused.
    pub import_problem: Option<AttrValue>,
}

fn type_value(t: Option<SchoolType>) -> &'static str {
    t.map_or("", SchoolType::code)
}

#[component]
pub(super) fn SettingsPanel(props: &SettingsPanelProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    let form = use_state(|| SettingsForm::of(props.settings.as_ref().map(|s| &*s.0)));
    let problems = use_state(Vec::new);
    // The last roster table: read (its name), or not read (why).
    // The roster table read (its name), or why not (the file, and its size when too large;
    // `None`: not text): worded when shown.
    let table_notice = use_state(|| None::<Result<String, (String, Option<u64>)>>);
    let saved = use_state(|| false);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    // Open while the county has no settings; folded once they are loaded, and as the officer
    // leaves it (it stays open after a save here, to show that it was saved).
    let expanded = use_state(|| props.settings.is_none());
    let saving_here = use_mut_ref(|| false);
    // Settings from elsewhere (loaded at start, imported, a roster school added from the
    // table) replace the form.
    {
        let (form, problems, expanded, saving_here) = (
            form.clone(),
            problems.clone(),
            expanded.clone(),
            saving_here.clone(),
        );
        use_effect_with(props.settings.clone(), move |s| {
            form.set(SettingsForm::of(s.as_ref().map(|s| &*s.0)));
            problems.set(Vec::new());
            if !std::mem::take(&mut *saving_here.borrow_mut()) {
                expanded.set(s.is_none());
            }
        });
    }
    // Changes not saved (a roster typed in was lost on a reload without a word): said beside
    // 保存设置, and the browser asks before the page goes.
    let unsaved = form.unsaved(props.settings.as_ref().map(|s| &*s.0));
    use_effect_with(unsaved, |&unsaved| {
        let asking = unsaved.then(crate::app::browser::page::ask_before_leaving);
        move || drop(asking)
    });
    let ontoggle = {
        let expanded = expanded.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            let open = details.has_attribute("open");
            if open != *expanded {
                expanded.set(open);
            }
        })
    };
    let edit = {
        let (form, saved) = (form.clone(), saved.clone());
        Rc::new(move |e: SettingsEdit| {
            let mut next = (*form).clone();
            next.edit(e);
            form.set(next);
            saved.set(false);
        })
    };
    let text_input = |make: fn(String) -> SettingsEdit| {
        let edit = edit.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            edit(make(input.value()));
        })
    };
    let lang = ctx.lang;
    let f = &*form;
    let known_list: Vec<Checklist> = props.known.0.iter().map(|(c, _)| c.clone()).collect();
    let save = {
        let (form, problems, saved, on_save, known, saving_here) = (
            form.clone(),
            problems.clone(),
            saved.clone(),
            props.on_save.clone(),
            known_list.clone(),
            saving_here.clone(),
        );
        let table_notice = table_notice.clone();
        Callback::from(move |_: MouseEvent| match form.check(&known) {
            Ok(s) => {
                problems.set(Vec::new());
                table_notice.set(None);
                saved.set(true);
                *saving_here.borrow_mut() = true;
                on_save.emit(Some(s));
            }
            Err(p) => {
                problems.set(p);
                saved.set(false);
                crate::app::browser::page::focus("settings-problems");
            }
        })
    };
    let stop = {
        let on_save = props.on_save.clone();
        Callback::from(move |_: MouseEvent| {
            if crate::app::browser::page::confirm(Msg::SettingsStopConfirm.text(lang)) {
                on_save.emit(None)
            }
        })
    };
    let export = {
        let settings = props.settings.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = &settings {
                let name = crate::core::filename::join_parts(
                    &[&s.0.county, Msg::SettingsFileName.text(lang)],
                    "ziping",
                    "json",
                );
                let _ = files::download(&name, &s.0.to_json(), "application/json");
            }
        })
    };
    let template = {
        let roster = f.roster.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.csv", Msg::RosterFileName.text(lang));
            let _ = files::download(
                &name,
                &roster_csv::to_csv(&roster),
                "text/csv;charset=utf-8",
            );
        })
    };
    let read_table = {
        let (edit, reader, notice) = (edit.clone(), reader.clone(), table_notice.clone());
        Callback::from(move |e: Event| {
            let (edit, notice, notice2) = (edit.clone(), notice.clone(), notice.clone());
            *reader.borrow_mut() = files::read_picked(
                &e,
                crate::core::aggregate::settings::MAX_SETTINGS_BYTES as u64,
                move |name, size| notice2.set(Some(Err((name, Some(size))))),
                move |name, bytes| match files::text_of(&bytes) {
                    Some(text) => {
                        notice.set(Some(Ok(name)));
                        edit(SettingsEdit::RosterTable(text));
                    }
                    None => notice.set(Some(Err((name, None)))),
                },
            );
        })
    };
    let import = {
        let (reader, on_import): (Rc<RefCell<_>>, _) = (reader.clone(), props.on_import.clone());
        Callback::from(move |e: Event| {
            let on_import = on_import.clone();
            *reader.borrow_mut() = files::read_picked(
                &e,
                crate::core::aggregate::settings::MAX_SETTINGS_BYTES as u64,
                |_, _| {},
                move |_, bytes| on_import.emit(String::from_utf8_lossy(&bytes).into_owned()),
            );
        })
    };
    let checklists = props.known.0.iter().map(|(c, built_in)| {
        let d = c.doc();
        let on = f.accepts(c);
        let onchange = {
            let (edit, c, built_in) = (edit.clone(), c.clone(), *built_in);
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                edit(SettingsEdit::Accept {
                    checklist: Box::new(c.clone()),
                    built_in,
                    on: input.checked(),
                });
            })
        };
        let id = format!("accept-{}-{}", d.id, d.version);
        html! {
            <li>
                <input type="checkbox" id={id.clone()} data-testid={id.clone()} checked={on} {onchange} />
                <label for={id}>
                    { pick(&d.title, lang) }{ " · " }{ ctx.t(Msg::ChecklistVersion) }{ " " }{ &d.version }
                    { " · " }<code>{ c.sha256().get(..12).unwrap_or_default() }</code>
                    if !built_in { { " · " }{ ctx.t(Msg::SettingsCountyOwn) } }
                </label>
            </li>
        }
    });
    let roster_rows = f.roster.iter().take(ROSTER_ROWS_SHOWN).enumerate().map(|(n, s)| {
        let remove = {
            let edit = edit.clone();
            Callback::from(move |_: MouseEvent| edit(SettingsEdit::RemoveSchool(n)))
        };
        html! {
            <tr key={s.code.clone()} data-testid="roster-row">
                <td>{ &s.code }</td><td>{ &s.name }</td>
                <td>{ crate::i18n::school_type_name(lang, s.school_type) }</td>
                <td>{ &s.township }</td>
                <td>{ s.students.map(|n| n.to_string()).unwrap_or_default() }</td>
                <td class="no-print"><button type="button" class="small" aria-label={ctx.say(say::RosterRemove { school: &s.name })} onclick={remove}>{ "×" }</button></td>
            </tr>
        }
    });
    let new_type = {
        let edit = edit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            edit(SettingsEdit::NewSchoolType(SchoolType::from_code(
                &select.value(),
            )));
        })
    };
    let add = {
        let edit = edit.clone();
        Callback::from(move |_: MouseEvent| edit(SettingsEdit::AddSchool))
    };
    let new_field = |field: NewSchoolField| {
        let edit = edit.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            edit(SettingsEdit::NewSchool(field, input.value()));
        })
    };
    let summary = match &props.settings {
        Some(s) => ctx.say(say::SettingsInUse {
            county: &s.0.county,
            years: &s.0.school_years.join(ctx.t(Msg::ListSeparator)),
            schools: &s.0.roster.len().to_string(),
            checklists: &s.0.accepted.len().to_string(),
        }),
        None => ctx.t(Msg::SettingsNone).to_string(),
    };
    let problem_lines: Vec<String> = problems.iter().map(|p| settings_problem(lang, p)).collect();
    let table_lines: Vec<String> = f
        .table_problems
        .iter()
        .map(|p| roster_problem(lang, p))
        .collect();
    let new_problem = f.new_school_problem.as_ref().map(|p| roster_issue(lang, p));
    html! {
        <details class="card county-settings no-print" data-testid="county-settings" open={*expanded} {ontoggle}>
            <summary data-testid="settings-summary">{ ctx.t(Msg::SettingsHeading) }{ lang.colon() }{ summary }</summary>
            <p class="muted">{ ctx.t(Msg::SettingsIntro) }</p>
            <div class="input-field">
                <label for="settings-county">{ ctx.t(Msg::SettingsCounty) }</label>
                <input id="settings-county" type="text" data-testid="settings-county" value={f.county.clone()} oninput={text_input(SettingsEdit::County)} />
            </div>
            <div class="input-field">
                <label for="settings-years">{ ctx.t(Msg::SettingsYears) }</label>
                <input id="settings-years" type="text" data-testid="settings-years" placeholder="2026-2027" aria-describedby="settings-years-hint"
                    value={f.years.clone()} oninput={text_input(SettingsEdit::Years)} />
                <p class="muted" id="settings-years-hint">{ ctx.t(Msg::SettingsYearsHint) }</p>
            </div>
            <fieldset>
                <legend>{ ctx.t(Msg::SettingsChecklists) }</legend>
                <ul class="plain" data-testid="settings-checklists">{ for checklists }</ul>
            </fieldset>
            <fieldset>
                <legend data-testid="roster-count">{ ctx.say(say::RosterHeading { schools: &f.roster.len().to_string() }) }</legend>
                <div class="page-actions">
                    <button type="button" data-testid="roster-template" onclick={template}>{ ctx.t(Msg::RosterDownload) }</button>
                    <input id="roster-file" class="visually-hidden file-picker" type="file" accept=".csv,text/csv"
                        data-testid="roster-file" onchange={read_table} />
                    <label for="roster-file" class="button">{ ctx.t(Msg::RosterUpload) }</label>
                </div>
                <div class="field-messages" aria-live="polite" data-testid="roster-problems">
                    <p class="muted" hidden={!matches!(*table_notice, Some(Ok(_))) || !table_lines.is_empty()}>{ ctx.say(say::RosterRead { file: match &*table_notice { Some(Ok(name)) => name.as_str(), _ => "" }, schools: &f.roster.len().to_string() }) }</p>
                    <p class="field-error" hidden={!matches!(*table_notice, Some(Err(_)))}>{ match &*table_notice {
                        Some(Err((name, size))) => {
                            let why = match size {
                                Some(size) => ctx.say(say::ImportTooLarge {
                                    size_kb: &(size / 1024).to_string(),
                                    limit_kb: &(crate::core::aggregate::settings::MAX_SETTINGS_BYTES / 1024).to_string(),
                                }),
                                None => ctx.t(Msg::CsvNotUtf8).to_string(),
                            };
                            format!("{}{name}{}{why}", ctx.t(Msg::RosterRefused), ctx.lang.colon())
                        }
                        _ => String::new(),
                    } }</p>
                    <div class="field-error" hidden={table_lines.is_empty()}>
                        <p>{ ctx.t(Msg::RosterRefused) }</p>
                        <ul>{ for table_lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                    </div>
                </div>
                <div class="table-scroll"><table class="list-table roster-table" data-testid="roster-table">
                    <thead><tr>
                        <th scope="col">{ ctx.t(Msg::SchoolCode) }</th><th scope="col">{ ctx.t(Msg::SchoolName) }</th>
                        <th scope="col">{ ctx.t(Msg::ColType) }</th><th scope="col">{ ctx.t(Msg::CsvTownship) }</th>
                        <th scope="col">{ ctx.t(Msg::ColEnrolment) }</th><th scope="col" class="no-print"><span class="visually-hidden">{ ctx.t(Msg::ColActions) }</span></th>
                    </tr></thead>
                    <tbody>{ for roster_rows }</tbody>
                </table></div>
                <p class="muted" hidden={f.roster.len() <= ROSTER_ROWS_SHOWN}>{ ctx.say(say::RosterMore { more: &f.roster.len().saturating_sub(ROSTER_ROWS_SHOWN).to_string() }) }</p>
                <div class="roster-add">
                    <div class="input-field">
                        <label for="roster-new-code">{ ctx.t(Msg::SchoolCode) }</label>
                        <input id="roster-new-code" type="text" data-testid="roster-new-code" value={f.new_school.code.clone()} oninput={new_field(NewSchoolField::Code)} aria-describedby="roster-new-msgs" />
                    </div>
                    <div class="input-field">
                        <label for="roster-new-name">{ ctx.t(Msg::SchoolName) }</label>
                        <input id="roster-new-name" type="text" data-testid="roster-new-name" value={f.new_school.name.clone()} oninput={new_field(NewSchoolField::Name)} />
                    </div>
                    <div class="input-field">
                        <label for="roster-new-type">{ ctx.t(Msg::ColType) }</label>
                        <select id="roster-new-type" data-testid="roster-new-type" onchange={new_type}>
                            <option value="" selected={f.new_school.school_type.is_none()}>{ ctx.t(Msg::ChooseOne) }</option>
                            { for [SchoolType::Primary, SchoolType::Junior, SchoolType::NineYear].into_iter().map(|t| html! {
                                <option value={type_value(Some(t))} selected={f.new_school.school_type == Some(t)}>{ crate::i18n::school_type_name(lang, t) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="input-field">
                        <label for="roster-new-township">{ ctx.t(Msg::CsvTownship) }</label>
                        <input id="roster-new-township" type="text" data-testid="roster-new-township" value={f.new_school.township.clone()} oninput={new_field(NewSchoolField::Township)} />
                    </div>
                    <div class="input-field">
                        <label for="roster-new-students">{ ctx.t(Msg::ColEnrolment) }</label>
                        <input id="roster-new-students" type="text" inputmode="numeric" data-testid="roster-new-students" value={f.new_school.students.clone()} oninput={new_field(NewSchoolField::Students)} aria-describedby="roster-new-msgs" />
                    </div>
                    <button type="button" data-testid="roster-add" onclick={add}>{ ctx.t(Msg::RosterAdd) }</button>
                    <div class="field-messages" id="roster-new-msgs" aria-live="polite"><p class="field-error" hidden={new_problem.is_none()}>{ new_problem.clone().unwrap_or_default() }</p></div>
                </div>
            </fieldset>
            <div class="field-messages" id="settings-problems" tabindex="-1" aria-live="assertive" data-testid="settings-problems">
                <div class="field-error" hidden={problem_lines.is_empty()}>
                    <p>{ ctx.t(Msg::SettingsNotSaved) }</p>
                    <ul>{ for problem_lines.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                </div>
                <p class="field-error" hidden={props.import_problem.is_none()}>{ props.import_problem.clone().unwrap_or_default() }</p>
                <p class="ok" hidden={!*saved}>{ ctx.t(Msg::SettingsSaved) }</p>
            </div>
            <div class="page-actions">
                <button type="button" class="primary" data-testid="settings-save" onclick={save}>{ ctx.t(Msg::SettingsSave) }</button>
                <span class="near" data-testid="settings-unsaved" hidden={!unsaved}>{ ctx.t(Msg::SettingsUnsaved) }</span>
                <button type="button" data-testid="settings-export" disabled={props.settings.is_none()} onclick={export}>{ ctx.t(Msg::SettingsExport) }</button>
                <input id="settings-file" class="visually-hidden file-picker" type="file" accept=".json,application/json"
                    data-testid="settings-file" onchange={import} />
                <label for="settings-file" class="button">{ ctx.t(Msg::SettingsImport) }</label>
                <button type="button" data-testid="settings-stop" disabled={props.settings.is_none()} onclick={stop}>{ ctx.t(Msg::SettingsStop) }</button>
            </div>
        </details>
    }
}
