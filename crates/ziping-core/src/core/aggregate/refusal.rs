//! Why county mode does not take a file into its batch at all (before any reading of a
//! submission: the file's size, its name, a checklist file that cannot be used).

use crate::core::checklist::ChecklistErrors;
use crate::core::export::MAX_EXPORT_BYTES;

/// The largest checklist file read (a checklist is far smaller).
pub const MAX_CHECKLIST_BYTES: usize = 2 * 1024 * 1024;

/// The largest file worth reading at all: anything larger is refused by its size alone.
pub const MAX_FILE_BYTES: usize = if MAX_EXPORT_BYTES > MAX_CHECKLIST_BYTES {
    MAX_EXPORT_BYTES
} else {
    MAX_CHECKLIST_BYTES
};

/// The largest file of this name read: a 报送包 (`.zip`) may be as large as a package can be,
/// anything else as large as a submission or checklist.
pub fn max_bytes(name: &str) -> u64 {
    if is_package_name(name) {
        crate::core::package::MAX_PACKAGE_BYTES
    } else {
        MAX_FILE_BYTES as u64
    }
}

/// A 报送包 by its name.
pub fn is_package_name(name: &str) -> bool {
    name.to_ascii_lowercase().ends_with(".zip")
}

/// A file the operating system makes beside a person's files, by its name (with or without
/// its folder): macOS's AppleDouble `._name` and `.DS_Store`, Windows's `Thumbs.db` and
/// `desktop.ini`.
pub fn is_system_file(name: &str) -> bool {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.starts_with("._")
        || [".ds_store", "thumbs.db", "desktop.ini"].contains(&base.to_ascii_lowercase().as_str())
}

/// Why a file is not in the batch. Typed: the catalogue words it in the language shown
/// (`i18n::refusal_text`), so a language toggle re-words a reason found earlier. Stored with
/// the batch in the browser ([`Refusal::kept_apart`]).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Refusal {
    /// Larger than any submission, package or checklist can be: not read.
    TooLarge { size: u64, limit: u64 },
    /// Neither a `.json` file nor a `.zip` package.
    NotJson,
    /// A file the operating system makes beside others (macOS's `._name` and `.DS_Store`,
    /// Windows's `Thumbs.db`): not read.
    SystemFile,
    /// The browser could not read it.
    Unreadable,
    /// A checklist file that cannot be used, with every problem found in it (never stored:
    /// the file is kept, and found again).
    #[serde(skip)]
    BadChecklist { errors: ChecklistErrors },
    /// The same submission as a package that came with its evidence: the package counts.
    SameAsPackage { package: String },
    /// The same content as a file in the batch under another name (a renamed copy, the file
    /// in two folders): that one counts, once.
    SameContent { kept: String },
    /// A checklist with the id and version of one already known, and other content.
    ChecklistClash { id: String, version: String },
}

impl Refusal {
    /// A file a school may have sent as its submission, not read: named in the 学校表 CSV
    /// (not the system's own files, nor a checklist file).
    pub fn sent_by_a_school(&self) -> bool {
        !matches!(
            self,
            Refusal::SystemFile | Refusal::BadChecklist { .. } | Refusal::ChecklistClash { .. }
        )
    }

    /// A refusal of a school's file this browser does not keep with the batch (not a
    /// submission by its name or size, unreadable, a copy of a file in it): a reload, which
    /// reads the kept files again, cannot find it again, so the batch stores the refusal
    /// itself. Not the system's own files (a folder from a Mac has one beside every file: not
    /// the schools', and thousands of them), nor what reading the kept files finds again: a
    /// checklist file, a file its 报送包 took the place of.
    pub fn kept_apart(&self) -> bool {
        matches!(
            self,
            Refusal::TooLarge { .. }
                | Refusal::NotJson
                | Refusal::Unreadable
                | Refusal::SameContent { .. }
        )
    }
}
