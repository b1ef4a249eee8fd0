use super::{fill::Fill, plan::Plan, profile::ProfilePage, report::Report, results::Results};
use crate::app::browser::{clock, page};
use crate::app::components::{pick, save_bar};
use crate::app::{Ctx, Open};
use crate::i18n::{say, Msg};
use crate::state::check::{attention, plan_problems, Tally};
use crate::state::{Action, Page, SaveStatus};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WorkspaceProps {
    pub open: Open,
    pub page: Page,
    pub save: SaveStatus,
}

/// An open draft: its steps as tabs, the save status, and the current step.
#[component]
pub fn Workspace(props: &WorkspaceProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by App");
    let draft = &props.open.draft;
    let tabs = [
        (Page::Profile, Msg::TabProfile, "tab-profile"),
        (Page::Fill { area: 0 }, Msg::TabFill, "tab-fill"),
        (Page::Results, Msg::TabResults, "tab-results"),
        (Page::Plan, Msg::TabPlan, "tab-plan"),
        (Page::Report, Msg::TabReport, "tab-report"),
    ];
    let same_tab = |a: Page, b: Page| std::mem::discriminant(&a) == std::mem::discriminant(&b);
    let close = {
        let (dispatch, id) = (ctx.dispatch.clone(), draft.id.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::CloseDraft);
            // Back in the list at the draft just left (the button pressed is gone).
            page::focus_after_drawing(format!("draft-open-{id}"));
        })
    };
    // 导出报送文件, or with `package` 导出报送包 (the file and its evidence in one zip).
    let export = |package: bool| {
        let open = props.open.clone();
        let dispatch = ctx.dispatch.clone();
        let lang = ctx.lang;
        Callback::from(move |_: MouseEvent| {
            // An incomplete form is exported only when the principal says so; a 整改 row's
            // 完成时限 that cannot be meant is a mistake too, as 检查 lists it.
            if let (Some(t), Some(a)) = (open.school_type(), &open.assessment) {
                let tally = Tally::of(&attention(&open.checklist, t, &open.draft.answers, a));
                let plan = plan_problems(&open.draft.plan, &open.draft.profile.school_year).len();
                let ask = if !tally.is_complete() {
                    Some(
                        say::ExportIncomplete {
                            errors: &(tally.errors + plan).to_string(),
                            missing: &tally.missing.to_string(),
                        }
                        .text(lang),
                    )
                } else {
                    (plan > 0).then(|| {
                        say::ExportPlanDeadlines {
                            rows: &plan.to_string(),
                        }
                        .text(lang)
                    })
                };
                if ask.is_some_and(|ask| !page::confirm(&ask)) {
                    return;
                }
            }
            // Without a school type nothing can be exported: said where it is seen, not only
            // in the live region (the reducer's notice words the same).
            if open.school_type().is_none() {
                gloo::dialogs::alert(crate::i18n::Msg::ExportNeedsType.text(lang));
            }
            dispatch.dispatch(Action::Export {
                now: clock::now(),
                app_version: env!("CARGO_PKG_VERSION").into(),
                package,
            });
        })
    };
    // A step opened starts at its heading, announced, as 逐项填写 and 基本信息 do (the focus
    // stayed on the tab, the new content unsaid).
    use_effect_with(std::mem::discriminant(&props.page), {
        let step = props.page;
        move |_| match step {
            Page::Results => page::focus("results-heading"),
            Page::Plan => page::focus("plan-heading"),
            Page::Report => page::focus("report-heading"),
            _ => {}
        }
    });
    let evidence = &draft.attachments;
    let body = match props.page {
        Page::Start | Page::Profile => {
            html! { <ProfilePage open={props.open.clone()} /> }
        }
        Page::Fill { area } => html! { <Fill open={props.open.clone()} section={area} /> },
        Page::Results => html! { <Results open={props.open.clone()} /> },
        Page::Plan => html! { <Plan open={props.open.clone()} /> },
        Page::Report => html! { <Report open={props.open.clone()} /> },
    };
    let school = if draft.profile.school_name.trim().is_empty() {
        ctx.t(Msg::Untitled).to_string()
    } else {
        draft.profile.school_name.clone()
    };
    html! {
        <section class="workspace" data-testid="workspace">
            <div class="workspace-head no-print">
                <button type="button" class="link" data-testid="back-to-start" onclick={close}>{ "← " }{ ctx.t(Msg::BackToStart) }</button>
                <div>
                    <h2 data-testid="workspace-school">{ school }</h2>
                    <p class="meta">{ pick(&props.open.checklist.doc().title, ctx.lang) }</p>
                </div>
                <div class="head-actions">
                    { save_bar(&ctx, draft, &props.save) }
                    <button type="button" class="primary" data-testid="export-submission" onclick={export(false)}>{ ctx.t(Msg::ExportSubmission) }</button>
                    if !evidence.is_empty() {
                        <button type="button" data-testid="export-package" onclick={export(true)}
                            title={ctx.say(say::ExportPackageHint { files: &evidence.len().to_string() })}>
                            { ctx.t(Msg::ExportPackage) }
                        </button>
                    }
                </div>
            </div>
            <nav class="tabs no-print" aria-label={ctx.t(Msg::DraftNav)}>
                { for tabs.iter().map(|(page, msg, testid)| {
                    let current = same_tab(*page, props.page);
                    html! {
                        <button type="button" class={classes!("tab", current.then_some("current"))} data-testid={*testid}
                            aria-current={current.then_some("page")} onclick={ctx.go(*page)}>{ ctx.t(*msg) }</button>
                    }
                }) }
            </nav>
            { body }
        </section>
    }
}
