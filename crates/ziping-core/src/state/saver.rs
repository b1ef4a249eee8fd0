//! One save protocol for the principal's drafts and 制作县级清单's checklist drafts: every
//! revision is written, one write at a time, never over a revision another tab stored later;
//! when one did, nothing is written until the person decides. The state it shows
//! (`SaveStatus`) is derived from what it knows, never set beside it.

/// Whether the open draft is safely stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    #[default]
    Idle,
    /// Changes wait for the next save.
    Pending,
    /// Stored; `at` is the local time to show ("10:32").
    Saved { at: String },
    /// The browser refused (storage full or disabled): the changes are only on screen.
    Failed,
    /// Another tab stored a newer revision of this draft.
    Conflict { theirs: u64 },
    /// Another tab deleted this draft: nothing is written until the person decides to keep it.
    Gone,
}

/// How a write ended (the shell's report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    Saved {
        at: String,
    },
    /// Storage holds a newer revision from another tab: nothing was written.
    Newer {
        theirs: u64,
    },
    /// The draft this tab stored is no longer in storage (another tab deleted it): nothing was
    /// written.
    Gone,
    Failed,
}

/// What another tab's save of the open draft means here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherTab {
    /// Not newer than what this tab stored or read.
    Ignore,
    /// Nothing unsaved here: show theirs.
    Take,
    /// Unsaved changes here: the person decides (nothing is overwritten either way).
    Ask,
}

/// The saving of one open draft. The caller says which revision is the newest (`latest`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saver {
    /// The revision this tab last stored or read (`None`: never stored).
    stored: Option<u64>,
    /// The revision being written now.
    writing: Option<u64>,
    /// Another tab stored this revision, newer than ours.
    conflict: Option<u64>,
    failed: bool,
    deleted: bool,
    /// Another tab deleted the draft this tab stored; kept on screen until the person decides.
    gone: bool,
    saved_at: Option<String>,
    /// The person chose to keep this tab's changes over another tab's: written even if its
    /// revision number is theirs.
    overwrite: bool,
}

impl Saver {
    /// A draft opened as stored, at `revision`.
    pub fn opened(revision: u64) -> Saver {
        Saver {
            stored: Some(revision),
            ..Saver::default()
        }
    }

    /// A draft never stored (new, or made from a file): it is saved right away.
    pub fn unsaved() -> Saver {
        Saver::default()
    }

    /// The revision in storage as this tab knows it: the base the next write goes over.
    pub fn stored(&self) -> Option<u64> {
        self.stored
    }

    /// The revision being written, if any.
    pub fn writing(&self) -> Option<u64> {
        self.writing
    }

    /// Changes here that are not stored.
    pub fn dirty(&self, latest: u64) -> bool {
        !self.deleted && (self.overwrite || Some(latest) != self.stored)
    }

    /// A write is due: changes wait, none is under way, and no other tab's newer revision
    /// waits for the person's decision. (A failed write is tried again.)
    pub fn due(&self, latest: u64) -> bool {
        self.dirty(latest) && self.writing.is_none() && self.conflict.is_none() && !self.gone
    }

    /// Starts writing `latest` if a write is due: the base it goes over.
    pub fn start(&mut self, latest: u64) -> Option<Option<u64>> {
        if !self.due(latest) {
            return None;
        }
        self.writing = Some(latest);
        Some(self.stored)
    }

    /// How the write under way ended.
    pub fn written(&mut self, outcome: Written) {
        let Some(revision) = self.writing.take() else {
            return;
        };
        match outcome {
            Written::Saved { at } => {
                self.stored = Some(revision);
                self.failed = false;
                self.overwrite = false;
                self.saved_at = Some(at);
            }
            Written::Newer { theirs } => self.conflict = Some(theirs),
            Written::Gone => self.gone = !self.deleted,
            Written::Failed => self.failed = true,
        }
    }

    /// Another tab stored revision `theirs` of this draft.
    pub fn other_tab_stored(&mut self, theirs: u64, latest: u64) -> OtherTab {
        if self.stored.is_some_and(|stored| theirs <= stored) {
            return OtherTab::Ignore;
        }
        if self.dirty(latest) {
            self.conflict = Some(theirs);
            OtherTab::Ask
        } else {
            OtherTab::Take
        }
    }

    /// Another tab deleted this draft. Once stored here, it is not written back unasked (a
    /// draft never stored here was not theirs to delete).
    pub fn other_tab_deleted(&mut self) {
        if self.stored.is_some() && !self.deleted {
            self.gone = true;
        }
    }

    /// Keep this tab's changes: the next write goes over the other tab's revision, which it
    /// returns (the caller's next revision must be newer). After another tab deleted the draft,
    /// the next write stores it again, as a draft never stored (`None` is returned).
    pub fn keep_mine(&mut self) -> Option<u64> {
        if self.gone {
            self.gone = false;
            self.stored = None;
            self.overwrite = true;
            return None;
        }
        let theirs = self.conflict.take()?;
        self.stored = Some(theirs);
        self.overwrite = true;
        Some(theirs)
    }

    /// The draft was deleted: nothing of it is written again.
    pub fn deleted(&mut self) {
        self.deleted = true;
    }

    /// What the page says of saving, with `latest` the open draft's newest revision.
    pub fn status(&self, latest: Option<u64>) -> SaveStatus {
        if self.gone {
            return SaveStatus::Gone;
        }
        if let Some(theirs) = self.conflict {
            return SaveStatus::Conflict { theirs };
        }
        if self.failed {
            return SaveStatus::Failed;
        }
        if latest.is_some_and(|l| self.dirty(l)) {
            return SaveStatus::Pending;
        }
        match &self.saved_at {
            Some(at) => SaveStatus::Saved { at: at.clone() },
            None => SaveStatus::Idle,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(at: &str) -> Written {
        Written::Saved { at: at.into() }
    }

    #[test]
    fn one_write_at_a_time_and_the_newest_revision_last() {
        let mut s = Saver::opened(1);
        assert_eq!(s.status(Some(1)), SaveStatus::Idle);
        assert_eq!(s.start(1), None, "nothing to write");
        assert_eq!(s.start(2), Some(Some(1)));
        assert_eq!(s.start(3), None, "one at a time");
        assert_eq!(s.status(Some(3)), SaveStatus::Pending);
        s.written(saved("10:01"));
        assert_eq!(s.stored(), Some(2));
        assert_eq!(s.status(Some(3)), SaveStatus::Pending, "3 still waits");
        assert_eq!(s.start(3), Some(Some(2)));
        s.written(saved("10:02"));
        assert_eq!(s.status(Some(3)), SaveStatus::Saved { at: "10:02".into() });
    }

    #[test]
    fn a_failed_write_is_said_and_tried_again() {
        let mut s = Saver::unsaved();
        assert_eq!(s.status(Some(0)), SaveStatus::Pending, "never stored");
        assert_eq!(s.start(0), Some(None));
        s.written(Written::Failed);
        assert_eq!(s.status(Some(1)), SaveStatus::Failed);
        assert_eq!(s.start(1), Some(None));
        s.written(saved("10:03"));
        assert_eq!(s.status(Some(1)), SaveStatus::Saved { at: "10:03".into() });
    }

    #[test]
    fn another_tabs_newer_revision_stops_writes_until_the_person_decides() {
        let mut s = Saver::opened(4);
        assert_eq!(s.other_tab_stored(4, 4), OtherTab::Ignore);
        assert_eq!(
            s.other_tab_stored(5, 4),
            OtherTab::Take,
            "nothing unsaved here"
        );
        // Unsaved changes here, and another tab stored 6: ask.
        assert_eq!(s.other_tab_stored(6, 5), OtherTab::Ask);
        assert_eq!(s.status(Some(5)), SaveStatus::Conflict { theirs: 6 });
        assert_eq!(s.start(5), None, "nothing written over theirs");
        // A write that finds theirs newer says the same.
        let mut w = Saver::opened(1);
        w.start(2);
        w.written(Written::Newer { theirs: 3 });
        assert_eq!(w.status(Some(2)), SaveStatus::Conflict { theirs: 3 });
        // Keep mine: the next write goes over theirs, even when both tabs reached the same
        // revision number.
        assert_eq!(s.keep_mine(), Some(6));
        assert_eq!(s.start(6), Some(Some(6)));
        s.written(saved("10:04"));
        assert_eq!(s.status(Some(6)), SaveStatus::Saved { at: "10:04".into() });
        assert_eq!(s.start(6), None, "written once");
    }

    #[test]
    fn a_draft_another_tab_deleted_is_written_again_only_when_the_person_keeps_it() {
        // Told by the other tab.
        let mut s = Saver::opened(3);
        s.other_tab_deleted();
        assert_eq!(s.status(Some(4)), SaveStatus::Gone);
        assert_eq!(s.start(4), None, "not brought back unasked");
        assert_eq!(s.keep_mine(), None);
        assert_eq!(s.start(4), Some(None), "stored again as a new draft");
        s.written(saved("10:05"));
        assert_eq!(s.status(Some(4)), SaveStatus::Saved { at: "10:05".into() });
        // Found by a write (the other tab's message missed, or crossing it).
        let mut w = Saver::opened(1);
        assert_eq!(w.start(2), Some(Some(1)));
        w.written(Written::Gone);
        assert_eq!(w.status(Some(2)), SaveStatus::Gone);
        assert_eq!(w.start(2), None);
        // A draft never stored here, or deleted here, is not another tab's deletion.
        let mut new = Saver::unsaved();
        new.other_tab_deleted();
        assert_eq!(new.status(Some(0)), SaveStatus::Pending);
        let mut mine = Saver::opened(1);
        mine.deleted();
        mine.other_tab_deleted();
        assert_ne!(mine.status(Some(1)), SaveStatus::Gone);
    }

    #[test]
    fn a_deleted_draft_is_never_written_again() {
        let mut s = Saver::opened(1);
        s.deleted();
        assert_eq!(s.start(2), None);
    }
}
