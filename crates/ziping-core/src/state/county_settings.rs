//! 县级设置 as the officer fills it in: the county's name and school years as typed, the
//! checklists ticked, the roster (from a spreadsheet or typed a school at a time). Pure: the
//! page turns events into [`SettingsEdit`]s and shows what [`SettingsForm::check`] says.

use crate::core::aggregate::{CountySettings, RosterIssue, RosterSchool, SettingsDraft};
use crate::core::aggregate::{SchoolRow, SettingsProblem};
use crate::core::checklist::Checklist;
use crate::core::export::{stamp, ChecklistStamp};
use crate::core::model::SchoolType;
use crate::core::roster_csv::{self, RosterProblem};

/// A school being typed into the roster.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewSchool {
    pub code: String,
    pub name: String,
    pub school_type: Option<SchoolType>,
    pub township: String,
    /// 在校生数 as typed (may stay empty).
    pub students: String,
}

/// The settings form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SettingsForm {
    pub county: String,
    /// School years as typed, separated by commas or 、.
    pub years: String,
    pub accepted: Vec<ChecklistStamp>,
    /// The accepted checklists that are not built in (they travel with the settings).
    pub county_checklists: Vec<Checklist>,
    pub roster: Vec<RosterSchool>,
    pub new_school: NewSchool,
    /// Why the school typed was not added.
    pub new_school_problem: Option<RosterIssue>,
    /// Why the last roster table read was refused (nothing of it was taken).
    pub table_problems: Vec<RosterProblem>,
}

/// A field of the school being typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewSchoolField {
    Code,
    Name,
    Township,
    Students,
}

/// Every change the officer makes to the form.
#[derive(Clone, Debug, PartialEq)]
pub enum SettingsEdit {
    County(String),
    Years(String),
    /// Tick or untick a checklist; `built_in` ones need not travel with the settings.
    Accept {
        checklist: Box<Checklist>,
        built_in: bool,
        on: bool,
    },
    /// A roster table's text: it replaces the roster when it reads without a problem.
    RosterTable(String),
    NewSchool(NewSchoolField, String),
    NewSchoolType(Option<SchoolType>),
    /// Adds the school typed.
    AddSchool,
    /// Adds the school a file names (a file 不在名册 whose school the county recognises).
    AddSchoolOf {
        code: String,
        name: String,
        school_type: SchoolType,
    },
    RemoveSchool(usize),
}

/// The school years typed, each as typed.
fn years_of(text: &str) -> Vec<String> {
    text.split([',', '，', '、', ';', '；', '\n'])
        .map(str::trim)
        .filter(|y| !y.is_empty())
        .map(str::to_string)
        .collect()
}

impl SettingsForm {
    /// The form for the settings kept (or an empty one).
    /// Something typed that saving would keep, or a school typed and not yet added, differs
    /// from the settings `saved`: what a reload would lose. A table refused or a school's
    /// problem is not; nor is the order checklists were ticked in.
    pub fn unsaved(&self, saved: Option<&CountySettings>) -> bool {
        let was = SettingsForm::of(saved);
        let stamps = |f: &SettingsForm| {
            let mut s: Vec<(String, String, String)> = f
                .accepted
                .iter()
                .map(|a| (a.id.clone(), a.version.clone(), a.sha256.clone()))
                .collect();
            s.sort();
            s
        };
        let n = &self.new_school;
        self.county != was.county
            || self.years != was.years
            || self.roster != was.roster
            // The county's own checklists are the accepted ones not built in: they follow.
            || stamps(self) != stamps(&was)
            || [&n.code, &n.name, &n.township, &n.students]
                .iter()
                .any(|t| !t.trim().is_empty())
    }

    pub fn of(settings: Option<&CountySettings>) -> SettingsForm {
        match settings {
            None => SettingsForm::default(),
            Some(s) => SettingsForm {
                county: s.county.clone(),
                years: s.school_years.join("、"),
                accepted: s.accepted.clone(),
                county_checklists: s.county_checklists.clone(),
                roster: s.roster.clone(),
                ..SettingsForm::default()
            },
        }
    }

    pub fn accepts(&self, checklist: &Checklist) -> bool {
        self.accepted.contains(&stamp(checklist))
    }

    pub fn edit(&mut self, edit: SettingsEdit) {
        match edit {
            SettingsEdit::County(text) => self.county = text,
            SettingsEdit::Years(text) => self.years = text,
            SettingsEdit::Accept {
                checklist,
                built_in,
                on,
            } => {
                let s = stamp(&checklist);
                self.accepted.retain(|a| a != &s);
                self.county_checklists
                    .retain(|c| c.sha256() != checklist.sha256());
                if on {
                    self.accepted.push(s);
                    if !built_in {
                        self.county_checklists.push(*checklist);
                    }
                }
            }
            SettingsEdit::RosterTable(text) => match roster_csv::from_csv(&text) {
                Ok(roster) => {
                    self.roster = roster;
                    self.table_problems.clear();
                }
                Err(problems) => self.table_problems = problems,
            },
            SettingsEdit::NewSchool(field, text) => match field {
                NewSchoolField::Code => self.new_school.code = text,
                NewSchoolField::Name => self.new_school.name = text,
                NewSchoolField::Township => self.new_school.township = text,
                NewSchoolField::Students => self.new_school.students = text,
            },
            SettingsEdit::NewSchoolType(t) => self.new_school.school_type = t,
            SettingsEdit::AddSchool => {
                let n = &self.new_school;
                let Some(school_type) = n.school_type else {
                    self.new_school_problem = Some(RosterIssue::NoType);
                    return;
                };
                let students = match roster_csv::students_of(&n.students) {
                    Ok(students) => students,
                    Err(issue) => {
                        self.new_school_problem = Some(issue);
                        return;
                    }
                };
                let school = RosterSchool {
                    code: n.code.trim().to_string(),
                    name: n.name.trim().to_string(),
                    school_type,
                    township: n.township.trim().to_string(),
                    students,
                };
                match self.add(school) {
                    Ok(()) => {
                        self.new_school = NewSchool::default();
                        self.new_school_problem = None;
                    }
                    Err(issue) => self.new_school_problem = Some(issue),
                }
            }
            SettingsEdit::AddSchoolOf {
                code,
                name,
                school_type,
            } => {
                let _ = self.add(RosterSchool {
                    code,
                    name,
                    school_type,
                    township: String::new(),
                    students: None,
                });
            }
            SettingsEdit::RemoveSchool(n) => {
                if n < self.roster.len() {
                    self.roster.remove(n);
                }
            }
        }
    }

    /// Adds a school unless its code is no code or already listed, or it has no name.
    fn add(&mut self, school: RosterSchool) -> Result<(), RosterIssue> {
        use crate::core::aggregate::identity::{normalize, school_code};
        let code = school_code(&school.code);
        if code.is_empty() {
            return Err(RosterIssue::NoCode { text: school.code });
        }
        if normalize(&school.name).is_empty() {
            return Err(RosterIssue::NoName);
        }
        if let Some(other) = self
            .roster
            .iter()
            .position(|s| school_code(&s.code) == code)
        {
            return Err(RosterIssue::DuplicateCode {
                code: school.code,
                other: other + 1,
            });
        }
        self.roster.push(school);
        Ok(())
    }

    /// The settings the form describes, or every problem (`known`: the checklists this
    /// browser reads besides the county's own).
    pub fn check(&self, known: &[Checklist]) -> Result<CountySettings, Vec<SettingsProblem>> {
        CountySettings::new(
            SettingsDraft {
                county: self.county.clone(),
                school_years: years_of(&self.years),
                accepted: self.accepted.clone(),
                county_checklists: self.county_checklists.clone(),
                roster: self.roster.clone(),
            },
            known,
        )
    }
}

/// A file 不在名册 can be added to the roster as the school it names, if it names a code.
pub fn addable(row: &SchoolRow) -> Option<(String, String, SchoolType)> {
    let code = crate::core::aggregate::identity::school_code(&row.school_code);
    (!code.is_empty())
        .then(|| {
            row.school_type.map(|t| {
                (
                    row.school_code.trim().to_string(),
                    row.school_name.trim().to_string(),
                    t,
                )
            })
        })
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::builtin::builtins;

    #[test]
    fn the_officer_fills_in_the_form_and_gets_settings_or_every_problem() {
        let known = builtins().unwrap();
        let mut f = SettingsForm::default();
        assert!(f.check(&known).is_err());
        f.edit(SettingsEdit::County(" 示例县 ".into()));
        f.edit(SettingsEdit::Years("2025-2026、2026-27".into()));
        f.edit(SettingsEdit::Accept {
            checklist: Box::new(known[0].clone()),
            built_in: true,
            on: true,
        });
        f.edit(SettingsEdit::RosterTable(
            "学校代码,学校名称,学校类型\n4307,城关一小,小学\n".into(),
        ));
        for (field, text) in [
            (NewSchoolField::Code, "4308"),
            (NewSchoolField::Name, "城关中学"),
        ] {
            f.edit(SettingsEdit::NewSchool(field, text.into()));
        }
        f.edit(SettingsEdit::AddSchool);
        assert_eq!(f.new_school_problem, Some(RosterIssue::NoType));
        f.edit(SettingsEdit::NewSchoolType(Some(SchoolType::Junior)));
        // Its enrolment, as the roster table takes it: a whole number (full width too), or
        // nothing; anything else is said, the form kept.
        f.edit(SettingsEdit::NewSchool(
            NewSchoolField::Students,
            "12.5".into(),
        ));
        f.edit(SettingsEdit::AddSchool);
        assert_eq!(
            f.new_school_problem,
            Some(RosterIssue::BadStudents {
                text: "12.5".into()
            })
        );
        assert_eq!(f.roster.len(), 1);
        f.edit(SettingsEdit::NewSchool(
            NewSchoolField::Students,
            "１２００".into(),
        ));
        f.edit(SettingsEdit::AddSchool);
        assert_eq!(f.roster.len(), 2);
        assert_eq!(f.roster[1].students, Some(1200));
        assert_eq!(f.new_school, NewSchool::default());
        // The same code again, typed in full width: refused, the form kept.
        f.edit(SettingsEdit::NewSchool(
            NewSchoolField::Code,
            "４３０８".into(),
        ));
        f.edit(SettingsEdit::NewSchool(
            NewSchoolField::Name,
            "别的学校".into(),
        ));
        f.edit(SettingsEdit::NewSchoolType(Some(SchoolType::Primary)));
        f.edit(SettingsEdit::AddSchool);
        assert!(matches!(
            f.new_school_problem,
            Some(RosterIssue::DuplicateCode { other: 2, .. })
        ));
        assert_eq!(f.new_school.code, "４３０８");
        // A broken table changes nothing and says why.
        f.edit(SettingsEdit::RosterTable(
            "学校代码,学校名称,学校类型\n无,x,小学\n".into(),
        ));
        assert_eq!(f.roster.len(), 2);
        assert_eq!(f.table_problems.len(), 1);
        let s = f.check(&known).unwrap();
        assert_eq!(s.county, "示例县");
        assert_eq!(s.school_years, ["2025-2026", "2026-2027"]);
        assert_eq!(SettingsForm::of(Some(&s)).check(&known).unwrap(), s);
        f.edit(SettingsEdit::RemoveSchool(0));
        assert_eq!(f.roster.len(), 1);
    }
    /// What a reload would lose, and only that: a refused table, a school's problem or
    /// ticking a checklist off and on again is no change (the page asked before a reload for
    /// them).
    #[test]
    fn unsaved_means_what_saving_would_keep() {
        let known = builtins().unwrap();
        let accept = |f: &mut SettingsForm, n: usize, on: bool| {
            f.edit(SettingsEdit::Accept {
                checklist: Box::new(known[n].clone()),
                built_in: true,
                on,
            })
        };
        let mut f = SettingsForm::default();
        assert!(!f.unsaved(None));
        f.edit(SettingsEdit::County("示例县".into()));
        f.edit(SettingsEdit::Years("2026-2027".into()));
        accept(&mut f, 0, true);
        accept(&mut f, 1, true);
        assert!(f.unsaved(None));
        let saved = f.check(&known).unwrap();
        let mut f = SettingsForm::of(Some(&saved));
        assert!(!f.unsaved(Some(&saved)));
        f.edit(SettingsEdit::RosterTable(
            "学校代码,学校名称,学校类型\n无,x,小学\n".into(),
        ));
        f.edit(SettingsEdit::AddSchool);
        accept(&mut f, 0, false);
        accept(&mut f, 0, true);
        assert!(!f.table_problems.is_empty() && f.new_school_problem.is_some());
        assert!(!f.unsaved(Some(&saved)), "{f:?}");
        // A school typed, not yet added; then added: both would be lost.
        f.edit(SettingsEdit::NewSchool(NewSchoolField::Code, "4307".into()));
        assert!(f.unsaved(Some(&saved)));
        f.edit(SettingsEdit::NewSchool(
            NewSchoolField::Name,
            "城关一小".into(),
        ));
        f.edit(SettingsEdit::NewSchoolType(Some(SchoolType::Primary)));
        f.edit(SettingsEdit::AddSchool);
        assert_eq!(f.roster.len(), 1);
        assert!(f.unsaved(Some(&saved)));
    }
}
