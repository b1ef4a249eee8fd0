//! The open draft with its checklist and assessment, each computed once: the checklist when
//! the draft's source changes, the assessment once per draft revision.

use crate::app::{Open, Shared};
use crate::core::checklist::Checklist;
use crate::core::score::{assess, Assessment};
use crate::state::draft::{Draft, SourceError};
use crate::state::AppState;
use std::rc::Rc;
use yew::prelude::*;

/// What an assessment is of. The key names it: the draft (id and revision), its school type
/// and the checklist's content hash. (A pointer address could be reused by the next draft
/// opened and show the previous one's score.)
#[derive(Clone)]
struct Scoring {
    draft: Rc<Draft>,
    checklist: Rc<Checklist>,
}

impl PartialEq for Scoring {
    fn eq(&self, other: &Self) -> bool {
        let key = |s: &Scoring| {
            (
                s.draft.id.clone(),
                s.draft.revision,
                s.draft.profile.school_type,
                s.checklist.sha256().to_string(),
            )
        };
        key(self) == key(other)
    }
}

/// The open draft ready for the pages; `Some(Err)` when its checklist cannot be read.
#[hook]
pub fn use_open_draft(state: &AppState) -> Option<Result<Open, SourceError>> {
    let source = state.draft.as_ref().map(|d| d.checklist.clone());
    let checklist = use_memo(source, |source| {
        source.as_ref().map(|s| s.load().map(Rc::new))
    });
    let scoring = match (&state.draft, checklist.as_ref()) {
        (Some(draft), Some(Ok(checklist))) => Some(Scoring {
            draft: draft.clone(),
            checklist: checklist.clone(),
        }),
        _ => None,
    };
    let assessment = use_memo(scoring.clone(), |scoring| {
        scoring.as_ref().and_then(|s| {
            s.draft
                .profile
                .school_type
                .map(|t| Rc::new(assess(&s.checklist, t, &s.draft.answers)))
        })
    });
    match (scoring, checklist.as_ref()) {
        (Some(s), _) => Some(Ok(Open {
            draft: Shared(s.draft),
            checklist: Shared(s.checklist),
            assessment: (*assessment).clone().map(Shared::<Assessment>),
        })),
        (None, Some(Err(e))) => Some(Err(e.clone())),
        _ => None,
    }
}
