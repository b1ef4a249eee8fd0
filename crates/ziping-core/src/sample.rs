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
/// checklist: every input entered within its limits (whole where whole, at least its
/// minimum, at most the input it cannot exceed, percentages within 0–100), every item
/// answered (达标, the best level, a number that meets its rule, facts "no"). A preview's test
/// school: not every indicator computed from it is met.
pub fn test_school(checklist: &Checklist, t: SchoolType) -> Answers {
    let doc = checklist.doc();
    let mut answers = Answers::default();
    let mut values: BTreeMap<(String, crate::core::answers::Part), f64> = BTreeMap::new();
    fn value_of(
        doc: &crate::core::model::ChecklistDoc,
        id: &str,
        part: crate::core::answers::Part,
        values: &mut BTreeMap<(String, crate::core::answers::Part), f64>,
        depth: usize,
    ) -> f64 {
        if let Some(v) = values.get(&(id.to_string(), part)) {
            return *v;
        }
        let Some(input) = doc.inputs.iter().find(|i| i.id == id) else {
            return 0.0;
        };
        let mut v = if input.unit.contains('%') {
            80.0
        } else {
            match (&input.at_most, depth) {
                // Nine tenths of what it cannot exceed (a chain of them is followed a few steps).
                (Some(other), d) if d < 8 => value_of(doc, other, part, values, d + 1) * 0.9,
                _ => 600.0,
            }
        };
        if let Some(min) = input.min {
            v = v.max(min);
        }
        if input.integer {
            v = v.floor();
        }
        values.insert((id.to_string(), part), v);
        v
    }
    for slot in input_slots(checklist, t) {
        let v = value_of(doc, &slot.id, slot.part, &mut values, 0);
        answers.set(slot, Value::Number(crate::core::rules::fmt_num(v)));
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
                    Value::Number(crate::core::rules::fmt_num(v))
                }
                ItemKind::Computed { .. } => continue,
            };
            answers.set(Slot::new(&item.id, part), value);
        }
    }
    answers
}
