//! Each figure's schools: every counted school's value for the figure's indicator and side,
//! as the county chart draws them. One pass over the schools and their cells (figures found
//! by key), never figures × schools.

use super::{CountyReport, Side};
use crate::core::score::Outcome;
use std::collections::BTreeMap;

/// One school's (part's) value of a figure's indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureValue {
    /// Its row in `CountyReport::schools`.
    pub school: usize,
    /// Value ÷ threshold.
    pub ratio: f64,
    pub value: Option<f64>,
    pub outcome: Outcome,
}

impl CountyReport {
    /// For each figure (in `figures` order), the values of the counted schools it is made of:
    /// the same checklist, version and school year, the indicator's cell of the figure's side.
    pub fn values_by_figure(&self) -> Vec<Vec<FigureValue>> {
        let mut by_key: BTreeMap<(&str, &str, &str, &str, Side), usize> = BTreeMap::new();
        for (n, f) in self.figures.iter().enumerate() {
            by_key.insert(
                (
                    f.checklist.as_str(),
                    f.version.as_str(),
                    f.school_year.as_str(),
                    f.item.as_str(),
                    f.side,
                ),
                n,
            );
        }
        let mut out = vec![Vec::new(); self.figures.len()];
        for (school, s) in self.schools.iter().enumerate() {
            let Some(t) = s.school_type.filter(|_| s.status.counted()) else {
                continue;
            };
            for c in &s.indicators {
                let (Some(side), Some(ratio)) = (Side::of(t, c.part), c.ratio) else {
                    continue;
                };
                let key = (
                    s.checklist.as_str(),
                    s.version.as_str(),
                    s.school_year.as_str(),
                    c.item.as_str(),
                    side,
                );
                if let Some(&n) = by_key.get(&key) {
                    out[n].push(FigureValue {
                        school,
                        ratio,
                        value: c.value,
                        outcome: c.outcome,
                    });
                }
            }
        }
        out
    }
}
