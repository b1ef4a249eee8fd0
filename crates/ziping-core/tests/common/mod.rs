//! A small checklist with every rule kind, shared by the engine tests.
#![allow(dead_code)]

use ziping_core::core::answers::{Answers, Part, Slot, Value};
use ziping_core::core::checklist::Checklist;
use ziping_core::core::model::{Comparison, ItemKind, SchoolType};
use ziping_core::core::score::{input_slots, item_parts};

pub const TEST_CHECKLIST: &str = r#"{
  "format": "ziping.checklist/1",
  "id": "test",
  "version": "1",
  "title": {"zh": "测试清单", "en": "Test checklist"},
  "issuer": {"zh": "测试", "en": "Test"},
  "school_types": ["primary", "junior", "nine_year"],
  "sources": [{"id": "S", "title": "测试文件", "verified": true}],
  "inputs": [
    {"id": "students", "label": {"zh": "在校生数", "en": "Students"}, "unit": "人", "scope": "per_part", "integer": true, "min": 1},
    {"id": "teachers", "label": {"zh": "教师数", "en": "Teachers"}, "unit": "人", "scope": "per_part", "integer": true, "at_most": "students"},
    {"id": "area", "label": {"zh": "教学用房面积", "en": "Teaching area"}, "unit": "㎡", "scope": "shared"}
  ],
  "split": {"enrolment_input": "students", "primary_weight": 1.0, "junior_weight": 1.1,
            "source": {"source": "S", "clause": "split"}},
  "grades": [
    {"id": "A", "label": {"zh": "优秀", "en": "Excellent"}, "min_percent": 90},
    {"id": "B", "label": {"zh": "良好", "en": "Good"}, "min_percent": 75},
    {"id": "C", "label": {"zh": "合格", "en": "Pass"}, "min_percent": 60},
    {"id": "D", "label": {"zh": "不合格", "en": "Fail"}, "min_percent": 0}
  ],
  "veto_grade": {"zh": "一票否决", "en": "Vetoed"},
  "areas": [
    {"id": "R", "title": {"zh": "资源", "en": "Resources"}, "pass_rate": 0.85, "indicators": [
      {"id": "R1", "title": {"zh": "配置", "en": "Provision"}, "items": [
        {"id": "r1", "text": {"zh": "每百名学生教师数", "en": "Teachers per 100"}, "points": 10,
         "source": {"source": "S", "clause": "1"},
         "kind": {"type": "computed", "unit": "人",
                  "formula": {"kind": "ratio", "numerator": ["teachers"], "denominator": ["students"], "scale": 100},
                  "rule": {"primary": {"op": "ge", "value": 4.2}, "junior": {"op": "ge", "value": 5.3}}}},
        {"id": "r2", "text": {"zh": "生均面积", "en": "Area per student"}, "points": 10,
         "source": {"source": "S", "clause": "2"},
         "kind": {"type": "computed", "unit": "㎡",
                  "formula": {"kind": "ratio", "numerator": ["area"], "denominator": ["students"], "scale": 1},
                  "rule": {"primary": {"op": "ge", "value": 4.5}, "junior": {"op": "ge", "value": 5.8}}}}
      ]}
    ]},
    {"id": "Q", "title": {"zh": "管理", "en": "Management"}, "indicators": [
      {"id": "Q1", "title": {"zh": "规范", "en": "Rules"}, "items": [
        {"id": "q1", "text": {"zh": "是否", "en": "Yes/no"}, "points": 5, "source": {"source": "S", "clause": "3"},
         "kind": {"type": "yes_no", "allow_na": true}},
        {"id": "q2", "text": {"zh": "等级", "en": "Levels"}, "points": 4, "source": {"source": "S", "clause": "4"},
         "kind": {"type": "levels", "levels": [
           {"id": "A", "label": {"zh": "A", "en": "A"}, "points": 4},
           {"id": "B", "label": {"zh": "B", "en": "B"}, "points": 3},
           {"id": "C", "label": {"zh": "C", "en": "C"}, "points": 2},
           {"id": "D", "label": {"zh": "D", "en": "D"}, "points": 0}]}},
        {"id": "q3", "text": {"zh": "班额", "en": "Class size"}, "points": 3, "source": {"source": "S", "clause": "5"},
         "kind": {"type": "number", "unit": "人", "rule": {"primary": {"op": "le", "value": 45}, "junior": {"op": "le", "value": 50}}}},
        {"id": "q4", "text": {"zh": "规模", "en": "School size"}, "points": 2, "source": {"source": "S", "clause": "6"},
         "kind": {"type": "number", "unit": "人", "rule": {"primary": {"op": "le", "value": 2000}, "junior": {"op": "le", "value": 2000}, "nine_year": {"op": "le", "value": 2500}}}},
        {"id": "q5", "text": {"zh": "严格大于", "en": "Strictly more"}, "points": 1, "source": {"source": "S", "clause": "7"},
         "kind": {"type": "number", "unit": "次", "rule": {"primary": {"op": "gt", "value": 10}, "junior": {"op": "gt", "value": 10}}}},
        {"id": "q6", "text": {"zh": "区间", "en": "Range"}, "points": 1, "source": {"source": "S", "clause": "8"},
         "kind": {"type": "number", "unit": "h", "rule": {"primary": {"op": "between", "min": 2, "max": 4}, "junior": {"op": "between", "min": 2, "max": 4}}}},
        {"id": "v1", "text": {"zh": "否决项", "en": "Veto"}, "points": 2, "veto": true, "source": {"source": "S", "clause": "9"},
         "kind": {"type": "yes_no"}},
        {"id": "b1", "text": {"zh": "寄宿制", "en": "Boarding"}, "points": 0, "source": {"source": "S", "clause": "10"},
         "kind": {"type": "flag"}},
        {"id": "b2", "text": {"zh": "宿舍", "en": "Dorms"}, "points": 2, "when": {"item": "b1", "equals": "yes"},
         "source": {"source": "S", "clause": "11"}, "kind": {"type": "yes_no"}},
        {"id": "p1", "text": {"zh": "小学才有", "en": "Primary only"}, "points": 1, "applies_to": ["primary", "nine_year"],
         "source": {"source": "S", "clause": "12"}, "kind": {"type": "yes_no"}},
        {"id": "t1", "text": {"zh": "说明", "en": "Notes"}, "points": 0, "source": {"source": "S", "clause": "13"},
         "kind": {"type": "text"}}
      ]}
    ]}
  ],
  "group_rules": [
    {"id": "G", "title": {"zh": "至少一项达标", "en": "At least one"}, "items": ["r1", "r2"],
     "min_pass": 1, "floor_ratio": 0.85, "fail_grade": "C", "source": {"source": "S", "clause": "G"}}
  ]
}"#;

/// A path from the repository's root (fixtures, checklists, docs and shared/ live there).
pub fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

pub fn checklist() -> Checklist {
    Checklist::from_json(TEST_CHECKLIST).expect("the test checklist is valid")
}

pub fn num(s: &str) -> Value {
    Value::Number(s.into())
}

pub fn whole(id: &str) -> Slot {
    Slot::whole(id)
}

pub fn part(id: &str, p: Part) -> Slot {
    Slot::new(id, p)
}

/// A 小学 that meets everything.
pub fn good_primary() -> Answers {
    let mut a = Answers::default();
    for (slot, v) in [
        (whole("students"), num("1000")),
        (whole("teachers"), num("42")),
        (whole("area"), num("4500")),
        (whole("q1"), Value::Yes),
        (whole("q2"), Value::Level("A".into())),
        (whole("q3"), num("45")),
        (whole("q4"), num("1000")),
        (whole("q5"), num("11")),
        (whole("q6"), num("3")),
        (whole("v1"), Value::Yes),
        (whole("b1"), Value::No),
        (whole("p1"), Value::Yes),
    ] {
        a.set(slot, v);
    }
    a
}

/// A plausible, fully compliant school: every input and answer filled in.
pub fn example_school(c: &Checklist, t: SchoolType) -> Answers {
    let mut a = Answers::default();
    let per_part = |part: Part| if part == Part::Junior { 1.3 } else { 1.0 };
    for slot in input_slots(c, t) {
        let f = per_part(slot.part);
        let v: f64 = match slot.id.as_str() {
            "students" => 800.0 * f,
            "classes" => 18.0,
            "students_home_visited" => 800.0 * f,
            "teachers_above_degree" => 50.0 * f,
            "teachers_backbone" => 12.0 * f,
            "teachers_pe_art" => 10.0 * f,
            "teachers_full_time" | "teachers_certified" | "teachers_trained_360" => 60.0 * f,
            "teachers_eligible_exchange" => 40.0,
            "teachers_exchanged" => 6.0,
            "teachers_exchanged_backbone" => 2.0,
            "area_teaching" => 15000.0,
            "area_sports_outdoor" => 22000.0,
            "area_sports_indoor" => 3000.0,
            "equipment_value" => 5_000_000.0,
            "multimedia_rooms" => 50.0,
            "music_rooms" | "art_rooms" => 3.0,
            "public_funds_budget" => 1_000_000.0,
            "training_funds" => 60_000.0,
            "myopia_rate_last_year" => 41.2,
            "myopia_rate_this_year" => 40.1,
            "fitness_pass_rate_last_year" => 96.0,
            "fitness_pass_rate_this_year" => 97.0,
            "fitness_good_rate_last_year" => 55.0,
            "fitness_good_rate_this_year" => 58.0,
            other => panic!("example school has no value for input {other}"),
        };
        a.set(slot, Value::Number(v.round().to_string()));
    }
    for (_, item) in c.items() {
        if item
            .applies_to
            .as_ref()
            .is_some_and(|types| !types.contains(&t))
        {
            continue;
        }
        for (part, rule) in item_parts(item, t) {
            let slot = Slot::new(&item.id, part);
            let value = match &item.kind {
                ItemKind::YesNo { .. } => Value::Yes,
                ItemKind::Flag => Value::No,
                ItemKind::Levels { .. } => Value::Level("A".into()),
                ItemKind::Number { .. } => {
                    let v = match rule.expect("number items have a rule for this part") {
                        Comparison::Ge { value } => value,
                        Comparison::Le { value } => value,
                        other => panic!("{other:?}"),
                    };
                    Value::Number(v.to_string())
                }
                ItemKind::Text => Value::Text("说明".into()),
                ItemKind::Computed { .. } => continue,
            };
            a.set(slot, value);
        }
    }
    a
}

use ziping_core::core::aggregate::{reduce, FileFacts};
use ziping_core::core::builtin::builtins;
use ziping_core::core::checklist::Checklist as BuiltChecklist;
use ziping_core::core::export::{export, to_text, Export, Submission};
use ziping_core::core::school::{PlanRow, Profile};
use ziping_core::core::score::assess;
use ziping_core::state::draft::shortfall_problem;

pub const EXAMPLE_CREATED: &str = "2026-09-01T08:00:00+08:00";
pub const EXAMPLE_EXPORTED: &str = "2026-11-20T16:30:00+08:00";

pub fn builtin(id: &str) -> BuiltChecklist {
    builtins()
        .unwrap()
        .into_iter()
        .find(|c| c.doc().id == id)
        .unwrap()
}

/// A submission sealed again after a change to its fields (by a school that can, with the
/// app it has): a valid file with a new digest, its result recomputed.
#[allow(dead_code)]
pub fn resealed(doc: &Export, app_version: &str) -> Export {
    let c = builtin(&doc.checklist.id);
    export(&Submission {
        checklist: &c,
        profile: &doc.profile,
        answers: &doc.answers,
        plan: &doc.plan,
        attachments: &doc.attachments,
        created: &doc.created,
        exported: &doc.exported,
        app_version,
        previous: None,
        review: &[],
    })
    .unwrap()
}

/// The three example submissions in `examples/`: a 小学, a 初中 and a 九年一贯制 school, each
/// with a few shortfalls and a 整改清单 generated from them.
pub fn example_exports() -> Vec<Export> {
    /// (checklist, school type, name, code, answers changed from the compliant school)
    type Case<'a> = (
        &'a str,
        SchoolType,
        &'a str,
        &'a str,
        &'a [(&'a str, &'a str)],
    );
    let cases: [Case; 3] = [
        (
            "yzjh-school",
            SchoolType::Primary,
            "城关镇第一小学",
            "4307250001",
            &[("teachers_above_degree", "40"), ("G6", "48")],
        ),
        (
            "zlpj-school",
            SchoolType::Junior,
            "桃花源中学",
            "4307250002",
            &[("B2.3.2", "100"), ("B5.1.1", "50")],
        ),
        (
            "yzjh-school",
            SchoolType::NineYear,
            "漳江九年一贯制学校",
            "4307250003",
            &[("area_teaching@junior", "0"), ("art_rooms", "1")],
        ),
    ];
    cases
        .iter()
        .map(|(id, t, name, code, changes)| {
            let checklist = builtin(id);
            let mut answers = example_school(&checklist, *t);
            for (slot, v) in *changes {
                let slot: Slot = slot.parse().unwrap();
                answers.set(slot, Value::Number((*v).into()));
            }
            answers
                .notes
                .insert("G6".into(), "见学籍系统班级名册".into());
            let profile = Profile {
                school_name: (*name).into(),
                school_code: (*code).into(),
                county: "示例县".into(),
                school_type: Some(*t),
                school_year: "2026-2027".into(),
                filled_by: "张老师".into(),
            };
            let result = assess(&checklist, *t, &answers);
            let plan: Vec<PlanRow> = result
                .shortfalls
                .iter()
                .enumerate()
                .map(|(n, s)| PlanRow {
                    id: n as u64 + 1,
                    from: Some(shortfall_problem(&checklist, &answers, s).0),
                    problem: shortfall_problem(&checklist, &answers, s).1,
                    generated: Some(shortfall_problem(&checklist, &answers, s).1),
                    measure: "制定专项整改方案".into(),
                    owner: "校长办公室".into(),
                    deadline: "2027-08-31".into(),
                    progress: String::new(),
                })
                .collect();
            // One evidence file named, as a school attaches a scanned register.
            let attachments = [ziping_core::core::export::Attachment::describe(
                "G6",
                "班级名册.pdf",
                "application/pdf",
                name.as_bytes(),
            )];
            export(&Submission {
                checklist: &checklist,
                profile: &profile,
                answers: &answers,
                plan: &plan,
                attachments: &attachments,
                created: EXAMPLE_CREATED,
                exported: EXAMPLE_EXPORTED,
                app_version: env!("CARGO_PKG_VERSION"),
                previous: None,
                review: &[],
            })
            .unwrap()
        })
        .collect()
}

/// A school's file: `edit` changes the profile and answers of a compliant 小学.
pub fn file(
    name: &str,
    checklist: &Checklist,
    exported: &str,
    edit: impl FnOnce(&mut Profile, &mut Answers),
) -> (Profile, Answers, String, String) {
    let mut answers = example_school(checklist, SchoolType::Primary);
    let mut profile = Profile {
        school_name: format!("学校{name}"),
        school_code: format!("43070000{name}"),
        county: "示例县".into(),
        school_type: Some(SchoolType::Primary),
        school_year: "2026-2027".into(),
        filled_by: "测试".into(),
    };
    edit(&mut profile, &mut answers);
    (
        profile,
        answers,
        exported.to_string(),
        format!("{name}.json"),
    )
}

pub fn read(
    parts: (Profile, Answers, String, String),
    checklist: &Checklist,
    known: &[Checklist],
) -> FileFacts {
    let (profile, answers, exported, name) = parts;
    let doc = export(&Submission {
        checklist,
        profile: &profile,
        answers: &answers,
        plan: &[],
        attachments: &[],
        created: EXAMPLE_CREATED,
        exported: &exported,
        app_version: "test",
        previous: None,
        review: &[],
    })
    .unwrap();
    reduce(&name, to_text(&doc).unwrap().as_bytes(), known)
}

/// The county report of `files` at `now`, without settings, with the officer's `picks`.
pub fn county_report(
    now: &str,
    files: &[FileFacts],
    checklists: &[Checklist],
    picks: &[String],
) -> ziping_core::core::aggregate::CountyReport {
    let options = ziping_core::core::aggregate::Options {
        now: &ziping_core::core::time::Timestamp::parse(now).unwrap(),
        county: None,
        picks,
        settings: None,
        assigned: &[],
    };
    ziping_core::core::aggregate::aggregate(&files.iter().collect::<Vec<_>>(), checklists, &options)
}
