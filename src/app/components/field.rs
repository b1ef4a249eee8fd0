//! What every entry field shares: its label, its message slot and the messages in it.
//!
//! A field's DOM never changes shape when its message comes or goes: the message slot is
//! always there, and only its content changes. Yew flattens `{ for … }` and `Option`s into the
//! parent's child list and matches unkeyed children from the end, so a message appearing
//! beside an `<input>` used to replace the input: focus was lost and the keystrokes after it
//! went nowhere ("-900" became "-9").

use super::pick;
use crate::app::Ctx;
use crate::core::answers::{Slot, Value};
use crate::core::checklist::Checklist;
use crate::core::format::fmt_num;
use crate::core::score::{ValueProblem, WarningKind};
use crate::i18n::{say, Msg};
use yew::prelude::*;

/// The DOM id of a slot's first control, where 检查 moves the focus.
pub fn slot_dom_id(slot: &Slot) -> String {
    format!("slot-{slot}")
}

/// The DOM id of a field's message slot (what `aria-describedby` names).
pub fn messages_dom_id(field_dom_id: &str) -> String {
    format!("{field_dom_id}-msgs")
}

/// The name of the field a slot is entered in: an input's label or an item's text, with the
/// part of a 九年一贯制 school.
pub fn field_label(ctx: &Ctx, checklist: &Checklist, slot: &Slot) -> String {
    let name = checklist
        .input(&slot.id)
        .map(|i| pick(&i.label, ctx.lang).to_string())
        .or_else(|| {
            checklist
                .item(&slot.id)
                .map(|i| format!("{} {}", i.id, pick(&i.text, ctx.lang)))
        })
        .unwrap_or_else(|| slot.id.clone());
    format!("{name}{}", crate::i18n::part_suffix(ctx.lang, slot.part))
}

fn typed(answers: &crate::core::answers::Answers, slot: &Slot) -> String {
    match answers.get(slot) {
        Some(Value::Number(t) | Value::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

/// The unit of what was typed in `slot`, as the person chose it (元 or 万元 for an amount).
fn typed_unit<'a>(
    ctx: &Ctx,
    checklist: &'a Checklist,
    answers: &crate::core::answers::Answers,
    slot: &Slot,
    number: &str,
) -> &'a str {
    let unit = match checklist.input(&slot.id).map(|d| d.unit.as_str()) {
        Some("元") if answers.wan_yuan.contains(slot) => "万元",
        other => other.unwrap_or(""),
    };
    crate::i18n::unit_after(ctx.lang, unit, number)
}

/// What is wrong with a value, in the interface language: the field's name, then the problem
/// quoting what was typed ("室内体育用房面积：“-900”是负数…").
pub fn problem_text(
    ctx: &Ctx,
    checklist: &Checklist,
    answers: &crate::core::answers::Answers,
    slot: &Slot,
    problem: &ValueProblem,
) -> String {
    let label = field_label(ctx, checklist, slot);
    let text = problem_only(ctx, checklist, answers, slot, problem);
    ctx.say(say::ProblemIn {
        field: &label,
        problem: &text,
    })
}

fn problem_only(
    ctx: &Ctx,
    checklist: &Checklist,
    answers: &crate::core::answers::Answers,
    slot: &Slot,
    problem: &ValueProblem,
) -> String {
    let text = typed(answers, slot);
    match problem {
        ValueProblem::Number { error } => crate::i18n::number_error(ctx.lang, error),
        ValueProblem::WrongKind => ctx.t(Msg::WrongKind).into(),
        ValueProblem::UnknownLevel { level } => ctx.say(say::UnknownLevel { level }),
        ValueProblem::NotApplicableNotAllowed => ctx.t(Msg::NaNotAllowed).into(),
        ValueProblem::Negative => ctx.say(say::ProblemNegative { typed: &text }),
        ValueProblem::NotWhole => ctx.say(say::ProblemNotWhole { typed: &text }),
        ValueProblem::BelowMin { min } => ctx.say(say::ProblemBelowMin {
            typed: &text,
            min: &fmt_num(*min),
        }),
        ValueProblem::AbovePercent => ctx.say(say::ProblemAbovePercent { typed: &text }),
        ValueProblem::PercentSign => ctx.say(say::ProblemPercentSign { typed: &text }),
        ValueProblem::Exceeds { other } => {
            let bound = match checklist.input(other).map(|d| d.scope) {
                Some(crate::core::model::InputScope::Shared) => Slot::whole(other),
                _ => Slot::new(other, slot.part),
            };
            let label = field_label(ctx, checklist, &bound);
            // Each in the unit it was typed in: 900000 元 against 85 万元 is not 900000 > 85.
            let bound_value = typed(answers, &bound);
            let bound_unit = typed_unit(ctx, checklist, answers, &bound, &bound_value);
            ctx.say(say::ProblemExceeds {
                typed: &text,
                unit: typed_unit(ctx, checklist, answers, slot, &text),
                bound: &label,
                bound_value: &match bound_unit {
                    "" => bound_value.clone(),
                    u => format!("{bound_value} {u}"),
                },
            })
        }
    }
}

pub fn warning_text(ctx: &Ctx, w: &WarningKind) -> String {
    match w {
        WarningKind::Undefined => ctx.t(Msg::WarnUndefined).into(),
    }
}

/// A field's message slot: always in the DOM, announced politely when its text changes.
pub fn messages(field_dom_id: &str, error: Option<&str>, notes: &[String]) -> Html {
    messages_spoken(field_dom_id, error, notes, true)
}

/// [`messages`] that are not a live region: read as the field's description when it is
/// reached, not spoken at every keystroke ("“-”不是数字", "“-9”是负数" … while -900 is typed).
/// For a principal's numbers, which say their problem once, as the focus leaves them
/// (`Notice::FieldLeft`).
pub fn quiet_messages(field_dom_id: &str, error: Option<&str>, notes: &[String]) -> Html {
    messages_spoken(field_dom_id, error, notes, false)
}

fn messages_spoken(field_dom_id: &str, error: Option<&str>, notes: &[String], live: bool) -> Html {
    html! {
        <div class="field-messages" id={messages_dom_id(field_dom_id)} aria-live={live.then_some("polite")}
            data-testid={format!("messages-{field_dom_id}")}>
            <p class="field-error" hidden={error.is_none()}>{ error.unwrap_or_default() }</p>
            <div class="field-notes">
                { for notes.iter().map(|n| html! { <p class="field-warning">{ n }</p> }) }
            </div>
        </div>
    }
}

/// A value copied from last year, not yet confirmed or changed: 上年数据 and a button to keep
/// it. Always in the DOM (hidden when not marked), so the field keeps its shape.
pub fn inherited_mark(ctx: &Ctx, slot: &Slot, inherited: bool) -> Html {
    let confirm = {
        let (dispatch, slot) = (ctx.dispatch.clone(), slot.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(crate::app::edit(crate::state::DraftEdit::ConfirmInherited(
                slot.clone(),
            )))
        })
    };
    html! {
        <p class="inherited" hidden={!inherited} data-testid={format!("inherited-{slot}")}>
            <span class="badge near">{ ctx.t(Msg::LastYearData) }</span>
            <button type="button" class="small" data-testid={format!("confirm-{slot}")} onclick={confirm}>{ ctx.t(Msg::ConfirmValue) }</button>
        </p>
    }
}
