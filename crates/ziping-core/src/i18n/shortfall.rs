//! A shortfall in words: the item (and part), what is required, what the school has, and in
//! the school's own terms where a ratio allows ("音乐专用教室数需 2 间，现有 1 间"). The 整改清单's
//! generated 问题 text and the results page's list.

use super::*;
use crate::core::answers::Slot;
use crate::core::checklist::Checklist;
use crate::core::format;
use crate::core::model::{Comparison, ItemKind};
use crate::core::score::{Shortfall, ShortfallDetail};

/// A ratio's shortfall in the school's own terms: the numerator the school needs for its
/// denominator, beside what it has ("音乐专用教室数需 2 间，现有 1 间" rather than only "差0.5间/12班").
/// For a whole school (a 九年一贯制 part shares inputs by a split: its indicator's terms stay),
/// a single counted numerator and a rule that asks for at least a value.
fn school_terms(
    checklist: &Checklist,
    answers: &crate::core::answers::Answers,
    s: &Shortfall,
    lang: Lang,
) -> Option<String> {
    use crate::core::answers::{parse_number, Part, Value};
    use crate::core::model::Formula;
    if s.part != Part::Whole {
        return None;
    }
    let ItemKind::Computed {
        formula:
            Formula::Ratio {
                numerator,
                denominator,
                scale,
            },
        ..
    } = &checklist.item(&s.item)?.kind
    else {
        return None;
    };
    let ShortfallDetail::Threshold { rule, .. } = &s.detail else {
        return None;
    };
    let (threshold, strict) = match rule {
        Comparison::Ge { value } => (*value, false),
        Comparison::Gt { value } => (*value, true),
        _ => return None,
    };
    let [input] = numerator.as_slice() else {
        return None;
    };
    let def = checklist.input(input)?;
    let value_of = |id: &str| match answers.get(&Slot::whole(id)) {
        Some(Value::Number(t)) => parse_number(t).ok(),
        _ => None,
    };
    let mut den = 0.0;
    for d in denominator {
        den += value_of(d)?;
    }
    let now = value_of(input)?;
    if den <= 0.0 || *scale <= 0.0 {
        return None;
    }
    let exact = threshold * den / scale;
    let required = if def.integer {
        if strict {
            exact.floor() + 1.0
        } else {
            (exact - 1e-9).ceil()
        }
    } else {
        exact
    };
    let pick = |t: &crate::core::model::Text| match lang {
        Lang::Zh => t.zh.clone(),
        Lang::En if t.en.is_empty() => t.zh.clone(),
        Lang::En => t.en.clone(),
    };
    let amount = |v: f64| {
        with_unit(
            lang,
            format::quantity_against(v, &def.unit, None),
            &def.unit,
        )
    };
    Some(
        say::ShortfallSchoolTerms {
            input: &pick(&def.label),
            required: &amount(required),
            now: &amount(now),
        }
        .text(lang),
    )
}

/// A value with its unit: "4.5㎡" in Chinese, "4.5 ㎡" in English.
pub fn with_unit(lang: Lang, number: String, unit: &str) -> String {
    let unit = crate::i18n::unit_after(lang, unit, &number);
    match lang {
        Lang::Zh => format!("{number}{unit}"),
        Lang::En if unit.is_empty() => number,
        Lang::En => format!("{number} {unit}"),
    }
}

/// What a shortfall is, in `lang`: the item (and part), what is required, what the school has,
/// and for a group rule which of its reasons applies.
pub fn shortfall_text(
    checklist: &Checklist,
    answers: &crate::core::answers::Answers,
    s: &Shortfall,
    lang: Lang,
) -> String {
    let mut text = shortfall_words(checklist, s, lang);
    if let Some(terms) = school_terms(checklist, answers, s, lang) {
        text.push_str(&terms);
    }
    text
}

/// A shortfall in the indicator's own terms.
fn shortfall_words(checklist: &Checklist, s: &Shortfall, lang: Lang) -> String {
    let pick = |t: &crate::core::model::Text| match lang {
        Lang::Zh => t.zh.clone(),
        Lang::En if t.en.is_empty() => t.zh.clone(),
        Lang::En => t.en.clone(),
    };
    let item = checklist.item(&s.item);
    let group = checklist.doc().group_rules.iter().find(|g| g.id == s.item);
    let name = item
        .map(|i| pick(&i.text))
        .or_else(|| group.map(|g| pick(&g.title)))
        .unwrap_or_else(|| s.item.clone());
    let part = crate::i18n::part_suffix(lang, s.part);
    let level_label = |id: &str| {
        item.and_then(|i| match &i.kind {
            ItemKind::Levels { levels, .. } => levels.iter().find(|l| l.id == id),
            _ => None,
        })
        .map_or_else(|| id.to_string(), |l| pick(&l.label))
    };
    let detail = match &s.detail {
        ShortfallDetail::Answer { .. } => Msg::ShortfallNotMet.text(lang).to_string(),
        ShortfallDetail::Level { chosen, best } => say::ShortfallLevel {
            chosen: &level_label(chosen),
            best: &level_label(best),
        }
        .text(lang),
        ShortfallDetail::Threshold {
            rule,
            unit,
            value,
            gap,
            near,
            ..
        } => {
            let required = with_unit(lang, rule.describe(), unit);
            let now = with_unit(
                lang,
                format::quantity_against(*value, unit, Some(*rule)),
                unit,
            );
            // A gap is never shown as 0: more decimals until it is not.
            let zero = Some(Comparison::Ge { value: 0.0 });
            let gap = with_unit(lang, format::quantity_against(*gap, unit, zero), unit);
            let mut text = say::ShortfallThreshold {
                required: &required,
                now: &now,
                gap: &gap,
            }
            .text(lang);
            // Near is only ever said of an item under a group rule, with that rule's floor.
            if let Some(floor) = checklist
                .group_of(&s.item)
                .map(|g| g.floor_ratio)
                .filter(|_| *near)
            {
                text.push_str(
                    &say::ShortfallNear {
                        floor: &format::fixed(floor * 100.0, 1),
                    }
                    .text(lang),
                );
            }
            text
        }
        ShortfallDetail::Group {
            passed,
            required,
            below_floor,
        } => {
            let total = group.map_or(*passed, |g| g.items.len());
            let mut text = String::new();
            if passed < required {
                text = say::GroupCount {
                    total: &total.to_string(),
                    met: &passed.to_string(),
                    required: &required.to_string(),
                }
                .text(lang);
            }
            if !below_floor.is_empty() {
                let names: Vec<String> = below_floor
                    .iter()
                    .map(|id| {
                        checklist
                            .item(id)
                            .map_or_else(|| id.clone(), |i| format!("{id} {}", pick(&i.text)))
                    })
                    .collect();
                let floor =
                    group.map_or_else(String::new, |g| format::fixed(g.floor_ratio * 100.0, 1));
                let names = names.join(Msg::ListSeparator.text(lang));
                let reason = say::ShortfallBelowFloor {
                    floor: &floor,
                    items: &names,
                }
                .text(lang);
                // Alone, the reason does not start with a separator.
                text.push_str(if text.is_empty() {
                    reason.trim_start_matches(['；', ';', ' '])
                } else {
                    &reason
                });
            }
            text
        }
    };
    let veto = if s.veto {
        Msg::ShortfallVeto.text(lang)
    } else {
        ""
    };
    format!("{veto}{name}{part}{}{detail}", lang.colon())
}
