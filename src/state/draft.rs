//! A draft: one school's self-assessment in progress, exactly as stored in the browser.

use crate::core::answers::{Answers, Slot, Value};
use crate::core::builtin;
use crate::core::checklist::{Checklist, ChecklistErrors};
use crate::core::model::SchoolType;
use crate::core::rules::fmt_num;
use crate::core::score::{Assessment, Shortfall, ShortfallDetail};
use serde::{Deserialize, Serialize};

pub use crate::core::school::{PlanField, PlanRow, Profile, ProfileField};

/// The `format` of a stored draft.
pub const DRAFT_FORMAT: &str = "ziping.draft/1";

/// Where a draft's checklist comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "RawSource")]
pub enum ChecklistSource {
    /// A built-in, by id.
    Builtin { id: String },
    /// A file the school loaded (a county's checklist): kept whole so the draft reopens offline.
    File { name: String, text: String },
}

/// The flat form read from storage (see `core::model_raw` for why not a tagged enum).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    kind: String,
    id: Option<String>,
    name: Option<String>,
    text: Option<String>,
}

impl TryFrom<RawSource> for ChecklistSource {
    type Error = String;

    fn try_from(r: RawSource) -> Result<ChecklistSource, String> {
        match (r.kind.as_str(), r.id, r.name, r.text) {
            ("builtin", Some(id), None, None) => Ok(ChecklistSource::Builtin { id }),
            ("file", None, Some(name), Some(text)) => Ok(ChecklistSource::File { name, text }),
            (kind, ..) => Err(format!("not a checklist source of kind '{kind}'")),
        }
    }
}

impl ChecklistSource {
    /// The checked checklist this source names.
    pub fn load(&self) -> Result<Checklist, SourceError> {
        match self {
            ChecklistSource::Builtin { id } => builtin::builtins()
                .map_err(|(_, e)| SourceError::Invalid(e))?
                .into_iter()
                .find(|c| &c.doc().id == id)
                .ok_or_else(|| SourceError::UnknownBuiltin(id.clone())),
            ChecklistSource::File { text, .. } => {
                Checklist::from_json(text).map_err(SourceError::Invalid)
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SourceError {
    #[error("no built-in checklist '{0}'")]
    UnknownBuiltin(String),
    #[error("{0}")]
    Invalid(ChecklistErrors),
}

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
    /// Evidence files named for items (their bytes stay on this computer).
    #[serde(default)]
    pub attachments: Vec<crate::core::export::Attachment>,
    /// RFC 3339, given by the shell (the pure code never reads the clock).
    pub created: String,
    pub updated: String,
}

impl Draft {
    pub fn new(id: String, checklist: ChecklistSource, now: String) -> Draft {
        Draft {
            format: DRAFT_FORMAT.into(),
            id,
            revision: 0,
            checklist,
            profile: Profile::default(),
            answers: Answers::default(),
            plan: Vec::new(),
            attachments: Vec::new(),
            created: now.clone(),
            updated: now,
        }
    }

    fn touch(&mut self, now: &str) {
        self.revision += 1;
        self.updated = now.to_string();
    }

    pub fn set_profile(&mut self, field: ProfileField, value: String, now: &str) {
        *self.profile.field_mut(field) = value;
        self.touch(now);
    }

    pub fn set_school_type(&mut self, t: SchoolType, now: &str) {
        self.profile.school_type = Some(t);
        self.touch(now);
    }

    /// `None` clears the slot (nothing entered).
    pub fn set_answer(&mut self, slot: Slot, value: Option<Value>, now: &str) {
        match value {
            Some(v) => self.answers.set(slot, v),
            None => {
                self.answers.values.remove(&slot);
            }
        }
        self.touch(now);
    }

    pub fn set_note(&mut self, item: String, note: String, now: &str) {
        if note.trim().is_empty() {
            self.answers.notes.remove(&item);
        } else {
            self.answers.notes.insert(item, note);
        }
        self.touch(now);
    }

    fn next_row_id(&self) -> u64 {
        self.plan.iter().map(|r| r.id).max().map_or(1, |m| m + 1)
    }

    /// Names an evidence file; the same file (by hash) is listed once per item.
    pub fn add_attachment(&mut self, a: crate::core::export::Attachment, now: &str) {
        if !self
            .attachments
            .iter()
            .any(|x| x.item == a.item && x.sha256 == a.sha256)
        {
            self.attachments.push(a);
            self.touch(now);
        }
    }

    pub fn remove_attachment(&mut self, item: &str, sha256: &str, now: &str) {
        self.attachments
            .retain(|x| !(x.item == item && x.sha256 == sha256));
        self.touch(now);
    }

    pub fn add_plan_row(&mut self, now: &str) {
        let id = self.next_row_id();
        self.plan.push(PlanRow {
            id,
            ..PlanRow::default()
        });
        self.touch(now);
    }

    pub fn remove_plan_row(&mut self, id: u64, now: &str) {
        self.plan.retain(|r| r.id != id);
        self.touch(now);
    }

    pub fn set_plan_field(&mut self, id: u64, field: PlanField, value: String, now: &str) {
        if let Some(row) = self.plan.iter_mut().find(|r| r.id == id) {
            *row.field_mut(field) = value;
            self.touch(now);
        }
    }

    /// Adds a row for every shortfall that has none yet; rows the school wrote or edited are
    /// kept as they are. Returns how many rows were added.
    pub fn generate_plan(&mut self, problems: Vec<(String, String)>, now: &str) -> usize {
        let mut added = 0;
        for (key, problem) in problems {
            if self
                .plan
                .iter()
                .any(|r| r.from.as_deref() == Some(key.as_str()))
            {
                continue;
            }
            let id = self.next_row_id();
            self.plan.push(PlanRow {
                id,
                from: Some(key),
                problem,
                ..PlanRow::default()
            });
            added += 1;
        }
        if added > 0 {
            self.touch(now);
        }
        added
    }

    /// The line shown in the list of drafts.
    pub fn summary(&self, checklist_title: &str, assessment: Option<&Assessment>) -> DraftSummary {
        DraftSummary {
            id: self.id.clone(),
            school_name: self.profile.school_name.clone(),
            checklist_title: checklist_title.to_string(),
            school_year: self.profile.school_year.clone(),
            updated: self.updated.clone(),
            complete_percent: assessment.map_or(0, completion_percent),
        }
    }
}

impl Draft {
    /// A draft that continues a verified submission: its profile, answers, 整改清单 and
    /// start time, with the checklist it was made with.
    pub fn from_export(
        id: String,
        export: &crate::core::export::ExportV1,
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
            attachments: export.attachments.clone(),
            created: export.created.clone(),
            updated: export.exported.clone(),
        }
    }
}

/// What the start page lists for each stored draft.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: String,
    pub school_name: String,
    pub checklist_title: String,
    pub school_year: String,
    pub updated: String,
    pub complete_percent: u8,
}

/// Answered slots ÷ required slots of the applicable items, 0–100.
pub fn completion_percent(a: &Assessment) -> u8 {
    a.completion.percent()
}

/// The key and the prefilled 问题 text of a shortfall, in Chinese (the 整改清单 is a Chinese
/// document that goes to the county whatever the interface language).
pub fn shortfall_problem(checklist: &Checklist, s: &Shortfall) -> (String, String) {
    let key = Slot::new(&s.item, s.part).to_string();
    let name = checklist
        .item(&s.item)
        .map(|i| i.text.zh.clone())
        .or_else(|| {
            checklist
                .doc()
                .group_rules
                .iter()
                .find(|g| g.id == s.item)
                .map(|g| g.title.zh.clone())
        })
        .unwrap_or_else(|| s.item.clone());
    let part = match s.part {
        crate::core::answers::Part::Whole => "",
        crate::core::answers::Part::Primary => "（小学部）",
        crate::core::answers::Part::Junior => "（初中部）",
    };
    let detail = match &s.detail {
        ShortfallDetail::Answer { .. } => "未达标".to_string(),
        ShortfallDetail::Level { chosen, best } => format!("自评等级为{chosen}，未达到{best}"),
        ShortfallDetail::Threshold {
            rule,
            unit,
            value,
            gap,
            near,
            ..
        } => format!(
            "要求{}{unit}，现为{}{unit}，差{}{unit}{}",
            rule.describe(),
            fmt_num(*value),
            fmt_num(*gap),
            if *near {
                "（不低于标准的85%）"
            } else {
                ""
            }
        ),
        ShortfallDetail::Group {
            passed, required, ..
        } => format!("达标{passed}项，要求至少{required}项，或有指标低于标准的85%"),
    };
    let veto = if s.veto { "【一票否决】" } else { "" };
    (key, format!("{veto}{name}{part}：{detail}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> Draft {
        Draft::new(
            "d1".into(),
            ChecklistSource::Builtin {
                id: "yzjh-school".into(),
            },
            "t0".into(),
        )
    }

    #[test]
    fn every_change_raises_the_revision() {
        let mut d = draft();
        d.set_profile(ProfileField::SchoolName, "城关小学".into(), "t1");
        d.set_answer(Slot::whole("Q2"), Some(Value::Yes), "t2");
        d.set_note("Q2".into(), "见章程".into(), "t3");
        assert_eq!(d.revision, 3);
        assert_eq!(d.updated, "t3");
        d.set_answer(Slot::whole("Q2"), None, "t4");
        assert!(d.answers.values.is_empty());
        assert_eq!(d.answers.notes["Q2"], "见章程");
    }

    #[test]
    fn plan_generation_keeps_edited_rows_and_adds_only_new_ones() {
        let mut d = draft();
        let problems = vec![
            ("R1".to_string(), "问题一".to_string()),
            ("G6".to_string(), "问题二".to_string()),
        ];
        assert_eq!(d.generate_plan(problems.clone(), "t"), 2);
        d.set_plan_field(1, PlanField::Measure, "引进教师".into(), "t");
        d.add_plan_row("t");
        assert_eq!(d.generate_plan(problems, "t"), 0);
        assert_eq!(d.plan.len(), 3);
        assert_eq!(d.plan[0].measure, "引进教师");
        d.remove_plan_row(2, "t");
        assert_eq!(d.plan.iter().map(|r| r.id).collect::<Vec<_>>(), vec![1, 3]);
    }

    #[test]
    fn builtin_sources_load() {
        assert!(draft().checklist.load().is_ok());
        let missing = ChecklistSource::Builtin { id: "nope".into() };
        assert_eq!(
            missing.load(),
            Err(SourceError::UnknownBuiltin("nope".into()))
        );
        let bad = ChecklistSource::File {
            name: "x.json".into(),
            text: "{".into(),
        };
        assert!(matches!(bad.load(), Err(SourceError::Invalid(_))));
    }

    #[test]
    fn a_draft_round_trips_as_stored() {
        let mut d = draft();
        d.set_school_type(SchoolType::NineYear, "t1");
        d.set_answer(
            Slot::new("students", crate::core::answers::Part::Junior),
            Some(Value::Number("１２0".into())),
            "t2",
        );
        let text = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Draft>(&text).unwrap(), d);
    }
}
