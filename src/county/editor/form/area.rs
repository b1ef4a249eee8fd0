//! 制作县级清单's form of an area: its titles and pass rate, its indicators added or moved.

use super::*;

pub(super) fn area_form(kit: &Kit, n: Node, a: usize) -> Html {
    let (ctx, doc) = (kit.ctx, kit.doc);
    let area = &doc.areas[a];
    let shown = [
        Target::AreaTitle(a, Lang::Zh),
        Target::AreaTitle(a, Lang::En),
        Target::AreaPassRate(a),
    ];
    let last = a + 1 == doc.areas.len();
    html! {
        <>
            { kit.heading(node_name(ctx, doc, Some(n))) }
            { kit.others(n, &shown, &[]) }
            <div class="form-grid">
                { kit.both(&|l| Target::AreaTitle(a, l), Msg::EditorAreaTitle, "ed-area-title", false) }
                { kit.field(Target::AreaPassRate(a), ctx.t(Msg::EditorAreaPassRate).into(), "ed-area-pass-rate", false) }
            </div>
            <ul class="ed-children">
                { for area.indicators.iter().enumerate().map(|(i, ind)| html! {
                    <li><button type="button" class="link" onclick={kit.choose(Some(Node::Indicator(a, i)))}>{ format!("{} {}", ind.id, pick(&ind.title, ctx.lang)) }</button></li>
                }) }
            </ul>
            <div class="page-actions">
                <button type="button" data-testid="ed-add-indicator" onclick={kit.edit_and_choose(ChecklistEdit::AddIndicator(a), Some(Node::Indicator(a, area.indicators.len())))}>{ ctx.t(Msg::EditorAddIndicator) }</button>
            </div>
            { kit.move_buttons(n, Node::Area(a.saturating_sub(1)), Node::Area(if last { a } else { a + 1 }), None, a == 0, last) }
        </>
    }
}
