//! Saving the open checklist draft: one write at a time, never over a newer revision, and
//! what another tab's newer save means.

/// What the page says of saving the open checklist draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum EditorSave {
    #[default]
    Unchanged,
    Saved {
        at: String,
    },
    /// The browser refused to store it.
    Failed,
    /// Another tab stored a newer revision; nothing is written until the officer decides.
    Conflict {
        theirs: u64,
    },
}

/// How a write of a checklist draft ended (the shell's report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    Saved {
        at: String,
    },
    /// Storage holds a newer revision from another tab: nothing was written.
    Newer {
        theirs: u64,
    },
    Failed,
}

/// The saving of the open checklist draft, decided here: every revision is written as soon as
/// it exists (no timer, so closing the tab loses nothing written before the last keystroke's
/// write began), one write at a time, the newest revision last, never over a newer revision
/// another tab stored. The shell writes what [`Saving::due`] names and reports back with
/// [`Saving::written`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saving {
    /// The draft open in this tab: a late report about another changes nothing.
    id: String,
    /// The revision this tab last stored or read (`None`: never stored).
    base: Option<u64>,
    /// The newest revision not yet written.
    waiting: Option<u64>,
    writing: bool,
    /// Another tab stored a newer revision: nothing is written until the officer decides.
    blocked: bool,
    deleted: bool,
    pub status: EditorSave,
}

impl Saving {
    /// A draft opened at `revision`, as stored.
    pub fn opened(id: &str, revision: u64) -> Saving {
        Saving {
            id: id.into(),
            base: Some(revision),
            ..Saving::default()
        }
    }

    /// The draft changed: `revision` is to be written.
    pub fn changed(&mut self, id: &str, revision: u64) {
        // The revision stored already (the draft just opened) is not written again.
        if id == self.id && !self.deleted && Some(revision) != self.base {
            self.waiting = Some(revision);
        }
    }

    /// The revision to write now and the base to write it over, if one is due.
    pub fn due(&mut self) -> Option<(u64, Option<u64>)> {
        if self.writing || self.blocked || self.deleted {
            return None;
        }
        let revision = self.waiting.take()?;
        self.writing = true;
        Some((revision, self.base))
    }

    /// How the write of `revision` of draft `id` ended.
    pub fn written(&mut self, id: &str, revision: u64, outcome: Written) {
        if id != self.id {
            return;
        }
        self.writing = false;
        self.status = match outcome {
            Written::Saved { at } => {
                self.base = Some(revision);
                EditorSave::Saved { at }
            }
            Written::Newer { theirs } => {
                self.blocked = true;
                // This tab's newest revision waits for the officer's decision.
                self.waiting = self.waiting.or(Some(revision));
                EditorSave::Conflict { theirs }
            }
            Written::Failed => EditorSave::Failed,
        };
    }

    /// Keep this tab's changes: the next write goes over the other tab's revision.
    pub fn keep_mine(&mut self) {
        if let EditorSave::Conflict { theirs } = self.status {
            self.base = Some(theirs);
            self.blocked = false;
        }
    }

    /// The draft was deleted: nothing of it is written again.
    pub fn deleted(&mut self) {
        self.deleted = true;
        self.waiting = None;
    }
}
