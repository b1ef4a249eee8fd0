//! 数据核查: each kind of flag is raised on the school that deserves it, and not on a school
//! whose figures are ordinary; no flag changes a score or whether a file counts.

mod common;

use common::*;
use ziping_core::core::aggregate::flags::{FlagKind, Measure};
use ziping_core::core::answers::{Part, Slot, Value};

fn set(a: &mut ziping_core::core::answers::Answers, id: &str, v: f64) {
    a.set(Slot::whole(id), Value::Number(v.to_string()));
}

#[test]
fn each_kind_of_flag_lands_on_the_school_that_deserves_it() {
    let c = builtin("yzjh-school");
    let known = vec![c.clone()];
    let year = |n: u32, edit: &dyn Fn(&mut ziping_core::core::answers::Answers)| {
        read(
            file(&n.to_string(), &c, EXAMPLE_EXPORTED, |p, a| {
                set(a, "students", 600.0 + 40.0 * f64::from(n));
                set(a, "equipment_value", 5_000_000.0 + f64::from(n));
                // An evidence note on a red line: nothing to flag there.
                if n != 1 {
                    a.notes.insert("V1".into(), "见家长会记录".into());
                }
                edit(a);
                p.school_code = format!("43070000{n:02}");
            }),
            &c,
            &known,
        )
    };
    let mut files = vec![
        year(1, &|_| {}),
        // 2: 8 classes for 680 pupils and 60 teachers: 7.5 teachers a class, far from the
        // county's 3.3 (2 classes, 340 pupils a class, would be 人数存疑, not counted unasked).
        year(2, &|a| set(a, "classes", 8.0)),
        year(3, &|_| {}),
        // 4 and 5: the same figures, two schools.
        year(4, &|a| {
            set(a, "students", 700.0);
            set(a, "equipment_value", 4_000_000.0);
        }),
        year(5, &|a| {
            set(a, "students", 700.0);
            set(a, "equipment_value", 4_000_000.0);
        }),
        // 6, 7, 8: R1 exactly at its 4.2 per hundred.
        year(6, &|a| {
            set(a, "students", 1000.0);
            set(a, "teachers_above_degree", 42.0);
        }),
        year(7, &|a| {
            set(a, "students", 1000.0);
            set(a, "teachers_above_degree", 42.0);
            set(a, "equipment_value", 5_100_000.0);
        }),
        year(8, &|a| {
            set(a, "students", 1000.0);
            set(a, "teachers_above_degree", 42.0);
            set(a, "equipment_value", 5_200_000.0);
        }),
        year(9, &|_| {}),
    ];
    // School 3's file of last year, with half the pupils.
    files.push(read(
        file("3", &c, "2025-11-20T16:30:00+08:00", |p, a| {
            set(a, "students", 360.0);
            set(a, "equipment_value", 5_000_003.0);
            a.notes.insert("V1".into(), "见家长会记录".into());
            p.school_code = "4307000003".into();
            p.school_year = "2025-2026".into();
        }),
        &c,
        &known,
    ));
    let report = county_report("2027-01-01T00:00:00+08:00", &files, &known, &[]);
    assert!(report.schools.iter().all(|r| r.status.counted()));
    let of = |code: &str| -> Vec<&FlagKind> {
        report
            .flags
            .iter()
            .filter(|f| {
                report.schools[f.row].school_code == code
                    && report.schools[f.row].school_year == "2026-2027"
            })
            .map(|f| &f.kind)
            .collect()
    };
    assert_eq!(
        of("4307000001"),
        [&FlagKind::RedLinesUnsupported { items: 4 }]
    );
    assert!(of("4307000002").iter().any(|k| matches!(k,
        FlagKind::OutsideSpread { measure: Measure::TeachersPerClass, part: Part::Whole, value, .. } if *value == 7.5)), "{:?}", of("4307000002"));
    assert!(
        of("4307000003").contains(&&FlagKind::Jump {
            input: "students".into(),
            part: Part::Whole,
            last: 360.0,
            now: 720.0
        }),
        "{:?}",
        of("4307000003")
    );
    for (code, other) in [("4307000004", "5.json"), ("4307000005", "4.json")] {
        assert_eq!(
            of(code),
            [&FlagKind::SameRawData {
                other: other.into()
            }],
            "{code}"
        );
    }
    for code in ["4307000006", "4307000007", "4307000008"] {
        assert!(
            matches!(of(code)[..], [FlagKind::AtThreshold { item, schools: 3, of: 9, .. }] if item == "R1"),
            "{code}: {:?}",
            of(code)
        );
    }
    assert_eq!(of("4307000009"), Vec::<&FlagKind>::new());
    // Each row's flags are found (the CSV asks once per row), the same as scanning for them.
    for row in 0..report.schools.len() {
        let scanned: Vec<_> = report.flags.iter().filter(|f| f.row == row).collect();
        let found: Vec<_> = report.flags_of(row).iter().collect();
        assert_eq!(found, scanned, "row {row}");
    }
}

/// A county of `n` ordinary schools, school `k` with `flagged(k)` reasons to look again (red
/// lines without a note: one flag).
fn county(n: u32, flagged: impl Fn(u32) -> bool) -> Vec<ziping_core::core::aggregate::FileFacts> {
    let c = builtin("yzjh-school");
    let known = vec![c.clone()];
    (1..=n)
        .map(|k| {
            read(
                file(&k.to_string(), &c, EXAMPLE_EXPORTED, |p, a| {
                    set(a, "students", 600.0 + 7.0 * f64::from(k));
                    if !flagged(k) {
                        a.notes.insert("V1".into(), "见记录".into());
                    }
                    p.school_code = format!("43070{k:05}");
                }),
                &c,
                &known,
            )
        })
        .collect()
}

#[test]
fn the_same_seed_draws_the_same_schools_half_of_them_flagged() {
    use ziping_core::core::aggregate::visit::{draw, Drawn};
    let c = builtin("yzjh-school");
    let files = county(40, |k| k % 5 == 0);
    let report = county_report(
        "2027-01-01T00:00:00+08:00",
        &files,
        std::slice::from_ref(&c),
        &[],
    );
    assert_eq!(report.flags.len(), 8);
    let a = draw(&report, 6, 20261206);
    assert_eq!(a, draw(&report, 6, 20261206));
    assert_eq!(a.len(), 6);
    let flagged: Vec<_> = a
        .iter()
        .filter(|v| matches!(v.drawn, Drawn::Flagged { flags: 1 }))
        .collect();
    assert_eq!(flagged.len(), 3);
    for v in &flagged {
        assert!(report.flags.iter().any(|f| f.row == v.row));
    }
    let mut rows: Vec<usize> = a.iter().map(|v| v.row).collect();
    rows.sort();
    rows.dedup();
    assert_eq!(rows.len(), 6, "no school twice");
    // Another seed, another sample; the order files came in does not matter.
    assert_ne!(a, draw(&report, 6, 7));
    let mut reversed = files.clone();
    reversed.reverse();
    let again = county_report("2027-01-01T00:00:00+08:00", &reversed, &[c], &[]);
    let names = |r: &ziping_core::core::aggregate::CountyReport,
                 d: &[ziping_core::core::aggregate::visit::Visit]|
     -> Vec<String> { d.iter().map(|v| r.schools[v.row].file.clone()).collect() };
    assert_eq!(
        names(&report, &a),
        names(&again, &draw(&again, 6, 20261206))
    );
    // More than there are: every school, once.
    assert_eq!(draw(&report, 100, 1).len(), 40);
}

/// A school added after the draw changes the batch the draw was made from, even when drawing
/// again would give the same schools: the page then says so (it showed "从 40 所学校中抽取"
/// beside 41 counted, without a word).
#[test]
fn a_school_added_after_the_draw_is_a_change() {
    use ziping_core::core::aggregate::visit::VisitPlan;
    let c = builtin("yzjh-school");
    let files = county(40, |k| k % 5 == 0);
    let at = "2027-01-01T00:00:00+08:00";
    let report = county_report(at, &files, std::slice::from_ref(&c), &[]);
    let more = county(41, |k| k % 5 == 0);
    let after = county_report(at, &more, std::slice::from_ref(&c), &[]);
    // A seed whose six schools are the same with the 41st school added.
    let seed = (1..200)
        .find(|&seed| {
            VisitPlan::draw(&report, 6, seed).files == VisitPlan::draw(&after, 6, seed).files
        })
        .expect("a seed that draws the same six");
    let plan = VisitPlan::draw(&report, 6, seed);
    assert!(!plan.changed(&report));
    assert!(plan.changed(&after), "41 schools now, 40 then");
}

/// A file's facts cross from county mode's worker to its page as JSON: the raw figures the
/// flags need come back whole (sent as short arrays).
#[test]
fn the_facts_the_flags_need_survive_the_workers_json() {
    let c = builtin("yzjh-school");
    let f = read(
        file("1", &c, EXAMPLE_EXPORTED, |_, _| {}),
        &c,
        std::slice::from_ref(&c),
    );
    let facts = f.facts.as_ref().unwrap();
    assert!(facts.raw.len() >= 15, "{}", facts.raw.len());
    let text = serde_json::to_string(&f).unwrap();
    assert!(text.contains(r#""raw":[[0,"whole",800.0,true],"#), "{text}");
    let back: ziping_core::core::aggregate::FileFacts = serde_json::from_str(&text).unwrap();
    assert_eq!(back, f);
}
