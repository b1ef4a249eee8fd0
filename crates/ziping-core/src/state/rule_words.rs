//! 制作县级清单's notes on words that quote a group rule's numbers: a county that changes "at
//! least 6 of 7, the rest ≥ 85 %" to 5 and 80 % and leaves the title saying 6 and 85 % would tell
//! its principals one rule and judge them by another. Notes, never errors: the officer decides.

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

#[cfg(test)]
mod tests {
    use super::*;

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
