//! County mode's batch: the files dropped or picked so far (added to, never replaced), the
//! checklists known, the files refused with their reasons, and the officer's choices. Pure:
//! the page reads files and hands their bytes here.

pub use crate::core::aggregate::refusal::{
    is_package_name, is_system_file, max_bytes, Refusal, MAX_CHECKLIST_BYTES, MAX_FILE_BYTES,
};
use crate::core::aggregate::visit::VisitPlan;
use crate::core::aggregate::{
    aggregate, aggregate_in_steps, reduce, CountyReport, CountySettings, FileFacts, FileStatus,
    Options,
};
use crate::core::checklist::{add_to_set, Checklist};
use crate::core::export::{ImportError, Verified};
use crate::core::model::CHECKLIST_FORMAT;
use crate::core::time::Timestamp;
use crate::i18n::{row_status_line, Lang};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

mod awaiting;
mod warm;
pub use awaiting::AwaitingDiff;
pub use warm::{warm_up_batch, WARM_UP_FILE};

/// A submission file in the batch: known by its id from the moment it is accepted; its facts
/// arrive when a worker has read and verified it.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchFile {
    /// The shell's handle for the file (it keeps the browser's `File` under this id).
    pub id: u32,
    /// Unique in the batch (a second file with the same name gets " (2)").
    pub name: String,
    /// SHA-256 of the bytes: the same file dropped twice counts once.
    pub content: Option<String>,
    /// `None` while the file is being read. Shared with a report being made from it
    /// ([`ReportInputs`]), so taking them out of the batch costs no copy.
    pub facts: Option<Rc<FileFacts>>,
}

/// The officer's decisions about a batch: picks, the county aggregated, files assigned to
/// roster schools; and the files refused that a reload cannot find again. Stored as JSON; a
/// field a later version adds reads as empty here.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchChoices {
    #[serde(default)]
    pub picks: Vec<String>,
    #[serde(default)]
    pub county: Option<String>,
    #[serde(default)]
    pub assigned: Vec<(String, String)>,
    /// 实地核查抽样: the draw (how many, which seed), once the officer made one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<VisitPlan>,
    /// What the officer found on site, by file name (核查发现).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub findings: BTreeMap<String, String>,
    /// Files refused that this browser does not keep ([`Refusal::kept_apart`]): listed again
    /// after a reload, which reads only the files kept. Read leniently: an entry a later
    /// version words otherwise is left out, never the officer's choices with it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "readable_refusals"
    )]
    pub refused: Vec<(String, Refusal)>,
}

/// The stored refusals that read as one (see [`BatchChoices::refused`]).
fn readable_refusals<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<(String, Refusal)>, D::Error> {
    let entries = Vec::<serde_json::Value>::deserialize(d)?;
    Ok(entries
        .into_iter()
        .filter_map(|e| serde_json::from_value(e).ok())
        .collect())
}

/// What a worker says about one file it read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FileReply {
    /// A submission: its content hash and its facts (or why it cannot be used).
    Submission {
        content: String,
        facts: Box<FileFacts>,
    },
    /// A checklist file dropped among the submissions: its text.
    Checklist { text: String },
    /// The browser could not read the file.
    Unreadable,
    /// Larger than any submission or checklist can be: not read (the worker looks at the size
    /// first; asking the browser for thousands of sizes held up the page).
    TooLarge { size: u64, limit: u64 },
}

/// Reads one file as county mode does, in a worker: verified, re-scored and reduced to its
/// facts; a checklist (which reading names by its format) is handed back instead. One pass
/// over a submission's text, not a second one to look for a checklist.
pub fn read_file(name: &str, bytes: &[u8], checklists: &[Checklist]) -> FileReply {
    let facts = reduce(name, bytes, checklists);
    if let Err(ImportError::UnknownFormat { found }) = &facts.facts {
        if found == CHECKLIST_FORMAT {
            return FileReply::Checklist {
                text: String::from_utf8_lossy(bytes).into_owned(),
            };
        }
    }
    // The same content is the same digest (a re-indented copy too); a file that cannot be
    // read has none, and is known by its bytes.
    let content = match &facts.facts {
        Ok(f) => f.digest.clone(),
        Err(_) => crate::core::export::sha256_hex(bytes),
    };
    FileReply::Submission {
        content,
        facts: Box::new(facts),
    }
}

/// A file's name as it was picked: without the " (2)" the batch adds to a second file of one
/// name ([`Batch::accept`]).
fn as_picked(name: &str) -> &str {
    match name.rsplit_once(" (") {
        Some((picked, n))
            if n.strip_suffix(')')
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            picked
        }
        _ => name,
    }
}

/// What happened to a file handed to the batch.
#[derive(Clone, Debug, PartialEq)]
pub enum Added {
    Submission,
    /// The same file (the same digest, or the same bytes) is in the batch already: counted once.
    Again,
    /// A new checklist, waiting for the officer to accept it (待确认): until then no file
    /// counts with it.
    ChecklistAwaiting,
    /// A checklist accepted: every file is to be read again with it.
    Checklist,
    /// A checklist already known (same id, version and content).
    ChecklistAgain,
    Refused(Refusal),
    /// Not a file of this batch (cleared or cancelled meanwhile): nothing changed.
    Stale,
}

/// County mode's batch. Indexed, so a province's 10,000 files cost the page's thread nothing
/// per reply beyond the reply itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Batch {
    /// The submissions, by id (ids go up as files arrive: this is arrival order).
    files: BTreeMap<u32, BatchFile>,
    /// Names given out, for " (2)" on a second file of the same name.
    names: BTreeSet<String>,
    /// Contents read (digests, or hashes of unreadable bytes) → the file that has it.
    contents: BTreeMap<String, u32>,
    /// Files still being read.
    pending: BTreeSet<u32>,
    /// Built-in, stored in this browser, and loaded here.
    pub checklists: Vec<Checklist>,
    /// Checklists loaded here or stored in this browser (not the built-ins), for the list.
    pub county_checklists: Vec<Checklist>,
    pub refused: Vec<(String, Refusal)>,
    /// Files the officer chose to count for their school.
    pub picks: Vec<String>,
    /// The county aggregated, when the files come from several.
    pub county: Option<String>,
    /// Checklists found among the files, not used until the officer accepts one (a school
    /// could send a checklist of its own with every threshold at 0.01).
    pub awaiting: Vec<Checklist>,
    /// The county's settings (县级设置), if it has made them.
    pub settings: Option<CountySettings>,
    /// Files the officer assigned to a roster school: (file name, roster code).
    pub assigned: Vec<(String, String)>,
    /// 实地核查抽样, once drawn.
    pub visit: Option<VisitPlan>,
    /// 核查发现 by file name.
    pub findings: BTreeMap<String, String>,
    next_id: u32,
    /// Goes up when every file is to be read again (a checklist arrived): a reply to an earlier
    /// reading is then stale.
    generation: u32,
}

impl Batch {
    pub fn new(builtins: Vec<Checklist>) -> Batch {
        Batch {
            checklists: builtins,
            ..Batch::default()
        }
    }

    /// Adds a checklist known to this browser (stored earlier); clashes are left out. True if
    /// it is new here (the files are then to be read again).
    pub fn know(&mut self, checklist: Checklist) -> bool {
        let added = matches!(
            add_to_set(&mut self.checklists, checklist.clone()),
            Ok(true)
        );
        if added {
            self.county_checklists.push(checklist);
        }
        added
    }

    /// The county checklists' texts, for the workers.
    pub fn county_checklist_texts(&self) -> Vec<String> {
        self.county_checklists
            .iter()
            .filter_map(|c| serde_json::to_string(c.doc()).ok())
            .collect()
    }

    /// The submissions in the batch, in the order they arrived.
    pub fn files(&self) -> impl Iterator<Item = &BatchFile> {
        self.files.values()
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// A file of this name and size (if known: a worker can look at it instead): refused by
    /// name or size before anything is read, or taken into the batch under a new id (to be
    /// read and then `receive`d).
    pub fn accept(&mut self, name: &str, size: Option<u64>) -> Option<u32> {
        let refusal = if is_system_file(name) {
            Some(Refusal::SystemFile)
        } else if !name.to_ascii_lowercase().ends_with(".json") && !is_package_name(name) {
            Some(Refusal::NotJson)
        } else {
            let limit = max_bytes(name);
            size.filter(|&s| s > limit)
                .map(|size| Refusal::TooLarge { size, limit })
        };
        if let Some(r) = refusal {
            self.refused.push((name.to_string(), r));
            return None;
        }
        let mut unique = name.to_string();
        let mut n = 2;
        while self.names.contains(&unique) {
            unique = format!("{name} ({n})");
            n += 1;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.names.insert(unique.clone());
        self.pending.insert(id);
        self.files.insert(
            id,
            BatchFile {
                id,
                name: unique,
                content: None,
                facts: None,
            },
        );
        Some(id)
    }

    /// A file the browser could not give (gone from the disk meanwhile, no permission): refused
    /// as unreadable, by its name, so nothing dropped disappears without a word.
    pub fn unreadable(&mut self, name: &str) {
        self.refused.push((name.to_string(), Refusal::Unreadable));
    }

    /// The reading files are handed out under; a worker hands it back with its reply.
    pub fn generation(&self) -> u32 {
        self.generation
    }

    /// What a worker found in file `id`, read in `generation`.
    pub fn receive(&mut self, id: u32, generation: u32, reply: FileReply) -> Added {
        if generation != self.generation || !self.pending.contains(&id) {
            return Added::Stale;
        }
        let added = match reply {
            FileReply::Unreadable => Added::Refused(Refusal::Unreadable),
            FileReply::TooLarge { size, limit } => {
                Added::Refused(Refusal::TooLarge { size, limit })
            }
            FileReply::Checklist { text } => self.add_checklist(&text),
            FileReply::Submission { content, facts } => {
                let other = self.contents.get(&content).copied().filter(|&o| o != id);
                let evidence = |f: &FileFacts| f.facts.as_ref().map_or(0, |s| s.evidence_files);
                let theirs = other
                    .and_then(|o| self.files.get(&o))
                    .and_then(|f| f.facts.as_deref())
                    .map_or(0, evidence);
                // The same submission again, as a package with its evidence: the package takes
                // the plain file's place (a school sent the file first, the package later).
                if let (Some(o), true) = (other, evidence(&facts) > theirs) {
                    if let Some(old) = self.files.remove(&o) {
                        self.names.remove(&old.name);
                        let package = self.files.get(&id).map(|f| f.name.clone());
                        self.refused.push((
                            old.name,
                            Refusal::SameAsPackage {
                                package: package.unwrap_or_default(),
                            },
                        ));
                    }
                    self.contents.remove(&content);
                }
                // The same content already in the batch: the same file picked again (its name
                // but for the " (2)" the batch gave it) counts once, unsaid; under another name
                // a submission counts once and is listed with the file that counts; a file that
                // cannot be used (two schools' empty files) keeps a row of its own, its own
                // reason beside it.
                let copy_of = self
                    .contents
                    .get(&content)
                    .filter(|&&o| o != id)
                    .and_then(|o| self.files.get(o))
                    .map(|f| f.name.clone());
                let name = self.files.get(&id).map(|f| f.name.clone());
                let first = copy_of.is_none();
                let again = match (&copy_of, &name) {
                    (Some(kept), Some(name)) if as_picked(name) == as_picked(kept) => true,
                    (Some(kept), Some(name)) if facts.facts.is_ok() => {
                        self.refused
                            .push((name.clone(), Refusal::SameContent { kept: kept.clone() }));
                        true
                    }
                    _ => false,
                };
                if again {
                    Added::Again
                } else if let Some(file) = self.files.get_mut(&id) {
                    self.pending.remove(&id);
                    if first {
                        self.contents.insert(content.clone(), id);
                    }
                    file.content = Some(content);
                    file.facts = Some(Rc::new(FileFacts {
                        file: file.name.clone(),
                        ..*facts
                    }));
                    return Added::Submission;
                } else {
                    Added::Stale
                }
            }
        };
        // Not a submission of the batch (a checklist, a copy, unreadable): it leaves the list.
        self.pending.remove(&id);
        if let Some(file) = self.files.remove(&id) {
            self.names.remove(&file.name);
            if let Added::Refused(r) = &added {
                self.refused.push((file.name, r.clone()));
            }
        }
        if added == Added::Checklist {
            self.reread();
        }
        added
    }

    fn add_checklist(&mut self, text: &str) -> Added {
        if text.len() > MAX_CHECKLIST_BYTES {
            return Added::Refused(Refusal::TooLarge {
                size: text.len() as u64,
                limit: MAX_CHECKLIST_BYTES as u64,
            });
        }
        let checklist = match Checklist::from_json(text) {
            Ok(c) => c,
            Err(e) => return Added::Refused(Refusal::BadChecklist { errors: e }),
        };
        // Known here already (the same content) is nothing new; the same id and version with
        // other content is refused; anything else waits for the officer.
        let mut probe = self.checklists.clone();
        match add_to_set(&mut probe, checklist.clone()) {
            Ok(false) => Added::ChecklistAgain,
            Err(clash) => Added::Refused(Refusal::ChecklistClash {
                id: clash.id,
                version: clash.version,
            }),
            Ok(true) => {
                if self
                    .awaiting
                    .iter()
                    .any(|c| c.sha256() == checklist.sha256())
                {
                    return Added::ChecklistAgain;
                }
                if let Err(clash) = add_to_set(&mut self.awaiting.clone(), checklist.clone()) {
                    return Added::Refused(Refusal::ChecklistClash {
                        id: clash.id,
                        version: clash.version,
                    });
                }
                self.awaiting.push(checklist);
                Added::ChecklistAwaiting
            }
        }
    }

    /// The officer accepts a checklist found among the files (by its content hash): it is
    /// known from now on, counts in the settings if there are any, and every file is to be read
    /// again. The checklist, for the shell to keep in this browser.
    pub fn accept_checklist(&mut self, sha256: &str) -> Option<Checklist> {
        let at = self.awaiting.iter().position(|c| c.sha256() == sha256)?;
        let checklist = self.awaiting.remove(at);
        if add_to_set(&mut self.checklists, checklist.clone()).ok()? {
            self.county_checklists.push(checklist.clone());
        }
        if let Some(s) = &mut self.settings {
            s.accept(&checklist, false);
        }
        self.reread();
        Some(checklist)
    }

    /// The officer does not want a checklist found among the files: it leaves the list.
    pub fn dismiss_checklist(&mut self, sha256: &str) {
        self.awaiting.retain(|c| c.sha256() != sha256);
    }

    /// Counts a file for a roster school (its code was not in the roster, or it had none).
    pub fn assign(&mut self, file: &str, code: &str) {
        self.assigned.retain(|(f, _)| f != file);
        self.assigned.push((file.to_string(), code.to_string()));
    }

    /// The checklists this batch reads with: the known ones and the county's own from the
    /// settings (a settings file brought from another computer carries them).
    pub fn use_settings(&mut self, settings: Option<CountySettings>) -> bool {
        let mut added = false;
        if let Some(s) = &settings {
            for c in &s.county_checklists {
                if matches!(add_to_set(&mut self.checklists, c.clone()), Ok(true)) {
                    self.county_checklists.push(c.clone());
                    added = true;
                }
            }
        }
        self.settings = settings;
        if added {
            self.reread();
        }
        added
    }

    /// Every file is to be read again (a checklist was added): their facts are dropped, and
    /// replies to the earlier reading will be stale.
    pub fn reread(&mut self) {
        self.generation += 1;
        self.contents.clear();
        for (id, f) in &mut self.files {
            f.facts = None;
            f.content = None;
            self.pending.insert(*id);
        }
    }

    /// Files still being read.
    pub fn pending(&self) -> impl Iterator<Item = u32> + '_ {
        self.pending.iter().copied()
    }

    pub fn pending_count(&self) -> usize {
        self.pending.len()
    }

    /// Drops the files still being read (the officer cancelled): they are not in the batch.
    pub fn cancel_pending(&mut self) {
        for id in std::mem::take(&mut self.pending) {
            if let Some(file) = self.files.remove(&id) {
                self.names.remove(&file.name);
            }
        }
    }

    /// Empties the batch (the checklists stay known).
    pub fn clear(&mut self) {
        self.files.clear();
        self.names.clear();
        self.contents.clear();
        self.pending.clear();
        self.refused.clear();
        self.picks.clear();
        self.assigned.clear();
        self.visit = None;
        self.findings.clear();
        self.county = None;
    }

    /// What the officer decided about this batch, kept beside its files in the browser so a
    /// reload (or a closed tab) finds the batch as it was.
    pub fn choices(&self) -> BatchChoices {
        BatchChoices {
            picks: self.picks.clone(),
            county: self.county.clone(),
            assigned: self.assigned.clone(),
            visit: self.visit.clone(),
            findings: self.findings.clone(),
            refused: self
                .refused
                .iter()
                .filter(|(_, r)| r.kept_apart())
                .cloned()
                .collect(),
        }
    }

    /// The officer's decisions back, once the same files are in the batch again (they are
    /// kept by file name, which the same files in the same order get again).
    pub fn restore_choices(&mut self, choices: BatchChoices) {
        self.picks = choices.picks;
        self.county = choices.county;
        self.assigned = choices.assigned;
        self.visit = choices.visit;
        self.findings = choices.findings;
        // Beside what reading the kept files finds (never these: `kept_apart`), each once
        // however often the page is opened.
        for refused in choices.refused {
            if !self.refused.contains(&refused) {
                self.refused.push(refused);
            }
        }
    }

    /// 实地核查抽样: draws `count` schools of `report` (this batch's) with `seed`; the draw and
    /// the files it drew are kept with the batch.
    pub fn draw_visits(&mut self, report: &CountyReport, count: usize, seed: u64) {
        self.visit = Some(VisitPlan::draw(report, count, seed));
    }

    /// What was found on site at the school of `file` (empty: nothing recorded).
    pub fn set_finding(&mut self, file: &str, text: &str) {
        if text.trim().is_empty() {
            self.findings.remove(file);
        } else {
            self.findings.insert(file.to_string(), text.to_string());
        }
    }

    /// Counts this file for its school (a 冲突 resolved, a future date or an enrolment in
    /// doubt accepted).
    pub fn pick(&mut self, file: &str) {
        if !self.picks.iter().any(|p| p == file) {
            self.picks.push(file.to_string());
        }
    }

    /// Takes back the choice of this file: it is decided again as if never chosen.
    pub fn unpick(&mut self, file: &str) {
        self.picks.retain(|p| p != file);
    }

    /// The id of the file shown under this name.
    pub fn id_of(&self, name: &str) -> Option<u32> {
        self.files.values().find(|f| f.name == name).map(|f| f.id)
    }

    /// A file's bytes verified against the known checklists (for reading its report).
    pub fn verify(&self, bytes: &[u8]) -> Option<Verified> {
        crate::core::package::verify(bytes, &self.checklists)
            .ok()
            .map(|(v, _)| v)
    }

    /// The county report of the files read so far, with the officer's choices, at `now`.
    /// Facts only: a file's problem is typed, worded wherever it is shown.
    pub fn report(&self, now: &Timestamp) -> CountyReport {
        let inputs = self.report_inputs(now);
        let options = inputs.options();
        let report = aggregate(&inputs.files(), &inputs.checklists, &options);
        inputs.finish(report)
    }

    /// The files a school may have sent that are not read, each name once (picked twice, it
    /// is one file), without a name a file of the batch now has (a school's file too large,
    /// sent again within the limit).
    fn unread(&self) -> Vec<(String, Refusal)> {
        let mut listed = std::collections::BTreeSet::new();
        self.refused
            .iter()
            .filter(|(name, why)| {
                why.sent_by_a_school() && !self.names.contains(name) && listed.insert(name)
            })
            .cloned()
            .collect()
    }

    /// What the report at `now` is made from, taken out of the batch, so the page can
    /// aggregate it in steps ([`ReportInputs::report_in_steps`]) while replies and the
    /// officer's choices go on changing the batch.
    pub fn report_inputs(&self, now: &Timestamp) -> ReportInputs {
        ReportInputs {
            files: self
                .files
                .values()
                .filter_map(|f| f.facts.clone())
                .collect(),
            checklists: self.checklists.clone(),
            awaiting: self
                .awaiting
                .iter()
                .map(|c| (c.doc().id.clone(), c.doc().version.clone()))
                .collect(),
            now: now.clone(),
            county: self.county.clone(),
            picks: self.picks.clone(),
            settings: self.settings.clone(),
            assigned: self.assigned.clone(),
            unread: self.unread(),
        }
    }
}

/// A batch's report, before it is made: the files' facts (shared, not copied) and the
/// officer's choices of the moment it was taken.
#[derive(Clone, Debug)]
pub struct ReportInputs {
    files: Vec<Rc<FileFacts>>,
    checklists: Vec<Checklist>,
    /// Checklists waiting for the officer (id, version).
    awaiting: Vec<(String, String)>,
    now: Timestamp,
    county: Option<String>,
    picks: Vec<String>,
    settings: Option<CountySettings>,
    assigned: Vec<(String, String)>,
    unread: Vec<(String, Refusal)>,
}

impl ReportInputs {
    /// The report, as [`Batch::report`] makes it, awaiting `pause()` between the steps of the
    /// aggregation ([`crate::core::aggregate::aggregate_in_steps`]).
    pub async fn report_in_steps<P, F>(&self, pause: P) -> CountyReport
    where
        P: FnMut() -> F,
        F: std::future::Future<Output = ()>,
    {
        let options = self.options();
        let report = aggregate_in_steps(&self.files(), &self.checklists, &options, pause).await;
        self.finish(report)
    }

    fn files(&self) -> Vec<&FileFacts> {
        self.files.iter().map(|f| &**f).collect()
    }

    fn options(&self) -> Options<'_> {
        Options {
            now: &self.now,
            county: self.county.as_deref(),
            picks: &self.picks,
            settings: self.settings.as_ref(),
            assigned: &self.assigned,
        }
    }

    /// A file whose checklist waits for the officer says so, not "load the checklist".
    fn finish(&self, mut report: CountyReport) -> CountyReport {
        report.unread.clone_from(&self.unread);
        for school in &mut report.schools {
            if let FileStatus::Invalid {
                error: ImportError::UnknownChecklist { id, version },
            } = &school.status
            {
                if self.awaiting.iter().any(|(i, v)| i == id && v == version) {
                    school.status = FileStatus::Invalid {
                        error: ImportError::ChecklistAwaiting {
                            id: id.clone(),
                            version: version.clone(),
                        },
                    };
                }
            }
        }
        report
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
        let needle = self.filter.trim().to_ascii_lowercase();
        let mut rows: Vec<usize> = (0..report.schools.len())
            .filter(|&n| {
                let s = &report.schools[n];
                needle.is_empty()
                    || [
                        s.school_name.clone(),
                        s.school_code.clone(),
                        s.file.clone(),
                        s.school_year.clone(),
                        row_status_line(lang, s),
                        crate::i18n::follow_up_text(lang, &s.follow_up),
                        // "结果不一致" finds a 冲突 file whose result differs too.
                        if s.result_differs {
                            crate::i18n::Msg::StatusResultDiffers.text(lang).to_string()
                        } else {
                            String::new()
                        },
                    ]
                    .iter()
                    .any(|t| t.to_ascii_lowercase().contains(&needle))
            })
            .collect();
        let share = |s: &crate::core::aggregate::SchoolRow| s.earned / s.max.max(1.0);
        rows.sort_by(|&a, &b| {
            use crate::core::text::compare_names;
            let (a, b) = (&report.schools[a], &report.schools[b]);
            let order = match self.sort {
                // Numbers in names as numbers: 第2 before 第15.
                SortBy::File => compare_names(&a.file, &b.file),
                SortBy::Name => compare_names(&a.school_name, &b.school_name),
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

#[cfg(test)]
mod tests;
