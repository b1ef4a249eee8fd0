//! What every component shares: the reducer's wrapper, the context, and the open draft with
//! what is derived from it.

use super::browser::clock;
use crate::core::checklist::Checklist;
use crate::core::model::SchoolType;
use crate::core::score::Assessment;
use crate::i18n::{Lang, Msg, Saying};
use crate::state::draft::{Draft, SourceError};
use crate::state::{Action, AppState, DraftEdit, Page};
use std::rc::Rc;
use yew::prelude::*;

/// The reducer that owns the app state; the logic is the pure [`AppState::reduce`].
#[derive(Clone, Debug, PartialEq)]
pub struct Store(pub AppState);

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

/// An `Rc` compared by identity, so props holding large shared data compare in O(1). For
/// props only: a cache key names what it caches instead (see `hooks::open_draft`).
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// What every component reads: the language and a way to dispatch.
#[derive(Clone, PartialEq)]
pub struct Ctx {
    pub lang: Lang,
    pub dispatch: UseReducerDispatcher<Store>,
}

impl Ctx {
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang)
    }

    /// A message with values, in the interface language.
    pub fn say(&self, message: impl Saying) -> String {
        message.text(self.lang)
    }

    pub fn go(&self, page: Page) -> Callback<MouseEvent> {
        let dispatch = self.dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::Go(page)))
    }

    /// Applies an edit to the open draft, stamped with the clock's time.
    pub fn edit(&self, edit: DraftEdit) {
        self.dispatch.dispatch(Action::Edit {
            edit,
            now: clock::now(),
        });
    }
}

/// The open draft with what is derived from it, for the pages.
#[derive(Clone, PartialEq)]
pub struct Open {
    pub draft: Shared<Draft>,
    pub checklist: Shared<Checklist>,
    /// `None` until the school type is chosen.
    pub assessment: Option<Shared<Assessment>>,
}

impl Open {
    /// The open draft ready for the pages, as the reducer derived it (`state::Derived`: the
    /// checklist when the draft's source changes, the assessment once per draft id, revision
    /// and school type); `Some(Err)` when its checklist cannot be read. Computes nothing.
    pub fn of(state: &AppState) -> Option<Result<Open, SourceError>> {
        let (draft, derived) = (state.draft.as_ref()?, state.derived.as_ref()?);
        Some(match &derived.checklist {
            Ok(checklist) => Ok(Open {
                draft: Shared(draft.clone()),
                checklist: Shared(checklist.clone()),
                assessment: derived.assessment.clone().map(Shared),
            }),
            Err(e) => Err(e.clone()),
        })
    }

    pub fn school_type(&self) -> Option<SchoolType> {
        self.draft.profile.school_type
    }

    /// The current shortfalls as 整改 rows would name them (key, 问题 text).
    pub fn problems(&self) -> Vec<(String, String)> {
        self.assessment
            .as_ref()
            .map(|a| {
                crate::state::draft::shortfall_problems(&self.checklist, &self.draft.answers, a)
            })
            .unwrap_or_default()
    }
}

/// The action for an edit of the open draft, stamped with the clock's time (for callbacks
/// that hold a dispatcher).
pub fn edit(edit: DraftEdit) -> Action {
    Action::Edit {
        edit,
        now: clock::now(),
    }
}
