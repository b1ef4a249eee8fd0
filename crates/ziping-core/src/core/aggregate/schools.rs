//! Which file counts for each school: the one the officer picked, else the newest; none while
//! the files disagree about who the school is or two equally new files differ. Linear in the
//! files apart from sorting (a province has 10,000 schools).

use super::identity::{group, Who};
use super::{Conflict, FileFacts, FileStatus, Options, SchoolFacts};
use crate::core::checklist::Checklist;
use std::collections::{BTreeMap, BTreeSet};

fn millis(time: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(time)
        .ok()
        .map(|t| t.timestamp_millis())
}

/// For every school (per checklist id), which of its files counts: the one the officer
/// picked, else the newest; none while the files disagree about who the school is or two
/// equally new files differ. Files dated after "now" are flagged.
pub(super) fn decide(
    files: &[&FileFacts],
    readable: &[(usize, &SchoolFacts, &Checklist)],
    options: &Options,
    statuses: &mut [Option<FileStatus>],
) {
    let now = millis(options.now).unwrap_or(i64::MAX);
    let mut facts: Vec<Option<&SchoolFacts>> = vec![None; files.len()];
    // Per checklist and school year: a school's files of two years are two years.
    let mut by_checklist: BTreeMap<(&str, &str), Vec<(usize, Who)>> = BTreeMap::new();
    for &(n, f, c) in readable {
        facts[n] = Some(f);
        by_checklist
            .entry((c.doc().id.as_str(), f.school_year.as_str()))
            .or_default()
            .push((n, Who::new(&f.school_code, &f.school_name, &f.county)));
    }
    let picks: BTreeSet<&str> = options.picks.iter().map(String::as_str).collect();
    let school = School {
        files,
        facts: &facts,
        now,
    };
    for who in by_checklist.values() {
        let coded: BTreeMap<usize, &Who> = who
            .iter()
            .filter(|(_, w)| !w.code.is_empty())
            .map(|(n, w)| (*n, w))
            .collect();
        for members in group(who) {
            let picked = members
                .iter()
                .copied()
                .find(|&m| picks.contains(files[m].file.as_str()));
            match picked {
                Some(kept) => school.kept(kept, &members, statuses),
                None => school.decide(&members, &coded, statuses),
            }
        }
    }
    // A counted file is Ok, or says what is off about it.
    for &(n, f, _) in readable {
        if statuses[n].is_none() {
            let c = f.completion;
            statuses[n] = Some(if !f.result_matches {
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
}

/// What deciding one school's files needs: their names, facts and "now".
struct School<'a> {
    files: &'a [&'a FileFacts],
    facts: &'a [Option<&'a SchoolFacts>],
    now: i64,
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

    /// Every file of `among` but `kept` is a duplicate of it.
    fn kept(&self, kept: usize, among: &[usize], statuses: &mut [Option<FileStatus>]) {
        for &m in among.iter().filter(|&&m| m != kept) {
            statuses[m] = Some(FileStatus::Duplicate {
                kept: self.name(kept),
                identical: self.digest(m) == self.digest(kept),
            });
        }
    }

    fn others(&self, m: usize, among: &[usize]) -> Vec<String> {
        among
            .iter()
            .filter(|&&o| o != m)
            .map(|&o| self.name(o))
            .collect()
    }

    /// No pick: one code with two names is a 冲突; otherwise the newest file counts, files
    /// from the future are flagged, and two equally new files that differ are a 冲突.
    fn decide(
        &self,
        members: &[usize],
        coded: &BTreeMap<usize, &Who>,
        statuses: &mut [Option<FileStatus>],
    ) {
        let names: BTreeSet<&str> = members
            .iter()
            .filter_map(|m| coded.get(m))
            .map(|w| w.name.as_str())
            .collect();
        if names.len() > 1 {
            let mut shown: Vec<String> = Vec::new();
            for f in members.iter().filter_map(|&m| self.facts[m]) {
                if !shown.contains(&f.school_name) {
                    shown.push(f.school_name.clone());
                }
            }
            for &m in members {
                statuses[m] = Some(FileStatus::Conflict {
                    reason: Conflict::SameCodeOtherName {
                        names: shown.clone(),
                    },
                    with: self.others(m, members),
                });
            }
            return;
        }
        let (future, present): (Vec<usize>, Vec<usize>) = members
            .iter()
            .partition(|&&m| self.time(m).is_some_and(|t| t > self.now));
        for &m in &future {
            statuses[m] = Some(FileStatus::FutureTime);
        }
        let Some(newest) = present.iter().filter_map(|&m| self.time(m)).max() else {
            return;
        };
        let tied: Vec<usize> = present
            .iter()
            .copied()
            .filter(|&m| self.time(m) == Some(newest))
            .collect();
        let digests: BTreeSet<&str> = tied.iter().filter_map(|&m| self.digest(m)).collect();
        if digests.len() > 1 {
            for &m in &present {
                statuses[m] = Some(if tied.contains(&m) {
                    FileStatus::Conflict {
                        reason: Conflict::SameTimeOtherContent,
                        with: self.others(m, &tied),
                    }
                } else {
                    FileStatus::Duplicate {
                        kept: self.name(tied[0]),
                        identical: false,
                    }
                });
            }
            return;
        }
        self.kept(tied[0], &present, statuses);
    }
}
