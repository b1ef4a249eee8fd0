//! 制作县级清单: a county's own checklist, made from a built-in or loaded one in the app. The
//! draft keeps the checklist it started from (the diff is against it), the checklist being
//! made, and every number typed that is not a number yet (kept as typed, never lost). Every
//! edit is checked with the checks of loading a file and those of publishing one
//! (`Checklist::for_publishing`).

use crate::core::answers::{parse_number, NumberError};
use crate::core::checklist::{add_to_set, Checklist, ChecklistErrors, ChecklistIssue, Clash};
use crate::core::model::{
    Area, ChecklistDoc, Comparison, GradeBand, Indicator, Item, ItemKind, Lang, Op, SchoolType,
    Source, SourceRef, Text, Thresholds,
};
use crate::core::time::Timestamp;
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
    /// While an item's id, typed key by key, is another item's on the way ("B5.1.1" on the way
    /// to "B5.1.18"), the id its references still carry: they follow it once its id is its own
    /// again. Not saved.
    #[serde(skip)]
    renaming: Renaming,
}

/// An item being renamed: its place and the id the rules naming it still carry. Transient:
/// it never makes two drafts differ.
#[derive(Clone, Debug, Default)]
struct Renaming(Option<(Loc, String)>);

impl PartialEq for Renaming {
    fn eq(&self, _: &Renaming) -> bool {
        true
    }
}

mod edit;
mod fields;
mod structure;
mod typed;
pub use crate::core::checklist_path::*;
pub use edit::*;
pub use structure::grade_users;

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
    crate::core::format::fmt_num(n)
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
    pub fn new(id: String, base: &ChecklistDoc, now: &Timestamp) -> ChecklistDraft {
        ChecklistDraft {
            format: CHECKLIST_DRAFT_FORMAT.into(),
            id,
            base: base.clone(),
            doc: base.clone(),
            typed: BTreeMap::new(),
            created: now.as_str().into(),
            updated: now.as_str().into(),
            revision: 0,
            renaming: Renaming::default(),
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

    /// The checklist read back from a table (`checklist_csv::from_csv`) in place of the one
    /// being made; numbers typed wrong before are gone with the fields they were in.
    pub fn import(&mut self, doc: ChecklistDoc, now: &Timestamp) {
        if doc != self.doc || !self.typed.is_empty() {
            self.doc = doc;
            self.typed.clear();
            self.updated = now.as_str().into();
            self.revision += 1;
        }
    }

    /// Applies an edit; `now` (RFC 3339) stamps it. An edit of something that is not there
    /// (a removed item's field) changes nothing.
    pub fn apply(&mut self, edit: ChecklistEdit, now: &Timestamp) {
        if self.change(edit) {
            self.updated = now.as_str().into();
            self.revision += 1;
        }
    }

    fn change(&mut self, edit: ChecklistEdit) -> bool {
        if !matches!(edit, ChecklistEdit::Set(Target::Item(_, ItemField::Id), _)) {
            self.renaming = Renaming::default();
        }
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

    /// The checklist, if it has no problem (what a county publishes), else every problem:
    /// numbers typed that are not numbers, then what loading the checklist as a file would
    /// report, then a clash with a checklist known here (`known`: the same id and version with
    /// other content, which schools and the county would mix up). The checks run once.
    pub fn finished(&self, known: &[Checklist]) -> Result<Checklist, Vec<DraftProblem>> {
        let mut out: Vec<DraftProblem> = self
            .typed
            .iter()
            .map(|(path, text)| match parse_number(text) {
                Err(error) => DraftProblem::Number {
                    path: path.clone(),
                    error,
                },
                // A number, where a count is wanted (a group's 至少 N 项: 2.5, -1).
                Ok(_) => DraftProblem::NotWhole {
                    path: path.clone(),
                    text: text.clone(),
                },
            })
            .collect();
        match Checklist::for_publishing(self.doc.clone()) {
            Err(ChecklistErrors(issues)) => {
                out.extend(issues.into_iter().map(DraftProblem::Check));
                Err(out)
            }
            Ok(_) if !out.is_empty() => Err(out),
            Ok(made) => {
                let mut named: Vec<Checklist> = known
                    .iter()
                    .filter(|k| {
                        k.doc().id == made.doc().id && k.doc().version == made.doc().version
                    })
                    .cloned()
                    .collect();
                match add_to_set(&mut named, made.clone()) {
                    Err(clash) => Err(vec![DraftProblem::Clash(clash)]),
                    Ok(_) => Ok(made),
                }
            }
        }
    }

    /// Every problem (see [`ChecklistDraft::finished`]).
    pub fn problems(&self, known: &[Checklist]) -> Vec<DraftProblem> {
        self.finished(known).err().unwrap_or_default()
    }

    /// What importing `doc` (a table read back) would add to the draft's problems: a table
    /// that would is refused whole, the draft left as it was.
    pub fn import_problems(&self, doc: &ChecklistDoc, known: &[Checklist]) -> Vec<DraftProblem> {
        let before = self.problems(known);
        let mut after = self.clone();
        after.doc = doc.clone();
        after.typed.clear();
        after
            .problems(known)
            .into_iter()
            .filter(|p| !before.contains(p))
            .collect()
    }
}

/// What stops a checklist draft from being published.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftProblem {
    /// A field holds text that is not a number it can take (not a number, too large, a
    /// comma that does not separate thousands).
    Number { path: String, error: NumberError },
    /// A number where a whole number not below 0 is wanted (how many items must be met).
    NotWhole { path: String, text: String },
    /// What loading the checklist as a file would report.
    Check(ChecklistIssue),
    /// A checklist known here has this id and version and other content.
    Clash(Clash),
}

impl DraftProblem {
    pub fn path(&self) -> &str {
        match self {
            DraftProblem::Number { path, .. } | DraftProblem::NotWhole { path, .. } => path,
            DraftProblem::Check(issue) => &issue.path,
            DraftProblem::Clash(_) => "version",
        }
    }

    /// Where the problem is: its part and field, typed.
    pub fn place(&self) -> Place {
        Place::of(self.path())
    }
}

/// The checklist file a county publishes: pretty JSON (people open it), the same content hash
/// however it is laid out.
pub fn checklist_file(c: &Checklist) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(c.doc())?;
    text.push('\n');
    Ok(text)
}
