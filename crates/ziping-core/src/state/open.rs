//! What the reducer derives from the open draft, once per change: its checklist (loaded when
//! the draft's source changes) and its assessment (once per draft id, revision and school
//! type; the source fixes the checklist). The pages, the 整改清单's sync, the drafts list's
//! summary and the export read these; nothing else scores the open draft.

use super::draft::{shortfall_problems, ChecklistSource, Draft, DraftSummary, SourceError};
use crate::core::checklist::Checklist;
use crate::core::model::SchoolType;
use crate::core::score::{assess, Assessment};
use std::rc::Rc;

/// The open draft's checklist and assessment.
#[derive(Clone, Debug)]
pub struct Derived {
    /// The draft's checklist, or why it cannot be used.
    pub checklist: Result<Rc<Checklist>, SourceError>,
    /// `None` until the school type is chosen (or without a checklist).
    pub assessment: Option<Rc<Assessment>>,
    source: ChecklistSource,
    scored: Option<(String, u64, SchoolType)>,
}

/// Two derivations are the same when they are of the same things (the values follow).
impl PartialEq for Derived {
    fn eq(&self, other: &Derived) -> bool {
        self.source == other.source && self.scored == other.scored
    }
}

impl Derived {
    /// What `draft` gives, reusing what `before` derived of the same source and revision.
    pub fn of(before: Option<&Derived>, draft: &Draft) -> Derived {
        let same_source = before.filter(|b| b.source == draft.checklist);
        let checklist = match same_source {
            Some(b) => b.checklist.clone(),
            None => draft.checklist.load().map(Rc::new),
        };
        let scored = draft
            .profile
            .school_type
            .map(|t| (draft.id.clone(), draft.revision, t));
        let assessment = match (&checklist, &scored) {
            (Ok(c), Some((_, _, t))) => match same_source {
                Some(b) if b.scored == scored => b.assessment.clone(),
                _ => Some(Rc::new(assess(c, *t, &draft.answers))),
            },
            _ => None,
        };
        Derived {
            checklist,
            assessment,
            source: draft.checklist.clone(),
            scored,
        }
    }

    /// The current shortfalls as 整改 rows name them (key, 问题 text), for `draft` (the draft
    /// this was derived from).
    pub fn shortfalls(&self, draft: &Draft) -> Vec<(String, String)> {
        match (&self.checklist, &self.assessment) {
            (Ok(c), Some(a)) => shortfall_problems(c, &draft.answers, a),
            _ => Vec::new(),
        }
    }

    /// The drafts list's line for `draft` (the open draft at some revision): scored with this
    /// assessment when it is of that revision, else scored afresh; with its checklist's name
    /// when the checklist cannot be read.
    pub fn summary_of(&self, draft: &Draft) -> DraftSummary {
        let Ok(c) = &self.checklist else {
            let name = draft.checklist_name();
            let title = crate::core::model::Text {
                zh: name.clone(),
                en: name,
            };
            return draft.summary(&title, None);
        };
        let title = &c.doc().title;
        let current = self
            .scored
            .as_ref()
            .is_some_and(|(id, revision, _)| *id == draft.id && *revision == draft.revision);
        match &self.assessment {
            Some(a) if current => draft.summary(title, Some(a)),
            _ => {
                let scored = draft
                    .profile
                    .school_type
                    .map(|t| assess(c, t, &draft.answers));
                draft.summary(title, scored.as_ref())
            }
        }
    }
}
