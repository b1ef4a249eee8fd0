//! The app's state and its reducer: pure, no browser crates, tested natively.
//!
//! One reducer owns the state; every user change is an [`Action`]. The Yew shell wraps
//! [`AppState::reduce`] in `Reducible`; saving is an effect on the draft's revision.
//! Actions that change a draft carry `now` (RFC 3339) from the shell: nothing here reads a clock.

pub mod check;
pub mod county;
pub mod county_settings;
pub mod draft;
pub mod editor;
pub mod last_year;
pub mod open;
pub mod previous;
pub mod rule_words;
pub mod saver;
pub mod source;

use crate::core::answers::{Slot, Value};
use crate::core::model::SchoolType;
use crate::core::time::Timestamp;
use crate::i18n::Lang;
use draft::{ChecklistSource, Draft, DraftSummary, PlanField, ProfileField};
pub use open::Derived;
pub use saver::{OtherTab, SaveStatus, Saver, Written};
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
            // County mode became a page of its own (county/): an old place returns to the start.
            ("county", _) => Page::Start,
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
    /// The open draft's saving: what is stored, what is being written, what another tab did.
    pub saver: Saver,
    /// The draft being written now (at most one write at a time: the next waits for it).
    pub saving: Option<Rc<Draft>>,
    /// A message for the live region (e.g. the result of 检查); the number makes repeats heard.
    pub notice: Option<(u32, Notice)>,
    /// The open draft's checklist and assessment, derived here after every change.
    pub derived: Option<Derived>,
    /// A submission file made by `Export`, for the shell to hand to the browser (then
    /// `Downloaded` clears it).
    pub download: Option<Rc<Download>>,
}

/// A file for the shell to hand to the browser: the submission as it is, or (with `evidence`)
/// a 报送包 the shell makes of it and the evidence files' bytes it keeps
/// (`core::package::write`).
#[derive(Clone, Debug, PartialEq)]
pub struct Download {
    pub name: String,
    pub text: String,
    /// When it was exported (a 报送包's entries are dated so).
    pub exported: crate::core::time::Timestamp,
    pub evidence: Option<Vec<crate::core::export::Attachment>>,
}

/// Why a file picked on the start page was not taken, typed (worded where it is shown, in the
/// language shown: `report::notice::rejection_text`).
#[derive(Clone, Debug, PartialEq)]
pub enum Rejection {
    /// 打开报送文件 or 从去年的文件开始: not a usable submission.
    Submission {
        file: String,
        error: crate::core::export::ImportError,
    },
    /// 从去年的文件开始: no checklist of that id here.
    NoChecklist { file: String, id: String },
    /// A checklist file.
    Checklist {
        file: String,
        problem: crate::core::checklist::FileProblem,
    },
}

/// Messages announced to the user.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// 检查: how many places need attention by kind, and the first (its field, worded where
    /// the notice is shown, with the field's label and problem).
    Check {
        tally: check::Tally,
        first: Option<Slot>,
    },
    /// Another tab's newer version was loaded (this tab had no unsaved changes).
    ReloadedNewer,
    PlanGenerated {
        added: usize,
    },
    ChecklistFileRejected {
        name: String,
        problem: crate::core::checklist::FileProblem,
    },
    Exported {
        name: String,
    },
    /// The submission could not be written (nothing was downloaded), and why (worded by
    /// `i18n::export_error` in the language shown).
    ExportFailed {
        error: crate::core::export::ExportError,
    },
    Imported {
        name: String,
        /// The result the file stores is not the one its answers give: said, the answers
        /// counted.
        result_differs: bool,
    },
    /// This year's draft was started from last year's file (`name`), whose stored result is
    /// not the one its answers give: the comparison uses its answers.
    StartedFromLastYear {
        name: String,
    },
    /// A draft deleted from the start page (its school's name).
    DraftDeleted {
        name: String,
    },
    /// A draft copied on the start page: the copy's school name.
    DraftCopied {
        name: String,
    },
    /// An evidence file taken off an item (its file name).
    EvidenceRemoved {
        name: String,
    },
    /// An evidence file added to an item (its file name).
    EvidenceAdded {
        name: String,
    },
    /// A field left with a problem: said once, as the focus leaves it (worded where shown,
    /// with the field's label and problem), not at every keystroke while it is typed.
    FieldLeft {
        slot: Slot,
    },
}

/// A change to the open draft. Each is an edit of the school's own data, so each raises the
/// draft's revision (when it changes something) and is saved.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftEdit {
    SetProfile {
        field: ProfileField,
        value: String,
    },
    SetSchoolType(SchoolType),
    SetAnswer {
        slot: Slot,
        value: Option<Value>,
    },
    /// Several answers at once (制作县级清单's preview fills a sample school in): one
    /// derivation for all of them.
    SetAnswers(Vec<(Slot, Value)>),
    SetNote {
        item: String,
        note: String,
    },
    /// Whether an amount of money is typed in 万元 (its text stays as typed).
    SetWanYuan {
        slot: Slot,
        wan: bool,
    },
    AddAttachment(crate::core::export::Attachment),
    RemoveAttachment {
        item: String,
        sha256: String,
    },
    AddPlanRow,
    RemovePlanRow(u64),
    /// 撤销 a removal: the row as it was, at its place.
    RestorePlanRow {
        at: usize,
        row: crate::core::school::PlanRow,
    },
    /// Rows again for the deleted shortfalls that are still unmet.
    BringBackPlanRows,
    SetPlanField {
        id: u64,
        field: PlanField,
        value: String,
    },
    /// Rows (key, 问题) for the current shortfalls; existing rows are kept. (Unedited generated
    /// rows follow their shortfall's current text after every edit.)
    GeneratePlan,
    /// A value copied from last year is kept as it is (no longer marked 上年数据).
    ConfirmInherited(Slot),
    ConfirmAllInherited,
    /// Last year's answer to this item, where this year's is empty.
    CopyLastYear(String),
    /// How far last year's 整改 row got, and what was done.
    SetReviewStatus {
        id: u64,
        status: crate::core::school::ReviewStatus,
    },
    SetReviewField {
        id: u64,
        field: crate::core::school::ReviewField,
        value: String,
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
    /// This year's draft started from last year's file: opened on its profile, not yet stored.
    StartedFromLastYear {
        draft: Box<Draft>,
    },
    /// Opens a stored draft as saved.
    OpenDraft {
        draft: Box<Draft>,
        page: Page,
    },
    NewDraft {
        id: String,
        source: ChecklistSource,
        now: Timestamp,
    },
    CloseDraft,
    Go(Page),
    /// An edit of the open draft, at `now` (the shell's clock).
    Edit {
        edit: DraftEdit,
        now: Timestamp,
    },
    /// Time to store the open draft if it has unsaved changes (the autosave timer, the page
    /// being hidden). Starts a save unless one is under way or the user must decide first.
    Flush,
    Saved {
        revision: u64,
        at: String,
    },
    SaveFailed,
    /// Another tab stored a newer revision of the open draft; nothing of ours was written.
    Conflict {
        theirs: u64,
    },
    /// Another tab stored draft `id` (`theirs`), or deleted it (`None`). The reducer decides:
    /// ignore it, take it (nothing unsaved here), or stop and ask (unsaved changes here, or the
    /// open draft deleted there).
    OtherTabSaved {
        id: String,
        theirs: Option<Box<Draft>>,
    },
    /// A save found the open draft gone from storage (another tab deleted it): nothing was
    /// written.
    SaveFoundDeleted,
    /// Keep this tab's version: the next save overwrites the other tab's.
    KeepMine,
    Notify(Notice),
    /// 检查: everything in the open draft that needs attention, counted, and the first place.
    Check,
    /// 导出报送文件: the open draft's submission file at `now`, made with this app version;
    /// a file to download, or why not (a notice). With `package`, a 报送包 with its evidence.
    Export {
        now: Timestamp,
        app_version: String,
        package: bool,
    },
    /// The browser took the file `Export` made (`saved`: it said so).
    Downloaded {
        saved: bool,
    },
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
            (Some(_), page) => page,
            (None, _) => Page::Start,
        }
    }

    /// Unsaved changes exist in this tab.
    pub fn dirty(&self) -> bool {
        self.draft
            .as_ref()
            .is_some_and(|d| self.saver.dirty(d.revision))
    }

    /// The autosave timer should run: changes wait, no save is under way, and no other tab's
    /// newer version waits for the user's decision.
    pub fn wants_save(&self) -> bool {
        self.draft
            .as_ref()
            .is_some_and(|d| self.saver.due(d.revision))
    }

    /// What the save bar says.
    pub fn save_status(&self) -> SaveStatus {
        self.saver.status(self.draft.as_ref().map(|d| d.revision))
    }

    /// The state after `action`. Never fails: an action that does not apply changes nothing.
    pub fn reduce(&self, action: Action) -> AppState {
        let mut next = self.clone();
        next.apply(action);
        next.derive();
        next
    }

    /// Derives the open draft's checklist and assessment again (reusing what still holds).
    fn derive(&mut self) {
        self.derived = self
            .draft
            .as_ref()
            .map(|d| Derived::of(self.derived.as_ref(), d));
    }

    /// The current shortfalls as 整改 rows name them (key, 问题 text).
    pub fn shortfalls(&self) -> Vec<(String, String)> {
        match (&self.derived, &self.draft) {
            (Some(x), Some(d)) => x.shortfalls(d),
            _ => Vec::new(),
        }
    }

    /// What to write when the page goes while changes wait (reloaded, closed): the open draft
    /// at its latest revision, the stored revision it goes over, and its line in the drafts
    /// list. `None` when everything is stored, the draft was deleted (here or in another tab),
    /// or another tab's newer revision waits for the person's decision (that is theirs to
    /// settle, not a page's last moment).
    pub fn unsaved(&self) -> Option<(&Draft, Option<u64>, DraftSummary)> {
        let draft = self.draft.as_deref()?;
        if !self.saver.dirty(draft.revision)
            || matches!(
                self.save_status(),
                SaveStatus::Conflict { .. } | SaveStatus::Gone
            )
        {
            return None;
        }
        Some((draft, self.saver.stored(), self.summary_of(draft)))
    }

    /// The drafts list's line for the draft being written (`saving`).
    pub fn saving_summary(&self) -> Option<DraftSummary> {
        self.saving.as_deref().map(|saving| self.summary_of(saving))
    }

    /// The drafts list's line for `draft` (a revision of the open one).
    fn summary_of(&self, draft: &Draft) -> DraftSummary {
        match &self.derived {
            Some(x) => x.summary_of(draft),
            None => Derived::of(None, draft).summary_of(draft),
        }
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
                let saver = Saver::opened(draft.revision);
                self.open(*draft, page, saver);
            }
            Action::NewDraft { id, source, now } => {
                // A new draft is saved right away, so it is listed even before any answer.
                let draft = Draft::new(id, source, &now);
                self.open(draft, Page::Profile, Saver::unsaved());
            }
            Action::Imported { draft } => self.open(*draft, Page::Results, Saver::unsaved()),
            Action::StartedFromLastYear { draft } => {
                self.open(*draft, Page::Profile, Saver::unsaved())
            }
            Action::CloseDraft => {
                self.draft = None;
                self.saving = None;
                self.prefs.last_draft = None;
                self.prefs.last_page = Page::Start;
                self.saver = Saver::default();
            }
            Action::Go(page) => {
                if self.draft.is_some() || page == Page::Start {
                    self.prefs.last_page = page;
                }
            }
            Action::Edit { edit, now } => self.edit(edit, &now),
            // A failed save is tried again on the next flush.
            Action::Flush => {
                if let Some(d) = &self.draft {
                    if self.saver.start(d.revision).is_some() {
                        self.saving = Some(d.clone());
                    }
                }
            }
            Action::Saved { revision, at } => {
                if self.saving.as_ref().is_some_and(|d| d.revision == revision) {
                    self.saving = None;
                    self.saver.written(Written::Saved { at });
                }
            }
            Action::SaveFailed => {
                self.saving = None;
                self.saver.written(Written::Failed);
            }
            Action::Conflict { theirs } => {
                self.saving = None;
                self.saver.written(Written::Newer { theirs });
            }
            Action::OtherTabSaved { id, theirs } => self.other_tab_saved(&id, theirs),
            Action::SaveFoundDeleted => {
                self.saving = None;
                self.saver.written(Written::Gone);
            }
            Action::KeepMine => {
                // The next write goes over theirs, with a newer revision than theirs.
                if let (Some(theirs), Some(d)) = (self.saver.keep_mine(), &mut self.draft) {
                    let d = Rc::make_mut(d);
                    d.revision = d.revision.max(theirs) + 1;
                }
            }
            Action::Check => {
                let list = match (&self.draft, &self.derived) {
                    (Some(d), Some(x)) => match (&x.checklist, &x.assessment) {
                        (Ok(c), Some(a)) => check::attention(c, a.school_type, &d.answers, a),
                        _ => return,
                    },
                    _ => return,
                };
                self.apply(Action::Notify(Notice::Check {
                    tally: check::Tally::of(&list),
                    first: list.first().map(|x| x.slot.clone()),
                }));
            }
            Action::Export {
                now,
                app_version,
                package,
            } => {
                let (Some(d), Some(x)) = (&self.draft, &self.derived) else {
                    return;
                };
                let file = match &x.checklist {
                    Ok(c) => d.submission(c, &x.shortfalls(d), &now, &app_version),
                    Err(_) => return,
                };
                let file = file.and_then(|(name, text)| {
                    if !package {
                        return Ok(Download {
                            name,
                            text,
                            exported: now.clone(),
                            evidence: None,
                        });
                    }
                    if let Some(problem) = crate::core::package::too_large(&text, &d.attachments) {
                        return Err(crate::core::export::ExportError::Package { problem });
                    }
                    Ok(Download {
                        name: format!("{}.zip", name.trim_end_matches(".json")),
                        text,
                        exported: now.clone(),
                        evidence: Some(d.attachments.clone()),
                    })
                });
                match file {
                    Ok(file) => self.download = Some(Rc::new(file)),
                    Err(error) => self.apply(Action::Notify(Notice::ExportFailed { error })),
                }
            }
            Action::Downloaded { saved } => {
                if let Some(file) = self.download.take() {
                    if saved {
                        self.apply(Action::Notify(Notice::Exported {
                            name: file.name.clone(),
                        }));
                    }
                }
            }
            Action::Notify(notice) => {
                let n = self.notice.as_ref().map_or(0, |(n, _)| n + 1);
                self.notice = Some((n, notice));
            }
        }
    }

    fn open(&mut self, draft: Draft, page: Page, saver: Saver) {
        self.prefs.last_draft = Some(draft.id.clone());
        self.prefs.last_page = page;
        self.draft = Some(Rc::new(draft));
        self.saving = None;
        self.saver = saver;
        // Derived afresh: another tab's copy can have this one's id and revision number and
        // other answers.
        self.derived = None;
        self.derive();
        // A draft stored by an earlier release may hold older words in its generated rows.
        self.follow_shortfalls();
    }

    /// Generated 整改 rows the school has not edited take their shortfall's current text
    /// (part of the change that moved it: no revision of their own).
    fn follow_shortfalls(&mut self) {
        let follows = self
            .draft
            .as_ref()
            .is_some_and(|d| d.plan.iter().any(|r| r.from.is_some() && r.unedited()));
        if !follows {
            return;
        }
        let shortfalls = self.shortfalls();
        if let Some(d) = &mut self.draft {
            if d.plan_out_of_sync(&shortfalls) {
                Rc::make_mut(d).follow_plan(&shortfalls);
            }
        }
    }

    /// Another tab's save of draft `theirs`: only the open draft matters, and only a revision
    /// newer than the one this tab stored. With nothing unsaved here, theirs is shown; with
    /// unsaved changes, the user decides (nothing is overwritten either way).
    fn other_tab_saved(&mut self, id: &str, theirs: Option<Box<Draft>>) {
        let Some(open) = &self.draft else { return };
        if open.id != id {
            return;
        }
        let Some(theirs) = theirs else {
            // Deleted there: kept on screen, not written back unless the person keeps it.
            self.saver.other_tab_deleted();
            return;
        };
        match self.saver.other_tab_stored(theirs.revision, open.revision) {
            OtherTab::Ignore | OtherTab::Ask => {}
            OtherTab::Take => {
                let page = self.page();
                self.apply(Action::OpenDraft {
                    draft: theirs,
                    page,
                });
                self.apply(Action::Notify(Notice::ReloadedNewer));
            }
        }
    }

    fn edit(&mut self, edit: DraftEdit, now: &Timestamp) {
        // The shortfalls before the edit, for the edits that add rows from them (they change
        // no answer).
        let shortfalls = match edit {
            DraftEdit::GeneratePlan | DraftEdit::BringBackPlanRows => self.shortfalls(),
            _ => Vec::new(),
        };
        // The draft's checklist, for the edits that follow its items (a new school type).
        let checklist = self
            .derived
            .as_ref()
            .and_then(|x| x.checklist.as_ref().ok())
            .cloned();
        let Some(d) = &mut self.draft else { return };
        let before = d.revision;
        let d = Rc::make_mut(d);
        match edit {
            DraftEdit::SetProfile { field, value } => d.set_profile(field, value, now),
            DraftEdit::SetSchoolType(school_type) => {
                d.set_school_type(school_type, checklist.as_deref(), now)
            }
            DraftEdit::SetAnswer { slot, value } => d.set_answer(slot, value, now),
            DraftEdit::SetAnswers(values) => {
                for (slot, value) in values {
                    d.set_answer(slot, Some(value), now);
                }
            }
            DraftEdit::SetNote { item, note } => d.set_note(item, note, now),
            DraftEdit::SetWanYuan { slot, wan } => d.set_wan_yuan(slot, wan, now),
            DraftEdit::AddAttachment(attachment) => d.add_attachment(attachment, now),
            DraftEdit::RemoveAttachment { item, sha256 } => {
                d.remove_attachment(&item, &sha256, now)
            }
            DraftEdit::AddPlanRow => d.add_plan_row(now),
            DraftEdit::RemovePlanRow(id) => {
                d.remove_plan_row(id, now);
            }
            DraftEdit::RestorePlanRow { at, row } => d.restore_plan_row(at, row, now),
            DraftEdit::BringBackPlanRows => {
                let added = d.bring_back_dismissed(&shortfalls, now);
                self.apply(Action::Notify(Notice::PlanGenerated { added }));
            }
            DraftEdit::SetPlanField { id, field, value } => d.set_plan_field(id, field, value, now),
            DraftEdit::GeneratePlan => {
                let added = d.sync_plan(&shortfalls, true, now);
                self.apply(Action::Notify(Notice::PlanGenerated { added }));
            }
            DraftEdit::ConfirmInherited(slot) => d.confirm_inherited(&slot, now),
            DraftEdit::ConfirmAllInherited => d.confirm_all_inherited(now),
            DraftEdit::CopyLastYear(item) => d.copy_last_year(&item, now),
            DraftEdit::SetReviewStatus { id, status } => d.set_review_status(id, status, now),
            DraftEdit::SetReviewField { id, field, value } => {
                d.set_review_field(id, field, value, now)
            }
        }
        let changed = self.draft.as_ref().is_some_and(|d| d.revision != before);
        if changed {
            // In the same revision as the edit that changed their shortfall.
            self.derive();
            self.follow_shortfalls();
            // Why an export failed was said of the draft as it was: it no longer stands.
            if matches!(self.notice, Some((_, Notice::ExportFailed { .. }))) {
                self.notice = None;
            }
        }
    }
}

#[cfg(test)]
mod tests;
