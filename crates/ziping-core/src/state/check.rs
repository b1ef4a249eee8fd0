//! 检查: what in a draft still needs the principal, in the order the form shows it, and how far
//! each section is. One definition, used by the fill page, its progress and the export prompt.

use crate::core::answers::{Answers, Slot};
use crate::core::checklist::Checklist;
use crate::core::model::{ItemKind, SchoolType};
use crate::core::score::{input_slots, Assessment, Outcome};

/// A part of the form: the raw data (基础数据), or one area of the checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Inputs,
    Area(usize),
}

/// The sections of a checklist's form, in order: raw data first when there is any.
pub fn sections(checklist: &Checklist) -> Vec<Section> {
    let doc = checklist.doc();
    let inputs = (!doc.inputs.is_empty()).then_some(Section::Inputs);
    inputs
        .into_iter()
        .chain((0..doc.areas.len()).map(Section::Area))
        .collect()
}

/// Why a slot needs attention, most serious first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Concern {
    /// A value that cannot be used (not a number, negative, more than its whole …).
    Error,
    /// Nothing entered yet.
    Missing,
    /// Usable, but something to look at (an indicator that cannot be computed).
    Warning,
}

/// One place 检查 points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attention {
    /// Index into [`sections`].
    pub section: usize,
    pub slot: Slot,
    pub concern: Concern,
}

/// Everything that needs attention, in screen order (section by section, field by field); a
/// raw figure unlikely beside the others ([`crate::core::plausible`]) is a warning.
pub fn attention(
    checklist: &Checklist,
    t: SchoolType,
    answers: &Answers,
    a: &Assessment,
) -> Vec<Attention> {
    let unlikely = crate::core::plausible::notes(checklist, t, answers);
    let invalid = |s: &Slot| a.invalid.iter().any(|i| &i.slot == s);
    let missing = |s: &Slot| a.missing.binary_search(s).is_ok();
    let warned = |s: &Slot| a.warnings.iter().any(|w| &w.slot == s);
    let mut out = Vec::new();
    let mut push = |section: usize, slot: Slot, concern: Option<Concern>| {
        if let Some(concern) = concern {
            out.push(Attention {
                section,
                slot,
                concern,
            });
        }
    };
    for (n, section) in sections(checklist).into_iter().enumerate() {
        match section {
            Section::Inputs => {
                for slot in input_slots(checklist, t) {
                    let concern = if invalid(&slot) {
                        Some(Concern::Error)
                    } else if missing(&slot) {
                        Some(Concern::Missing)
                    } else if unlikely.iter().any(|n| n.slot == slot) {
                        Some(Concern::Warning)
                    } else {
                        None
                    };
                    push(n, slot, concern);
                }
            }
            Section::Area(area) => {
                for ((loc, item), result) in checklist.items().zip(&a.items) {
                    // Free text is optional.
                    if loc.area != area || !result.applicable || item.kind == ItemKind::Text {
                        continue;
                    }
                    let computed = matches!(item.kind, ItemKind::Computed { .. });
                    for p in &result.parts {
                        let slot = Slot::new(&item.id, p.part);
                        let concern = match p.outcome {
                            Outcome::Invalid if invalid(&slot) => Some(Concern::Error),
                            // A computed item waits for raw data, listed in its own section.
                            Outcome::Missing | Outcome::Invalid if computed => None,
                            Outcome::Missing => Some(Concern::Missing),
                            _ if warned(&slot) => Some(Concern::Warning),
                            _ => None,
                        };
                        push(n, slot, concern);
                    }
                }
            }
        }
    }
    out
}

/// 整改清单 rows whose 完成时限 cannot be meant (row number from 1, row id, what is wrong):
/// 检查 lists them after the form's places.
pub fn plan_problems(
    plan: &[crate::core::school::PlanRow],
    school_year: &str,
) -> Vec<(usize, u64, crate::core::school::DeadlineProblem)> {
    plan.iter()
        .enumerate()
        .filter_map(|(n, row)| {
            crate::core::school::deadline_problem(&row.deadline, school_year)
                .map(|p| (n + 1, row.id, p))
        })
        .collect()
}

/// How many of a section's slots are done (answered with a usable value), of how many.
pub fn progress(
    checklist: &Checklist,
    t: SchoolType,
    answers: &Answers,
    a: &Assessment,
    section: Section,
) -> (usize, usize) {
    match section {
        Section::Inputs => {
            let slots = input_slots(checklist, t);
            let done = slots
                .iter()
                .filter(|s| answers.get(s).is_some() && !a.invalid.iter().any(|i| &i.slot == *s))
                .count();
            (done, slots.len())
        }
        Section::Area(area) => {
            let (mut done, mut total) = (0, 0);
            for ((loc, item), r) in checklist.items().zip(&a.items) {
                if loc.area != area || !r.applicable || item.kind == ItemKind::Text {
                    continue;
                }
                for p in &r.parts {
                    total += 1;
                    done += usize::from(!matches!(p.outcome, Outcome::Missing | Outcome::Invalid));
                }
            }
            (done, total)
        }
    }
}

/// What 检查 found, counted by concern.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub missing: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of(list: &[Attention]) -> Tally {
        let mut t = Tally::default();
        for a in list {
            match a.concern {
                Concern::Error => t.errors += 1,
                Concern::Missing => t.missing += 1,
                Concern::Warning => t.warnings += 1,
            }
        }
        t
    }

    /// Nothing unanswered and nothing unusable (warnings do not hold an export back).
    pub fn is_complete(&self) -> bool {
        self.errors == 0 && self.missing == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::answers::{Part, Value};
    use crate::core::builtin;
    use crate::core::score::assess;

    fn yzjh() -> Checklist {
        builtin::builtins()
            .unwrap()
            .into_iter()
            .find(|c| c.doc().id == "yzjh-school")
            .unwrap()
    }

    fn num(s: &str) -> Option<Value> {
        Some(Value::Number(s.into()))
    }

    #[test]
    fn impossible_values_are_errors_that_check_stops_on() {
        let c = yzjh();
        let mut answers = Answers::default();
        // 教学班数 −9 and 持证教师 400 of 40 专任教师: both were passed by 检查 before.
        for (id, v) in [
            ("students", "1000"),
            ("classes", "-9"),
            ("teachers_full_time", "40"),
            ("teachers_certified", "400"),
        ] {
            answers.values.insert(Slot::whole(id), num(v).unwrap());
        }
        let a = assess(&c, SchoolType::Primary, &answers);
        let list = attention(&c, SchoolType::Primary, &answers, &a);
        let errors: Vec<String> = list
            .iter()
            .filter(|x| x.concern == Concern::Error)
            .map(|x| x.slot.to_string())
            .collect();
        assert_eq!(errors, ["classes", "teachers_certified"]);
        // In screen order: the raw data section comes first, so the first is an error there.
        assert_eq!(list[0].section, 0);
        let tally = Tally::of(&list);
        assert_eq!(tally.errors, 2);
        assert!(tally.missing > 0);
        assert!(!tally.is_complete());
        // G1 (rooms per 12 classes) and G10 (certified share) are not computed from them.
        for id in ["G1", "G10"] {
            let r = a.items.iter().find(|r| r.id == id).unwrap();
            assert!(
                r.parts.iter().all(|p| p.value.is_none()),
                "{id} computed from an impossible value"
            );
        }
    }

    #[test]
    fn a_nine_year_school_gets_one_slot_per_part_and_progress_counts_usable_values() {
        let c = yzjh();
        let mut answers = Answers::default();
        answers.values.insert(
            Slot::new("students", Part::Primary),
            Value::Number("600".into()),
        );
        answers.values.insert(
            Slot::new("students", Part::Junior),
            Value::Number("600.5".into()),
        );
        let a = assess(&c, SchoolType::NineYear, &answers);
        let list = attention(&c, SchoolType::NineYear, &answers, &a);
        assert_eq!(list[0].slot, Slot::new("students", Part::Junior));
        assert_eq!(list[0].concern, Concern::Error);
        let (done, total) = progress(&c, SchoolType::NineYear, &answers, &a, Section::Inputs);
        assert_eq!(done, 1, "600.5 students is not done");
        assert_eq!(total, 2 * 8 + 12, "8 per-part inputs twice, 12 shared once");
    }
}
