//! How a threshold is compared, how a formula is computed, how shared assets are split.

use crate::core::format::fmt_num;
use crate::core::model::{Comparison, Formula, SplitRule};

/// Tolerance for comparisons: "exactly at the threshold" must pass even when binary floating
/// point makes 42 ÷ 1000 × 100 come out as 4.199999…. Relative to the threshold, far below any
/// difference a school could report.
const EPS: f64 = 1e-9;

fn tol(threshold: f64) -> f64 {
    EPS * threshold.abs().max(1.0)
}

impl Comparison {
    /// Whether `value` satisfies the rule, ≥ and > exactly as written.
    pub fn holds(&self, value: f64) -> bool {
        match *self {
            Comparison::Ge { value: t } => value >= t - tol(t),
            Comparison::Gt { value: t } => value > t + tol(t),
            Comparison::Le { value: t } => value <= t + tol(t),
            Comparison::Lt { value: t } => value < t - tol(t),
            Comparison::Between { min, max } => value >= min - tol(min) && value <= max + tol(max),
        }
    }

    /// For a rule that does not hold: is `value` still within `floor` of it (at least 85% of a
    /// minimum; at most the maximum ÷ 85%)? A range has no floor.
    pub fn within_floor(&self, value: f64, floor: f64) -> bool {
        match *self {
            Comparison::Ge { value: t } | Comparison::Gt { value: t } => {
                let f = t * floor;
                value >= f - tol(f)
            }
            Comparison::Le { value: t } | Comparison::Lt { value: t } => {
                let f = t / floor;
                value <= f + tol(f)
            }
            Comparison::Between { .. } => false,
        }
    }

    /// Value ÷ threshold, the "ratio to it" shown beside every checked number.
    pub fn ratio(&self, value: f64) -> Option<f64> {
        match *self {
            Comparison::Ge { value: t }
            | Comparison::Gt { value: t }
            | Comparison::Le { value: t }
            | Comparison::Lt { value: t } => {
                // A value against a threshold of 1e-300 would be +inf: no ratio rather than one
                // that JSON cannot carry (it read back as 结果不一致).
                (t != 0.0).then(|| value / t).filter(|r| r.is_finite())
            }
            Comparison::Between { .. } => None,
        }
    }

    /// How far `value` is from satisfying the rule (0 when it does): what a 整改 must close.
    pub fn gap(&self, value: f64) -> f64 {
        if self.holds(value) {
            return 0.0;
        }
        match *self {
            Comparison::Ge { value: t } | Comparison::Gt { value: t } => t - value,
            Comparison::Le { value: t } | Comparison::Lt { value: t } => value - t,
            Comparison::Between { min, max } => {
                if value < min {
                    min - value
                } else {
                    value - max
                }
            }
        }
    }

    /// The rule as people write it: "≥ 4.2", "≤ 45", "2–4".
    pub fn describe(&self) -> String {
        match *self {
            Comparison::Ge { value } => format!("≥ {}", fmt_num(value)),
            Comparison::Gt { value } => format!("> {}", fmt_num(value)),
            Comparison::Le { value } => format!("≤ {}", fmt_num(value)),
            Comparison::Lt { value } => format!("< {}", fmt_num(value)),
            Comparison::Between { min, max } => format!("{}–{}", fmt_num(min), fmt_num(max)),
        }
    }

    /// Whether a larger value is better (for "improving an answer").
    pub fn higher_is_better(&self) -> Option<bool> {
        match self {
            Comparison::Ge { .. } | Comparison::Gt { .. } => Some(true),
            Comparison::Le { .. } | Comparison::Lt { .. } => Some(false),
            Comparison::Between { .. } => None,
        }
    }
}

/// What a formula needs to know about an input for the part being computed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lookup {
    Value(f64),
    /// Not entered yet (or a part of it).
    Missing,
    /// Entered but unreadable.
    Invalid,
    /// Cannot be known: the 九年一贯制 split has no enrolment to split by.
    Undefined,
}

fn severity(c: Computed) -> u8 {
    match c {
        Computed::Invalid => 3,
        Computed::Undefined => 2,
        Computed::Missing => 1,
        Computed::Value(_) => 0,
    }
}

/// The result of a formula.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Computed {
    Value(f64),
    Missing,
    Invalid,
    /// Division by zero (no students) or an unknown split.
    Undefined,
}

impl Formula {
    /// Computes the formula with `input` giving each input's value for the part in question.
    pub fn compute(&self, mut input: impl FnMut(&str) -> Lookup) -> Computed {
        let mut sum = |ids: &[String]| -> Result<f64, Computed> {
            let mut total = 0.0;
            let mut worst = None;
            for id in ids {
                match input(id) {
                    Lookup::Value(v) => total += v,
                    Lookup::Invalid => worst = Some(Computed::Invalid),
                    Lookup::Undefined if worst != Some(Computed::Invalid) => {
                        worst = Some(Computed::Undefined)
                    }
                    Lookup::Missing if worst.is_none() => worst = Some(Computed::Missing),
                    Lookup::Undefined | Lookup::Missing => {}
                }
            }
            worst.map_or(Ok(total), Err)
        };
        // When several inputs are unusable, say the most serious: unreadable, then
        // uncomputable, then not yet entered.
        let both = |a: Result<f64, Computed>, b: Result<f64, Computed>| match (a, b) {
            (Ok(a), Ok(b)) => Ok((a, b)),
            (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
            (Err(a), Err(b)) => Err(if severity(a) >= severity(b) { a } else { b }),
        };
        let result = match self {
            Formula::Ratio {
                numerator,
                denominator,
                scale,
            } => both(sum(numerator), sum(denominator)).and_then(|(n, d)| {
                if d == 0.0 {
                    Err(Computed::Undefined)
                } else {
                    Ok(n / d * scale)
                }
            }),
            Formula::Sum { inputs } => sum(inputs),
            Formula::Difference {
                minuend,
                subtrahend,
            } => both(
                sum(std::slice::from_ref(minuend)),
                sum(std::slice::from_ref(subtrahend)),
            )
            .map(|(a, b)| a - b),
        };
        match result {
            Ok(v) if v.is_finite() => Computed::Value(v),
            Ok(_) => Computed::Undefined,
            Err(c) => c,
        }
    }

    /// Every input the formula reads.
    pub fn inputs(&self) -> Vec<&str> {
        match self {
            Formula::Ratio {
                numerator,
                denominator,
                ..
            } => numerator
                .iter()
                .chain(denominator)
                .map(String::as_str)
                .collect(),
            Formula::Difference {
                minuend,
                subtrahend,
            } => vec![minuend, subtrahend],
            Formula::Sum { inputs } => inputs.iter().map(String::as_str).collect(),
        }
    }
}

impl SplitRule {
    /// The 小学 and 初中 shares of a shared asset, from each part's enrolment; `None` when
    /// there is no enrolment to split by.
    pub fn shares(&self, primary_enrolment: f64, junior_enrolment: f64) -> Option<(f64, f64)> {
        let p = self.primary_weight * primary_enrolment.max(0.0);
        let j = self.junior_weight * junior_enrolment.max(0.0);
        let total = p + j;
        (total > 0.0).then(|| (p / total, j / total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::SourceRef;

    #[test]
    fn formulas() {
        let ratio = Formula::Ratio {
            numerator: vec!["a".into(), "b".into()],
            denominator: vec!["s".into()],
            scale: 100.0,
        };
        let vals = |a, b, s| {
            move |id: &str| match id {
                "a" => a,
                "b" => b,
                _ => s,
            }
        };
        use Lookup::*;
        assert_eq!(
            ratio.compute(vals(Value(30.0), Value(12.0), Value(1000.0))),
            Computed::Value(4.2)
        );
        assert_eq!(
            ratio.compute(vals(Value(3.0), Value(1.0), Value(0.0))),
            Computed::Undefined
        );
        assert_eq!(
            ratio.compute(vals(Missing, Value(1.0), Value(10.0))),
            Computed::Missing
        );
        assert_eq!(
            ratio.compute(vals(Missing, Invalid, Value(10.0))),
            Computed::Invalid
        );
        assert_eq!(
            ratio.compute(vals(Missing, Value(1.0), Undefined)),
            Computed::Undefined
        );
        let diff = Formula::Difference {
            minuend: "a".into(),
            subtrahend: "b".into(),
        };
        assert_eq!(
            diff.compute(vals(Value(52.5), Value(51.9), Missing)),
            Computed::Value(52.5 - 51.9)
        );
        assert_eq!(diff.inputs(), vec!["a", "b"]);
        let sum = Formula::Sum {
            inputs: vec!["a".into(), "b".into()],
        };
        assert_eq!(
            sum.compute(vals(Value(1000.0), Value(800.0), Missing)),
            Computed::Value(1800.0)
        );
        assert_eq!(
            sum.compute(vals(Value(1000.0), Missing, Missing)),
            Computed::Missing
        );
    }

    #[test]
    fn nine_year_split_by_weighted_enrolment() {
        let split = SplitRule {
            enrolment_input: "students".into(),
            primary_weight: 1.0,
            junior_weight: 1.1,
            source: SourceRef {
                source: "S".into(),
                clause: "c".into(),
                verified: false,
            },
        };
        // 1000 小学 and 500 初中 students: 1000 : 550, so 小学 gets 1000/1550.
        let (p, j) = split.shares(1000.0, 500.0).unwrap();
        assert!((p - 1000.0 / 1550.0).abs() < 1e-12);
        assert!((p + j - 1.0).abs() < 1e-12);
        assert_eq!(split.shares(0.0, 0.0), None);
    }

    #[test]
    fn numbers_for_people() {
        assert_eq!(fmt_num(4.2), "4.2");
        assert_eq!(fmt_num(2000.0), "2000");
        assert_eq!(fmt_num(1.0 / 3.0), "0.3333");
        assert_eq!(Comparison::Le { value: 45.0 }.describe(), "≤ 45");
        assert_eq!(
            Comparison::Between { min: 2.0, max: 4.5 }.describe(),
            "2–4.5"
        );
    }
}
