//! A small checklist with every rule kind, shared by the engine tests.
#![allow(dead_code)]

use ziping::core::answers::{Answers, Part, Slot, Value};
use ziping::core::checklist::Checklist;

pub const TEST_CHECKLIST: &str = r#"{
  "format": "ziping.checklist/1",
  "id": "test",
  "version": "1",
  "title": {"zh": "测试清单", "en": "Test checklist"},
  "issuer": {"zh": "测试", "en": "Test"},
  "school_types": ["primary", "junior", "nine_year"],
  "sources": [{"id": "S", "title": "测试文件", "verified": true}],
  "inputs": [
    {"id": "students", "label": {"zh": "在校生数", "en": "Students"}, "unit": "人", "scope": "per_part", "integer": true},
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
