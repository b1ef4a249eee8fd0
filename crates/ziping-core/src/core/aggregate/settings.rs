//! 县级设置: what the county decides before any school's file is read — its name, the school
//! years assessed, the checklists it accepts (id, version and content hash; its own checklists
//! travel inside the file) and its roster of schools (学校名册). One file for county mode and
//! `ziping --county-settings`; nothing a school sends changes it.

use super::identity::{county_name, normalize, school_code};
use crate::core::checklist::{Checklist, ChecklistErrors};
use crate::core::export::ChecklistStamp;
use crate::core::json::FieldProblem;
use crate::core::model::SchoolType;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The settings file's format name.
pub const SETTINGS_FORMAT: &str = "ziping.county-settings/1";

/// The largest settings file read (a province's roster with its own checklists is far smaller).
pub const MAX_SETTINGS_BYTES: usize = 8 * 1024 * 1024;

/// A school of the roster, as the county lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RosterSchool {
    /// 学校代码, as the county writes it (compared normalised).
    pub code: String,
    pub name: String,
    pub school_type: SchoolType,
    /// 乡镇 (街道).
    #[serde(default)]
    pub township: String,
    /// 在校生数, if the county keeps it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub students: Option<u32>,
}

/// The settings as a file stores them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFile {
    format: String,
    county: String,
    school_years: Vec<String>,
    /// The checklists that count, by id, version and content hash.
    checklists: Vec<ChecklistStamp>,
    /// The county's own checklists (not built in), in full, so another computer can read the
    /// files made with them.
    #[serde(default)]
    county_checklists: Vec<serde_json::Value>,
    #[serde(default)]
    roster: Vec<RosterSchool>,
}

/// What is wrong with a settings file or with settings being made: where and what.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SettingsProblem {
    #[error("not a settings file: {0:?}")]
    Json(FieldProblem),
    #[error("format is '{found}', expected '{SETTINGS_FORMAT}'")]
    WrongFormat { found: String },
    #[error("no county name")]
    NoCounty,
    #[error("no school year")]
    NoYear,
    #[error("'{year}' is not a school year such as 2026-2027")]
    BadYear { year: String },
    #[error("no checklist accepted")]
    NoChecklist,
    #[error("checklist {id} {version} is accepted but not known here")]
    UnknownChecklist { id: String, version: String },
    #[error("a county checklist cannot be read")]
    BadChecklist { errors: ChecklistErrors },
    #[error("roster row {row}: {issue:?}")]
    Roster { row: usize, issue: RosterIssue },
    #[error("file too large")]
    TooLarge,
    /// A school's submission picked as a settings file.
    #[error("a submission, not settings")]
    IsSubmission,
    /// A checklist file picked as a settings file.
    #[error("a checklist, not settings")]
    IsChecklist,
}

/// A roster row's problem (row 1 is the first school).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RosterIssue {
    /// No code, or one that only holds a code's place (无, 0, /…).
    NoCode {
        text: String,
    },
    /// The same code (normalised) as row `other`.
    DuplicateCode {
        code: String,
        other: usize,
    },
    NoName,
    /// No school type chosen.
    NoType,
    /// The enrolment typed is not a whole number of pupils.
    BadStudents {
        text: String,
    },
}

/// The county's settings, checked: every accepted checklist is known, every roster code is a
/// code and unique, the years are school years.
#[derive(Clone, Debug, PartialEq)]
pub struct CountySettings {
    /// As shown (NFKC, no spaces): compared with the files' county names.
    pub county: String,
    /// Canonical school years ("2026-2027"), in the order given.
    pub school_years: Vec<String>,
    pub accepted: Vec<ChecklistStamp>,
    /// The county's own checklists, parsed.
    pub county_checklists: Vec<Checklist>,
    pub roster: Vec<RosterSchool>,
    /// Normalised code → roster row.
    by_code: BTreeMap<String, usize>,
}

/// What the officer has typed or picked, before it is checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SettingsDraft {
    pub county: String,
    pub school_years: Vec<String>,
    pub accepted: Vec<ChecklistStamp>,
    pub county_checklists: Vec<Checklist>,
    pub roster: Vec<RosterSchool>,
}

impl CountySettings {
    /// Checks what the officer gave: every problem, or the settings. `known` are the
    /// checklists this computer can read (the built-ins and archived versions); the county's
    /// own come with the settings.
    pub fn new(
        draft: SettingsDraft,
        known: &[Checklist],
    ) -> Result<CountySettings, Vec<SettingsProblem>> {
        let mut problems = Vec::new();
        let county = county_name(&draft.county);
        if county.is_empty() {
            problems.push(SettingsProblem::NoCounty);
        }
        let mut school_years = Vec::new();
        for year in &draft.school_years {
            match crate::core::school_year::canonical_school_year(year) {
                Some(y) if !school_years.contains(&y) => school_years.push(y),
                Some(_) => {}
                None => problems.push(SettingsProblem::BadYear { year: year.clone() }),
            }
        }
        if draft.school_years.is_empty() {
            problems.push(SettingsProblem::NoYear);
        }
        if draft.accepted.is_empty() {
            problems.push(SettingsProblem::NoChecklist);
        }
        for a in &draft.accepted {
            let readable = known
                .iter()
                .chain(&draft.county_checklists)
                .any(|c| c.is(&a.id, &a.version, &a.sha256));
            if !readable {
                problems.push(SettingsProblem::UnknownChecklist {
                    id: a.id.clone(),
                    version: a.version.clone(),
                });
            }
        }
        let mut by_code = BTreeMap::new();
        for (n, school) in draft.roster.iter().enumerate() {
            let row = n + 1;
            let code = school_code(&school.code);
            if code.is_empty() {
                problems.push(SettingsProblem::Roster {
                    row,
                    issue: RosterIssue::NoCode {
                        text: school.code.clone(),
                    },
                });
            } else if let Some(&other) = by_code.get(&code) {
                problems.push(SettingsProblem::Roster {
                    row,
                    issue: RosterIssue::DuplicateCode {
                        code: school.code.clone(),
                        other: other + 1,
                    },
                });
            } else {
                by_code.insert(code, n);
            }
            if normalize(&school.name).is_empty() {
                problems.push(SettingsProblem::Roster {
                    row,
                    issue: RosterIssue::NoName,
                });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(CountySettings {
            county,
            school_years,
            accepted: draft.accepted,
            county_checklists: draft.county_checklists,
            roster: draft.roster,
            by_code,
        })
    }

    /// Reads a settings file (a UTF-8 BOM is allowed).
    pub fn from_json(
        text: &str,
        known: &[Checklist],
    ) -> Result<CountySettings, Vec<SettingsProblem>> {
        if text.len() > MAX_SETTINGS_BYTES {
            return Err(vec![SettingsProblem::TooLarge]);
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        #[derive(Deserialize)]
        struct Format {
            format: Option<String>,
        }
        if let Ok(Format { format: Some(f) }) = serde_json::from_str::<Format>(text) {
            if f.starts_with("ziping.export") {
                return Err(vec![SettingsProblem::IsSubmission]);
            }
            if f == crate::core::model::CHECKLIST_FORMAT {
                return Err(vec![SettingsProblem::IsChecklist]);
            }
        }
        let file: SettingsFile = serde_json::from_str(text)
            .map_err(|e| vec![SettingsProblem::Json(FieldProblem::from_serde(&e))])?;
        if file.format != SETTINGS_FORMAT {
            return Err(vec![SettingsProblem::WrongFormat { found: file.format }]);
        }
        let mut county_checklists = Vec::new();
        for doc in file.county_checklists {
            let parsed = serde_json::from_value::<crate::core::model::ChecklistDoc>(doc)
                .map_err(|e| vec![SettingsProblem::Json(FieldProblem::from_serde(&e))])
                .and_then(|doc| {
                    Checklist::try_from(doc)
                        .map_err(|errors| vec![SettingsProblem::BadChecklist { errors }])
                })?;
            county_checklists.push(parsed);
        }
        CountySettings::new(
            SettingsDraft {
                county: file.county,
                school_years: file.school_years,
                accepted: file.checklists,
                county_checklists,
                roster: file.roster,
            },
            known,
        )
    }

    /// The settings as a file: the county's own accepted checklists in full.
    pub fn to_json(&self) -> String {
        let file = SettingsFile {
            format: SETTINGS_FORMAT.into(),
            county: self.county.clone(),
            school_years: self.school_years.clone(),
            checklists: self.accepted.clone(),
            county_checklists: self
                .county_checklists
                .iter()
                .filter_map(|c| serde_json::to_value(c.doc()).ok())
                .collect(),
            roster: self.roster.clone(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// What the officer can change, as it is now.
    pub fn draft(&self) -> SettingsDraft {
        SettingsDraft {
            county: self.county.clone(),
            school_years: self.school_years.clone(),
            accepted: self.accepted.clone(),
            county_checklists: self.county_checklists.clone(),
            roster: self.roster.clone(),
        }
    }

    /// The county counts files made with this checklist.
    pub fn accepts(&self, stamp: &ChecklistStamp) -> bool {
        self.accepted.contains(stamp)
    }

    /// The roster row of a code as a file or the officer wrote it.
    pub fn roster_row(&self, code: &str) -> Option<usize> {
        self.by_code.get(&school_code(code)).copied()
    }

    pub fn has_roster(&self) -> bool {
        !self.roster.is_empty()
    }

    /// The county accepts this checklist from now on (the officer confirmed one found among
    /// the files, or chose one). A checklist that is not built in travels with the settings.
    pub fn accept(&mut self, checklist: &Checklist, built_in: bool) {
        let stamp = crate::core::export::stamp(checklist);
        if !self.accepted.contains(&stamp) {
            self.accepted.push(stamp);
        }
        if !built_in
            && !self
                .county_checklists
                .iter()
                .any(|c| c.sha256() == checklist.sha256())
        {
            self.county_checklists.push(checklist.clone());
        }
    }

    /// The county no longer counts files made with this checklist.
    pub fn refuse(&mut self, stamp: &ChecklistStamp) {
        self.accepted.retain(|a| a != stamp);
        self.county_checklists
            .retain(|c| !c.is(&stamp.id, &stamp.version, &stamp.sha256));
    }

    /// Adds a school to the roster (the officer adds a school a file came from).
    pub fn add_school(&mut self, school: RosterSchool) -> Result<(), RosterIssue> {
        let code = school_code(&school.code);
        if code.is_empty() {
            return Err(RosterIssue::NoCode { text: school.code });
        }
        if normalize(&school.name).is_empty() {
            return Err(RosterIssue::NoName);
        }
        if let Some(&other) = self.by_code.get(&code) {
            return Err(RosterIssue::DuplicateCode {
                code: school.code,
                other: other + 1,
            });
        }
        self.by_code.insert(code, self.roster.len());
        self.roster.push(school);
        Ok(())
    }
}
