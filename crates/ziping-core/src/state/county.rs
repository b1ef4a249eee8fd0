//! County mode's batch: the files dropped or picked so far (added to, never replaced), the
//! checklists known, the files refused with their reasons, and the officer's choices. Pure:
//! the page reads files and hands their bytes here.

use crate::core::aggregate::{aggregate, reduce, CountyReport, FileFacts, FileStatus, Options};
use crate::core::checklist::{add_to_set, Checklist};
use crate::core::export::{verify, ImportError, Verified, MAX_EXPORT_BYTES};
use crate::core::model::CHECKLIST_FORMAT;
use crate::i18n::{checklist_errors, import_error, Lang, Msg, Say};
use std::rc::Rc;

/// The largest checklist file read (a checklist is far smaller).
pub const MAX_CHECKLIST_BYTES: usize = 2 * 1024 * 1024;

/// The largest file worth reading at all: anything larger is refused by its size alone.
pub const MAX_FILE_BYTES: usize = if MAX_EXPORT_BYTES > MAX_CHECKLIST_BYTES {
    MAX_EXPORT_BYTES
} else {
    MAX_CHECKLIST_BYTES
};

/// A submission file in the batch.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchFile {
    /// Unique in the batch (a second file with the same name gets " (2)").
    pub name: String,
    pub bytes: Rc<Vec<u8>>,
}

/// Why a file is not in the batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Larger than any submission or checklist can be: not read.
    TooLarge { size: u64 },
    /// Not a `.json` file.
    NotJson,
    /// The browser could not read it.
    Unreadable,
    /// A checklist file that cannot be used.
    BadChecklist { reason: String },
    /// A checklist with the id and version of one already known, and other content.
    ChecklistClash { id: String, version: String },
}

impl Refusal {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Refusal::TooLarge { size } => Say::RefusedTooLarge {
                size_mb: &(size / 1024 / 1024).to_string(),
                limit_mb: &(MAX_FILE_BYTES / 1024 / 1024).to_string(),
            }
            .text(lang),
            Refusal::NotJson => Msg::RefusedNotJson.text(lang).into(),
            Refusal::Unreadable => Msg::RefusedUnreadable.text(lang).into(),
            Refusal::BadChecklist { reason } => Say::RefusedBadChecklist { reason }.text(lang),
            Refusal::ChecklistClash { id, version } => {
                Say::ChecklistClash { id, version }.text(lang)
            }
        }
    }
}

/// What happened to a file handed to the batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Added {
    Submission,
    /// The same file (byte for byte) is in the batch already: counted once.
    Again,
    Checklist,
    /// A checklist already known (same id, version and content).
    ChecklistAgain,
    Refused(Refusal),
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    pub files: Vec<BatchFile>,
    /// Built-in, stored in this browser, and loaded here.
    pub checklists: Vec<Checklist>,
    /// Checklists loaded here or stored in this browser (not the built-ins), for the list.
    pub county_checklists: Vec<Checklist>,
    pub refused: Vec<(String, Refusal)>,
    /// Files the officer chose to count for their school.
    pub picks: Vec<String>,
    /// The county aggregated, when the files come from several.
    pub county: Option<String>,
    /// Goes up whenever the files or checklists change (what verification depends on).
    pub revision: u64,
}

/// Whether `bytes` look like a checklist file rather than a submission.
fn is_checklist(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Format<'a> {
        #[serde(borrow)]
        format: Option<&'a str>,
    }
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<Format>(text).is_ok_and(|f| f.format == Some(CHECKLIST_FORMAT))
}

impl Batch {
    pub fn new(builtins: Vec<Checklist>) -> Batch {
        Batch {
            checklists: builtins,
            ..Batch::default()
        }
    }

    /// Adds a checklist known to this browser (stored earlier); clashes are left out.
    pub fn know(&mut self, checklist: Checklist) {
        if let Ok(true) = add_to_set(&mut self.checklists, checklist.clone()) {
            self.county_checklists.push(checklist);
            self.revision += 1;
        }
    }

    /// Whether a file of this name and size is worth reading; refuses it otherwise.
    pub fn accepts(&mut self, name: &str, size: u64) -> bool {
        let refusal = if !name.to_lowercase().ends_with(".json") {
            Some(Refusal::NotJson)
        } else if size > MAX_FILE_BYTES as u64 {
            Some(Refusal::TooLarge { size })
        } else {
            None
        };
        match refusal {
            Some(r) => {
                self.refused.push((name.to_string(), r));
                false
            }
            None => true,
        }
    }

    /// Adds a file that was read: a checklist joins the checklists, a submission the files.
    pub fn add(&mut self, name: &str, bytes: Option<Vec<u8>>) -> Added {
        let added = match bytes {
            None => Added::Refused(Refusal::Unreadable),
            Some(bytes) if is_checklist(&bytes) => self.add_checklist(&bytes),
            Some(bytes) => self.add_submission(name, bytes),
        };
        if let Added::Refused(r) = &added {
            self.refused.push((name.to_string(), r.clone()));
        }
        added
    }

    fn add_checklist(&mut self, bytes: &[u8]) -> Added {
        if bytes.len() > MAX_CHECKLIST_BYTES {
            return Added::Refused(Refusal::TooLarge {
                size: bytes.len() as u64,
            });
        }
        let text = String::from_utf8_lossy(bytes);
        let checklist = match Checklist::from_json(&text) {
            Ok(c) => c,
            Err(e) => {
                return Added::Refused(Refusal::BadChecklist {
                    reason: checklist_errors(Lang::Zh, &e),
                })
            }
        };
        match add_to_set(&mut self.checklists, checklist.clone()) {
            Ok(true) => {
                self.county_checklists.push(checklist);
                self.revision += 1;
                Added::Checklist
            }
            Ok(false) => Added::ChecklistAgain,
            Err(clash) => Added::Refused(Refusal::ChecklistClash {
                id: clash.id,
                version: clash.version,
            }),
        }
    }

    fn add_submission(&mut self, name: &str, bytes: Vec<u8>) -> Added {
        if self.files.iter().any(|f| *f.bytes == bytes) {
            return Added::Again;
        }
        let mut unique = name.to_string();
        let mut n = 2;
        while self.files.iter().any(|f| f.name == unique) {
            unique = format!("{name} ({n})");
            n += 1;
        }
        self.files.push(BatchFile {
            name: unique,
            bytes: Rc::new(bytes),
        });
        self.revision += 1;
        Added::Submission
    }

    /// Empties the batch (the checklists stay known).
    pub fn clear(&mut self) {
        self.files.clear();
        self.refused.clear();
        self.picks.clear();
        self.county = None;
        self.revision += 1;
    }

    /// Counts this file for its school (a 冲突 resolved, a future date accepted).
    pub fn pick(&mut self, file: &str) {
        if !self.picks.iter().any(|p| p == file) {
            self.picks.push(file.to_string());
        }
    }

    /// Every file verified and re-scored against the known checklists, reduced to its facts.
    pub fn reduce_all(&self) -> Vec<FileFacts> {
        self.files
            .iter()
            .map(|f| reduce(&f.name, &f.bytes, &self.checklists))
            .collect()
    }

    /// One file of the batch, verified (for reading its report).
    pub fn verified(&self, file: &str) -> Option<Verified> {
        let f = self.files.iter().find(|f| f.name == file)?;
        verify(&f.bytes, &self.checklists).ok()
    }

    /// The county report of the files' facts, with the officer's choices, at `now`.
    pub fn report(&self, facts: &[FileFacts], now: &str, lang: Lang) -> CountyReport {
        let options = Options {
            now,
            county: self.county.as_deref(),
            picks: &self.picks,
        };
        aggregate(facts, &self.checklists, &options, |e: &ImportError| {
            import_error(lang, e)
        })
    }
}

/// What the school table is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortBy {
    #[default]
    File,
    Name,
    Score,
    Status,
}

/// How the officer looks at the school table: a filter and a sort.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableView {
    /// Matched, case-insensitively, in the school's name, code, file name and status.
    pub filter: String,
    pub sort: SortBy,
    pub ascending: bool,
}

impl Default for TableView {
    fn default() -> Self {
        TableView {
            filter: String::new(),
            sort: SortBy::File,
            ascending: true,
        }
    }
}

impl TableView {
    /// Sorting by the column already sorted by turns the order round; another column starts
    /// ascending.
    pub fn sort_by(&self, by: SortBy) -> TableView {
        TableView {
            ascending: if self.sort == by {
                !self.ascending
            } else {
                true
            },
            sort: by,
            ..self.clone()
        }
    }

    /// The school table's rows to show, in order (indices into `report.schools`).
    pub fn rows(&self, report: &CountyReport, lang: Lang) -> Vec<usize> {
        let needle = self.filter.trim().to_lowercase();
        let mut rows: Vec<usize> = (0..report.schools.len())
            .filter(|&n| {
                let s = &report.schools[n];
                needle.is_empty()
                    || [
                        s.school_name.clone(),
                        s.school_code.clone(),
                        s.file.clone(),
                        status_line(lang, &s.status),
                    ]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&needle))
            })
            .collect();
        let share = |s: &crate::core::aggregate::SchoolRow| s.earned / s.max.max(1.0);
        rows.sort_by(|&a, &b| {
            let (a, b) = (&report.schools[a], &report.schools[b]);
            let order = match self.sort {
                SortBy::File => a.file.cmp(&b.file),
                SortBy::Name => a.school_name.cmp(&b.school_name),
                SortBy::Score => share(a).total_cmp(&share(b)),
                SortBy::Status => a.status.severity().cmp(&b.status.severity()),
            };
            if self.ascending {
                order
            } else {
                order.reverse()
            }
        });
        rows
    }
}

/// A status as one line: its word and, if any, what it means ("冲突：…").
pub fn status_line(lang: Lang, status: &FileStatus) -> String {
    let (word, detail) = crate::core::county_csv::status_text(lang, status);
    if detail.is_empty() {
        word.to_string()
    } else {
        format!("{word}{}{detail}", lang.colon())
    }
}

/// How many files have each status, in the order the summary names them.
pub fn status_counts(report: &CountyReport) -> [(Msg, usize); 8] {
    let count = |f: fn(&FileStatus) -> bool| report.schools.iter().filter(|s| f(&s.status)).count();
    [
        (Msg::StatusOk, count(|s| matches!(s, FileStatus::Ok))),
        (
            Msg::StatusIncomplete,
            count(|s| matches!(s, FileStatus::Incomplete { .. })),
        ),
        (
            Msg::StatusResultDiffers,
            count(|s| matches!(s, FileStatus::ResultDiffers)),
        ),
        (
            Msg::StatusDuplicate,
            count(|s| matches!(s, FileStatus::Duplicate { .. })),
        ),
        (
            Msg::StatusConflict,
            count(|s| matches!(s, FileStatus::Conflict { .. })),
        ),
        (
            Msg::StatusFutureTime,
            count(|s| matches!(s, FileStatus::FutureTime)),
        ),
        (
            Msg::StatusOtherCounty,
            count(|s| matches!(s, FileStatus::OtherCounty)),
        ),
        (
            Msg::StatusInvalid,
            count(|s| matches!(s, FileStatus::Invalid { .. })),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::builtin::builtins;

    #[test]
    fn files_are_added_to_the_batch_each_once() {
        let mut b = Batch::new(builtins().unwrap());
        assert_eq!(
            b.add("a.json", Some(b"{\"x\":1}".to_vec())),
            Added::Submission
        );
        assert_eq!(
            b.add("copy.json", Some(b"{\"x\":1}".to_vec())),
            Added::Again
        );
        assert_eq!(
            b.add("a.json", Some(b"{\"x\":2}".to_vec())),
            Added::Submission
        );
        let names: Vec<&str> = b.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.json", "a.json (2)"]);
        b.clear();
        assert!(b.files.is_empty());
    }

    #[test]
    fn unreadable_files_are_listed_with_their_reason() {
        let mut b = Batch::new(builtins().unwrap());
        assert!(!b.accepts("notes.txt", 10));
        assert!(!b.accepts("huge.json", 3 * 1024 * 1024 * 1024));
        assert!(b.accepts("UPPER.JSON", 10));
        b.add("gone.json", None);
        let reasons: Vec<String> = b
            .refused
            .iter()
            .map(|(n, r)| format!("{n}: {}", r.text(Lang::Zh)))
            .collect();
        assert_eq!(reasons.len(), 3);
        assert!(reasons[0].contains("不是 .json 文件"), "{reasons:?}");
        assert!(reasons[1].contains("3072 MB"), "{reasons:?}");
    }

    #[test]
    fn a_checklist_among_submissions_is_recognised_and_a_clash_refused() {
        let mut b = Batch::new(builtins().unwrap());
        let text = include_str!("../../../../checklists/zlpj-school-hengyang.json");
        assert_eq!(
            b.add("衡阳.json", Some(text.as_bytes().to_vec())),
            Added::Checklist
        );
        assert_eq!(
            b.add("again.json", Some(text.as_bytes().to_vec())),
            Added::ChecklistAgain
        );
        assert_eq!(b.county_checklists.len(), 1);
        let changed = text.replacen("90", "80", 1);
        assert!(matches!(
            b.add("changed.json", Some(changed.into_bytes())),
            Added::Refused(Refusal::ChecklistClash { .. })
        ));
        assert!(b.files.is_empty());
    }

    #[test]
    fn the_school_table_filters_and_sorts_as_the_officer_asks() {
        use crate::core::aggregate::{FileFacts, SchoolFacts};
        let mut b = Batch::new(builtins().unwrap());
        b.add("c.json", Some(b"{".to_vec()));
        let mut facts = b.reduce_all();
        // Two readable schools besides the broken file, built from the broken one's shape.
        let school = |file: &str, name: &str, earned: f64| FileFacts {
            file: file.into(),
            facts: Ok(SchoolFacts {
                school_name: name.into(),
                school_code: String::new(),
                county: "示例县".into(),
                school_type: crate::core::model::SchoolType::Primary,
                checklist: crate::core::export::stamp(&b.checklists[0]),
                exported: "2026-11-20T10:00:00+08:00".into(),
                digest: file.into(),
                result_matches: true,
                completion: crate::core::score::Completion {
                    answered: 1,
                    required: 1,
                    errors: 0,
                    unanswered: 0,
                },
                earned,
                max: 100.0,
                band: None,
                vetoed: false,
                enrolment: vec![],
                indicators: vec![],
                groups: vec![],
                rates: vec![],
            }),
        };
        facts.push(school("a.json", "城关小学", 90.0));
        facts.push(school("b.json", "桃花小学", 60.0));
        let r = b.report(&facts, "2026-12-01T00:00:00+08:00", Lang::Zh);
        let files = |rows: Vec<usize>| -> Vec<String> {
            rows.iter().map(|&n| r.schools[n].file.clone()).collect()
        };
        let view = TableView::default();
        assert_eq!(
            files(view.rows(&r, Lang::Zh)),
            ["a.json", "b.json", "c.json"]
        );
        let by_score = view.sort_by(SortBy::Score);
        assert_eq!(
            files(by_score.rows(&r, Lang::Zh))[1..],
            ["b.json", "a.json"]
        );
        let reversed = by_score.sort_by(SortBy::Score);
        assert!(!reversed.ascending);
        assert_eq!(
            files(reversed.rows(&r, Lang::Zh))[..2],
            ["a.json", "b.json"]
        );
        // Worst first when sorted by status, descending: the broken file.
        let status = view.sort_by(SortBy::Status).sort_by(SortBy::Status);
        assert_eq!(files(status.rows(&r, Lang::Zh))[0], "c.json");
        // The filter finds names and statuses, in the interface language.
        let peach = TableView {
            filter: "桃花".into(),
            ..TableView::default()
        };
        assert_eq!(files(peach.rows(&r, Lang::Zh)), ["b.json"]);
        let invalid = TableView {
            filter: "INVALID".into(),
            ..TableView::default()
        };
        assert_eq!(files(invalid.rows(&r, Lang::En)), ["c.json"]);
        assert!(invalid.rows(&r, Lang::Zh).is_empty());
    }
}
