//! Flat forms of the tagged enums of the checklist format, for reading only.
//!
//! serde's internally tagged enums buffer every value through a generic `Content` tree, which
//! costs tens of kilobytes of WebAssembly per enum. Reading a flat struct and converting it
//! accepts exactly the same JSON (unknown fields are still refused) at a fraction of the size.

use crate::core::model::{Comparison, Formula, ItemKind, Level, Thresholds};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Op {
    Ge,
    Gt,
    Le,
    Lt,
    Between,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawComparison {
    op: Op,
    value: Option<f64>,
    min: Option<f64>,
    max: Option<f64>,
}

impl TryFrom<RawComparison> for Comparison {
    type Error = String;

    fn try_from(r: RawComparison) -> Result<Comparison, String> {
        let one = |make: fn(f64) -> Comparison| match (r.value, r.min, r.max) {
            (Some(value), None, None) => Ok(make(value)),
            _ => Err("a comparison needs `value` (and no `min`/`max`)".to_string()),
        };
        match r.op {
            Op::Ge => one(|value| Comparison::Ge { value }),
            Op::Gt => one(|value| Comparison::Gt { value }),
            Op::Le => one(|value| Comparison::Le { value }),
            Op::Lt => one(|value| Comparison::Lt { value }),
            Op::Between => match (r.value, r.min, r.max) {
                (None, Some(min), Some(max)) => Ok(Comparison::Between { min, max }),
                _ => Err("`between` needs `min` and `max` (and no `value`)".into()),
            },
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum FormulaKind {
    Ratio,
    Difference,
    Sum,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFormula {
    kind: FormulaKind,
    numerator: Option<Vec<String>>,
    denominator: Option<Vec<String>>,
    scale: Option<f64>,
    minuend: Option<String>,
    subtrahend: Option<String>,
    inputs: Option<Vec<String>>,
}

impl TryFrom<RawFormula> for Formula {
    type Error = String;

    fn try_from(r: RawFormula) -> Result<Formula, String> {
        match r {
            RawFormula {
                kind: FormulaKind::Ratio,
                numerator: Some(numerator),
                denominator: Some(denominator),
                scale: Some(scale),
                minuend: None,
                subtrahend: None,
                inputs: None,
            } => Ok(Formula::Ratio {
                numerator,
                denominator,
                scale,
            }),
            RawFormula {
                kind: FormulaKind::Difference,
                minuend: Some(minuend),
                subtrahend: Some(subtrahend),
                numerator: None,
                denominator: None,
                scale: None,
                inputs: None,
            } => Ok(Formula::Difference { minuend, subtrahend }),
            RawFormula {
                kind: FormulaKind::Sum,
                inputs: Some(inputs),
                numerator: None,
                denominator: None,
                scale: None,
                minuend: None,
                subtrahend: None,
            } => Ok(Formula::Sum { inputs }),
            _ => Err("a formula needs exactly the fields of its kind: ratio (numerator, denominator, scale), difference (minuend, subtrahend), sum (inputs)".into()),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum KindTag {
    YesNo,
    Levels,
    Number,
    Computed,
    Flag,
    Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawItemKind {
    #[serde(rename = "type")]
    tag: KindTag,
    allow_na: Option<bool>,
    levels: Option<Vec<Level>>,
    unit: Option<String>,
    rule: Option<Thresholds>,
    formula: Option<Formula>,
}

impl TryFrom<RawItemKind> for ItemKind {
    type Error = String;

    fn try_from(r: RawItemKind) -> Result<ItemKind, String> {
        let RawItemKind {
            tag,
            allow_na,
            levels,
            unit,
            rule,
            formula,
        } = r;
        let extra = |ok: bool, kind: &str| {
            if ok {
                Ok(())
            } else {
                Err(format!("fields that a `{kind}` item does not have"))
            }
        };
        match tag {
            KindTag::YesNo => {
                extra(
                    levels.is_none() && unit.is_none() && rule.is_none() && formula.is_none(),
                    "yes_no",
                )?;
                Ok(ItemKind::YesNo {
                    allow_na: allow_na.unwrap_or(false),
                })
            }
            KindTag::Levels => {
                extra(
                    unit.is_none() && rule.is_none() && formula.is_none(),
                    "levels",
                )?;
                Ok(ItemKind::Levels {
                    levels: levels.ok_or("a `levels` item needs `levels`")?,
                    allow_na: allow_na.unwrap_or(false),
                })
            }
            KindTag::Number => {
                extra(
                    allow_na.is_none() && levels.is_none() && formula.is_none(),
                    "number",
                )?;
                Ok(ItemKind::Number {
                    unit: unit.ok_or("a `number` item needs `unit`")?,
                    rule: rule.ok_or("a `number` item needs `rule`")?,
                })
            }
            KindTag::Computed => {
                extra(allow_na.is_none() && levels.is_none(), "computed")?;
                Ok(ItemKind::Computed {
                    unit: unit.ok_or("a `computed` item needs `unit`")?,
                    formula: formula.ok_or("a `computed` item needs `formula`")?,
                    rule: rule.ok_or("a `computed` item needs `rule`")?,
                })
            }
            KindTag::Flag | KindTag::Text => {
                let text = matches!(tag, KindTag::Text);
                extra(
                    allow_na.is_none()
                        && levels.is_none()
                        && unit.is_none()
                        && rule.is_none()
                        && formula.is_none(),
                    if text { "text" } else { "flag" },
                )?;
                Ok(if text { ItemKind::Text } else { ItemKind::Flag })
            }
        }
    }
}
