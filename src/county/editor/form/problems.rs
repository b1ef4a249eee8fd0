//! 制作县级清单's problems and notes, each a way to its field.

use super::*;

pub(super) fn problems(kit: &Kit) -> Html {
    let (ctx, props, doc, chosen) = (kit.ctx, kit.props, kit.doc, kit.chosen);
    // Each problem and note, a way to its field.
    let link = |p: &Shown, testid: &'static str| {
        let at = p.place.node;
        let jump = {
            let (chosen, path) = (chosen.clone(), p.path.clone());
            Callback::from(move |_: MouseEvent| {
                chosen.set(chosen.to(at, true, Some(dom_id(&path))))
            })
        };
        html! {
            <li><button type="button" class="link" data-testid={testid} onclick={jump}>
                { ctx.say(say::EditorProblemAt { place: &place_of(ctx, doc, p.place), problem: &p.text }) }
            </button></li>
        }
    };
    let problem_list = props.problems.iter().map(|p| link(p, "ed-problem"));
    let note_list = props.notes.iter().map(|p| link(p, "ed-note"));
    let count = props.problems.len();
    let problems = html! {
        <div class={classes!("card", "ed-problems", (count > 0).then_some("warning"))} data-testid="ed-problems">
            <p role="status" aria-live="polite" data-testid="ed-problem-count">
                if count == 0 { { ctx.t(Msg::EditorNoProblems) } } else { <strong>{ ctx.t(Msg::EditorProblems) }{ ctx.lang.colon() }{ ctx.say(say::EditorProblemCount { count: &count.to_string() }) }</strong> }
            </p>
            <ul hidden={count == 0}>{ for problem_list }</ul>
            <div class="ed-notes" data-testid="ed-notes" hidden={props.notes.is_empty()}>
                <p class="field-warning">{ ctx.t(Msg::EditorNotes) }</p>
                <ul>{ for note_list }</ul>
            </div>
        </div>
    };
    problems
}
