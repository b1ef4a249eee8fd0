//! Flat forms of the result's tagged enums, for reading submission files (see
//! `core::model_raw` for why: the same JSON, far less WebAssembly).

use super::result::{ShortfallDetail, ValueProblem, WarningKind};
use crate::core::answers::{NumberError, Value};
use crate::core::model::Comparison;
use serde::Deserialize;

fn mismatch(kind: &str) -> String {
    format!("a `{kind}` shortfall with fields it does not have, or without ones it needs")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawShortfall {
    kind: String,
    answer: Option<Value>,
    chosen: Option<String>,
    best: Option<String>,
    rule: Option<Comparison>,
    unit: Option<String>,
    value: Option<f64>,
    gap: Option<f64>,
    #[serde(default, deserialize_with = "present")]
    ratio: Option<Option<f64>>,
    near: Option<bool>,
    passed: Option<usize>,
    required: Option<usize>,
    below_floor: Option<Vec<String>>,
}

/// A field that may be `null` but must be there: `Some(None)` for null, `None` when absent.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<f64>>, D::Error> {
    Option::<f64>::deserialize(d).map(Some)
}

impl TryFrom<RawShortfall> for ShortfallDetail {
    type Error = String;

    fn try_from(r: RawShortfall) -> Result<ShortfallDetail, String> {
        let present = [
            ("answer", r.answer.is_some()),
            ("chosen", r.chosen.is_some()),
            ("best", r.best.is_some()),
            ("rule", r.rule.is_some()),
            ("unit", r.unit.is_some()),
            ("value", r.value.is_some()),
            ("gap", r.gap.is_some()),
            ("ratio", r.ratio.is_some()),
            ("near", r.near.is_some()),
            ("passed", r.passed.is_some()),
            ("required", r.required.is_some()),
            ("below_floor", r.below_floor.is_some()),
        ];
        let fields: &[&str] = match r.kind.as_str() {
            "answer" => &["answer"],
            "level" => &["chosen", "best"],
            "threshold" => &["rule", "unit", "value", "gap", "ratio", "near"],
            "group" => &["passed", "required", "below_floor"],
            other => return Err(format!("unknown shortfall kind '{other}'")),
        };
        // Exactly this kind's fields: none missing, none of another kind.
        if present
            .iter()
            .any(|&(name, here)| here != fields.contains(&name))
        {
            return Err(mismatch(&r.kind));
        }
        let missing = || mismatch(&r.kind);
        Ok(match r.kind.as_str() {
            "answer" => ShortfallDetail::Answer {
                answer: r.answer.ok_or_else(missing)?,
            },
            "level" => ShortfallDetail::Level {
                chosen: r.chosen.ok_or_else(missing)?,
                best: r.best.ok_or_else(missing)?,
            },
            "threshold" => ShortfallDetail::Threshold {
                rule: r.rule.ok_or_else(missing)?,
                unit: r.unit.ok_or_else(missing)?,
                value: r.value.ok_or_else(missing)?,
                gap: r.gap.ok_or_else(missing)?,
                ratio: r.ratio.ok_or_else(missing)?,
                near: r.near.ok_or_else(missing)?,
            },
            _ => ShortfallDetail::Group {
                passed: r.passed.ok_or_else(missing)?,
                required: r.required.ok_or_else(missing)?,
                below_floor: r.below_floor.ok_or_else(missing)?,
            },
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProblem {
    kind: String,
    error: Option<NumberError>,
    level: Option<String>,
    other: Option<String>,
    min: Option<f64>,
}

impl TryFrom<RawProblem> for ValueProblem {
    type Error = String;

    fn try_from(r: RawProblem) -> Result<ValueProblem, String> {
        if r.min.is_some() && r.kind != "below_min" {
            return Err(format!(
                "not a value problem of kind '{}' with these fields",
                r.kind
            ));
        }
        match (r.kind.as_str(), r.error, r.level, r.other) {
            ("number", Some(error), None, None) => Ok(ValueProblem::Number { error }),
            ("wrong_kind", None, None, None) => Ok(ValueProblem::WrongKind),
            ("unknown_level", None, Some(level), None) => Ok(ValueProblem::UnknownLevel { level }),
            ("not_applicable_not_allowed", None, None, None) => {
                Ok(ValueProblem::NotApplicableNotAllowed)
            }
            ("negative", None, None, None) => Ok(ValueProblem::Negative),
            ("not_whole", None, None, None) => Ok(ValueProblem::NotWhole),
            ("above_percent", None, None, None) => Ok(ValueProblem::AbovePercent),
            ("exceeds", None, None, Some(other)) => Ok(ValueProblem::Exceeds { other }),
            ("below_min", None, None, None) => match r.min {
                Some(min) => Ok(ValueProblem::BelowMin { min }),
                None => Err("a below_min problem without its min".into()),
            },
            (kind, ..) => Err(format!(
                "not a value problem of kind '{kind}' with these fields"
            )),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawWarning {
    kind: String,
}

impl TryFrom<RawWarning> for WarningKind {
    type Error = String;

    fn try_from(r: RawWarning) -> Result<WarningKind, String> {
        match r.kind.as_str() {
            "undefined" => Ok(WarningKind::Undefined),
            kind => Err(format!("not a warning of kind '{kind}'")),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNumberError {
    problem: String,
    text: String,
}

impl TryFrom<RawNumberError> for NumberError {
    type Error = String;

    fn try_from(r: RawNumberError) -> Result<NumberError, String> {
        match r.problem.as_str() {
            "not_a_number" => Ok(NumberError::NotANumber { text: r.text }),
            "too_large" => Ok(NumberError::TooLarge { text: r.text }),
            "separator" => Ok(NumberError::Separator { text: r.text }),
            other => Err(format!("unknown number problem '{other}'")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::result::ShortfallDetail;

    fn read(json: &str) -> Result<ShortfallDetail, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn a_shortfall_has_exactly_the_fields_of_its_kind() {
        assert_eq!(
            read(r#"{"kind":"level","chosen":"B","best":"A"}"#),
            Ok(ShortfallDetail::Level {
                chosen: "B".into(),
                best: "A".into()
            })
        );
        let threshold = r#"{"kind":"threshold","rule":{"op":"ge","value":4.2},"unit":"人","value":4,"gap":0.2,"ratio":null,"near":true}"#;
        assert!(matches!(
            read(threshold),
            Ok(ShortfallDetail::Threshold {
                ratio: None,
                near: true,
                ..
            })
        ));
        for bad in [
            r#"{"kind":"level","chosen":"B"}"#,
            r#"{"kind":"level","chosen":"B","best":"A","answer":"no"}"#,
            r#"{"kind":"threshold","rule":{"op":"ge","value":4.2},"unit":"人","value":4,"gap":0.2,"near":true}"#,
            r#"{"kind":"group","passed":1,"required":6}"#,
            r#"{"kind":"bonus"}"#,
        ] {
            assert!(read(bad).is_err(), "{bad} should be refused");
        }
    }
}
