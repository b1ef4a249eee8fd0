//! 制作县级清单's form of an indicator: its titles, its items added or moved.

use super::*;

pub(super) fn indicator_form(kit: &Kit, n: Node, a: usize, i: usize) -> Html {
    let (ctx, doc) = (kit.ctx, kit.doc);
    let ind = &doc.areas[a].indicators[i];
    let count = doc.areas[a].indicators.len();
    let shown = [
        Target::IndicatorTitle(a, i, Lang::Zh),
        Target::IndicatorTitle(a, i, Lang::En),
    ];
    let new_item = |kind: NewItem| {
        kit.edit_and_choose(
            ChecklistEdit::AddItem(a, i, kind),
            Some(Node::Item(Loc {
                area: a,
                indicator: i,
                item: ind.items.len(),
            })),
        )
    };
    html! {
        <>
            { kit.heading(node_name(ctx, doc, Some(n))) }
            { kit.others(n, &shown, &[]) }
            <div class="form-grid">{ kit.both(&|l| Target::IndicatorTitle(a, i, l), Msg::EditorIndicatorTitle, "ed-indicator-title", false) }</div>
            <ul class="ed-children">
                { for ind.items.iter().enumerate().map(|(k, it)| html! {
                    <li><button type="button" class="link" onclick={kit.choose(Some(Node::Item(Loc { area: a, indicator: i, item: k })))}>{ format!("{} {}", it.id, pick(&it.text, ctx.lang)) }</button></li>
                }) }
            </ul>
            <div class="page-actions">
                <button type="button" data-testid="ed-add-yes-no" onclick={new_item(NewItem::YesNo)}>{ ctx.t(Msg::EditorAddYesNo) }</button>
                <button type="button" data-testid="ed-add-number" onclick={new_item(NewItem::Number)}>{ ctx.t(Msg::EditorAddNumber) }</button>
            </div>
            { kit.move_buttons(n, Node::Indicator(a, i.saturating_sub(1)), Node::Indicator(a, (i + 1).min(count - 1)), Some(Node::Area(a)), i == 0, i + 1 == count) }
        </>
    }
}
