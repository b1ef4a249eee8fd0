//! One checklist item on screen, and one raw-data field. Each turns DOM events into
//! `SetAnswer` / `SetNote` actions; what it shows comes from the core's result.

use super::field::{
    field_label, inherited_mark, messages_dom_id, problem_text, quiet_messages, slot_dom_id,
    warning_text,
};
use super::pick;
use crate::app::browser::{drafts, files, page};
use crate::app::edit;
use crate::app::{Ctx, Shared};
use crate::core::answers::{Answers, Slot, Value};
use crate::core::checklist::{Checklist, ItemLoc};
use crate::core::format::fmt_num;
use crate::core::model::{ItemKind, SchoolType};
use crate::core::score::{InvalidValue, ItemResult, Outcome, PartResult, Warning};
use crate::i18n::{say, Msg};
use crate::state::{Action, DraftEdit, Notice};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

pub fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Met | Outcome::NotApplicable | Outcome::Noted => "ok",
        Outcome::Near | Outcome::Partial => "near",
        Outcome::NotMet | Outcome::Invalid | Outcome::Undefined => "bad",
        Outcome::Missing => "missing",
    }
}

/// For a 九年一贯制 school, a computed item that divides a shared resource (the engine says
/// which): say it is split, and by what weights.
fn split_applies(ctx: &Ctx, checklist: &Checklist, result: &ItemResult) -> Option<String> {
    let split = checklist.doc().split.as_ref().filter(|_| result.split)?;
    Some(ctx.say(say::SplitApplies {
        primary_weight: &crate::core::format::fixed(split.primary_weight, 2),
        junior_weight: &crate::core::format::fixed(split.junior_weight, 2),
    }))
}

fn school_rule_text(
    lang: crate::i18n::Lang,
    item_kind: &ItemKind,
    part: &PartResult,
) -> Option<String> {
    let unit = match item_kind {
        ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => unit,
        _ => return None,
    };
    part.rule.map(|r| {
        let rule = r.describe();
        let unit = crate::i18n::unit_after(lang, unit, &rule);
        format!("{rule} {unit}")
    })
}

#[derive(Properties, PartialEq)]
pub struct ItemCardProps {
    pub checklist: Shared<Checklist>,
    pub loc: ItemLoc,
    pub school_type: SchoolType,
    pub values: Vec<(Slot, Option<Value>)>,
    pub result: ItemResult,
    pub note: String,
    pub invalid: Vec<InvalidValue>,
    pub warnings: Vec<Warning>,
    /// Evidence files named for this item.
    pub attachments: Vec<crate::core::export::Attachment>,
    /// Its slots copied from last year and not yet confirmed or changed.
    #[prop_or_default]
    pub inherited: Vec<Slot>,
    /// Last year answered it and this year has not: offer to use last year's answer.
    #[prop_or_default]
    pub last_year: bool,
}

#[component]
pub fn ItemCard(props: &ItemCardProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let item = props.checklist.item_at(props.loc);
    let id = &item.id;
    let worst = props
        .result
        .parts
        .iter()
        .map(|p| p.outcome)
        .max_by_key(|o| o.severity());
    let source = props.checklist.source(&item.source.source);
    let label_id = format!("item-{id}-label");
    let on_note = {
        let (dispatch, id) = (ctx.dispatch.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            dispatch.dispatch(edit(DraftEdit::SetNote {
                item: id.clone(),
                note: area.value(),
            }));
        })
    };
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    // The file too large to attach, by name: worded when shown.
    let too_large_msg = use_state(|| None::<String>);
    let on_attach = {
        let (dispatch, id, reader, too_large_msg) = (
            ctx.dispatch.clone(),
            id.clone(),
            reader.clone(),
            too_large_msg.clone(),
        );
        Callback::from(move |e: Event| {
            let (dispatch, id) = (dispatch.clone(), id.clone());
            let too_large = {
                let too_large_msg = too_large_msg.clone();
                move |name: String, _size: u64| too_large_msg.set(Some(name))
            };
            too_large_msg.set(None);
            // Hashed, and kept in this browser for the 报送包 (a file larger than a package can
            // hold is still named, and checked on site).
            *reader.borrow_mut() = files::read_picked_typed(
                &e,
                200 * 1024 * 1024,
                too_large,
                move |name, mime, bytes| {
                    let attachment =
                        crate::core::export::Attachment::describe(&id, &name, &mime, &bytes);
                    let sha256 = attachment.sha256.clone();
                    dispatch.dispatch(edit(DraftEdit::AddAttachment(attachment)));
                    // Said, as its removal is.
                    dispatch.dispatch(Action::Notify(Notice::EvidenceAdded { name }));
                    wasm_bindgen_futures::spawn_local(async move {
                        drafts::keep_evidence(&sha256, &bytes).await;
                    });
                },
            );
        })
    };
    let attachments = props.attachments.iter().map(|a| {
        let remove = {
            let (dispatch, item, sha256, name) = (ctx.dispatch.clone(), a.item.clone(), a.sha256.clone(), a.name.clone());
            Callback::from(move |_: MouseEvent| {
                dispatch.dispatch(edit(DraftEdit::RemoveAttachment { item: item.clone(), sha256: sha256.clone() }));
                // Said, and the focus (on the ✕, now gone) goes to adding a file again.
                dispatch.dispatch(Action::Notify(Notice::EvidenceRemoved { name: name.clone() }));
                page::focus_after_drawing(format!("attach-{item}"));
            })
        };
        html! {
            <li key={a.sha256.clone()}>
                { &a.name }{ format!(" ({} KB)", a.size.div_ceil(1024)) }
                <button type="button" class="link remove" data-testid="attachment-remove" aria-label={ctx.say(say::RemoveAttachment { file: &a.name })} onclick={remove}>{ "✕" }</button>
                if a.size > crate::core::package::MAX_PACKAGE_BYTES {
                    <span class="small-note warning-text" data-testid="attachment-too-large">{ ctx.t(Msg::AttachmentOverPackage) }</span>
                }
            </li>
        }
    });
    let copy_last_year = {
        let (dispatch, id) = (ctx.dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(edit(DraftEdit::CopyLastYear(id.clone())))
        })
    };
    // The card's own values, so a problem can quote what was typed.
    let answers = Answers {
        values: props
            .values
            .iter()
            .filter_map(|(s, v)| Some((s.clone(), v.clone()?)))
            .collect(),
        ..Answers::default()
    };
    let parts = props.result.parts.iter().map(|part| {
        let slot = Slot::new(id, part.part);
        let dom_id = slot_dom_id(&slot);
        let value = answers.get(&slot);
        let problem = props
            .invalid
            .iter()
            .find(|i| i.slot == slot)
            .map(|i| problem_text(&ctx, &props.checklist, &answers, &slot, &i.problem));
        let notes: Vec<String> = props
            .warnings
            .iter()
            .filter(|w| w.slot == slot)
            .map(|w| warning_text(&ctx, &w.kind))
            .collect();
        // What a screen reader says of the field: the item and its part (小学部) as its name
        // (its unit too, see `number_input`); the requirement and where it stands now as its
        // description, read on reaching it, beside what is wrong.
        let part_name = crate::i18n::part_name(ctx.lang, part.part);
        let rule = school_rule_text(ctx.lang, &item.kind, part);
        let labelled = match part_name {
            Some(_) => format!("{label_id} {dom_id}-part"),
            None => label_id.clone(),
        };
        let described = [
            rule.as_ref().map(|_| format!("{dom_id}-req")),
            Some(format!("{dom_id}-outcome")),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let floor = props.checklist.group_of(id).map(|g| g.floor_ratio);
        html! {
            <div class="part" key={slot.to_string()}>
                if let Some(name) = part_name { <p class="part-name" id={format!("{dom_id}-part")}>{ name }</p> }
                if let Some(rule) = rule {
                    <p class="requirement" id={format!("{dom_id}-req")}>{ ctx.t(Msg::Requirement) }{ ctx.lang.colon() }<strong>{ rule }</strong></p>
                }
                <span class="visually-hidden" id={format!("{dom_id}-outcome")}>{ crate::i18n::outcome_words(ctx.lang, part.outcome, floor) }</span>
                { widget(&ctx, &item.kind, &slot, value, part, (&labelled, &described), problem.is_some()) }
                { quiet_messages(&dom_id, problem.as_deref(), &notes) }
                { inherited_mark(&ctx, &slot, props.inherited.contains(&slot)) }
            </div>
        }
    });
    html! {
        <article class={classes!("item-card", worst.map(outcome_class))} id={format!("item-{id}")}
            data-testid={format!("item-{id}")} data-outcome={worst.map(|o| format!("{o:?}").to_ascii_lowercase())}>
            <header class="item-head">
                <h4 id={label_id.clone()}><span class="item-id">{ id }</span>{ " " }{ pick(&item.text, ctx.lang) }</h4>
                <div class="item-tags">
                    if item.veto { <span class="tag veto">{ ctx.t(Msg::VetoTag) }</span> }
                    if item.points > 0.0 {
                        <span class="tag">{ ctx.say(say::PointsLabel { points: &format!("{}/{}", fmt_num(props.result.earned), fmt_num(item.points)) }) }</span>
                    }
                    if let Some(o) = worst {
                        <span class={classes!("badge", outcome_class(o))} data-testid="outcome">{ crate::i18n::outcome_words(ctx.lang, o, props.checklist.group_of(id).map(|g| g.floor_ratio)) }</span>
                    }
                </div>
            </header>
            if let Some(g) = &item.guidance { <p class="guidance">{ pick(g, ctx.lang) }</p> }
            if let Some(text) = split_applies(&ctx, &props.checklist, &props.result) {
                <p class="note" data-testid={format!("split-applies-{id}")}>{ text }</p>
            }
            <p class="last-year" hidden={!props.last_year}>
                <button type="button" class="small" data-testid={format!("copy-last-year-{id}")} onclick={copy_last_year}>{ ctx.t(Msg::CopyLastYearAnswer) }</button>
            </p>
            <div class="parts">{ for parts }</div>
            <div class="evidence">
                // Each card's controls named with its item (every card's said 佐证说明,
                // 添加佐证文件, 出处 alike).
                <label for={format!("note-{id}")}>{ ctx.t(Msg::Evidence) }<span class="visually-hidden">{ format!(" {id}") }</span></label>
                <textarea id={format!("note-{id}")} rows="2" placeholder={ctx.t(Msg::EvidenceHint)}
                    data-testid={format!("note-{id}")} value={props.note.clone()} oninput={on_note} />
                if !props.attachments.is_empty() {
                    <ul class="attachments" data-testid={format!("attachments-{id}")}>{ for attachments }</ul>
                }
                // The input sits before its label so the label can show the input's focus ring.
                <input id={format!("attach-{id}")} class="visually-hidden file-picker" type="file" data-testid={format!("attach-{id}")}
                    aria-describedby={format!("attach-{id}-note")} onchange={on_attach} />
                <label for={format!("attach-{id}")} class="button small">{ ctx.t(Msg::AttachEvidence) }<span class="visually-hidden">{ format!(" {id}") }</span></label>
                <span id={format!("attach-{id}-note")} class="muted small-note">{ ctx.t(Msg::AttachmentNote) }</span>
                if let Some(file) = &*too_large_msg { <p class="field-error" role="alert">{ ctx.say(say::AttachmentTooLarge { file }) }</p> }
            </div>
            <details class="source">
                <summary>{ ctx.t(Msg::SourceLabel) }<span class="visually-hidden">{ format!(" {id}") }</span></summary>
                // Cited as published: in Chinese whatever the interface language.
                <p lang="zh-CN">
                    { source.map(|s| format!("《{}》{} ", s.title, s.doc_no.as_deref().unwrap_or(""))).unwrap_or_default() }
                    { &item.source.clause }
                    if !item.source.verified || source.is_some_and(|s| !s.verified) {
                        <span class="tag unverified">{ ctx.t(Msg::Unverified) }</span>
                    }
                </p>
            </details>
        </article>
    }
}

fn choice(
    ctx: &Ctx,
    slot: &Slot,
    options: Vec<(String, Value)>,
    current: Option<&Value>,
    label_id: &str,
) -> Html {
    choice_described(
        ctx,
        slot,
        options.into_iter().map(|(l, v)| (l, v, None)).collect(),
        current,
        label_id,
    )
}

/// Radio buttons, each with an optional description (a level's criteria) under its label.
fn choice_described(
    ctx: &Ctx,
    slot: &Slot,
    options: Vec<(String, Value, Option<String>)>,
    current: Option<&Value>,
    label_id: &str,
) -> Html {
    let described = options.iter().any(|(_, _, d)| d.is_some());
    let radios = options.into_iter().enumerate().map(|(n, (label, value, description))| {
        let dom_id = if n == 0 {
            slot_dom_id(slot)
        } else {
            format!("{}-{n}", slot_dom_id(slot))
        };
        let checked = current == Some(&value);
        let onchange = {
            let (dispatch, slot) = (ctx.dispatch.clone(), slot.clone());
            Callback::from(move |_: Event| {
                dispatch.dispatch(edit(DraftEdit::SetAnswer {
                    slot: slot.clone(),
                    value: Some(value.clone()) }))
            })
        };
        let description_id = format!("{dom_id}-desc");
        html! {
            <label class={classes!("choice", described.then_some("described"))} for={dom_id.clone()}>
                <input type="radio" id={dom_id} name={format!("r-{slot}")} {checked} {onchange}
                    aria-describedby={description.as_ref().map(|_| description_id.clone())} />
                <span class="choice-text">
                    { label }
                    <span class="choice-description" id={description_id} hidden={description.is_none()}>
                        { description.unwrap_or_default() }
                    </span>
                </span>
            </label>
        }
    });
    html! {
        <div class={classes!("choices", described.then_some("described"))} role="radiogroup" aria-labelledby={label_id.to_string()} data-testid={format!("choices-{slot}")}>
            { for radios }
        </div>
    }
}

fn widget(
    ctx: &Ctx,
    kind: &ItemKind,
    slot: &Slot,
    value: Option<&Value>,
    part: &PartResult,
    (label_id, described): (&str, &str),
    invalid: bool,
) -> Html {
    let yes_no = |na: bool| {
        let mut o = vec![
            (ctx.t(Msg::YesLabel).to_string(), Value::Yes),
            (ctx.t(Msg::NoLabel).to_string(), Value::No),
        ];
        if na {
            o.push((ctx.t(Msg::NaLabel).to_string(), Value::NotApplicable));
        }
        o
    };
    match kind {
        ItemKind::YesNo { allow_na } => choice(ctx, slot, yes_no(*allow_na), value, label_id),
        ItemKind::Flag => choice(
            ctx,
            slot,
            vec![
                (ctx.t(Msg::FlagYes).into(), Value::Yes),
                (ctx.t(Msg::FlagNo).into(), Value::No),
            ],
            value,
            label_id,
        ),
        ItemKind::Levels { levels, allow_na } => {
            let mut o: Vec<(String, Value, Option<String>)> = levels
                .iter()
                .map(|l| {
                    (
                        format!(
                            "{}{}",
                            pick(&l.label, ctx.lang),
                            ctx.lang.paren(&fmt_num(l.points))
                        ),
                        Value::Level(l.id.clone()),
                        l.description
                            .as_ref()
                            .map(|d| pick(d, ctx.lang).to_string()),
                    )
                })
                .collect();
            if *allow_na {
                o.push((ctx.t(Msg::NaLabel).into(), Value::NotApplicable, None));
            }
            choice_described(ctx, slot, o, value, label_id)
        }
        ItemKind::Number { unit, .. } => {
            let text = match value {
                Some(Value::Number(t)) => t.clone(),
                _ => String::new(),
            };
            number_input(ctx, slot, &text, unit, (label_id, described), invalid)
        }
        ItemKind::Computed { unit, .. } => html! {
            <p class="computed" id={slot_dom_id(slot)} tabindex="-1" data-testid={format!("computed-{slot}")}>
                { ctx.t(Msg::CurrentValue) }{ ctx.lang.colon() }
                <strong data-testid="computed-value">{ part.value.map(|v| { let n = crate::core::format::quantity_against(v, unit, part.rule); let u = crate::i18n::unit_after(ctx.lang, unit, &n); format!("{n} {u}") }).unwrap_or_else(|| "—".into()) }</strong>
                if let Some(r) = part.ratio {
                    { " · " }{ ctx.say(say::OfThreshold { share: &format!("{}%", crate::core::format::fixed(r * 100.0, 1)) }) }
                }
            </p>
        },
        ItemKind::Text => {
            let text = match value {
                Some(Value::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let oninput = {
                let (dispatch, slot) = (ctx.dispatch.clone(), slot.clone());
                Callback::from(move |e: InputEvent| {
                    let area: HtmlTextAreaElement = e.target_unchecked_into();
                    let v = area.value();
                    let value = (!v.trim().is_empty()).then_some(Value::Text(v));
                    dispatch.dispatch(edit(DraftEdit::SetAnswer {
                        slot: slot.clone(),
                        value,
                    }))
                })
            };
            let dom_id = slot_dom_id(slot);
            html! { <textarea id={dom_id.clone()} rows="3" aria-labelledby={label_id.to_string()}
            aria-describedby={format!("{described} {}", messages_dom_id(&dom_id))} value={text} {oninput} /> }
        }
    }
}

/// `label_id`: the ids naming the field (its unit is added); `described`: the ids describing
/// it besides its messages.
fn number_input(
    ctx: &Ctx,
    slot: &Slot,
    text: &str,
    unit: &str,
    (label_id, described): (&str, &str),
    invalid: bool,
) -> Html {
    let oninput = {
        let (dispatch, slot) = (ctx.dispatch.clone(), slot.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let v = input.value();
            // What was typed is kept as typed; the core reads it and says what is wrong.
            let value = (!v.trim().is_empty()).then_some(Value::Number(v));
            dispatch.dispatch(edit(DraftEdit::SetAnswer {
                slot: slot.clone(),
                value,
            }))
        })
    };
    // Left with a problem: said once (the messages beside it are not a live region).
    let onchange = {
        let (dispatch, slot) = (ctx.dispatch.clone(), slot.clone());
        Callback::from(move |_: Event| {
            if invalid {
                dispatch.dispatch(Action::Notify(Notice::FieldLeft { slot: slot.clone() }));
            }
        })
    };
    let dom_id = slot_dom_id(slot);
    let unit_id = format!("{dom_id}-unit");
    let labelled = if unit.is_empty() {
        label_id.to_string()
    } else {
        format!("{label_id} {unit_id}")
    };
    let described = format!("{described} {}", messages_dom_id(&dom_id));
    html! {
        <span class="number-field">
            <input id={dom_id.clone()} type="text" inputmode="decimal" autocomplete="off" value={text.to_string()}
                aria-labelledby={labelled} aria-invalid={invalid.to_string()}
                aria-describedby={described.trim().to_string()}
                data-testid={format!("input-{slot}")} {oninput} {onchange} />
            <span class="unit" id={unit_id}>{ crate::i18n::unit(ctx.lang, unit) }</span>
        </span>
    }
}

/// An amount of money, typed in 元 or 万元 as the school's papers give it: the unit is chosen
/// beside the field and kept with the answer; the number stays as typed.
fn money_input(
    ctx: &Ctx,
    slot: &Slot,
    text: &str,
    wan: bool,
    (label_id, described): (&str, &str),
    invalid: bool,
) -> Html {
    let field = number_input(ctx, slot, text, "", (label_id, described), invalid);
    let onchange = {
        let (dispatch, slot) = (ctx.dispatch.clone(), slot.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            dispatch.dispatch(edit(DraftEdit::SetWanYuan {
                slot: slot.clone(),
                wan: select.value() == "wan",
            }))
        })
    };
    html! {
        <span class="money-field">
            { field }
            // Named with its field (three of them said only 金额单位).
            <span class="visually-hidden" id={format!("{}-money-unit", slot_dom_id(slot))}>{ ctx.t(Msg::MoneyUnitLabel) }</span>
            <select class="money-unit" aria-labelledby={format!("{label_id} {}-money-unit", slot_dom_id(slot))}
                data-testid={format!("unit-{slot}")} {onchange}>
                <option value="yuan" selected={!wan}>{ crate::i18n::unit(ctx.lang, "元") }</option>
                <option value="wan" selected={wan}>{ crate::i18n::unit(ctx.lang, "万元") }</option>
            </select>
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct InputFieldProps {
    pub checklist: Shared<Checklist>,
    pub slot: Slot,
    pub text: String,
    /// What is wrong with the value, already worded (it may quote another field).
    pub error: Option<String>,
    /// Copied from last year and not yet confirmed or changed.
    #[prop_or_default]
    pub inherited: bool,
    /// 数据合理性提醒, worded: the value is usable but unlikely beside the others.
    #[prop_or_default]
    pub notes: Vec<String>,
    /// An amount of money typed in 万元 rather than 元.
    #[prop_or_default]
    pub wan: bool,
}

/// A raw count or amount (students, teachers, areas …) for the computed indicators.
#[component]
pub fn InputField(props: &InputFieldProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let Some(def) = props.checklist.input(&props.slot.id) else {
        return Html::default();
    };
    let dom_id = slot_dom_id(&props.slot);
    let label_id = format!("{dom_id}-label");
    let hint_id = format!("{dom_id}-hint");
    html! {
        <div class="input-field" data-testid={format!("field-{}", props.slot)}>
            <label id={label_id.clone()} for={dom_id.clone()}>
                { field_label(&ctx, &props.checklist, &props.slot) }
            </label>
            if def.unit == "元" {
                { money_input(&ctx, &props.slot, &props.text, props.wan, (&label_id, &hint_id), props.error.is_some()) }
            } else {
                { number_input(&ctx, &props.slot, &props.text, &def.unit, (&label_id, &hint_id), props.error.is_some()) }
            }
            <p class="guidance" id={hint_id.clone()}>{ def.hint.as_ref().map(|h| pick(h, ctx.lang)).unwrap_or_default() }</p>
            { quiet_messages(&dom_id, props.error.as_deref(), &props.notes) }
            { inherited_mark(&ctx, &props.slot, props.inherited) }
        </div>
    }
}
