//! The form of a checklist draft: its structure on one side (areas, indicators, items, each
//! marked with its problems), the part chosen on the other. Every field keeps what is typed
//! in it while it has the focus, and shows its problem under it (a message slot that is
//! always there, so the field never changes shape).

use super::{selected, Shown};
use crate::app::browser::page;
use crate::app::components::{messages, pick};
use crate::app::{Ctx, Shared};
use crate::core::model::{ChecklistDoc, ItemKind, Op, SchoolType};
use crate::i18n::{kind_msg, op_msg, place_field_name, school_type_name, Lang, Msg, Say};
use crate::state::editor::{
    rule_for, ChecklistDraft, ChecklistEdit, ItemField, Loc, NewItem, Node, Place, Target,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// A field's DOM id, from its path in the checklist (`ed-areas-0-indicators-1-items-2-points`).
pub fn dom_id(path: &str) -> String {
    let mut id = String::from("ed");
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            id.push(c);
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// The name of a part (for the problems list and the headings).
pub fn node_name(ctx: &Ctx, doc: &ChecklistDoc, node: Option<Node>) -> String {
    let area = |a: usize| doc.areas.get(a);
    match node {
        None => ctx.t(Msg::EditorMeta).into(),
        Some(Node::Area(a)) => area(a).map_or_else(String::new, |x| {
            ctx.say(Say::PlaceArea {
                id: &x.id,
                title: pick(&x.title, ctx.lang),
            })
        }),
        Some(Node::Indicator(a, i)) => {
            area(a)
                .and_then(|x| x.indicators.get(i))
                .map_or_else(String::new, |x| {
                    ctx.say(Say::PlaceIndicator {
                        id: &x.id,
                        title: pick(&x.title, ctx.lang),
                    })
                })
        }
        Some(Node::Item(loc)) => area(loc.area)
            .and_then(|x| x.indicators.get(loc.indicator))
            .and_then(|x| x.items.get(loc.item))
            .map_or_else(String::new, |x| {
                ctx.say(Say::PlaceItem {
                    id: &x.id,
                    text: pick(&x.text, ctx.lang),
                })
            }),
    }
}

/// Where a problem is, for the list: the part and the field ("项目 B5.1.1 … · 分值").
fn place_of(ctx: &Ctx, doc: &ChecklistDoc, place: Place) -> String {
    let part = node_name(ctx, doc, place.node);
    let part = part.trim();
    match place.field {
        Some(field) => format!("{part} · {}", place_field_name(ctx.lang, field)),
        None => part.to_string(),
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub target: Target,
    /// What the draft holds for it now.
    pub value: AttrValue,
    pub label: AttrValue,
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub multiline: bool,
    pub testid: AttrValue,
    pub on_edit: Callback<ChecklistEdit>,
}

/// One text or number field of the checklist.
#[component]
pub fn EdField(p: &FieldProps) -> Html {
    let text = use_state(|| p.value.to_string());
    let node = use_node_ref();
    let has_focus = |node: &NodeRef| {
        let active = gloo::utils::document().active_element();
        node.get()
            .zip(active)
            .is_some_and(|(n, a)| n.is_same_node(Some(a.unchecked_ref())))
    };
    // A change made elsewhere (a table imported, a part moved) shows here, unless this field
    // is being typed in: then what is typed stays as it is.
    {
        let (text, node) = (text.clone(), node.clone());
        use_effect_with(p.value.clone(), move |v| {
            if !has_focus(&node) && *text != v.as_str() {
                text.set(v.to_string());
            }
        });
    }
    let oninput = {
        let (text, on_edit, target) = (text.clone(), p.on_edit.clone(), p.target);
        Callback::from(move |e: InputEvent| {
            let Some(el) = e.target() else { return };
            let v = match el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                Some(t) => t.value(),
                None => el.unchecked_into::<web_sys::HtmlInputElement>().value(),
            };
            text.set(v.clone());
            on_edit.emit(ChecklistEdit::Set(target, v));
        })
    };
    let onblur = {
        let (text, value) = (text.clone(), p.value.clone());
        Callback::from(move |_: FocusEvent| text.set(value.to_string()))
    };
    let id = dom_id(&p.target.path());
    let msgs = crate::app::components::messages_dom_id(&id);
    let invalid = p.error.is_some().then_some("true");
    html! {
        <div class="input-field">
            <label for={id.clone()}>{ &p.label }</label>
            if p.multiline {
                <textarea id={id.clone()} ref={node} data-testid={p.testid.clone()} rows="2" value={(*text).clone()}
                    aria-invalid={invalid} aria-describedby={msgs} {oninput} {onblur} />
            } else {
                <input id={id.clone()} ref={node} data-testid={p.testid.clone()} type="text" value={(*text).clone()}
                    inputmode={p.target.is_number().then_some("decimal")}
                    aria-invalid={invalid} aria-describedby={msgs} {oninput} {onblur} />
            }
            { messages(&id, p.error.as_deref(), &[]) }
        </div>
    }
}

/// The part of the checklist whose form is shown, and the focus request.
#[derive(Clone, PartialEq)]
struct Chosen {
    node: Option<Node>,
    focus: u32,
    field: Option<String>,
}

impl Chosen {
    fn to(&self, node: Option<Node>, refocus: bool, field: Option<String>) -> Chosen {
        Chosen {
            node,
            focus: self.focus + u32::from(refocus),
            field,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct FormProps {
    pub draft: Shared<ChecklistDraft>,
    pub problems: Shared<Vec<Shown>>,
    /// Words that quote other numbers than their rule: notes that lead to their field.
    pub notes: Shared<Vec<Shown>>,
    pub on_edit: Callback<ChecklistEdit>,
}

/// The checklist's structure and the form of the part chosen in it.
#[component]
pub fn Form(props: &FormProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Ctx is provided by CountyApp");
    // The part chosen, and where the focus goes when it is drawn: `focus` counts the requests
    // (the same part chosen again still moves the focus), `field` is a problem's field.
    let chosen = use_state(|| Chosen {
        node: None,
        focus: 0,
        field: None,
    });
    {
        let key = (chosen.focus, chosen.field.clone());
        use_effect_with(key, move |(n, field)| {
            // The part chosen is in sight in the structure (a long list scrolls).
            if let Some(el) = gloo::utils::document()
                .query_selector(".ed-node.current")
                .ok()
                .flatten()
            {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
            if *n > 0 {
                match field {
                    // The problem's field when the part's form shows it; else its heading.
                    Some(id) if gloo::utils::document().get_element_by_id(id).is_some() => {
                        page::focus(id)
                    }
                    _ => page::focus("ed-form-heading"),
                }
            }
        });
    }
    let d = &props.draft;
    let doc = &d.doc;
    // A part that is no longer there (removed, or an import shortened the list) is left.
    let node = chosen.node.filter(|n| match *n {
        Node::Area(a) => a < doc.areas.len(),
        Node::Indicator(a, i) => doc.areas.get(a).is_some_and(|x| i < x.indicators.len()),
        Node::Item(loc) => d.item(loc).is_some(),
    });
    let error_of = |t: Target| -> Option<AttrValue> {
        let path = t.path();
        let texts: Vec<&str> = props
            .problems
            .iter()
            .filter(|p| p.path == path)
            .map(|p| p.text.as_str())
            .collect();
        (!texts.is_empty()).then(|| AttrValue::from(texts.join(ctx.t(Msg::ClauseSeparator))))
    };
    let field = |t: Target, label: String, testid: &str, multiline: bool| {
        html! {
            <EdField key={t.path()} target={t} value={AttrValue::from(d.shown(t))} label={label}
                error={error_of(t)} {multiline} testid={AttrValue::from(testid.to_string())} on_edit={props.on_edit.clone()} />
        }
    };
    let both = |t: &dyn Fn(Lang) -> Target, msg: Msg, testid: &str, multiline: bool| {
        html! {
            <>
                { for [Lang::Zh, Lang::En].into_iter().map(|l| field(
                    t(l),
                    format!("{}{}", ctx.t(msg), crate::i18n::lang_suffix(ctx.lang, l)),
                    &format!("{testid}-{}", if l == Lang::Zh { "zh" } else { "en" }),
                    multiline,
                )) }
            </>
        }
    };
    let choose = |n: Option<Node>| {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(chosen.to(n, true, None)))
    };
    // An edit that moves the part chosen takes the choice with it.
    let edit_and_choose = |edit: ChecklistEdit, then: Option<Node>| {
        let (on_edit, chosen) = (props.on_edit.clone(), chosen.clone());
        let lang = ctx.lang;
        Callback::from(move |_: MouseEvent| {
            if matches!(edit, ChecklistEdit::Remove(_))
                && !page::confirm(Msg::EditorRemoveConfirm.text(lang))
            {
                return;
            }
            on_edit.emit(edit.clone());
            // A part moved keeps the focus on the button that moved it.
            let refocus = !matches!(edit, ChecklistEdit::Move(..));
            chosen.set(chosen.to(then, refocus, None));
        })
    };
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
            <span class="ed-mark" hidden={count == 0} aria-label={ctx.say(Say::EditorProblemCount { count: &count.to_string() })}>{ count }</span>
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
    // The problems, each a way to its field.
    let problem_list = props.problems.iter().map(|p| {
        let at = p.place.node;
        let jump = {
            let (chosen, path) = (chosen.clone(), p.path.clone());
            Callback::from(move |_: MouseEvent| chosen.set(chosen.to(at, true, Some(dom_id(&path)))))
        };
        html! {
            <li><button type="button" class="link" data-testid="ed-problem" onclick={jump}>
                { ctx.say(Say::EditorProblemAt { place: &place_of(&ctx, doc, p.place), problem: &p.text }) }
            </button></li>
        }
    });
    let note_list = props.notes.iter().map(|p| {
        let at = p.place.node;
        let jump = {
            let (chosen, path) = (chosen.clone(), p.path.clone());
            Callback::from(move |_: MouseEvent| chosen.set(chosen.to(at, true, Some(dom_id(&path)))))
        };
        html! {
            <li><button type="button" class="link" data-testid="ed-note" onclick={jump}>
                { ctx.say(Say::EditorProblemAt { place: &place_of(&ctx, doc, p.place), problem: &p.text }) }
            </button></li>
        }
    });
    let count = props.problems.len();
    let problems = html! {
        <div class={classes!("card", "ed-problems", (count > 0).then_some("warning"))} data-testid="ed-problems">
            <p role="status" aria-live="polite" data-testid="ed-problem-count">
                if count == 0 { { ctx.t(Msg::EditorNoProblems) } } else { <strong>{ ctx.t(Msg::EditorProblems) }{ ctx.lang.colon() }{ ctx.say(Say::EditorProblemCount { count: &count.to_string() }) }</strong> }
            </p>
            <ul hidden={count == 0}>{ for problem_list }</ul>
            <div class="ed-notes" data-testid="ed-notes" hidden={props.notes.is_empty()}>
                <p class="field-warning">{ ctx.t(Msg::EditorNotes) }</p>
                <ul>{ for note_list }</ul>
            </div>
        </div>
    };
    // Problems of a part that no field of its form shows (a rule missing for a school type).
    let others = |n: Node, shown: &[Target], extra: &[&str]| {
        let mut paths: Vec<String> = shown.iter().map(Target::path).collect();
        paths.extend(extra.iter().map(|p| p.to_string()));
        let list: Vec<&Shown> = props
            .problems
            .iter()
            .filter(|p| p.place.node == Some(n) && !paths.contains(&p.path))
            .collect();
        html! {
            <div class="field-messages" data-testid="ed-form-problems">
                { for list.iter().map(|p| html! { <p class="field-error">{ &p.text }</p> }) }
            </div>
        }
    };
    let move_buttons = |n: Node,
                        up: Node,
                        down: Node,
                        parent: Option<Node>,
                        first: bool,
                        last: bool| {
        html! {
            <div class="page-actions">
                <button type="button" data-testid="ed-move-up" disabled={first} onclick={edit_and_choose(ChecklistEdit::Move(n, true), Some(up))}>{ ctx.t(Msg::EditorMoveUp) }</button>
                <button type="button" data-testid="ed-move-down" disabled={last} onclick={edit_and_choose(ChecklistEdit::Move(n, false), Some(down))}>{ ctx.t(Msg::EditorMoveDown) }</button>
                <button type="button" class="danger" data-testid="ed-remove" onclick={edit_and_choose(ChecklistEdit::Remove(n), parent)}>{ ctx.t(Msg::EditorRemove) }</button>
            </div>
        }
    };
    let heading = |text: String| {
        html! { <h3 id="ed-form-heading" tabindex="-1" data-testid="ed-form-heading">{ text }</h3> }
    };
    let form = match node {
        None => {
            let sources = doc.sources.iter().enumerate().map(|(s, src)| {
                html! {
                    <fieldset class="ed-group" key={src.id.clone()}>
                        <legend>{ &src.id }</legend>
                        <div class="form-grid">
                            { field(Target::SourceTitle(s), ctx.t(Msg::EditorSourceTitle).into(), &format!("ed-source-title-{s}"), false) }
                            { field(Target::SourceDocNo(s), ctx.t(Msg::EditorSourceDocNo).into(), &format!("ed-source-docno-{s}"), false) }
                        </div>
                    </fieldset>
                }
            });
            let grades = doc.grades.iter().enumerate().map(|(g, band)| {
                html! {
                    <fieldset class="ed-group" key={band.id.clone()}>
                        <legend>{ &band.id }</legend>
                        <div class="form-grid">
                            { both(&|l| Target::GradeLabel(g, l), Msg::EditorGradeLabel, &format!("ed-grade-label-{g}"), false) }
                            { field(Target::GradeMin(g), ctx.t(Msg::EditorGradeMin).into(), &format!("ed-grade-min-{g}"), false) }
                        </div>
                        <button type="button" class="danger" onclick={edit_and_choose(ChecklistEdit::RemoveGrade(g), None)}>{ ctx.t(Msg::EditorRemoveGrade) }</button>
                    </fieldset>
                }
            });
            let groups = doc.group_rules.iter().enumerate().map(|(g, rule)| {
                html! {
                    <fieldset class="ed-group" key={rule.id.clone()}>
                        <legend>{ &rule.id }</legend>
                        <div class="form-grid">
                            { both(&|l| Target::GroupTitle(g, l), Msg::EditorGroupTitle, &format!("ed-group-title-{g}"), false) }
                            { field(Target::GroupItems(g), ctx.t(Msg::EditorGroupItems).into(), &format!("ed-group-items-{g}"), false) }
                            { field(Target::GroupMinPass(g), ctx.t(Msg::EditorGroupMinPass).into(), &format!("ed-group-min-{g}"), false) }
                            { field(Target::GroupFloor(g), ctx.t(Msg::EditorGroupFloor).into(), &format!("ed-group-floor-{g}"), false) }
                            <div class="input-field">
                                <label for={format!("ed-group-source-{g}")}>{ ctx.t(Msg::EditorItemSource) }</label>
                                <select id={format!("ed-group-source-{g}")} data-testid={format!("ed-group-source-{g}")} onchange={{
                                    let on_edit = props.on_edit.clone();
                                    Callback::from(move |e: Event| on_edit.emit(ChecklistEdit::SetGroupSource(g, selected(&e))))
                                }}>
                                    { for doc.sources.iter().map(|s| html! {
                                        <option value={s.id.clone()} selected={s.id == rule.source.source}>{ format!("{} {}", s.title, s.doc_no.clone().unwrap_or_default()) }</option>
                                    }) }
                                </select>
                            </div>
                            { field(Target::GroupClause(g), ctx.t(Msg::EditorItemClause).into(), &format!("ed-group-clause-{g}"), false) }
                        </div>
                        <button type="button" class="danger" data-testid={format!("ed-remove-group-{g}")} onclick={edit_and_choose(ChecklistEdit::RemoveGroupRule(g), None)}>{ ctx.t(Msg::EditorRemoveGroup) }</button>
                    </fieldset>
                }
            });
            let add = |e: ChecklistEdit, then: Option<Node>| edit_and_choose(e, then);
            html! {
                <>
                    { heading(ctx.t(Msg::EditorMeta).into()) }
                    <div class="form-grid">
                        { field(Target::Id, ctx.t(Msg::EditorFieldId).into(), "ed-id", false) }
                        { field(Target::Version, ctx.t(Msg::EditorFieldVersion).into(), "ed-version", false) }
                        { both(&Target::Title, Msg::EditorFieldTitle, "ed-title", false) }
                        { both(&Target::Issuer, Msg::EditorFieldIssuer, "ed-issuer", false) }
                    </div>
                    { both(&Target::Description, Msg::EditorFieldDescription, "ed-description", true) }
                    <div class="form-grid">{ both(&Target::VetoGrade, Msg::EditorFieldVetoGrade, "ed-veto-grade", false) }</div>
                    <h4>{ ctx.t(Msg::EditorSources) }</h4>
                    { for sources }
                    <button type="button" data-testid="ed-add-source" onclick={add(ChecklistEdit::AddSource, None)}>{ ctx.t(Msg::EditorAddSource) }</button>
                    <h4>{ ctx.t(Msg::EditorGrades) }</h4>
                    { for grades }
                    <button type="button" data-testid="ed-add-grade" onclick={add(ChecklistEdit::AddGrade, None)}>{ ctx.t(Msg::EditorAddGrade) }</button>
                    <h4>{ ctx.t(Msg::EditorGroups) }</h4>
                    <p class="muted">{ ctx.t(Msg::EditorGroupsNote) }</p>
                    { for groups }
                    <button type="button" data-testid="ed-add-group" onclick={add(ChecklistEdit::AddGroupRule, None)}>{ ctx.t(Msg::EditorAddGroup) }</button>
                    if doc.split.is_some() {
                        <h4>{ ctx.t(Msg::EditorSplit) }</h4>
                        <div class="form-grid">
                            { field(Target::SplitPrimary, ctx.t(Msg::EditorSplitPrimary).into(), "ed-split-primary", false) }
                            { field(Target::SplitJunior, ctx.t(Msg::EditorSplitJunior).into(), "ed-split-junior", false) }
                        </div>
                    }
                    <div class="page-actions">
                        <button type="button" data-testid="ed-add-area" onclick={add(ChecklistEdit::AddArea, Some(Node::Area(doc.areas.len())))}>{ ctx.t(Msg::EditorAddArea) }</button>
                    </div>
                </>
            }
        }
        Some(n @ Node::Area(a)) => {
            let area = &doc.areas[a];
            let shown = [
                Target::AreaTitle(a, Lang::Zh),
                Target::AreaTitle(a, Lang::En),
                Target::AreaPassRate(a),
            ];
            let last = a + 1 == doc.areas.len();
            html! {
                <>
                    { heading(node_name(&ctx, doc, Some(n))) }
                    { others(n, &shown, &[]) }
                    <div class="form-grid">
                        { both(&|l| Target::AreaTitle(a, l), Msg::EditorAreaTitle, "ed-area-title", false) }
                        { field(Target::AreaPassRate(a), ctx.t(Msg::EditorAreaPassRate).into(), "ed-area-pass-rate", false) }
                    </div>
                    <ul class="ed-children">
                        { for area.indicators.iter().enumerate().map(|(i, ind)| html! {
                            <li><button type="button" class="link" onclick={choose(Some(Node::Indicator(a, i)))}>{ format!("{} {}", ind.id, pick(&ind.title, ctx.lang)) }</button></li>
                        }) }
                    </ul>
                    <div class="page-actions">
                        <button type="button" data-testid="ed-add-indicator" onclick={edit_and_choose(ChecklistEdit::AddIndicator(a), Some(Node::Indicator(a, area.indicators.len())))}>{ ctx.t(Msg::EditorAddIndicator) }</button>
                    </div>
                    { move_buttons(n, Node::Area(a.saturating_sub(1)), Node::Area(if last { a } else { a + 1 }), None, a == 0, last) }
                </>
            }
        }
        Some(n @ Node::Indicator(a, i)) => {
            let ind = &doc.areas[a].indicators[i];
            let count = doc.areas[a].indicators.len();
            let shown = [
                Target::IndicatorTitle(a, i, Lang::Zh),
                Target::IndicatorTitle(a, i, Lang::En),
            ];
            let new_item = |kind: NewItem| {
                edit_and_choose(
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
                    { heading(node_name(&ctx, doc, Some(n))) }
                    { others(n, &shown, &[]) }
                    <div class="form-grid">{ both(&|l| Target::IndicatorTitle(a, i, l), Msg::EditorIndicatorTitle, "ed-indicator-title", false) }</div>
                    <ul class="ed-children">
                        { for ind.items.iter().enumerate().map(|(k, it)| html! {
                            <li><button type="button" class="link" onclick={choose(Some(Node::Item(Loc { area: a, indicator: i, item: k })))}>{ format!("{} {}", it.id, pick(&it.text, ctx.lang)) }</button></li>
                        }) }
                    </ul>
                    <div class="page-actions">
                        <button type="button" data-testid="ed-add-yes-no" onclick={new_item(NewItem::YesNo)}>{ ctx.t(Msg::EditorAddYesNo) }</button>
                        <button type="button" data-testid="ed-add-number" onclick={new_item(NewItem::Number)}>{ ctx.t(Msg::EditorAddNumber) }</button>
                    </div>
                    { move_buttons(n, Node::Indicator(a, i.saturating_sub(1)), Node::Indicator(a, (i + 1).min(count - 1)), Some(Node::Area(a)), i == 0, i + 1 == count) }
                </>
            }
        }
        Some(n @ Node::Item(loc)) => {
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
                                    { both(&|l| f(ItemField::LevelLabel(k, l)), Msg::EditorLevelLabel, &format!("ed-level-label-{k}"), false) }
                                    { field(f(ItemField::LevelPoints(k)), ctx.t(Msg::EditorLevelPoints).into(), &format!("ed-level-points-{k}"), false) }
                                </div>
                                { both(&|l| f(ItemField::LevelDescription(k, l)), Msg::EditorLevelDescription, &format!("ed-level-description-{k}"), true) }
                            </fieldset>
                        }) }
                    </>
                }
            });
            let unit = match &item.kind {
                ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => unit.as_str(),
                _ => "",
            };
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
                                { field(f(ItemField::RuleValue(t)), format!("{} {}", ctx.t(Msg::EditorRuleValue), crate::i18n::unit(ctx.lang, unit)), &format!("ed-rule-value-{key}"), false) }
                            </div>
                            <div hidden={op != Some(Op::Between)}>
                                { field(f(ItemField::RuleMax(t)), format!("{} {}", ctx.t(Msg::EditorRuleMax), crate::i18n::unit(ctx.lang, unit)), &format!("ed-rule-max-{key}"), false) }
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
                Callback::from(move |e: Event| {
                    on_edit.emit(ChecklistEdit::SetSource(loc, selected(&e)))
                })
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
                    { heading(format!("{} · {}", node_name(&ctx, doc, Some(n)), ctx.t(kind_msg(&item.kind)))) }
                    { others(n, &shown, &[applies_path.as_str()]) }
                    <div class="form-grid">
                        { field(f(ItemField::Id), ctx.t(Msg::EditorItemId).into(), "ed-item-id", false) }
                        { field(f(ItemField::Points), ctx.t(Msg::EditorItemPoints).into(), "ed-item-points", false) }
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
                            { field(f(ItemField::Unit), ctx.t(Msg::EditorItemUnit).into(), "ed-item-unit", false) }
                        }
                    </div>
                    { both(&|l| f(ItemField::Text(l)), Msg::EditorItemText, "ed-item-text", true) }
                    { both(&|l| f(ItemField::Guidance(l)), Msg::EditorItemGuidance, "ed-item-guidance", true) }
                    <div class="form-grid">
                        <div class="input-field">
                            <label for="ed-item-source">{ ctx.t(Msg::EditorItemSource) }</label>
                            <select id="ed-item-source" data-testid="ed-item-source" onchange={on_source}>
                                { for doc.sources.iter().map(|s| html! {
                                    <option value={s.id.clone()} selected={s.id == item.source.source}>{ format!("{} {}", s.title, s.doc_no.clone().unwrap_or_default()) }</option>
                                }) }
                            </select>
                        </div>
                        { field(f(ItemField::Clause), ctx.t(Msg::EditorItemClause).into(), "ed-item-clause", false) }
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
                    { move_buttons(n, Node::Item(up), Node::Item(down), Some(Node::Indicator(loc.area, loc.indicator)), loc.item == 0, loc.item + 1 == count) }
                </>
            }
        }
    };
    html! {
        <div class="ed-layout">
            <div class="ed-side">{ problems }{ tree }</div>
            <section class="ed-form card" data-testid="ed-form" aria-labelledby="ed-form-heading">{ form }</section>
        </div>
    }
}
