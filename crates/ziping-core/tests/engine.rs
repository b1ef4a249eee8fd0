//! The scoring engine, rule by rule, with boundary rows.

mod common;

use common::*;
use ziping_core::core::answers::{NumberError, Part, Value};
use ziping_core::core::checklist::Checklist;
use ziping_core::core::model::{Comparison, SchoolType};
use ziping_core::core::score::*;

fn outcome(a: &Assessment, id: &str, part: Part) -> Outcome {
    let item = a.items.iter().find(|r| r.id == id).expect("item exists");
    item.parts
        .iter()
        .find(|p| p.part == part)
        .expect("part exists")
        .outcome
}

#[test]
fn comparisons_at_their_boundaries() {
    use Comparison::*;
    // (rule, value, holds, within the 85% floor)
    let rows = [
        (Ge { value: 4.2 }, 4.2, true, true),
        (Ge { value: 4.2 }, 4.19, false, true),
        (Ge { value: 4.2 }, 3.57, false, true), // exactly 85% of 4.2
        (Ge { value: 4.2 }, 3.569, false, false),
        (Ge { value: 2000.0 }, 1700.0, false, true), // exactly 85% of 2000
        (Ge { value: 2000.0 }, 1699.99, false, false),
        (Gt { value: 10.0 }, 10.0, false, true),
        (Gt { value: 10.0 }, 10.001, true, true),
        (Le { value: 45.0 }, 45.0, true, true),
        (Le { value: 45.0 }, 46.0, false, true),
        (Le { value: 45.0 }, 45.0 / 0.85, false, true),
        (Le { value: 45.0 }, 53.0, false, false),
        (Lt { value: 45.0 }, 45.0, false, true),
        (Lt { value: 45.0 }, 44.99, true, true),
        (Between { min: 2.0, max: 4.0 }, 2.0, true, false),
        (Between { min: 2.0, max: 4.0 }, 4.0, true, false),
        (Between { min: 2.0, max: 4.0 }, 1.99, false, false),
        (Between { min: 2.0, max: 4.0 }, 4.01, false, false),
    ];
    for (rule, value, holds, floor) in rows {
        assert_eq!(rule.holds(value), holds, "{rule:?} holds for {value}");
        if !holds {
            assert_eq!(
                rule.within_floor(value, 0.85),
                floor,
                "{rule:?} floor for {value}"
            );
        }
    }
}

#[test]
fn computed_indicator_boundaries_in_the_engine() {
    let c = checklist();
    // teachers per 100 students, 小学 ≥ 4.2; 10,000 students (teachers come whole).
    let rows = [
        ("420", Outcome::Met),    // exactly 4.2
        ("410", Outcome::Near),   // 4.1 = 97.6%
        ("357", Outcome::Near),   // 3.57 = exactly 85%
        ("356", Outcome::NotMet), // 3.56 < 85%
        ("500", Outcome::Met),
    ];
    for (teachers, want) in rows {
        let mut a = good_primary();
        a.set(whole("students"), num("10000"));
        a.set(whole("area"), num("45000"));
        a.set(whole("teachers"), num(teachers));
        let r = assess(&c, SchoolType::Primary, &a);
        assert_eq!(outcome(&r, "r1", Part::Whole), want, "{teachers} teachers");
        let p = &r.items[0].parts[0];
        assert_eq!(p.rule, Some(Comparison::Ge { value: 4.2 }));
        let value: f64 = teachers.parse::<f64>().unwrap() / 100.0;
        assert!((p.value.unwrap() - value).abs() < 1e-9);
        assert!((p.ratio.unwrap() - value / 4.2).abs() < 1e-9);
    }
}

#[test]
fn number_rules_by_school_type() {
    let c = checklist();
    // class size: 小学 ≤ 45, 初中 ≤ 50
    let rows = [
        (SchoolType::Primary, "45", Outcome::Met),
        (SchoolType::Primary, "46", Outcome::NotMet),
        (SchoolType::Junior, "50", Outcome::Met),
        (SchoolType::Junior, "50.5", Outcome::NotMet),
    ];
    for (t, size, want) in rows {
        let mut a = good_primary();
        a.set(whole("q3"), num(size));
        assert_eq!(
            outcome(&assess(&c, t, &a), "q3", Part::Whole),
            want,
            "{t:?} class size {size}"
        );
    }
    // > as written: 10 is not more than 10.
    let mut a = good_primary();
    a.set(whole("q5"), num("10"));
    assert_eq!(
        outcome(&assess(&c, SchoolType::Primary, &a), "q5", Part::Whole),
        Outcome::NotMet
    );
}

#[test]
fn a_school_meeting_everything_is_complete_and_top_graded() {
    let c = checklist();
    let r = assess(&c, SchoolType::Primary, &good_primary());
    assert!(
        r.is_complete(),
        "missing {:?} invalid {:?}",
        r.missing,
        r.invalid
    );
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    assert!(r.shortfalls.is_empty(), "{:?}", r.shortfalls);
    // b2 does not apply (not boarding): 10+10+5+4+3+2+1+1+2+0+1 = 39 points.
    assert_eq!(r.total.max, 39.0);
    assert_eq!(r.total.earned, 39.0);
    assert_eq!(r.grade.band.as_deref(), Some("A"));
    assert!(!r.grade.provisional && !r.grade.vetoed);
    assert_eq!(r.groups[0].holds, Some(true));
    assert_eq!(r.areas[0].passed, Some(true));
}

#[test]
fn unanswered_is_never_no() {
    let c = checklist();
    let mut a = good_primary();
    a.values.remove(&whole("q1"));
    a.values.remove(&whole("teachers"));
    let r = assess(&c, SchoolType::Primary, &a);
    assert_eq!(outcome(&r, "q1", Part::Whole), Outcome::Missing);
    assert_eq!(outcome(&r, "r1", Part::Whole), Outcome::Missing);
    assert_eq!(r.missing, vec![whole("q1"), whole("teachers")]);
    assert!(r.grade.provisional);
    assert!(r.shortfalls.is_empty(), "nothing missing is a shortfall");
    // r2 passes, but r1 could still come in below the floor: the group is undecided.
    assert_eq!(r.groups[0].holds, None);
    assert_eq!(r.groups[0].pending, vec!["r1".to_string()]);
}

#[test]
fn levels_and_not_applicable() {
    let c = checklist();
    for (level, earned, outcome_want) in [
        ("A", 4.0, Outcome::Met),
        ("B", 3.0, Outcome::Partial),
        ("D", 0.0, Outcome::NotMet),
    ] {
        let mut a = good_primary();
        a.set(whole("q2"), Value::Level(level.into()));
        let r = assess(&c, SchoolType::Primary, &a);
        let item = r.items.iter().find(|i| i.id == "q2").unwrap();
        assert_eq!(item.earned, earned);
        assert_eq!(item.parts[0].outcome, outcome_want);
        let short = r.shortfalls.iter().any(|s| s.item == "q2");
        assert_eq!(short, level != "A");
    }
    let mut a = good_primary();
    a.set(whole("q1"), Value::NotApplicable);
    a.set(whole("v1"), Value::NotApplicable); // not allowed there
    let r = assess(&c, SchoolType::Primary, &a);
    assert_eq!(outcome(&r, "q1", Part::Whole), Outcome::NotApplicable);
    assert_eq!(r.invalid[0].slot, whole("v1"));
    assert_eq!(r.invalid[0].problem, ValueProblem::NotApplicableNotAllowed);
    a.set(whole("q2"), Value::Level("Z".into()));
    let r = assess(&c, SchoolType::Primary, &a);
    assert!(r
        .invalid
        .iter()
        .any(|i| i.problem == ValueProblem::UnknownLevel { level: "Z".into() }));
}

#[test]
fn veto_fails_whatever_the_points() {
    let c = checklist();
    let mut a = good_primary();
    a.set(whole("v1"), Value::No);
    let r = assess(&c, SchoolType::Primary, &a);
    assert!(r.grade.vetoed);
    assert_eq!(r.grade.band, None);
    assert_eq!(r.vetoes, vec![whole("v1")]);
    assert!(r.total.earned >= 37.0, "points are still counted");
    assert!(r.shortfalls.iter().any(|s| s.item == "v1" && s.veto));
}

/// A veto item not answered yet, or answered with something unusable: that no veto failed is
/// not known (an empty form once showed a green "无一票否决事项").
#[test]
fn a_veto_item_unanswered_leaves_the_veto_open() {
    let c = checklist();
    let r = assess(&c, SchoolType::Primary, &good_primary());
    assert_eq!(r.vetoes_open(&c), 0);
    let empty = assess(&c, SchoolType::Primary, &Default::default());
    assert!(empty.vetoes.is_empty());
    assert_eq!(empty.vetoes_open(&c), 1);
    let mut a = good_primary();
    a.set(whole("v1"), Value::Level("Z".into()));
    assert_eq!(assess(&c, SchoolType::Primary, &a).vetoes_open(&c), 1);
    a.set(whole("v1"), Value::No);
    let r = assess(&c, SchoolType::Primary, &a);
    assert_eq!((r.vetoes.len(), r.vetoes_open(&c)), (1, 0));
}

#[test]
fn conditions_and_school_types_decide_what_applies() {
    let c = checklist();
    let mut a = good_primary();
    a.set(whole("b1"), Value::Yes);
    let r = assess(&c, SchoolType::Primary, &a);
    assert!(r.items.iter().find(|i| i.id == "b2").unwrap().applicable);
    assert_eq!(r.missing, vec![whole("b2")]);
    let r = assess(&c, SchoolType::Junior, &good_primary());
    assert!(!r.items.iter().find(|i| i.id == "p1").unwrap().applicable);
}

#[test]
fn group_rule_with_the_floor_caps_the_grade() {
    let c = checklist();
    // r1 at 80% (below the floor), r2 at 80%: no item passes → the group fails → grade ≤ C.
    let mut a = good_primary();
    a.set(whole("students"), num("10000"));
    a.set(whole("teachers"), num("336"));
    a.set(whole("area"), num("36000"));
    let r = assess(&c, SchoolType::Primary, &a);
    let g = &r.groups[0];
    assert_eq!((g.passed, g.required, g.holds), (0, 1, Some(false)));
    assert_eq!(g.below_floor, vec!["r1".to_string(), "r2".to_string()]);
    assert_eq!(r.grade.capped_by, vec!["G".to_string()]);
    // 19 of 39 points = 48.7% → D anyway; the cap only matters above C.
    assert_eq!(r.grade.band.as_deref(), Some("D"));
    assert!(r.shortfalls.iter().any(|s| s.item == "G"
        && matches!(
            s.detail,
            ShortfallDetail::Group {
                passed: 0,
                required: 1,
                ..
            }
        )));

    // One passes, the other is at 90%: holds.
    a.set(whole("teachers"), num("420"));
    a.set(whole("area"), num("40500"));
    let r = assess(&c, SchoolType::Primary, &a);
    assert_eq!(r.groups[0].holds, Some(true));
    assert_eq!(outcome(&r, "r2", Part::Whole), Outcome::Near);
    let short = r.shortfalls.iter().find(|s| s.item == "r2").unwrap();
    match &short.detail {
        ShortfallDetail::Threshold {
            gap, near, unit, ..
        } => {
            assert!((gap - 0.45).abs() < 1e-9);
            assert!(near);
            assert_eq!(unit, "㎡");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn cap_lowers_a_high_score() {
    let c = checklist();
    // Both resource items far below → group fails, but everything else is perfect and the
    // resources weigh 20 of 39: 19/39 → D. Give the group a high score otherwise by checking
    // that the band never exceeds the cap when the percent would allow more.
    let mut a = good_primary();
    a.set(whole("students"), num("10000"));
    a.set(whole("teachers"), num("357")); // Near (exactly 85%)
    a.set(whole("area"), num("45000")); // Met
    let r = assess(&c, SchoolType::Primary, &a);
    assert_eq!(r.groups[0].holds, Some(true));
    assert_eq!(r.total.earned, 29.0);
    assert_eq!(r.grade.band.as_deref(), Some("C"), "29/39 = 74.4% is C");
}

#[test]
fn nine_year_school_is_scored_as_two_parts() {
    let c = checklist();
    let mut a = good_primary();
    for id in ["students", "teachers", "area", "q3", "q5", "q6"] {
        a.values.remove(&whole(id));
    }
    // 小学 1000 students, 初中 500; shared area 9000 ㎡ split 1000 : 550.
    a.set(part("students", Part::Primary), num("1000"));
    a.set(part("students", Part::Junior), num("500"));
    a.set(part("teachers", Part::Primary), num("42"));
    a.set(part("teachers", Part::Junior), num("26")); // 5.2 < 5.3 → Near
    a.set(whole("area"), num("9000"));
    a.set(part("q3", Part::Primary), num("45"));
    a.set(part("q3", Part::Junior), num("50"));
    for p in [Part::Primary, Part::Junior] {
        a.set(part("q5", p), num("11"));
        a.set(part("q6", p), num("2"));
    }
    a.set(whole("q4"), num("1500")); // nine_year rule ≤ 2500, checked once
    let r = assess(&c, SchoolType::NineYear, &a);
    assert!(
        r.is_complete(),
        "missing {:?} invalid {:?}",
        r.missing,
        r.invalid
    );
    assert_eq!(outcome(&r, "r1", Part::Primary), Outcome::Met);
    assert_eq!(outcome(&r, "r1", Part::Junior), Outcome::Near);
    let r2 = r.items.iter().find(|i| i.id == "r2").unwrap();
    let primary_area = 9000.0 * 1000.0 / 1550.0 / 1000.0; // 5.806 ≥ 4.5
    let junior_area = 9000.0 * 550.0 / 1550.0 / 500.0; // 6.387 ≥ 5.8
    assert!((r2.parts[0].value.unwrap() - primary_area).abs() < 1e-9);
    assert!((r2.parts[1].value.unwrap() - junior_area).abs() < 1e-9);
    assert_eq!(
        r.items.iter().find(|i| i.id == "q4").unwrap().parts.len(),
        1
    );
    // Half the item's points per part: r1 earns 5 of 10.
    assert_eq!(r.items[0].earned, 5.0);
    // The group rule is checked per part.
    assert_eq!(
        r.groups
            .iter()
            .map(|g| (g.part, g.holds))
            .collect::<Vec<_>>(),
        vec![(Part::Primary, Some(true)), (Part::Junior, Some(true))]
    );
}

/// One definition of valid, decided in the core: impossible values are errors (not warnings),
/// so 检查 stops on them and no indicator is computed from them.
#[test]
fn impossible_values_are_errors_and_nothing_is_computed_from_them() {
    let c = checklist();
    let cases: &[(&str, &str, ValueProblem)] = &[
        // A part never exceeds its whole.
        (
            "teachers",
            "2000",
            ValueProblem::Exceeds {
                other: "students".into(),
            },
        ),
        // Counts and amounts are never negative.
        ("area", "-5", ValueProblem::Negative),
        ("teachers", "-9", ValueProblem::Negative),
        // People come whole.
        ("students", "10.5", ValueProblem::NotWhole),
        // Enrolment is at least 1: the ratios divide by it.
        ("students", "0", ValueProblem::BelowMin { min: 1.0 }),
        // Entered numbers are checked too: a class of −3 pupils.
        ("q3", "-3", ValueProblem::Negative),
        // Thousands separators only in groups of three: 95,5 is not 955.
        (
            "area",
            "95,5",
            ValueProblem::Number {
                error: NumberError::Separator {
                    text: "95,5".into(),
                },
            },
        ),
    ];
    for (id, text, want) in cases {
        let mut a = good_primary();
        a.set(whole(id), num(text));
        let r = assess(&c, SchoolType::Primary, &a);
        let problems: Vec<_> = r
            .invalid
            .iter()
            .map(|i| (i.slot.to_string(), i.problem.clone()))
            .collect();
        assert_eq!(
            problems,
            vec![(id.to_string(), want.clone())],
            "{id} = {text}"
        );
        assert!(r.grade.provisional, "{id} = {text}");
        assert!(!r.is_complete(), "{id} = {text}");
        if ["teachers", "students", "area"].contains(id) {
            let uses = if *id == "teachers" { "r1" } else { "r2" };
            assert_eq!(
                outcome(&r, uses, Part::Whole),
                Outcome::Invalid,
                "{id} = {text}"
            );
        }
    }
    // Exactly at the bound is fine: as many teachers as students, 0 ㎡ of a shared area.
    let mut a = good_primary();
    a.set(whole("teachers"), num("1000"));
    a.set(whole("area"), num("0"));
    assert!(assess(&c, SchoolType::Primary, &a).invalid.is_empty());
}

#[test]
fn percentages_stay_within_0_to_100() {
    let c =
        Checklist::from_json(&TEST_CHECKLIST.replace(r#""unit": "h""#, r#""unit": "%""#)).unwrap();
    for (text, ok) in [
        ("100", true),
        ("0", true),
        ("99.5%", true),
        ("100.1", false),
        ("250", false),
    ] {
        let mut a = good_primary();
        a.set(whole("q6"), num(text));
        let r = assess(&c, SchoolType::Primary, &a);
        let over = r
            .invalid
            .iter()
            .any(|i| i.problem == ValueProblem::AbovePercent);
        assert_eq!(!over, ok, "{text}: {:?}", r.invalid);
    }
}

#[test]
fn typos_are_reported_with_the_text_kept() {
    let c = checklist();
    let mut a = good_primary();
    a.set(whole("teachers"), num("4二"));
    a.set(whole("q3"), num("45人"));
    let r = assess(&c, SchoolType::Primary, &a);
    let slots: Vec<String> = r.invalid.iter().map(|i| i.slot.to_string()).collect();
    assert_eq!(slots, vec!["q3", "teachers"]);
    assert!(
        matches!(&r.invalid[0].problem, ValueProblem::Number { error } if error.to_string().contains("45人"))
    );
    assert_eq!(outcome(&r, "r1", Part::Whole), Outcome::Invalid);
    assert!(r.grade.provisional);
    assert_eq!(
        a.get(&whole("q3")),
        Some(&num("45人")),
        "answers are never changed"
    );
}

#[test]
fn result_serializes_as_a_json_object() {
    let c = checklist();
    let r = assess(&c, SchoolType::Primary, &good_primary());
    let json = serde_json::to_value(&r).unwrap();
    assert!(json.is_object());
    assert_eq!(json["total"]["earned"], serde_json::json!(r.total.earned));
}

/// An amount typed in 万元 counts as that many times 10,000 元: the same indicator, the same
/// score, the text kept as typed.
#[test]
fn money_typed_in_wan_yuan_scores_as_the_same_amount_in_yuan() {
    use ziping_core::core::answers::{Slot, Value};
    use ziping_core::core::model::SchoolType;
    use ziping_core::core::score::assess;
    let c = ziping_core::core::builtin::builtins()
        .unwrap()
        .into_iter()
        .find(|c| c.doc().id == "yzjh-school")
        .unwrap();
    let t = SchoolType::Primary;
    let mut yuan = ziping_core::sample::test_school(&c, t);
    let slot = Slot::whole("equipment_value");
    yuan.set(slot.clone(), Value::Number("1,234,500".into()));
    let mut wan = yuan.clone();
    wan.set(slot.clone(), Value::Number("123.45".into()));
    wan.set_wan_yuan(slot.clone(), true);
    let (a, b) = (assess(&c, t, &yuan), assess(&c, t, &wan));
    assert_eq!(a, b);
    // Typed in 万元 but left in 元: 123.45 元 is far short.
    let mut slip = wan.clone();
    slip.set_wan_yuan(slot, false);
    assert_ne!(assess(&c, t, &slip).total, a.total);
}
