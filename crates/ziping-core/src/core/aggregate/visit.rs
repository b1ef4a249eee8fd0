//! 实地核查抽样: the schools a county visits, drawn reproducibly. Half the visits (rounded up)
//! go to flagged schools, drawn with a chance in proportion to their flags (数据核查); the rest
//! are drawn at random from all the others. The same batch, count and seed draw the same
//! schools: the seed is printed on every 核查单, so anyone can draw again and check.
//!
//! The generator is PCG32 (`oorandom`), whose output for a seed is fixed by its publication.

use super::identity;
use super::CountyReport;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The officer's draw, kept with the batch: how many, with which seed, among how many
/// schools, and the files it drew then with how (files added later would draw others: the
/// sample stays the one printed, as it was drawn).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitPlan {
    pub count: usize,
    pub seed: u64,
    #[serde(default)]
    pub schools: usize,
    #[serde(default)]
    pub files: Vec<(String, Drawn)>,
}

impl VisitPlan {
    /// Draws `count` of `report`'s schools with `seed`, and keeps what it drew.
    pub fn draw(report: &CountyReport, count: usize, seed: u64) -> VisitPlan {
        let files = draw(report, count, seed)
            .iter()
            .map(|v| (report.schools[v.row].file.clone(), v.drawn))
            .collect();
        VisitPlan {
            count,
            seed,
            schools: candidates(report).len(),
            files,
        }
    }

    /// Whether the batch changed since the draw: other schools to draw from (the summary's
    /// "从 N 所学校中抽取" is then not today's), or drawing again would draw other files.
    pub fn changed(&self, report: &CountyReport) -> bool {
        candidates(report).len() != self.schools
            || VisitPlan::draw(report, self.count, self.seed).files != self.files
    }
}

/// Why a school is in the sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Drawn {
    /// Drawn among the flagged schools, weighted by its `flags`.
    Flagged { flags: usize },
    /// Drawn at random among the others.
    Random,
}

/// One school to visit: its row in the school table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Visit {
    pub row: usize,
    pub drawn: Drawn,
}

/// The rows a draw chooses among: one counted file per school (its code, or without one its
/// file), of the newest school year counted, in the order of their school codes then file
/// names, so the draw does not depend on the order files were dropped.
pub fn candidates(report: &CountyReport) -> Vec<usize> {
    let newest = report
        .schools
        .iter()
        .filter(|r| r.status.counted())
        .map(|r| r.school_year.as_str())
        .max();
    let mut rows: Vec<usize> = (0..report.schools.len())
        .filter(|&n| {
            let r = &report.schools[n];
            r.status.counted() && Some(r.school_year.as_str()) == newest
        })
        .collect();
    let school = |n: usize| {
        let r = &report.schools[n];
        let code = identity::school_code(&r.school_code);
        (code.is_empty(), code, r.file.clone())
    };
    rows.sort_by_cached_key(|&n| school(n));
    // A school that sent files under two checklists is one school to visit.
    rows.dedup_by_key(|n| {
        let (no_code, code, file) = school(*n);
        if no_code {
            file
        } else {
            code
        }
    });
    rows
}

/// Draws `count` schools (all of them when there are fewer) with `seed`. Whole numbers only
/// (no floating point), so every engine draws the same schools.
pub fn draw(report: &CountyReport, count: usize, seed: u64) -> Vec<Visit> {
    let rows = candidates(report);
    // A school's flags count for the school, whichever of its files carries them: summed by
    // school code once (a province's batch has as many flagged rows as schools).
    let code_of = |n: usize| identity::school_code(&report.schools[n].school_code);
    let mut by_row: BTreeMap<usize, u64> = BTreeMap::new();
    for f in &report.flags {
        *by_row.entry(f.row).or_default() += 1;
    }
    let mut by_code: BTreeMap<String, u64> = BTreeMap::new();
    for (&row, &w) in &by_row {
        let code = code_of(row);
        if !code.is_empty() {
            *by_code.entry(code).or_default() += w;
        }
    }
    let weight = |n: usize| -> u64 {
        let code = code_of(n);
        if code.is_empty() {
            by_row.get(&n).copied().unwrap_or(0)
        } else {
            by_code.get(&code).copied().unwrap_or(0)
        }
    };
    let mut rng = oorandom::Rand64::new(u128::from(seed));
    let count = count.min(rows.len());
    let mut out: Vec<Visit> = Vec::with_capacity(count);
    // Weighted, without replacement: a school with 3 flags is 3 times as likely as one with 1.
    let mut flagged: Vec<(usize, u64)> = rows
        .iter()
        .map(|&n| (n, weight(n)))
        .filter(|(_, w)| *w > 0)
        .collect();
    while out.len() < count.div_ceil(2) && !flagged.is_empty() {
        let total: u64 = flagged.iter().map(|f| f.1).sum();
        let mut x = rng.rand_range(0..total);
        let k = flagged
            .iter()
            .position(|&(_, w)| {
                let hit = x < w;
                x = x.saturating_sub(w);
                hit
            })
            .unwrap_or(0);
        let (row, w) = flagged.remove(k);
        out.push(Visit {
            row,
            drawn: Drawn::Flagged { flags: w as usize },
        });
    }
    // The rest at random among the schools not drawn yet (a partial Fisher–Yates shuffle).
    let mut rest: Vec<usize> = rows
        .iter()
        .copied()
        .filter(|n| !out.iter().any(|v| v.row == *n))
        .collect();
    let need = count - out.len();
    for k in 0..need {
        let j = k + rng.rand_range(0..(rest.len() - k) as u64) as usize;
        rest.swap(k, j);
        out.push(Visit {
            row: rest[k],
            drawn: Drawn::Random,
        });
    }
    out
}

/// Why the count or the seed the officer typed cannot draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DrawProblem {
    /// Not a whole number from 1 to `schools`.
    Count { schools: usize },
    /// Not a whole number of at most 18 digits.
    Seed,
}

/// A whole number typed by a person: ASCII or full-width digits, spaces around. (Not
/// `answers::parse_number`: a seed has up to 18 digits, more than a float keeps.)
fn whole_number(text: &str) -> Option<u64> {
    let digits: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The count and seed as the officer typed them, for a draw among `schools` schools.
pub fn read_draw(count: &str, seed: &str, schools: usize) -> Result<(usize, u64), DrawProblem> {
    let count = whole_number(count)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| (1..=schools).contains(n))
        .ok_or(DrawProblem::Count { schools })?;
    let seed = whole_number(seed)
        .filter(|s| *s <= 999_999_999_999_999_999)
        .ok_or(DrawProblem::Seed)?;
    Ok((count, seed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_and_seed_are_read_as_typed_or_named_as_wrong() {
        assert_eq!(read_draw(" ２ ", "20261206", 4), Ok((2, 20261206)));
        assert_eq!(read_draw("4", "0", 4), Ok((4, 0)));
        for count in ["0", "5", "abc", "-1", "1.5", "", "1e1"] {
            assert_eq!(
                read_draw(count, "1", 4),
                Err(DrawProblem::Count { schools: 4 }),
                "{count}"
            );
        }
        for seed in ["-5", "1.5", "", "x", "1234567890123456789"] {
            assert_eq!(read_draw("1", seed, 4), Err(DrawProblem::Seed), "{seed}");
        }
    }
}
