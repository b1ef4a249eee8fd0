//! A draft that continues last year's submission (年度对比): profile and 基础数据 copied and
//! marked until confirmed, answers copied only when asked, last year's 整改清单 reviewed, and
//! last year's result kept to compare with this year's.

use super::draft::{ChecklistSource, Draft, DRAFT_FORMAT};
use super::source::{checklists_of, Known};
use crate::core::answers::{Slot, Value};
use crate::core::checklist::Checklist;
use crate::core::export::{Export, PreviousRef};
use crate::core::history::YearResult;
use crate::core::model::InputScope;
use crate::core::school::{PlanRow, ReviewField, ReviewRow, ReviewStatus};
use crate::core::school_year::next_school_year;
use crate::core::time::Timestamp;

pub use super::previous::Previous;

/// Where last year's file comes in.
pub struct LastYear<'a> {
    /// The file's name.
    pub file: &'a str,
    pub export: &'a Export,
    pub result: YearResult,
}

impl Draft {
    /// A new draft for this year from last year's file: the profile (the school year moved
    /// on) and every input this year's checklist has, copied and marked as last year's; each
    /// input that is last year's value of another (上学年近视率) filled from that one; last
    /// year's 整改 rows to review. Item answers are not copied: each year is judged afresh.
    pub fn from_last_year(
        id: String,
        last: LastYear,
        checklist: &Checklist,
        source: ChecklistSource,
        now: &Timestamp,
    ) -> Draft {
        let e = last.export;
        let mut draft = Draft::new(id, source, now);
        draft.format = DRAFT_FORMAT.into();
        draft.profile = e.profile.clone();
        draft.profile.school_year = next_school_year(&e.profile.school_year);
        for input in &checklist.doc().inputs {
            let from = input.last_year_of.as_deref().unwrap_or(&input.id);
            for (slot, value) in &e.answers.values {
                if slot.id != from || !matches!(value, Value::Number(_)) {
                    continue;
                }
                // A shared input of a 九年一贯制 school is entered once, for the whole school: a
                // part's value of it in the file (left from an earlier school type) is not the
                // whole school's, and never replaces it. Per-part ones per part.
                let part = match input.scope {
                    InputScope::Shared if slot.part != crate::core::answers::Part::Whole => {
                        continue
                    }
                    InputScope::Shared => crate::core::answers::Part::Whole,
                    InputScope::PerPart => slot.part,
                };
                let to = Slot::new(&input.id, part);
                draft.answers.set(to.clone(), value.clone());
                // An amount typed in 万元 last year is still in 万元.
                if e.answers.wan_yuan.contains(slot) {
                    draft.answers.set_wan_yuan(to.clone(), true);
                }
                draft.inherited.insert(to);
            }
        }
        draft.review = e
            .plan
            .iter()
            .map(|row| ReviewRow {
                row: row.clone(),
                status: ReviewStatus::Unset,
                done: String::new(),
                evidence: String::new(),
            })
            .collect();
        draft.previous = Some(Box::new(Previous {
            file: last.file.to_string(),
            reference: PreviousRef {
                digest: e.digest.clone(),
                school_year: e.profile.school_year.clone(),
                exported: e.exported.clone(),
            },
            checklist: e.checklist.clone(),
            result: last.result,
            answers: e.answers.clone(),
        }));
        draft
    }

    /// The school keeps a value copied from last year as it is: it is no longer marked.
    pub fn confirm_inherited(&mut self, slot: &Slot, now: &Timestamp) {
        if self.inherited.remove(slot) {
            self.touch(now);
        }
    }

    /// Every copied value kept as it is.
    pub fn confirm_all_inherited(&mut self, now: &Timestamp) {
        if !self.inherited.is_empty() {
            self.inherited.clear();
            self.touch(now);
        }
    }

    /// Last year's answers to `item` (each part), where this year's is still empty.
    pub fn copy_last_year(&mut self, item: &str, now: &Timestamp) {
        let Some(previous) = &self.previous else {
            return;
        };
        let copied: Vec<(Slot, Value)> = previous
            .answers
            .values
            .iter()
            .filter(|(slot, _)| slot.id == item && self.answers.get(slot).is_none())
            .map(|(s, v)| (s.clone(), v.clone()))
            .collect();
        if copied.is_empty() {
            return;
        }
        let wan: Vec<Slot> = copied
            .iter()
            .filter(|(s, _)| previous.answers.wan_yuan.contains(s))
            .map(|(s, _)| s.clone())
            .collect();
        for (slot, value) in copied {
            self.answers.set(slot.clone(), value);
            self.inherited.insert(slot);
        }
        for slot in wan {
            self.answers.set_wan_yuan(slot, true);
        }
        self.touch(now);
    }

    /// How far last year's row `id` got.
    pub fn set_review_status(&mut self, id: u64, status: ReviewStatus, now: &Timestamp) {
        if let Some(r) = self.review.iter_mut().find(|r| r.row.id == id) {
            r.status = status;
            self.touch(now);
        }
    }

    pub fn set_review_field(
        &mut self,
        id: u64,
        field: ReviewField,
        value: String,
        now: &Timestamp,
    ) {
        if let Some(r) = self.review.iter_mut().find(|r| r.row.id == id) {
            *match field {
                ReviewField::Done => &mut r.done,
                ReviewField::Evidence => &mut r.evidence,
            } = value;
            self.touch(now);
        }
    }

    /// This year's 整改 row that carries on last year's row `row` (its shortfall persists).
    pub fn carried_on<'a>(&'a self, row: &PlanRow) -> Option<&'a PlanRow> {
        let key = row.from.as_ref()?;
        self.plan.iter().find(|r| r.from.as_ref() == Some(key))
    }

    /// Review rows still to be said how far they got.
    pub fn unreviewed(&self) -> usize {
        self.review
            .iter()
            .filter(|r| r.status == ReviewStatus::Unset)
            .count()
    }
}

/// Why a draft cannot start from a file.
#[derive(Clone, Debug, PartialEq)]
pub enum StartError {
    /// The file is not a readable submission.
    File(crate::core::export::ImportError),
    /// Neither a built-in nor a county checklist on this computer has the file's checklist id.
    NoChecklist { id: String },
}

/// This year's draft from last year's file (`bytes`, named `file`): verified and re-scored
/// when its checklist is known here (`known`, from `known_here`), else compared as the file
/// stored it (its digest still checked); this year's checklist is the built-in of the same id,
/// else the newest county checklist of that id known here.
pub fn start_from_file(
    id: String,
    file: &str,
    bytes: &[u8],
    known: &[Known],
    now: &Timestamp,
) -> Result<Started, StartError> {
    let export = crate::core::export::read(bytes).map_err(StartError::File)?;
    let mut result_differs = false;
    let result = match crate::core::export::verify(bytes, &checklists_of(known)) {
        Ok(v) => {
            result_differs = !v.result_matches();
            YearResult::of(&v.recomputed)
        }
        Err(_) => YearResult::from_stored(&export.result).map_err(|problem| {
            StartError::File(crate::core::export::ImportError::Field {
                path: "result".into(),
                problem,
            })
        })?,
    };
    let wanted = &export.checklist.id;
    let builtin = |k: &&Known| matches!(k.source, ChecklistSource::Builtin { .. });
    let of_id = || known.iter().filter(|k| &k.checklist.doc().id == wanted);
    let Some(Known { checklist, source }) = of_id()
        .find(builtin)
        .or_else(|| {
            of_id()
                .filter(|k| !builtin(k))
                .max_by(|a, b| a.checklist.doc().version.cmp(&b.checklist.doc().version))
        })
        .cloned()
    else {
        return Err(StartError::NoChecklist { id: wanted.clone() });
    };
    let draft = Draft::from_last_year(
        id,
        LastYear {
            file,
            export: &export,
            result,
        },
        &checklist,
        source,
        now,
    );
    Ok(Started {
        draft,
        result_differs,
    })
}

/// This year's draft from last year's file, and whether the result the file stores differs
/// from the one its answers give (the comparison uses its answers; the page says so).
#[derive(Debug)]
pub struct Started {
    pub draft: Draft,
    pub result_differs: bool,
}
