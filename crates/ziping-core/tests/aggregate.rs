//! County aggregation from real submission files: the worked example, and every way a county
//! officer's batch goes wrong (who is which school, which file counts, versions, counties,
//! incomplete files, CSVs a spreadsheet can open safely).

mod common;

use common::*;
use ziping_core::core::aggregate::{
    aggregate, reduce, Conflict, CountyReport, EnrolmentDoubt, FileFacts, FileStatus, Options,
    Side, Spread,
};
use ziping_core::core::answers::{Answers, Part, Slot, Value};
use ziping_core::core::builtin::builtins;
use ziping_core::core::checklist::Checklist;
use ziping_core::core::export::{export, to_text, Submission};
use ziping_core::core::model::SchoolType;
use ziping_core::core::school::Profile;
use ziping_core::i18n::Lang;
use ziping_core::report::county_csv::{figures_csv, rates_csv, schools_csv};

const NOW: &str = "2026-11-25T12:00:00+08:00";
const T1: &str = "2026-11-20T10:00:00+08:00";

/// A 小学 with `students` and `per100` teachers above the degree per 100 students.
fn school(name: &str, students: u32, per100: u32, exported: &str) -> FileFacts {
    let c = builtin("yzjh-school");
    let parts = file(name, &c, exported, |_, a| {
        a.set(Slot::whole("students"), Value::Number(students.to_string()));
        a.set(
            Slot::whole("teachers_above_degree"),
            Value::Number((students * per100 / 100).to_string()),
        );
    });
    read(parts, &c, &builtins().unwrap())
}

fn run(files: &[FileFacts], checklists: &[Checklist], picks: &[String]) -> CountyReport {
    county_report(NOW, files, checklists, picks)
}

fn status(r: &CountyReport, file: &str) -> FileStatus {
    r.schools
        .iter()
        .find(|s| s.file == file)
        .unwrap()
        .status
        .clone()
}

fn r1(r: &CountyReport) -> &ziping_core::core::aggregate::CountyFigure {
    r.figures
        .iter()
        .find(|f| f.item == "R1" && f.side == Side::Primary)
        .unwrap()
}

#[test]
fn the_county_cv_of_three_schools_is_the_worked_example() {
    let files: Vec<_> = vec![
        school("A", 100, 4, T1),
        school("B", 200, 5, T1),
        school("C", 300, 6, T1),
        // An older file of school A: a duplicate, left out.
        school("A", 100, 9, "2026-11-01T10:00:00+08:00"),
        reduce("broken.json", b"{", &builtins().unwrap()),
    ];
    let report = run(&files, &builtins().unwrap(), &[]);
    let r1 = r1(&report);
    // See core::aggregate::spread's unit test: X = 4, 5, 6 per 100 with 100, 200, 300 students.
    match r1.spread {
        Spread::Computed { mean, cv, .. } => {
            assert!((mean - 16.0 / 3.0).abs() < 1e-9);
            assert!((cv - 5f64.sqrt() / 16.0).abs() < 1e-9, "cv {cv}");
        }
        ref other => panic!("{other:?}"),
    }
    assert_eq!(
        (r1.schools, r1.students, r1.within_limit),
        (3, 600.0, Some(true))
    );
    assert_eq!(r1.schools_meeting, 2, "5 and 6 reach 4.2; 4 does not");
    assert_eq!(r1.version, builtin("yzjh-school").doc().version);
    assert_eq!(
        report.schools[3].status,
        FileStatus::Duplicate {
            kept: "A.json".into(),
            identical: false,
            other_code: false
        }
    );
    assert!(matches!(
        report.schools[4].status,
        FileStatus::Invalid { .. }
    ));
    assert!(
        report.figures.iter().all(|f| f.side == Side::Primary),
        "no 初中 school"
    );
    assert_eq!(report.rule[0].schools, 3);
}

#[test]
fn one_code_with_two_names_is_a_conflict_until_the_officer_picks() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let mut files = vec![school("B", 200, 5, T1), school("C", 300, 6, T1)];
    // A typo in a code: school D typed C's code. Before, D silently became C's duplicate.
    files.push(read(
        file("D", &c, "2026-11-21T10:00:00+08:00", |p, _| {
            p.school_code = "43070000C".into()
        }),
        &c,
        &known,
    ));
    let r = run(&files, &known, &[]);
    for f in ["C.json", "D.json"] {
        assert!(
            matches!(
                status(&r, f),
                FileStatus::Conflict {
                    reason: Conflict::SameCodeOtherName { .. },
                    ..
                }
            ),
            "{f}: {:?}",
            status(&r, f)
        );
    }
    assert_eq!(r1(&r).schools, 1, "neither counts until one is picked");
    // Picking C's file settles C; D is another school's file and stays in conflict (it was
    // once turned into C's duplicate, and D vanished from the figures).
    let r = run(&files, &known, &["C.json".into()]);
    assert_eq!(status(&r, "C.json"), FileStatus::Ok);
    assert!(matches!(status(&r, "D.json"), FileStatus::Conflict { .. }));
    // D's status still names the file it shares the code with (it once named none: "…，与 冲突").
    let FileStatus::Conflict { with, .. } = status(&r, "D.json") else {
        unreachable!()
    };
    assert_eq!(with.shown, vec!["C.json".to_string()]);
    let (_, detail) = ziping_core::i18n::status_text(Lang::Zh, &status(&r, "D.json"));
    assert!(detail.contains("涉及文件：C.json"), "{detail}");
    // C's older file, come first, is C's duplicate: the file that counts is still named first.
    let mut with_older = vec![FileFacts {
        file: "C-old.json".into(),
        ..school("C", 300, 5, "2026-11-19T10:00:00+08:00")
    }];
    with_older.extend(files.iter().cloned());
    let r = run(&with_older, &known, &["C.json".into()]);
    let FileStatus::Conflict { with, .. } = status(&r, "D.json") else {
        unreachable!()
    };
    assert_eq!(
        with.shown,
        vec!["C.json".to_string(), "C-old.json".to_string()]
    );
    assert_eq!(r1(&r).schools, 2);
    // Picking D's too: both schools count.
    let r = run(&files, &known, &["C.json".into(), "D.json".into()]);
    assert_eq!(status(&r, "D.json"), FileStatus::Ok);
    assert_eq!(r1(&r).schools, 3);
    assert!(r.pick_clashes.is_empty());
}

#[test]
fn a_file_in_conflict_still_says_its_stored_result_differs() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let mut files = vec![school("C", 300, 6, T1)];
    files.push(read(
        file("D", &c, "2026-11-21T10:00:00+08:00", |p, _| {
            p.school_code = "43070000C".into()
        }),
        &c,
        &known,
    ));
    // D's stored result is not the one its answers give (edited after export, say).
    if let Ok(facts) = &mut files[1].facts {
        facts.result_matches = false;
    }
    let r = run(&files, &known, &[]);
    let row = |r: &CountyReport, f: &str| r.schools.iter().find(|s| s.file == f).unwrap().clone();
    let d = row(&r, "D.json");
    assert!(matches!(d.status, FileStatus::Conflict { .. }));
    assert!(d.result_differs && !row(&r, "C.json").result_differs);
    let line = ziping_core::i18n::row_status_line(Lang::Zh, &d);
    assert!(line.starts_with("冲突："), "{line}");
    assert_eq!(line.matches("冲突").count(), 1, "said once: {line}");
    assert!(
        line.contains("此文件保存的结果与按原始数据重新计算的不同"),
        "{line}"
    );
    let english = ziping_core::i18n::row_status_line(Lang::En, &d);
    assert_eq!(
        english.matches("conflict").count(),
        1,
        "said once: {english}"
    );
    assert!(
        english.contains("the result stored in this file differs"),
        "{english}"
    );
    assert!(
        !ziping_core::i18n::row_status_line(Lang::Zh, &row(&r, "C.json")).contains("保存的结果")
    );
    // The CSV says it in the file's status detail too.
    let csv = schools_csv(&r, Lang::Zh);
    let d_line = csv.lines().find(|l| l.starts_with("D.json,")).unwrap();
    assert!(
        d_line.contains("此文件保存的结果与按原始数据重新计算的不同"),
        "{d_line}"
    );
    // Picked, it counts and its status says it (结果不一致), once.
    let r = run(&files, &known, &["D.json".into()]);
    let d = row(&r, "D.json");
    assert_eq!(d.status, FileStatus::ResultDiffers);
    let line = ziping_core::i18n::row_status_line(Lang::Zh, &d);
    assert!(line.starts_with("结果不一致："), "{line}");
    assert!(!line.contains("此文件保存的结果"), "said once: {line}");
}

#[test]
fn one_school_with_and_without_its_code_and_typed_oddly_is_counted_once() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let times = [
        "2026-11-20T10:00:00+08:00",
        "2026-11-20T11:00:00+08:00",
        "2026-11-20T12:00:00+08:00",
        "2026-11-20T13:00:00+08:00",
    ];
    let codes = [
        "4307250001",
        "",
        "４３０７２５０００１",
        "4307\u{200B}250001",
    ];
    let files: Vec<FileFacts> = codes
        .iter()
        .zip(times)
        .enumerate()
        .map(|(n, (code, t))| {
            let parts = file(&format!("E{n}"), &c, t, |p, _| {
                p.school_code = code.to_string();
                p.school_name = "城关镇第一小学".into();
            });
            read(parts, &c, &known)
        })
        .collect();
    let r = run(&files, &known, &[]);
    assert_eq!(r1(&r).schools, 1, "weighted once, not four times");
    assert_eq!(status(&r, "E3.json"), FileStatus::Ok, "the newest counts");
    for f in ["E0.json", "E1.json", "E2.json"] {
        assert!(matches!(status(&r, f), FileStatus::Duplicate { .. }), "{f}");
    }
}

/// A school that typed its code wrong once (the letter O for a 0) and right in a later file
/// was two schools without a roster: weighed twice in every coefficient, counted twice in the
/// rates (only the 数据与他校雷同 hint said so). One name in one county under two codes is a
/// 冲突 now; the officer's pick counts one and makes the other its duplicate, or counts both
/// when they are two schools of one name.
#[test]
fn one_school_name_under_two_codes_is_a_conflict_not_two_schools() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let made = |file_name: &str, code: &str, t: &str| {
        let parts = file(file_name, &c, t, |p, _| {
            p.school_code = code.into();
            p.school_name = "城关镇第一小学".into();
        });
        read(parts, &c, &known)
    };
    let files = vec![
        made("typo", "43070000O1", T1),
        made("right", "4307000001", "2026-11-21T09:00:00+08:00"),
        school("Other", 700, 6, T1),
    ];
    let r = run(&files, &known, &[]);
    for f in ["typo.json", "right.json"] {
        let FileStatus::Conflict {
            reason: Conflict::SameNameOtherCode { codes },
            ..
        } = status(&r, f)
        else {
            panic!("{f}: {:?}", status(&r, f));
        };
        assert_eq!(codes.shown, ["43070000O1", "4307000001"], "{f}");
    }
    assert_eq!(r1(&r).schools, 1, "neither counts until the officer picks");
    let row = r.schools.iter().find(|s| s.file == "typo.json").unwrap();
    let line = ziping_core::i18n::row_status_line(Lang::Zh, row);
    assert!(
        line.starts_with(
            "冲突：同一校名下的学校代码不同（43070000O1、4307000001；涉及文件：right.json）"
        ),
        "{line}"
    );
    assert_eq!(r.conflicts.len(), 1, "listed once: {:?}", r.conflicts);
    // Picked, the right code counts and the typo is its duplicate, which may be picked too;
    // the choice is said in the row (the page, the CSV, the printout).
    let r = run(&files, &known, &["right.json".into()]);
    assert_eq!(status(&r, "right.json"), FileStatus::Ok);
    let typo = status(&r, "typo.json");
    assert!(matches!(
        &typo,
        FileStatus::Duplicate { kept, other_code: true, .. } if kept == "right.json"
    ));
    assert!(typo.can_pick() && !typo.counted());
    assert_eq!(r1(&r).schools, 2);
    let row = |r: &CountyReport, f: &str| r.schools.iter().find(|s| s.file == f).unwrap().clone();
    assert!(row(&r, "right.json").picked && !row(&r, "typo.json").picked);
    assert_eq!(
        ziping_core::i18n::row_status_line(Lang::Zh, &row(&r, "right.json")),
        "正常：已由县里选定计入"
    );
    assert!(
        ziping_core::i18n::row_status_line(Lang::Zh, &row(&r, "typo.json"))
            .starts_with("重复：同名学校另有文件“right.json”（学校代码不同）已选定计入")
    );
    assert!(schools_csv(&r, Lang::Zh).contains("已由县里选定计入"));
    // Two schools of one name, the officer says by picking both.
    let r = run(&files, &known, &["right.json".into(), "typo.json".into()]);
    assert_eq!(status(&r, "right.json"), FileStatus::Ok);
    assert_eq!(status(&r, "typo.json"), FileStatus::Ok);
    assert_eq!(r1(&r).schools, 3);
    // One name in two counties is two schools.
    let mut elsewhere = made("elsewhere", "4307990001", T1);
    if let Ok(f) = &mut elsewhere.facts {
        f.county = "汉寿县".into();
    }
    let r = run(&[files[1].clone(), elsewhere], &known, &[]);
    assert_eq!(status(&r, "right.json"), FileStatus::Ok);
    assert_eq!(status(&r, "elsewhere.json"), FileStatus::Ok);
}

/// A school's newer file with a made-up enrolment waits without keeping its older file out
/// (the older was its 重复, "kept" by a file not counted, and the school counted nowhere); a
/// file in doubt that is also in a 冲突 says so before the officer picks it, and after.
#[test]
fn a_held_file_keeps_nothing_out_and_is_said_beside_a_conflict() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let made = |file_name: &str, name: &str, students: &str, t: &str| {
        let parts = file(file_name, &c, t, |p, a| {
            p.school_code = "4307000001".into();
            p.school_name = name.into();
            a.set(Slot::whole("students"), Value::Number(students.into()));
        });
        read(parts, &c, &known)
    };
    let later = "2026-11-21T09:00:00+08:00";
    let files = vec![
        made("old", "城关一小", "600", T1),
        made("new", "城关一小", "6000000", later),
    ];
    let r = run(&files, &known, &[]);
    assert_eq!(
        status(&r, "old.json"),
        FileStatus::Ok,
        "the school counts meanwhile"
    );
    assert!(matches!(
        status(&r, "new.json"),
        FileStatus::EnrolmentDoubt { .. }
    ));
    assert_eq!(r1(&r).schools, 1);
    let r = run(&files, &known, &["new.json".into()]);
    assert_eq!(status(&r, "new.json"), FileStatus::Ok);
    assert!(matches!(
        status(&r, "old.json"),
        FileStatus::Duplicate { .. }
    ));
    let row = r.schools.iter().find(|s| s.file == "new.json").unwrap();
    let line = ziping_core::i18n::row_status_line(Lang::Zh, row);
    assert!(
        line.starts_with(
            "正常：另外人数存疑：按填报的在校生数 6000000 人、班数 18 个，每班 333333.3 人，不像实际人数"
        ) && line.ends_with("；已由县里选定计入"),
        "picked, the doubt stays said: {line}"
    );
    // One code, two names: a 冲突; the file in doubt says so before it is picked.
    let files = vec![
        made("a", "城关一小", "600", T1),
        made("b", "城关二小", "6000000", T1),
    ];
    let r = run(&files, &known, &[]);
    let row = r.schools.iter().find(|s| s.file == "b.json").unwrap();
    assert!(matches!(row.status, FileStatus::Conflict { .. }));
    let line = ziping_core::i18n::row_status_line(Lang::Zh, row);
    assert!(
        line.contains("；另外人数存疑：按填报的在校生数 6000000 人、班数 18 个，每班 333333.3 人"),
        "{line}"
    );
    // A 小学 and a 初中 of one name under two codes count on their two sides: no 冲突.
    let typed = |file_name: &str, code: &str, t: SchoolType| {
        let parts = file(file_name, &c, T1, |p, a| {
            p.school_code = code.into();
            p.school_name = "城关学校".into();
            p.school_type = Some(t);
            *a = example_school(&c, t);
        });
        read(parts, &c, &known)
    };
    let r = run(
        &[
            typed("p", "4307000001", SchoolType::Primary),
            typed("j", "4307000002", SchoolType::Junior),
        ],
        &known,
        &[],
    );
    assert_eq!(status(&r, "p.json"), FileStatus::Ok);
    assert_eq!(status(&r, "j.json"), FileStatus::Ok);
}

/// A newer file without a code and another school's name does not quietly replace that
/// school's file with its code (and its type, and its enrolment): the officer picks.
#[test]
fn a_newer_file_without_a_code_does_not_replace_a_schools_file_with_one() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let made = |name: &str, code: &str, students: &str, t: &str| {
        let parts = file(name, &c, t, |p, a| {
            p.school_code = code.into();
            p.school_name = "示例县第21学校".into();
            a.set(Slot::whole("students"), Value::Number(students.into()));
        });
        read(parts, &c, &known)
    };
    let files = vec![
        made("real", "430000000021", "1505", T1),
        made("fake", "无", "743", "2026-11-21T09:00:00+08:00"),
    ];
    let r = run(&files, &known, &[]);
    for f in ["real.json", "fake.json"] {
        assert!(
            matches!(
                status(&r, f),
                FileStatus::Conflict {
                    reason: Conflict::NoCodeBesideCode { .. },
                    ..
                }
            ),
            "{f}: {:?}",
            status(&r, f)
        );
    }
    let fake = r.schools.iter().find(|s| s.file == "fake.json").unwrap();
    let line = ziping_core::i18n::row_status_line(Lang::Zh, fake);
    assert!(line.contains("没有学校代码"), "{line}");
    // Picked, the coded file counts and the other is a duplicate of it; or the other way.
    let r = run(&files, &known, &["real.json".into()]);
    assert_eq!(status(&r, "real.json"), FileStatus::Ok);
    assert!(matches!(
        status(&r, "fake.json"),
        FileStatus::Duplicate { .. }
    ));
    // The file with its code newest: it counts, as before.
    let files = vec![
        made("old", "无", "743", T1),
        made("new", "430000000021", "1505", "2026-11-21T09:00:00+08:00"),
    ];
    let r = run(&files, &known, &[]);
    assert_eq!(status(&r, "new.json"), FileStatus::Ok);
    assert!(matches!(
        status(&r, "old.json"),
        FileStatus::Duplicate { .. }
    ));
}

#[test]
fn equal_times_with_other_content_conflict_and_the_future_is_flagged() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let same = |name: &str, students: &str, t: &str| {
        let parts = file(name, &c, t, |p, a| {
            p.school_code = "4307250009".into();
            p.school_name = "同校".into();
            a.set(Slot::whole("students"), Value::Number(students.into()));
        });
        read(parts, &c, &known)
    };
    let files = vec![same("F1", "800", T1), same("F2", "900", T1)];
    let r = run(&files, &known, &[]);
    assert!(matches!(
        status(&r, "F1.json"),
        FileStatus::Conflict {
            reason: Conflict::SameTimeOtherContent,
            ..
        }
    ));
    assert!(r.figures.iter().all(|f| f.schools == 0));
    // The same file twice is one file.
    let files = vec![same("G1", "800", T1), same("G2", "800", T1)];
    let r = run(&files, &known, &[]);
    assert_eq!(status(&r, "G1.json"), FileStatus::Ok);
    assert_eq!(
        status(&r, "G2.json"),
        FileStatus::Duplicate {
            kept: "G1.json".into(),
            identical: true,
            other_code: false
        }
    );
    // A file from year 9999 no longer always wins.
    let files = vec![
        same("H1", "800", T1),
        same("H2", "900", "9999-01-01T00:00:00+08:00"),
    ];
    let r = run(&files, &known, &[]);
    assert_eq!(status(&r, "H1.json"), FileStatus::Ok);
    assert_eq!(status(&r, "H2.json"), FileStatus::FutureTime);
    let r = run(&files, &known, &["H2.json".into()]);
    assert_eq!(status(&r, "H2.json"), FileStatus::Ok);
}

#[test]
fn a_nearly_empty_file_is_incomplete_and_each_figure_says_who_is_left_out() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let mut files = vec![school("A", 100, 4, T1), school("B", 200, 5, T1)];
    let parts = file("I", &c, T1, |_, a| {
        a.values
            .retain(|s, _| s.id == "students" || s.id == "classes");
    });
    files.push(read(parts, &c, &known));
    let r = run(&files, &known, &[]);
    match status(&r, "I.json") {
        FileStatus::Incomplete {
            answered, required, ..
        } => assert!(answered < required),
        other => panic!("{other:?}"),
    }
    let f = r1(&r);
    assert_eq!((f.schools, f.left_out), (2, 1));
}

#[test]
fn two_counties_are_named_and_can_be_told_apart() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let mut files = vec![school("A", 100, 4, T1), school("B", 200, 5, T1)];
    files.push(read(
        file("K", &c, T1, |p, _| p.county = "汉寿县".into()),
        &c,
        &known,
    ));
    let r = run(&files, &known, &[]);
    assert!(r.mixes_counties());
    assert_eq!(r.counties, ["汉寿县", "示例县"]);
    assert_eq!(
        (r.files_in("汉寿县"), r.files_in(" 示例县")),
        (1, files.len() - 1)
    );
    let options = Options {
        now: &ziping_core::core::time::Timestamp::parse(NOW).unwrap(),
        county: Some("示例县"),
        picks: &[],
        settings: None,
        assigned: &[],
    };
    let r = aggregate(&files.iter().collect::<Vec<_>>(), &known, &options);
    assert!(!r.mixes_counties());
    assert_eq!(status(&r, "K.json"), FileStatus::OtherCounty);
    assert_eq!(r1(&r).schools, 2);
}

#[test]
fn two_versions_of_a_checklist_are_never_pooled() {
    let old = builtin("yzjh-school");
    let mut doc = old.doc().clone();
    doc.version = "2027.1".into();
    doc.grades[0].label.zh = "优质（2027）".into();
    let new = Checklist::try_from(doc).unwrap();
    let known = vec![old.clone(), new.clone()];
    let files = vec![
        read(file("A", &old, T1, |_, _| {}), &old, &known),
        read(file("B", &new, T1, |_, _| {}), &new, &known),
    ];
    let r = run(&files, &known, &[]);
    let versions: Vec<&str> = r
        .figures
        .iter()
        .filter(|f| f.item == "R1")
        .map(|f| f.version.as_str())
        .collect();
    assert_eq!(
        versions,
        [builtin("yzjh-school").doc().version.as_str(), "2027.1"],
        "one figure per version"
    );
    // The chart's values: each figure gets its own version's school, the same as joining the
    // figures with the schools (what county mode's view once did itself).
    let values = r.values_by_figure();
    for (f, got) in r.figures.iter().zip(&values) {
        let mut joined = Vec::new();
        for (n, s) in r.schools.iter().enumerate() {
            if !s.status.counted() || s.checklist != f.checklist || s.version != f.version {
                continue;
            }
            for c in &s.indicators {
                let side = s.school_type.and_then(|t| Side::of(t, c.part));
                match c.ratio {
                    Some(ratio) if c.item == f.item && side == Some(f.side) => {
                        joined.push((n, ratio))
                    }
                    _ => {}
                }
            }
        }
        let got: Vec<(usize, f64)> = got.iter().map(|v| (v.school, v.ratio)).collect();
        assert_eq!(got, joined, "{} {} {:?}", f.item, f.version, f.side);
    }
    let r1_new = r
        .figures
        .iter()
        .position(|f| f.item == "R1" && f.version == "2027.1")
        .unwrap();
    assert_eq!(values[r1_new].len(), 1);
    assert_eq!(r.schools[values[r1_new][0].school].file, "B.json");
    let b = r.schools.iter().find(|s| s.file == "B.json").unwrap();
    assert_eq!(b.version, "2027.1");
    assert_eq!(
        b.grade.as_ref().unwrap().zh,
        "优质（2027）",
        "its own version's grade labels"
    );
}

#[test]
fn a_county_copy_with_a_built_in_name_is_matched_by_content() {
    // Same id and version as the built-in, other content: files made with it verify against
    // it (before, the built-in was found first and every file failed with 内容不同).
    let builtin_c = builtin("yzjh-school");
    let mut doc = builtin_c.doc().clone();
    doc.description = None;
    doc.title.zh = "县里改过的清单".into();
    let county = Checklist::try_from(doc).unwrap();
    let known = vec![builtin_c, county.clone()];
    let result = read(file("A", &county, T1, |_, _| {}), &county, &known).facts;
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn a_junior_school_on_a_primary_only_checklist_is_refused() {
    let mut doc = builtin("yzjh-school").doc().clone();
    doc.id = "primary-only".into();
    doc.school_types = vec![SchoolType::Primary];
    let c = Checklist::try_from(doc).unwrap();
    let result = read(
        file("J", &c, T1, |p, _| p.school_type = Some(SchoolType::Junior)),
        &c,
        std::slice::from_ref(&c),
    )
    .facts;
    assert!(matches!(
        result,
        Err(ziping_core::core::export::ImportError::SchoolTypeNotCovered { .. })
    ));
}

#[test]
fn a_nine_year_school_without_junior_students_is_never_a_failing_junior_school() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let mut answers = example_school(&c, SchoolType::NineYear);
    answers.set(
        Slot::new("students", Part::Junior),
        Value::Number("0".into()),
    );
    let parts = file("N", &c, T1, |p, a| {
        p.school_type = Some(SchoolType::NineYear);
        *a = answers;
    });
    let r = run(&[read(parts, &c, &known)], &known, &[]);
    assert!(matches!(
        status(&r, "N.json"),
        FileStatus::Incomplete { errors: 1, .. }
    ));
    let row = &r.schools[0];
    assert_eq!(
        row.rule.iter().find(|(p, _)| *p == Part::Junior).unwrap().1,
        None,
        "undecided, not 不符合"
    );
    let junior = r.rule.iter().find(|c| c.side == Side::Junior).unwrap();
    assert_eq!(junior.meeting, 0);
    let figure = r
        .figures
        .iter()
        .find(|f| f.item == "R1" && f.side == Side::Junior)
        .unwrap();
    assert_eq!((figure.schools, figure.left_out), (0, 1));
    assert!(r
        .figures
        .iter()
        .all(|f| !format!("{:?}", f.spread).contains("NaN")));
}

#[test]
fn the_csvs_are_safe_to_open_and_have_one_value_per_cell() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    let files = vec![
        read(
            file("M", &c, T1, |p, _| {
                p.school_name = "=HYPERLINK(\"http://evil\",\"点我\")".into();
                p.school_code = "0431002".into();
                p.county = "@SUM(1+1)".into();
            }),
            &c,
            &known,
        ),
        school("B", 200, 5, T1),
    ];
    let r = run(&files, &known, &[]);
    let schools = schools_csv(&r, Lang::Zh);
    assert!(schools.starts_with('\u{feff}'), "BOM for Excel");
    let mut reader = csv::Reader::from_reader(schools.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {headers:?}"))
    };
    let m = &rows[0];
    assert_eq!(&m[col("学校名称")], "'=HYPERLINK(\"http://evil\",\"点我\")");
    assert_eq!(&m[col("学校代码")], "'0431002");
    assert_eq!(&m[col("所属县（市、区）")], "'@SUM(1+1)");
    assert_eq!(&m[col("版本")], builtin("yzjh-school").doc().version);
    assert_eq!(&m[col("在校生数（小学）")], "800");
    // One numeric column per indicator and side, named with its unit and precision.
    let r1 = col("R1 每百名学生拥有高于规定学历教师数（小学，人，保留2位小数）");
    assert_eq!(&rows[1][r1], "5");
    assert!(
        m[r1].parse::<f64>().is_ok(),
        "a number, not \"R1 … 达标\": {}",
        &m[r1]
    );
    for record in &rows {
        for value in record.iter() {
            assert!(!value.starts_with(['=', '+', '-', '@']), "{value}");
            assert!(
                !value.contains("000000000"),
                "no floating-point noise: {value}"
            );
        }
    }
    let figures = figures_csv(&r, Lang::En);
    assert!(
        figures.contains("Difference coefficient (4 decimals)"),
        "{figures}"
    );
    assert!(
        !figures
            .chars()
            .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)),
        "English: {figures}"
    );
}

/// 交流轮岗 (G8) is a county rate in the 办法: the county's rate is Σ exchanged / Σ eligible over
/// its schools, not the mean of the schools' percentages; 巩固率 (Q1) is weighted by enrolment.
#[test]
fn county_rates_are_computed_from_the_schools_raw_counts() {
    let c = builtin("yzjh-school");
    let known = builtins().unwrap();
    assert_eq!(
        c.item("G8").unwrap().scope,
        ziping_core::core::model::Scope::CountyRate
    );
    let school = |name: &str, eligible: &str, exchanged: &str| {
        let parts = file(name, &c, T1, |_, a| {
            a.set(
                Slot::whole("teachers_eligible_exchange"),
                Value::Number(eligible.into()),
            );
            a.set(
                Slot::whole("teachers_exchanged"),
                Value::Number(exchanged.into()),
            );
            a.set(
                Slot::whole("teachers_exchanged_backbone"),
                Value::Number("0".into()),
            );
        });
        read(parts, &c, &known)
    };
    // 1 of 10 (10 %) and 1 of 90 (1.1 %): the county's rate is 2 of 100 = 2 %, below 10 %;
    // the mean of the schools' rates would be 5.6 %.
    let r = run(
        &[school("A", "10", "1"), school("B", "90", "1")],
        &known,
        &[],
    );
    let g8 = r.county_rates.iter().find(|x| x.item == "G8").unwrap();
    assert!((g8.value.unwrap() - 2.0).abs() < 1e-9, "{g8:?}");
    assert_eq!(g8.met, Some(false));
    assert_eq!(g8.schools, 2);
}

/// A file with a 整改清单 of `plan` rows, continuing `previous` and reviewing its rows.
fn read_year(
    parts: (Profile, Answers, String, String),
    checklist: &Checklist,
    plan: usize,
    previous: Option<&ziping_core::core::export::Export>,
    review: &[ziping_core::core::school::ReviewRow],
) -> (FileFacts, ziping_core::core::export::Export) {
    use ziping_core::core::export::PreviousRef;
    use ziping_core::core::school::PlanRow;
    let (profile, answers, exported, name) = parts;
    let rows: Vec<PlanRow> = (0..plan as u64)
        .map(|id| PlanRow {
            id,
            from: None,
            generated: None,
            problem: format!("问题{id}"),
            measure: "措施".into(),
            owner: "校长".into(),
            deadline: "2026-12-31".into(),
            progress: String::new(),
        })
        .collect();
    let previous = previous.map(|e| PreviousRef {
        digest: e.digest.clone(),
        school_year: e.profile.school_year.clone(),
        exported: e.exported.clone(),
    });
    let doc = export(&Submission {
        checklist,
        profile: &profile,
        answers: &answers,
        plan: &rows,
        attachments: &[],
        created: EXAMPLE_CREATED,
        exported: &exported,
        app_version: "test",
        previous: previous.as_ref(),
        review,
    })
    .unwrap();
    let facts = reduce(
        &name,
        to_text(&doc).unwrap().as_bytes(),
        &builtins().unwrap(),
    );
    (facts, doc)
}

#[test]
fn two_school_years_are_two_years_each_school_beside_its_last_year() {
    use ziping_core::core::aggregate::FollowUp;
    use ziping_core::core::history::Change;
    use ziping_core::core::school::{ReviewRow, ReviewStatus};
    let c = builtin("yzjh-school");
    let year = |y: &'static str, per100: u32| {
        move |p: &mut Profile, a: &mut Answers| {
            p.school_year = y.into();
            a.set(Slot::whole("students"), Value::Number("100".into()));
            a.set(
                Slot::whole("teachers_above_degree"),
                Value::Number(per100.to_string()),
            );
        }
    };
    // A: short on R1 last year with 2 整改 rows; this year it started from last year's file,
    // reached R1 and reports one row done and one not yet.
    let (a_last, a_last_doc) = read_year(
        file("A", &c, "2025-11-20T10:00:00+08:00", year("2025-2026", 3)),
        &c,
        2,
        None,
        &[],
    );
    let review: Vec<ReviewRow> = a_last_doc
        .plan
        .iter()
        .enumerate()
        .map(|(n, row)| ReviewRow {
            row: row.clone(),
            status: if n == 0 {
                ReviewStatus::Done
            } else {
                ReviewStatus::Unset
            },
            done: String::new(),
            evidence: String::new(),
        })
        .collect();
    let (a_this, _) = read_year(
        file("A", &c, T1, year("2026—2027学年", 6)),
        &c,
        0,
        Some(&a_last_doc),
        &review,
    );
    // B: 3 整改 rows last year; this year's file was started afresh and says nothing of them.
    let (b_last, _) = read_year(
        file("B", &c, "2025-11-20T10:00:00+08:00", year("2025-2026", 5)),
        &c,
        3,
        None,
        &[],
    );
    let (b_this, _) = read_year(file("B", &c, T1, year("2026-2027", 4)), &c, 0, None, &[]);
    // C: this year only.
    let (c_this, _) = read_year(file("C", &c, T1, year("2026-2027", 5)), &c, 0, None, &[]);
    let files = vec![a_last, a_this, b_last, b_this, c_this];
    let r = run(&files, &builtins().unwrap(), &[]);

    // Every file counts: two years of one school are not duplicates of each other.
    assert!(
        r.schools.iter().all(|s| s.status == FileStatus::Ok),
        "{:?}",
        r.schools
    );
    assert_eq!(r.school_years(), ["2025-2026", "2026-2027"]);
    assert_eq!(
        r.schools[1].school_year, "2026-2027",
        "the typed year is read as one year"
    );
    // The figures are per year, side by side: never pooled.
    let r1: Vec<(&str, usize)> = r
        .figures
        .iter()
        .filter(|f| f.item == "R1")
        .map(|f| (f.school_year.as_str(), f.schools))
        .collect();
    assert_eq!(r1, [("2025-2026", 2), ("2026-2027", 3)]);
    let years: Vec<&str> = r.rule.iter().map(|c| c.school_year.as_str()).collect();
    assert_eq!(years, ["2025-2026", "2026-2027"]);

    // Each school beside its last year.
    assert_eq!(r.schools[1].last_year, Some(0));
    assert_eq!(r.schools[3].last_year, Some(2));
    assert_eq!(r.schools[4].last_year, None);
    assert_eq!(r.schools[0].last_year, None, "no file of 2024-2025");
    let a = r.change_of(1).unwrap();
    assert_eq!(a.last, 0);
    let a_r1 = a
        .indicators
        .iter()
        .find(|i| i.item == "R1" && i.part == Part::Whole)
        .unwrap();
    assert_eq!((a_r1.last, a_r1.this), (Some(3.0), Some(6.0)));
    assert_eq!(
        a_r1.change,
        Change::Resolved,
        "short last year, met this year"
    );
    let b_r1 = r
        .change_of(3)
        .unwrap()
        .indicators
        .into_iter()
        .find(|i| i.item == "R1")
        .unwrap();
    assert_eq!(b_r1.change, Change::NewlyShort, "5 per 100 met, 4 does not");
    assert!(r.change_of(4).is_none());

    // Last year's 整改 rows: A reports on both (one still says nothing), B on none.
    assert_eq!(
        r.schools[1].follow_up,
        FollowUp::Reported {
            rows: 2,
            done: 1,
            unset: 1
        }
    );
    assert_eq!(r.schools[3].follow_up, FollowUp::Missing { rows: 3 });
    assert_eq!(r.schools[4].follow_up, FollowUp::NotDue);
    let wanting: Vec<&str> = r
        .follow_ups_wanting()
        .map(|(_, s)| s.file.as_str())
        .collect();
    assert_eq!(wanting, ["A.json", "B.json"]);

    // The CSVs carry the year, last year's score and values, and the follow-up.
    let csv = schools_csv(&r, Lang::Zh);
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name}: {headers:?}"))
    };
    let r1 = "R1 每百名学生拥有高于规定学历教师数（小学，人，保留2位小数）";
    assert_eq!(&rows[1][col("学年")], "2026-2027");
    assert_eq!(&rows[1][col(r1)], "6");
    assert_eq!(&rows[1][col(&format!("{r1}（上年）"))], "3");
    assert_eq!(
        &rows[1][col(&format!("{r1}（变化）"))],
        "已达标（上年未达标）"
    );
    assert_eq!(&rows[1][col("上年文件")], "A.json");
    assert_eq!(
        &rows[1][col("上年整改落实情况")],
        "上年整改 2 条，已说明 1 条（已完成 1 条）"
    );
    assert!(rows[3][col("上年整改落实情况")].starts_with("上年有 3 条整改"));
    assert_eq!(&rows[4][col("上年得分")], "", "C has no file of last year");
    let figures = figures_csv(&r, Lang::Zh);
    assert!(figures.contains(",2025-2026,R1,") && figures.contains(",2026-2027,R1,"));
    // One year only: no last-year columns.
    let one = run(&files[1..2], &builtins().unwrap(), &[]);
    assert!(!schools_csv(&one, Lang::Zh).contains("上年得分"));
}

/// Three 小学, one of which made up 9,999,999 students (and re-sealed its file: a school can),
/// and the officer chose to count it all the same (it waits as 人数存疑 until then).
fn carried_county(known: &[Checklist]) -> CountyReport {
    run(&carried_files(), known, &["巨大学校.json".into()])
}

fn carried_files() -> Vec<FileFacts> {
    vec![
        school("A", 600, 5, T1),
        school("B", 700, 6, T1),
        school("巨大学校", 9_999_999, 5, T1),
    ]
}

/// A made-up enrolment (9,999,999 pupils in 18 classes) bent every 差异系数 and county rate,
/// and was only named: now the file waits, 人数存疑, and the figures are the other schools'
/// until the officer chooses it. Pupils per class inside the bounds the principal is warned
/// of count as before; a pick counts the file.
#[test]
fn a_made_up_enrolment_waits_for_the_officer_and_bends_nothing() {
    let known = builtins().unwrap();
    let r = run(&carried_files(), &known, &[]);
    let held = status(&r, "巨大学校.json");
    let FileStatus::EnrolmentDoubt {
        doubt: EnrolmentDoubt::PupilsPerClass { part, pupils, .. },
    } = &held
    else {
        panic!("{held:?}");
    };
    assert_eq!(*part, Part::Whole);
    assert!((pupils - 9_999_999.0 / 18.0).abs() < 1e-6, "{pupils}");
    assert!(held.can_pick() && !held.counted());
    assert_eq!(r1(&r).schools, 2, "the figure is the two other schools'");
    assert!(r.heavy_schools().is_empty() && r.heavy_rates().is_empty());
    let row = r
        .schools
        .iter()
        .find(|s| s.file == "巨大学校.json")
        .unwrap();
    let line = ziping_core::i18n::row_status_line(Lang::Zh, row);
    assert!(
        line.starts_with("人数存疑：按填报的在校生数 9999999 人、班数 18 个，每班 555555.5 人，")
            && line.ends_with("暂不计入；核实无误后可选定计入"),
        "{line}"
    );
    let en = ziping_core::i18n::row_status_line(Lang::En, row);
    assert!(
        en.starts_with("enrolment in doubt: an enrolment of 9999999 in 18 classes makes "),
        "{en}"
    );
    let csv = schools_csv(&r, Lang::Zh);
    assert!(csv.contains("人数存疑"), "{csv}");
    assert_eq!(
        ziping_core::i18n::status_counts(&r)
            .iter()
            .find(|(m, _)| *m == ziping_core::i18n::Msg::StatusEnrolmentDoubt)
            .map(|(_, n)| *n),
        Some(1)
    );
    // 90 pupils a class is a full class, not a doubt; 91 is, and so is fewer than 2.
    for (students, held) in [(1620, false), (1638, true), (35, true), (36, false)] {
        let r = run(&[school("S", students, 5, T1)], &known, &[]);
        assert_eq!(
            matches!(status(&r, "S.json"), FileStatus::EnrolmentDoubt { .. }),
            held,
            "{students} pupils in 18 classes"
        );
    }
    // Chosen, it counts (and is named as carrying the figures, below).
    let r = carried_county(&known);
    assert_eq!(status(&r, "巨大学校.json"), FileStatus::Ok);
    assert_eq!(r1(&r).schools, 3);
}

/// One school's enrolment (made up, re-sealed: a school can) carries a side's coefficient: the
/// figure names the school with most students and its share, so the page can say so beside
/// the figures rather than only among the 数据核查 lines.
#[test]
fn a_figure_names_the_school_that_carries_most_of_its_weight() {
    let known = builtins().unwrap();
    let r = carried_county(&known);
    let f = r1(&r);
    let (name, share) = f.heaviest.clone().expect("a school with most students");
    assert_eq!(name, "学校巨大学校");
    assert!(share > 0.99 && share < 1.0, "{share}");
    let heavy = r.heavy_schools();
    assert_eq!(heavy.len(), 1, "{heavy:?}");
    assert_eq!(
        (heavy[0].school.as_str(), heavy[0].side),
        ("学校巨大学校", Side::Primary)
    );
    assert!(heavy[0].figures >= 7, "{}", heavy[0].figures);
    let said = ziping_core::i18n::heavy_school_text(Lang::Zh, &heavy[0]);
    assert!(
        said.starts_with("“学校巨大学校”一校占全县小学在校生的 99.9%（"),
        "{said}"
    );
    // Half the students is not most of them; two schools are too few to say.
    let even = run(
        &[school("A", 600, 5, T1), school("B", 600, 6, T1)],
        &known,
        &[],
    );
    assert_eq!(r1(&even).heaviest.clone().unwrap().1, 0.5);
    assert!(even.heavy_schools().is_empty());
    let two = run(
        &[school("A", 600, 5, T1), school("B", 60_000, 6, T1)],
        &known,
        &["B.json".into()],
    );
    assert!(two.heavy_schools().is_empty());
    assert!(two.heavy_rates().is_empty());
    let usual = run(
        &[
            school("A", 600, 5, T1),
            school("B", 700, 6, T1),
            school("C", 900, 6, T1),
        ],
        &known,
        &[],
    );
    assert!(usual.heavy_schools().is_empty());
    assert!(usual.heavy_rates().is_empty(), "{:?}", usual.heavy_rates());
}

/// A county variant with a rule of its own beside 资源配置's: the county summary counts
/// schools (a school meets it when every rule holds), not rules, and only a rule that is the
/// 资源配置 rule (`spread`) has its items' 差异系数 judged against 0.50 / 0.45.
#[test]
fn a_county_rule_beside_the_resource_rule_counts_schools_and_has_no_spread() {
    let mut doc = builtin("yzjh-school").doc().clone();
    doc.id = "yzjh-county".into();
    let mut task = doc.group_rules[0].clone();
    task.id = "TASK".into();
    task.items = vec!["G3".into(), "G4".into(), "G6".into()];
    task.min_pass = 2;
    task.fail_grade = None;
    task.near_scores = false;
    task.spread = false;
    doc.group_rules.push(task);
    let c = Checklist::try_from(doc).unwrap();
    let known = vec![c.clone()];
    let files: Vec<FileFacts> = ["A", "B", "C"]
        .iter()
        .map(|n| read(file(n, &c, T1, |_, _| {}), &c, &known))
        .collect();
    let r = run(&files, &known, &[]);
    let primary: Vec<_> = r.rule.iter().filter(|c| c.side == Side::Primary).collect();
    assert_eq!(primary.len(), 1, "{primary:?}");
    assert_eq!(primary[0].schools, 3, "three schools, not six rules");
    assert_eq!(primary[0].terms.len(), 2, "both rules stated");
    let items: Vec<&str> = r.figures.iter().map(|f| f.item.as_str()).collect();
    assert_eq!(items, ["R1", "R2", "R3", "R4", "R5", "R6", "R7"]);
    // The county's rule still decides each school's result.
    let row = r.schools.iter().find(|s| s.file == "A.json").unwrap();
    assert_eq!(row.rule.len(), 1, "{:?}", row.rule);
    // Its items are no 资源配置 indicators: not in the table's column either.
    assert!(row.indicators.iter().all(|c| c.item.starts_with('R')));

    // A 九年一贯制 school judged on the county's rule as a whole (its music and art rooms are
    // shared) that fails it: not 符合 in either part (it was, in both: the whole school's
    // result was dropped when the school was counted per part).
    let mut doc = c.doc().clone();
    doc.group_rules[1].items = vec!["G3".into(), "G4".into()];
    doc.group_rules[1].min_pass = 2;
    let c = Checklist::try_from(doc).unwrap();
    let known = vec![c.clone()];
    let mut answers = example_school(&c, SchoolType::NineYear);
    answers.set(Slot::whole("G3"), Value::Number("10".into()));
    answers.set(Slot::whole("G4"), Value::Number("10".into()));
    let parts = file("N", &c, T1, |p, a| {
        p.school_type = Some(SchoolType::NineYear);
        *a = answers;
    });
    let r = run(&[read(parts, &c, &known)], &known, &[]);
    let row = &r.schools[0];
    assert_eq!(
        row.rule,
        vec![(Part::Primary, Some(false)), (Part::Junior, Some(false))],
        "{:?}",
        row.status
    );
    for side in [Side::Primary, Side::Junior] {
        let count = r.rule.iter().find(|c| c.side == side).unwrap();
        assert_eq!((count.meeting, count.schools), (0, 1), "{side:?}");
    }
}

/// The same made-up enrolment carries the county rates weighted by students (S1 社会认可度,
/// 一票否决 for the county, went from 未达标 to 达标 with one school's 5,000,000 students, and
/// only the coefficients' table said why): each such rate names the school too.
#[test]
fn a_county_rate_names_the_school_that_carries_most_of_its_weight() {
    let known = builtins().unwrap();
    let r = carried_county(&known);
    let heavy = r.heavy_rates();
    assert!(
        heavy.iter().all(|h| h.school == "学校巨大学校"),
        "{heavy:?}"
    );
    let s1 = heavy
        .iter()
        .find(|h| h.item == "S1")
        .unwrap_or_else(|| panic!("S1 rests on students: {heavy:?}"));
    assert!(s1.share > 0.99 && s1.share < 1.0, "{}", s1.share);
    let said = ziping_core::i18n::heavy_rate_text(Lang::Zh, s1);
    assert!(
        said.starts_with("“学校巨大学校”一校占县域比例 S1（"),
        "{said}"
    );
    assert!(said.contains("99.9%"), "{said}");
    // (Too few schools, or none over half: nothing said; with the coefficients' cases above.)
}

/// The county rates go upward in a CSV of their own, and a school that carries a rate or a
/// coefficient is said in its row's 说明 (the coefficients' CSV left it empty for one school
/// with 97.9 % of a side's students).
#[test]
fn the_county_rates_have_a_csv_and_a_carried_figure_says_why() {
    let known = builtins().unwrap();
    let r = carried_county(&known);
    let rates = rates_csv(&r, Lang::Zh);
    let rows: Vec<&str> = rates.trim_start_matches('\u{feff}').lines().collect();
    assert!(
        rows[0].starts_with(
            "评估清单,版本,学年,指标编号,指标,单位,学段,学校数,县域比例,标准,是否达标,说明"
        ),
        "{}",
        rows[0]
    );
    assert_eq!(rows.len(), 1 + r.county_rates.len(), "{rates}");
    let s1 = rows
        .iter()
        .find(|l| l.contains(",S1,") && l.contains(",小学,"))
        .unwrap_or_else(|| panic!("{rates}"));
    assert!(s1.contains("“学校巨大学校”一校占县域比例 S1"), "{s1}");
    let figures = figures_csv(&r, Lang::Zh);
    let r1 = figures
        .lines()
        .find(|l| l.contains(",R1,") && l.contains(",小学,"))
        .unwrap();
    assert!(
        r1.contains("“学校巨大学校”一校占全县小学在校生的 99.9%"),
        "{r1}"
    );
}
