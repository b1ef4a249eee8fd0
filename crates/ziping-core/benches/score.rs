//! Benchmark, not a test: scores a generated 300-item checklist and prints the time per call.
//!   cargo bench --bench score

use std::time::Instant;
use ziping_core::core::answers::{Answers, Slot, Value};
use ziping_core::core::checklist::Checklist;
use ziping_core::core::model::SchoolType;
use ziping_core::core::score::assess;

const ITEMS: usize = 300;

fn main() {
    let (checklist, answers) = generated();
    assert_eq!(checklist.item_count(), ITEMS);
    for _ in 0..200 {
        std::hint::black_box(assess(&checklist, SchoolType::NineYear, &answers));
    }
    let runs = 2000;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        std::hint::black_box(assess(&checklist, SchoolType::NineYear, &answers));
        times.push(start.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "score {ITEMS} items (九年一贯制, two parts): p50 {:.1} µs, p95 {:.1} µs, max {:.1} µs over {runs} runs",
        pct(0.5),
        pct(0.95),
        times[times.len() - 1]
    );
}

/// 300 items: a quarter each yes/no, levels, numbers and computed indicators.
fn generated() -> (Checklist, Answers) {
    let mut items = Vec::new();
    let mut answers = Answers::default();
    for n in 0..ITEMS {
        let id = format!("i{n}");
        let kind = match n % 4 {
            0 => serde_json::json!({"type": "yes_no"}),
            1 => serde_json::json!({"type": "levels", "levels": [
                {"id": "A", "label": {"zh": "A", "en": "A"}, "points": 2},
                {"id": "B", "label": {"zh": "B", "en": "B"}, "points": 1}]}),
            2 => serde_json::json!({"type": "number", "unit": "人",
                "rule": {"primary": {"op": "le", "value": 45}, "junior": {"op": "le", "value": 50}}}),
            _ => serde_json::json!({"type": "computed", "unit": "㎡",
                "formula": {"kind": "ratio", "numerator": ["area"], "denominator": ["students"], "scale": 1},
                "rule": {"primary": {"op": "ge", "value": 4.5}, "junior": {"op": "ge", "value": 5.8}}}),
        };
        items.push(
            serde_json::json!({"id": id, "text": {"zh": "项", "en": "item"}, "points": 2,
            "source": {"source": "S", "clause": "c"}, "kind": kind}),
        );
        match n % 4 {
            0 => answers.set(
                Slot::whole(&id),
                if n % 8 == 0 { Value::Yes } else { Value::No },
            ),
            1 => answers.set(Slot::whole(&id), Value::Level("B".into())),
            2 => {
                answers.set(
                    Slot::new(&id, ziping_core::core::answers::Part::Primary),
                    Value::Number("44".into()),
                );
                answers.set(
                    Slot::new(&id, ziping_core::core::answers::Part::Junior),
                    Value::Number("52".into()),
                );
            }
            _ => {}
        }
    }
    for (slot, v) in [
        ("students@primary", "1000"),
        ("students@junior", "600"),
        ("area", "8000"),
    ] {
        answers.set(slot.parse().unwrap(), Value::Number(v.into()));
    }
    let areas: Vec<_> = items
        .chunks(30)
        .enumerate()
        .map(|(a, chunk)| serde_json::json!({"id": format!("A{a}"), "title": {"zh": "域", "en": "area"},
            "indicators": [{"id": format!("I{a}"), "title": {"zh": "指标", "en": "indicator"}, "items": chunk}]}))
        .collect();
    let doc = serde_json::json!({
        "format": "ziping.checklist/1", "id": "bench", "version": "1",
        "title": {"zh": "基准", "en": "bench"}, "issuer": {"zh": "基准", "en": "bench"},
        "school_types": ["primary", "junior", "nine_year"],
        "sources": [{"id": "S", "title": "S", "verified": true}],
        "inputs": [
            {"id": "students", "label": {"zh": "学生", "en": "students"}, "unit": "人", "scope": "per_part"},
            {"id": "area", "label": {"zh": "面积", "en": "area"}, "unit": "㎡", "scope": "shared"}],
        "split": {"enrolment_input": "students", "primary_weight": 1.0, "junior_weight": 1.1,
                  "source": {"source": "S", "clause": "c"}},
        "grades": [{"id": "P", "label": {"zh": "合格", "en": "pass"}, "min_percent": 60},
                   {"id": "F", "label": {"zh": "不合格", "en": "fail"}, "min_percent": 0}],
        "veto_grade": {"zh": "否决", "en": "vetoed"},
        "areas": areas,
        "group_rules": [{"id": "G", "title": {"zh": "组", "en": "group"}, "items": ["i3", "i7", "i11", "i15", "i19", "i23", "i27"],
            "min_pass": 6, "floor_ratio": 0.85, "source": {"source": "S", "clause": "c"}}]
    });
    (
        Checklist::from_json(&doc.to_string()).expect("generated checklist is valid"),
        answers,
    )
}
