//! Which file counts for each school: the one the officer picked, else the newest; none while
//! the files disagree about who the school is or two equally new files differ.

use super::identity::{group, Who};
use super::{Conflict, FileFacts, FileStatus, Options, SchoolFacts};
use crate::core::checklist::Checklist;

fn millis(time: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(time)
        .ok()
        .map(|t| t.timestamp_millis())
}

/// For every school (per checklist id), which of its files counts: the one the officer
/// picked, else the newest; none while the files disagree about who the school is or two
/// equally new files differ. Files dated after "now" are flagged.
pub(super) fn decide(
    files: &[FileFacts],
    readable: &[(usize, &SchoolFacts, &Checklist)],
    options: &Options,
    statuses: &mut [Option<FileStatus>],
) {
    let now = millis(options.now).unwrap_or(i64::MAX);
    let name = |n: usize| files[n].file.clone();
    let mut ids: Vec<&str> = readable.iter().map(|r| r.2.doc().id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let who: Vec<(usize, Who)> = readable
            .iter()
            .filter(|r| r.2.doc().id == id)
            .map(|(n, f, _)| (*n, Who::new(&f.school_code, &f.school_name, &f.county)))
            .collect();
        let verified = |n: usize| readable.iter().find(|r| r.0 == n).map(|r| r.1);
        for members in group(&who) {
            // Every file of `among` but `kept` is a duplicate of it.
            let kept_by = |kept: usize, among: &[usize], statuses: &mut [Option<FileStatus>]| {
                for &m in among.iter().filter(|&&m| m != kept) {
                    let identical =
                        verified(m).map(|f| &f.digest) == verified(kept).map(|f| &f.digest);
                    statuses[m] = Some(FileStatus::Duplicate {
                        kept: name(kept),
                        identical,
                    });
                }
            };
            if let Some(&picked) = members.iter().find(|&&m| options.picks.contains(&name(m))) {
                kept_by(picked, &members, statuses);
                continue;
            }
            let mut names: Vec<String> = Vec::new();
            for (_, w) in who
                .iter()
                .filter(|(n, w)| members.contains(n) && !w.code.is_empty())
            {
                if !names.contains(&w.name) {
                    names.push(w.name.clone());
                }
            }
            if names.len() > 1 {
                let shown: Vec<String> = members
                    .iter()
                    .filter_map(|&m| verified(m).map(|f| f.school_name.clone()))
                    .fold(Vec::new(), |mut acc, n| {
                        if !acc.contains(&n) {
                            acc.push(n);
                        }
                        acc
                    });
                for &m in &members {
                    statuses[m] = Some(FileStatus::Conflict {
                        reason: Conflict::SameCodeOtherName {
                            names: shown.clone(),
                        },
                        with: members
                            .iter()
                            .filter(|&&o| o != m)
                            .map(|&o| name(o))
                            .collect(),
                    });
                }
                continue;
            }
            let time = |m: usize| verified(m).and_then(|f| millis(&f.exported));
            let (future, present): (Vec<usize>, Vec<usize>) = members
                .iter()
                .partition(|&&m| time(m).is_some_and(|t| t > now));
            for &m in &future {
                statuses[m] = Some(FileStatus::FutureTime);
            }
            let Some(newest) = present.iter().filter_map(|&m| time(m)).max() else {
                continue;
            };
            let tied: Vec<usize> = present
                .iter()
                .copied()
                .filter(|&m| time(m) == Some(newest))
                .collect();
            let mut digests: Vec<&String> = tied
                .iter()
                .filter_map(|&m| verified(m).map(|f| &f.digest))
                .collect();
            digests.sort();
            digests.dedup();
            if digests.len() > 1 {
                for &m in &present {
                    statuses[m] = Some(if tied.contains(&m) {
                        FileStatus::Conflict {
                            reason: Conflict::SameTimeOtherContent,
                            with: tied.iter().filter(|&&o| o != m).map(|&o| name(o)).collect(),
                        }
                    } else {
                        FileStatus::Duplicate {
                            kept: name(tied[0]),
                            identical: false,
                        }
                    });
                }
                continue;
            }
            kept_by(tied[0], &present, statuses);
        }
    }
    // A counted file is Ok, or says what is off about it.
    for (n, f, _) in readable {
        if statuses[*n].is_none() {
            let c = f.completion;
            statuses[*n] = Some(if !f.result_matches {
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
