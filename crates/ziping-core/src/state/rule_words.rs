//! 制作县级清单's notes on words that quote a rule's numbers: a county that changes "at least 6
//! of 7, the rest ≥ 85 %" to 5 and 80 % and leaves the title saying 6 and 85 %, or an item's
//! threshold from ≤ 45 to ≤ 40 and leaves its text saying 45, would tell its principals one
//! rule and judge them by another. Notes, never errors: the officer decides.

use crate::core::model::{ChecklistDoc, GroupRule};

/// A number in a text that differs from the rule the text describes.
#[derive(Clone, Debug, PartialEq)]
pub struct StaleNumber {
    /// The field, as the editor's paths name it (`group_rules[0].title.zh`, `description.en`).
    pub path: String,
    /// The number as written, with its unit ("6项", "85%").
    pub quoted: String,
    /// The rule's own number in the same form.
    pub rule: String,
}

/// The numbers written in `text`, each with the word that follows it: (value, following text).
fn numbers(text: &str) -> Vec<(f64, String, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut n = 0;
    while n < chars.len() {
        if chars[n].is_ascii_digit() {
            let start = n;
            while n < chars.len() && (chars[n].is_ascii_digit() || chars[n] == '.') {
                n += 1;
            }
            let digits: String = chars[start..n].iter().collect();
            let after: String = chars[n..]
                .iter()
                .skip_while(|c| c.is_whitespace())
                .take(3)
                .collect();
            if let Some(v) = crate::core::decimal::parse(digits.trim_end_matches('.')) {
                out.push((v, after, start));
            }
        } else {
            n += 1;
        }
    }
    out
}

/// The characters just before position `at` (at most `n`).
fn before(text: &str, at: usize, n: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars[at.saturating_sub(n)..at].iter().collect()
}

fn percent(share: f64) -> f64 {
    (share * 1000.0).round() / 10.0
}

/// What a rule's words say that its numbers do not. In a rule's own title every count of
/// items (项, "of") and every percentage is its; in the checklist's description only the
/// phrases that state a group rule ("至少 N 项", "不低于…N%", "at least N of", "at least N%").
fn stale_in(path: String, text: &str, rule: &GroupRule, own_title: bool) -> Vec<StaleNumber> {
    let counts = [rule.min_pass as f64, rule.items.len() as f64];
    let floor = percent(rule.floor_ratio);
    let mut out = Vec::new();
    for (v, after, at) in numbers(text) {
        let lead = before(text, at, 8);
        let is_count = after.starts_with('项') || after.starts_with("of") || lead.ends_with("of ");
        let is_percent = after.starts_with('%') || after.starts_with('％');
        let about_rule = own_title
            || (is_count && (lead.ends_with("至少") || lead.ends_with("at least ")))
            || (is_percent
                && (lead.contains("不低于") || lead.contains("其余") || lead.contains("rest")));
        if !about_rule {
            continue;
        }
        if is_count && !counts.contains(&v) {
            out.push(StaleNumber {
                path: path.clone(),
                quoted: format!("{}项", crate::core::format::fmt_num(v)),
                rule: format!("{}项", rule.min_pass),
            });
        } else if is_percent && (v - floor).abs() > 1e-9 {
            out.push(StaleNumber {
                path: path.clone(),
                quoted: format!("{}%", crate::core::format::fmt_num(v)),
                rule: format!("{}%", crate::core::format::fmt_num(floor)),
            });
        }
    }
    out
}

/// Every stale number in the group rules' titles and the checklist's description.
pub fn stale_numbers(doc: &ChecklistDoc) -> Vec<StaleNumber> {
    let mut out = Vec::new();
    for (g, rule) in doc.group_rules.iter().enumerate() {
        for (key, text) in [("zh", &rule.title.zh), ("en", &rule.title.en)] {
            out.extend(stale_in(
                format!("group_rules[{g}].title.{key}"),
                text,
                rule,
                true,
            ));
        }
    }
    if let (Some(d), [rule]) = (&doc.description, doc.group_rules.as_slice()) {
        for (key, text) in [("zh", &d.zh), ("en", &d.en)] {
            out.extend(stale_in(format!("description.{key}"), text, rule, false));
        }
    }
    out
}

/// Every number a rule compares with, on every school type.
fn bounds(rule: &crate::core::model::Thresholds) -> Vec<f64> {
    [rule.primary, rule.junior, rule.nine_year]
        .into_iter()
        .flatten()
        .flat_map(|c| match c {
            crate::core::model::Comparison::Between { min, max } => vec![min, max],
            other => other.bound().into_iter().collect(),
        })
        .collect()
}

/// An item's words that still quote a threshold the county changed: the base checklist's
/// number, no longer any of the item's (“最大班额：小学不超过45人” once the rule says ≤ 40). Each
/// text and guidance field in both languages, a number once per field.
pub fn stale_item_numbers(base: &ChecklistDoc, doc: &ChecklistDoc) -> Vec<StaleNumber> {
    let old_items: std::collections::BTreeMap<&str, &crate::core::model::Item> = base
        .areas
        .iter()
        .flat_map(|a| &a.indicators)
        .flat_map(|i| &i.items)
        .map(|i| (i.id.as_str(), i))
        .collect();
    let mut out = Vec::new();
    for (a, area) in doc.areas.iter().enumerate() {
        for (i, indicator) in area.indicators.iter().enumerate() {
            for (k, item) in indicator.items.iter().enumerate() {
                let (Some(now), Some(then)) = (
                    item.kind.rule(),
                    old_items.get(item.id.as_str()).and_then(|o| o.kind.rule()),
                ) else {
                    continue;
                };
                let current = bounds(now);
                let gone: Vec<f64> = bounds(then)
                    .into_iter()
                    .filter(|b| !current.contains(b))
                    .collect();
                if gone.is_empty() {
                    continue;
                }
                let shown = |v: f64| crate::core::format::fmt_num(v);
                let mut rule: Vec<String> = Vec::new();
                for shown in current.iter().map(|&v| shown(v)) {
                    if !rule.contains(&shown) {
                        rule.push(shown);
                    }
                }
                let rule = rule.join(" / ");
                let texts = [
                    ("text", Some(&item.text)),
                    ("guidance", item.guidance.as_ref()),
                ];
                for (field, text) in texts {
                    let Some(text) = text else { continue };
                    for (key, words) in [("zh", &text.zh), ("en", &text.en)] {
                        let mut quoted: Vec<f64> = Vec::new();
                        for (v, _, _) in numbers(words) {
                            if gone.contains(&v) && !quoted.contains(&v) {
                                quoted.push(v);
                                out.push(StaleNumber {
                                    path: format!(
                                        "areas[{a}].indicators[{i}].items[{k}].{field}.{key}"
                                    ),
                                    quoted: shown(v),
                                    rule: rule.clone(),
                                });
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 最大班额 made ≤ 40 for 小学: the item's words still saying 45 are noted, 50 (still the
    /// 初中 rule) is not; an item whose rule did not change says nothing.
    #[test]
    fn an_item_that_still_quotes_its_old_threshold_is_noted() {
        let base = crate::core::builtin::builtin("yzjh-school")
            .unwrap()
            .doc()
            .clone();
        let mut doc = base.clone();
        let (a, i, k) = doc
            .areas
            .iter()
            .enumerate()
            .flat_map(|(a, x)| {
                x.indicators.iter().enumerate().flat_map(move |(i, y)| {
                    y.items
                        .iter()
                        .enumerate()
                        .filter(|(_, it)| it.id == "G6")
                        .map(move |(k, _)| (a, i, k))
                })
            })
            .next()
            .unwrap();
        assert!(stale_item_numbers(&base, &doc).is_empty());
        let item = &mut doc.areas[a].indicators[i].items[k];
        assert!(item.text.zh.contains("45") && item.text.zh.contains("50"));
        let crate::core::model::ItemKind::Number { rule, .. } = &mut item.kind else {
            panic!("G6 is a number item")
        };
        rule.primary = Some(crate::core::model::Comparison::Le { value: 40.0 });
        let stale = stale_item_numbers(&base, &doc);
        let zh = format!("areas[{a}].indicators[{i}].items[{k}].text.zh");
        assert!(
            stale
                .iter()
                .any(|s| s.path == zh && s.quoted == "45" && s.rule.contains("40")),
            "{stale:?}"
        );
        assert!(stale.iter().all(|s| s.quoted == "45"), "{stale:?}");
    }

    #[test]
    fn a_title_that_still_says_6_and_85_is_noted_once_the_rule_says_5_and_80() {
        let mut doc = crate::core::builtin::builtin("yzjh-school")
            .unwrap()
            .doc()
            .clone();
        assert_eq!(
            stale_numbers(&doc),
            vec![],
            "the built-in agrees with itself"
        );
        doc.group_rules[0].min_pass = 5;
        doc.group_rules[0].floor_ratio = 0.8;
        let stale = stale_numbers(&doc);
        let quoted: Vec<(&str, &str)> = stale
            .iter()
            .map(|s| (s.path.as_str(), s.quoted.as_str()))
            .collect();
        assert!(
            quoted.contains(&("group_rules[0].title.zh", "6项")),
            "{quoted:?}"
        );
        assert!(
            quoted.contains(&("group_rules[0].title.zh", "85%")),
            "{quoted:?}"
        );
        assert!(
            quoted.contains(&("group_rules[0].title.en", "85%")),
            "{quoted:?}"
        );
        assert!(quoted.contains(&("description.zh", "6项")), "{quoted:?}");
        // The grade lines (达标≥95%、基本达标≥85%) are not the rule's.
        assert!(!quoted.contains(&("description.zh", "95%")), "{quoted:?}");
        // Reworded, nothing is left.
        doc.group_rules[0].title.zh = "资源配置7项指标至少5项达标，其余不低于标准的80%".into();
        doc.group_rules[0].title.en =
            "At least 5 of the 7 resource indicators met, the rest at least 80%".into();
        doc.description = None;
        assert_eq!(stale_numbers(&doc), vec![]);
    }
}
