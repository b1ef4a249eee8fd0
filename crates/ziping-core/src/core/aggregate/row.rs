//! A file's line in the school table, made from its facts (or from why it cannot be read).

use super::{FileStatus, FollowUp, SchoolFacts, SchoolRow};
use crate::core::checklist::Checklist;

impl SchoolRow {
    pub(super) fn unreadable(file: &str, status: FileStatus) -> SchoolRow {
        SchoolRow {
            file: file.to_string(),
            status,
            result_differs: false,
            picked: false,
            enrolment_doubt: None,
            school_name: String::new(),
            school_code: String::new(),
            county: String::new(),
            school_type: None,
            checklist: String::new(),
            version: String::new(),
            school_year: String::new(),
            enrolment: Vec::new(),
            earned: 0.0,
            max: 0.0,
            grade: None,
            vetoed: false,
            indicators: Vec::new(),
            rule: Vec::new(),
            completion: None,
            exported: String::new(),
            plan_rows: 0,
            evidence_files: None,
            attachments: Vec::new(),
            last_year: None,
            follow_up: FollowUp::NotDue,
            roster: None,
        }
    }

    /// A readable file's line; the grade's label comes from its checklist, if known here.
    pub(super) fn of(
        file: &str,
        status: FileStatus,
        f: &SchoolFacts,
        checklist: Option<&Checklist>,
    ) -> SchoolRow {
        let grade = checklist.and_then(|c| {
            let doc = c.doc();
            if f.vetoed {
                return Some(doc.veto_grade.clone());
            }
            let band = f.band.as_ref()?;
            doc.grades
                .iter()
                .find(|g| &g.id == band)
                .map(|g| g.label.clone())
        });
        SchoolRow {
            file: file.to_string(),
            status,
            result_differs: !f.result_matches,
            picked: false,
            enrolment_doubt: None,
            school_name: f.school_name.clone(),
            school_code: f.school_code.clone(),
            county: f.county.clone(),
            school_type: Some(f.school_type),
            checklist: f.checklist.id.clone(),
            version: f.checklist.version.clone(),
            school_year: f.school_year.clone(),
            enrolment: f.enrolment.clone(),
            earned: f.earned,
            max: f.max,
            grade,
            vetoed: f.vetoed,
            indicators: f.indicators.clone(),
            rule: f.groups.clone(),
            completion: Some(f.completion),
            exported: f.exported.clone(),
            plan_rows: f.plan_rows,
            evidence_files: Some(f.evidence_files),
            attachments: f.attachments.clone(),
            last_year: None,
            follow_up: FollowUp::NotDue,
            roster: None,
        }
    }
}
