use crate::app::components::{pick, InputField, ItemCard};
use crate::app::{storage, Ctx, Open};
use crate::core::answers::{Slot, Value};
use crate::core::model::{ItemKind, SchoolType};
use crate::core::score::{input_slots, Assessment, Outcome};
use crate::i18n::Msg;
use crate::state::{Action, Notice, Page};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FillProps {
    pub open: Open,
    pub section: usize,
}

/// A part of the form: the raw data, or one area of the checklist.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Inputs,
    Area(usize),
}

fn sections(open: &Open) -> Vec<Section> {
    let doc = open.checklist.doc();
    let inputs = (!doc.inputs.is_empty()).then_some(Section::Inputs);
    inputs
        .into_iter()
        .chain((0..doc.areas.len()).map(Section::Area))
        .collect()
}

/// Slots that still need an answer or a correction, section by section, in screen order.
fn problems(open: &Open, t: SchoolType, a: &Assessment) -> Vec<(usize, Slot)> {
    // `missing` is sorted; `invalid` is short.
    let missing = |s: &Slot| a.missing.binary_search(s).is_ok();
    let invalid = |s: &Slot| a.invalid.iter().any(|i| &i.slot == s);
    let mut out = Vec::new();
    for (n, section) in sections(open).into_iter().enumerate() {
        match section {
            Section::Inputs => {
                for slot in input_slots(&open.checklist, t) {
                    if missing(&slot) || invalid(&slot) {
                        out.push((n, slot));
                    }
                }
            }
            Section::Area(area) => {
                for ((loc, item), result) in open.checklist.items().zip(&a.items) {
                    // Computed items wait for raw data (listed above); free text is optional.
                    if loc.area != area
                        || matches!(item.kind, ItemKind::Computed { .. } | ItemKind::Text)
                    {
                        continue;
                    }
                    for p in &result.parts {
                        if matches!(p.outcome, Outcome::Missing | Outcome::Invalid) {
                            out.push((n, Slot::new(&item.id, p.part)));
                        }
                    }
                }
            }
        }
    }
    out
}

fn progress(open: &Open, t: SchoolType, a: &Assessment, section: Section) -> (usize, usize) {
    match section {
        Section::Inputs => {
            let slots = input_slots(&open.checklist, t);
            let done = slots
                .iter()
                .filter(|s| {
                    open.draft.answers.get(s).is_some() && !a.invalid.iter().any(|i| &i.slot == *s)
                })
                .count();
            (done, slots.len())
        }
        Section::Area(area) => {
            let (mut done, mut total) = (0, 0);
            for ((loc, item), r) in open.checklist.items().zip(&a.items) {
                if loc.area != area || !r.applicable || matches!(item.kind, ItemKind::Text) {
                    continue;
                }
                for p in &r.parts {
                    total += 1;
                    done += usize::from(!matches!(p.outcome, Outcome::Missing | Outcome::Invalid));
                }
            }
            (done, total)
        }
    }
}

/// 逐项填写: the area navigation with progress, the items of one area, and 检查.
#[component]
pub fn Fill(props: &FillProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let focus_target = use_state(|| None::<String>);
    {
        let focus_target = focus_target.clone();
        use_effect_with((*focus_target).clone(), move |target| {
            if let Some(id) = target {
                storage::focus(id);
                focus_target.set(None);
            }
        });
    }
    let (Some(t), Some(a)) = (props.open.school_type(), props.open.assessment.clone()) else {
        return html! {
            <section class="page" data-testid="fill-page">
                <p class="status" role="alert">{ ctx.t(Msg::ChooseTypeFirst) }</p>
                <button type="button" class="primary" onclick={ctx.go(Page::Profile)}>{ ctx.t(Msg::TabProfile) }</button>
            </section>
        };
    };
    let all = sections(&props.open);
    let current = props.section.min(all.len().saturating_sub(1));
    let section = all[current];
    let section_title = |s: Section| match s {
        Section::Inputs => ctx.t(Msg::BasicData).to_string(),
        Section::Area(i) => pick(&props.open.checklist.doc().areas[i].title, ctx.lang).to_string(),
    };
    let (done_all, total_all) = all
        .iter()
        .map(|s| progress(&props.open, t, &a, *s))
        .fold((0, 0), |(d, t), (d2, t2)| (d + d2, t + t2));
    let check = {
        let (open, dispatch, a, focus_target) = (
            props.open.clone(),
            ctx.dispatch.clone(),
            a.clone(),
            focus_target.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let list = problems(&open, t, &a);
            let first = list.first().cloned();
            if let Some((section, slot)) = &first {
                dispatch.dispatch(Action::Go(Page::Fill { area: *section }));
                focus_target.set(Some(crate::app::components::slot_dom_id(slot)));
            }
            dispatch.dispatch(Action::Notify(Notice::Check {
                remaining: list.len(),
                first: first.map(|(_, s)| s),
            }));
        })
    };
    let nav = all.iter().enumerate().map(|(n, s)| {
        let (done, total) = progress(&props.open, t, &a, *s);
        let is_current = n == current;
        html! {
            <li>
                <button type="button" class={classes!("area-link", is_current.then_some("current"), (done == total).then_some("complete"))}
                    aria-current={is_current.then_some("step")} data-testid={format!("section-{n}")} onclick={ctx.go(Page::Fill { area: n })}>
                    <span>{ section_title(*s) }</span>
                    <span class="area-progress" data-testid="section-progress">{ format!("{done}/{total}") }</span>
                </button>
            </li>
        }
    });
    let content = match section {
        Section::Inputs => {
            let fields = input_slots(&props.open.checklist, t).into_iter().map(|slot| {
                let text = match props.open.draft.answers.get(&slot) {
                    Some(Value::Number(t)) => t.clone(),
                    _ => String::new(),
                };
                let problem = a.invalid.iter().find(|i| i.slot == slot).map(|i| i.problem.clone());
                let warnings = a.warnings.iter().filter(|w| w.slot == slot).map(|w| w.kind.clone()).collect::<Vec<_>>();
                html! { <InputField key={slot.to_string()} checklist={props.open.checklist.clone()} slot={slot.clone()} {text} {problem} {warnings} /> }
            });
            html! {
                <>
                    <p class="guidance">{ ctx.t(Msg::BasicDataIntro) }</p>
                    <div class="form-grid">{ for fields }</div>
                </>
            }
        }
        Section::Area(area) => {
            let cards = props.open.checklist.items().zip(&a.items).filter(|((loc, _), r)| loc.area == area && r.applicable).map(|((loc, item), r)| {
                let values = r.parts.iter().map(|p| {
                    let slot = Slot::new(&item.id, p.part);
                    let v = props.open.draft.answers.get(&slot).cloned();
                    (slot, v)
                }).collect::<Vec<_>>();
                let invalid = a.invalid.iter().filter(|i| i.slot.id == item.id).cloned().collect::<Vec<_>>();
                let warnings = a.warnings.iter().filter(|w| w.slot.id == item.id).cloned().collect::<Vec<_>>();
                let note = props.open.draft.answers.notes.get(&item.id).cloned().unwrap_or_default();
                let attachments = props.open.draft.attachments.iter().filter(|a| a.item == item.id).cloned().collect::<Vec<_>>();
                html! {
                    <ItemCard key={item.id.clone()} checklist={props.open.checklist.clone()} {loc} school_type={t}
                        {values} result={r.clone()} {note} {invalid} {warnings} {attachments} />
                }
            });
            html! { <>{ for cards }</> }
        }
    };
    html! {
        <section class="page fill" data-testid="fill-page">
            <div class="fill-bar">
                <span data-testid="overall-progress">{ ctx.fill(Msg::ProgressLabel, &[&done_all.to_string(), &total_all.to_string()]) }</span>
                <button type="button" class="primary" data-testid="check" onclick={check}>{ ctx.t(Msg::CheckButton) }</button>
            </div>
            <div class="fill-layout">
                <nav class="area-nav" aria-label={ctx.t(Msg::TabFill)}><ol>{ for nav }</ol></nav>
                <div class="area-content">
                    <h3 data-testid="section-title">{ section_title(section) }</h3>
                    { content }
                    <div class="page-actions">
                        if current > 0 {
                            <button type="button" data-testid="prev-section" onclick={ctx.go(Page::Fill { area: current - 1 })}>{ "← " }{ ctx.t(Msg::PreviousSection) }</button>
                        }
                        if current + 1 < all.len() {
                            <button type="button" class="primary" data-testid="next-section" onclick={ctx.go(Page::Fill { area: current + 1 })}>{ ctx.t(Msg::NextSection) }{ " →" }</button>
                        } else {
                            <button type="button" class="primary" data-testid="to-results" onclick={ctx.go(Page::Results)}>{ ctx.t(Msg::TabResults) }{ " →" }</button>
                        }
                    </div>
                </div>
            </div>
        </section>
    }
}
