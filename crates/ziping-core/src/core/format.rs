//! Numbers for people: the one place that decides how many decimals a value is shown with.
//! Stored and computed values stay exact; only what is shown is rounded.

use crate::core::model::Comparison;

/// Decimals a value in `unit` is shown with: whole yuan, one decimal for a percentage, two
/// for ratios per student, per 100 students or per 12 classes, and percentage points.
pub fn decimals(unit: &str) -> usize {
    match unit {
        "元" => 0,
        "%" => 1,
        _ => 2,
    }
}

/// `n` rounded to `decimals`, trailing zeros dropped ("4.50" → "4.5", "-0" → "0").
pub fn fixed(n: f64, decimals: usize) -> String {
    let s = format!("{n:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// A value in `unit`, as shown to people.
pub fn quantity(n: f64, unit: &str) -> String {
    fixed(n, decimals(unit))
}

/// A value beside the rule it is checked against: shown with as many more decimals (up to
/// four) as it takes not to look like the threshold when it does not meet it (1999.6 元
/// against ≥ 2000 is "1999.6", never "2000").
pub fn quantity_against(n: f64, unit: &str, rule: Option<Comparison>) -> String {
    let Some(rule) = rule else {
        return quantity(n, unit);
    };
    let bounds: Vec<f64> = match rule {
        Comparison::Ge { value }
        | Comparison::Gt { value }
        | Comparison::Le { value }
        | Comparison::Lt { value } => vec![value],
        Comparison::Between { min, max } => vec![min, max],
    };
    let mut d = decimals(unit);
    while d < 4 {
        let shown = crate::core::decimal::parse(&fixed(n, d)).unwrap_or(n);
        if !bounds.iter().any(|&b| shown == b && n != b) {
            break;
        }
        d += 1;
    }
    fixed(n, d)
}

/// A 差异系数 (coefficient of variation): three decimals, as county reports give it.
pub fn coefficient(cv: f64) -> String {
    format!("{cv:.3}")
}

/// A 差异系数's limit as the policy writes it: two decimals ("0.50", "0.45"), more only if
/// it has them.
pub fn cv_limit(limit: f64) -> String {
    let shown = fmt_num(limit);
    match shown.split_once('.') {
        Some((_, decimals)) if decimals.len() >= 2 => shown,
        _ => format!("{limit:.2}"),
    }
}

/// A number as people write it: at most four decimals, no trailing zeros ("4.5", "0.85",
/// "60"; -0 is "0").
pub fn fmt_num(n: f64) -> String {
    fixed(n, 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coefficient_limit_has_two_decimals_at_least() {
        for (limit, want) in [
            (0.5, "0.50"),
            (0.45, "0.45"),
            (0.4, "0.40"),
            (1.0, "1.00"),
            (0.455, "0.455"),
        ] {
            assert_eq!(cv_limit(limit), want);
        }
    }

    #[test]
    fn each_unit_has_its_precision() {
        let rows = [
            (2884.6154, "元", "2885"),
            (4.5, "㎡", "4.5"),
            (0.7865, "㎡", "0.79"),
            (94.84, "%", "94.8"),
            (100.0, "%", "100"),
            (7.000000000000001, "人", "7"),
            (0.45, "个百分点", "0.45"),
            (-0.0001, "人", "0"),
        ];
        for (n, unit, want) in rows {
            assert_eq!(quantity(n, unit), want, "{n} {unit}");
        }
        assert_eq!(coefficient(0.13975424859373686), "0.140");
    }

    #[test]
    fn a_value_that_fails_never_shows_as_its_threshold() {
        let ge = |value| Some(Comparison::Ge { value });
        assert_eq!(quantity_against(1999.6, "元", ge(2000.0)), "1999.6");
        assert_eq!(quantity_against(99.96, "%", ge(100.0)), "99.96");
        assert_eq!(
            quantity_against(4.49999, "㎡", ge(4.5)),
            "4.5",
            "up to four decimals"
        );
        assert_eq!(quantity_against(2000.0, "元", ge(2000.0)), "2000");
        assert_eq!(quantity_against(2884.6154, "元", ge(2000.0)), "2885");
        let between = Some(Comparison::Between { min: 2.0, max: 4.0 });
        assert_eq!(quantity_against(4.001, "h", between), "4.001");
    }
}
