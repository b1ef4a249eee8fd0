//! What a grade means and what it would take to reach the next one: the checklist's own grade
//! lines, and either the points still missing or what holds the grade down (a failed group
//! rule, a short item that caps it, a veto). Derived from an assessment, never stored.

use super::Assessment;
use crate::core::checklist::Checklist;
use crate::core::model::Text;

/// The way to the next grade.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    /// The top grade is reached.
    Top,
    /// `points` more reach `band`.
    Points { points: f64, band: Text },
    /// These (group rules or items, by id) hold the grade at `band`; `next` is the grade above
    /// it, and `points` are also still missing for it (none when the points reach it).
    Held {
        by: Vec<String>,
        band: Text,
        next: Text,
        points: Option<f64>,
    },
    /// A veto item is not met: no grade.
    Vetoed,
    /// Not graded yet (nothing answered, or no points).
    Unknown,
}

/// The grade lines (highest first) and the way to the next grade.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlook {
    pub lines: Vec<(Text, f64)>,
    pub next: Next,
}

pub fn outlook(checklist: &Checklist, a: &Assessment) -> Outlook {
    let doc = checklist.doc();
    let mut bands: Vec<&crate::core::model::GradeBand> = doc.grades.iter().collect();
    bands.sort_by(|x, y| y.min_percent.total_cmp(&x.min_percent));
    let lines = bands
        .iter()
        .filter(|b| b.min_percent > 0.0)
        .map(|b| (b.label.clone(), b.min_percent))
        .collect();
    let next = if a.grade.vetoed {
        Next::Vetoed
    } else {
        match (a.percent, a.grade.band.as_ref()) {
            (Some(_), Some(band)) => {
                let current = bands.iter().position(|b| &b.id == band);
                // Each cap's band (its place among the bands, highest first), by id.
                let caps: Vec<(&String, usize)> = a
                    .grade
                    .capped_by
                    .iter()
                    .filter_map(|id| {
                        doc.group_rules
                            .iter()
                            .find(|g| &g.id == id)
                            .and_then(|g| g.fail_grade.as_ref())
                            .or_else(|| checklist.item(id).and_then(|i| i.cap.as_ref()))
                            .and_then(|b| bands.iter().position(|x| &x.id == b))
                            .map(|k| (id, k))
                    })
                    .collect();
                match current {
                    Some(0) => Next::Top,
                    Some(c) => {
                        let target = bands[c - 1];
                        // What keeps the grade below `target`: caps at this grade or lower (a
                        // cap at a higher grade does not hold it here).
                        let by: Vec<String> = caps
                            .iter()
                            .filter(|(_, k)| *k >= c)
                            .map(|(id, _)| (*id).clone())
                            .collect();
                        // The points still missing once what holds the grade is met: meeting
                        // it earns its items' points too (at 69 of 75 with Q5 and Q6 short,
                        // meeting them is 75: nothing more is missing).
                        let earned = a.total.earned + gain(checklist, a, &by);
                        let points = (earned / a.total.max * 100.0 < target.min_percent - 1e-9)
                            .then(|| points_to(target.min_percent, a.total.max, earned));
                        match (by.is_empty(), points) {
                            (true, Some(points)) => Next::Points {
                                points,
                                band: target.label.clone(),
                            },
                            (true, None) => Next::Unknown,
                            (false, points) => Next::Held {
                                by,
                                band: bands[c].label.clone(),
                                next: target.label.clone(),
                                points,
                            },
                        }
                    }
                    None => Next::Unknown,
                }
            }
            _ => Next::Unknown,
        }
    };
    Outlook { lines, next }
}

/// The points the items of `ids` (items, or group rules and their items) still lack: what
/// meeting them all would add at most.
fn gain(checklist: &Checklist, a: &Assessment, ids: &[String]) -> f64 {
    let mut items: Vec<&str> = Vec::new();
    for id in ids {
        match checklist.doc().group_rules.iter().find(|g| &g.id == id) {
            Some(rule) => items.extend(rule.items.iter().map(String::as_str)),
            None => items.push(id),
        }
    }
    items.sort_unstable();
    items.dedup();
    a.items
        .iter()
        .filter(|i| i.applicable && items.contains(&i.id.as_str()))
        .map(|i| (i.max - i.earned).max(0.0))
        .sum()
}

/// The points, to the hundredth above, that take `earned` of `max` to `percent`: 80 % of 158
/// less 105 is 21.4, not the 21.41 that rounding up 21.400000000000006 gives (the grade
/// itself is decided with the same allowance, `groups::grade`).
fn points_to(percent: f64, max: f64, earned: f64) -> f64 {
    let hundredths = (percent / 100.0 * max - earned) * 100.0;
    (hundredths - 1e-6).ceil() / 100.0
}

#[cfg(test)]
mod tests {
    use super::points_to;

    #[test]
    fn points_to_the_next_grade_are_what_a_person_would_work_out() {
        for (percent, max, earned, points) in [
            (80.0, 158.0, 105.0, 21.4),
            (90.0, 10.0, 8.5, 0.5),
            (80.0, 3.0, 2.0, 0.4),
            (80.0, 7.0, 5.0, 0.6),
            // Not a whole hundredth: rounded up, so the points shown do reach the grade.
            (80.0, 7.0, 5.123, 0.48),
            (60.0, 75.0, 44.99, 0.01),
        ] {
            assert_eq!(
                points_to(percent, max, earned),
                points,
                "{percent} {max} {earned}"
            );
        }
    }
}
