//! The app's state and its reducer: pure, no browser crates, tested natively.
//!
//! One reducer owns the state; every user change is an [`Action`]. The Yew shell wraps
//! [`AppState::reduce`] in `Reducible`; saving is an effect on the draft's revision.
//! Actions that change a draft carry `now` (RFC 3339) from the shell: nothing here reads a clock.

pub mod check;
pub mod county;
pub mod draft;

use crate::core::answers::{Slot, Value};
use crate::core::model::SchoolType;
use crate::i18n::Lang;
use draft::{ChecklistSource, Draft, DraftSummary, PlanField, ProfileField};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Where the user is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "page", rename_all = "snake_case", try_from = "RawPage")]
pub enum Page {
    #[default]
    Start,
    Profile,
    Fill {
        area: usize,
    },
    Results,
    Plan,
    Report,
    /// County mode: many schools' files, verified and aggregated (no draft open).
    County,
}

/// The flat form read from storage (see `core::model_raw` for why not a tagged enum).
#[derive(Deserialize)]
struct RawPage {
    page: String,
    area: Option<usize>,
}

impl TryFrom<RawPage> for Page {
    type Error = String;

    fn try_from(r: RawPage) -> Result<Page, String> {
        Ok(match (r.page.as_str(), r.area) {
            ("start", _) => Page::Start,
            ("profile", _) => Page::Profile,
            ("fill", area) => Page::Fill {
                area: area.unwrap_or(0),
            },
            ("results", _) => Page::Results,
            ("plan", _) => Page::Plan,
            ("report", _) => Page::Report,
            ("county", _) => Page::County,
            (other, _) => return Err(format!("unknown page '{other}'")),
        })
    }
}

/// Preferences kept across visits: the language, and the draft and page to return to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub lang: Lang,
    #[serde(default)]
    pub last_draft: Option<String>,
    #[serde(default)]
    pub last_page: Page,
}

impl Prefs {
    /// The storage key; the suffix is the format version of the stored value.
    pub const STORAGE_KEY: &'static str = "ziping.prefs.v1";
}

/// Whether the open draft is safely stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    #[default]
    Idle,
    /// Changes wait for the next save (within a second).
    Pending,
    /// Stored; `at` is the local time to show ("10:32").
    Saved { at: String },
    /// The browser refused (storage full or disabled): the answers are only on screen.
    Failed,
    /// Another tab stored a newer revision of this draft.
    Conflict { theirs: u64 },
}

/// Everything the app shows is derived from this.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppState {
    pub prefs: Prefs,
    /// Storage has been read (drafts and the place to return to); until then nothing is shown.
    pub loaded: bool,
    /// Set once the service worker controls the page: the app then opens offline.
    pub offline_ready: bool,
    pub drafts: Vec<DraftSummary>,
    /// Shared, so a render does not copy it; an edit copies it once (copy on write).
    pub draft: Option<Rc<Draft>>,
    /// The revision of the open draft that is in storage.
    pub saved_revision: u64,
    pub save: SaveStatus,
    /// A message for the live region (e.g. the result of 检查); the number makes repeats heard.
    pub notice: Option<(u32, Notice)>,
}

/// Messages announced to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// 检查: how many places need attention by kind, and the first (its field and problem,
    /// worded by the shell, which knows the labels).
    Check {
        tally: check::Tally,
        first: Option<String>,
    },
    /// Another tab's newer version was loaded (this tab had no unsaved changes).
    ReloadedNewer,
    PlanGenerated {
        added: usize,
    },
    ChecklistFileRejected {
        name: String,
        reason: String,
    },
    Exported {
        name: String,
    },
    ExportNeedsType,
    /// The submission could not be written (nothing was downloaded).
    ExportFailed {
        reason: String,
    },
    Imported {
        name: String,
    },
}

/// Every change to [`AppState`].
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    ToggleLang,
    OfflineReady,
    DraftsListed(Vec<DraftSummary>),
    /// What storage holds at start: the drafts, and the draft to return to with its page.
    Restored {
        drafts: Vec<DraftSummary>,
        open: Option<(Box<Draft>, Page)>,
    },
    /// A draft made from an imported submission file: opened on its results, not yet stored.
    Imported {
        draft: Box<Draft>,
    },
    /// Opens a stored draft (or a newer one from another tab) as saved.
    OpenDraft {
        draft: Box<Draft>,
        page: Page,
    },
    NewDraft {
        id: String,
        source: ChecklistSource,
        now: String,
    },
    CloseDraft,
    Go(Page),
    SetProfile {
        field: ProfileField,
        value: String,
        now: String,
    },
    SetSchoolType {
        school_type: SchoolType,
        now: String,
    },
    SetAnswer {
        slot: Slot,
        value: Option<Value>,
        now: String,
    },
    SetNote {
        item: String,
        note: String,
        now: String,
    },
    AddPlanRow {
        now: String,
    },
    AddAttachment {
        attachment: crate::core::export::Attachment,
        now: String,
    },
    RemoveAttachment {
        item: String,
        sha256: String,
        now: String,
    },
    RemovePlanRow {
        id: u64,
        now: String,
    },
    SetPlanField {
        id: u64,
        field: PlanField,
        value: String,
        now: String,
    },
    /// Rows (key, 问题) for the current shortfalls; existing rows are kept.
    GeneratePlan {
        problems: Vec<(String, String)>,
        now: String,
    },
    /// Unedited generated rows take their shortfall's current text; nothing is added.
    SyncPlan {
        problems: Vec<(String, String)>,
        now: String,
    },
    Saved {
        revision: u64,
        at: String,
    },
    SaveFailed,
    Conflict {
        theirs: u64,
    },
    /// Keep this tab's version: the next save overwrites the other tab's.
    KeepMine {
        theirs: u64,
    },
    Notify(Notice),
}

impl AppState {
    pub fn new(prefs: Prefs) -> Self {
        AppState {
            prefs,
            ..AppState::default()
        }
    }

    pub fn page(&self) -> Page {
        match (&self.draft, self.prefs.last_page) {
            (Some(_), Page::County) => Page::Results,
            (Some(_), page) => page,
            (None, Page::County) => Page::County,
            (None, _) => Page::Start,
        }
    }

    /// Unsaved changes exist in this tab.
    pub fn dirty(&self) -> bool {
        self.draft
            .as_ref()
            .is_some_and(|d| d.revision != self.saved_revision)
    }

    /// The state after `action`. Never fails: an action that does not apply changes nothing.
    pub fn reduce(&self, action: Action) -> AppState {
        let mut next = self.clone();
        next.apply(action);
        next
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => self.prefs.lang = lang,
            Action::ToggleLang => self.prefs.lang = self.prefs.lang.other(),
            Action::OfflineReady => self.offline_ready = true,
            Action::DraftsListed(list) => self.drafts = list,
            Action::Restored { drafts, open } => {
                self.drafts = drafts;
                self.loaded = true;
                match open {
                    Some((draft, page)) => self.apply(Action::OpenDraft { draft, page }),
                    None => {
                        self.prefs.last_draft = None;
                        self.prefs.last_page = Page::Start;
                    }
                }
            }
            Action::OpenDraft { draft, page } => {
                self.saved_revision = draft.revision;
                self.prefs.last_draft = Some(draft.id.clone());
                self.prefs.last_page = page;
                self.draft = Some(Rc::new(*draft));
                self.save = SaveStatus::Idle;
            }
            Action::NewDraft { id, source, now } => {
                let draft = Draft::new(id, source, now);
                self.prefs.last_draft = Some(draft.id.clone());
                self.prefs.last_page = Page::Profile;
                // A new draft is saved right away, so it is listed even before any answer.
                self.saved_revision = u64::MAX;
                self.draft = Some(Rc::new(draft));
                self.save = SaveStatus::Pending;
            }
            Action::Imported { draft } => {
                self.prefs.last_draft = Some(draft.id.clone());
                self.prefs.last_page = Page::Results;
                self.saved_revision = u64::MAX;
                self.draft = Some(Rc::new(*draft));
                self.save = SaveStatus::Pending;
            }
            Action::CloseDraft => {
                self.draft = None;
                self.prefs.last_draft = None;
                self.prefs.last_page = Page::Start;
                self.save = SaveStatus::Idle;
            }
            Action::Go(page) => {
                if page == Page::County {
                    // County mode works on files, not on a draft.
                    self.draft = None;
                    self.prefs.last_draft = None;
                    self.prefs.last_page = page;
                } else if self.draft.is_some() || page == Page::Start {
                    self.prefs.last_page = page;
                }
            }
            Action::Saved { revision, at } => {
                self.saved_revision = revision;
                if !matches!(self.save, SaveStatus::Conflict { .. }) {
                    self.save = if self.dirty() {
                        SaveStatus::Pending
                    } else {
                        SaveStatus::Saved { at }
                    };
                }
            }
            Action::SaveFailed => self.save = SaveStatus::Failed,
            Action::Conflict { theirs } => self.save = SaveStatus::Conflict { theirs },
            Action::KeepMine { theirs } => {
                // Saving compares against the stored revision: pretend we saw theirs.
                self.saved_revision = theirs;
                if let Some(d) = &mut self.draft {
                    let d = Rc::make_mut(d);
                    d.revision = d.revision.max(theirs) + 1;
                }
                self.save = SaveStatus::Pending;
            }
            Action::Notify(notice) => {
                let n = self.notice.as_ref().map_or(0, |(n, _)| n + 1);
                self.notice = Some((n, notice));
            }
            edit => self.edit_draft(edit),
        }
    }

    fn edit_draft(&mut self, action: Action) {
        let Some(d) = &mut self.draft else { return };
        let before = d.revision;
        let d = Rc::make_mut(d);
        match action {
            Action::SetProfile { field, value, now } => d.set_profile(field, value, &now),
            Action::SetSchoolType { school_type, now } => d.set_school_type(school_type, &now),
            Action::SetAnswer { slot, value, now } => d.set_answer(slot, value, &now),
            Action::SetNote { item, note, now } => d.set_note(item, note, &now),
            Action::AddPlanRow { now } => d.add_plan_row(&now),
            Action::AddAttachment { attachment, now } => d.add_attachment(attachment, &now),
            Action::RemoveAttachment { item, sha256, now } => {
                d.remove_attachment(&item, &sha256, &now)
            }
            Action::RemovePlanRow { id, now } => d.remove_plan_row(id, &now),
            Action::SetPlanField {
                id,
                field,
                value,
                now,
            } => d.set_plan_field(id, field, value, &now),
            Action::GeneratePlan { problems, now } => {
                let added = d.sync_plan(&problems, true, &now);
                self.apply(Action::Notify(Notice::PlanGenerated { added }));
            }
            Action::SyncPlan { problems, now } => {
                d.sync_plan(&problems, false, &now);
            }
            // Not edits of the draft: handled by `apply`. Listed, not `_`, so a new action
            // that is handled nowhere does not compile.
            Action::SetLang(_)
            | Action::ToggleLang
            | Action::OfflineReady
            | Action::DraftsListed(_)
            | Action::Restored { .. }
            | Action::Imported { .. }
            | Action::OpenDraft { .. }
            | Action::NewDraft { .. }
            | Action::CloseDraft
            | Action::Go(_)
            | Action::Saved { .. }
            | Action::SaveFailed
            | Action::Conflict { .. }
            | Action::KeepMine { .. }
            | Action::Notify(_) => {}
        }
        let changed = self.draft.as_ref().is_some_and(|d| d.revision != before);
        if changed && !matches!(self.save, SaveStatus::Conflict { .. } | SaveStatus::Failed) {
            self.save = SaveStatus::Pending;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_draft() -> AppState {
        AppState::default().reduce(Action::NewDraft {
            id: "d1".into(),
            source: ChecklistSource::Builtin {
                id: "zlpj-school".into(),
            },
            now: "t0".into(),
        })
    }

    #[test]
    fn toggling_twice_returns_to_chinese() {
        let s = AppState::default();
        let once = s.reduce(Action::ToggleLang);
        assert_eq!(once.prefs.lang, Lang::En);
        assert_eq!(once.reduce(Action::ToggleLang).prefs.lang, Lang::Zh);
    }

    #[test]
    fn prefs_round_trip_as_stored() {
        let p = Prefs {
            lang: Lang::En,
            last_draft: Some("d1".into()),
            last_page: Page::Fill { area: 2 },
        };
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(
            text,
            r#"{"lang":"en","last_draft":"d1","last_page":{"page":"fill","area":2}}"#
        );
        assert_eq!(serde_json::from_str::<Prefs>(&text).unwrap(), p);
        // Older stored prefs (language only) still load.
        assert_eq!(
            serde_json::from_str::<Prefs>(r#"{"lang":"zh"}"#).unwrap(),
            Prefs::default()
        );
    }

    #[test]
    fn a_new_draft_opens_on_its_profile_and_waits_to_be_saved() {
        let s = with_draft();
        assert_eq!(s.page(), Page::Profile);
        assert_eq!(s.save, SaveStatus::Pending);
        assert!(s.dirty());
        assert_eq!(s.prefs.last_draft.as_deref(), Some("d1"));
        let saved = s.reduce(Action::Saved {
            revision: 0,
            at: "10:32".into(),
        });
        assert!(!saved.dirty());
        assert_eq!(saved.save, SaveStatus::Saved { at: "10:32".into() });
    }

    #[test]
    fn edits_mark_the_draft_pending_until_saved_at_that_revision() {
        let s = with_draft().reduce(Action::Saved {
            revision: 0,
            at: "10:00".into(),
        });
        let s = s.reduce(Action::SetAnswer {
            slot: Slot::whole("B2.1.1"),
            value: Some(Value::Yes),
            now: "t1".into(),
        });
        assert_eq!(s.save, SaveStatus::Pending);
        // A save of an older revision (typing went on meanwhile) leaves it pending.
        let s = s
            .reduce(Action::SetNote {
                item: "B2.1.1".into(),
                note: "课表".into(),
                now: "t2".into(),
            })
            .reduce(Action::Saved {
                revision: 1,
                at: "10:01".into(),
            });
        assert_eq!(s.save, SaveStatus::Pending);
        let s = s.reduce(Action::Saved {
            revision: 2,
            at: "10:02".into(),
        });
        assert_eq!(s.save, SaveStatus::Saved { at: "10:02".into() });
    }

    #[test]
    fn a_failed_save_stays_visible_and_keeps_the_answers() {
        let s = with_draft()
            .reduce(Action::SetProfile {
                field: ProfileField::SchoolName,
                value: "城关小学".into(),
                now: "t1".into(),
            })
            .reduce(Action::SaveFailed)
            .reduce(Action::SetProfile {
                field: ProfileField::County,
                value: "桃源县".into(),
                now: "t2".into(),
            });
        assert_eq!(s.save, SaveStatus::Failed);
        let d = s.draft.as_ref().unwrap();
        assert_eq!(
            (d.profile.school_name.as_str(), d.profile.county.as_str()),
            ("城关小学", "桃源县")
        );
    }

    #[test]
    fn a_conflict_is_kept_until_the_user_decides() {
        let s = with_draft()
            .reduce(Action::Saved {
                revision: 0,
                at: "t".into(),
            })
            .reduce(Action::SetNote {
                item: "x".into(),
                note: "mine".into(),
                now: "t".into(),
            })
            .reduce(Action::Conflict { theirs: 5 });
        assert_eq!(s.save, SaveStatus::Conflict { theirs: 5 });
        let s = s.reduce(Action::Saved {
            revision: 1,
            at: "t".into(),
        });
        assert_eq!(
            s.save,
            SaveStatus::Conflict { theirs: 5 },
            "a save does not clear a conflict"
        );
        let s = s.reduce(Action::KeepMine { theirs: 5 });
        assert_eq!(s.save, SaveStatus::Pending);
        assert_eq!(s.saved_revision, 5);
        assert_eq!(
            s.draft.as_ref().unwrap().revision,
            6,
            "ours now counts as newer"
        );
    }

    #[test]
    fn restoring_returns_to_the_draft_and_page() {
        let draft = Draft::new(
            "d7".into(),
            ChecklistSource::Builtin {
                id: "zlpj-school".into(),
            },
            "t".into(),
        );
        let s = AppState::default().reduce(Action::Restored {
            drafts: vec![],
            open: Some((Box::new(draft), Page::Fill { area: 3 })),
        });
        assert!(s.loaded);
        assert_eq!(s.page(), Page::Fill { area: 3 });
        assert!(!s.dirty());
        let none = AppState::default().reduce(Action::Restored {
            drafts: vec![],
            open: None,
        });
        assert_eq!(
            (none.loaded, none.page(), none.prefs.last_draft.clone()),
            (true, Page::Start, None)
        );
    }

    #[test]
    fn an_imported_draft_opens_on_its_results_and_is_saved_next() {
        let draft = Draft::new(
            "imp".into(),
            ChecklistSource::Builtin {
                id: "zlpj-school".into(),
            },
            "t".into(),
        );
        let s = AppState::default().reduce(Action::Imported {
            draft: Box::new(draft),
        });
        assert_eq!(s.page(), Page::Results);
        assert!(s.dirty());
        assert_eq!(s.save, SaveStatus::Pending);
    }

    #[test]
    fn county_mode_needs_no_draft_and_closes_one() {
        let s = with_draft().reduce(Action::Go(Page::County));
        assert_eq!(s.page(), Page::County);
        assert!(s.draft.is_none());
        assert_eq!(s.reduce(Action::Go(Page::Start)).page(), Page::Start);
    }

    #[test]
    fn edits_without_a_draft_do_nothing() {
        let s = AppState::default();
        let after = s.reduce(Action::SetAnswer {
            slot: Slot::whole("x"),
            value: Some(Value::Yes),
            now: "t".into(),
        });
        assert_eq!(after, s);
        assert_eq!(s.reduce(Action::Go(Page::Results)).page(), Page::Start);
    }

    #[test]
    fn notices_count_up_so_repeats_are_announced() {
        let s = AppState::default()
            .reduce(Action::Notify(Notice::ReloadedNewer))
            .reduce(Action::Notify(Notice::ReloadedNewer));
        assert_eq!(s.notice, Some((1, Notice::ReloadedNewer)));
    }
}
