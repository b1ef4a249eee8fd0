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

/// The officer's draw, kept with the batch: how many, with which seed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitPlan {
    pub count: usize,
    pub seed: u64,
}

/// Why a school is in the sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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

/// The rows a draw chooses among: one counted file per school, of the newest school year
/// counted, in the order of their school codes (then file names), so the draw does not
/// depend on the order files were dropped.
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
    rows.sort_by_key(|&n| {
        let r = &report.schools[n];
        (identity::school_code(&r.school_code), r.file.clone())
    });
    rows
}

/// Draws `count` schools (all of them when there are fewer) with `seed`.
pub fn draw(report: &CountyReport, count: usize, seed: u64) -> Vec<Visit> {
    let rows = candidates(report);
    let mut flags: BTreeMap<usize, usize> = BTreeMap::new();
    for f in &report.flags {
        *flags.entry(f.row).or_default() += 1;
    }
    let mut rng = oorandom::Rand64::new(u128::from(seed));
    let count = count.min(rows.len());
    let mut out: Vec<Visit> = Vec::with_capacity(count);
    // Weighted, without replacement: each flagged school's key is u^(1/w) (Efraimidis and
    // Spirakis); the largest keys win.
    let mut flagged: Vec<(f64, usize, usize)> = rows
        .iter()
        .filter_map(|&n| flags.get(&n).map(|&w| (n, w)))
        .map(|(n, w)| {
            let u = rng.rand_float().max(f64::MIN_POSITIVE);
            (u.powf(1.0 / w as f64), n, w)
        })
        .collect();
    flagged.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    for &(_, row, w) in flagged.iter().take(count.div_ceil(2)) {
        out.push(Visit {
            row,
            drawn: Drawn::Flagged { flags: w },
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
