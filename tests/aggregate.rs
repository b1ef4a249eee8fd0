//! County aggregation from real submission files, checked against the worked example.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::*;
use ziping::core::aggregate::{aggregate, FileStatus, Side, Spread};
use ziping::core::answers::{Slot, Value};
use ziping::core::builtin::builtins;
use ziping::core::county_csv::{figures_csv, schools_csv};
use ziping::core::export::{export, to_text, verify, ImportError, Submission};
use ziping::core::model::SchoolType;
use ziping::core::school::Profile;

/// A 小学 with `students` and `per100` teachers above the degree per 100 students.
fn school(
    code: &str,
    students: u32,
    per100: u32,
    exported: &str,
) -> (String, Result<ziping::core::export::Verified, ImportError>) {
    let checklist = builtin("yzjh-school");
    let mut answers = example_school(&checklist, SchoolType::Primary);
    answers.set(Slot::whole("students"), Value::Number(students.to_string()));
    answers.set(
        Slot::whole("teachers_above_degree"),
        Value::Number((students * per100 / 100).to_string()),
    );
    let profile = Profile {
        school_name: format!("学校{code}"),
        school_code: code.into(),
        county: "示例县".into(),
        school_type: Some(SchoolType::Primary),
        school_year: "2026-2027".into(),
        filled_by: "测试".into(),
    };
    let doc = export(&Submission {
        checklist: &checklist,
        profile: &profile,
        answers: &answers,
        plan: &[],
        attachments: &[],
        created: EXAMPLE_CREATED,
        exported,
        app_version: "test",
    })
    .unwrap();
    (
        format!("{code}.json"),
        verify(to_text(&doc).as_bytes(), &builtins().unwrap()),
    )
}

#[test]
fn the_county_cv_of_three_schools_is_the_worked_example() {
    let files: Vec<_> = vec![
        school("A", 100, 4, "2026-11-20T10:00:00+08:00"),
        school("B", 200, 5, "2026-11-20T10:00:00+08:00"),
        school("C", 300, 6, "2026-11-20T10:00:00+08:00"),
        // An older file of school A: a duplicate, left out.
        school("A", 100, 9, "2026-11-01T10:00:00+08:00"),
        ("broken.json".into(), verify(b"{", &builtins().unwrap())),
    ];
    let report = aggregate(&files, &builtins().unwrap(), |e| e.to_string());
    let r1 = report
        .figures
        .iter()
        .find(|f| f.item == "R1" && f.side == Side::Primary)
        .unwrap();
    // See core::aggregate's unit test: X = 4, 5, 6 per 100 with 100, 200, 300 students.
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
    assert!(
        matches!(&report.schools[3].status, FileStatus::Duplicate { newer } if newer == "A.json")
    );
    assert!(matches!(
        report.schools[4].status,
        FileStatus::Invalid { .. }
    ));
    assert!(
        report.figures.iter().all(|f| f.side == Side::Primary),
        "no 初中 school: no 初中 figures"
    );
    assert_eq!(report.rule[0].schools, 3);

    let csv = figures_csv(&report);
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    assert!(
        csv.contains(&format!("yzjh-school,R1,小学,3,600,{},", 16.0f64 / 3.0)),
        "{csv}"
    );
    let schools = schools_csv(&report);
    assert!(schools.starts_with("\u{feff}文件,状态,学校名称"));
    assert_eq!(schools.lines().count(), 6);
}

#[test]
fn the_command_line_writes_the_same_figures() {
    let dir = std::env::temp_dir().join(format!("ziping-agg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for doc in example_exports() {
        std::fs::write(
            dir.join(ziping::core::export::file_name(&doc)),
            to_text(&doc),
        )
        .unwrap();
    }
    let out = dir.join("county.csv");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_ziping"))
        .args([
            "aggregate",
            dir.to_str().unwrap(),
            "--csv",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let files: Vec<_> = example_exports()
        .into_iter()
        .map(|d| {
            (
                ziping::core::export::file_name(&d),
                verify(to_text(&d).as_bytes(), &builtins().unwrap()),
            )
        })
        .collect();
    let report = aggregate(&files, &builtins().unwrap(), |e| e.to_string());
    assert_eq!(
        std::fs::read_to_string(dir.join("county-county.csv")).unwrap(),
        figures_csv(&report)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
