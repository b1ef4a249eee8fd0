//! The form of a checklist draft: its structure on one side (areas, indicators, items, each
//! marked with its problems), the part chosen on the other. Every field keeps what is typed
//! in it while it has the focus, and shows its problem under it (a message slot that is
//! always there, so the field never changes shape).

use super::{selected, Shown};
use crate::app::browser::page;
use crate::app::components::{messages, pick};
use crate::app::{Ctx, Shared};
use crate::core::model::{ChecklistDoc, ItemKind, Op, SchoolType};
use crate::i18n::{kind_msg, op_msg, place_field_name, say, school_type_name, Lang, Msg};
use crate::state::editor::{
    rule_for, ChecklistDraft, ChecklistEdit, ItemField, Loc, NewItem, Node, Place, Target,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod area;
mod indicator;
mod item;
mod meta;
mod problems;
mod tree;

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
            ctx.say(say::PlaceArea {
                id: &x.id,
                title: pick(&x.title, ctx.lang),
            })
        }),
        Some(Node::Indicator(a, i)) => {
            area(a)
                .and_then(|x| x.indicators.get(i))
                .map_or_else(String::new, |x| {
                    ctx.say(say::PlaceIndicator {
                        id: &x.id,
                        title: pick(&x.title, ctx.lang),
                    })
                })
        }
        Some(Node::Item(loc)) => area(loc.area)
            .and_then(|x| x.indicators.get(loc.indicator))
            .and_then(|x| x.items.get(loc.item))
            .map_or_else(String::new, |x| {
                ctx.say(say::PlaceItem {
                    id: &x.id,
                    text: pick(&x.text, ctx.lang),
                })
            }),
    }
}

/// Where a problem is, for the list: the part and the field ("项目 B5.1.1 … · 分值").
pub(super) fn place_of(ctx: &Ctx, doc: &ChecklistDoc, place: Place) -> String {
    use crate::core::checklist_path::{PlaceField, Target};
    // A field of one of the checklist's own lists names its entry: which group rule, which
    // grade, which source (“清单信息 · 其余各项不低于…” did not say which rule).
    let entry = match place.field {
        Some(PlaceField::Target(
            Target::GroupTitle(g, _)
            | Target::GroupItems(g)
            | Target::GroupMinPass(g)
            | Target::GroupFloor(g)
            | Target::GroupClause(g),
        )) => doc
            .group_rules
            .get(g)
            .map(|r| format!("{} {}", ctx.t(Msg::EditorGroups), r.id)),
        Some(PlaceField::Target(Target::GradeLabel(g, _) | Target::GradeMin(g))) => doc
            .grades
            .get(g)
            .map(|x| format!("{} {}", ctx.t(Msg::EditorGrades), pick(&x.label, ctx.lang))),
        Some(PlaceField::Target(Target::SourceTitle(s) | Target::SourceDocNo(s))) => doc
            .sources
            .get(s)
            .map(|x| format!("{} {}", ctx.t(Msg::EditorSources), x.id)),
        _ => None,
    };
    let part = match entry {
        Some(entry) => format!("{} · {entry}", node_name(ctx, doc, place.node)),
        None => node_name(ctx, doc, place.node),
    };
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
pub(super) struct Chosen {
    node: Option<Node>,
    focus: u32,
    field: Option<String>,
}

impl Chosen {
    pub(super) fn to(&self, node: Option<Node>, refocus: bool, field: Option<String>) -> Chosen {
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
    let k = Kit {
        ctx: &ctx,
        props,
        chosen: &chosen,
        node,
        doc,
        d,
    };
    let form = match node {
        None => meta::meta_form(&k),
        Some(n @ Node::Area(a)) => area::area_form(&k, n, a),
        Some(n @ Node::Indicator(a, i)) => indicator::indicator_form(&k, n, a, i),
        Some(n @ Node::Item(loc)) => item::item_form(&k, n, loc),
    };
    html! {
        <div class="ed-layout">
            <div class="ed-side">{ problems::problems(&k) }{ tree::tree(&k) }</div>
            <section class="ed-form card" data-testid="ed-form" aria-labelledby="ed-form-heading">{ form }</section>
        </div>
    }
}

/// What every part of the form reads: the context, the props, the part chosen, and the ways to
/// a field, an edit and a choice.
pub(super) struct Kit<'a> {
    pub ctx: &'a Ctx,
    pub props: &'a FormProps,
    pub chosen: &'a UseStateHandle<Chosen>,
    /// The part whose form is shown (`None`: the checklist's own fields).
    pub node: Option<Node>,
    pub doc: &'a ChecklistDoc,
    pub d: &'a ChecklistDraft,
}

impl Kit<'_> {
    /// The problems of a field, as its message.
    pub fn error_of(&self, t: Target) -> Option<AttrValue> {
        let path = t.path();
        let texts: Vec<&str> = self
            .props
            .problems
            .iter()
            .filter(|p| p.path == path)
            .map(|p| p.text.as_str())
            .collect();
        (!texts.is_empty()).then(|| AttrValue::from(texts.join(self.ctx.t(Msg::ClauseSeparator))))
    }

    /// A text or number field of the checklist.
    pub fn field(&self, t: Target, label: String, testid: &str, multiline: bool) -> Html {
        html! {
            <EdField key={t.path()} target={t} value={AttrValue::from(self.d.shown(t))} label={label}
                error={self.error_of(t)} {multiline} testid={AttrValue::from(testid.to_string())} on_edit={self.props.on_edit.clone()} />
        }
    }

    /// A text field in both languages.
    pub fn both(
        &self,
        t: &dyn Fn(Lang) -> Target,
        msg: Msg,
        testid: &str,
        multiline: bool,
    ) -> Html {
        let ctx = self.ctx;
        html! {
            <>
                { for [Lang::Zh, Lang::En].into_iter().map(|l| self.field(
                    t(l),
                    format!("{}{}", ctx.t(msg), crate::i18n::lang_suffix(ctx.lang, l)),
                    &format!("{testid}-{}", if l == Lang::Zh { "zh" } else { "en" }),
                    multiline,
                )) }
            </>
        }
    }

    /// Chooses a part of the structure (its form is shown, the focus goes to it).
    pub fn choose(&self, n: Option<Node>) -> Callback<MouseEvent> {
        let chosen = self.chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(chosen.to(n, true, None)))
    }

    /// An edit that moves the part chosen takes the choice with it.
    pub fn edit_and_choose(&self, edit: ChecklistEdit, then: Option<Node>) -> Callback<MouseEvent> {
        let (on_edit, chosen) = (self.props.on_edit.clone(), self.chosen.clone());
        let lang = self.ctx.lang;
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
    }

    /// Problems of a part that no field of its form shows (a rule missing for a school type).
    pub fn others(&self, n: Node, shown: &[Target], extra: &[&str]) -> Html {
        let mut paths: Vec<String> = shown.iter().map(Target::path).collect();
        paths.extend(extra.iter().map(|p| p.to_string()));
        let list: Vec<&Shown> = self
            .props
            .problems
            .iter()
            .filter(|p| p.place.node == Some(n) && !paths.contains(&p.path))
            .collect();
        html! {
            <div class="field-messages" data-testid="ed-form-problems">
                { for list.iter().map(|p| html! { <p class="field-error">{ &p.text }</p> }) }
            </div>
        }
    }

    /// Move up, move down and remove, for a part among its siblings.
    pub fn move_buttons(
        &self,
        n: Node,
        up: Node,
        down: Node,
        parent: Option<Node>,
        first: bool,
        last: bool,
    ) -> Html {
        let ctx = self.ctx;
        html! {
            <div class="page-actions">
                <button type="button" data-testid="ed-move-up" disabled={first} onclick={self.edit_and_choose(ChecklistEdit::Move(n, true), Some(up))}>{ ctx.t(Msg::EditorMoveUp) }</button>
                <button type="button" data-testid="ed-move-down" disabled={last} onclick={self.edit_and_choose(ChecklistEdit::Move(n, false), Some(down))}>{ ctx.t(Msg::EditorMoveDown) }</button>
                <button type="button" class="danger" data-testid="ed-remove" onclick={self.edit_and_choose(ChecklistEdit::Remove(n), parent)}>{ ctx.t(Msg::EditorRemove) }</button>
            </div>
        }
    }

    /// The form's heading, where the focus goes when a part is chosen.
    pub fn heading(&self, text: String) -> Html {
        html! { <h3 id="ed-form-heading" tabindex="-1" data-testid="ed-form-heading">{ text }</h3> }
    }
}
