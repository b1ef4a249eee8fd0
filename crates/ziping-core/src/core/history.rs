//! Year over year: last year's result beside this year's. Self-evaluation is a cycle (rate,
//! rectify, report what changed); this compares two results item by item, indicator by
//! indicator and area by area, across checklist versions (items matched by id).
//!
//! Last year's side is read from last year's submission: recomputed when its checklist is on
//! this computer, else from the result the file stores (its digest proves it is the file the
//! school sent). Only what a comparison needs is kept ([`YearResult`]).

use crate::core::answers::Part;
use crate::core::export::StoredResult;
use crate::core::json::FieldProblem;
use crate::core::model::{Comparison, SchoolType};
use crate::core::score::{Assessment, Outcome, Tally};
use serde::{Deserialize, Serialize};

/// One part of an item, as a comparison needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartSummary {
    pub part: Part,
    pub outcome: Outcome,
    #[serde(default)]
    pub value: Option<f64>,
    #[serde(default)]
    pub rule: Option<Comparison>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemSummary {
    pub id: String,
    pub applicable: bool,
    pub earned: f64,
    pub max: f64,
    pub parts: Vec<PartSummary>,
}

/// An area's points (the stored result's area has its tally inside).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaSummary {
    pub tally: Tally,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GradeSummary {
    #[serde(default)]
    pub band: Option<String>,
    pub vetoed: bool,
}

/// A year's result, as far as comparing two years needs it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearResult {
    pub school_type: SchoolType,
    pub items: Vec<ItemSummary>,
    pub indicators: Vec<Tally>,
    pub areas: Vec<AreaSummary>,
    pub total: Tally,
    #[serde(default)]
    pub percent: Option<f64>,
    pub grade: GradeSummary,
}

impl YearResult {
    pub fn of(a: &Assessment) -> YearResult {
        YearResult {
            school_type: a.school_type,
            items: a
                .items
                .iter()
                .map(|i| ItemSummary {
                    id: i.id.clone(),
                    applicable: i.applicable,
                    earned: i.earned,
                    max: i.max,
                    parts: i
                        .parts
                        .iter()
                        .map(|p| PartSummary {
                            part: p.part,
                            outcome: p.outcome,
                            value: p.value,
                            rule: p.rule,
                        })
                        .collect(),
                })
                .collect(),
            indicators: a.indicators.clone(),
            areas: a
                .areas
                .iter()
                .map(|x| AreaSummary {
                    tally: x.tally.clone(),
                })
                .collect(),
            total: a.total.clone(),
            percent: a.percent,
            grade: GradeSummary {
                band: a.grade.band.clone(),
                vetoed: a.grade.vetoed,
            },
        }
    }

    /// Reads what a comparison needs from a result as a file stores it.
    pub fn from_stored(stored: &StoredResult) -> Result<YearResult, FieldProblem> {
        stored.read().map_err(|e| FieldProblem::from_serde(&e))
    }

    fn item(&self, id: &str) -> Option<&ItemSummary> {
        self.items.iter().find(|i| i.id == id)
    }
}

/// How an item, indicator or area moved from last year to this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// More points, still short or never short.
    Improved,
    Worse,
    Same,
    /// Met last year, short this year.
    NewlyShort,
    /// Short last year, met this year.
    Resolved,
    /// Not in last year's checklist (or did not apply then).
    New,
    /// In last year's checklist only (or does not apply now).
    Dropped,
    /// This year's answer is not in yet.
    Pending,
}

/// One part of an item, both years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartChange {
    pub part: Part,
    pub last: Option<PartSummary>,
    pub this: Option<PartSummary>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemChange {
    pub id: String,
    pub change: Change,
    /// The standard is not the same in both years' checklists (a new version): the two
    /// outcomes were judged by different rules.
    pub threshold_changed: bool,
    pub last_earned: Option<f64>,
    pub this_earned: Option<f64>,
    pub max: f64,
    pub parts: Vec<PartChange>,
}

/// Points of an indicator, an area or the total, both years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TallyChange {
    pub id: String,
    pub last: Option<Tally>,
    pub this: Option<Tally>,
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearComparison {
    /// Every item of either year: this year's order, then last year's dropped ones.
    pub items: Vec<ItemChange>,
    pub indicators: Vec<TallyChange>,
    pub areas: Vec<TallyChange>,
    pub total: TallyChange,
    /// The school's type changed (a 九年一贯制 school's parts compare only where both years
    /// have them).
    pub type_changed: bool,
    pub last_grade: GradeSummary,
    pub this_grade: GradeSummary,
}

impl YearComparison {
    pub fn count(&self, change: Change) -> usize {
        self.items.iter().filter(|i| i.change == change).count()
    }
}

fn short(o: Outcome) -> bool {
    matches!(o, Outcome::NotMet | Outcome::Near | Outcome::Partial)
}

fn pending(o: Outcome) -> bool {
    matches!(o, Outcome::Missing | Outcome::Invalid)
}

/// A share of points, to compare years whose maxima differ (a new version's points).
fn share(earned: f64, max: f64) -> Option<f64> {
    (max > 0.0).then(|| earned / max)
}

fn by_points(last: Option<f64>, this: Option<f64>) -> Change {
    match (last, this) {
        (Some(a), Some(b)) if b > a + 1e-9 => Change::Improved,
        (Some(a), Some(b)) if b < a - 1e-9 => Change::Worse,
        (Some(_), Some(_)) => Change::Same,
        (None, Some(_)) => Change::New,
        (Some(_), None) => Change::Dropped,
        (None, None) => Change::Same,
    }
}

fn item_change(last: Option<&ItemSummary>, this: Option<&ItemSummary>) -> Change {
    match (last.filter(|i| i.applicable), this.filter(|i| i.applicable)) {
        (None, None) => Change::Same,
        (None, Some(_)) => Change::New,
        (Some(_), None) => Change::Dropped,
        (Some(l), Some(t)) => {
            if t.parts.iter().any(|p| pending(p.outcome)) {
                return Change::Pending;
            }
            let was = l.parts.iter().any(|p| short(p.outcome));
            let is = t.parts.iter().any(|p| short(p.outcome));
            match (was, is) {
                (false, true) => Change::NewlyShort,
                (true, false) => Change::Resolved,
                _ => by_points(share(l.earned, l.max), share(t.earned, t.max)),
            }
        }
    }
}

fn tallies(last: &[Tally], this: &[Tally]) -> Vec<TallyChange> {
    let mut out: Vec<TallyChange> = this
        .iter()
        .map(|t| {
            let l = last.iter().find(|l| l.id == t.id);
            TallyChange {
                id: t.id.clone(),
                last: l.cloned(),
                this: Some(t.clone()),
                change: by_points(
                    l.and_then(|l| share(l.earned, l.max)),
                    share(t.earned, t.max),
                ),
            }
        })
        .collect();
    for l in last.iter().filter(|l| !this.iter().any(|t| t.id == l.id)) {
        out.push(TallyChange {
            id: l.id.clone(),
            last: Some(l.clone()),
            this: None,
            change: Change::Dropped,
        });
    }
    out
}

/// The part of a 九年一贯制 school that a 小学 or 初中 of the other year is, when one year is
/// one and the other the other: what the two years have in common.
fn common_part(last: SchoolType, this: SchoolType) -> Option<Part> {
    let side = |t: SchoolType| match t {
        SchoolType::Primary => Some(Part::Primary),
        SchoolType::Junior => Some(Part::Junior),
        SchoolType::NineYear => None,
    };
    match (last, this) {
        (SchoolType::NineYear, t) | (t, SchoolType::NineYear) => side(t),
        _ => None,
    }
}

/// An item judged per part in the 九年一贯制 year, seen in `part` only: the 九年一贯制 year's
/// `part`, and the other year's whole school as that part. Points are the whole item's, so
/// they are left out (`max` 0): the change is the outcome's. `None` when the 九年一贯制 year
/// does not judge the item in `part` (a 初中 item beside a 小学): nothing both years have.
fn in_part(item: &ItemSummary, part: Part, nine_year: bool) -> Option<ItemSummary> {
    let parts: Vec<PartSummary> = item
        .parts
        .iter()
        .filter(|p| {
            if nine_year {
                p.part == part
            } else {
                p.part == Part::Whole
            }
        })
        .map(|p| PartSummary { part, ..p.clone() })
        .collect();
    (!parts.is_empty() || !item.applicable).then(|| ItemSummary {
        earned: 0.0,
        max: 0.0,
        parts,
        ..item.clone()
    })
}

/// Last year beside this year.
pub fn compare(last: &YearResult, this: &YearResult) -> YearComparison {
    let mut items: Vec<ItemChange> = Vec::new();
    let ids = this.items.iter().map(|i| i.id.as_str()).chain(
        last.items
            .iter()
            .map(|i| i.id.as_str())
            .filter(|id| this.item(id).is_none()),
    );
    let common = common_part(last.school_type, this.school_type);
    for id in ids {
        let (whole_l, whole_t) = (last.item(id), this.item(id));
        let (mut l, mut t) = (whole_l, whole_t);
        let mut in_one_part = false;
        // A school that changed between 小学 / 初中 and 九年一贯制: an item the 九年一贯制 year
        // judges per part is compared in the part both years have, or not at all.
        let aligned;
        if let Some(part) = common {
            let nine = if last.school_type == SchoolType::NineYear {
                l
            } else {
                t
            };
            let per_part = nine.is_some_and(|i| i.parts.iter().any(|p| p.part != Part::Whole));
            if per_part {
                let l2 = l.and_then(|i| in_part(i, part, last.school_type == SchoolType::NineYear));
                let t2 = t.and_then(|i| in_part(i, part, this.school_type == SchoolType::NineYear));
                let has = |i: &Option<ItemSummary>| i.as_ref().is_some_and(|i| !i.parts.is_empty());
                if !has(&l2) || !has(&t2) {
                    continue;
                }
                aligned = (l2, t2);
                (l, t) = (aligned.0.as_ref(), aligned.1.as_ref());
                in_one_part = true;
            }
        }
        let mut parts: Vec<PartChange> = Vec::new();
        for p in t
            .into_iter()
            .flat_map(|t| &t.parts)
            .chain(l.into_iter().flat_map(|l| &l.parts))
        {
            if parts.iter().any(|c| c.part == p.part) {
                continue;
            }
            let find = |i: Option<&ItemSummary>| {
                i.and_then(|i| i.parts.iter().find(|q| q.part == p.part))
                    .cloned()
            };
            parts.push(PartChange {
                part: p.part,
                last: find(l),
                this: find(t),
            });
        }
        let threshold_changed = parts.iter().any(|p| match (&p.last, &p.this) {
            (Some(a), Some(b)) => a.rule.is_some() && b.rule.is_some() && a.rule != b.rule,
            _ => false,
        });
        // Points of an item seen in one part only are not that part's: not shown.
        let points =
            |i: Option<&ItemSummary>| i.filter(|i| i.applicable && !in_one_part).map(|i| i.earned);
        items.push(ItemChange {
            id: id.to_string(),
            change: item_change(l, t),
            threshold_changed,
            last_earned: points(l),
            this_earned: points(t),
            max: whole_t.or(whole_l).map_or(0.0, |i| i.max),
            parts,
        });
    }
    let areas = tallies(
        &last
            .areas
            .iter()
            .map(|a| a.tally.clone())
            .collect::<Vec<_>>(),
        &this
            .areas
            .iter()
            .map(|a| a.tally.clone())
            .collect::<Vec<_>>(),
    );
    YearComparison {
        items,
        indicators: tallies(&last.indicators, &this.indicators),
        areas,
        total: TallyChange {
            id: this.total.id.clone(),
            last: Some(last.total.clone()),
            this: Some(this.total.clone()),
            change: by_points(
                share(last.total.earned, last.total.max),
                share(this.total.earned, this.total.max),
            ),
        },
        type_changed: last.school_type != this.school_type,
        last_grade: last.grade.clone(),
        this_grade: this.grade.clone(),
    }
}
