//! 数据合理性提醒: raw figures that are each possible but unlikely together (1,200 classes for
//! 600 pupils, 200 ㎡ per pupil, an equipment value of 0.25 元 per pupil that was meant in
//! 万元). A note asks the principal to look again; it is never an error, never blocks an
//! export and never changes a score. Derived from the answers, never stored.
//!
//! The bounds are far outside what any school has (the national standards ask ≤ 45 or 50
//! pupils per class, 4.5 ㎡ of teaching rooms per pupil, some thousands of 元 of equipment per
//! pupil), so a note is almost always a typing slip: a missing or extra digit, the wrong unit.

use crate::core::answers::{Answers, Part, Slot};
use crate::core::checklist::Checklist;
use crate::core::model::{InputScope, SchoolType};
use crate::core::score::input_slots;

/// Pupils per class outside this range are unlikely (a teaching point may have 3).
pub const PUPILS_PER_CLASS: (f64, f64) = (2.0, 90.0);
/// Pupils per full-time teacher.
pub const PUPILS_PER_TEACHER: (f64, f64) = (2.0, 60.0);
/// Square metres per pupil of any area.
pub const AREA_PER_PUPIL: (f64, f64) = (0.1, 100.0);
/// 元 per pupil of any amount of money.
pub const YUAN_PER_PUPIL: (f64, f64) = (10.0, 200_000.0);
/// Rooms (间) per class, at most.
pub const ROOMS_PER_CLASS: f64 = 3.0;
/// Teachers counted among the full-time teachers (专任教师): never more than they are.
const AMONG_FULL_TIME: &[&str] = &[
    "teachers_above_degree",
    "teachers_backbone",
    "teachers_pe_art",
];

/// What is unlikely, with the figure that makes it so.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Unlikely {
    PupilsPerClass(f64),
    PupilsPerTeacher(f64),
    AreaPerPupil(f64),
    YuanPerPupil(f64),
    RoomsPerClass(f64),
    /// More than the full-time teachers (their number) they are counted among.
    MoreThanFullTime(f64),
}

/// A note on one field.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub slot: Slot,
    pub unlikely: Unlikely,
}

/// The notes on the raw data as typed so far (fields empty or not numbers give none).
pub fn notes(checklist: &Checklist, school_type: SchoolType, answers: &Answers) -> Vec<Note> {
    let doc = checklist.doc();
    // Pupils: the enrolment the 九年一贯制 split uses, else the input named `students`.
    let enrolment = doc
        .split
        .as_ref()
        .map(|s| s.enrolment_input.as_str())
        .unwrap_or("students");
    if checklist.input(enrolment).is_none() {
        return Vec::new();
    }
    let value = |slot: &Slot| {
        answers
            .number(slot)
            .and_then(Result::ok)
            .filter(|v| v.is_finite())
    };
    let slots = input_slots(checklist, school_type);
    let pupils_of = |part: Part| -> Option<f64> {
        if part == Part::Whole {
            // All the school's pupils: one field, or both parts of a 九年一贯制 school.
            let parts: Vec<f64> = slots
                .iter()
                .filter(|s| s.id == enrolment)
                .map(&value)
                .collect::<Option<Vec<f64>>>()?;
            Some(parts.iter().sum())
        } else {
            value(&Slot::new(enrolment, part))
        }
    };
    let mut out = Vec::new();
    for slot in &slots {
        let Some(def) = checklist.input(&slot.id) else {
            continue;
        };
        let Some(v) = value(slot).filter(|v| *v > 0.0) else {
            continue;
        };
        let part = if def.scope == InputScope::Shared {
            Part::Whole
        } else {
            slot.part
        };
        let Some(pupils) = pupils_of(part).filter(|p| *p > 0.0) else {
            continue;
        };
        let outside = |x: f64, (lo, hi): (f64, f64)| (x < lo || x > hi).then_some(x);
        // The same part's (or the whole school's) figure of another input.
        let other = |id: &str| {
            let part = match checklist.input(id).map(|d| d.scope) {
                Some(InputScope::Shared) => Part::Whole,
                _ => slot.part,
            };
            value(&Slot::new(id, part)).filter(|v| *v > 0.0)
        };
        if AMONG_FULL_TIME.contains(&slot.id.as_str()) {
            if let Some(full_time) = other("teachers_full_time").filter(|t| v > *t) {
                out.push(Note {
                    slot: slot.clone(),
                    unlikely: Unlikely::MoreThanFullTime(full_time),
                });
                continue;
            }
        }
        if def.unit == "间" {
            if let Some(per_class) = other("classes")
                .map(|c| v / c)
                .filter(|r| *r > ROOMS_PER_CLASS)
            {
                out.push(Note {
                    slot: slot.clone(),
                    unlikely: Unlikely::RoomsPerClass(per_class),
                });
                continue;
            }
        }
        let unlikely = match (slot.id.as_str(), def.unit.as_str()) {
            ("classes", _) => outside(pupils / v, PUPILS_PER_CLASS).map(Unlikely::PupilsPerClass),
            ("teachers_full_time", _) => {
                outside(pupils / v, PUPILS_PER_TEACHER).map(Unlikely::PupilsPerTeacher)
            }
            (_, "㎡") => outside(v / pupils, AREA_PER_PUPIL).map(Unlikely::AreaPerPupil),
            (_, "元") => outside(v / pupils, YUAN_PER_PUPIL).map(Unlikely::YuanPerPupil),
            _ => None,
        };
        if let Some(unlikely) = unlikely {
            out.push(Note {
                slot: slot.clone(),
                unlikely,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::Value;
    use crate::core::builtin::builtins;

    fn answers(values: &[(&str, Part, &str)]) -> Answers {
        let mut a = Answers::default();
        for (id, part, text) in values {
            a.set(Slot::new(*id, *part), Value::Number(text.to_string()));
        }
        a
    }

    fn yzjh() -> Checklist {
        builtins()
            .unwrap()
            .into_iter()
            .find(|c| c.doc().id == "yzjh-school")
            .unwrap()
    }

    #[test]
    fn unlikely_figures_together_are_noted_and_likely_ones_are_not() {
        let c = yzjh();
        let w = Part::Whole;
        let likely = answers(&[
            ("students", w, "600"),
            ("classes", w, "14"),
            ("teachers_full_time", w, "40"),
            ("area_teaching", w, "3,000"),
            ("equipment_value", w, "2500000"),
        ]);
        assert_eq!(notes(&c, SchoolType::Primary, &likely), []);
        let unlikely = answers(&[
            ("students", w, "600"),
            ("classes", w, "1200"),
            ("teachers_full_time", w, "400"),
            ("area_teaching", w, "120000"),
            ("equipment_value", w, "250"),
        ]);
        let got = notes(&c, SchoolType::Primary, &unlikely);
        let kinds: Vec<_> = got
            .iter()
            .map(|n| (n.slot.id.as_str(), n.unlikely))
            .collect();
        assert_eq!(
            kinds,
            [
                ("classes", Unlikely::PupilsPerClass(0.5)),
                ("teachers_full_time", Unlikely::PupilsPerTeacher(1.5)),
                ("area_teaching", Unlikely::AreaPerPupil(200.0)),
                ("equipment_value", Unlikely::YuanPerPupil(250.0 / 600.0)),
            ]
        );
        // Teachers counted among the full-time ones, more than they are; 1200 rooms.
        let among = answers(&[
            ("students", w, "600"),
            ("classes", w, "15"),
            ("teachers_full_time", w, "3"),
            ("teachers_above_degree", w, "30"),
            ("multimedia_rooms", w, "1200"),
        ]);
        let kinds: Vec<_> = notes(&c, SchoolType::Primary, &among)
            .into_iter()
            .map(|n| (n.slot.id, n.unlikely))
            .collect();
        assert!(
            kinds.contains(&(
                "teachers_above_degree".into(),
                Unlikely::MoreThanFullTime(3.0)
            )),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("multimedia_rooms".into(), Unlikely::RoomsPerClass(80.0))),
            "{kinds:?}"
        );
        // The same amount typed in 万元: read in 元, no note.
        let mut wan = unlikely.clone();
        wan.set_wan_yuan(Slot::whole("equipment_value"), true);
        assert!(!notes(&c, SchoolType::Primary, &wan)
            .iter()
            .any(|n| n.slot.id == "equipment_value"));
        // Nothing to compare with: no note.
        let alone = answers(&[("classes", w, "1200")]);
        assert_eq!(notes(&c, SchoolType::Primary, &alone), []);
    }

    #[test]
    fn a_nine_year_school_is_compared_part_by_part_and_shared_figures_with_all_its_pupils() {
        let c = yzjh();
        let (p, j) = (Part::Primary, Part::Junior);
        let a = answers(&[
            ("students", p, "800"),
            ("students", j, "1040"),
            ("classes", p, "18"),
            ("classes", j, "1"),
            ("area_sports_outdoor", Part::Whole, "15000"),
        ]);
        let got = notes(&c, SchoolType::NineYear, &a);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].slot, Slot::new("classes", j));
        assert_eq!(got[0].unlikely, Unlikely::PupilsPerClass(1040.0));
    }
}
