//! The checklists found among the files, waiting for the officer (待确认): how each differs
//! from the checklist of its id here.

use super::Batch;
use crate::core::checklist::Checklist;
use crate::core::checklist_diff::Difference;

/// How a waiting checklist differs from the checklist it is read against.
pub struct AwaitingDiff<'a> {
    pub base: &'a Checklist,
    /// `base` is the built-in of its id (else a county checklist kept here).
    pub builtin: bool,
    /// Its changes against `base`, its version aside.
    pub changes: Vec<Difference>,
}

impl Batch {
    /// How many files of the batch were made with `c`, a checklist waiting for the officer:
    /// they count only once it is adopted (one a single school sent along and one every
    /// school used looked the same).
    pub fn files_made_with(&self, c: &Checklist) -> usize {
        use crate::core::export::ImportError;
        let d = c.doc();
        self.files
            .values()
            .filter(|f| {
                matches!(
                    f.facts.as_deref().map(|x| &x.facts),
                    Some(Err(ImportError::UnknownChecklist { id, version }))
                        if *id == d.id && *version == d.version
                )
            })
            .count()
    }

    /// What a checklist waiting for the officer is read against: the built-in of its id, else
    /// a checklist of its id known here (the last found), and how it differs from it, its
    /// version aside (a school could send "yzjh-school 2026.5" with every threshold cut: the
    /// officer sees each cut before adopting it). `None` when nothing here has its id.
    pub fn awaiting_diff(&self, c: &Checklist) -> Option<AwaitingDiff<'_>> {
        use crate::core::checklist_diff::{diff, Change, Field};
        let id = &c.doc().id;
        let same: Vec<&Checklist> = self
            .checklists
            .iter()
            .filter(|k| &k.doc().id == id && k.sha256() != c.sha256())
            .collect();
        let builtin = crate::core::builtin::builtin(id).map(Checklist::sha256);
        let (base, builtin) = match same.iter().find(|k| Some(k.sha256()) == builtin) {
            Some(base) => (*base, true),
            None => (*same.last()?, false),
        };
        let changes = diff(base.doc(), c.doc())
            .into_iter()
            .filter(|d| {
                !matches!(
                    d.change,
                    Change::Changed {
                        field: Field::Version,
                        ..
                    }
                )
            })
            .collect();
        Some(AwaitingDiff {
            base,
            builtin,
            changes,
        })
    }
}
