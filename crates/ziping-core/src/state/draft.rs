//! A draft: one school's self-assessment in progress, exactly as stored in the browser.

use crate::core::answers::{Answers, Slot, Value};
use crate::core::checklist::Checklist;
use crate::core::model::SchoolType;
use crate::core::score::{Assessment, Shortfall};
use crate::core::time::Timestamp;
use crate::i18n::{shortfall_text, Lang};
use serde::{Deserialize, Serialize};

pub use crate::core::school::{PlanField, PlanRow, Profile, ProfileField, RowStatus};
pub use crate::state::previous::Previous;
pub use crate::state::source::{
    checklists_of, known_from_set, known_here, ChecklistSource, Known, SourceError,
};

/// The `format` of a stored draft.
pub const DRAFT_FORMAT: &str = "ziping.draft/1";

/// A self-assessment in progress.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub format: String,
    pub id: String,
    /// Goes up by one with every change; two tabs compare it before saving.
    pub revision: u64,
    pub checklist: ChecklistSource,
    pub profile: Profile,
    pub answers: Answers,
    pub plan: Vec<PlanRow>,
    /// Shortfalls (keys) whose generated row the school deleted: never generated again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan_dismissed: Vec<String>,
    /// Evidence files named for items (their bytes stay on this computer).
    #[serde(default)]
    pub attachments: Vec<crate::core::export::Attachment>,
    /// Last year's submission this draft continues (see `state::last_year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<Box<Previous>>,
    /// 上年整改落实情况: last year's 整改 rows, reviewed this year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<crate::core::school::ReviewRow>,
    /// Values copied from last year's file that the school has not yet confirmed or changed
    /// (shown as 上年数据).
    #[serde(default, skip_serializing_if = "std::collections::BTreeSet::is_empty")]
    pub inherited: std::collections::BTreeSet<Slot>,
    /// RFC 3339, given by the shell (the pure code never reads the clock).
    pub created: String,
    pub updated: String,
}

impl Draft {
    pub fn new(id: String, checklist: ChecklistSource, now: &Timestamp) -> Draft {
        Draft {
            format: DRAFT_FORMAT.into(),
            id,
            revision: 0,
            checklist,
            profile: Profile::default(),
            answers: Answers::default(),
            plan: Vec::new(),
            plan_dismissed: Vec::new(),
            attachments: Vec::new(),
            previous: None,
            review: Vec::new(),
            inherited: Default::default(),
            created: now.as_str().to_string(),
            updated: now.as_str().to_string(),
        }
    }

    pub(crate) fn touch(&mut self, now: &Timestamp) {
        self.revision += 1;
        self.updated = now.as_str().to_string();
    }

    pub fn set_profile(&mut self, field: ProfileField, value: String, now: &Timestamp) {
        *self.profile.field_mut(field) = value;
        self.touch(now);
    }

    /// The school's type, with what was typed per part carried to where the new type asks
    /// for it (`checklist`: the draft's): a 小学's or 初中's figures are its part's in a
    /// 九年一贯制 school, and that part's are the school's again the other way. Moved, not
    /// copied (one value per figure, the one shown); the other part's figures wait, unscored,
    /// for a 九年一贯制 type again; what is shared stays the whole school's.
    pub fn set_school_type(
        &mut self,
        t: SchoolType,
        checklist: Option<&Checklist>,
        now: &Timestamp,
    ) {
        if let (Some(from), Some(c)) = (self.profile.school_type, checklist) {
            for (from_slot, to_slot) in carried(c, from, t) {
                self.move_answer(from_slot, to_slot);
            }
        }
        self.profile.school_type = Some(t);
        self.touch(now);
    }

    /// Moves what is typed in `from` (its unit and whether it came from last year with it)
    /// to `to`.
    fn move_answer(&mut self, from: Slot, to: Slot) {
        let Some(value) = self.answers.values.remove(&from) else {
            return;
        };
        self.answers.set(to.clone(), value);
        let wan = self.answers.wan_yuan.remove(&from);
        self.answers.set_wan_yuan(to.clone(), wan);
        if self.inherited.remove(&from) {
            self.inherited.insert(to);
        } else {
            self.inherited.remove(&to);
        }
    }

    /// `None` clears the slot (nothing entered). A value copied from last year is the school's
    /// own once it is touched.
    pub fn set_answer(&mut self, slot: Slot, value: Option<Value>, now: &Timestamp) {
        self.inherited.remove(&slot);
        match value {
            Some(v) => self.answers.set(slot, v),
            None => {
                self.answers.values.remove(&slot);
            }
        }
        self.touch(now);
    }

    /// The amount in `slot` typed in 万元 (or back in 元): what was typed stays; a value copied
    /// from last year is confirmed by it, as by any edit.
    pub fn set_wan_yuan(&mut self, slot: Slot, wan: bool, now: &Timestamp) {
        if self.answers.wan_yuan.contains(&slot) == wan {
            return;
        }
        self.inherited.remove(&slot);
        self.answers.set_wan_yuan(slot, wan);
        self.touch(now);
    }

    pub fn set_note(&mut self, item: String, note: String, now: &Timestamp) {
        if note.trim().is_empty() {
            self.answers.notes.remove(&item);
        } else {
            self.answers.notes.insert(item, note);
        }
        self.touch(now);
    }

    /// The id the next 整改 row added gets (the view puts the focus in it once drawn).
    pub fn next_row_id(&self) -> u64 {
        self.plan.iter().map(|r| r.id).max().map_or(1, |m| m + 1)
    }

    /// Names an evidence file; the same file (by hash) is listed once per item.
    pub fn add_attachment(&mut self, a: crate::core::export::Attachment, now: &Timestamp) {
        if !self
            .attachments
            .iter()
            .any(|x| x.item == a.item && x.sha256 == a.sha256)
        {
            self.attachments.push(a);
            self.touch(now);
        }
    }

    pub fn remove_attachment(&mut self, item: &str, sha256: &str, now: &Timestamp) {
        self.attachments
            .retain(|x| !(x.item == item && x.sha256 == sha256));
        self.touch(now);
    }

    pub fn add_plan_row(&mut self, now: &Timestamp) {
        let id = self.next_row_id();
        self.plan.push(PlanRow {
            id,
            ..PlanRow::default()
        });
        self.touch(now);
    }

    /// Removes a row; a generated one is remembered, so it is not generated again. Returns
    /// where it was and the row, for 撤销 ([`Draft::restore_plan_row`]).
    pub fn remove_plan_row(&mut self, id: u64, now: &Timestamp) -> Option<(usize, PlanRow)> {
        let n = self.plan.iter().position(|r| r.id == id)?;
        let row = self.plan.remove(n);
        if let Some(key) = &row.from {
            if !self.plan_dismissed.contains(key) {
                self.plan_dismissed.push(key.clone());
            }
        }
        self.touch(now);
        Some((n, row))
    }

    /// 撤销 a removal: the row back at its place, as it was, and its shortfall no longer
    /// dismissed. Nothing happens if a row with its id, or for its shortfall, is already there
    /// (brought back meanwhile).
    pub fn restore_plan_row(&mut self, at: usize, row: PlanRow, now: &Timestamp) {
        if self
            .plan
            .iter()
            .any(|r| r.id == row.id || (r.from.is_some() && r.from == row.from))
        {
            return;
        }
        if let Some(key) = &row.from {
            self.plan_dismissed.retain(|k| k != key);
        }
        self.plan.insert(at.min(self.plan.len()), row);
        self.touch(now);
    }

    /// Shortfalls still unmet whose generated row the school deleted (keys, in the order of
    /// `problems`): the plan page offers to bring them back.
    pub fn dismissed_unmet(&self, problems: &[(String, String)]) -> Vec<String> {
        problems
            .iter()
            .filter(|(key, _)| self.plan_dismissed.contains(key))
            .map(|(key, _)| key.clone())
            .collect()
    }

    /// A row again for every deleted shortfall that is still unmet; returns how many.
    pub fn bring_back_dismissed(
        &mut self,
        problems: &[(String, String)],
        now: &Timestamp,
    ) -> usize {
        let unmet = self.dismissed_unmet(problems);
        if unmet.is_empty() {
            return 0;
        }
        // sync_plan adds a row for each (none of them has one) and marks the change.
        self.plan_dismissed.retain(|k| !unmet.contains(k));
        self.sync_plan(problems, true, now)
    }

    pub fn set_plan_field(&mut self, id: u64, field: PlanField, value: String, now: &Timestamp) {
        if let Some(row) = self.plan.iter_mut().find(|r| r.id == id) {
            *row.field_mut(field) = value;
            self.touch(now);
        }
    }

    /// The 整改清单 as it reads now: unedited generated rows with their shortfall's current
    /// text (what the report prints and the export carries, even before the plan page synced).
    pub fn plan_now(&self, problems: &[(String, String)]) -> Vec<PlanRow> {
        let mut rows = self.plan.clone();
        follow(&mut rows, problems);
        rows
    }

    /// Whether [`Draft::sync_plan`] without adding would change anything.
    pub fn plan_out_of_sync(&self, problems: &[(String, String)]) -> bool {
        self.plan.iter().any(|row| {
            row.unedited()
                && row.from.as_ref().is_some_and(|key| {
                    problems
                        .iter()
                        .any(|(k, text)| k == key && text != &row.problem)
                })
        })
    }

    /// Generated rows the school has not edited take their shortfall's current text, as part
    /// of the edit that changed it (no revision of their own); true if any changed.
    pub(crate) fn follow_plan(&mut self, problems: &[(String, String)]) -> bool {
        follow(&mut self.plan, problems)
    }

    /// Brings the 整改清单 in line with the current shortfalls (key, 问题 text): a generated row
    /// the school has not edited takes its shortfall's current text; with `add`, every
    /// shortfall that has no row and was never deleted gets one. Rows whose shortfall is gone
    /// stay (see [`PlanRow::status`]); the school's own words are never overwritten.
    /// Returns how many rows were added; changes nothing (not even the revision) when in sync.
    pub fn sync_plan(
        &mut self,
        problems: &[(String, String)],
        add: bool,
        now: &Timestamp,
    ) -> usize {
        let changed = follow(&mut self.plan, problems);
        let mut added = 0;
        if add {
            // Where a shortfall is among them (the checklist's order).
            let place = |row: &PlanRow| {
                let key = row.from.as_ref()?;
                problems.iter().position(|(k, _)| k == key)
            };
            for (n, (key, problem)) in problems.iter().enumerate() {
                let known = self.plan.iter().any(|r| r.from.as_ref() == Some(key))
                    || self.plan_dismissed.contains(key);
                if known {
                    continue;
                }
                // After the row of the shortfall before it, else before the first generated
                // row, else last (a row brought back went after every row added since).
                let at = match self
                    .plan
                    .iter()
                    .rposition(|r| place(r).is_some_and(|p| p < n))
                {
                    Some(before) => before + 1,
                    None => self
                        .plan
                        .iter()
                        .position(|r| place(r).is_some())
                        .unwrap_or(self.plan.len()),
                };
                let id = self.next_row_id();
                self.plan.insert(
                    at,
                    PlanRow {
                        id,
                        from: Some(key.clone()),
                        problem: problem.clone(),
                        generated: Some(problem.clone()),
                        ..PlanRow::default()
                    },
                );
                added += 1;
            }
        }
        if changed || added > 0 {
            self.touch(now);
        }
        added
    }

    /// The line shown in the list of drafts: the checklist's title in both languages (the list
    /// follows the interface language), and how complete the draft is.
    pub fn summary(
        &self,
        checklist_title: &crate::core::model::Text,
        assessment: Option<&Assessment>,
    ) -> DraftSummary {
        DraftSummary {
            id: self.id.clone(),
            school_name: self.profile.school_name.clone(),
            checklist_title: checklist_title.zh.clone(),
            checklist_title_en: checklist_title.en.clone(),
            school_year: self.profile.school_year.clone(),
            updated: self.updated.clone(),
            complete_percent: assessment.map_or(0, completion_percent),
        }
    }

    /// A copy to continue separately (another school year, a variant): a new id, its own times,
    /// the school's name marked with `suffix` ("（副本）"), never saved yet.
    pub fn duplicate(&self, id: String, now: &Timestamp, suffix: &str) -> Draft {
        let mut copy = self.clone();
        copy.id = id;
        copy.revision = 0;
        copy.profile.school_name.push_str(suffix);
        copy.created = now.as_str().to_string();
        copy.updated = copy.created.clone();
        copy
    }

    /// The submission file for this draft: its name and text, scored now against `checklist`,
    /// with the 整改清单 as it reads for the current shortfalls `problems`.
    pub fn submission(
        &self,
        checklist: &Checklist,
        problems: &[(String, String)],
        now: &Timestamp,
        app_version: &str,
    ) -> Result<(String, String), crate::core::export::ExportError> {
        use crate::core::export::{export, file_name, to_text, Submission};
        let plan = self.plan_now(problems);
        let doc = export(&Submission {
            checklist,
            profile: &self.profile,
            answers: &self.answers,
            plan: &plan,
            attachments: &self.attachments,
            created: &self.created,
            exported: now.as_str(),
            app_version,
            previous: self.previous.as_ref().map(|p| &p.reference),
            review: &self.review,
        })?;
        Ok((file_name(&doc), to_text(&doc)?))
    }

    /// The name a draft's checklist goes by when the checklist itself cannot be read.
    pub fn checklist_name(&self) -> String {
        match &self.checklist {
            ChecklistSource::Builtin { id } => id.clone(),
            ChecklistSource::File { name, .. } => name.clone(),
        }
    }
}

impl Draft {
    /// A draft that continues a verified submission: its profile, answers, 整改清单 and
    /// start time, with the checklist it was made with.
    pub fn from_export(
        id: String,
        export: &crate::core::export::Export,
        checklist: ChecklistSource,
    ) -> Draft {
        Draft {
            format: DRAFT_FORMAT.into(),
            id,
            revision: 0,
            checklist,
            profile: export.profile.clone(),
            answers: export.answers.clone(),
            plan: export.plan.clone(),
            plan_dismissed: Vec::new(),
            attachments: export.attachments.clone(),
            previous: None,
            review: export.review.clone(),
            inherited: Default::default(),
            created: export.created.clone(),
            updated: export.exported.clone(),
        }
    }
}

/// A submission file opened as a new draft (`id`): verified against the checklists known here
/// (`known_here`), the draft's checklist being the known one it names, whether a built-in, a
/// county checklist kept in this browser or one just picked.
pub fn open_submission(
    id: String,
    bytes: &[u8],
    known: &[Known],
) -> Result<Opened, crate::core::export::ImportError> {
    let v = crate::core::export::verify(bytes, &checklists_of(known))?;
    open_verified(id, &v, known).map(|(draft, _)| Opened {
        draft,
        result_differs: !v.result_matches(),
    })
}

/// A submission file opened as a draft, and whether the result it stores differs from the one
/// its answers give (edited after export: the page says so; the draft scores from its answers).
#[derive(Debug)]
pub struct Opened {
    pub draft: Draft,
    pub result_differs: bool,
}

/// A verified submission as a draft (`id`) on the known checklist it names, with that
/// checklist; `UnknownChecklist` when `known` does not hold it.
pub fn open_verified(
    id: String,
    v: &crate::core::export::Verified,
    known: &[Known],
) -> Result<(Draft, Checklist), crate::core::export::ImportError> {
    let named = &v.export.checklist;
    let k = known
        .iter()
        .find(|k| k.checklist.is(&named.id, &named.version, &named.sha256))
        .ok_or_else(|| crate::core::export::ImportError::UnknownChecklist {
            id: named.id.clone(),
            version: named.version.clone(),
        })?;
    Ok((
        Draft::from_export(id, &v.export, k.source.clone()),
        k.checklist.clone(),
    ))
}

/// Unedited generated rows take their shortfall's current text; true if any changed.
fn follow(rows: &mut [PlanRow], problems: &[(String, String)]) -> bool {
    let mut changed = false;
    for row in rows {
        let current = row
            .from
            .as_ref()
            .and_then(|key| problems.iter().find(|(k, _)| k == key));
        if let Some((_, text)) = current {
            if row.unedited() && &row.problem != text {
                row.problem = text.clone();
                row.generated = Some(text.clone());
                changed = true;
            }
        }
    }
    changed
}

/// What the start page lists for each stored draft. Stored beside the draft (written in the
/// same transaction) as an index, so the list needs no draft read and no scoring: the one
/// derived value kept in storage, on purpose.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: String,
    pub school_name: String,
    /// In Chinese; `checklist_title_en` in English (empty in summaries stored before it).
    pub checklist_title: String,
    #[serde(default)]
    pub checklist_title_en: String,
    pub school_year: String,
    pub updated: String,
    pub complete_percent: u8,
}

impl DraftSummary {
    /// The line for `copy`, a duplicate of the draft this line is for.
    pub fn for_copy(&self, copy: &Draft) -> DraftSummary {
        DraftSummary {
            id: copy.id.clone(),
            school_name: copy.profile.school_name.clone(),
            updated: copy.updated.clone(),
            ..self.clone()
        }
    }
}

/// Answered slots ÷ required slots of the applicable items, 0–100.
pub fn completion_percent(a: &Assessment) -> u8 {
    a.completion.percent()
}

/// The key and the prefilled 问题 text of a shortfall, in Chinese (the 整改清单 is a Chinese
/// document that goes to the county whatever the interface language).
pub fn shortfall_problem(
    checklist: &Checklist,
    answers: &crate::core::answers::Answers,
    s: &Shortfall,
) -> (String, String) {
    let key = Slot::new(&s.item, s.part).to_string();
    (key, shortfall_text(checklist, answers, s, Lang::Zh))
}

/// Every shortfall of an assessment as 整改 rows name them (key, 问题 text).
pub fn shortfall_problems(
    checklist: &Checklist,
    answers: &crate::core::answers::Answers,
    a: &Assessment,
) -> Vec<(String, String)> {
    a.shortfalls
        .iter()
        .map(|s| shortfall_problem(checklist, answers, s))
        .collect()
}

/// The slots whose answers move when a school of type `from` becomes one of type `to`: an
/// id answered once (whole) for one and per part for the other moves between the whole and
/// the part that a 小学 or 初中 is.
fn carried(c: &Checklist, from: SchoolType, to: SchoolType) -> Vec<(Slot, Slot)> {
    use crate::core::answers::Part;
    let side = |t: SchoolType| match t {
        SchoolType::Primary => Some(Part::Primary),
        SchoolType::Junior => Some(Part::Junior),
        SchoolType::NineYear => None,
    };
    let split = |t: SchoolType| -> std::collections::BTreeSet<String> {
        let inputs = crate::core::score::input_slots(c, t)
            .into_iter()
            .map(|s| (s.id, s.part));
        let items = c.items().flat_map(|(_, item)| {
            crate::core::score::item_parts(item, t)
                .into_iter()
                .map(|(part, _)| (item.id.clone(), part))
        });
        inputs
            .chain(items)
            .filter(|(_, part)| *part != Part::Whole)
            .map(|(id, _)| id)
            .collect()
    };
    let (whole_to_part, part_to_whole) = match (side(from), side(to)) {
        (Some(part), None) => (Some(part), None),
        (None, Some(part)) => (None, Some(part)),
        _ => return Vec::new(),
    };
    let ids = split(if whole_to_part.is_some() { to } else { from });
    ids.into_iter()
        .map(|id| match (whole_to_part, part_to_whole) {
            (Some(part), _) => (Slot::whole(&id), Slot::new(&id, part)),
            (_, part) => (
                Slot::new(&id, part.unwrap_or(Part::Primary)),
                Slot::whole(&id),
            ),
        })
        .collect()
}

#[cfg(test)]
mod tests;
