//! Generated schools, for benchmarks and tests at scale (a county, a province): each a distinct
//! school with its own code, county, type, enrolment and resources, answered in full against
//! the built-in 优质均衡 checklist and exported as a real submission. And one test school for
//! any checklist ([`test_school`]), which 制作县级清单's preview fills in.

use crate::core::answers::{Answers, Slot, Value};
use crate::core::checklist::Checklist;
use crate::core::export::{export, file_name, to_text, Export, Submission};
use crate::core::model::{Comparison, ItemKind, SchoolType};
use crate::core::school::Profile;
use crate::core::score::{input_slots, item_parts};
use std::collections::BTreeMap;

/// A small deterministic generator (SplitMix64), so the same `n` is always the same school.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `lo..=hi`.
    fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// School `n` of a province of `counties` counties, as a submission of `checklist` (the
/// built-in `yzjh-school`): file name and document.
pub fn school(checklist: &Checklist, n: usize, counties: usize) -> (String, Export) {
    school_coded(checklist, n, counties, None)
}

/// School `n`, its code replaced by `code` (a placeholder such as 无, for the benchmark of
/// many schools that typed one).
pub fn school_coded(
    checklist: &Checklist,
    n: usize,
    counties: usize,
    code: Option<&str>,
) -> (String, Export) {
    let mut mix = Mix(n as u64);
    let t = [
        SchoolType::Primary,
        SchoolType::Junior,
        SchoolType::NineYear,
    ][n % 3];
    let county = n % counties.max(1);
    let mut answers = Answers::default();
    // Per 100 students, so the indicators land around their thresholds, and every part no
    // larger than its whole.
    let students = mix.int(200, 2400);
    let per100 = |mix: &mut Mix, lo: u64, hi: u64| students * mix.int(lo, hi) / 100;
    let full_time = per100(&mut mix, 5, 9);
    let eligible = mix.int(10, 60);
    let exchanged = eligible * mix.int(5, 25) / 100;
    let budget = students * mix.int(800, 1600);
    for slot in input_slots(checklist, t) {
        let value = match slot.id.as_str() {
            "students" => students,
            "classes" => students / mix.int(38, 50) + 1,
            "teachers_above_degree" => per100(&mut mix, 3, 7),
            "teachers_backbone" | "teachers_pe_art" => per100(&mut mix, 1, 2),
            "teachers_full_time" => full_time,
            "teachers_certified" | "teachers_trained_360" => full_time * mix.int(90, 100) / 100,
            "teachers_eligible_exchange" => eligible,
            "teachers_exchanged" => exchanged,
            "teachers_exchanged_backbone" => exchanged * mix.int(10, 40) / 100,
            "area_teaching" => per100(&mut mix, 350, 1000),
            "area_sports_outdoor" | "area_sports_indoor" => per100(&mut mix, 400, 1500),
            "equipment_value" => per100(&mut mix, 150_000, 350_000),
            "multimedia_rooms" => students / mix.int(35, 60) + 1,
            "music_rooms" | "art_rooms" => mix.int(1, 4),
            "public_funds_budget" => budget,
            "training_funds" => budget * mix.int(3, 8) / 100,
            _ => mix.int(30, 3000),
        };
        answers.set(slot, Value::Number(value.to_string()));
    }
    for (_, item) in checklist.items() {
        for (part, _) in item_parts(item, t) {
            let value = match item.kind {
                ItemKind::YesNo { .. } => {
                    if mix.int(0, 9) == 0 {
                        Value::No
                    } else {
                        Value::Yes
                    }
                }
                ItemKind::Number { .. } => Value::Number(mix.int(40, 100).to_string()),
                _ => continue,
            };
            answers.set(Slot::new(&item.id, part), value);
        }
    }
    let profile = Profile {
        school_name: format!("示例{county}县第{n}学校"),
        school_code: code.map_or_else(|| format!("43{county:04}{n:06}"), str::to_string),
        county: format!("示例{county}县"),
        school_type: Some(t),
        school_year: "2026-2027".into(),
        filled_by: "生成".into(),
    };
    // Answers a generator cannot make invalid: the limits are checked by the engine, and
    // an unusual value is a school's own business.
    let doc = export(&Submission {
        checklist,
        profile: &profile,
        answers: &answers,
        plan: &[],
        attachments: &[],
        created: "2026-09-01T08:00:00+08:00",
        exported: "2026-11-20T16:30:00+08:00",
        app_version: "sample",
        previous: None,
        review: &[],
    })
    .expect("a generated school exports");
    (format!("{n:06}-{}", file_name(&doc)), doc)
}

/// School `n`'s file name and text.
pub fn school_file(checklist: &Checklist, n: usize, counties: usize) -> (String, String) {
    school_file_coded(checklist, n, counties, None)
}

/// School `n`'s file name and text, its code replaced by `code`.
pub fn school_file_coded(
    checklist: &Checklist,
    n: usize,
    counties: usize,
    code: Option<&str>,
) -> (String, String) {
    let (name, doc) = school_coded(checklist, n, counties, code);
    (name, to_text(&doc).expect("a generated school serialises"))
}

/// A complete, valid set of answers to `checklist` for a school of type `t`, whatever the
/// checklist, that an officer recognises as a school: 600 pupils in a 小学, 900 in a 初中 (a
/// 九年一贯制 school 600 in each part), 40 or 45 to a class, one teacher to 15 pupils, and every computed
/// indicator at its threshold (just past it where the figure must be whole), so the preview
/// shows what a changed rule does. Every input within its limits (whole where whole, at least
/// its minimum, at most what it cannot exceed, percentages within 0–100), every item answered
/// (达标, the best level, a number that meets its rule, facts "no").
pub fn test_school(checklist: &Checklist, t: SchoolType) -> Answers {
    use crate::core::answers::Part;
    use crate::core::model::{Formula, InputScope};
    let doc = checklist.doc();
    let mut answers = Answers::default();
    let enrolment = doc
        .split
        .as_ref()
        .map(|s| s.enrolment_input.clone())
        .unwrap_or_else(|| "students".into());
    let slots = input_slots(checklist, t);
    // The pupils of a part (or of the whole school, for figures it shares).
    let pupils = |part: Part| match (t, part) {
        (SchoolType::Junior, _) => 900.0,
        (SchoolType::NineYear, Part::Whole) => 1200.0,
        (SchoolType::NineYear, Part::Junior) => 600.0,
        _ => 600.0,
    };
    let per_class = |part: Part| match (t, part) {
        (SchoolType::Junior, _) | (SchoolType::NineYear, Part::Junior) => 45.0,
        _ => 40.0,
    };
    // A plausible figure for any input, by what it counts; the indicators then set theirs.
    let mut values: BTreeMap<Slot, f64> = BTreeMap::new();
    for slot in &slots {
        let Some(input) = checklist.input(&slot.id) else {
            continue;
        };
        let n: f64 = pupils(slot.part);
        let v = match (slot.id.as_str(), input.unit.as_str()) {
            (id, _) if id == enrolment => n,
            ("classes", _) => (n / per_class(slot.part)).ceil(),
            (_, u) if u.contains('%') => 80.0,
            (_, "人") => (n / 15.0).ceil(),
            (_, "㎡") => n * 6.0,
            (_, "元") => n * 1000.0,
            (_, "间" | "个" | "班") => (n / 40.0).ceil(),
            _ => (n / 15.0).ceil(),
        };
        values.insert(slot.clone(), v);
    }
    // Each ratio's numerator at the threshold, in the checklist's order (a numerator set once
    // stays: it may be another ratio's denominator).
    let mut pinned: Vec<Slot> = Vec::new();
    for (_, item) in checklist.items() {
        let ItemKind::Computed { formula, .. } = &item.kind else {
            continue;
        };
        // A sum is a ratio over nothing: the inputs add up to the threshold.
        let none: Vec<String> = Vec::new();
        let (numerator, denominator, scale) = match formula {
            Formula::Ratio {
                numerator,
                denominator,
                scale,
            } => (numerator, denominator, *scale),
            Formula::Sum { inputs } => (inputs, &none, 1.0),
            Formula::Difference { .. } => continue,
        };
        // Set for every part first: a shared figure serves both parts of the item.
        let mut item_tops: Vec<Slot> = Vec::new();
        for (part, rule) in item_parts(item, t) {
            let Some(threshold) = rule.and_then(|r| match r {
                Comparison::Ge { value } => Some(value),
                // Just past a strict threshold.
                Comparison::Gt { value } => Some(value * 1.01 + 0.01),
                Comparison::Between { min, max } => Some((min + max) / 2.0),
                Comparison::Le { .. } | Comparison::Lt { .. } => None,
            }) else {
                continue;
            };
            // The slots an input of this part is entered in (the whole school: both parts).
            let slots_of = |id: &str| -> Vec<Slot> {
                slots
                    .iter()
                    .filter(|s| {
                        s.id == id
                            && (part == Part::Whole || s.part == part || s.part == Part::Whole)
                    })
                    .cloned()
                    .collect()
            };
            let below: f64 = if denominator.is_empty() {
                1.0
            } else {
                denominator
                    .iter()
                    .flat_map(|id| slots_of(id))
                    .filter_map(|s| values.get(&s))
                    .sum()
            };
            let tops: Vec<Slot> = numerator
                .iter()
                .flat_map(|id| slots_of(id))
                .filter(|s| !pinned.contains(s))
                .collect();
            if below <= 0.0 || scale <= 0.0 || tops.is_empty() {
                continue;
            }
            let target = threshold * below / scale;
            for (k, s) in tops.iter().enumerate() {
                // Several inputs add up (outdoor and indoor sports areas): the first most.
                let share = if tops.len() == 1 {
                    1.0
                } else if k == 0 {
                    0.8
                } else {
                    0.2 / (tops.len() - 1) as f64
                };
                // A figure a 九年一贯制 school shares is split by weighted enrolment: enough of
                // it for this part's share to reach the threshold, the larger need of the two.
                let shared = checklist
                    .input(&s.id)
                    .is_some_and(|i| i.scope == InputScope::Shared)
                    && t == SchoolType::NineYear
                    && part != Part::Whole;
                let want = match (&doc.split, shared) {
                    (Some(split), true) => {
                        let weighted = split.primary_weight * pupils(Part::Primary)
                            + split.junior_weight * pupils(Part::Junior);
                        let w = if part == Part::Primary {
                            split.primary_weight
                        } else {
                            split.junior_weight
                        };
                        threshold / scale * weighted / w * share
                    }
                    _ => target * share,
                };
                let v = values.entry(s.clone()).or_insert(0.0);
                *v = if item_tops.contains(s) {
                    v.max(want)
                } else {
                    want
                };
            }
            item_tops.extend(tops);
        }
        pinned.extend(item_tops);
    }
    // Differences after the rest (a rate that must also reach a threshold of its own is set
    // by then): the other rate of the pair moves by the threshold.
    for (_, item) in checklist.items() {
        let ItemKind::Computed {
            formula:
                Formula::Difference {
                    minuend,
                    subtrahend,
                },
            ..
        } = &item.kind
        else {
            continue;
        };
        for (part, rule) in item_parts(item, t) {
            // Past a strict threshold by half a point (fitness up by more than 0).
            let step = match rule {
                Some(Comparison::Ge { value }) => value.max(0.0),
                Some(Comparison::Gt { value }) => value.max(0.0) + 0.5,
                _ => continue,
            };
            let slot = |id: &str| {
                slots
                    .iter()
                    .find(|s| s.id == id && (s.part == part || s.part == Part::Whole))
                    .cloned()
            };
            let (Some(m), Some(s)) = (slot(minuend), slot(subtrahend)) else {
                continue;
            };
            if pinned.contains(&m) {
                let high = values.get(&m).copied().unwrap_or(0.0);
                values.insert(s.clone(), (high - step).max(0.0));
            } else {
                let low = values.get(&s).copied().unwrap_or(0.0).min(100.0 - step);
                values.insert(s.clone(), low);
                values.insert(m.clone(), low + step);
            }
            pinned.extend([m, s]);
        }
    }
    // Within each input's limits: whole, at least its minimum, at most what it cannot exceed.
    for slot in &slots {
        let Some(input) = checklist.input(&slot.id) else {
            continue;
        };
        let mut v = values.get(slot).copied().unwrap_or(0.0);
        if input.integer {
            v = v.ceil();
        }
        if let Some(min) = input.min {
            v = v.max(min);
        }
        if input.unit.contains('%') {
            v = v.clamp(0.0, 100.0);
        }
        if let Some(other) = &input.at_most {
            let cap = slots
                .iter()
                .find(|s| &s.id == other && (s.part == slot.part || s.part == Part::Whole))
                .and_then(|s| values.get(s))
                .copied();
            if let Some(cap) = cap {
                v = v.min(cap);
            }
        }
        // Money and areas rounded as people write them.
        if !input.integer && v >= 100.0 {
            v = v.ceil();
        } else if !input.integer {
            v = (v * 100.0).ceil() / 100.0;
        }
        values.insert(slot.clone(), v);
        answers.set(slot.clone(), Value::Number(crate::core::format::fmt_num(v)));
    }
    for (_, item) in checklist.items() {
        for (part, rule) in item_parts(item, t) {
            let value = match &item.kind {
                ItemKind::YesNo { .. } => Value::Yes,
                ItemKind::Flag => Value::No,
                ItemKind::Text => Value::Text("—".into()),
                ItemKind::Levels { levels, .. } => {
                    match levels.iter().max_by(|a, b| a.points.total_cmp(&b.points)) {
                        Some(best) => Value::Level(best.id.clone()),
                        None => continue,
                    }
                }
                ItemKind::Number { unit, .. } => {
                    let v = match rule {
                        Some(Comparison::Ge { value }) | Some(Comparison::Le { value }) => value,
                        Some(Comparison::Gt { value }) => value + 1.0,
                        Some(Comparison::Lt { value }) => (value - 1.0).max(0.0),
                        Some(Comparison::Between { min, .. }) => min,
                        None => 1.0,
                    };
                    let v = if unit.contains('%') {
                        v.clamp(0.0, 100.0)
                    } else {
                        v.max(0.0)
                    };
                    Value::Number(crate::core::format::fmt_num(v))
                }
                ItemKind::Computed { .. } => continue,
            };
            answers.set(Slot::new(&item.id, part), value);
        }
    }
    answers
}
