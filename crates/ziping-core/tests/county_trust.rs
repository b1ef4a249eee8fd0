//! What a school sends cannot bend the county's figures (issue 14): placeholder codes, files
//! that say nothing about who they are, conflicts at scale, picks, school years written their
//! own way, county names with spaces, counts with percent signs, integers a double cannot hold,
//! checklist ids with invisible characters — and, with the county's settings, the roster and
//! the checklists the county accepts.

mod common;

use common::*;
use ziping_core::core::aggregate::{
    aggregate, indicator_rows, CountyReport, FileFacts, FileStatus, Options,
};
use ziping_core::core::answers::{Slot, Value};
use ziping_core::core::builtin::builtins;
use ziping_core::core::checklist::Checklist;
use ziping_core::core::export::{read as read_export, ImportError};
use ziping_core::core::score::assess;

const NOW: &str = "2026-11-25T12:00:00+08:00";
const T1: &str = "2026-11-20T10:00:00+08:00";

fn yzjh() -> Checklist {
    builtin("yzjh-school")
}

/// A compliant 小学's file named `name`, its profile changed by `edit`.
fn school(name: &str, edit: impl FnOnce(&mut ziping_core::core::school::Profile)) -> FileFacts {
    let c = yzjh();
    let parts = file(name, &c, T1, |p, _| edit(p));
    read(parts, &c, &builtins().unwrap())
}

fn run(files: &[FileFacts], picks: &[String]) -> CountyReport {
    county_report(NOW, files, &builtins().unwrap(), picks)
}

fn status_of<'a>(r: &'a CountyReport, file: &str) -> &'a FileStatus {
    &r.schools.iter().find(|s| s.file == file).unwrap().status
}

#[test]
fn placeholder_codes_are_no_code() {
    for placeholder in [
        "无",
        "0",
        "/",
        "-",
        "空",
        "暂无",
        "N/A",
        "n/a",
        "0000000000",
        "1111",
        "——",
        "无 ",
        "ＮＵＬＬ",
        "—",
        "null",
        "x",
    ] {
        let files: Vec<FileFacts> = (0..3)
            .map(|n| {
                school(&format!("{n}"), |p| {
                    p.school_code = placeholder.into();
                })
            })
            .collect();
        let r = run(&files, &[]);
        for n in 0..3 {
            assert_eq!(
                status_of(&r, &format!("{n}.json")),
                &FileStatus::Ok,
                "{placeholder:?}: three schools with a placeholder code are three schools"
            );
        }
    }
    // A real code that merely contains a repeated digit is a code.
    let a = school("a", |p| p.school_code = "4307000011".into());
    let b = school("b", |p| p.school_code = "4307000011".into());
    let r = run(&[a, b], &[]);
    assert!(matches!(
        status_of(&r, "a.json"),
        FileStatus::Conflict { .. }
    ));
}

#[test]
fn a_file_with_neither_name_nor_code_is_unidentified_never_a_duplicate() {
    let files: Vec<FileFacts> = (0..3)
        .map(|n| {
            school(&format!("{n}"), |p| {
                p.school_code = if n == 0 { "无".into() } else { String::new() };
                p.school_name = " ".into();
            })
        })
        .collect();
    let r = run(&files, &[]);
    for n in 0..3 {
        assert_eq!(
            status_of(&r, &format!("{n}.json")),
            &FileStatus::Unidentified
        );
    }
    assert!(r.schools.iter().all(|s| !s.status.counted()));
}

#[test]
fn a_conflict_names_a_bounded_list_and_one_group() {
    // 300 files with one code and 300 names: each status stays small.
    let files: Vec<FileFacts> = (0..300)
        .map(|n| school(&format!("{n}"), |p| p.school_code = "4307250001".into()))
        .collect();
    let r = run(&files, &[]);
    let mut groups = std::collections::BTreeSet::new();
    for s in &r.schools {
        let FileStatus::Conflict { group, with, .. } = &s.status else {
            panic!("{:?}", s.status)
        };
        assert!(with.shown.len() <= 3 && with.shown.len() + with.more == 299);
        groups.insert(*group);
    }
    assert_eq!(groups.len(), 1);
    assert_eq!(r.conflicts.len(), 1);
    assert_eq!(r.conflicts[0].files.len(), 300);
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.len() < 2_000_000, "{} bytes", json.len());
}

#[test]
fn a_pick_never_turns_another_school_into_a_duplicate() {
    // One code typed by two schools: picking school A's file settles A, not B.
    let a = school("A", |p| p.school_code = "4307250001".into());
    let b = school("B", |p| p.school_code = "4307250001".into());
    let r = run(&[a, b], &["A.json".to_string()]);
    assert_eq!(status_of(&r, "A.json"), &FileStatus::Ok);
    assert!(
        matches!(status_of(&r, "B.json"), FileStatus::Conflict { .. }),
        "{:?}",
        status_of(&r, "B.json")
    );
}

#[test]
fn two_picks_for_one_school_keep_the_first_and_say_so() {
    let a1 = school("A", |_| {});
    let c = yzjh();
    let a2 = read(
        file("A", &c, "2026-11-21T10:00:00+08:00", |_, a| {
            a.set(Slot::whole("students"), Value::Number("900".into()))
        }),
        &c,
        &builtins().unwrap(),
    );
    let a2 = FileFacts {
        file: "A2.json".into(),
        ..a2
    };
    let r = run(&[a1, a2], &["A.json".to_string(), "A2.json".to_string()]);
    assert_eq!(
        r.pick_clashes,
        vec![("A.json".to_string(), "A2.json".to_string())]
    );
}

#[test]
fn school_years_are_one_form_or_refused() {
    use ziping_core::core::school_year::canonical_school_year;
    for typed in [
        "2026-2027",
        "2026-27",
        "2026/2027",
        "2026—2027学年",
        "２０２６－２０２７",
        "2026至2027学年度",
        " 2026 - 2027 ",
        "2026-2027年",
        "2026年-2027年",
        "2026〜2027",
        "2026-2027学年第一学期",
    ] {
        assert_eq!(
            canonical_school_year(typed).as_deref(),
            Some("2026-2027"),
            "{typed:?}"
        );
    }
    for refused in [
        "2026",
        "2026-2028",
        "2027-2026",
        "秋季学期",
        "26-27",
        "2026年",
        "",
    ] {
        assert_eq!(canonical_school_year(refused), None, "{refused:?}");
    }
    // A file with a year the county cannot read is not counted, and says why.
    let f = school("A", |p| p.school_year = "2026".into());
    assert!(matches!(
        f.facts,
        Err(ImportError::BadSchoolYear { ref year }) if year == "2026"
    ));
    let ok = school("B", |p| p.school_year = "2026-27".into());
    assert_eq!(ok.facts.unwrap().school_year, "2026-2027");
}

#[test]
fn county_names_are_one_name_everywhere() {
    let a = school("A", |p| p.county = "示例县 ".into());
    let b = school("B", |p| p.county = " 示例县".into());
    let c = school("C", |p| p.county = "示例\u{200B}县".into());
    let r = run(&[a, b, c], &[]);
    assert_eq!(r.counties, vec!["示例县".to_string()]);
    assert!(r.schools.iter().all(|s| s.county == "示例县"));
    assert!(indicator_rows(&r).iter().all(|row| row.county == "示例县"));
}

#[test]
fn a_count_with_a_percent_sign_is_refused() {
    let c = yzjh();
    let mut answers = example_school(&c, ziping_core::core::model::SchoolType::Primary);
    answers.set(Slot::whole("students"), Value::Number("800%".into()));
    let a = assess(&c, ziping_core::core::model::SchoolType::Primary, &answers);
    assert!(
        a.invalid.iter().any(|i| i.slot == Slot::whole("students")),
        "{:?}",
        a.invalid
    );
}

#[test]
fn integers_a_double_cannot_hold_are_refused() {
    let text = std::fs::read_to_string(root(
        "examples/示例县-城关镇第一小学-yzjh-school-2026-2027-2026-11-20.json",
    ))
    .unwrap();
    assert!(read_export(text.as_bytes()).is_ok());
    // Put a huge integer where the result keeps a number: the digest cannot see it.
    let needle = "\"earned\": ";
    let at = text.find(needle).expect("the result has an earned") + needle.len();
    let end = at + text[at..].find([',', '\n', '}']).unwrap();
    for huge in [
        "9007199254740993",
        "-9007199254740993",
        "123456789012345678901234",
    ] {
        let crafted = format!("{}{huge}{}", &text[..at], &text[end..]);
        assert!(
            matches!(
                read_export(crafted.as_bytes()),
                Err(ImportError::NumberTooPrecise { .. })
            ),
            "{huge}"
        );
    }
    // Inside a string, digits are text, also after an escaped quote or backslash.
    for inside in [
        "城关镇第一小学9007199254740993",
        "城关镇第一小学\\\"9007199254740993",
        "城关镇第一小学\\\\\"",
    ] {
        let crafted = text.replacen("城关镇第一小学", inside, 1);
        assert!(
            !matches!(
                read_export(crafted.as_bytes()),
                Err(ImportError::NumberTooPrecise { .. })
            ),
            "{inside}"
        );
    }
}

#[test]
fn checklist_ids_and_versions_with_hidden_characters_are_refused_and_a_bom_is_read() {
    let text = std::fs::read_to_string(root("checklists/zlpj-school-hengyang.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let version = doc["version"].as_str().unwrap().to_string();
    for bad in [
        format!("{version}\u{200B}"),
        format!(" {version}"),
        format!("{version} "),
        format!("{version}\u{7}"),
        format!("{version}\u{202E}"),
    ] {
        let mut d = doc.clone();
        d["version"] = serde_json::Value::String(bad.clone());
        let e = Checklist::from_json(&d.to_string()).unwrap_err();
        let words = ziping_core::i18n::checklist_errors(ziping_core::i18n::Lang::Zh, &e);
        assert!(words.contains("U+"), "{bad:?}: {words}");
    }
    for bad_id in [
        "yzjh-school\u{200B}",
        " yzjh-school",
        "yzjh-school ",
        "yzjh\u{7}school",
    ] {
        let mut d = doc.clone();
        d["id"] = serde_json::Value::String(bad_id.into());
        assert!(Checklist::from_json(&d.to_string()).is_err(), "{bad_id:?}");
    }
    let with_bom = format!("\u{feff}{text}");
    assert!(Checklist::from_json(&with_bom).is_ok());
}

mod with_settings {
    use super::*;
    use ziping_core::core::aggregate::{
        CountySettings, EnrolmentDoubt, MissingSchool, RosterSchool, SettingsDraft,
    };
    use ziping_core::core::export::stamp;
    use ziping_core::core::model::SchoolType;
    use ziping_core::core::roster_csv;

    fn roster_school(code: &str, name: &str, t: SchoolType) -> RosterSchool {
        RosterSchool {
            code: code.into(),
            name: name.into(),
            school_type: t,
            township: "城关镇".into(),
            students: None,
        }
    }

    /// The county accepts `accepted`, assesses 2026-2027 and lists schools A, B and C (the
    /// helper's files are named 学校X with code 43070000X).
    fn settings(accepted: &[&Checklist]) -> CountySettings {
        let county_own: Vec<Checklist> = accepted
            .iter()
            .filter(|c| !builtins().unwrap().iter().any(|b| b.sha256() == c.sha256()))
            .map(|c| (*c).clone())
            .collect();
        CountySettings::new(
            SettingsDraft {
                county: "示例县".into(),
                school_years: vec!["2026—2027学年".into()],
                accepted: accepted.iter().map(|c| stamp(c)).collect(),
                county_checklists: county_own,
                roster: vec![
                    roster_school("43070000A", "学校A", SchoolType::Primary),
                    roster_school("43070000B", "学校B", SchoolType::Primary),
                    roster_school("43070000C", "学校C", SchoolType::Junior),
                ],
            },
            &builtins().unwrap(),
        )
        .unwrap()
    }

    fn run_with(
        files: &[FileFacts],
        s: &CountySettings,
        picks: &[String],
        assigned: &[(String, String)],
    ) -> CountyReport {
        let options = Options {
            now: &ziping_core::core::time::Timestamp::parse(NOW).unwrap(),
            county: None,
            picks,
            settings: Some(s),
            assigned,
        };
        aggregate(
            &files.iter().collect::<Vec<_>>(),
            &builtins().unwrap(),
            &options,
        )
    }

    #[test]
    fn the_roster_decides_who_counts_and_who_is_missing() {
        let s = settings(&[&yzjh()]);
        let files = vec![
            school("A", |_| {}),
            // Not in the roster: a typo'd code, or a school the county does not know.
            school("X", |_| {}),
            // B writes its county with a space and its name its own way: still B.
            school("B", |p| {
                p.county = "示例县 ".into();
                p.school_name = "城关B校".into();
            }),
        ];
        let r = run_with(&files, &s, &[], &[]);
        assert_eq!(status_of(&r, "A.json"), &FileStatus::Ok);
        assert_eq!(status_of(&r, "X.json"), &FileStatus::NotInRoster);
        let b = r.schools.iter().find(|s| s.file == "B.json").unwrap();
        assert_eq!(b.status, FileStatus::Ok);
        assert!(b.roster.as_ref().unwrap().name_differs);
        // C (初中) sent nothing: 未报送. yzjh-school covers 初中.
        assert_eq!(
            r.missing,
            vec![MissingSchool {
                school_year: "2026-2027".into(),
                code: "43070000C".into(),
                name: "学校C".into(),
                township: "城关镇".into(),
                school_type: SchoolType::Junior,
            }]
        );
        assert_eq!(r.roster_schools, 3);
        // The officer assigns X's file to C: it counts for C, flagged as assigned, and the
        // type the roster gives differs from the file's (a 初中 that filed as a 小学).
        let r = run_with(&files, &s, &[], &[("X.json".into(), "43070000C".into())]);
        let x = r.schools.iter().find(|s| s.file == "X.json").unwrap();
        assert_eq!(x.status, FileStatus::Ok);
        let m = x.roster.as_ref().unwrap();
        assert!(m.assigned && m.name_differs);
        assert_eq!(m.type_differs, Some(SchoolType::Junior));
        assert!(r.missing.is_empty());
        // A county that accepts two checklists: a school that sent one of them has sent.
        let both = settings(&[&yzjh(), &builtin("zlpj-school")]);
        let r = run_with(&files, &both, &[], &[]);
        let missing: Vec<&str> = r.missing.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(
            missing,
            ["43070000C"],
            "A and B sent yzjh-school only, and have sent"
        );
        // C's file and another under C's code (written in full-width) with another name: a
        // 冲突 the officer settles, not a school to chase as 未报送.
        let mut with_c = files.clone();
        with_c.push(school("C", |p| {
            p.school_code = "43070000C".into();
            p.school_name = "学校C".into();
        }));
        with_c.push(school("C2", |p| {
            p.school_code = "４３０７００００Ｃ".into();
            p.school_name = "冒名学校".into();
        }));
        let r = run_with(&with_c, &s, &[], &[]);
        assert!(matches!(
            status_of(&r, "C.json"),
            FileStatus::Conflict { .. }
        ));
        assert!(r.missing.is_empty(), "{:?}", r.missing);
    }

    /// The county's roster keeps each school's enrolment (from 学籍): a file that reports
    /// many more or fewer pupils is flagged, since enrolment weighs every coefficient. Within
    /// 5 % (and 10 pupils) it is a school's ordinary year.
    #[test]
    fn enrolment_far_from_the_rosters_is_flagged_for_a_second_look() {
        use ziping_core::core::aggregate::flags::FlagKind;
        let mut s = settings(&[&yzjh()]);
        for school in &mut s.roster {
            school.students = Some(1000);
        }
        let with = |name: &str, students: &str| {
            let c = yzjh();
            let parts = file(name, &c, T1, |_, a| {
                a.set(Slot::whole("students"), Value::Number(students.into()));
            });
            read(parts, &c, &builtins().unwrap())
        };
        let files = vec![with("A", "1400"), with("B", "1030")];
        let r = run_with(&files, &s, &[], &[]);
        let flagged: Vec<(&str, &FlagKind)> = r
            .flags
            .iter()
            .filter(|f| matches!(f.kind, FlagKind::EnrolmentOffRoster { .. }))
            .map(|f| (r.schools[f.row].file.as_str(), &f.kind))
            .collect();
        assert_eq!(
            flagged,
            [(
                "A.json",
                &FlagKind::EnrolmentOffRoster {
                    roster: 1000,
                    file: 1400.0
                }
            )]
        );
        let line = ziping_core::i18n::flag_text(
            ziping_core::i18n::Lang::Zh,
            r.flags
                .iter()
                .find(|f| matches!(f.kind, FlagKind::EnrolmentOffRoster { .. }))
                .unwrap(),
        );
        assert!(line.contains("1400") && line.contains("1000"), "{line}");
        // Twice the roster's or more (or half or less) is no ordinary year: the file waits,
        // 人数存疑, until the officer chooses it; then it counts, flagged.
        // (Pupils per class stay ordinary: 18 classes.)
        for school in &mut s.roster {
            school.students = Some(600);
        }
        let files = vec![with("A", "1300"), with("B", "620"), with("C", "300")];
        let r = run_with(&files, &s, &[], &[]);
        for (f, file) in [("A.json", 1300.0), ("C.json", 300.0)] {
            assert_eq!(
                *status_of(&r, f),
                FileStatus::EnrolmentDoubt {
                    doubt: EnrolmentDoubt::OffRoster { roster: 600, file }
                },
                "{f}"
            );
        }
        assert_eq!(*status_of(&r, "B.json"), FileStatus::Ok);
        assert!(
            r.missing.is_empty(),
            "a held file is the school's: {:?}",
            r.missing
        );
        let row = r.schools.iter().find(|s| s.file == "A.json").unwrap();
        let line = ziping_core::i18n::row_status_line(ziping_core::i18n::Lang::Zh, row);
        assert!(
            line.starts_with("人数存疑：报送的在校生数 1300 人，县名册中为 600 人，是名册人数的两倍以上或一半以下（"),
            "{line}"
        );
        let r = run_with(&files, &s, &["A.json".into()], &[]);
        assert_eq!(*status_of(&r, "A.json"), FileStatus::Ok);
        assert!(r.flags.iter().any(|f| r.schools[f.row].file == "A.json"
            && matches!(f.kind, FlagKind::EnrolmentOffRoster { .. })));
        // Without the roster's enrolment, nothing to compare.
        let plain = settings(&[&yzjh()]);
        let r = run_with(&files, &plain, &[], &[]);
        assert!(!r
            .flags
            .iter()
            .any(|f| matches!(f.kind, FlagKind::EnrolmentOffRoster { .. })));
    }

    #[test]
    fn a_relabelled_or_look_alike_checklist_never_counts() {
        let hengyang = Checklist::from_json(
            &std::fs::read_to_string(root("checklists/zlpj-school-hengyang.json")).unwrap(),
        )
        .unwrap();
        let national = builtin("zlpj-school");
        // The county requires its 衡阳 variant (PE ≥ 90 min); a school files on the national
        // checklist (≥ 60).
        let s = settings(&[&hengyang]);
        let mut known = builtins().unwrap();
        known.push(hengyang.clone());
        let national_file = read(file("A", &national, T1, |_, _| {}), &national, &known);
        let hengyang_file = read(file("B", &hengyang, T1, |_, _| {}), &hengyang, &known);
        let r = run_with(&[national_file, hengyang_file], &s, &[], &[]);
        assert!(matches!(
            status_of(&r, "A.json"),
            FileStatus::ChecklistNotAccepted { id, .. } if id == "zlpj-school"
        ));
        // The 衡阳 file counts though `aggregate` was given only the built-ins: the settings
        // carry the county's own checklist.
        assert_eq!(status_of(&r, "B.json"), &FileStatus::Ok);
        assert!(r.missing.iter().any(|m| m.code == "43070000A"));
        // A school's copy of the built-in, version with a zero-width space: refused at load.
        let text = std::fs::read_to_string(root("checklists/yzjh-school.json")).unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let v = format!("{}\u{200B}", doc["version"].as_str().unwrap());
        doc["version"] = v.into();
        assert!(Checklist::from_json(&doc.to_string()).is_err());
    }

    #[test]
    fn files_of_a_year_not_assessed_do_not_count() {
        let s = settings(&[&yzjh()]);
        let old = school("A", |p| p.school_year = "2025-26".into());
        let r = run_with(&[old], &s, &[], &[]);
        assert!(matches!(
            status_of(&r, "A.json"),
            FileStatus::OtherYear { year } if year == "2025-2026"
        ));
    }

    #[test]
    fn settings_go_to_a_file_and_back_and_say_what_is_wrong() {
        let s = settings(&[&yzjh()]);
        let again = CountySettings::from_json(&s.to_json(), &builtins().unwrap()).unwrap();
        // A school's submission or a checklist picked by mistake is named for what it is.
        let submission = std::fs::read_to_string(root(
            "examples/示例县-城关镇第一小学-yzjh-school-2026-2027-2026-11-20.json",
        ))
        .unwrap();
        assert_eq!(
            CountySettings::from_json(&submission, &builtins().unwrap()).unwrap_err(),
            vec![ziping_core::core::aggregate::SettingsProblem::IsSubmission]
        );
        assert_eq!(again, s);
        let bom = format!("\u{feff}{}", s.to_json());
        assert!(CountySettings::from_json(&bom, &builtins().unwrap()).is_ok());
        let mut bad = s.draft();
        bad.county = " ".into();
        bad.school_years = vec!["2026".into()];
        bad.roster
            .push(roster_school("无", "某校", SchoolType::Primary));
        bad.roster.push(roster_school(
            "４３０７００００Ａ",
            "学校A2",
            SchoolType::Primary,
        ));
        let problems = CountySettings::new(bad, &builtins().unwrap()).unwrap_err();
        let words = ziping_core::i18n::settings_problems(ziping_core::i18n::Lang::Zh, &problems);
        for expected in [
            "县（区）名称",
            "“2026”",
            "名册第 4 所学校",
            "名册第 5 所学校",
            "第 1 行重复",
        ] {
            assert!(words.contains(expected), "{expected}: {words}");
        }
        // A checklist accepted but known nowhere is named.
        let mut unknown = s.draft();
        unknown.accepted[0].sha256 = "0".repeat(64);
        let problems = CountySettings::new(unknown, &builtins().unwrap()).unwrap_err();
        assert!(matches!(
            problems[0],
            ziping_core::core::aggregate::SettingsProblem::UnknownChecklist { .. }
        ));
    }

    #[test]
    fn the_roster_comes_from_a_spreadsheet_with_problems_by_row_and_column() {
        let template = roster_csv::to_csv(&[]);
        assert!(template.starts_with('\u{feff}'));
        // Its example row is never read as a school, even if the officer leaves it in.
        assert!(template.contains(roster_csv::EXAMPLE_MARK));
        assert!(roster_csv::from_csv(&template).is_err());
        let kept = format!("{template}4307,城关一小,小学,,\n");
        assert_eq!(roster_csv::from_csv(&kept).unwrap().len(), 1);
        // Nothing in the file, or a code Excel mangled: said so.
        let empty = roster_csv::from_csv("").unwrap_err();
        assert_eq!(empty[0].issue, roster_csv::RosterCsvIssue::EmptyFile);
        let mangled = roster_csv::from_csv(
            "学校代码,学校名称,学校类型\n4.30725E+09,甲校,小学\n=4307,乙校,小学\n4E+09,丙校,小学\n",
        )
        .unwrap_err();
        assert!(mangled
            .iter()
            .all(|p| matches!(p.issue, roster_csv::RosterCsvIssue::BadCode { .. })));
        assert_eq!(mangled.len(), 3);
        let huge = roster_csv::from_csv(
            "学校代码,学校名称,学校类型,乡镇,在校生数\n4307,甲校,小学,,5000000000\n",
        );
        assert!(
            huge.is_err(),
            "a number of students no school has is said, not dropped"
        );
        // As Excel saves it: a code with a leading zero kept by its apostrophe, full-width
        // digits, a type spelled out, students with a thousands separator, an empty line.
        let table = "学校代码,学校名称,学校类型,乡镇,在校生数\n\
                     '0123,城关一小,小学,城关镇,\"1,200\"\n\
                     '4309,城关二小,小学,城关镇,\n\
                     ４３０７,城关中学,初级中学,城关镇,\n\
                     ,,,,\n\
                     4308,桃花学校,九年一贯制学校,桃花乡,300\n";
        let schools = roster_csv::from_csv(table).unwrap();
        assert_eq!(schools.len(), 4);
        assert_eq!(schools[0].code, "0123");
        assert_eq!(
            schools[1].code, "4309",
            "an apostrophe typed before a code is not kept"
        );
        assert_eq!(
            schools[2].code, "4307",
            "full-width digits are kept as ASCII"
        );
        assert_eq!(schools[0].students, Some(1200));
        assert_eq!(schools[2].school_type, SchoolType::Junior);
        assert_eq!(schools[3].school_type, SchoolType::NineYear);
        // A table's problems, as the officer reads them.
        let said = |table: &str| -> Vec<String> {
            roster_csv::from_csv(table)
                .unwrap_err()
                .iter()
                .map(|p| ziping_core::i18n::roster_problem(ziping_core::i18n::Lang::Zh, p))
                .collect()
        };
        let broken = "学校代码,学校名称,学校类型\n无,某校,小学\n4307,,高中\n4307,乙校,小学\n1,丙校,小学,,800%\n";
        let all = said(broken).join("\n");
        for expected in [
            "第 2 行“学校代码”",
            "第 3 行“学校名称”",
            "第 3 行“学校类型”",
            "“高中”不是学校类型",
            "与第 3 行重复",
        ] {
            assert!(all.contains(expected), "{expected}:\n{all}");
        }
        // Round trip.
        assert_eq!(
            roster_csv::from_csv(&roster_csv::to_csv(&schools)).unwrap(),
            schools
        );
        // A quote opened and never closed (typed by hand in a text editor) takes every row
        // after it into one cell: said at its row, not read as one school with a long name.
        let unclosed = "学校代码,学校名称,学校类型\n4307,\"城关一小,小学\n4308,城关二小,小学\n4309,城关三小,小学\n";
        assert_eq!(
            said(unclosed),
            vec!["第 2 行“学校名称”列：引号未配对：这一格从“城关一小,小学”开始，把后面各行都并进了这一格。请检查这一格前后的英文双引号（\"）是否成对".to_string()],
        );
        // A name with a line break of its own (Alt+Enter in Excel, which quotes the cell) is
        // a name, wherever its row is.
        let own =
            "学校代码,学校名称,学校类型\n4307,\"城关\n一小\",小学\n4308,\"城关\n二小\",小学\n";
        let schools = roster_csv::from_csv(own).unwrap();
        assert_eq!(schools.len(), 2);
        assert_eq!(schools[1].name, "城关\n二小");
    }
}

#[test]
fn the_school_csv_carries_the_roster_and_the_missing_schools() {
    use ziping_core::core::aggregate::{CountySettings, RosterSchool, SettingsDraft};
    use ziping_core::core::model::SchoolType;
    let roster = |code: &str, name: &str| RosterSchool {
        code: code.into(),
        name: name.into(),
        school_type: SchoolType::Primary,
        township: "桃花乡".into(),
        students: None,
    };
    let s = CountySettings::new(
        SettingsDraft {
            county: "示例县".into(),
            school_years: vec!["2026-2027".into()],
            accepted: vec![ziping_core::core::export::stamp(&yzjh())],
            county_checklists: vec![],
            roster: vec![roster("43070000A", "学校A"), roster("0099", "没交的学校")],
        },
        &builtins().unwrap(),
    )
    .unwrap();
    let files = [school("A", |_| {}), school("X", |_| {})];
    let options = Options {
        now: &ziping_core::core::time::Timestamp::parse(NOW).unwrap(),
        county: None,
        picks: &[],
        settings: Some(&s),
        assigned: &[],
    };
    let r = aggregate(
        &files.iter().collect::<Vec<_>>(),
        &builtins().unwrap(),
        &options,
    );
    let csv = ziping_core::report::county_csv::schools_csv(&r, ziping_core::i18n::Lang::Zh);
    let mut reader =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let missing = rows.iter().find(|r| r[col("状态")] == "未报送").unwrap();
    assert_eq!(missing[col("学校代码")], "'0099");
    assert_eq!(missing[col("乡镇")], "桃花乡");
    let x = rows.iter().find(|r| r[0] == "X.json").unwrap();
    assert_eq!(x[col("状态")], "不在名册");
    let a = rows.iter().find(|r| r[0] == "A.json").unwrap();
    assert_eq!(a[col("名册学校代码")], "43070000A");
    assert!(rows.iter().all(|r| r.len() == header.len()));
}

#[test]
fn a_nameless_file_picked_is_its_whole_groups_school_never_a_second_one() {
    // A named and a nameless file with one code, exported at the same moment with other
    // content: one school in conflict. Picking the nameless one settles it; picking both is a
    // clash, never two schools.
    let a = school("A", |p| p.school_code = "4307250001".into());
    let c = yzjh();
    let b = read(
        file("B", &c, T1, |p, a| {
            p.school_code = "4307250001".into();
            p.school_name = String::new();
            a.set(Slot::whole("students"), Value::Number("900".into()));
        }),
        &c,
        &builtins().unwrap(),
    );
    let files = [a, b];
    let r = run(&files, &["B.json".to_string()]);
    assert_eq!(status_of(&r, "B.json"), &FileStatus::Ok);
    assert!(matches!(
        status_of(&r, "A.json"),
        FileStatus::Duplicate { .. }
    ));
    let r = run(&files, &["B.json".to_string(), "A.json".to_string()]);
    assert_eq!(r.schools.iter().filter(|s| s.status.counted()).count(), 1);
    assert_eq!(r.pick_clashes.len(), 1);
}

#[test]
fn the_next_school_year_of_any_year_the_county_reads_is_the_next_one() {
    use ziping_core::core::school_year::next_school_year;
    assert_eq!(next_school_year("2025-2026"), "2026-2027");
    assert_eq!(next_school_year("2025/2026"), "2026/2027");
    for typed in [
        "2025-26",
        "2025—2026学年",
        "２０２５－２０２６",
        "2025 - 2026",
    ] {
        assert_eq!(next_school_year(typed), "2026-2027", "{typed:?}");
    }
}
