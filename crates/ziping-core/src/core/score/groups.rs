//! Group rules (at least so many of a group's items met, the rest not below the floor) per
//! part, and the grade band a percentage falls in.

use super::*;

/// Evaluates a group rule for each part its items are checked in.
pub(super) fn group(rule: &GroupRule, items: &[ItemResult]) -> Vec<GroupResult> {
    let by_id = |id: &str| items.iter().find(|r| r.id == id);
    let mut parts: Vec<Part> = Vec::new();
    for id in &rule.items {
        for p in by_id(id).map(|r| r.parts.as_slice()).unwrap_or_default() {
            if !parts.contains(&p.part) {
                parts.push(p.part);
            }
        }
    }
    parts
        .into_iter()
        .map(|part| {
            let (mut passed, mut below_floor, mut pending, mut counted) =
                (0, Vec::new(), Vec::new(), 0);
            for id in &rule.items {
                let Some(p) = by_id(id).and_then(|r| r.parts.iter().find(|p| p.part == part))
                else {
                    continue;
                };
                counted += 1;
                match p.outcome {
                    Outcome::Met => passed += 1,
                    Outcome::Near => {}
                    Outcome::NotMet | Outcome::Undefined => below_floor.push(id.clone()),
                    _ => pending.push(id.clone()),
                }
            }
            let required = rule.min_pass.min(counted);
            let holds = if !below_floor.is_empty() || passed + pending.len() < required {
                Some(false)
            } else if pending.is_empty() {
                Some(passed >= required)
            } else {
                None
            };
            GroupResult {
                id: rule.id.clone(),
                part,
                passed,
                required,
                below_floor,
                pending,
                holds,
            }
        })
        .collect()
}

/// The highest band reached by `percent`, no higher than any cap (of a failed group rule or a
/// short item in `capped_by`).
pub(super) fn band(doc: &ChecklistDoc, percent: f64, capped_by: &[String]) -> Option<String> {
    let cap_of = |id: &String| -> Option<&String> {
        doc.group_rules
            .iter()
            .find(|r| &r.id == id)
            .and_then(|r| r.fail_grade.as_ref())
            .or_else(|| {
                doc.areas
                    .iter()
                    .flat_map(|a| &a.indicators)
                    .flat_map(|i| &i.items)
                    .find(|i| &i.id == id)
                    .and_then(|i| i.cap.as_ref())
            })
    };
    let cap = capped_by
        .iter()
        .filter_map(cap_of)
        .filter_map(|b| doc.grades.iter().find(|g| &g.id == b))
        .map(|g| g.min_percent)
        .fold(f64::INFINITY, f64::min);
    doc.grades
        .iter()
        .filter(|g| percent >= g.min_percent - 1e-9 && g.min_percent <= cap)
        .max_by(|a, b| a.min_percent.total_cmp(&b.min_percent))
        .map(|g| g.id.clone())
}
