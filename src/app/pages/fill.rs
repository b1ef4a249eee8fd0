use crate::app::browser::page;

use crate::app::components::{
    field_label, pick, problem_text, slot_dom_id, warning_text, InputField, ItemCard,
};
use crate::app::{Ctx, Open};
use crate::core::answers::{Slot, Value};
use crate::core::plausible::{notes, Note};
use crate::core::score::input_slots;
use crate::i18n::{say, Msg};
use crate::state::check::{attention, plan_problems, progress, sections, Concern, Section, Tally};
use crate::state::{Action, Page};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FillProps {
    pub open: Open,
    pub section: usize,
}

/// For a 九年一贯制 school: how shared resources are split between its parts, why, and what
/// the split gives with the enrolment entered so far (the engine's split facts).
fn split_note(ctx: &Ctx, open: &Open) -> Html {
    let Some(split) = open.assessment.as_ref().and_then(|a| a.split) else {
        return Html::default();
    };
    let (pw, jw) = (
        crate::core::format::fixed(split.primary_weight, 2),
        crate::core::format::fixed(split.junior_weight, 2),
    );
    let now = split.shares.map(|(sp, sj)| {
        let pct = |x: f64| format!("{}%", crate::core::format::fixed(x * 100.0, 1));
        ctx.say(say::SplitNow {
            primary_share: &pct(sp),
            junior_share: &pct(sj),
        })
    });
    html! {
        <p class="note" data-testid="split-note">
            { ctx.say(say::SplitExplained { primary_weight: &pw, junior_weight: &jw }) }
            { " " }{ now.unwrap_or_default() }
        </p>
    }
}

/// Places listed by 检查 at most; the count says how many more.
const CHECK_LIST_MAX: usize = 30;

/// A place 检查 lists: its field and, for a value that cannot be used or a note, what is wrong
/// (`unlikely`: the 数据合理性提醒 of the answers, found once per render).
pub fn place_text(
    ctx: &Ctx,
    open: &Open,
    a: &crate::core::score::Assessment,
    unlikely: &[Note],
    slot: &Slot,
) -> String {
    if let Some(i) = a.invalid.iter().find(|i| &i.slot == slot) {
        return problem_text(ctx, &open.checklist, &open.draft.answers, slot, &i.problem);
    }
    let label = field_label(ctx, &open.checklist, slot);
    let note = match a.warnings.iter().find(|w| &w.slot == slot) {
        Some(w) => Some(warning_text(ctx, &w.kind)),
        None => unlikely
            .iter()
            .find(|n| &n.slot == slot)
            .map(|n| crate::i18n::unlikely_text(ctx.lang, n.unlikely)),
    };
    match note {
        Some(note) => format!("{label}{}{note}", ctx.t(Msg::ColonSeparator)),
        None => label,
    }
}

/// 逐项填写: the area navigation with progress, the items of one area, and 检查.
#[component]
pub fn Fill(props: &FillProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let focus_target = use_state(|| None::<String>);
    let checked = use_state(|| false);
    // A new section starts at its heading, not at the button that led here (the heading is
    // announced; the first field is one Tab away). Before the 检查 target below, which wins.
    use_effect_with(props.section, |_| page::focus("section-heading"));
    {
        let focus_target = focus_target.clone();
        use_effect_with((*focus_target).clone(), move |target| {
            if let Some(id) = target {
                page::focus(id);
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
    let checklist = &props.open.checklist;
    let answers = &props.open.draft.answers;
    let all = sections(checklist);
    let current = props.section.min(all.len().saturating_sub(1));
    let section = all[current];
    let section_title = |s: Section| match s {
        Section::Inputs => ctx.t(Msg::BasicData).to_string(),
        Section::Area(i) => pick(&checklist.doc().areas[i].title, ctx.lang).to_string(),
    };
    let (done_all, total_all) = all
        .iter()
        .map(|s| progress(checklist, t, answers, &a, *s))
        .fold((0, 0), |(d, t), (d2, t2)| (d + d2, t + t2));
    // 检查 opens a panel that stays, counting live as the principal fixes what it lists; the
    // page does not move: each place is a link to its field.
    let check = {
        let (dispatch, checked, focus_target) =
            (ctx.dispatch.clone(), checked.clone(), focus_target.clone());
        Callback::from(move |_: MouseEvent| {
            checked.set(true);
            focus_target.set(Some("check-panel".to_string()));
            dispatch.dispatch(Action::Check);
        })
    };
    // 数据合理性提醒: under the raw data's fields and in 检查's list.
    let unlikely = notes(checklist, t, answers);
    let panel = checked.then(|| {
        let list = attention(checklist, t, answers, &a);
        let tally = Tally::of(&list);
        let close = {
            let checked = checked.clone();
            Callback::from(move |_: MouseEvent| checked.set(false))
        };
        let shown = list.iter().take(CHECK_LIST_MAX).map(|x| {
            let go = {
                let (dispatch, focus_target, section, id) =
                    (ctx.dispatch.clone(), focus_target.clone(), x.section, slot_dom_id(&x.slot));
                Callback::from(move |_: MouseEvent| {
                    dispatch.dispatch(Action::Go(Page::Fill { area: section }));
                    focus_target.set(Some(id.clone()));
                })
            };
            let (class, kind) = match x.concern {
                Concern::Error => ("bad", ctx.t(Msg::CheckKindError)),
                Concern::Missing => ("missing", ctx.t(Msg::CheckKindMissing)),
                Concern::Warning => ("near", ctx.t(Msg::CheckKindWarning)),
            };
            html! {
                <li>
                    <span class={classes!("badge", class)}>{ kind }</span>{ " " }
                    <button type="button" class="link" data-testid="check-place" onclick={go}>
                        { section_title(all[x.section]) }{ " · " }{ place_text(&ctx, &props.open, &a, &unlikely, &x.slot) }
                    </button>
                </li>
            }
        });
        let more = list.len().saturating_sub(CHECK_LIST_MAX);
        // The 整改清单's dates too: a plan due in the year 7228 is not finished work.
        let draft = &props.open.draft;
        let plan = plan_problems(&draft.plan, &draft.profile.school_year);
        let plan_places = plan.iter().map(|(row, _, problem)| html! {
            <li>
                <span class="badge bad">{ ctx.t(Msg::CheckKindError) }</span>{ " " }
                <button type="button" class="link" data-testid="check-plan-place" onclick={ctx.go(Page::Plan)}>
                    { ctx.say(say::CheckPlanRow { row: &row.to_string(), problem: &crate::i18n::deadline_problem_text(ctx.lang, *problem) }) }
                </button>
            </li>
        });
        let complete = tally.is_complete() && plan.is_empty();
        html! {
            <div class={classes!("card", "check-panel", if complete { "done" } else { "open" })}
                id="check-panel" tabindex="-1" role="region" aria-labelledby="check-heading" data-testid="check-panel">
                <h3 id="check-heading">{ ctx.t(Msg::CheckHeading) }</h3>
                if list.is_empty() && plan.is_empty() {
                    <p class="ok-line" data-testid="check-summary">{ "✓ " }{ ctx.t(Msg::CheckAllDone) }</p>
                } else {
                    <p data-testid="check-summary">
                        if complete { { "✓ " }{ ctx.t(Msg::CheckAllDone) }{ " " } }
                        if !plan.is_empty() { { ctx.say(say::CheckPlanCount { rows: &plan.len().to_string() }) }{ " " } }
                        { ctx.say(say::CheckCounts {
                            errors: &tally.errors.to_string(),
                            missing: &tally.missing.to_string(),
                            warnings: &tally.warnings.to_string(),
                        }) }
                    </p>
                    <ul class="check-list">{ for shown }{ for plan_places }</ul>
                    if more > 0 { <p class="muted">{ ctx.say(say::CheckMore { count: &more.to_string() }) }</p> }
                }
                <button type="button" class="small" data-testid="check-close" onclick={close}>{ ctx.t(Msg::Close) }</button>
            </div>
        }
    });
    let nav = all.iter().enumerate().map(|(n, s)| {
        let (done, total) = progress(checklist, t, answers, &a, *s);
        let is_current = n == current;
        html! {
            <li>
                <button type="button" class={classes!("area-link", is_current.then_some("current"), (done == total).then_some("complete"))}
                    aria-current={is_current.then_some("step")} data-testid={format!("section-{n}")} onclick={ctx.go(Page::Fill { area: n })}>
                    <span>{ section_title(*s) }</span>
                    // "1/20" is read as a date or a fraction: said in words.
                    <span class="area-progress" data-testid="section-progress" aria-hidden="true">{ format!("{done}/{total}") }</span>
                    <span class="visually-hidden">{ ctx.say(say::SectionProgress { done: &done.to_string(), total: &total.to_string() }) }</span>
                </button>
            </li>
        }
    });
    let content = match section {
        Section::Inputs => {
            let fields = input_slots(&props.open.checklist, t).into_iter().map(|slot| {
                let notes = unlikely.iter().filter(|n| n.slot == slot)
                    .map(|n| crate::i18n::unlikely_text(ctx.lang, n.unlikely)).collect::<Vec<_>>();
                let text = match props.open.draft.answers.get(&slot) {
                    Some(Value::Number(t)) => t.clone(),
                    _ => String::new(),
                };
                let error = a.invalid.iter().find(|i| i.slot == slot)
                    .map(|i| problem_text(&ctx, checklist, answers, &slot, &i.problem));
                let inherited = props.open.draft.inherited.contains(&slot);
                let wan = answers.wan_yuan.contains(&slot);
                html! { <InputField key={slot.to_string()} checklist={props.open.checklist.clone()} slot={slot.clone()} {text} {error} {notes} {inherited} {wan} /> }
            });
            html! {
                <>
                    <p class="guidance">{ ctx.t(Msg::BasicDataIntro) }</p>
                    { split_note(&ctx, &props.open) }
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
                let draft = &props.open.draft;
                let inherited = draft.inherited.iter().filter(|s| s.id == item.id).cloned().collect::<Vec<_>>();
                let last_year = draft.previous.as_ref().is_some_and(|p| p.answers.values.keys().any(|s| s.id == item.id))
                    && values.iter().all(|(_, v)| v.is_none());
                html! {
                    <ItemCard key={item.id.clone()} checklist={props.open.checklist.clone()} {loc} school_type={t}
                        {values} result={r.clone()} {note} {invalid} {warnings} {attachments} {inherited} {last_year} />
                }
            });
            html! { <>{ for cards }</> }
        }
    };
    html! {
        <section class="page fill" data-testid="fill-page">
            <div class="fill-bar">
                <span data-testid="overall-progress">{ ctx.say(say::ProgressLabel { done: &done_all.to_string(), total: &total_all.to_string() }) }</span>
                <button type="button" class="primary" data-testid="check" onclick={check}>{ ctx.t(Msg::CheckButton) }</button>
            </div>
            { for panel }
            <div class="fill-layout">
                <nav class="area-nav" aria-label={ctx.t(Msg::TabFill)}><ol>{ for nav }</ol></nav>
                <div class="area-content">
                    <h3 id="section-heading" tabindex="-1" data-testid="section-title">{ section_title(section) }</h3>
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
