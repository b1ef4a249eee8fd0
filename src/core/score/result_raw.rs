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
        match r.kind.as_str() {
            "answer" => match r {
                RawShortfall {
                    answer: Some(answer),
                    chosen: None,
                    best: None,
                    rule: None,
                    unit: None,
                    value: None,
                    gap: None,
                    ratio: None,
                    near: None,
                    passed: None,
                    required: None,
                    below_floor: None,
                    ..
                } => Ok(ShortfallDetail::Answer { answer }),
                _ => Err(mismatch("answer")),
            },
            "level" => match r {
                RawShortfall {
                    chosen: Some(chosen),
                    best: Some(best),
                    answer: None,
                    rule: None,
                    unit: None,
                    value: None,
                    gap: None,
                    ratio: None,
                    near: None,
                    passed: None,
                    required: None,
                    below_floor: None,
                    ..
                } => Ok(ShortfallDetail::Level { chosen, best }),
                _ => Err(mismatch("level")),
            },
            "threshold" => match r {
                RawShortfall {
                    rule: Some(rule),
                    unit: Some(unit),
                    value: Some(value),
                    gap: Some(gap),
                    ratio: Some(ratio),
                    near: Some(near),
                    answer: None,
                    chosen: None,
                    best: None,
                    passed: None,
                    required: None,
                    below_floor: None,
                    ..
                } => Ok(ShortfallDetail::Threshold {
                    rule,
                    unit,
                    value,
                    gap,
                    ratio,
                    near,
                }),
                _ => Err(mismatch("threshold")),
            },
            "group" => match r {
                RawShortfall {
                    passed: Some(passed),
                    required: Some(required),
                    below_floor: Some(below_floor),
                    answer: None,
                    chosen: None,
                    best: None,
                    rule: None,
                    unit: None,
                    value: None,
                    gap: None,
                    ratio: None,
                    near: None,
                    ..
                } => Ok(ShortfallDetail::Group {
                    passed,
                    required,
                    below_floor,
                }),
                _ => Err(mismatch("group")),
            },
            other => Err(format!("unknown shortfall kind '{other}'")),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawProblem {
    kind: String,
    error: Option<NumberError>,
    level: Option<String>,
}

impl TryFrom<RawProblem> for ValueProblem {
    type Error = String;

    fn try_from(r: RawProblem) -> Result<ValueProblem, String> {
        match (r.kind.as_str(), r.error, r.level) {
            ("number", Some(error), None) => Ok(ValueProblem::Number { error }),
            ("wrong_kind", None, None) => Ok(ValueProblem::WrongKind),
            ("unknown_level", None, Some(level)) => Ok(ValueProblem::UnknownLevel { level }),
            ("not_applicable_not_allowed", None, None) => Ok(ValueProblem::NotApplicableNotAllowed),
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
    other: Option<String>,
}

impl TryFrom<RawWarning> for WarningKind {
    type Error = String;

    fn try_from(r: RawWarning) -> Result<WarningKind, String> {
        match (r.kind.as_str(), r.other) {
            ("negative", None) => Ok(WarningKind::Negative),
            ("not_whole", None) => Ok(WarningKind::NotWhole),
            ("exceeds", Some(other)) => Ok(WarningKind::Exceeds { other }),
            ("undefined", None) => Ok(WarningKind::Undefined),
            (kind, _) => Err(format!("not a warning of kind '{kind}' with these fields")),
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
            other => Err(format!("unknown number problem '{other}'")),
        }
    }
}
