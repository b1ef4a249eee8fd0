//! Every checklist file (built-in, county variant, test fixture) validates against the
//! published JSON Schema, and the schema really refuses what it should.

mod common;

use common::root;
use serde_json::Value;

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root("docs/checklist.schema.json")).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

pub fn checklist_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root("checklists"))
        .expect("checklists/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_checklist_file_validates_against_the_schema() {
    let v = schema();
    let test_doc: Value = serde_json::from_str(common::TEST_CHECKLIST).unwrap();
    assert_eq!(
        errors(&v, &test_doc),
        Vec::<String>::new(),
        "test checklist"
    );
    for file in checklist_files() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(errors(&v, &doc), Vec::<String>::new(), "{}", file.display());
    }
}

#[test]
fn the_schema_refuses_malformed_checklists() {
    let v = schema();
    let good: Value = serde_json::from_str(common::TEST_CHECKLIST).unwrap();
    type Edit = Box<dyn Fn(&mut Value)>;
    let edits: Vec<(&str, Edit)> = vec![
        (
            "unknown field",
            Box::new(|d| d["extra"] = Value::Bool(true)),
        ),
        (
            "bad comparison op",
            Box::new(|d| {
                d["areas"][0]["indicators"][0]["items"][0]["kind"]["rule"]["primary"]["op"] =
                    "≥".into()
            }),
        ),
        (
            "missing source",
            Box::new(|d| {
                d["areas"][1]["indicators"][0]["items"][0]
                    .as_object_mut()
                    .unwrap()
                    .remove("source");
            }),
        ),
        (
            "negative points",
            Box::new(|d| d["areas"][1]["indicators"][0]["items"][0]["points"] = (-2).into()),
        ),
        (
            "unknown school type",
            Box::new(|d| d["school_types"][0] = "senior".into()),
        ),
        (
            "floor above 1",
            Box::new(|d| d["group_rules"][0]["floor_ratio"] = 1.2.into()),
        ),
    ];
    for (name, edit) in edits {
        let mut doc = good.clone();
        edit(&mut doc);
        assert!(!errors(&v, &doc).is_empty(), "{name} should be refused");
    }
}

#[test]
fn the_example_submissions_validate_against_the_export_schema() {
    let text = std::fs::read_to_string(root("docs/export.schema.json")).expect("export schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    let v = jsonschema::validator_for(&schema).expect("schema compiles");
    let mut count = 0;
    for entry in std::fs::read_dir(root("examples")).unwrap() {
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        assert_eq!(errors(&v, &doc), Vec::<String>::new());
        // An amount typed in 万元, as the app writes it.
        let mut wan = doc.clone();
        wan["answers"]["wan_yuan"] = serde_json::json!(["equipment_value"]);
        assert_eq!(errors(&v, &wan), Vec::<String>::new());
        let mut bad = doc.clone();
        bad["profile"]["school_type"] = "senior".into();
        assert!(
            !errors(&v, &bad).is_empty(),
            "the schema refuses an unknown school type"
        );
        count += 1;
    }
    assert_eq!(count, 3);
}
