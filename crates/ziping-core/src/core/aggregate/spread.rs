//! 差异系数 (difference coefficient): the enrolment-weighted coefficient of variation.
//!
//! 教督〔2017〕6号; ../shared/reference/standards.md §1.1. For one indicator over the schools of
//! one side (小学 or 初中), Xᵢ a school's value and Pᵢ its students, P = Σ Pᵢ:
//!   X̄ = Σ PᵢXᵢ / P,   S = sqrt( Σ (Pᵢ/P)(Xᵢ − X̄)² ),   CV = S / X̄

use serde::Serialize;

/// The enrolment-weighted coefficient of variation, or why there is none. Never NaN or
/// infinite: every number in `Computed` is finite.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Spread {
    Computed {
        mean: f64,
        sd: f64,
        cv: f64,
    },
    /// One school: no variation to measure (CV would be 0, which says nothing).
    OneSchool {
        mean: f64,
    },
    /// No school reported this indicator.
    NoSchools,
    /// Schools reported, but with no students to weight by.
    NoStudents,
    /// The weighted mean is 0 (or too small to divide by): the CV is undefined.
    ZeroMean,
}

/// 差异系数 of `(value, students)` pairs; pairs with no students, or a value or enrolment that
/// is not a finite number, carry no weight.
pub fn weighted_cv(schools: &[(f64, f64)]) -> Spread {
    if schools.is_empty() {
        return Spread::NoSchools;
    }
    let weighted: Vec<(f64, f64)> = schools
        .iter()
        .copied()
        .filter(|&(x, p)| p.is_finite() && p >= 1.0 && x.is_finite())
        .collect();
    let total: f64 = weighted.iter().map(|&(_, p)| p).sum();
    if weighted.is_empty() || !total.is_finite() || total < 1.0 {
        return Spread::NoStudents;
    }
    let mean = weighted.iter().map(|&(x, p)| p * x).sum::<f64>() / total;
    if !mean.is_finite() {
        return Spread::NoStudents;
    }
    if weighted.len() == 1 {
        return Spread::OneSchool { mean };
    }
    let variance = weighted
        .iter()
        .map(|&(x, p)| (p / total) * (x - mean).powi(2))
        .sum::<f64>();
    let sd = variance.sqrt();
    let cv = sd / mean;
    if mean.abs() < f64::EPSILON || !cv.is_finite() {
        return Spread::ZeroMean;
    }
    Spread::Computed { mean, sd, cv }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weighted_cv_of_a_worked_example() {
        // Three 小学 with 4, 5 and 6 teachers per 100 students and 100, 200, 300 students:
        //   P = 600; X̄ = (100·4 + 200·5 + 300·6) / 600 = 3200 / 600 = 16/3
        //   S² = (1/6)(4 − 16/3)² + (2/6)(5 − 16/3)² + (3/6)(6 − 16/3)²
        //      = (1/6)(16/9) + (1/3)(1/9) + (1/2)(4/9) = 16/54 + 2/54 + 12/54 = 5/9
        //   S = √5 / 3;  CV = S / X̄ = (√5/3) / (16/3) = √5 / 16 ≈ 0.13975
        let Spread::Computed { mean, sd, cv } =
            weighted_cv(&[(4.0, 100.0), (5.0, 200.0), (6.0, 300.0)])
        else {
            panic!("computed")
        };
        assert!((mean - 16.0 / 3.0).abs() < 1e-12);
        assert!((sd - 5f64.sqrt() / 3.0).abs() < 1e-12);
        assert!((cv - 5f64.sqrt() / 16.0).abs() < 1e-12);
        // Weighted, not the plain CV: the plain one of 4, 5, 6 is √(2/3)/5 ≈ 0.1633.
        assert!((cv - (2f64 / 3.0).sqrt() / 5.0).abs() > 0.02);
    }

    #[test]
    fn undefined_cases_are_named_not_nan() {
        assert_eq!(weighted_cv(&[]), Spread::NoSchools);
        assert_eq!(weighted_cv(&[(4.0, 0.0), (5.0, 0.0)]), Spread::NoStudents);
        // 5e-324 students (a subnormal) used to give NaN everywhere.
        assert_eq!(
            weighted_cv(&[(4.0, 5e-324), (5.0, 5e-324)]),
            Spread::NoStudents
        );
        assert_eq!(
            weighted_cv(&[(f64::INFINITY, 100.0), (f64::NAN, 100.0)]),
            Spread::NoStudents
        );
        assert_eq!(
            weighted_cv(&[(4.0, 120.0)]),
            Spread::OneSchool { mean: 4.0 }
        );
        assert_eq!(weighted_cv(&[(0.0, 100.0), (0.0, 50.0)]), Spread::ZeroMean);
        // A school with no students carries no weight.
        assert_eq!(
            weighted_cv(&[(4.0, 100.0), (99.0, 0.0)]),
            Spread::OneSchool { mean: 4.0 }
        );
        // Equal values: no spread at all.
        assert_eq!(
            weighted_cv(&[(5.0, 10.0), (5.0, 90.0)]),
            Spread::Computed {
                mean: 5.0,
                sd: 0.0,
                cv: 0.0
            }
        );
    }
}
