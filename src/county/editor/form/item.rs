//! 制作县级清单's form of an item: id, points, kind, texts, source, veto, the school types it
//! applies to, its rules per school type and its levels.

use super::*;

pub(super) fn item_form(kit: &Kit, n: Node, loc: Loc) -> Html {
    let (ctx, props, doc, d) = (kit.ctx, kit.props, kit.doc, kit.d);
    let Some(item) = d.item(loc) else {
        return Html::default();
    };
    let count = doc.areas[loc.area].indicators[loc.indicator].items.len();
    let rule = match &item.kind {
        ItemKind::Number { rule, .. } | ItemKind::Computed { rule, .. } => Some(rule),
        _ => None,
    };
    let scored = matches!(
        item.kind,
        ItemKind::YesNo { .. } | ItemKind::Number { .. } | ItemKind::Computed { .. }
    );
    let f = |field: ItemField| Target::Item(loc, field);
    let mut shown: Vec<Target> = vec![
        f(ItemField::Id),
        f(ItemField::Text(Lang::Zh)),
        f(ItemField::Text(Lang::En)),
        f(ItemField::Guidance(Lang::Zh)),
        f(ItemField::Guidance(Lang::En)),
        f(ItemField::Points),
        f(ItemField::Unit),
        f(ItemField::Clause),
    ];
    for t in SchoolType::ALL {
        shown.push(f(ItemField::RuleValue(t)));
        shown.push(f(ItemField::RuleMax(t)));
    }
    let levels = match &item.kind {
        ItemKind::Levels { levels, .. } => levels.as_slice(),
        _ => &[],
    };
    for k in 0..levels.len() {
        shown.push(f(ItemField::LevelPoints(k)));
        for l in [Lang::Zh, Lang::En] {
            shown.push(f(ItemField::LevelLabel(k, l)));
            shown.push(f(ItemField::LevelDescription(k, l)));
        }
    }
    let levels = (!levels.is_empty()).then(|| {
        html! {
            <>
                <h4>{ ctx.t(Msg::EditorLevels) }</h4>
                <p class="muted">{ ctx.t(Msg::EditorLevelsNote) }</p>
                { for levels.iter().enumerate().map(|(k, level)| html! {
                    <fieldset class="ed-group" key={level.id.clone()}>
                        <legend>{ &level.id }</legend>
                        <div class="form-grid">
                            { kit.both(&|l| f(ItemField::LevelLabel(k, l)), Msg::EditorLevelLabel, &format!("ed-level-label-{k}"), false) }
                            { kit.field(f(ItemField::LevelPoints(k)), ctx.t(Msg::EditorLevelPoints).into(), &format!("ed-level-points-{k}"), false) }
                        </div>
                        { kit.both(&|l| f(ItemField::LevelDescription(k, l)), Msg::EditorLevelDescription, &format!("ed-level-description-{k}"), true) }
                    </fieldset>
                }) }
            </>
        }
    });
    let unit = item.kind.unit();
    let rules = rule.map(|r| {
        let rows = doc.school_types.iter().filter(|t| d.applies(loc, **t)).map(|&t| {
            let op = rule_for(r, t).map(Op::of);
            // No rule: a 九年一贯制 school is then judged part by part; for the others
            // it is a problem the checks name (shown as such, never offered).
            let no_rule = if t == SchoolType::NineYear {
                Some(Msg::OpPerPart)
            } else {
                op.is_none().then_some(Msg::OpUnset)
            };
            let onchange = {
                let on_edit = props.on_edit.clone();
                Callback::from(move |e: Event| {
                    on_edit.emit(ChecklistEdit::SetOp(loc, t, Op::from_code(&selected(&e))))
                })
            };
            let key = t.code();
            let select_id = format!("ed-rule-op-{key}");
            html! {
                <fieldset class="ed-rule" key={key}>
                    <legend>{ school_type_name(ctx.lang, t) }</legend>
                    <div class="input-field">
                        <label for={select_id.clone()}>{ ctx.t(Msg::EditorRuleOp) }</label>
                        <select id={select_id.clone()} data-testid={select_id} {onchange}>
                            if let Some(msg) = no_rule {
                                <option value="" selected={op.is_none()}>{ ctx.t(msg) }</option>
                            }
                            { for Op::ALL.into_iter().map(|o| html! {
                                <option value={o.code()} selected={Some(o) == op}>{ ctx.t(op_msg(Some(o))) }</option>
                            }) }
                        </select>
                    </div>
                    <div hidden={op.is_none()}>
                        { kit.field(f(ItemField::RuleValue(t)), format!("{} {}", ctx.t(Msg::EditorRuleValue), crate::i18n::unit(ctx.lang, unit)), &format!("ed-rule-value-{key}"), false) }
                    </div>
                    <div hidden={op != Some(Op::Between)}>
                        { kit.field(f(ItemField::RuleMax(t)), format!("{} {}", ctx.t(Msg::EditorRuleMax), crate::i18n::unit(ctx.lang, unit)), &format!("ed-rule-max-{key}"), false) }
                    </div>
                </fieldset>
            }
        });
        html! {
            <>
                <h4>{ ctx.t(Msg::EditorRules) }</h4>
                if matches!(item.kind, ItemKind::Computed { .. }) {
                    <p class="muted">{ ctx.t(Msg::EditorComputedNote) }</p>
                }
                <div class="ed-rules">{ for rows }</div>
            </>
        }
    });
    // Which school types the item applies to.
    let applies_path = format!("{}.applies_to", loc.path());
    let applies_id = dom_id(&applies_path);
    let applies_error = props
        .problems
        .iter()
        .find(|p| p.path == applies_path)
        .map(|p| p.text.clone());
    let applies = html! {
        <fieldset class="ed-group" id={applies_id.clone()} tabindex="-1"
            aria-invalid={applies_error.is_some().then_some("true")}
            aria-describedby={crate::app::components::messages_dom_id(&applies_id)}>
            <legend>{ ctx.t(Msg::EditorAppliesTo) }</legend>
            <div class="choices">
                { for doc.school_types.iter().map(|&t| {
                    let id = format!("ed-applies-{}", t.code());
                    let onchange = {
                        let on_edit = props.on_edit.clone();
                        Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                            on_edit.emit(ChecklistEdit::SetApplies(loc, t, on))
                        })
                    };
                    html! {
                        <label class="choice" for={id.clone()}>
                            <input id={id.clone()} type="checkbox" data-testid={id} checked={d.applies(loc, t)} {onchange} />
                            { school_type_name(ctx.lang, t) }
                        </label>
                    }
                }) }
            </div>
            { messages(&applies_id, applies_error.as_deref(), &[]) }
        </fieldset>
    };
    // 达标/未达标 and number items can become each other; other kinds keep theirs.
    let changeable = match item.kind {
        ItemKind::YesNo { .. } => Some(NewItem::YesNo),
        ItemKind::Number { .. } => Some(NewItem::Number),
        _ => None,
    };
    let on_kind = {
        let (on_edit, lang) = (props.on_edit.clone(), ctx.lang);
        Callback::from(move |e: Event| {
            let kind = if selected(&e) == "number" {
                NewItem::Number
            } else {
                // Its thresholds go: asked first (the select goes back if not).
                if !page::confirm(Msg::EditorKindConfirm.text(lang)) {
                    e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                        .set_value("number");
                    return;
                }
                NewItem::YesNo
            };
            on_edit.emit(ChecklistEdit::SetKind(loc, kind))
        })
    };
    let on_source = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| on_edit.emit(ChecklistEdit::SetSource(loc, selected(&e))))
    };
    let on_veto = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            on_edit.emit(ChecklistEdit::SetVeto(loc, checked))
        })
    };
    let up = Loc {
        item: loc.item.saturating_sub(1),
        ..loc
    };
    let down = Loc {
        item: (loc.item + 1).min(count - 1),
        ..loc
    };
    html! {
        <>
            { kit.heading(format!("{} · {}", node_name(ctx, doc, Some(n)), ctx.t(kind_msg(&item.kind)))) }
            { kit.others(n, &shown, &[applies_path.as_str()]) }
            <div class="form-grid">
                { kit.field(f(ItemField::Id), ctx.t(Msg::EditorItemId).into(), "ed-item-id", false) }
                { kit.field(f(ItemField::Points), ctx.t(Msg::EditorItemPoints).into(), "ed-item-points", false) }
                if let Some(now) = changeable {
                    <div class="input-field">
                        <label for="ed-item-kind">{ ctx.t(Msg::EditorItemKind) }</label>
                        <select id="ed-item-kind" data-testid="ed-item-kind" onchange={on_kind}>
                            <option value="yes_no" selected={now == NewItem::YesNo}>{ ctx.t(Msg::KindYesNo) }</option>
                            <option value="number" selected={now == NewItem::Number}>{ ctx.t(Msg::KindNumber) }</option>
                        </select>
                    </div>
                }
                if rule.is_some() {
                    { kit.field(f(ItemField::Unit), ctx.t(Msg::EditorItemUnit).into(), "ed-item-unit", false) }
                }
            </div>
            { kit.both(&|l| f(ItemField::Text(l)), Msg::EditorItemText, "ed-item-text", true) }
            { kit.both(&|l| f(ItemField::Guidance(l)), Msg::EditorItemGuidance, "ed-item-guidance", true) }
            <div class="form-grid">
                <div class="input-field">
                    <label for="ed-item-source">{ ctx.t(Msg::EditorItemSource) }</label>
                    <select id="ed-item-source" data-testid="ed-item-source" onchange={on_source}>
                        { for doc.sources.iter().map(|s| html! {
                            <option value={s.id.clone()} selected={s.id == item.source.source}>{ format!("{} {}", s.title, s.doc_no.clone().unwrap_or_default()) }</option>
                        }) }
                    </select>
                </div>
                { kit.field(f(ItemField::Clause), ctx.t(Msg::EditorItemClause).into(), "ed-item-clause", false) }
            </div>
            if scored {
                <p>
                    <label class="choice" for="ed-item-veto">
                        <input id="ed-item-veto" type="checkbox" data-testid="ed-item-veto" checked={item.veto} onchange={on_veto} />
                        { ctx.t(Msg::EditorItemVeto) }
                    </label>
                </p>
            }
            { applies }
            { rules.unwrap_or_default() }
            { levels.unwrap_or_default() }
            { kit.move_buttons(n, Node::Item(up), Node::Item(down), Some(Node::Indicator(loc.area, loc.indicator)), loc.item == 0, loc.item + 1 == count) }
        </>
    }
}
