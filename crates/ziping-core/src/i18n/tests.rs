//! The catalogue's own checks: both languages everywhere, each template using its fields.

use super::*;

#[test]
fn every_key_has_both_languages() {
    for key in Msg::ALL {
        assert!(
            !key.text(Lang::Zh).trim().is_empty(),
            "{key:?} has no Chinese text"
        );
        assert!(
            !key.text(Lang::En).trim().is_empty(),
            "{key:?} has no English text"
        );
    }
}

#[test]
fn units_and_punctuation_follow_the_language() {
    assert_eq!(unit(Lang::Zh, "分钟"), "分钟");
    assert_eq!(unit(Lang::En, "分钟"), "min");
    assert_eq!(unit(Lang::En, "㎡"), "㎡");
    assert_eq!(Lang::Zh.paren("小学部"), "（小学部）");
    assert_eq!(Lang::En.paren("Primary part"), " (Primary part)");
}

#[test]
fn values_go_where_their_names_stand() {
    let m = say::ProgressLabel {
        done: "3",
        total: "10",
    };
    assert_eq!(m.text(Lang::Zh), "已填 3/10");
    assert_eq!(
        say::PointsLabel { points: "2/4" }.text(Lang::En),
        "2/4 points"
    );
    // The English line that once read "7 of 5 schools": named fields cannot swap.
    let rule = say::CountyRuleMet {
        side: "Primary",
        schools: "7",
        meeting: "5",
        rule: "“r”",
    };
    assert_eq!(rule.text(Lang::En), "Primary: of 7 schools, 5 meet “r”");
    // Two rules, each quoted; a rule every item must meet says so (not "至少 3 of 3、其余…").
    use crate::core::aggregate::RuleTerms;
    let terms = [
        RuleTerms {
            min_pass: 6,
            items: 7,
            floor_ratio: 0.85,
        },
        RuleTerms {
            min_pass: 3,
            items: 3,
            floor_ratio: 0.85,
        },
    ];
    assert_eq!(
        rules_quoted(Lang::Zh, &terms),
        "“7 项中至少 6 项达标、其余不低于标准的 85%”和“3 项全部达标”"
    );
    assert_eq!(
        rules_quoted(Lang::En, &terms),
        "“at least 6 of 7 met, the others at least 85% of their standard” and “all 3 met”"
    );
    // A value that looks like a placeholder stays as typed.
    assert_eq!(
        say::NotANumber { typed: "{typed}" }
            .text(Lang::En)
            .matches("{typed}")
            .count(),
        1
    );
}

/// Every template uses exactly its message's fields, in both languages: no `{}` left from
/// positional arguments, no field forgotten in one language, no unknown name.
#[test]
fn every_template_uses_exactly_its_fields() {
    for (key, zh, en, fields) in say::TEMPLATES {
        for (lang, template) in [("zh", zh), ("en", en)] {
            let mut used: Vec<&str> = Vec::new();
            let mut rest = *template;
            while let Some(open) = rest.find('{') {
                let after = &rest[open + 1..];
                let close = after
                    .find('}')
                    .unwrap_or_else(|| panic!("{key} {lang}: unclosed {{"));
                let name = &after[..close];
                used.push(name.split_once('|').map_or(name, |(n, _)| n));
                rest = &after[close + 1..];
            }
            for name in &used {
                assert!(
                    fields.contains(name),
                    "{key} {lang}: unknown placeholder {{{name}}}"
                );
            }
            for field in *fields {
                assert!(used.contains(field), "{key} {lang}: {{{field}}} missing");
            }
        }
    }
    for key in Msg::ALL {
        for lang in [Lang::Zh, Lang::En] {
            assert!(
                !key.text(lang).contains("{}"),
                "{key:?} still takes positional values"
            );
        }
    }
}

#[test]
fn english_units_agree_with_a_count_of_one() {
    assert_eq!(unit_after(Lang::En, "间", "1"), "room");
    assert_eq!(unit_after(Lang::En, "间", "2"), "rooms");
    assert_eq!(unit_after(Lang::En, "人", "1"), "person");
    assert_eq!(
        unit_after(Lang::En, "间/12班", "≥ 1"),
        "room per 12 classes"
    );
    assert_eq!(
        unit_after(Lang::En, "间/12班", "1.5"),
        "rooms per 12 classes"
    );
    assert_eq!(unit_after(Lang::Zh, "间", "1"), "间");
}

/// English counts agree with their nouns: "1 error", "2 errors", "1 county".
#[test]
fn english_counts_take_the_plural_only_when_more_than_one() {
    let counts = |e: &str, m: &str, w: &str| {
        say::CheckCounts {
            errors: e,
            missing: m,
            warnings: w,
        }
        .text(Lang::En)
    };
    assert!(counts("1", "0", "2").starts_with("1 error, 0 unanswered, 2 notes."));
    assert!(counts("3", "1", "1").starts_with("3 errors, 1 unanswered, 1 note."));
    assert_eq!(
        say::CountyAsk { counties: "1" }.text(Lang::En),
        "These files come from 1 county: choose the county to aggregate first"
    );
    assert_eq!(
        say::CountySchoolsInBin { schools: "1" }.text(Lang::En),
        "1 school"
    );
    // Every English template that counts a noun says it in the singular for 1.
    for (key, _, en, fields) in say::TEMPLATES {
        let one: Vec<(&str, &str)> = fields
            .iter()
            .map(|f| (*f, if *f == "school_type" { "primary" } else { "1" }))
            .collect();
        let text = render(en, &one);
        for noun in [
            "errors",
            "schools",
            "files",
            "rows",
            "counties",
            "points",
            "notes",
            "items",
            "checklists",
            "indicators",
            "decimals",
            "students",
            "teachers",
            "classes",
        ] {
            assert!(
                !text.contains(&format!("1 {noun}")),
                "{key}: “{text}” says 1 {noun}"
            );
        }
    }
}

#[test]
fn chinese_is_the_default_and_toggle_flips() {
    assert_eq!(Lang::default(), Lang::Zh);
    assert_eq!(Lang::Zh.other(), Lang::En);
    assert_eq!(Lang::En.other().tag(), "zh-CN");
}

/// Every checklist problem and every import error reads as Chinese in Chinese, with no
/// English sentence inside (county authors once got "内容不一致：levels need at least two
/// entries"), and as English in English.
#[test]
fn problems_are_worded_in_the_interface_language() {
    use crate::core::checklist::{Allowed, Problem as P, RefKind};
    use crate::core::export::ImportError as E;
    use crate::core::json::FieldProblem as F;
    use crate::core::model::SchoolType;
    let field = F::Missing { field: "x1".into() };
    let problems = [
        P::Json {
            line: 1,
            column: 2,
            problem: field.clone(),
        },
        P::WrongFormat { found: "x1".into() },
        P::Empty,
        P::DuplicateId("x1".into()),
        P::Unknown {
            what: RefKind::Grade,
            id: "x1".into(),
        },
        P::ReservedCharacter("x1".into()),
        P::IdCharacters("x 1".into()),
        P::HiddenCharacters {
            value: "1\u{200B}".into(),
            hidden: vec!['\u{200B}'],
        },
        P::OutOfRange {
            allowed: Allowed::LevelPoints,
            value: 2.0,
        },
        P::NoZeroGrade,
        P::SplitNeeded,
        P::EnrolmentNotPerPart,
        P::NotAnAnswer {
            item: "x1".into(),
            value: "x2".into(),
        },
        P::Unscored,
        P::VetoKind,
        P::TooFewLevels,
        P::BestLevelPoints,
        P::NoRuleFor(SchoolType::Junior),
        P::BadThreshold,
        P::Unreachable { high: Some(100.0) },
        P::BadRange { min: 5.0, max: 1.0 },
        P::GradeOrder { above: 90.0 },
        P::Unreachable { high: None },
        P::WhenCycle(vec!["x1".into(), "x2".into(), "x1".into()]),
        P::NoThreshold("x1".into()),
        P::MinPassTooHigh {
            min_pass: 3,
            items: 2,
        },
        P::NotCanonical,
    ];
    let mut errors = vec![
        E::TooLarge {
            size: 5 << 20,
            limit: 4 << 20,
        },
        E::NotUtf8,
        E::NotJson {
            line: 1,
            column: 2,
            message: "x1".into(),
        },
        E::TooDeep,
        E::NotAnExport,
        E::UnknownFormat { found: "x1".into() },
        E::Field {
            path: "$".into(),
            problem: field.clone(),
        },
        E::Field {
            path: "profile".into(),
            problem: F::UnknownValue { value: "x1".into() },
        },
        E::Field {
            path: "profile".into(),
            problem: F::WrongType {
                found: crate::core::json::JsonKind::Text,
                expected: crate::core::json::JsonKind::WholeNumber,
            },
        },
        E::Field {
            path: "profile".into(),
            problem: F::WrongType {
                found: crate::core::json::JsonKind::List,
                expected: crate::core::json::JsonKind::Other,
            },
        },
        E::Field {
            path: "profile".into(),
            problem: F::Other,
        },
        E::Field {
            path: "profile".into(),
            problem: F::Unwritable,
        },
        E::Field {
            path: "result".into(),
            problem: F::DuplicateKey,
        },
        E::BadTime {
            field: "created".into(),
            value: "x1".into(),
        },
        E::DigestMismatch {
            stored: "x1".into(),
            computed: "x2".into(),
        },
        E::UnknownChecklist {
            id: "x1".into(),
            version: "1".into(),
        },
        E::ChecklistChanged {
            id: "x1".into(),
            version: "1".into(),
        },
        E::NoSchoolType,
        E::Unreadable {
            why: crate::core::export::Unreadable::PermissionDenied,
        },
        E::SchoolTypeNotCovered {
            school_type: SchoolType::NineYear,
        },
        E::IsPackage,
    ];
    errors.extend(
        package_problems()
            .into_iter()
            .map(|problem| E::Package { problem }),
    );
    let sentences = problems
        .iter()
        .map(|p| {
            (
                checklist_problem(Lang::Zh, p),
                checklist_problem(Lang::En, p),
            )
        })
        .chain(
            errors
                .iter()
                .map(|e| (import_error(Lang::Zh, e), import_error(Lang::En, e))),
        )
        .chain(
            export_errors()
                .into_iter()
                .map(|e| (export_error(Lang::Zh, &e), export_error(Lang::En, &e))),
        )
        .chain(
            refusals()
                .into_iter()
                .map(|r| (refusal_text(Lang::Zh, &r), refusal_text(Lang::En, &r))),
        );
    let english_word = |t: &str| {
        t.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            w.len() >= 3
                && ![
                    "UTF",
                    "JSON",
                    "KB",
                    "RFC",
                    "ziping",
                    "format",
                    "profile",
                    "result",
                    "created",
                    "school",
                    "type",
                    "split",
                    "scope",
                    "per",
                    "part",
                    "when",
                    "json",
                    // 报送包: the container's name, and the file names and paths inside it.
                    "zip",
                    "SHA",
                    "submission",
                    "evidence",
                ]
                .contains(&w)
        })
    };
    for (zh, en) in sentences {
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        assert!(!english_word(&zh), "English inside the Chinese: {zh}");
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{en}"
        );
    }
}

fn export_errors() -> Vec<crate::core::export::ExportError> {
    use crate::core::export::ExportError as E;
    vec![
        E::NoSchoolType,
        // serde's English in the error: never shown.
        E::NotSerializable {
            reason: "float must be finite".into(),
        },
        E::BadTime {
            field: "created",
            value: "x1".into(),
        },
    ]
    .into_iter()
    .chain(
        package_problems()
            .into_iter()
            .map(|problem| E::Package { problem }),
    )
    .collect()
}

/// Every way a 报送包 is refused.
fn package_problems() -> Vec<crate::core::export::PackageProblem> {
    use crate::core::export::PackageProblem as P;
    let path = || "evidence/x1/../y".to_string();
    let item = || "x1".to_string();
    let name = || "x2.gz".to_string();
    vec![
        P::NotAZip,
        P::TooLarge {
            size: 60 << 20,
            limit: 50 << 20,
        },
        P::Expands { limit: 50 << 20 },
        P::EvidenceTooLarge {
            size: 60 << 20,
            limit: 50 << 20,
            item: item(),
            name: name(),
            file_size: 55 << 20,
        },
        P::TooManyEntries { limit: 2000 },
        P::UnsafePath { path: path() },
        P::DuplicatePath { path: path() },
        P::Overlapping { path: path() },
        P::Unsupported { path: path() },
        P::Damaged { path: path() },
        P::NoSubmission,
        P::Unlisted { path: path() },
        P::Missing {
            item: item(),
            name: name(),
        },
        P::HashMismatch {
            item: item(),
            name: name(),
        },
    ]
}

fn refusals() -> Vec<crate::core::aggregate::refusal::Refusal> {
    use crate::core::aggregate::refusal::Refusal as R;
    let errors = crate::core::checklist::Checklist::from_json(r#"{"format":"x"}"#).unwrap_err();
    vec![
        R::TooLarge {
            size: 9 << 20,
            limit: 4 << 20,
        },
        R::NotJson,
        R::SystemFile,
        R::Unreadable,
        R::BadChecklist { errors },
        R::ChecklistClash {
            id: "x1".into(),
            version: "1".into(),
        },
        R::SameAsPackage {
            package: "x1.zip".into(),
        },
    ]
}

/// A report holds facts, so the same report reads in either language: a file refused before
/// (its checklist unknown) is worded in the language shown, never the one of the moment the
/// report was made (the report once carried Chinese words for it).
#[test]
fn a_reports_reasons_follow_the_language_shown() {
    use crate::core::aggregate::FileStatus;
    use crate::core::export::ImportError;
    let status = FileStatus::Invalid {
        error: ImportError::UnknownChecklist {
            id: "x1".into(),
            version: "1".into(),
        },
    };
    let zh = status_text(Lang::Zh, &status).1;
    let en = status_text(Lang::En, &status).1;
    assert!(zh.contains("请先载入该清单文件"), "{zh}");
    assert!(en.contains("load that checklist file first"), "{en}");
}

/// The summary counts every kind of status, each once, in its order.
#[test]
fn the_summary_counts_every_status_kind_once() {
    use crate::core::aggregate::StatusKind;
    let msgs: Vec<Msg> = StatusKind::ALL
        .iter()
        .map(|&k| status_kind_msg(k))
        .collect();
    for (n, kind) in StatusKind::ALL.iter().enumerate() {
        assert_eq!(*kind as usize, n, "{kind:?} is in its place");
        assert_eq!(msgs.iter().filter(|m| **m == msgs[n]).count(), 1);
    }
}

/// A plausibility note about one pupil reads in the singular ("1 pupil per class").
#[test]
fn an_unlikely_figure_of_one_agrees_in_english() {
    let one = say::UnlikelyPerClass { value: "1" }.text(Lang::En);
    assert!(one.contains("1 pupil per class"), "{one}");
    let many = say::UnlikelyPerClass { value: "95" }.text(Lang::En);
    assert!(many.contains("95 pupils per class"), "{many}");
}

/// A school that carries a figure holds more than half of its students: its share is never
/// worded as half or less (50.04 % once read "50%", beside "mostly its own"), nor as all of
/// them (99.97 % reads 99.9 %, not 100 %).
#[test]
fn a_heavy_schools_share_reads_as_more_than_half_and_less_than_all() {
    use crate::core::aggregate::{HeavySchool, Side};
    let cases = [
        (0.5004, "50.04%"),
        (0.50001, "50.001%"),
        (0.5012, "50.1%"),
        (0.51, "51%"),
        (0.6666, "66.6%"),
        (0.9997, "99.9%"),
        (0.99999, "99.9%"),
    ];
    for (share, shown) in cases {
        let h = HeavySchool {
            school: "甲校".into(),
            side: Side::Primary,
            school_year: "2026-2027".into(),
            share,
            figures: 7,
        };
        let said = heavy_school_text(Lang::Zh, &h);
        assert!(
            said.contains(&format!("在校生的 {shown}（")),
            "{share}: {said}"
        );
    }
}

/// The line about last time's batch agrees with a count of one in English ("These 1 file
/// was…" once).
#[test]
fn last_times_batch_of_one_file_reads_in_english() {
    let one = say::CountyRestored { files: "1" }.text(Lang::En);
    assert_eq!(
        one,
        "1 file was aggregated here last time, is kept in this browser and is checked and scored again; “Clear” removes it from this browser."
    );
    let many = say::CountyRestored { files: "5" }.text(Lang::En);
    assert!(many.starts_with("5 files were aggregated"), "{many}");
    assert!(many.contains("removes them"), "{many}");
}

/// A space typed inside a number is named as a space, not as a comma the person never typed.
#[test]
fn a_misplaced_separator_is_named_as_typed() {
    use crate::core::answers::parse_number;
    let said =
        |typed: &str| super::school::number_error(Lang::Zh, &parse_number(typed).unwrap_err());
    for typed in ["12 00", "12\u{3000}00"] {
        let line = said(typed);
        assert!(
            line.contains("空格") && !line.contains("逗号"),
            "{typed}: {line}"
        );
    }
    for typed in ["95,5", "12，00"] {
        assert!(said(typed).contains("逗号"), "{typed}");
    }
    let en = super::school::number_error(Lang::En, &parse_number("12 00").unwrap_err());
    assert!(en.contains("space") && !en.contains("comma"), "{en}");
}

/// A file over the 4 MB limit never reads as 4 MB (it said “4 MB，上限 4 MB” of 4.3 MB).
#[test]
fn a_file_too_large_is_sized_so_it_reads_over_its_limit() {
    use crate::core::aggregate::refusal::Refusal;
    const MB: u64 = 1024 * 1024;
    for (size, said) in [
        // The walk-through's file: 4,325,015 bytes, 4.12 MB as Windows shows it.
        (4_325_015, "（4.12 MB，上限 4 MB）"),
        (4 * MB + 300 * 1024, "（4.29 MB，上限 4 MB）"),
        (4 * MB + 1, "（4.01 MB，上限 4 MB）"),
        (4 * MB + MB / 2, "（4.5 MB，上限 4 MB）"),
        (5 * MB, "（5 MB，上限 4 MB）"),
    ] {
        let line = super::county::refusal_text(
            Lang::Zh,
            &Refusal::TooLarge {
                size,
                limit: 4 * MB,
            },
        );
        assert!(line.contains(said), "{line}");
    }
}

/// ziping's own other files among submissions are named for what they are (a county's
/// settings file read “文件格式…不是本版本…”, as if a newer version could read it).
#[test]
fn ziping_files_that_are_no_submission_are_named_for_what_they_are() {
    use crate::core::export::ImportError;
    let said = |found: &str| {
        super::school::import_error(
            Lang::Zh,
            &ImportError::UnknownFormat {
                found: found.into(),
            },
        )
    };
    assert!(said("ziping.county-settings/1").starts_with("这是县级设置文件"));
    assert!(said("ziping.draft/1").starts_with("这是自评草稿的备份"));
    assert!(said("ziping.checklist/1").starts_with("这是评估清单文件"));
    // A broken file is said in words a principal knows, not “不是有效的 JSON”.
    let broken = crate::core::export::read(b"{\"format\": ").unwrap_err();
    let said_broken = super::school::import_error(Lang::Zh, &broken);
    assert!(
        said_broken.starts_with("文件内容不完整或被改动过，无法读取（第 1 行第 "),
        "{said_broken}"
    );
    assert!(!said_broken.contains("JSON"));
    // A newer ziping's file says what to do; something else is not called a version problem.
    assert_eq!(
        said("ziping.export/9"),
        "这个报送文件由较新版本的 ziping 导出（格式“ziping.export/9”），本版本无法读取：请联网打开 ziping 并刷新页面，更新后再打开此文件"
    );
    assert_eq!(
        said("other/1"),
        "文件格式“other/1”不是 ziping 的报送文件：请确认选的是从 ziping 导出的报送文件（.json）或报送包（.zip）"
    );
}

/// 未报送 counts schools (it said “3 项未报送” of school-years), and says the years where a
/// school misses more than one.
#[test]
fn missing_schools_are_counted_as_schools() {
    use crate::core::aggregate::MissingSchool;
    use crate::core::model::SchoolType;
    let m = |year: &str, code: &str| MissingSchool {
        school_year: year.into(),
        code: code.into(),
        name: String::new(),
        township: String::new(),
        school_type: SchoolType::Primary,
    };
    let one_year = [m("2025-2026", "1"), m("2025-2026", "2")];
    assert_eq!(missing_count(Lang::Zh, &one_year), "2 所学校未报送");
    let two_years = [
        m("2024-2025", "1"),
        m("2025-2026", "1"),
        m("2025-2026", "2"),
    ];
    assert_eq!(
        missing_count(Lang::Zh, &two_years),
        "2 所学校共 3 个学年未报送"
    );
    assert_eq!(
        missing_count(Lang::En, &two_years),
        "2 schools not submitted, 3 school years in all"
    );
}

/// A checklist with a field this version does not know (a newer ziping's, such as `spread`
/// written by 制作县级清单) says what to do, not only that the field is unknown.
#[test]
fn a_newer_checklist_s_unknown_field_says_to_update() {
    let text = crate::core::builtin::FILES[0].1.replacen(
        "\"group_rules\":[{",
        "\"group_rules\":[{\"later\":1,",
        1,
    );
    let errors = crate::core::checklist::Checklist::from_json(&text).unwrap_err();
    let said = checklist_problem(Lang::Zh, &errors.0[0].problem);
    assert!(
        said.contains("不认识的字段“later”") && said.contains("更新后再载入"),
        "{said}"
    );
}
