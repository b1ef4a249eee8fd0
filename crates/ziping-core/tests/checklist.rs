//! A checklist file becomes a `Checklist` only when every reference resolves.

mod common;

use common::TEST_CHECKLIST;
use serde_json::{json, Value};
use ziping_core::core::checklist::{Allowed, Checklist, Problem, RefKind};
use ziping_core::core::json::FieldProblem;
use ziping_core::core::model::SchoolType;

fn with(edit: impl FnOnce(&mut Value)) -> Result<Checklist, Vec<(String, Problem)>> {
    let mut doc: Value = serde_json::from_str(TEST_CHECKLIST).unwrap();
    edit(&mut doc);
    Checklist::from_json(&doc.to_string())
        .map_err(|e| e.0.into_iter().map(|i| (i.path, i.problem)).collect())
}

fn item(doc: &mut Value, n: usize) -> &mut Value {
    &mut doc["areas"][1]["indicators"][0]["items"][n]
}

#[test]
fn the_test_checklist_is_valid() {
    let c = with(|_| {}).unwrap();
    assert_eq!(c.item_count(), 13);
    assert_eq!(c.item("q3").unwrap().points, 3.0);
    assert!(c.input("area").is_some());
}

#[test]
fn every_problem_is_named_with_its_path() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let rows: Vec<(&str, Edit, &str, Problem)> = vec![
        (
            "wrong format",
            Box::new(|d| d["format"] = json!("other/2")),
            "format",
            Problem::WrongFormat {
                found: "other/2".into(),
            },
        ),
        (
            "duplicate item",
            Box::new(|d| item(d, 1)["id"] = json!("q1")),
            "areas[1].indicators[0].items[1].id",
            Problem::DuplicateId("q1".into()),
        ),
        (
            "item id equal to an input id",
            Box::new(|d| item(d, 1)["id"] = json!("students")),
            "areas[1].indicators[0].items[1].id",
            Problem::DuplicateId("students".into()),
        ),
        (
            "unknown source",
            Box::new(|d| item(d, 0)["source"]["source"] = json!("X")),
            "areas[1].indicators[0].items[0].source.source",
            Problem::Unknown {
                what: RefKind::Source,
                id: "X".into(),
            },
        ),
        (
            "unknown input",
            Box::new(|d| {
                d["areas"][0]["indicators"][0]["items"][0]["kind"]["formula"]["numerator"][0] =
                    json!("ghost")
            }),
            "areas[0].indicators[0].items[0].kind.formula.numerator[0]",
            Problem::Unknown {
                what: RefKind::Input,
                id: "ghost".into(),
            },
        ),
        (
            "unknown condition item",
            Box::new(|d| item(d, 8)["when"]["item"] = json!("zz")),
            "areas[1].indicators[0].items[8].when.item",
            Problem::Unknown {
                what: RefKind::Item,
                id: "zz".into(),
            },
        ),
        (
            "unknown group item",
            Box::new(|d| d["group_rules"][0]["items"][1] = json!("q404")),
            "group_rules[0].items[1]",
            Problem::Unknown {
                what: RefKind::Item,
                id: "q404".into(),
            },
        ),
        (
            "unknown fail grade",
            Box::new(|d| d["group_rules"][0]["fail_grade"] = json!("Z")),
            "group_rules[0].fail_grade",
            Problem::Unknown {
                what: RefKind::Grade,
                id: "Z".into(),
            },
        ),
        (
            "negative points",
            Box::new(|d| item(d, 0)["points"] = json!(-1)),
            "areas[1].indicators[0].items[0].points",
            Problem::OutOfRange {
                allowed: Allowed::Points,
                value: -1.0,
            },
        ),
        (
            "floor above 1",
            Box::new(|d| d["group_rules"][0]["floor_ratio"] = json!(1.5)),
            "group_rules[0].floor_ratio",
            Problem::OutOfRange {
                allowed: Allowed::Share,
                value: 1.5,
            },
        ),
        (
            "empty clause",
            Box::new(|d| item(d, 0)["source"]["clause"] = json!(" ")),
            "areas[1].indicators[0].items[0].source.clause",
            Problem::Empty,
        ),
    ];
    for (name, edit, path, problem) in rows {
        let errors = with(edit).expect_err(name);
        assert!(
            errors.contains(&(path.to_string(), problem.clone())),
            "{name}: {errors:?}"
        );
    }
}

#[test]
fn inconsistent_rules_are_refused() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Edit, Problem)> = vec![
        (
            "no junior rule for an item that applies to junior",
            Box::new(|d| {
                item(d, 2)["kind"]["rule"]
                    .as_object_mut()
                    .unwrap()
                    .remove("junior");
            }),
            Problem::NoRuleFor(SchoolType::Junior),
        ),
        (
            "levels without a best level",
            Box::new(|d| item(d, 1)["kind"]["levels"][0]["points"] = json!(3.5)),
            Problem::BestLevelPoints,
        ),
        (
            "min_pass above the items",
            Box::new(|d| d["group_rules"][0]["min_pass"] = json!(3)),
            Problem::MinPassTooHigh {
                min_pass: 3,
                items: 2,
            },
        ),
        (
            "a group item without a threshold",
            Box::new(|d| d["group_rules"][0]["items"][0] = json!("q1")),
            Problem::NoThreshold("q1".into()),
        ),
        (
            "a scored text item",
            Box::new(|d| item(d, 10)["points"] = json!(1)),
            Problem::Unscored,
        ),
        (
            "a veto on levels",
            Box::new(|d| item(d, 1)["veto"] = json!(true)),
            Problem::VetoKind,
        ),
        (
            "no grade band from 0",
            Box::new(|d| d["grades"][3]["min_percent"] = json!(10)),
            Problem::NoZeroGrade,
        ),
        (
            "condition on an answer the item cannot have",
            Box::new(|d| item(d, 8)["when"]["equals"] = json!("maybe")),
            Problem::NotAnAnswer {
                item: "b1".into(),
                value: "maybe".into(),
            },
        ),
        (
            "shared inputs without a split",
            Box::new(|d| {
                d.as_object_mut().unwrap().remove("split");
            }),
            Problem::SplitNeeded,
        ),
        (
            "between with min above max",
            Box::new(|d| {
                item(d, 5)["kind"]["rule"]["primary"] = json!({"op": "between", "min": 5, "max": 1})
            }),
            Problem::BadRange { min: 5.0, max: 1.0 },
        ),
    ];
    for (name, edit, problem) in cases {
        let errors = with(edit).expect_err(name);
        assert!(
            errors.iter().any(|(_, p)| *p == problem),
            "{name}: expected {problem:?}, got {errors:?}"
        );
    }
}

/// What 制作县级清单 does not publish though a file already sent may hold it: refused for
/// publishing, each on its field, and still read (a county's checklist out among its schools
/// must keep their drafts and files usable).
#[test]
fn what_a_county_may_not_publish_is_still_read() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Edit, Problem)> = vec![
        (
            "grades out of order",
            Box::new(|d| d["grades"][1]["min_percent"] = json!(95)),
            Problem::GradeOrder { above: 90.0 },
        ),
        (
            "two grades at one line",
            Box::new(|d| d["grades"][2]["min_percent"] = json!(75)),
            Problem::GradeOrder { above: 75.0 },
        ),
        (
            "a group rule without a name",
            Box::new(|d| d["group_rules"][0]["title"]["zh"] = json!("")),
            Problem::Empty,
        ),
        (
            "a source without a title",
            Box::new(|d| d["sources"][0]["title"] = json!(" ")),
            Problem::Empty,
        ),
        (
            "the checklist's own id in Chinese with a slash (its files are named by it)",
            Box::new(|d| d["id"] = json!("衡阳/清单")),
            Problem::IdCharacters("衡阳/清单".into()),
        ),
        (
            "an item id with a space",
            Box::new(|d| item(d, 1)["id"] = json!("q 2")),
            Problem::IdCharacters("q 2".into()),
        ),
        (
            "an indicator id in Chinese",
            Box::new(|d| d["areas"][1]["indicators"][0]["id"] = json!("规范")),
            Problem::IdCharacters("规范".into()),
        ),
        (
            "a group rule id with a comma",
            Box::new(|d| d["group_rules"][0]["id"] = json!("G,1")),
            Problem::IdCharacters("G,1".into()),
        ),
        (
            "a percentage no school can reach",
            Box::new(|d| {
                item(d, 5)["kind"]["unit"] = json!("%");
                item(d, 5)["kind"]["rule"]["primary"] = json!({"op": "ge", "value": 120})
            }),
            Problem::Unreachable { high: Some(100.0) },
        ),
        (
            "more than 100 % is no rule either",
            Box::new(|d| {
                item(d, 5)["kind"]["unit"] = json!("%");
                item(d, 5)["kind"]["rule"]["junior"] = json!({"op": "gt", "value": 100})
            }),
            Problem::Unreachable { high: Some(100.0) },
        ),
        (
            "below nothing",
            Box::new(|d| item(d, 2)["kind"]["rule"]["primary"] = json!({"op": "lt", "value": 0})),
            Problem::Unreachable { high: None },
        ),
        (
            "a range of negative numbers",
            Box::new(|d| {
                item(d, 5)["kind"]["rule"]["primary"] =
                    json!({"op": "between", "min": -5, "max": -1})
            }),
            Problem::Unreachable { high: None },
        ),
        (
            "a computed ratio below zero",
            Box::new(|d| {
                d["areas"][0]["indicators"][0]["items"][1]["kind"]["rule"]["primary"] =
                    json!({"op": "le", "value": -1})
            }),
            Problem::Unreachable { high: None },
        ),
        (
            "a part of its whole above 100 per 100 (teachers are at most the students)",
            Box::new(|d| {
                d["areas"][0]["indicators"][0]["items"][0]["kind"]["rule"]["junior"] =
                    json!({"op": "gt", "value": 100})
            }),
            Problem::Unreachable { high: Some(100.0) },
        ),
    ];
    for (name, edit, problem) in cases {
        let mut doc: Value = serde_json::from_str(TEST_CHECKLIST).unwrap();
        edit(&mut doc);
        let doc: ziping_core::core::model::ChecklistDoc = serde_json::from_value(doc).unwrap();
        assert!(
            Checklist::try_from(doc.clone()).is_ok(),
            "{name}: a file that holds it is still read"
        );
        let errors = Checklist::for_publishing(doc).expect_err(name).0;
        assert!(
            errors.iter().any(|i| i.problem == problem),
            "{name}: expected {problem:?}, got {errors:?}"
        );
    }
}

/// The edges of what a school can reach stay rules: 100 % exactly, 0 and below 0.5.
#[test]
fn a_threshold_at_the_edge_of_what_a_school_can_enter_is_valid() {
    let publishable = |edit: &dyn Fn(&mut Value)| {
        let mut doc: Value = serde_json::from_str(TEST_CHECKLIST).unwrap();
        edit(&mut doc);
        Checklist::for_publishing(serde_json::from_value(doc).unwrap())
    };
    publishable(&|d| {
        item(d, 5)["kind"]["unit"] = json!("%");
        item(d, 5)["kind"]["rule"]["primary"] = json!({"op": "ge", "value": 100});
        item(d, 5)["kind"]["rule"]["junior"] = json!({"op": "between", "min": 95, "max": 100});
        item(d, 2)["kind"]["rule"]["primary"] = json!({"op": "le", "value": 0});
        item(d, 2)["kind"]["rule"]["junior"] = json!({"op": "lt", "value": 0.5});
    })
    .unwrap();
    // A difference (last year's rate − this year's) may be below 0: "≤ −5" is a rule.
    publishable(&|d| {
        let r2 = &mut d["areas"][0]["indicators"][0]["items"][1]["kind"];
        r2["formula"] =
            json!({"kind": "difference", "minuend": "teachers", "subtrahend": "students"});
        r2["rule"]["primary"] = json!({"op": "le", "value": -5});
    })
    .unwrap();
    // Every built-in and archived checklist is publishable as it stands.
    for (name, text) in ziping_core::core::builtin::FILES
        .iter()
        .chain(ziping_core::core::builtin::ARCHIVED)
    {
        let doc = serde_json::from_str(text).unwrap();
        assert!(Checklist::for_publishing(doc).is_ok(), "{name}");
    }
}

#[test]
fn unknown_fields_and_bad_json_are_refused() {
    let errors = with(|d| d["colour"] = json!("red")).unwrap_err();
    assert!(
        matches!(&errors[0].1, Problem::Json { problem: FieldProblem::Unknown { field }, .. } if field == "colour"),
        "{errors:?}"
    );
    let errors = Checklist::from_json("{ not json").unwrap_err();
    assert!(matches!(errors.0[0].problem, Problem::Json { .. }));
    let errors =
        Checklist::from_json(&TEST_CHECKLIST.replace("\"ge\"", "\"greater\"")).unwrap_err();
    assert!(matches!(errors.0[0].problem, Problem::Json { .. }));
}

#[test]
fn every_kind_reads_back_what_it_writes_and_refuses_mixed_fields() {
    let c = with(|_| {}).unwrap();
    let written = serde_json::to_string(c.doc()).unwrap();
    let again = Checklist::from_json(&written).unwrap();
    assert_eq!(again.doc(), c.doc());
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let refused: Vec<(&str, Edit)> = vec![
        (
            "between with a value",
            Box::new(|d| {
                item(d, 5)["kind"]["rule"]["primary"] =
                    json!({"op": "between", "min": 1, "max": 2, "value": 3})
            }),
        ),
        (
            "ge without a value",
            Box::new(|d| item(d, 2)["kind"]["rule"]["primary"] = json!({"op": "ge"})),
        ),
        (
            "a ratio with a minuend",
            Box::new(|d| {
                d["areas"][0]["indicators"][0]["items"][0]["kind"]["formula"]["minuend"] =
                    json!("students")
            }),
        ),
        (
            "a yes/no item with a unit",
            Box::new(|d| item(d, 0)["kind"]["unit"] = json!("人")),
        ),
        (
            "a number item without a rule",
            Box::new(|d| {
                item(d, 2)["kind"].as_object_mut().unwrap().remove("rule");
            }),
        ),
        (
            "an unknown kind",
            Box::new(|d| item(d, 0)["kind"]["type"] = json!("maybe")),
        ),
    ];
    for (name, edit) in refused {
        let errors = with(edit).expect_err(name);
        assert!(
            matches!(errors[0].1, Problem::Json { .. }),
            "{name}: {errors:?}"
        );
    }
}

/// County-authored checklists that broke exports, scores or vetoes: each refused at load,
/// with the path to the problem.
#[test]
fn checklists_that_break_things_are_refused_with_their_path() {
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let group = |d: &mut Value| d["group_rules"][0].clone();
    let _ = group;
    let rows: Vec<(&str, Edit, &str)> = vec![
        // Every export then fails: `@` marks a part in answers.
        (
            "id with @",
            Box::new(|d| d["id"] = json!("county@2027")),
            "id",
        ),
        // Clashes with the junior slot of item Q2: every honest file showed 结果不一致.
        (
            "item id like a part slot",
            Box::new(|d| item(d, 1)["id"] = json!("Q2@junior")),
            "areas[1].indicators[0].items[1].id",
        ),
        (
            "input id with @",
            Box::new(|d| d["inputs"][2]["id"] = json!("area@x")),
            "inputs[2].id",
        ),
        // 1e308 points made the total infinite and the percent NaN.
        (
            "absurd points",
            Box::new(|d| item(d, 0)["points"] = json!(1e308)),
            "areas[1].indicators[0].items[0].points",
        ),
        // Answering 未达标 on the veto item removed the veto.
        (
            "when on itself",
            Box::new(|d| item(d, 6)["when"] = json!({"item": "v1", "equals": "yes"})),
            "areas[1].indicators[0].items[6].when.item",
        ),
        (
            "when in a circle",
            Box::new(|d| {
                item(d, 7)["when"] = json!({"item": "b2", "equals": "yes"});
            }),
            "areas[1].indicators[0].items[7].when.item",
        ),
        // "6 of 7 met" with one indicator counted twice.
        (
            "the same item twice in a group",
            Box::new(|d| d["group_rules"][0]["items"] = json!(["r1", "r1"])),
            "group_rules[0].items[1]",
        ),
        (
            "two group rules with one id",
            Box::new(|d| {
                let g = d["group_rules"][0].clone();
                d["group_rules"].as_array_mut().unwrap().push(g);
            }),
            "group_rules[1].id",
        ),
        (
            "a group rule named like an item",
            Box::new(|d| d["group_rules"][0]["id"] = json!("q1")),
            "group_rules[0].id",
        ),
    ];
    for (what, edit, path) in rows {
        let problems = with(edit).expect_err(what);
        assert!(
            problems.iter().any(|(p, _)| p == path),
            "{what}: expected a problem at {path}, got {problems:?}"
        );
    }
}

/// A school's submission file picked where a checklist is asked for is named as what it is
/// (it belongs under 打开报送文件), not as a broken checklist with an unknown field.
#[test]
fn a_submission_picked_as_a_checklist_is_named_as_one() {
    use ziping_core::core::checklist::{checklist_of_file, FileProblem};
    let examples = format!("{}/../../examples", env!("CARGO_MANIFEST_DIR"));
    let first = std::fs::read_dir(&examples)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(first).unwrap();
    assert_eq!(
        checklist_of_file(&text).unwrap_err(),
        FileProblem::Submission
    );
    assert!(matches!(
        checklist_of_file("{").unwrap_err(),
        FileProblem::Invalid(_)
    ));
    let builtin = ziping_core::core::builtin::FILES[0].1;
    assert!(checklist_of_file(builtin).is_ok());
    let said = ziping_core::i18n::checklist_file_problem(
        ziping_core::i18n::Lang::Zh,
        &FileProblem::Submission,
    );
    assert!(said.contains("打开报送文件"), "{said}");
}

/// An input whose id has a space is one problem, said once at the id: the items that use it
/// still find it (they were each said to use an unknown input, burying the one mistake).
#[test]
fn an_input_id_with_bad_characters_is_said_once() {
    let text = TEST_CHECKLIST.replace("\"area\"", "\"area 1\"");
    let doc = serde_json::from_str(&text).unwrap();
    let errors = Checklist::for_publishing(doc)
        .expect_err("a space in an id")
        .0;
    assert_eq!(
        errors
            .iter()
            .map(|i| (i.path.as_str(), &i.problem))
            .collect::<Vec<_>>(),
        vec![("inputs[2].id", &Problem::IdCharacters("area 1".into()))],
    );
}
