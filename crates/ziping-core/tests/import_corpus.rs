//! Malformed and hostile submission files: each gives its own error, none panics.
//!
//! The corpus in `tests/corpus/import/` is produced by `cases()` below (run with
//! ZIPING_WRITE_CORPUS=1 to rewrite it); the test checks the files on disk against it and
//! every file against the error it must give. The oversized file is made in memory only.

mod common;
#[path = "common/zip.rs"]
mod zip_helper;

use common::{example_exports, root};
use proptest::prelude::*;
use serde_json::{json, Value as Json};
use ziping_core::core::builtin::builtins;
use ziping_core::core::export::{digest_of, to_text, Export, ImportError, MAX_EXPORT_BYTES};
use ziping_core::core::package::{evidence_path, SUBMISSION_ENTRY};

/// A submission file or a 报送包, verified as county mode reads either.
fn verify(
    bytes: &[u8],
    checklists: &[ziping_core::core::checklist::Checklist],
) -> Result<ziping_core::core::export::Verified, ImportError> {
    ziping_core::core::package::verify(bytes, checklists).map(|(v, _)| v)
}

/// An entry of a package: (its path, or the evidence's own path), its bytes, deflated?
type Entry<'a> = (Option<&'a [u8]>, &'a [u8], bool);

/// 报送包 of the base file: `evidence` is (path, bytes) besides the submission; `None` for the
/// path is where the base's one evidence file belongs.
fn package(evidence: &[Entry]) -> Vec<u8> {
    let text = to_text(&base()).unwrap();
    let right = evidence_path(&base().attachments[0]);
    let mut entries: Vec<(&[u8], &[u8], bool)> =
        vec![(SUBMISSION_ENTRY.as_bytes(), text.as_bytes(), false)];
    entries.extend(
        evidence
            .iter()
            .map(|(path, data, deflate)| (path.unwrap_or(right.as_bytes()), *data, *deflate)),
    );
    zip_helper::zip(&entries)
}

/// The corpus, at the repository root (the e2e tests drop its files too).
fn dir() -> String {
    root("tests/corpus/import")
}

fn base() -> Export {
    example_exports().remove(0)
}

fn base_json() -> Json {
    serde_json::to_value(base()).unwrap()
}

/// A valid digest after an edit, so the file fails for the edit and not for the digest.
fn sealed(mut v: Json) -> Vec<u8> {
    if let Ok(doc) = serde_json::from_value::<Export>(v.clone()) {
        v["digest"] = json!(digest_of(&doc).unwrap());
    } else {
        // Not a valid document: seal it the way `digest_of` would, over everything else.
        let mut rest = v.clone();
        if let Some(m) = rest.as_object_mut() {
            m.remove("digest");
        }
        let bytes = serde_json_canonicalizer::to_vec(&rest).unwrap();
        use sha2::Digest;
        v["digest"] = json!(sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>());
    }
    serde_json::to_vec_pretty(&v).unwrap()
}

/// A sealed file whose result has `"bonus": 10`, that text then written as `bonus` (an edit
/// no JSON value can make: a key twice, a number or string JSON readers refuse, deep nesting).
fn with_bonus(bonus: &str) -> Vec<u8> {
    let file = sealed(edited(|v| v["result"]["bonus"] = json!(10)));
    let text = String::from_utf8(file).unwrap();
    assert_eq!(text.matches("\"bonus\": 10").count(), 1);
    text.replace("\"bonus\": 10", bonus).into_bytes()
}

fn edited(edit: impl FnOnce(&mut Json)) -> Json {
    let mut v = base_json();
    edit(&mut v);
    v
}

fn unsealed(edit: impl FnOnce(&mut Json)) -> Vec<u8> {
    serde_json::to_vec_pretty(&edited(edit)).unwrap()
}

fn nested(depth: usize, open: &str, close: &str) -> Vec<u8> {
    format!("{}{}", open.repeat(depth), close.repeat(depth)).into_bytes()
}

/// (file name, bytes, the error kind it must give, or "ok" for hostile but valid files).
fn cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let good = to_text(&base()).unwrap().into_bytes();
    let half = good[..good.len() / 2].to_vec();
    let mut gbk_like = b"{\"format\": \"".to_vec();
    gbk_like.extend([0xb3, 0xc7, 0xb9, 0xd8]); // 城关 in GBK: not UTF-8
    gbk_like.extend(b"\"}");
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(
            "{\"format\":1}"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        )
        .collect();
    let mut bom = "\u{feff}".as_bytes().to_vec();
    bom.extend(&good);
    vec![
        // An empty file is called empty (it was "第 1 行第 0 列有误").
        ("01-empty.json", vec![], "empty"),
        ("02-spaces.json", b"   \n\t ".to_vec(), "empty"),
        ("03-truncated-half.json", half, "not_json"),
        (
            "04-truncated-last-byte.json",
            good[..good.len() - 2].to_vec(),
            "not_json",
        ),
        (
            "05-latin1-byte.json",
            b"{\"format\": \"\xff\"}".to_vec(),
            "not_utf8",
        ),
        ("06-utf16.json", utf16, "not_utf8"),
        ("07-gbk.json", gbk_like, "not_utf8"),
        ("08-null.json", b"null".to_vec(), "not_an_export"),
        ("09-array.json", b"[]".to_vec(), "not_an_export"),
        ("10-number.json", b"42".to_vec(), "not_an_export"),
        (
            "11-string.json",
            b"\"ziping.export/1\"".to_vec(),
            "not_an_export",
        ),
        ("12-empty-object.json", b"{}".to_vec(), "not_an_export"),
        (
            "13-format-number.json",
            b"{\"format\": 1}".to_vec(),
            "not_an_export",
        ),
        (
            "14-format-v3.json",
            sealed(edited(|v| v["format"] = json!("ziping.export/3"))),
            "unknown_format",
        ),
        (
            "15-format-v0.json",
            sealed(edited(|v| v["format"] = json!("ziping.export/0"))),
            "unknown_format",
        ),
        (
            "16-a-checklist-file.json",
            // As a principal has it: the file as published, indented (the app embeds it
            // without whitespace).
            std::fs::read(root(&format!(
                "checklists/{}",
                ziping_core::core::builtin::FILES[0].0
            )))
            .unwrap(),
            "unknown_format",
        ),
        ("17-nested-arrays.json", nested(300, "[", "]"), "too_deep"),
        (
            "18-nested-objects.json",
            nested(5000, "{\"a\":", "}")
                .into_iter()
                .chain(b"".iter().copied())
                .collect(),
            "too_deep",
        ),
        (
            "19-missing-profile.json",
            sealed(edited(|v| {
                v.as_object_mut().unwrap().remove("profile");
            })),
            "field:$",
        ),
        (
            "20-missing-answers.json",
            sealed(edited(|v| {
                v.as_object_mut().unwrap().remove("answers");
            })),
            "field:$",
        ),
        (
            "21-missing-digest.json",
            unsealed(|v| {
                v.as_object_mut().unwrap().remove("digest");
            }),
            "field:$",
        ),
        (
            "22-extra-top-field.json",
            sealed(edited(|v| v["evil"] = json!(true))),
            "field:$",
        ),
        (
            "23-extra-profile-field.json",
            sealed(edited(|v| v["profile"]["password"] = json!("x"))),
            "field:profile",
        ),
        (
            "24-school-type-senior.json",
            sealed(edited(|v| v["profile"]["school_type"] = json!("senior"))),
            "field:profile",
        ),
        (
            "25-school-type-null.json",
            sealed(edited(|v| v["profile"]["school_type"] = Json::Null)),
            "no_school_type",
        ),
        (
            "26-answer-wrong-type.json",
            sealed(edited(|v| v["answers"]["values"]["G6"] = json!(48))),
            "field:answers",
        ),
        (
            "27-slot-unknown-part.json",
            sealed(edited(|v| {
                v["answers"]["values"]["G6@senior"] = json!({"number": "1"})
            })),
            "field:answers",
        ),
        (
            "28-result-wrong-type.json",
            sealed(edited(|v| v["result"] = json!("很好"))),
            "field:result",
        ),
        (
            "29-plan-id-negative.json",
            sealed(edited(|v| v["plan"][0]["id"] = json!(-1))),
            "field:plan",
        ),
        (
            "30-plan-id-string.json",
            sealed(edited(|v| v["plan"][0]["id"] = json!("one"))),
            "field:plan",
        ),
        (
            "31-attachments-object.json",
            sealed(edited(|v| v["attachments"] = json!({}))),
            "field:attachments",
        ),
        (
            "32-created-yesterday.json",
            sealed(edited(|v| v["created"] = json!("yesterday"))),
            "bad_time",
        ),
        (
            "33-exported-month-13.json",
            sealed(edited(|v| v["exported"] = json!("2026-13-45T00:00:00Z"))),
            "bad_time",
        ),
        (
            "34-created-no-offset.json",
            sealed(edited(|v| v["created"] = json!("2026-09-01T08:00:00"))),
            "bad_time",
        ),
        (
            "35-digest-one-char.json",
            unsealed(|v| {
                let d = v["digest"].as_str().unwrap().to_string();
                v["digest"] = json!(format!(
                    "{}{}",
                    if d.starts_with('0') { "1" } else { "0" },
                    &d[1..]
                ));
            }),
            "digest_mismatch",
        ),
        (
            "36-digest-empty.json",
            unsealed(|v| v["digest"] = json!("")),
            "digest_mismatch",
        ),
        (
            "37-answer-changed.json",
            unsealed(|v| v["answers"]["values"]["G6"] = json!({"number": "40"})),
            "digest_mismatch",
        ),
        (
            "38-script-name-unsealed.json",
            unsealed(|v| v["profile"]["school_name"] = json!("<script>alert(1)</script>")),
            "digest_mismatch",
        ),
        (
            "39-script-name-sealed.json",
            sealed(edited(|v| {
                v["profile"]["school_name"] =
                    json!("<script>alert(1)</script><img src=x onerror=alert(2)>")
            })),
            "ok",
        ),
        (
            // A school that typed its code in full-width digits and a name a spreadsheet would
            // run as a formula: accepted; county CSVs write the code in ASCII and never a formula.
            "60-fullwidth-code-formula-name.json",
            sealed(edited(|v| {
                v["profile"]["school_code"] = json!("４３０７２５００１９");
                v["profile"]["school_name"] = json!("=HYPERLINK(\"http://x\",\"城南小学\")");
            })),
            "ok",
        ),
        (
            // A school of another county, in a batch of 示例县's files.
            "61-other-county.json",
            sealed(edited(|v| {
                v["profile"]["county"] = json!("衡山县");
                v["profile"]["school_code"] = json!("4304230007");
                v["profile"]["school_name"] = json!("衡山县城关小学");
            })),
            "ok",
        ),
        // 报送包: the example with its scan (the school's name as bytes), and hostile ones.
        (
            "62-package.zip",
            package(&[(None, "城关镇第一小学".as_bytes(), false)]),
            "ok",
        ),
        (
            "63-package-traversal.zip",
            package(&[
                (None, "城关镇第一小学".as_bytes(), false),
                (Some(b"../../startup/evil.bat"), b"format c:", false),
            ]),
            "package:unsafe_path",
        ),
        (
            "64-package-bomb.zip",
            package(&[(None, &vec![0u8; 64 << 20], true)]),
            "package:expands",
        ),
        (
            "65-package-forged-scan.zip",
            package(&[(None, "another school's scan".as_bytes(), false)]),
            "package:hash_mismatch",
        ),
        (
            "66-package-unlisted.zip",
            package(&[
                (None, "城关镇第一小学".as_bytes(), false),
                (Some(b"evidence/G6/setup.exe"), b"MZ", false),
            ]),
            "package:unlisted",
        ),
        (
            "40-unknown-checklist.json",
            sealed(edited(|v| v["checklist"]["id"] = json!("county-x"))),
            "unknown_checklist",
        ),
        (
            "41-old-checklist-version.json",
            sealed(edited(|v| v["checklist"]["version"] = json!("1999.1"))),
            "unknown_checklist",
        ),
        (
            "42-checklist-hash-changed.json",
            sealed(edited(|v| v["checklist"]["sha256"] = json!("0".repeat(64)))),
            "checklist_changed",
        ),
        (
            "43-number-out-of-range.json",
            b"{\"format\": \"ziping.export/1\", \"x\": 1e400}".to_vec(),
            "not_json",
        ),
        ("44-nan.json", b"{\"format\": NaN}".to_vec(), "not_json"),
        (
            "45-trailing-comma.json",
            b"{\"format\": \"ziping.export/1\",}".to_vec(),
            "not_json",
        ),
        (
            "46-comment.json",
            b"// school\n{\"format\": \"ziping.export/1\"}".to_vec(),
            "not_json",
        ),
        (
            "47-duplicate-key.json",
            {
                let text = String::from_utf8(good.clone()).unwrap();
                text.replacen(
                    "\"county\": \"示例县\"",
                    "\"county\": \"示例县\", \"county\": \"别的县\"",
                    1,
                )
                .into_bytes()
            },
            // The section with the key twice is named, and what is wrong (it was "$" while
            // sections were read again from a tree of values, which keeps one of the two).
            "field:profile",
        ),
        ("48-bom-then-valid.json", bom, "ok"),
        (
            "49-earned-as-text.json",
            sealed(edited(|v| v["result"]["total"]["earned"] = json!("77"))),
            "ok:result_differs",
        ),
        (
            "50-control-chars-in-answer.json",
            sealed(edited(|v| {
                v["answers"]["values"]["G6"] = json!({"number": "4\u{0}8\u{7}"})
            })),
            "ok:result_differs",
        ),
        (
            "51-unknown-item-slot.json",
            sealed(edited(|v| v["answers"]["values"]["ZZZ"] = json!("yes"))),
            "ok",
        ),
        (
            "52-infinity.json",
            b"{\"format\": Infinity}".to_vec(),
            "not_json",
        ),
        (
            "53-rtl-override-name.json",
            sealed(edited(|v| {
                v["profile"]["school_name"] = json!("学校\u{202e}nosj.exe")
            })),
            "ok",
        ),
        (
            "54-extra-result-field.json",
            sealed(edited(|v| v["result"]["bonus"] = json!(10))),
            "ok:result_differs",
        ),
        (
            // One key twice in the stored result, sealed over the last value (what serde_json
            // keeps): other readers keep the first, so the file is refused, not read one way.
            "54b-result-key-twice.json",
            with_bonus("\"bonus\": 99,\n    \"bonus\": 10"),
            "field:result",
        ),
        (
            // The same for the answers: a note given twice, sealed over the last.
            "54g-answers-key-twice.json",
            {
                let file = sealed(edited(|v| v["answers"]["notes"]["R1"] = json!("甲")));
                let text = String::from_utf8(file).unwrap();
                assert_eq!(text.matches("\"R1\": \"甲\"").count(), 1);
                text.replace("\"R1\": \"甲\"", "\"R1\": \"乙\",\n      \"R1\": \"甲\"")
                    .into_bytes()
            },
            "field:answers",
        ),
        // Refused as JSON, as when the whole file was read into values: the stored result is
        // read as text first, and its reader must not name these a key twice.
        (
            "54c-result-number-out-of-range.json",
            with_bonus("\"bonus\": 1e400"),
            "not_json",
        ),
        (
            "54d-result-lone-surrogate.json",
            with_bonus("\"bonus\": \"\\ud800\""),
            "not_json",
        ),
        (
            // 127 levels in all, the most serde_json reads; one more is too deep.
            "54e-result-nested-to-the-limit.json",
            sealed(edited(|v| {
                v["result"]["bonus"] = (1..125).fold(json!([]), |inner, _| json!([inner]))
            })),
            "ok:result_differs",
        ),
        (
            "54f-result-nested-too-deep.json",
            with_bonus(&format!(
                "\"bonus\": {}{}",
                "[".repeat(126),
                "]".repeat(126)
            )),
            "too_deep",
        ),
        (
            "55-huge-points.json",
            sealed(edited(|v| v["result"]["total"]["earned"] = json!(1e300))),
            "ok:result_differs",
        ),
        (
            "56-answers-as-array.json",
            sealed(edited(|v| v["answers"] = json!([1, 2, 3]))),
            "field:answers",
        ),
        (
            "57-plan-row-unknown-field.json",
            sealed(edited(|v| v["plan"][0]["hidden"] = json!("x"))),
            "field:plan",
        ),
        (
            "58-stamp-missing-sha.json",
            sealed(edited(|v| {
                v["checklist"].as_object_mut().unwrap().remove("sha256");
            })),
            "field:checklist",
        ),
        (
            // 2^53 + 1 reads as 2^53 in every JSON reader and in the digest's canonical form,
            // so the digest cannot tell it from 2^53: refused.
            "59-integer-beyond-2-53.json",
            sealed(edited(|v| {
                v["result"]["total"]["earned"] = serde_json::json!(9_007_199_254_740_993_u64);
            })),
            "number_too_precise",
        ),
    ]
}

fn kind(result: &Result<ziping_core::core::export::Verified, ImportError>) -> String {
    match result {
        // The stored result is never trusted: a sealed file whose result was edited verifies,
        // and the county sees that its result differs from the recomputed one.
        Ok(v) if !v.result_matches() => "ok:result_differs".into(),
        Ok(_) => "ok".into(),
        Err(ImportError::TooLarge { .. }) => "too_large".into(),
        Err(ImportError::NotUtf8) => "not_utf8".into(),
        Err(ImportError::Empty) => "empty".into(),
        Err(ImportError::NotJson { .. }) => "not_json".into(),
        Err(ImportError::TooDeep) => "too_deep".into(),
        Err(ImportError::NotAnExport) => "not_an_export".into(),
        Err(ImportError::UnknownFormat { .. }) => "unknown_format".into(),
        Err(ImportError::Field { path, .. }) => format!("field:{path}"),
        Err(ImportError::BadTime { .. }) => "bad_time".into(),
        Err(ImportError::DigestMismatch { .. }) => "digest_mismatch".into(),
        Err(ImportError::UnknownChecklist { .. }) => "unknown_checklist".into(),
        Err(ImportError::ChecklistAwaiting { .. }) => "checklist_awaiting".into(),
        Err(ImportError::ChecklistChanged { .. }) => "checklist_changed".into(),
        Err(ImportError::NoSchoolType) => "no_school_type".into(),
        Err(ImportError::SchoolTypeNotCovered { .. }) => "school_type_not_covered".into(),
        Err(ImportError::Unreadable { .. }) => "unreadable".into(),
        Err(ImportError::BadSchoolYear { .. }) => "bad_school_year".into(),
        Err(ImportError::NumberTooPrecise { .. }) => "number_too_precise".into(),
        Err(ImportError::IsPackage) => "is_package".into(),
        Err(ImportError::Package { problem }) => {
            use ziping_core::core::package::PackageProblem as P;
            let p = match problem {
                P::NotAZip => "not_a_zip",
                P::TooLarge { .. } | P::EvidenceTooLarge { .. } => "too_large",
                P::Expands { .. } => "expands",
                P::TooManyEntries { .. } => "too_many_entries",
                P::UnsafePath { .. } => "unsafe_path",
                P::DuplicatePath { .. } => "duplicate_path",
                P::Overlapping { .. } => "overlapping",
                P::Unsupported { .. } => "unsupported",
                P::Damaged { .. } => "damaged",
                P::NoSubmission => "no_submission",
                P::Unlisted { .. } => "unlisted",
                P::Missing { .. } => "missing",
                P::HashMismatch { .. } => "hash_mismatch",
            };
            format!("package:{p}")
        }
    }
}

#[test]
fn every_file_of_the_corpus_gives_its_error() {
    let write = std::env::var("ZIPING_WRITE_CORPUS").is_ok();
    if write {
        std::fs::create_dir_all(dir()).unwrap();
    }
    let checklists = builtins().unwrap();
    let cases = cases();
    assert!(cases.len() >= 50);
    for (name, bytes, expected) in &cases {
        let path = format!("{}/{name}", dir());
        if write {
            std::fs::write(&path, bytes).unwrap();
        }
        let on_disk = std::fs::read(&path)
            .unwrap_or_else(|_| panic!("{path} missing: run with ZIPING_WRITE_CORPUS=1"));
        assert!(
            &on_disk == bytes,
            "{path} differs from its generator: run with ZIPING_WRITE_CORPUS=1"
        );
        let got = kind(&verify(&on_disk, &checklists));
        // Field errors name the field: the expectation is the start of the path.
        let matches = match expected.strip_prefix("field:") {
            Some(prefix) => got
                .strip_prefix("field:")
                .is_some_and(|p| p.starts_with(prefix)),
            None => got == *expected,
        };
        assert!(matches, "{name}: expected {expected}, got {got}");
    }
    let files = std::fs::read_dir(dir()).unwrap().count();
    assert_eq!(files, cases.len(), "every file in {} has a case", dir());
}

/// What is wrong, in the section it is in, for texts that are JSON but not a submission's
/// shape (from a review: an answer with a second key was called "not valid JSON").
#[test]
fn a_section_of_the_wrong_shape_is_named_with_what_is_wrong() {
    use ziping_core::core::json::{FieldProblem, JsonKind};
    let good = to_text(&base()).unwrap();
    let first_answer = "\"number\": \"";
    assert!(good.contains(first_answer));
    let field = |text: String| match ziping_core::core::export::read(text.as_bytes()) {
        Err(ImportError::Field { path, problem }) => (path, problem),
        other => panic!("{other:?}"),
    };
    // After the first answer's number (its closing quote), a second key.
    let at = good.find(first_answer).unwrap() + first_answer.len();
    let at = at + good[at..].find('"').unwrap() + 1;
    let answer = |extra: &str| field(format!("{}{extra}{}", &good[..at], &good[at..]));
    // An answer value with a second key: JSON, but not one answer (was "not valid JSON").
    assert_eq!(
        answer(", \"note\": \"x\""),
        ("answers".into(), FieldProblem::Other)
    );
    assert_eq!(
        answer(", \"number\": true"),
        ("answers".into(), FieldProblem::Other)
    );
    // A name twice in a section is named as such, in its section.
    let twice = good.replacen(
        "\"county\": \"示例县\"",
        "\"county\": \"示例县\", \"county\": 5",
        1,
    );
    assert_eq!(field(twice), ("profile".into(), FieldProblem::DuplicateKey));
    // A mistyped field is still told by its kind.
    let mistyped = good.replacen("\"county\": \"示例县\"", "\"county\": 5", 1);
    assert_eq!(
        field(mistyped),
        (
            "profile".into(),
            FieldProblem::WrongType {
                found: JsonKind::Number,
                expected: JsonKind::Text
            }
        )
    );
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let mut big = b"{\"format\": \"ziping.export/1\", \"pad\": \"".to_vec();
    big.resize(MAX_EXPORT_BYTES + 1, b'a');
    assert_eq!(kind(&verify(&big, &builtins().unwrap())), "too_large");
}

/// Cases per fuzz property: a few hundred in CI; ZIPING_FUZZ_CASES=100000 for a long run.
fn fuzz_cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("ZIPING_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default);
    ProptestConfig::with_cases(cases)
}

proptest! {
    #![proptest_config(fuzz_cases(3000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = verify(&bytes, &[]);
    }

}

proptest! {
    #![proptest_config(fuzz_cases(300))]

    #[test]
    fn damaged_real_files_never_panic_and_never_pass(pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let good = to_text(&base()).unwrap().into_bytes();
        let mut bad = good.clone();
        let i = pos.index(bad.len());
        prop_assume!(bad[i] != byte);
        bad[i] = byte;
        let result = verify(&bad, &builtins().unwrap());
        // A changed byte may only pass if it changed layout, not content (e.g. a space).
        if let Ok(v) = result {
            prop_assert_eq!(v.export, base());
        }
    }
}

proptest! {
    #![proptest_config(fuzz_cases(300))]

    /// A 报送包 with a byte changed anywhere (its headers, its directory, its evidence) never
    /// panics, and never passes with other content.
    #[test]
    fn damaged_packages_never_panic_and_never_pass(pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let good = package(&[(None, "城关镇第一小学".as_bytes(), false)]);
        let mut bad = good.clone();
        let i = pos.index(bad.len());
        prop_assume!(bad[i] != byte);
        bad[i] = byte;
        if let Ok(p) = ziping_core::core::package::open(&bad) {
            prop_assert_eq!(p.export, base());
            prop_assert_eq!(&p.evidence[0].1[..], "城关镇第一小学".as_bytes());
        }
    }
}
