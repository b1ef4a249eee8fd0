//! Two school years in one batch: each counted file beside its school's counted file of the
//! year before (the file it says it continues, else the same school's file of the previous
//! year), what changed between them, and whether last year's 整改清单 is reported on.

use super::identity::{self, Who};
use super::{CountyReport, IndicatorCell, SchoolFacts, SchoolRow};
use crate::core::answers::Part;
use crate::core::history::Change;
use crate::core::model::Comparison;
use crate::core::school_year::year_before;
use crate::core::score::Outcome;
use serde::Serialize;

/// Whether a file reports on its school's 整改 rows of last year (上年整改落实情况).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FollowUp {
    /// No 整改 rows of last year are known for this school.
    #[default]
    NotDue,
    /// The file reports on last year's rows: how many, how many are done, how many say nothing
    /// yet.
    Reported {
        rows: usize,
        done: usize,
        unset: usize,
    },
    /// The school's counted file of last year has 整改 rows and this file reports on none of
    /// them (it was not started from last year's file).
    Missing { rows: usize },
}

impl FollowUp {
    /// The county should ask the school about last year's rows.
    pub fn wanting(&self) -> bool {
        match self {
            FollowUp::NotDue => false,
            FollowUp::Reported { unset, .. } => *unset > 0,
            FollowUp::Missing { .. } => true,
        }
    }
}

/// Links each counted row to its school's counted row of the year before and says whether it
/// reports on last year's 整改 rows. `facts[n]` are row `n`'s facts, if readable.
pub(super) fn link(rows: &mut [SchoolRow], facts: &[Option<&SchoolFacts>]) {
    let counted: Vec<(usize, Who)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status.counted())
        .filter_map(|(n, _)| {
            facts[n].map(|f| (n, Who::new(&f.school_code, &f.school_name, &f.county)))
        })
        .collect();
    for school in identity::group(&counted) {
        for &n in &school {
            let Some(f) = facts[n] else { continue };
            let continued = f.previous.as_ref().and_then(|digest| {
                school
                    .iter()
                    .copied()
                    .find(|&m| facts[m].is_some_and(|p| &p.digest == digest))
            });
            let before = year_before(&f.school_year).and_then(|year| {
                let of_year = |m: &usize| facts[*m].is_some_and(|p| p.school_year == year);
                // The same checklist first: a school may hand in two checklists a year.
                school
                    .iter()
                    .copied()
                    .filter(of_year)
                    .find(|&m| rows[m].checklist == rows[n].checklist)
                    .or_else(|| school.iter().copied().find(of_year))
            });
            let last = continued.or(before);
            rows[n].last_year = last;
            let last_rows = last.and_then(|m| facts[m]).map_or(0, |p| p.plan_rows);
            rows[n].follow_up = if f.review.rows > 0 {
                FollowUp::Reported {
                    rows: f.review.rows,
                    done: f.review.done,
                    unset: f.review.unset,
                }
            } else if last_rows > 0 {
                FollowUp::Missing { rows: last_rows }
            } else {
                FollowUp::NotDue
            };
        }
    }
}

/// A resource indicator of one part, last year and this.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorChange {
    pub item: String,
    pub part: Part,
    pub last: Option<f64>,
    pub this: Option<f64>,
    pub change: Change,
}

/// What changed for a school between its counted files of two years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolChange {
    /// Last year's row in the report.
    pub last: usize,
    /// Points this year minus last year (the two years' maxima may differ: see `max`).
    pub points: f64,
    /// The share of points, compared.
    pub total: Change,
    pub grade_changed: bool,
    pub indicators: Vec<IndicatorChange>,
}

fn short(o: Outcome) -> bool {
    matches!(o, Outcome::NotMet | Outcome::Near | Outcome::Partial)
}

fn met(o: Outcome) -> bool {
    o == Outcome::Met
}

fn indicator_change(last: Option<&IndicatorCell>, this: Option<&IndicatorCell>) -> Change {
    match (last, this) {
        (None, None) => Change::Same,
        (None, Some(_)) => Change::New,
        (Some(_), None) => Change::Dropped,
        (Some(l), Some(t)) => {
            if matches!(t.outcome, Outcome::Missing | Outcome::Invalid) {
                Change::Pending
            } else if met(l.outcome) && short(t.outcome) {
                Change::NewlyShort
            } else if short(l.outcome) && met(t.outcome) {
                Change::Resolved
            } else {
                // Up is better, unless this year's rule is a ceiling (≤, <).
                let lower_is_better =
                    matches!(t.rule, Some(Comparison::Le { .. } | Comparison::Lt { .. }));
                match (l.value, t.value) {
                    (Some(a), Some(b)) if (b - a).abs() <= 1e-9 => Change::Same,
                    (Some(a), Some(b)) if (b > a) != lower_is_better => Change::Improved,
                    (Some(_), Some(_)) => Change::Worse,
                    _ => Change::Same,
                }
            }
        }
    }
}

fn share(earned: f64, max: f64) -> Option<f64> {
    (max > 0.0).then(|| earned / max)
}

impl CountyReport {
    /// The school years of the counted files, oldest first.
    pub fn school_years(&self) -> Vec<&str> {
        let mut years: Vec<&str> = self
            .schools
            .iter()
            .filter(|s| s.status.counted())
            .map(|s| s.school_year.as_str())
            .collect();
        years.sort_unstable();
        years.dedup();
        years
    }

    /// Row `n` against its school's row of the year before, if the batch has one.
    pub fn change_of(&self, n: usize) -> Option<SchoolChange> {
        let this = self.schools.get(n)?;
        let last_n = this.last_year?;
        let last = self.schools.get(last_n)?;
        let mut indicators: Vec<IndicatorChange> = this
            .indicators
            .iter()
            .map(|t| {
                let l = last
                    .indicators
                    .iter()
                    .find(|l| l.item == t.item && l.part == t.part);
                IndicatorChange {
                    item: t.item.clone(),
                    part: t.part,
                    last: l.and_then(|l| l.value),
                    this: t.value,
                    change: indicator_change(l, Some(t)),
                }
            })
            .collect();
        for l in last.indicators.iter().filter(|l| {
            !this
                .indicators
                .iter()
                .any(|t| t.item == l.item && t.part == l.part)
        }) {
            indicators.push(IndicatorChange {
                item: l.item.clone(),
                part: l.part,
                last: l.value,
                this: None,
                change: Change::Dropped,
            });
        }
        let total = match (share(last.earned, last.max), share(this.earned, this.max)) {
            (Some(a), Some(b)) if b > a + 1e-9 => Change::Improved,
            (Some(a), Some(b)) if b < a - 1e-9 => Change::Worse,
            _ => Change::Same,
        };
        Some(SchoolChange {
            last: last_n,
            points: this.earned - last.earned,
            total,
            grade_changed: this.grade != last.grade || this.vetoed != last.vetoed,
            indicators,
        })
    }

    /// The counted files whose school should be asked about last year's 整改 rows.
    pub fn follow_ups_wanting(&self) -> impl Iterator<Item = (usize, &SchoolRow)> {
        self.schools
            .iter()
            .enumerate()
            .filter(|(_, s)| s.status.counted() && s.follow_up.wanting())
    }
}
