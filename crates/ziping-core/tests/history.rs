//! Year over year: last year's result beside this year's, item by item, across checklist
//! versions, school types and the two parts of a 九年一贯制 school.

mod common;

use common::*;
use ziping_core::core::answers::{Answers, Part, Slot, Value};
use ziping_core::core::checklist::Checklist;
use ziping_core::core::history::{compare, Change, YearResult};
use ziping_core::core::model::{Comparison, ItemKind, SchoolType};
use ziping_core::core::school_year::next_school_year;
use ziping_core::core::score::assess;

fn year(c: &Checklist, t: SchoolType, a: &Answers) -> YearResult {
    YearResult::of(&assess(c, t, a))
}

fn change(cmp: &ziping_core::core::history::YearComparison, id: &str) -> Change {
    cmp.items.iter().find(|i| i.id == id).unwrap().change
}

#[test]
fn the_same_checklist_shows_what_improved_worsened_and_was_resolved() {
    let c = builtin("yzjh-school");
    let mut last = example_school(&c, SchoolType::Primary);
    // Last year: 大班额 (G6 47 > 45) and 社会认可度 at 90; this year G6 is met, S1 fell to 80.
    last.set(Slot::whole("G6"), Value::Number("47".into()));
    last.set(Slot::whole("S1"), Value::Number("90".into()));
    let mut this = example_school(&c, SchoolType::Primary);
    this.set(Slot::whole("S1"), Value::Number("80".into()));
    this.set(Slot::whole("Q4"), Value::No);
    let cmp = compare(
        &year(&c, SchoolType::Primary, &last),
        &year(&c, SchoolType::Primary, &this),
    );
    assert_eq!(change(&cmp, "G6"), Change::Resolved);
    assert_eq!(change(&cmp, "S1"), Change::NewlyShort);
    assert_eq!(change(&cmp, "Q2"), Change::Same);
    assert!(!cmp.type_changed);
    assert!(cmp.items.iter().all(|i| !i.threshold_changed));
    // The areas follow their points: 政府保障程度 (A2) gained, 教育质量 (A3) lost (Q4 not met);
    // 社会认可度 (A4) is the county's and earns a school no points, so it cannot move.
    let area = |id: &str| cmp.areas.iter().find(|a| a.id == id).unwrap().change;
    assert_eq!(area("A2"), Change::Improved);
    assert_eq!(area("A3"), Change::Worse);
    assert_eq!(area("A4"), Change::Same);
    // An answer still to come is pending, not "worse".
    this.set(Slot::whole("Q2"), Value::Text(String::new()));
    let cmp = compare(
        &year(&c, SchoolType::Primary, &last),
        &year(&c, SchoolType::Primary, &this),
    );
    assert_eq!(change(&cmp, "Q2"), Change::Pending);
}

#[test]
fn a_changed_threshold_is_marked_and_new_and_dropped_items_are_listed() {
    let old = builtin("yzjh-school");
    let mut doc = old.doc().clone();
    doc.version = "2027.1".into();
    let indicator = &mut doc.areas[0].indicators[0];
    // R1 小学 4.2 → 4.5; R7 dropped; a new item NEW1 (a copy of R7 under another id).
    for item in &mut indicator.items {
        if item.id == "R1" {
            if let ItemKind::Computed { rule, .. } = &mut item.kind {
                rule.primary = Some(Comparison::Ge { value: 4.5 });
            }
        }
    }
    let mut new = indicator
        .items
        .iter()
        .find(|i| i.id == "R7")
        .unwrap()
        .clone();
    new.id = "NEW1".into();
    indicator.items.retain(|i| i.id != "R7");
    indicator.items.push(new);
    doc.group_rules[0].items.retain(|i| i != "R7");
    doc.group_rules[0].items.push("NEW1".into());
    let newer = Checklist::try_from(doc).unwrap();
    let t = SchoolType::Primary;
    let cmp = compare(
        &year(&old, t, &example_school(&old, t)),
        &year(&newer, t, &example_school(&newer, t)),
    );
    let r1 = cmp.items.iter().find(|i| i.id == "R1").unwrap();
    assert!(r1.threshold_changed);
    assert!(
        !cmp.items
            .iter()
            .find(|i| i.id == "R2")
            .unwrap()
            .threshold_changed
    );
    assert_eq!(change(&cmp, "NEW1"), Change::New);
    assert_eq!(change(&cmp, "R7"), Change::Dropped);
    // Dropped items come after this year's, in last year's order.
    assert_eq!(cmp.items.last().unwrap().id, "R7");
}

#[test]
fn a_nine_year_school_is_compared_part_by_part() {
    let c = builtin("yzjh-school");
    let t = SchoolType::NineYear;
    let mut last = example_school(&c, t);
    // Last year the 初中 part had too few degree teachers (R1 junior short).
    last.set(
        Slot::new("teachers_above_degree", Part::Junior),
        Value::Number("10".into()),
    );
    let this = example_school(&c, t);
    let cmp = compare(&year(&c, t, &last), &year(&c, t, &this));
    let r1 = cmp.items.iter().find(|i| i.id == "R1").unwrap();
    assert_eq!(r1.change, Change::Resolved);
    let parts: Vec<Part> = r1.parts.iter().map(|p| p.part).collect();
    assert_eq!(parts, [Part::Primary, Part::Junior]);
    let junior = &r1.parts[1];
    assert!(
        junior.last.as_ref().unwrap().value.unwrap() < junior.this.as_ref().unwrap().value.unwrap()
    );
}

#[test]
fn a_school_that_changed_type_compares_the_parts_both_years_have() {
    // A 小学 last year, a 九年一贯制 school this year: last year's school is this year's 小学部.
    // (The walk-through: G6 46 both years was 进步, the 小学部 never compared with last year's
    // figures, 初中部 listed beside nothing, Q1 — a 初中 item — 本年新增条目.)
    let c = builtin("yzjh-school");
    let mut last = example_school(&c, SchoolType::Primary);
    last.set(Slot::whole("G6"), Value::Number("46".into()));
    let mut this = example_school(&c, SchoolType::NineYear);
    this.set(Slot::new("G6", Part::Primary), Value::Number("46".into()));
    this.set(Slot::new("G6", Part::Junior), Value::Number("46".into()));
    let cmp = compare(
        &year(&c, SchoolType::Primary, &last),
        &year(&c, SchoolType::NineYear, &this),
    );
    assert!(cmp.type_changed);
    let r1 = cmp.items.iter().find(|i| i.id == "R1").unwrap();
    assert_eq!(r1.parts.len(), 1, "{:?}", r1.parts);
    assert_eq!(r1.parts[0].part, Part::Primary);
    assert!(r1.parts[0].last.is_some() && r1.parts[0].this.is_some());
    let g6 = cmp.items.iter().find(|i| i.id == "G6").unwrap();
    assert_eq!(g6.change, Change::Same, "46 both years, not met both years");
    assert_eq!(
        g6.parts
            .iter()
            .map(|p| (
                p.part,
                p.last.as_ref().and_then(|x| x.value),
                p.this.as_ref().and_then(|x| x.value)
            ))
            .collect::<Vec<_>>(),
        [(Part::Primary, Some(46.0), Some(46.0))]
    );
    assert!(
        cmp.items.iter().all(|i| i.id != "Q1"),
        "a 初中 item: no part both years have"
    );
    // School-wide items are compared as before.
    assert!(cmp
        .items
        .iter()
        .any(|i| i.id == "G1" && i.change == Change::Same));
    // The other way round (a 九年一贯制 school that became a 初中): its 初中部 is the school.
    let cmp = compare(
        &year(&c, SchoolType::NineYear, &this),
        &year(
            &c,
            SchoolType::Junior,
            &example_school(&c, SchoolType::Junior),
        ),
    );
    let r1 = cmp.items.iter().find(|i| i.id == "R1").unwrap();
    assert_eq!(
        r1.parts.iter().map(|p| p.part).collect::<Vec<_>>(),
        [Part::Junior]
    );
}

#[test]
fn last_years_stored_result_reads_as_the_recomputed_one() {
    for doc in example_exports() {
        let c = builtin(&doc.checklist.id);
        let t = doc.profile.school_type.unwrap();
        assert_eq!(
            YearResult::from_stored(&doc.result).unwrap(),
            YearResult::of(&assess(&c, t, &doc.answers))
        );
    }
}

#[test]
fn the_school_year_moves_on() {
    assert_eq!(next_school_year("2025-2026"), "2026-2027");
    assert_eq!(next_school_year("2025–2026"), "2026–2027");
    assert_eq!(next_school_year("2025学年"), "2025学年");
    assert_eq!(next_school_year(""), "");
}

#[test]
fn school_years_typed_three_ways_are_one_year_and_the_year_before_is_known() {
    use ziping_core::core::school_year::{canonical_school_year, year_before};
    for typed in [
        "2025-2026",
        " 2025—2026学年",
        "２０２５－２０２６",
        "2025/2026",
        "2025至2026学年度",
    ] {
        assert_eq!(
            canonical_school_year(typed).as_deref(),
            Some("2025-2026"),
            "{typed:?}"
        );
    }
    // Not a year pair the county can read: refused, never a year of its own.
    for refused in ["2025", "2025-2027", "二〇二五学年", "秋季 学期"] {
        assert_eq!(canonical_school_year(refused), None, "{refused:?}");
    }
    assert_eq!(year_before("2026-2027").as_deref(), Some("2025-2026"));
    assert_eq!(year_before("2026").as_deref(), Some("2025"));
    assert_eq!(year_before("2025-2027"), None);
    assert_eq!(year_before("秋季学期"), None);
}
