//! What must hold for any answers: scoring never panics, improving an answer never lowers a
//! score, and the order answers were given in does not matter.

mod common;

use common::*;
use proptest::prelude::*;
use ziping_core::core::answers::{Answers, Part, Slot, Value};
use ziping_core::core::model::SchoolType;
use ziping_core::core::score::{assess, input_slots, item_parts, Assessment};

const IDS: &[&str] = &[
    "students", "teachers", "area", "r1", "r2", "q1", "q2", "q3", "q4", "q5", "q6", "v1", "b1",
    "b2", "p1", "t1", "nope", "",
];

fn school_type() -> impl Strategy<Value = SchoolType> {
    prop_oneof![
        Just(SchoolType::Primary),
        Just(SchoolType::Junior),
        Just(SchoolType::NineYear)
    ]
}

fn part() -> impl Strategy<Value = Part> {
    prop_oneof![Just(Part::Whole), Just(Part::Primary), Just(Part::Junior)]
}

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Yes),
        Just(Value::No),
        Just(Value::NotApplicable),
        "[A-Z]{0,2}".prop_map(Value::Level),
        "[-+0-9.,%０-９a-z ]{0,12}".prop_map(Value::Number),
        any::<f64>().prop_map(|f| Value::Number(f.to_string())),
        ".{0,20}".prop_map(Value::Text),
    ]
}

fn any_answers() -> impl Strategy<Value = Answers> {
    prop::collection::vec((prop::sample::select(IDS), part(), any_value()), 0..40).prop_map(
        |entries| {
            let mut a = Answers::default();
            for (id, p, v) in entries {
                if !id.is_empty() {
                    a.set(Slot::new(id, p), v);
                }
            }
            a
        },
    )
}

/// A plausible, fully typed answer for every slot a school of this type fills in.
fn plausible_answers(t: SchoolType) -> impl Strategy<Value = Answers> {
    let c = checklist();
    let mut slots: Vec<(Slot, &'static str)> =
        input_slots(&c, t).into_iter().map(|s| (s, "num")).collect();
    for (_, item) in c.items() {
        let kind = match item.id.as_str() {
            "q1" | "v1" | "b1" | "b2" | "p1" => "yn",
            "q2" => "level",
            "t1" | "r1" | "r2" => continue,
            _ => "num",
        };
        for (p, _) in item_parts(item, t) {
            slots.push((Slot::new(&item.id, p), kind));
        }
    }
    let strategies: Vec<_> = slots
        .into_iter()
        .map(|(slot, kind)| {
            let value: BoxedStrategy<Value> = match kind {
                "yn" => prop_oneof![Just(Value::Yes), Just(Value::No)].boxed(),
                "level" => prop::sample::select(vec!["A", "B", "C", "D"])
                    .prop_map(|l| Value::Level(l.into()))
                    .boxed(),
                _ => (0u32..5000)
                    .prop_map(|n| Value::Number(n.to_string()))
                    .boxed(),
            };
            (Just(slot), prop::option::weighted(0.9, value))
        })
        .collect();
    strategies.prop_map(|pairs| {
        let mut a = Answers::default();
        for (slot, v) in pairs {
            if let Some(v) = v {
                a.set(slot, v);
            }
        }
        a
    })
}

/// Makes one answered value better, if it can be: no → yes, a better level, a number
/// moved the way its rule prefers (or an input on a numerator grown).
fn improve(a: &Answers, slot: &Slot, by: u32) -> Option<Answers> {
    let better = match (slot.id.as_str(), a.get(slot)?) {
        (_, Value::No) if slot.id != "b1" => Value::Yes,
        (_, Value::Level(l)) => Value::Level(
            match l.as_str() {
                "D" => "C",
                "C" => "B",
                _ => "A",
            }
            .into(),
        ),
        // More teachers, but never more than students: that would be an impossible value,
        // not an improvement.
        ("teachers", Value::Number(n)) => {
            let students = match a.get(&Slot::new("students", slot.part))? {
                Value::Number(s) => s.parse::<u32>().ok()?,
                _ => return None,
            };
            let now = n.parse::<u32>().ok()?;
            let more = (now + by).min(students);
            if more <= now {
                return None;
            }
            Value::Number(more.to_string())
        }
        ("area" | "q5", Value::Number(n)) => {
            Value::Number((n.parse::<u32>().ok()? + by).to_string())
        }
        ("q3" | "q4", Value::Number(n)) => {
            Value::Number(n.parse::<u32>().ok()?.saturating_sub(by).to_string())
        }
        _ => return None,
    };
    let mut next = a.clone();
    next.set(slot.clone(), better);
    Some(next)
}

fn grade_rank(a: &Assessment) -> i32 {
    match a.grade.band.as_deref() {
        None => 0,
        Some("D") => 1,
        Some("C") => 2,
        Some("B") => 3,
        Some("A") => 4,
        Some(other) => panic!("unknown band {other}"),
    }
}

fn holds_rank(h: Option<bool>) -> i32 {
    match h {
        Some(false) => 0,
        None => 1,
        Some(true) => 2,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn scoring_never_panics_and_always_serializes(t in school_type(), answers in any_answers()) {
        let c = checklist();
        let r = assess(&c, t, &answers);
        prop_assert!(r.total.earned <= r.total.max + 1e-9);
        prop_assert!(r.total.earned >= 0.0);
        if let Some(p) = r.percent {
            prop_assert!(p.is_finite());
        }
        // Canonical JSON exists for any result (a submission's digest is computed over it).
        prop_assert!(serde_json_canonicalizer::to_vec(&r).is_ok());
    }

    #[test]
    fn improving_one_answer_never_lowers_any_score(
        (t, answers) in school_type().prop_flat_map(|t| (Just(t), plausible_answers(t))),
        pick in any::<prop::sample::Index>(),
        by in 1u32..2000,
    ) {
        let slots: Vec<Slot> = answers.values.keys().cloned().collect();
        prop_assume!(!slots.is_empty());
        let slot = pick.get(&slots);
        let Some(better) = improve(&answers, slot, by) else { return Ok(()) };
        let c = checklist();
        let before = assess(&c, t, &answers);
        let after = assess(&c, t, &better);
        prop_assert!(after.total.earned >= before.total.earned - 1e-9, "total fell improving {}", slot);
        for (b, a) in before.items.iter().zip(&after.items) {
            prop_assert!(a.earned >= b.earned - 1e-9, "item {} fell improving {}", a.id, slot);
        }
        for (b, a) in before.areas.iter().zip(&after.areas) {
            prop_assert!(a.tally.earned >= b.tally.earned - 1e-9);
        }
        for (b, a) in before.indicators.iter().zip(&after.indicators) {
            prop_assert!(a.earned >= b.earned - 1e-9);
        }
        prop_assert!(after.percent.unwrap_or(0.0) >= before.percent.unwrap_or(0.0) - 1e-9);
        prop_assert!(grade_rank(&after) >= grade_rank(&before), "grade fell improving {}", slot);
        for (b, a) in before.groups.iter().zip(&after.groups) {
            prop_assert!(holds_rank(a.holds) >= holds_rank(b.holds), "group fell improving {}", slot);
        }
        prop_assert!(after.shortfalls.len() <= before.shortfalls.len() + 1);
    }

    #[test]
    fn the_order_of_answers_does_not_matter(t in school_type(), entries in prop::collection::vec((prop::sample::select(IDS), part(), any_value()), 0..30), seed in any::<u64>()) {
        // Unique slots, so "the last one wins" plays no part.
        let mut seen = std::collections::BTreeSet::new();
        let entries: Vec<_> = entries.into_iter().filter(|(id, p, _)| !id.is_empty() && seen.insert((*id, *p))).collect();
        let mut shuffled = entries.clone();
        // A deterministic shuffle from the seed.
        let mut s = seed;
        for i in (1..shuffled.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let build = |list: &[(&str, Part, Value)]| {
            let mut a = Answers::default();
            for (id, p, v) in list {
                a.set(Slot::new(*id, *p), v.clone());
            }
            a
        };
        let c = checklist();
        prop_assert_eq!(assess(&c, t, &build(&entries)), assess(&c, t, &build(&shuffled)));
    }
}
