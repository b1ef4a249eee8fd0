//! The `ziping` command line, run as county staff would run it.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn ziping(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ziping"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn examples() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    files
}

#[test]
fn verify_prints_one_line_per_file_and_fails_if_any_fails() {
    let files = examples();
    let args: Vec<&str> = std::iter::once("verify")
        .chain(files.iter().map(String::as_str))
        .collect();
    let (code, out, _) = ziping(&args);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("OK\t")).count(),
        3,
        "{out}"
    );

    let (code, out, _) = ziping(&[
        "verify",
        &files[0],
        "tests/corpus/import/37-answer-changed.json",
        "tests/corpus/import/01-empty.json",
    ]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("OK\t"));
    assert!(lines[1].contains("校验值不符"), "{}", lines[1]);
    assert!(lines[2].contains("不是有效的 JSON"), "{}", lines[2]);
}

#[test]
fn score_prints_the_recomputed_result_as_json() {
    let files = examples();
    let (code, out, _) = ziping(&["score", &files[1]]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["matches_file"], true);
    assert_eq!(v["school"], "桃花源中学");
    assert!(v["result"]["total"]["max"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_county_checklist_can_be_named_and_english_is_available() {
    let (code, out, err) = ziping(&[
        "--english",
        "--checklist",
        "checklists/zlpj-school-hengyang.json",
        "verify",
        "tests/corpus/import/40-unknown-checklist.json",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("unknown checklist county-x"), "{out}");
    let (code, _, err) = ziping(&["--checklist", "Cargo.toml", "verify", "x.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("Cargo.toml"), "{err}");
}

#[test]
fn a_stored_result_that_differs_from_the_recomputed_one_is_flagged() {
    // Sealed with a valid digest, but its stored total was inflated: verify fails, score says why.
    let file = "tests/corpus/import/55-huge-points.json";
    let (code, out, _) = ziping(&["verify", file]);
    assert_eq!(code, 1);
    assert!(out.contains("不一致"), "{out}");
    let (code, out, err) = ziping(&["score", file]);
    assert_eq!(code, 3);
    assert!(err.contains("不一致"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["matches_file"], false);
}
