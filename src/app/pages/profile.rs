use crate::app::browser::page;
use crate::app::components::{pick, problem_text, InputField};
use crate::app::edit;
use crate::app::{Ctx, Open};
use crate::core::answers::{Slot, Value};
use crate::core::score::input_slots;
use crate::i18n::{say, Msg};
use crate::state::draft::ProfileField;
use crate::state::DraftEdit;
use crate::state::Page;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProfileProps {
    pub open: Open,
}

/// 学校基本信息: who the school is, its type and enrolment, and the checklist.
#[component]
pub fn ProfilePage(props: &ProfileProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    // Opening the profile (a new draft) puts the cursor in its first field.
    use_effect_with((), |_| page::focus("profile-school_name"));
    let draft = &props.open.draft;
    let checklist = &props.open.checklist;
    let text_field = |field: ProfileField, msg: Msg, hint: Option<Msg>| {
        let oninput = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |e: InputEvent| {
                let input: HtmlInputElement = e.target_unchecked_into();
                dispatch.dispatch(edit(DraftEdit::SetProfile {
                    field,
                    value: input.value(),
                }));
            })
        };
        let id = format!(
            "profile-{}",
            serde_json::to_string(&field)
                .unwrap_or_default()
                .trim_matches('"')
        );
        // A 学年 the county cannot read is said here, not first at the county (which refuses
        // the file): a note, never a block, and the message slot is always there. One written
        // its own way ("2026/27") is kept as typed, and how the county reads it is said.
        let value = draft.profile.get(field).to_string();
        let year = (field == ProfileField::SchoolYear && !value.trim().is_empty())
            .then(|| crate::core::school_year::canonical_school_year(&value));
        let problem = matches!(year, Some(None))
            .then(|| ctx.say(say::ImportBadSchoolYear { year: value.trim() }));
        let read_as: Vec<String> = year
            .flatten()
            .filter(|year| year != value.trim())
            .map(|year| ctx.say(say::SchoolYearReadAs { year: &year }))
            .into_iter()
            .collect();
        html! {
            <div class="input-field">
                <label for={id.clone()}>{ ctx.t(msg) }</label>
                <input id={id.clone()} data-testid={id.clone()} type="text" value={value.clone()}
                    placeholder={hint.map(|h| ctx.t(h))} {oninput}
                    aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={crate::app::components::messages_dom_id(&id)} />
                { crate::app::components::messages(&id, problem.as_deref(), &read_as) }
            </div>
        }
    };
    let confirm_all = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(crate::app::edit(
                crate::state::DraftEdit::ConfirmAllInherited,
            ))
        })
    };
    let types = checklist.doc().school_types.iter().map(|&t| {
        let name = crate::i18n::school_type_name(ctx.lang, t);
        let id = format!(
            "type-{}",
            serde_json::to_string(&t)
                .unwrap_or_default()
                .trim_matches('"')
        );
        let onchange = {
            let dispatch = ctx.dispatch.clone();
            Callback::from(move |_: Event| dispatch.dispatch(edit(DraftEdit::SetSchoolType(t))))
        };
        html! {
            <label class="choice" for={id.clone()}>
                <input type="radio" id={id.clone()} data-testid={id} name="school-type"
                    checked={draft.profile.school_type == Some(t)} {onchange} />
                { name }
            </label>
        }
    });
    // Enrolment is the checklist's enrolment input: one place for it, used by the indicators.
    let enrolment_id = checklist
        .doc()
        .split
        .as_ref()
        .map(|s| s.enrolment_input.clone())
        .unwrap_or_else(|| "students".into());
    // A 九年一贯制 school's two fields under one heading; one school's one field alone (its
    // label says 在校学生数: under a heading saying it too, it was said twice).
    let parted = draft.profile.school_type == Some(crate::core::model::SchoolType::NineYear);
    let enrolment = draft.profile.school_type.map(|t| {
        input_slots(checklist, t).into_iter().filter(|s| s.id == enrolment_id).map(|slot: Slot| {
            let text = match draft.answers.get(&slot) {
                Some(Value::Number(t)) => t.clone(),
                _ => String::new(),
            };
            let error = props.open.assessment.as_ref().and_then(|a| a.invalid.iter().find(|i| i.slot == slot))
                .map(|i| problem_text(&ctx, checklist, &draft.answers, &slot, &i.problem));
            let inherited = draft.inherited.contains(&slot);
            html! { <InputField key={slot.to_string()} checklist={checklist.clone()} slot={slot.clone()} {text} {error} {inherited} /> }
        }).collect::<Html>()
    });
    html! {
        <section class="page" aria-labelledby="profile-heading" data-testid="profile-page">
            <h3 id="profile-heading">{ ctx.t(Msg::ProfileHeading) }</h3>
            if let Some(previous) = &draft.previous {
                <div class="card note no-print" data-testid="last-year-banner">
                    <p>{ ctx.say(say::LastYearBanner { year: &previous.reference.school_year, file: &previous.file }) }</p>
                    <p hidden={draft.inherited.is_empty()}>
                        <button type="button" data-testid="confirm-all" onclick={confirm_all}>{ ctx.t(Msg::ConfirmAll) }</button>
                    </p>
                </div>
            }
            <div class="form-grid">
                { text_field(ProfileField::SchoolName, Msg::SchoolName, None) }
                { text_field(ProfileField::SchoolCode, Msg::SchoolCode, None) }
                { text_field(ProfileField::County, Msg::County, None) }
                { text_field(ProfileField::SchoolYear, Msg::SchoolYear, Some(Msg::SchoolYearHint)) }
                { text_field(ProfileField::FilledBy, Msg::FilledBy, None) }
            </div>
            <fieldset class="choices-block">
                <legend>{ ctx.t(Msg::SchoolTypeLabel) }</legend>
                <div class="choices">{ for types }</div>
            </fieldset>
            if let Some(fields) = enrolment {
                if parted {
                    <fieldset class="choices-block">
                        <legend>{ ctx.t(Msg::Enrolment) }</legend>
                        <div class="form-grid">{ fields }</div>
                    </fieldset>
                } else {
                    <div class="form-grid enrolment">{ fields }</div>
                }
            }
            <div class="card">
                <p class="meta">{ ctx.t(Msg::ChecklistLabel) }</p>
                <p><strong>{ pick(&checklist.doc().title, ctx.lang) }</strong></p>
                <p class="meta">{ pick(&checklist.doc().issuer, ctx.lang) }{ " · " }{ ctx.t(Msg::ChecklistVersion) }{ " " }{ &checklist.doc().version }</p>
                if let Some(d) = &checklist.doc().description { <p class="guidance">{ pick(d, ctx.lang) }</p> }
            </div>
            <div class="page-actions">
                <button type="button" class="primary" data-testid="to-fill" onclick={ctx.go(Page::Fill { area: 0 })}>{ ctx.t(Msg::TabFill) }{ " →" }</button>
            </div>
        </section>
    }
}
