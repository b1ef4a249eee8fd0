//! 制作县级清单: a county's own checklist, made from a built-in or loaded one in the app. The
//! draft keeps the checklist it started from (the diff is against it), the checklist being
//! made, and every number typed that is not a number yet (kept as typed, never lost). Every
//! edit is checked with the same checks as loading a file (`Checklist::try_from`).

use crate::core::answers::parse_number;
use crate::core::checklist::{Checklist, ChecklistErrors, ChecklistIssue};
use crate::core::model::{
    Area, ChecklistDoc, Comparison, GradeBand, Indicator, Item, ItemKind, SchoolType, Source,
    SourceRef, Text, Thresholds,
};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The stored format of a checklist draft.
pub const CHECKLIST_DRAFT_FORMAT: &str = "ziping.checklist-draft/1";

/// A county checklist being made.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistDraft {
    pub format: String,
    pub id: String,
    /// The checklist it started from, as it was.
    pub base: ChecklistDoc,
    pub doc: ChecklistDoc,
    /// Numbers typed that are not numbers (yet), by the field's path; the checklist keeps the
    /// last number the field held.
    #[serde(default)]
    pub typed: BTreeMap<String, String>,
    pub created: String,
    pub updated: String,
    pub revision: u64,
}

/// Where an item is: area, indicator, item (indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Loc {
    pub area: usize,
    pub indicator: usize,
    pub item: usize,
}

impl Loc {
    pub fn path(&self) -> String {
        format!(
            "areas[{}].indicators[{}].items[{}]",
            self.area, self.indicator, self.item
        )
    }
}

/// The comparison a rule makes, without its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Ge,
    Gt,
    Le,
    Lt,
    Between,
}

impl Op {
    pub const ALL: [Op; 5] = [Op::Ge, Op::Gt, Op::Le, Op::Lt, Op::Between];

    pub fn of(c: &Comparison) -> Op {
        match c {
            Comparison::Ge { .. } => Op::Ge,
            Comparison::Gt { .. } => Op::Gt,
            Comparison::Le { .. } => Op::Le,
            Comparison::Lt { .. } => Op::Lt,
            Comparison::Between { .. } => Op::Between,
        }
    }

    /// The comparison with this op, keeping `c`'s number (a range's minimum).
    pub fn with(self, c: Option<&Comparison>) -> Comparison {
        let (value, max) = match c {
            Some(Comparison::Between { min, max }) => (*min, *max),
            Some(
                Comparison::Ge { value }
                | Comparison::Gt { value }
                | Comparison::Le { value }
                | Comparison::Lt { value },
            ) => (*value, *value),
            None => (0.0, 0.0),
        };
        match self {
            Op::Ge => Comparison::Ge { value },
            Op::Gt => Comparison::Gt { value },
            Op::Le => Comparison::Le { value },
            Op::Lt => Comparison::Lt { value },
            Op::Between => Comparison::Between { min: value, max },
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Op::Ge => "ge",
            Op::Gt => "gt",
            Op::Le => "le",
            Op::Lt => "lt",
            Op::Between => "between",
        }
    }

    pub fn from_code(code: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// A field of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemField {
    Id,
    Text(Lang),
    Guidance(Lang),
    Points,
    Unit,
    Clause,
    /// The rule's number (a range's minimum) for a school type.
    RuleValue(SchoolType),
    /// A range's maximum for a school type.
    RuleMax(SchoolType),
    /// A level's name, criteria (判断要点) and points (by the level's place in the list).
    LevelLabel(usize, Lang),
    LevelDescription(usize, Lang),
    LevelPoints(usize),
}

/// A text or number field of the checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    Id,
    Version,
    Title(Lang),
    Description(Lang),
    Issuer(Lang),
    VetoGrade(Lang),
    AreaTitle(usize, Lang),
    /// The share of points an area needs to pass, in percent as people write it (85).
    AreaPassRate(usize),
    IndicatorTitle(usize, usize, Lang),
    Item(Loc, ItemField),
    GradeLabel(usize, Lang),
    GradeMin(usize),
    GroupTitle(usize, Lang),
    /// The items of a group rule, ids separated by commas or 、.
    GroupItems(usize),
    GroupMinPass(usize),
    /// The floor of a group rule in percent (85).
    GroupFloor(usize),
    /// The clause of a group rule's source.
    GroupClause(usize),
    SplitPrimary,
    SplitJunior,
    SourceTitle(usize),
    SourceDocNo(usize),
}

fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

impl Target {
    /// The field's JSON path, as the checks name it.
    pub fn path(&self) -> String {
        match *self {
            Target::Id => "id".into(),
            Target::Version => "version".into(),
            Target::Title(l) => format!("title.{}", lang_key(l)),
            Target::Description(l) => format!("description.{}", lang_key(l)),
            Target::Issuer(l) => format!("issuer.{}", lang_key(l)),
            Target::VetoGrade(l) => format!("veto_grade.{}", lang_key(l)),
            Target::AreaTitle(a, l) => format!("areas[{a}].title.{}", lang_key(l)),
            Target::AreaPassRate(a) => format!("areas[{a}].pass_rate"),
            Target::IndicatorTitle(a, i, l) => {
                format!("areas[{a}].indicators[{i}].title.{}", lang_key(l))
            }
            Target::Item(loc, field) => {
                let base = loc.path();
                match field {
                    ItemField::Id => format!("{base}.id"),
                    ItemField::Text(l) => format!("{base}.text.{}", lang_key(l)),
                    ItemField::Guidance(l) => format!("{base}.guidance.{}", lang_key(l)),
                    ItemField::Points => format!("{base}.points"),
                    ItemField::Unit => format!("{base}.kind.unit"),
                    ItemField::Clause => format!("{base}.source.clause"),
                    ItemField::RuleValue(t) => format!("{base}.kind.rule.{}", t.code()),
                    ItemField::RuleMax(t) => format!("{base}.kind.rule.{}.max", t.code()),
                    ItemField::LevelLabel(k, l) => {
                        format!("{base}.kind.levels[{k}].label.{}", lang_key(l))
                    }
                    ItemField::LevelDescription(k, l) => {
                        format!("{base}.kind.levels[{k}].description.{}", lang_key(l))
                    }
                    ItemField::LevelPoints(k) => format!("{base}.kind.levels[{k}].points"),
                }
            }
            Target::GradeLabel(g, l) => format!("grades[{g}].label.{}", lang_key(l)),
            Target::GradeMin(g) => format!("grades[{g}].min_percent"),
            Target::GroupTitle(g, l) => format!("group_rules[{g}].title.{}", lang_key(l)),
            Target::GroupItems(g) => format!("group_rules[{g}].items"),
            Target::GroupMinPass(g) => format!("group_rules[{g}].min_pass"),
            Target::GroupFloor(g) => format!("group_rules[{g}].floor_ratio"),
            Target::GroupClause(g) => format!("group_rules[{g}].source.clause"),
            Target::SplitPrimary => "split.primary_weight".into(),
            Target::SplitJunior => "split.junior_weight".into(),
            Target::SourceTitle(s) => format!("sources[{s}].title"),
            Target::SourceDocNo(s) => format!("sources[{s}].doc_no"),
        }
    }

    /// Whether the field holds a number.
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Target::AreaPassRate(_)
                | Target::Item(
                    _,
                    ItemField::Points
                        | ItemField::RuleValue(_)
                        | ItemField::RuleMax(_)
                        | ItemField::LevelPoints(_)
                )
                | Target::GradeMin(_)
                | Target::GroupMinPass(_)
                | Target::GroupFloor(_)
                | Target::SplitPrimary
                | Target::SplitJunior
        )
    }
}

/// A part of the tree: an area, an indicator or an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    Area(usize),
    Indicator(usize, usize),
    Item(Loc),
}

/// The kind of a new item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewItem {
    /// 达标 / 未达标.
    YesNo,
    /// A number the school enters, with a rule per school type.
    Number,
}

/// One change to a checklist draft.
#[derive(Clone, Debug, PartialEq)]
pub enum ChecklistEdit {
    /// A text or number, as typed.
    Set(Target, String),
    /// An item's rule for a school type: its comparison, or none (the item does not apply).
    SetOp(Loc, SchoolType, Option<Op>),
    SetVeto(Loc, bool),
    /// Makes a 达标/未达标 item a number item (a rule "≥ 0" per school type, to be set) or a
    /// number item a 达标/未达标 one (its rule goes). Other kinds keep theirs: a formula or
    /// levels are not made in a form.
    SetKind(Loc, NewItem),
    /// Whether an item applies to a school type (its rule for the type is kept either way).
    SetApplies(Loc, SchoolType, bool),
    /// An item's source document (by the source's id).
    SetSource(Loc, String),
    /// A new area after the last, a new indicator at the end of an area, a new item at the
    /// end of an indicator.
    AddArea,
    AddIndicator(usize),
    AddItem(usize, usize, NewItem),
    Remove(Node),
    /// Moves a node one place up (`true`) or down among its siblings.
    Move(Node, bool),
    AddGrade,
    RemoveGrade(usize),
    /// A rule over several items ("at least N of these met, the others at least X % of their
    /// threshold"), and its source document (by the source's id).
    AddGroupRule,
    RemoveGroupRule(usize),
    SetGroupSource(usize, String),
    /// A source document of the county's own (its title and number are then set).
    AddSource,
}

/// A new id like `prefix` followed by the first number that is not taken.
fn fresh_id(taken: &[String], prefix: &str) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(id))
        .expect("some number is free")
}

fn text_mut(text: &mut Text, lang: Lang) -> &mut String {
    match lang {
        Lang::Zh => &mut text.zh,
        Lang::En => &mut text.en,
    }
}

fn text_of(text: &Text, lang: Lang) -> &str {
    match lang {
        Lang::Zh => &text.zh,
        Lang::En => &text.en,
    }
}

/// Sets one language of an optional text; both empty is no text.
fn set_optional(text: &mut Option<Text>, lang: Lang, value: String) {
    let t = text.get_or_insert_with(Text::default);
    *text_mut(t, lang) = value;
    if t.zh.is_empty() && t.en.is_empty() {
        *text = None;
    }
}

fn rule_mut(kind: &mut ItemKind) -> Option<&mut Thresholds> {
    match kind {
        ItemKind::Number { rule, .. } | ItemKind::Computed { rule, .. } => Some(rule),
        _ => None,
    }
}

fn rule_of(kind: &ItemKind) -> Option<&Thresholds> {
    match kind {
        ItemKind::Number { rule, .. } | ItemKind::Computed { rule, .. } => Some(rule),
        _ => None,
    }
}

fn slot(rule: &mut Thresholds, t: SchoolType) -> &mut Option<Comparison> {
    match t {
        SchoolType::Primary => &mut rule.primary,
        SchoolType::Junior => &mut rule.junior,
        SchoolType::NineYear => &mut rule.nine_year,
    }
}

/// A new item's kind: 达标/未达标, or a number with "≥ 0" for every school type (to be set).
fn new_kind(kind: NewItem, types: &[SchoolType]) -> ItemKind {
    match kind {
        NewItem::YesNo => ItemKind::YesNo { allow_na: false },
        NewItem::Number => {
            let mut rule = Thresholds::default();
            for &t in types {
                *slot(&mut rule, t) = Some(Comparison::Ge { value: 0.0 });
            }
            ItemKind::Number {
                unit: String::new(),
                rule,
            }
        }
    }
}

pub fn rule_for(rule: &Thresholds, t: SchoolType) -> Option<&Comparison> {
    match t {
        SchoolType::Primary => rule.primary.as_ref(),
        SchoolType::Junior => rule.junior.as_ref(),
        SchoolType::NineYear => rule.nine_year.as_ref(),
    }
}

/// A number for a field, shown as people write it.
fn level_of(kind: &ItemKind, k: usize) -> Option<&crate::core::model::Level> {
    match kind {
        ItemKind::Levels { levels, .. } => levels.get(k),
        _ => None,
    }
}

fn level_mut(kind: &mut ItemKind, k: usize) -> Option<&mut crate::core::model::Level> {
    match kind {
        ItemKind::Levels { levels, .. } => levels.get_mut(k),
        _ => None,
    }
}

/// A number as the checklist keeps it: at most four decimals (what a form shows).
fn rounded(n: f64) -> f64 {
    (n * 10_000.0).round() / 10_000.0
}

fn shown_number(n: f64) -> String {
    crate::core::rules::fmt_num(n)
}

fn split_ids(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Moves `v[at]` one place up or down, if it can.
fn shift<T>(v: &mut [T], at: usize, up: bool) -> bool {
    let to = if up {
        at.checked_sub(1)
    } else {
        Some(at + 1).filter(|&t| t < v.len())
    };
    match to {
        Some(to) if at < v.len() => {
            v.swap(at, to);
            true
        }
        _ => false,
    }
}

impl ChecklistDraft {
    /// A new draft from `base`: the same checklist, to be changed and given its own id.
    pub fn new(id: String, base: &ChecklistDoc, now: &str) -> ChecklistDraft {
        ChecklistDraft {
            format: CHECKLIST_DRAFT_FORMAT.into(),
            id,
            base: base.clone(),
            doc: base.clone(),
            typed: BTreeMap::new(),
            created: now.into(),
            updated: now.into(),
            revision: 0,
        }
    }

    /// Whether the item at `loc` applies to school type `t`.
    pub fn applies(&self, loc: Loc, t: SchoolType) -> bool {
        self.item(loc)
            .is_some_and(|i| i.applies_to.as_ref().is_none_or(|ts| ts.contains(&t)))
    }

    pub fn item(&self, loc: Loc) -> Option<&Item> {
        self.doc
            .areas
            .get(loc.area)?
            .indicators
            .get(loc.indicator)?
            .items
            .get(loc.item)
    }

    fn item_mut(&mut self, loc: Loc) -> Option<&mut Item> {
        self.doc
            .areas
            .get_mut(loc.area)?
            .indicators
            .get_mut(loc.indicator)?
            .items
            .get_mut(loc.item)
    }

    fn all_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for a in &self.doc.areas {
            ids.push(a.id.clone());
            for i in &a.indicators {
                ids.push(i.id.clone());
                ids.extend(i.items.iter().map(|it| it.id.clone()));
            }
        }
        ids
    }

    /// What a field shows: the text typed if it is not a number yet, else the checklist's value.
    pub fn shown(&self, target: Target) -> String {
        if let Some(t) = self.typed.get(&target.path()) {
            return t.clone();
        }
        let d = &self.doc;
        match target {
            Target::Id => d.id.clone(),
            Target::Version => d.version.clone(),
            Target::Title(l) => text_of(&d.title, l).into(),
            Target::Description(l) => d
                .description
                .as_ref()
                .map(|t| text_of(t, l).to_string())
                .unwrap_or_default(),
            Target::Issuer(l) => text_of(&d.issuer, l).into(),
            Target::VetoGrade(l) => text_of(&d.veto_grade, l).into(),
            Target::AreaTitle(a, l) => d
                .areas
                .get(a)
                .map(|x| text_of(&x.title, l).to_string())
                .unwrap_or_default(),
            Target::AreaPassRate(a) => d
                .areas
                .get(a)
                .and_then(|x| x.pass_rate)
                .map(|r| shown_number(r * 100.0))
                .unwrap_or_default(),
            Target::IndicatorTitle(a, i, l) => d
                .areas
                .get(a)
                .and_then(|x| x.indicators.get(i))
                .map(|x| text_of(&x.title, l).to_string())
                .unwrap_or_default(),
            Target::Item(loc, field) => {
                let Some(item) = self.item(loc) else {
                    return String::new();
                };
                match field {
                    ItemField::Id => item.id.clone(),
                    ItemField::Text(l) => text_of(&item.text, l).into(),
                    ItemField::Guidance(l) => item
                        .guidance
                        .as_ref()
                        .map(|t| text_of(t, l).to_string())
                        .unwrap_or_default(),
                    ItemField::Points => shown_number(item.points),
                    ItemField::Unit => match &item.kind {
                        ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => {
                            unit.clone()
                        }
                        _ => String::new(),
                    },
                    ItemField::Clause => item.source.clause.clone(),
                    ItemField::RuleValue(t) => rule_of(&item.kind)
                        .and_then(|r| rule_for(r, t))
                        .map(|c| match *c {
                            Comparison::Between { min, .. } => shown_number(min),
                            Comparison::Ge { value }
                            | Comparison::Gt { value }
                            | Comparison::Le { value }
                            | Comparison::Lt { value } => shown_number(value),
                        })
                        .unwrap_or_default(),
                    ItemField::RuleMax(t) => rule_of(&item.kind)
                        .and_then(|r| rule_for(r, t))
                        .and_then(|c| match *c {
                            Comparison::Between { max, .. } => Some(shown_number(max)),
                            _ => None,
                        })
                        .unwrap_or_default(),
                    ItemField::LevelLabel(k, l) => level_of(&item.kind, k)
                        .map(|x| text_of(&x.label, l).to_string())
                        .unwrap_or_default(),
                    ItemField::LevelDescription(k, l) => level_of(&item.kind, k)
                        .and_then(|x| x.description.as_ref())
                        .map(|t| text_of(t, l).to_string())
                        .unwrap_or_default(),
                    ItemField::LevelPoints(k) => level_of(&item.kind, k)
                        .map(|x| shown_number(x.points))
                        .unwrap_or_default(),
                }
            }
            Target::GradeLabel(g, l) => d
                .grades
                .get(g)
                .map(|x| text_of(&x.label, l).to_string())
                .unwrap_or_default(),
            Target::GradeMin(g) => d
                .grades
                .get(g)
                .map(|x| shown_number(x.min_percent))
                .unwrap_or_default(),
            Target::GroupTitle(g, l) => d
                .group_rules
                .get(g)
                .map(|x| text_of(&x.title, l).to_string())
                .unwrap_or_default(),
            Target::GroupItems(g) => d
                .group_rules
                .get(g)
                .map(|x| x.items.join("、"))
                .unwrap_or_default(),
            Target::GroupClause(g) => d
                .group_rules
                .get(g)
                .map(|x| x.source.clause.clone())
                .unwrap_or_default(),
            Target::GroupMinPass(g) => d
                .group_rules
                .get(g)
                .map(|x| x.min_pass.to_string())
                .unwrap_or_default(),
            Target::GroupFloor(g) => d
                .group_rules
                .get(g)
                .map(|x| shown_number(x.floor_ratio * 100.0))
                .unwrap_or_default(),
            Target::SplitPrimary => d
                .split
                .as_ref()
                .map(|s| shown_number(s.primary_weight))
                .unwrap_or_default(),
            Target::SplitJunior => d
                .split
                .as_ref()
                .map(|s| shown_number(s.junior_weight))
                .unwrap_or_default(),
            Target::SourceTitle(s) => d
                .sources
                .get(s)
                .map(|x| x.title.clone())
                .unwrap_or_default(),
            Target::SourceDocNo(s) => d
                .sources
                .get(s)
                .and_then(|x| x.doc_no.clone())
                .unwrap_or_default(),
        }
    }

    /// The checklist read back from a table (`checklist_csv::from_csv`) in place of the one
    /// being made; numbers typed wrong before are gone with the fields they were in.
    pub fn import(&mut self, doc: ChecklistDoc, now: &str) {
        if doc != self.doc || !self.typed.is_empty() {
            self.doc = doc;
            self.typed.clear();
            self.updated = now.into();
            self.revision += 1;
        }
    }

    /// Applies an edit; `now` (RFC 3339) stamps it. An edit of something that is not there
    /// (a removed item's field) changes nothing.
    pub fn apply(&mut self, edit: ChecklistEdit, now: &str) {
        if self.change(edit) {
            self.updated = now.into();
            self.revision += 1;
        }
    }

    fn change(&mut self, edit: ChecklistEdit) -> bool {
        let structural = matches!(
            edit,
            ChecklistEdit::Remove(_)
                | ChecklistEdit::Move(..)
                | ChecklistEdit::RemoveGrade(_)
                | ChecklistEdit::RemoveGroupRule(_)
        );
        let anchored = structural.then(|| self.anchored());
        let changed = self.change_doc(edit);
        if let Some(anchored) = anchored {
            self.reanchor(anchored);
        }
        changed
    }

    fn change_doc(&mut self, edit: ChecklistEdit) -> bool {
        match edit {
            ChecklistEdit::Set(target, value) => self.set(target, value),
            ChecklistEdit::SetOp(loc, t, op) => {
                let Some(item) = self.item_mut(loc) else {
                    return false;
                };
                let Some(rule) = rule_mut(&mut item.kind) else {
                    return false;
                };
                let s = slot(rule, t);
                *s = op.map(|o| o.with(s.as_ref()));
                let base = Target::Item(loc, ItemField::RuleValue(t)).path();
                self.typed.retain(|k, _| !k.starts_with(&base));
                true
            }
            ChecklistEdit::SetKind(loc, kind) => {
                let types = self.doc.school_types.clone();
                let Some(item) = self.item_mut(loc) else {
                    return false;
                };
                item.kind = match (&item.kind, kind) {
                    (ItemKind::YesNo { .. }, NewItem::Number) => new_kind(NewItem::Number, &types),
                    (ItemKind::Number { .. }, NewItem::YesNo) => new_kind(NewItem::YesNo, &types),
                    _ => return false,
                };
                let rule = format!("{}.kind.", loc.path());
                self.typed.retain(|k, _| !k.starts_with(&rule));
                true
            }
            ChecklistEdit::SetApplies(loc, t, on) => {
                let all = self.doc.school_types.clone();
                let Some(item) = self.item_mut(loc) else {
                    return false;
                };
                let now = item.applies_to.clone().unwrap_or_else(|| all.clone());
                // In the checklist's order of types; every type is no list at all.
                let next: Vec<SchoolType> = all
                    .iter()
                    .copied()
                    .filter(|x| if *x == t { on } else { now.contains(x) })
                    .collect();
                let next = (next != all).then_some(next);
                if next == item.applies_to {
                    return false;
                }
                item.applies_to = next;
                true
            }
            ChecklistEdit::SetVeto(loc, veto) => match self.item_mut(loc) {
                Some(item) => {
                    item.veto = veto;
                    true
                }
                None => false,
            },
            ChecklistEdit::SetSource(loc, source) => match self.item_mut(loc) {
                Some(item) => {
                    item.source.source = source;
                    true
                }
                None => false,
            },
            ChecklistEdit::AddArea => {
                let taken = self.all_ids();
                let area_id = fresh_id(&taken, "X");
                let indicator_id = format!("{area_id}.1");
                self.doc.areas.push(Area {
                    id: area_id,
                    title: Text::default(),
                    pass_rate: None,
                    indicators: vec![Indicator {
                        id: indicator_id,
                        title: Text::default(),
                        items: Vec::new(),
                    }],
                });
                true
            }
            ChecklistEdit::AddIndicator(a) => {
                let taken = self.all_ids();
                let Some(area) = self.doc.areas.get_mut(a) else {
                    return false;
                };
                let id = fresh_id(&taken, &format!("{}.", area.id));
                area.indicators.push(Indicator {
                    id,
                    title: Text::default(),
                    items: Vec::new(),
                });
                true
            }
            ChecklistEdit::AddItem(a, i, kind) => {
                let taken = self.all_ids();
                let source = self
                    .doc
                    .sources
                    .last()
                    .map(|s| s.id.clone())
                    .unwrap_or_default();
                let types = self.doc.school_types.clone();
                let Some(indicator) = self
                    .doc
                    .areas
                    .get_mut(a)
                    .and_then(|x| x.indicators.get_mut(i))
                else {
                    return false;
                };
                let id = fresh_id(&taken, &format!("{}.", indicator.id));
                let kind = new_kind(kind, &types);
                let mut item = Item::blank(id, kind);
                item.points = 1.0;
                item.source.source = source;
                indicator.items.push(item);
                true
            }
            ChecklistEdit::Remove(node) => {
                let removed: Vec<String> = match node {
                    Node::Area(a) if a < self.doc.areas.len() => {
                        let area = self.doc.areas.remove(a);
                        area.indicators
                            .iter()
                            .flat_map(|i| i.items.iter().map(|it| it.id.clone()))
                            .collect()
                    }
                    Node::Indicator(a, i)
                        if self
                            .doc
                            .areas
                            .get(a)
                            .is_some_and(|x| i < x.indicators.len()) =>
                    {
                        let indicator = self.doc.areas[a].indicators.remove(i);
                        indicator.items.iter().map(|it| it.id.clone()).collect()
                    }
                    Node::Item(loc) if self.item(loc).is_some() => {
                        let item = self.doc.areas[loc.area].indicators[loc.indicator]
                            .items
                            .remove(loc.item);
                        vec![item.id]
                    }
                    _ => return false,
                };
                // Rules that counted a removed item no longer name it.
                for g in &mut self.doc.group_rules {
                    g.items.retain(|id| !removed.contains(id));
                }
                true
            }
            ChecklistEdit::Move(node, up) => {
                let moved = match node {
                    Node::Area(a) => shift(&mut self.doc.areas, a, up),
                    Node::Indicator(a, i) => self
                        .doc
                        .areas
                        .get_mut(a)
                        .is_some_and(|x| shift(&mut x.indicators, i, up)),
                    Node::Item(loc) => self
                        .doc
                        .areas
                        .get_mut(loc.area)
                        .and_then(|x| x.indicators.get_mut(loc.indicator))
                        .is_some_and(|x| shift(&mut x.items, loc.item, up)),
                };
                moved
            }
            ChecklistEdit::AddGrade => {
                let taken: Vec<String> = self.doc.grades.iter().map(|g| g.id.clone()).collect();
                self.doc.grades.push(GradeBand {
                    id: fresh_id(&taken, "grade"),
                    label: Text::default(),
                    min_percent: 0.0,
                });
                true
            }
            ChecklistEdit::RemoveGrade(g) if g < self.doc.grades.len() => {
                self.doc.grades.remove(g);
                true
            }
            ChecklistEdit::RemoveGrade(_) => false,
            ChecklistEdit::AddGroupRule => {
                let mut taken = self.all_ids();
                taken.extend(self.doc.group_rules.iter().map(|g| g.id.clone()));
                let source = self
                    .doc
                    .sources
                    .first()
                    .map(|s| s.id.clone())
                    .unwrap_or_default();
                self.doc.group_rules.push(crate::core::model::GroupRule {
                    id: fresh_id(&taken, "GR"),
                    title: Text::default(),
                    items: Vec::new(),
                    min_pass: 0,
                    floor_ratio: 0.85,
                    source: SourceRef {
                        source,
                        clause: String::new(),
                        verified: true,
                    },
                    fail_grade: None,
                    near_scores: true,
                });
                true
            }
            ChecklistEdit::RemoveGroupRule(g) if g < self.doc.group_rules.len() => {
                self.doc.group_rules.remove(g);
                true
            }
            ChecklistEdit::RemoveGroupRule(_) => false,
            ChecklistEdit::SetGroupSource(g, source) => match self.doc.group_rules.get_mut(g) {
                Some(rule) if rule.source.source != source => {
                    rule.source.source = source;
                    true
                }
                _ => false,
            },
            ChecklistEdit::AddSource => {
                let taken: Vec<String> = self.doc.sources.iter().map(|s| s.id.clone()).collect();
                self.doc.sources.push(Source {
                    id: fresh_id(&taken, "county"),
                    title: String::new(),
                    doc_no: None,
                    seed: None,
                    verified: true,
                });
                true
            }
        }
    }

    /// Typed numbers by what they belong to (an item's, indicator's, area's or grade's id),
    /// so a removal or a move leaves each with its field.
    fn anchored(&self) -> Vec<(Anchor, String, String)> {
        self.typed
            .iter()
            .map(|(path, text)| {
                let (anchor, rest) = anchor_of(&self.doc, path);
                (anchor, rest, text.clone())
            })
            .collect()
    }

    fn reanchor(&mut self, anchored: Vec<(Anchor, String, String)>) {
        self.typed = anchored
            .into_iter()
            .filter_map(|(anchor, rest, text)| {
                path_of(&self.doc, &anchor).map(|p| (format!("{p}{rest}"), text))
            })
            .collect();
    }

    fn set(&mut self, target: Target, value: String) -> bool {
        let path = target.path();
        if target.is_number() {
            match parse_number(&value) {
                Ok(n) if n.is_finite() => {
                    self.typed.remove(&path);
                    self.set_number(target, n);
                }
                _ => {
                    self.typed.insert(path, value);
                }
            }
            return true;
        }
        let d = &mut self.doc;
        match target {
            Target::Id => d.id = value,
            Target::Version => d.version = value,
            Target::Title(l) => *text_mut(&mut d.title, l) = value,
            Target::Description(l) => set_optional(&mut d.description, l, value),
            Target::Issuer(l) => *text_mut(&mut d.issuer, l) = value,
            Target::VetoGrade(l) => *text_mut(&mut d.veto_grade, l) = value,
            Target::AreaTitle(a, l) => match d.areas.get_mut(a) {
                Some(x) => *text_mut(&mut x.title, l) = value,
                None => return false,
            },
            Target::IndicatorTitle(a, i, l) => {
                match d.areas.get_mut(a).and_then(|x| x.indicators.get_mut(i)) {
                    Some(x) => *text_mut(&mut x.title, l) = value,
                    None => return false,
                }
            }
            Target::Item(loc, field) => {
                let Some(item) = self.item_mut(loc) else {
                    return false;
                };
                match field {
                    ItemField::Id => item.id = value,
                    ItemField::Text(l) => *text_mut(&mut item.text, l) = value,
                    ItemField::Guidance(l) => set_optional(&mut item.guidance, l, value),
                    ItemField::Unit => match &mut item.kind {
                        ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => {
                            *unit = value
                        }
                        _ => return false,
                    },
                    ItemField::Clause => item.source.clause = value,
                    ItemField::LevelLabel(k, l) => match level_mut(&mut item.kind, k) {
                        Some(x) => *text_mut(&mut x.label, l) = value,
                        None => return false,
                    },
                    ItemField::LevelDescription(k, l) => match level_mut(&mut item.kind, k) {
                        Some(x) => set_optional(&mut x.description, l, value),
                        None => return false,
                    },
                    ItemField::Points
                    | ItemField::RuleValue(_)
                    | ItemField::RuleMax(_)
                    | ItemField::LevelPoints(_) => {
                        unreachable!("numbers are set above")
                    }
                }
            }
            Target::GradeLabel(g, l) => match d.grades.get_mut(g) {
                Some(x) => *text_mut(&mut x.label, l) = value,
                None => return false,
            },
            Target::GroupTitle(g, l) => match d.group_rules.get_mut(g) {
                Some(x) => *text_mut(&mut x.title, l) = value,
                None => return false,
            },
            Target::GroupItems(g) => match d.group_rules.get_mut(g) {
                Some(x) => x.items = split_ids(&value),
                None => return false,
            },
            Target::GroupClause(g) => match d.group_rules.get_mut(g) {
                Some(x) => x.source.clause = value,
                None => return false,
            },
            Target::SourceTitle(s) => match d.sources.get_mut(s) {
                Some(x) => x.title = value,
                None => return false,
            },
            Target::SourceDocNo(s) => match d.sources.get_mut(s) {
                Some(x) => x.doc_no = Some(value).filter(|v| !v.trim().is_empty()),
                None => return false,
            },
            _ => unreachable!("numbers are set above"),
        }
        true
    }

    fn set_number(&mut self, target: Target, n: f64) {
        let d = &mut self.doc;
        match target {
            Target::AreaPassRate(a) => {
                if let Some(x) = d.areas.get_mut(a) {
                    x.pass_rate = Some(n / 100.0);
                }
            }
            Target::Item(loc, field) => {
                let Some(item) = self.item_mut(loc) else {
                    return;
                };
                match field {
                    ItemField::Points => {
                        item.points = n;
                        // A levels item's levels follow its points in proportion to its best
                        // level (not to the points before: a 0 typed on the way to 0.5 loses
                        // nothing).
                        if let ItemKind::Levels { levels, .. } = &mut item.kind {
                            let best = levels.iter().map(|l| l.points).fold(0.0, f64::max);
                            if best > 0.0 && n > 0.0 {
                                for l in levels.iter_mut() {
                                    l.points = rounded(l.points / best * n);
                                }
                            }
                        }
                    }
                    ItemField::LevelPoints(k) => {
                        if let Some(x) = level_mut(&mut item.kind, k) {
                            x.points = n;
                        }
                    }
                    ItemField::RuleValue(t) | ItemField::RuleMax(t) => {
                        let Some(rule) = rule_mut(&mut item.kind) else {
                            return;
                        };
                        let s = slot(rule, t);
                        let max = matches!(field, ItemField::RuleMax(_));
                        *s = Some(match (s.take(), max) {
                            (Some(Comparison::Between { max: m, .. }), false) => {
                                Comparison::Between { min: n, max: m }
                            }
                            (Some(Comparison::Between { min, .. }), true) => {
                                Comparison::Between { min, max: n }
                            }
                            (Some(Comparison::Gt { .. }), _) => Comparison::Gt { value: n },
                            (Some(Comparison::Le { .. }), _) => Comparison::Le { value: n },
                            (Some(Comparison::Lt { .. }), _) => Comparison::Lt { value: n },
                            _ => Comparison::Ge { value: n },
                        });
                    }
                    _ => {}
                }
            }
            Target::GradeMin(g) => {
                if let Some(x) = d.grades.get_mut(g) {
                    x.min_percent = n;
                }
            }
            Target::GroupMinPass(g) => {
                if let Some(x) = d.group_rules.get_mut(g) {
                    if n >= 0.0 && n.fract() == 0.0 {
                        x.min_pass = n as usize;
                    } else {
                        self.typed.insert(target.path(), shown_number(n));
                    }
                }
            }
            Target::GroupFloor(g) => {
                if let Some(x) = d.group_rules.get_mut(g) {
                    x.floor_ratio = n / 100.0;
                }
            }
            Target::SplitPrimary => {
                if let Some(s) = d.split.as_mut() {
                    s.primary_weight = n;
                }
            }
            Target::SplitJunior => {
                if let Some(s) = d.split.as_mut() {
                    s.junior_weight = n;
                }
            }
            _ => {}
        }
    }

    /// Every problem: numbers typed that are not numbers, then what the checks find.
    pub fn problems(&self) -> Vec<DraftProblem> {
        let mut out: Vec<DraftProblem> = self
            .typed
            .iter()
            .map(|(path, text)| DraftProblem::NotANumber {
                path: path.clone(),
                text: text.clone(),
            })
            .collect();
        if let Err(ChecklistErrors(issues)) = Checklist::try_from(self.doc.clone()) {
            out.extend(issues.into_iter().map(DraftProblem::Check));
        }
        out
    }

    /// The checklist, if it has no problem: what a county publishes.
    pub fn finished(&self) -> Result<Checklist, Vec<DraftProblem>> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        Checklist::try_from(self.doc.clone())
            .map_err(|e| e.0.into_iter().map(DraftProblem::Check).collect())
    }
}

/// What a typed number belongs to.
#[derive(Clone, Debug, PartialEq)]
enum Anchor {
    Area(String),
    Indicator(String),
    Item(String),
    Grade(String),
    Group(String),
    /// A field whose path no edit renumbers (the checklist's own, a group rule's, the split's).
    Fixed(String),
}

/// The index after `prefix[` at the start of `path`, and the rest.
fn index<'a>(path: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(prefix)?.strip_prefix('[')?;
    let end = rest.find(']')?;
    Some((rest[..end].parse().ok()?, &rest[end + 1..]))
}

fn anchor_of(doc: &ChecklistDoc, path: &str) -> (Anchor, String) {
    if let Some((a, rest)) = index(path, "areas") {
        let Some(area) = doc.areas.get(a) else {
            return (Anchor::Fixed(path.into()), String::new());
        };
        if let Some((i, rest)) = index(rest, ".indicators") {
            let Some(indicator) = area.indicators.get(i) else {
                return (Anchor::Fixed(path.into()), String::new());
            };
            if let Some((k, rest)) = index(rest, ".items") {
                if let Some(item) = indicator.items.get(k) {
                    return (Anchor::Item(item.id.clone()), rest.into());
                }
                return (Anchor::Fixed(path.into()), String::new());
            }
            return (Anchor::Indicator(indicator.id.clone()), rest.into());
        }
        return (Anchor::Area(area.id.clone()), rest.into());
    }
    if let Some((g, rest)) = index(path, "grades") {
        if let Some(grade) = doc.grades.get(g) {
            return (Anchor::Grade(grade.id.clone()), rest.into());
        }
    }
    if let Some((g, rest)) = index(path, "group_rules") {
        if let Some(rule) = doc.group_rules.get(g) {
            return (Anchor::Group(rule.id.clone()), rest.into());
        }
    }
    (Anchor::Fixed(path.into()), String::new())
}

fn path_of(doc: &ChecklistDoc, anchor: &Anchor) -> Option<String> {
    match anchor {
        Anchor::Fixed(path) => Some(path.clone()),
        Anchor::Grade(id) => doc
            .grades
            .iter()
            .position(|g| &g.id == id)
            .map(|g| format!("grades[{g}]")),
        Anchor::Group(id) => doc
            .group_rules
            .iter()
            .position(|g| &g.id == id)
            .map(|g| format!("group_rules[{g}]")),
        Anchor::Area(id) => doc
            .areas
            .iter()
            .position(|a| &a.id == id)
            .map(|a| format!("areas[{a}]")),
        Anchor::Indicator(id) => doc.areas.iter().enumerate().find_map(|(a, area)| {
            area.indicators
                .iter()
                .position(|i| &i.id == id)
                .map(|i| format!("areas[{a}].indicators[{i}]"))
        }),
        Anchor::Item(id) => doc.areas.iter().enumerate().find_map(|(a, area)| {
            area.indicators.iter().enumerate().find_map(|(i, ind)| {
                ind.items.iter().position(|it| &it.id == id).map(|k| {
                    Loc {
                        area: a,
                        indicator: i,
                        item: k,
                    }
                    .path()
                })
            })
        }),
    }
}

/// What stops a checklist draft from being published.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftProblem {
    /// A field holds text that is not a number.
    NotANumber { path: String, text: String },
    /// What loading the checklist as a file would report.
    Check(ChecklistIssue),
}

impl DraftProblem {
    pub fn path(&self) -> &str {
        match self {
            DraftProblem::NotANumber { path, .. } => path,
            DraftProblem::Check(issue) => &issue.path,
        }
    }
}

/// What the page says of saving the open checklist draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum EditorSave {
    #[default]
    Unchanged,
    Saved {
        at: String,
    },
    /// The browser refused to store it.
    Failed,
    /// Another tab stored a newer revision; nothing is written until the officer decides.
    Conflict {
        theirs: u64,
    },
}

/// How a write of a checklist draft ended (the shell's report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    Saved {
        at: String,
    },
    /// Storage holds a newer revision from another tab: nothing was written.
    Newer {
        theirs: u64,
    },
    Failed,
}

/// The saving of the open checklist draft, decided here: every revision is written as soon as
/// it exists (no timer, so closing the tab loses nothing written before the last keystroke's
/// write began), one write at a time, the newest revision last, never over a newer revision
/// another tab stored. The shell writes what [`Saving::due`] names and reports back with
/// [`Saving::written`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saving {
    /// The draft open in this tab: a late report about another changes nothing.
    id: String,
    /// The revision this tab last stored or read (`None`: never stored).
    base: Option<u64>,
    /// The newest revision not yet written.
    waiting: Option<u64>,
    writing: bool,
    /// Another tab stored a newer revision: nothing is written until the officer decides.
    blocked: bool,
    deleted: bool,
    pub status: EditorSave,
}

impl Saving {
    /// A draft opened at `revision`, as stored.
    pub fn opened(id: &str, revision: u64) -> Saving {
        Saving {
            id: id.into(),
            base: Some(revision),
            ..Saving::default()
        }
    }

    /// The draft changed: `revision` is to be written.
    pub fn changed(&mut self, id: &str, revision: u64) {
        // The revision stored already (the draft just opened) is not written again.
        if id == self.id && !self.deleted && Some(revision) != self.base {
            self.waiting = Some(revision);
        }
    }

    /// The revision to write now and the base to write it over, if one is due.
    pub fn due(&mut self) -> Option<(u64, Option<u64>)> {
        if self.writing || self.blocked || self.deleted {
            return None;
        }
        let revision = self.waiting.take()?;
        self.writing = true;
        Some((revision, self.base))
    }

    /// How the write of `revision` of draft `id` ended.
    pub fn written(&mut self, id: &str, revision: u64, outcome: Written) {
        if id != self.id {
            return;
        }
        self.writing = false;
        self.status = match outcome {
            Written::Saved { at } => {
                self.base = Some(revision);
                EditorSave::Saved { at }
            }
            Written::Newer { theirs } => {
                self.blocked = true;
                // This tab's newest revision waits for the officer's decision.
                self.waiting = self.waiting.or(Some(revision));
                EditorSave::Conflict { theirs }
            }
            Written::Failed => EditorSave::Failed,
        };
    }

    /// Keep this tab's changes: the next write goes over the other tab's revision.
    pub fn keep_mine(&mut self) {
        if let EditorSave::Conflict { theirs } = self.status {
            self.base = Some(theirs);
            self.blocked = false;
        }
    }

    /// The draft was deleted: nothing of it is written again.
    pub fn deleted(&mut self) {
        self.deleted = true;
        self.waiting = None;
    }
}

/// The checklist file a county publishes: pretty JSON (people open it), the same content hash
/// however it is laid out.
pub fn checklist_file(c: &Checklist) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(c.doc())?;
    text.push('\n');
    Ok(text)
}
