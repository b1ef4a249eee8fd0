//! Which file counts for each school: the one the officer picked, else the newest; none while
//! the files disagree about who the school is or two equally new files differ. Linear in the
//! files apart from sorting (a province has 10,000 schools): a conflict names a few of its
//! files, and the report lists each group once.

use super::doubt::{enrolment_doubt, EnrolmentDoubt};
use super::identity::{group, normalize, Who};
use super::{ConflictGroup, CountySettings, FileFacts, FileStatus};
use super::{MissingSchool, Options, SchoolFacts, SchoolRow};
use crate::core::checklist::Checklist;
use crate::core::model::SchoolType;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A few of a list that can be long: what a file's status shows of the other files or names
/// it concerns, so each status stays small however many files share a school (3,000 files
/// with one code once made 393 MB of messages).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Listed {
    pub shown: Vec<String>,
    /// How many more there are.
    pub more: usize,
}

impl Listed {
    /// How many a status shows.
    pub const SHOWN: usize = 3;

    pub fn of(all: impl IntoIterator<Item = String>) -> Listed {
        let mut listed = Listed::default();
        for item in all {
            if listed.shown.len() < Listed::SHOWN {
                listed.shown.push(item);
            } else {
                listed.more += 1;
            }
        }
        listed
    }
}

/// Why files of one school cannot both count, and the officer must pick.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Conflict {
    /// One school code, different school names: a typo in a code, or two schools.
    SameCodeOtherName { names: Listed },
    /// One school name (in one county), different school codes (`codes`, as written): a code
    /// typed wrong (the letter O for 0) would count the school twice. Not with a roster's
    /// codes, which are the county's own.
    SameNameOtherCode { codes: Listed },
    /// Exported at the same moment with different content: which is newer cannot be told.
    SameTimeOtherContent,
    /// The newest file has no school code (or a placeholder) and joined, by its name and
    /// county, a school whose files have one (`codes`, as written): it may be another
    /// school's file under this one's name, so it does not replace them unasked.
    NoCodeBesideCode { codes: Listed },
}

/// Files decided between two pauses of the aggregation (about 20 ms of a province's batch in
/// the browser).
pub(super) const FILES_PER_STEP: usize = 2_000;

fn millis(time: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(time)
        .ok()
        .map(|t| t.timestamp_millis())
}

/// A file that can count: its place in the batch, facts, checklist, and the roster's code for
/// its school (which then is who it is, whatever code it typed).
pub(super) struct Readable<'a> {
    pub n: usize,
    pub facts: &'a SchoolFacts,
    pub checklist: &'a Checklist,
    pub roster_code: Option<&'a str>,
}

/// What deciding found beside each file's status.
#[derive(Default)]
pub(super) struct Decided {
    pub conflicts: Vec<ConflictGroup>,
    pub pick_clashes: Vec<(String, String)>,
    /// Each file's enrolment in doubt, picked or not, by its place in the batch (a row says
    /// it beside another status: a 冲突 the officer may pick, a file picked).
    pub doubts: Vec<Option<EnrolmentDoubt>>,
}

/// For every school (per checklist id and school year), which of its files counts: the one
/// the officer picked, else the newest; none while the files disagree about who the school is
/// or two equally new files differ. Files dated after "now" are flagged, and so is the file
/// that would count if its enrolment is in doubt (both count once picked); a file with neither
/// name nor code is unidentified.
pub(super) async fn decide<P, F>(
    files: &[&FileFacts],
    readable: &[Readable<'_>],
    options: &Options<'_>,
    statuses: &mut [Option<FileStatus>],
    pause: &mut P,
) -> Decided
where
    P: FnMut() -> F,
    F: std::future::Future<Output = ()>,
{
    let now = options.now.millis();
    let mut facts: Vec<Option<&SchoolFacts>> = vec![None; files.len()];
    // Per checklist and school year: a school's files of two years are two years.
    let mut by_checklist: BTreeMap<(&str, &str), Vec<(usize, Who)>> = BTreeMap::new();
    for (k, r) in readable.iter().enumerate() {
        if k % FILES_PER_STEP == FILES_PER_STEP - 1 {
            pause().await;
        }
        facts[r.n] = Some(r.facts);
        let f = r.facts;
        let who = Who::new(
            r.roster_code.unwrap_or(&f.school_code),
            &f.school_name,
            &f.county,
        );
        if who.code.is_empty() && who.name.is_empty() {
            statuses[r.n] = Some(FileStatus::Unidentified);
            continue;
        }
        by_checklist
            .entry((r.checklist.doc().id.as_str(), f.school_year.as_str()))
            .or_default()
            .push((r.n, who));
    }
    let picks: BTreeSet<&str> = options.picks.iter().map(String::as_str).collect();
    // Each file's enrolment in doubt, if it is: such a file is held (unless picked) before
    // its school's file is chosen, so the school's other files count meanwhile (a held newer
    // file once made them its 重复, and the school counted nowhere).
    let roster_students = |r: &Readable| {
        let s = options.settings?;
        s.roster[s.roster_row(r.roster_code?)?].students
    };
    let mut doubts: Vec<Option<EnrolmentDoubt>> = vec![None; files.len()];
    for r in readable {
        doubts[r.n] = enrolment_doubt(r.facts, roster_students(r));
    }
    let held = doubts
        .iter()
        .zip(files)
        .map(|(d, f)| d.clone().filter(|_| !picks.contains(f.file.as_str())))
        .collect();
    let mut school = School {
        files,
        facts: &facts,
        now,
        held,
        decided: Decided::default(),
    };
    school.decided.doubts = doubts;
    // Who each file is, by its place in the batch.
    let mut of: Vec<Option<&Who>> = vec![None; files.len()];
    for (n, w) in by_checklist.values().flatten() {
        of[*n] = Some(w);
    }
    let mut since_pause = 0;
    for who in by_checklist.values() {
        for members in group(who) {
            since_pause += members.len();
            if since_pause >= FILES_PER_STEP {
                since_pause = 0;
                pause().await;
            }
            let picked: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| picks.contains(files[m].file.as_str()))
                .collect();
            if picked.is_empty() {
                school.decide(&members, &of, statuses);
            } else {
                school.settle(&members, &picked, &of, statuses);
            }
        }
    }
    // One name under two codes: the files that would count are a 冲突 until one is picked.
    let rostered: BTreeSet<usize> = readable
        .iter()
        .filter(|r| r.roster_code.is_some())
        .map(|r| r.n)
        .collect();
    for who in by_checklist.values() {
        school.one_name_two_codes(who, &rostered, &picks, statuses);
    }
    // A counted file is Ok, or says what is off about it.
    for r in readable {
        if statuses[r.n].is_none() {
            let c = r.facts.completion;
            statuses[r.n] = Some(if !r.facts.result_matches {
                FileStatus::ResultDiffers
            } else if !c.is_complete() {
                FileStatus::Incomplete {
                    answered: c.answered,
                    required: c.required,
                    errors: c.errors,
                }
            } else {
                FileStatus::Ok
            });
        }
    }
    school.decided
}

/// What deciding one school's files needs: their names, facts and "now"; and what it found.
struct School<'a> {
    files: &'a [&'a FileFacts],
    facts: &'a [Option<&'a SchoolFacts>],
    now: i64,
    /// Why a file not picked is held (人数存疑), by its place in the batch.
    held: Vec<Option<EnrolmentDoubt>>,
    decided: Decided,
}

impl School<'_> {
    fn name(&self, n: usize) -> String {
        self.files[n].file.clone()
    }

    fn digest(&self, n: usize) -> Option<&str> {
        self.facts[n].map(|f| f.digest.as_str())
    }

    fn time(&self, n: usize) -> Option<i64> {
        self.facts[n].and_then(|f| millis(&f.exported))
    }

    /// Every file of `among` but `kept` is a duplicate of it (`other_code`: one of its name
    /// under another code, which may be picked too).
    fn kept(
        &self,
        kept: usize,
        among: &[usize],
        other_code: bool,
        statuses: &mut [Option<FileStatus>],
    ) {
        for &m in among.iter().filter(|&&m| m != kept) {
            statuses[m] = Some(FileStatus::Duplicate {
                kept: self.name(kept),
                identical: self.digest(m) == self.digest(kept),
                other_code,
            });
        }
    }

    /// Every file of `among` is in one conflict for `reason`: the group is listed once, and
    /// each file's status names a few of the others of `members` (the school's files: after
    /// a pick, the ones it shares the code with that now count).
    fn conflict(
        &mut self,
        reason: Conflict,
        among: &[usize],
        members: &[usize],
        statuses: &mut [Option<FileStatus>],
    ) {
        let group = self.decided.conflicts.len();
        // The files that count (settled by a pick) are named first, then their duplicates,
        // then the others in conflict: found once, not per file.
        let in_conflict: BTreeSet<usize> = among.iter().copied().collect();
        let (counting, duplicates): (Vec<usize>, Vec<usize>) = members
            .iter()
            .copied()
            .filter(|o| !in_conflict.contains(o))
            .partition(|&o| statuses[o].is_none());
        let counting: Vec<usize> = counting
            .into_iter()
            .chain(duplicates)
            .take(Listed::SHOWN)
            .collect();
        for &m in among {
            // A few of the others, and how many more: constant work per file, so a group of
            // 20,000 files is not 20,000² names.
            let mut with = Listed::of(
                counting
                    .iter()
                    .chain(among.iter())
                    .filter(|&&o| o != m)
                    .take(Listed::SHOWN)
                    .map(|&o| self.name(o)),
            );
            with.more = members.len() - 1 - with.shown.len();
            statuses[m] = Some(FileStatus::Conflict {
                reason: reason.clone(),
                group,
                with,
            });
        }
        self.decided.conflicts.push(ConflictGroup {
            reason,
            files: among.iter().map(|&m| self.name(m)).collect(),
        });
    }

    /// The school codes of `members` as the files write them, each once (compared
    /// normalised).
    fn codes(&self, members: &[usize]) -> Listed {
        self.written(members, |f| &f.school_code)
    }

    /// The school names of `members` as the files write them, each once.
    fn names(&self, members: &[usize]) -> Listed {
        self.written(members, |f| &f.school_name)
    }

    /// One field of `members` as the files write it, each value once (compared normalised).
    fn written(&self, members: &[usize], field: fn(&SchoolFacts) -> &String) -> Listed {
        let mut shown: BTreeSet<String> = BTreeSet::new();
        let mut out = Vec::new();
        for f in members.iter().filter_map(|&m| self.facts[m]) {
            if shown.insert(normalize(field(f))) {
                out.push(field(f).clone());
            }
        }
        Listed::of(out)
    }

    /// Of one checklist and year, the files that would count with one name and county under
    /// two codes or more (none from a roster: its codes are the county's): a 冲突 until the
    /// officer picks; the pick counts and the others of the name are its duplicates, which
    /// can be picked too (two schools of one name).
    fn one_name_two_codes(
        &mut self,
        who: &[(usize, Who)],
        rostered: &BTreeSet<usize>,
        picks: &BTreeSet<&str>,
        statuses: &mut [Option<FileStatus>],
    ) {
        // By name, county and school type: a 小学 and a 初中 of one name count on two sides.
        type Key<'k> = (&'k str, &'k str, Option<SchoolType>);
        let mut by_name: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
        for (n, w) in who {
            if statuses[*n].is_none()
                && !w.code.is_empty()
                && !w.name.is_empty()
                && !rostered.contains(n)
            {
                let t = self.facts[*n].map(|f| f.school_type);
                by_name
                    .entry((w.name.as_str(), w.county.as_str(), t))
                    .or_default()
                    .push(*n);
            }
        }
        for files in by_name.values().filter(|f| f.len() > 1) {
            let picked: Vec<usize> = files
                .iter()
                .copied()
                .filter(|&m| picks.contains(self.files[m].file.as_str()))
                .collect();
            match picked.first() {
                None => {
                    let codes = self.codes(files);
                    self.conflict(
                        Conflict::SameNameOtherCode { codes },
                        files,
                        files,
                        statuses,
                    );
                }
                Some(&kept) => {
                    let others: Vec<usize> = files
                        .iter()
                        .copied()
                        .filter(|m| *m == kept || !picked.contains(m))
                        .collect();
                    self.kept(kept, &others, true, statuses);
                }
            }
        }
    }

    /// The officer picked files of this group: each pick settles the files with its school
    /// name (and those without a name); a second pick for the same school is a clash, the
    /// first counts. Files under the same code with another name stay in conflict until one
    /// of them is picked too: a pick never makes another school's file a duplicate.
    fn settle(
        &mut self,
        members: &[usize],
        picked: &[usize],
        who: &[Option<&Who>],
        statuses: &mut [Option<FileStatus>],
    ) {
        let name = |m: usize| who[m].map_or("", |w| w.name.as_str());
        // A file without a name picked: it is the school of the whole group (a file without a
        // name cannot be another school's), and any other pick in the group is a second pick.
        if let Some(&p) = picked.iter().find(|&&p| name(p).is_empty()) {
            for &q in picked.iter().filter(|&&q| q != p) {
                self.decided.pick_clashes.push((self.name(p), self.name(q)));
            }
            self.kept(p, members, false, statuses);
            return;
        }
        let mut settled: BTreeMap<&str, usize> = BTreeMap::new();
        for &p in picked {
            match settled.get(name(p)) {
                Some(&first) => self
                    .decided
                    .pick_clashes
                    .push((self.name(first), self.name(p))),
                None => {
                    settled.insert(name(p), p);
                }
            }
        }
        let nameless_to = settled.values().next().copied();
        let mut rest = Vec::new();
        for (&n, &kept) in &settled {
            let same: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&m| name(m) == n || (name(m).is_empty() && Some(kept) == nameless_to))
                .collect();
            self.kept(kept, &same, false, statuses);
        }
        for &m in members {
            let is_settled =
                settled.contains_key(name(m)) || (name(m).is_empty() && nameless_to.is_some());
            if !is_settled {
                rest.push(m);
            }
        }
        if !rest.is_empty() {
            let names = self.names(members);
            self.conflict(
                Conflict::SameCodeOtherName { names },
                &rest,
                members,
                statuses,
            );
        }
    }

    /// No pick: one code with two names is a 冲突; otherwise the newest file counts, files
    /// from the future are flagged, and two equally new files that differ are a 冲突.
    fn decide(
        &mut self,
        members: &[usize],
        who: &[Option<&Who>],
        statuses: &mut [Option<FileStatus>],
    ) {
        // Most schools send one file: it counts unless it is dated in the future or held.
        if let &[m] = members {
            if self.time(m).is_some_and(|t| t > self.now) {
                statuses[m] = Some(FileStatus::FutureTime);
            } else if let Some(doubt) = self.held[m].clone() {
                statuses[m] = Some(FileStatus::EnrolmentDoubt { doubt });
            }
            return;
        }
        let names: BTreeSet<&str> = members
            .iter()
            .filter_map(|&m| who[m])
            .filter(|w| !w.code.is_empty() && !w.name.is_empty())
            .map(|w| w.name.as_str())
            .collect();
        if names.len() > 1 {
            let names = self.names(members);
            self.conflict(
                Conflict::SameCodeOtherName { names },
                members,
                members,
                statuses,
            );
            return;
        }
        let (future, present): (Vec<usize>, Vec<usize>) = members
            .iter()
            .partition(|&&m| self.time(m).is_some_and(|t| t > self.now));
        for &m in &future {
            statuses[m] = Some(FileStatus::FutureTime);
        }
        // Held files newer than the newest not held wait; the school's newest other file
        // counts meanwhile (older held files are its duplicates, as any older file).
        let newest_fine = present
            .iter()
            .filter(|&&m| self.held[m].is_none())
            .filter_map(|&m| self.time(m))
            .max();
        let (waiting, present): (Vec<usize>, Vec<usize>) = present.into_iter().partition(|&m| {
            self.held[m].is_some() && (newest_fine.is_none() || self.time(m) >= newest_fine)
        });
        for &m in &waiting {
            if let Some(doubt) = self.held[m].clone() {
                statuses[m] = Some(FileStatus::EnrolmentDoubt { doubt });
            }
        }
        let Some(newest) = present.iter().filter_map(|&m| self.time(m)).max() else {
            return;
        };
        let tied: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&m| self.time(m) == Some(newest))
            .collect();
        // The newest without a code, beside files with one: not taken unasked.
        let coded: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&m| who[m].is_some_and(|w| !w.code.is_empty()))
            .collect();
        if !coded.is_empty() && tied.iter().any(|&m| !coded.contains(&m)) {
            let codes = self.codes(&coded);
            for &m in present
                .iter()
                .filter(|m| !tied.contains(m) && !coded.contains(m))
            {
                statuses[m] = Some(FileStatus::Duplicate {
                    kept: self.name(tied[0]),
                    identical: false,
                    other_code: false,
                });
            }
            let among: Vec<usize> = present
                .iter()
                .copied()
                .filter(|m| tied.contains(m) || coded.contains(m))
                .collect();
            self.conflict(
                Conflict::NoCodeBesideCode { codes },
                &among,
                &among,
                statuses,
            );
            return;
        }
        let digests: BTreeSet<&str> = tied.iter().filter_map(|&m| self.digest(m)).collect();
        if digests.len() > 1 {
            for &m in present.iter().filter(|m| !tied.contains(m)) {
                statuses[m] = Some(FileStatus::Duplicate {
                    kept: self.name(tied[0]),
                    identical: false,
                    other_code: false,
                });
            }
            self.conflict(Conflict::SameTimeOtherContent, &tied, &tied, statuses);
            return;
        }
        self.kept(tied[0], &present, false, statuses);
    }
}

/// The roster's schools with no counted file for a school year assessed, nor one waiting for
/// the officer's pick, under any checklist the county accepts (a school that sent one is not
/// 未报送; a county that accepts a national checklist and its own variant expects one of
/// them). Only schools of a type some accepted checklist covers are expected to send anything.
pub(super) fn missing(
    settings: &CountySettings,
    known: &[&Checklist],
    rows: &[SchoolRow],
) -> Vec<MissingSchool> {
    let mut reported: BTreeSet<(&str, &str)> = BTreeSet::new();
    // A file the officer can pick (a 冲突, a date in the future) was sent: it waits for the
    // officer's choice, listed with its group, not for the school.
    for r in rows
        .iter()
        .filter(|r| r.status.counted() || r.status.can_pick())
    {
        if let Some(m) = &r.roster {
            reported.insert((r.school_year.as_str(), m.code.as_str()));
        }
    }
    let covered: BTreeSet<SchoolType> = settings
        .accepted
        .iter()
        .filter_map(|a| known.iter().find(|c| c.is(&a.id, &a.version, &a.sha256)))
        .flat_map(|c| c.doc().school_types.iter().copied())
        .collect();
    let mut out = Vec::new();
    for year in &settings.school_years {
        for school in &settings.roster {
            if covered.contains(&school.school_type)
                && !reported.contains(&(year.as_str(), school.code.as_str()))
            {
                out.push(MissingSchool {
                    school_year: year.clone(),
                    code: school.code.clone(),
                    name: school.name.clone(),
                    township: school.township.clone(),
                    school_type: school.school_type,
                });
            }
        }
    }
    out
}
