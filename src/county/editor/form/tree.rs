//! 制作县级清单's structure: the checklist's parts as a tree, each with its count of problems.

use super::*;

pub(super) fn tree(kit: &Kit) -> Html {
    let (ctx, props, doc, node) = (kit.ctx, kit.props, kit.doc, kit.node);
    let choose = |n: Option<Node>| kit.choose(n);
    // Problems by part, for the marks in the structure.
    let count_in = |n: Option<Node>| {
        props
            .problems
            .iter()
            .filter(|p| match (n, p.place.node) {
                (None, at) => at.is_none(),
                (Some(n), Some(at)) => n.contains(at),
                (Some(_), None) => false,
            })
            .count()
    };
    let mark = |n: Option<Node>| {
        let count = count_in(n);
        html! {
            <span class="ed-mark" hidden={count == 0} aria-label={ctx.say(say::EditorProblemCount { count: &count.to_string() })}>{ count }</span>
        }
    };
    let entry = |n: Option<Node>, label: String, testid: String, class: &'static str| {
        let current = n == node;
        html! {
            <button type="button" class={classes!("ed-node", class, current.then_some("current"))} data-testid={testid}
                aria-current={current.then_some("true")} onclick={choose(n)}>
                <span class="ed-node-label">{ label }</span>{ mark(n) }
            </button>
        }
    };
    let tree = html! {
        <nav class="ed-tree" aria-label={ctx.t(Msg::EditorTree)} data-testid="ed-tree">
            <ul>
                <li>{ entry(None, ctx.t(Msg::EditorMeta).into(), "ed-node-meta".into(), "meta") }</li>
                { for doc.areas.iter().enumerate().map(|(a, area)| html! {
                    <li>
                        { entry(Some(Node::Area(a)), format!("{} {}", area.id, pick(&area.title, ctx.lang)), format!("ed-node-{}", area.id), "area") }
                        <ul>
                            { for area.indicators.iter().enumerate().map(|(i, ind)| html! {
                                <li>
                                    { entry(Some(Node::Indicator(a, i)), format!("{} {}", ind.id, pick(&ind.title, ctx.lang)), format!("ed-node-{}", ind.id), "indicator") }
                                    <ul>
                                        { for ind.items.iter().enumerate().map(|(k, it)| html! {
                                            <li>{ entry(Some(Node::Item(Loc { area: a, indicator: i, item: k })), format!("{} {}", it.id, pick(&it.text, ctx.lang)), format!("ed-node-{}", it.id), "item") }</li>
                                        }) }
                                    </ul>
                                </li>
                            }) }
                        </ul>
                    </li>
                }) }
            </ul>
        </nav>
    };
    tree
}
