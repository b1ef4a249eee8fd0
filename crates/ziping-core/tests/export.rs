//! Submission files: written, read back byte for byte, every change detected, examples in sync.

mod common;

use common::*;
use serde_json::Value as Json;
use ziping_core::core::builtin::builtins;
use ziping_core::core::export::{self, file_name, read, to_text, verify, ImportError, Submission};

/// The checklists a county reads with: the current built-ins and their archived versions.
fn all_checklists() -> Vec<ziping_core::core::checklist::Checklist> {
    ziping_core::core::builtin::readable().unwrap()
}

#[test]
fn examples_are_produced_by_the_code() {
    // Set ZIPING_WRITE_EXAMPLES=1 to write them after a deliberate change of the format.
    let write = std::env::var("ZIPING_WRITE_EXAMPLES").is_ok();
    let mut names = Vec::new();
    for doc in example_exports() {
        let name = file_name(&doc);
        let path = root(&format!("examples/{name}"));
        let text = to_text(&doc).unwrap();
        if write {
            std::fs::write(&path, &text).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{path} is missing: run with ZIPING_WRITE_EXAMPLES=1"));
        if on_disk != text {
            let line = on_disk
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0)
                + 1;
            panic!("{path} is out of date from line {line}: run with ZIPING_WRITE_EXAMPLES=1");
        }
        names.push(name);
    }
    assert_eq!(
        names,
        [
            "示例县-城关镇第一小学-yzjh-school-2026-2027-2026-11-20.json",
            "示例县-桃花源中学-zlpj-school-2026-2027-2026-11-20.json",
            "示例县-漳江九年一贯制学校-yzjh-school-2026-2027-2026-11-20.json",
        ]
    );
}

/// The digest is SHA-256 over the RFC 8785 form of the document without `digest`, as the
/// reference canonicaliser writes it (the fast writer must give the same bytes).
#[test]
fn the_digest_is_over_the_reference_canonical_form() {
    use sha2::Digest;
    for doc in example_exports() {
        let mut whole = serde_json::to_value(&doc).unwrap();
        whole.as_object_mut().unwrap().remove("digest");
        let bytes = serde_json_canonicalizer::to_vec(&whole).unwrap();
        let reference: String = sha2::Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            ziping_core::core::export::digest_of(&doc).unwrap(),
            reference
        );
        assert_eq!(doc.digest, reference);
    }
}

#[test]
fn examples_verify_and_their_results_match_a_recomputation() {
    for doc in example_exports() {
        let v = verify(to_text(&doc).unwrap().as_bytes(), &all_checklists()).unwrap();
        assert!(v.result_matches());
        assert!(
            !v.recomputed.shortfalls.is_empty(),
            "examples show shortfalls"
        );
        assert_eq!(v.export.plan.len(), v.recomputed.shortfalls.len());
    }
}

#[test]
fn export_import_export_is_byte_identical() {
    for doc in example_exports() {
        let text = to_text(&doc).unwrap();
        let back = read(text.as_bytes()).unwrap();
        let checklist = builtin(&back.checklist.id);
        let again = export::export(&Submission {
            checklist: &checklist,
            profile: &back.profile,
            answers: &back.answers,
            plan: &back.plan,
            attachments: &back.attachments,
            created: &back.created,
            exported: &back.exported,
            app_version: &back.app_version,
            previous: back.previous.as_ref(),
            review: &back.review,
        })
        .unwrap();
        assert_eq!(to_text(&again).unwrap(), text);
    }
}

/// Every leaf of a JSON document with its path.
fn leaves(v: &Json, path: String, out: &mut Vec<String>) {
    match v {
        Json::Object(m) => m.iter().for_each(|(k, v)| {
            leaves(
                v,
                format!("{path}/{}", k.replace('~', "~0").replace('/', "~1")),
                out,
            )
        }),
        Json::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, v)| leaves(v, format!("{path}/{i}"), out)),
        _ => out.push(path),
    }
}

#[test]
fn changing_any_single_value_anywhere_fails_verification() {
    let checklists = all_checklists();
    let mut checked = 0;
    for doc in example_exports() {
        let original: Json = serde_json::from_str(&to_text(&doc).unwrap()).unwrap();
        let mut paths = Vec::new();
        leaves(&original, String::new(), &mut paths);
        for path in paths {
            let mut changed = original.clone();
            let leaf = changed.pointer_mut(&path).unwrap();
            *leaf = match leaf.take() {
                Json::String(s) => Json::String(format!("{s}x")),
                Json::Number(n) => serde_json::json!(n.as_f64().unwrap() + 1.0),
                Json::Bool(b) => Json::Bool(!b),
                Json::Null => serde_json::json!(0),
                other => other,
            };
            let bytes = serde_json::to_vec_pretty(&changed).unwrap();
            assert!(
                verify(&bytes, &checklists).is_err(),
                "changing {path} went unnoticed"
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "walked {checked} leaves");
}

#[test]
fn the_digest_is_over_the_canonical_form_not_the_layout() {
    let doc = &example_exports()[0];
    let compact = serde_json::to_vec(doc).unwrap();
    assert!(
        read(&compact).is_ok(),
        "re-indenting or compacting keeps the file valid"
    );
    // The digest is SHA-256 over RFC 8785 of the document without `digest`.
    let mut v = serde_json::to_value(doc).unwrap();
    v.as_object_mut().unwrap().remove("digest");
    let canonical = serde_json_canonicalizer::to_vec(&v).unwrap();
    use sha2::Digest;
    let hex: String = sha2::Sha256::digest(&canonical)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(hex, doc.digest);
}

#[test]
fn a_checklist_that_changed_or_is_unknown_is_named() {
    let doc = example_exports().remove(0);
    let text = to_text(&doc).unwrap();
    let version = builtins().unwrap()[0].doc().version.clone();
    assert_eq!(
        verify(text.as_bytes(), &[]).unwrap_err(),
        ImportError::UnknownChecklist {
            id: "yzjh-school".into(),
            version: version.clone()
        }
    );
    // The same id and version with a different threshold: refused, not silently rescored.
    let mut edited: Json = serde_json::from_str(ziping_core::core::builtin::FILES[0].1).unwrap();
    edited["areas"][0]["indicators"][0]["items"][0]["kind"]["rule"]["primary"]["value"] =
        serde_json::json!(4.0);
    let tampered = ziping_core::core::checklist::Checklist::from_json(&edited.to_string()).unwrap();
    assert_eq!(
        verify(text.as_bytes(), &[tampered]).unwrap_err(),
        ImportError::ChecklistChanged {
            id: "yzjh-school".into(),
            version
        }
    );
}

/// A test file written by code: `text` is what `dir/name` holds (written when `write`, from
/// `ZIPING_WRITE_EXAMPLES=1`).
fn fixture(dir: &str, name: &str, text: &str, write: bool) {
    let path = root(&format!("{dir}/{name}"));
    if write {
        std::fs::create_dir_all(root(dir)).unwrap();
        std::fs::write(&path, text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{path} is missing: run with ZIPING_WRITE_EXAMPLES=1"));
    assert!(
        on_disk == text,
        "{path} is out of date: run with ZIPING_WRITE_EXAMPLES=1"
    );
}

/// Files the county e2e test drops besides the examples, written by code like the examples
/// (`ZIPING_WRITE_EXAMPLES=1` rewrites them): a 初中 that filled in the 衡阳 county checklist.
#[test]
fn county_fixtures_are_produced_by_the_code() {
    use ziping_core::core::answers::Slot;
    use ziping_core::core::checklist::Checklist;
    use ziping_core::core::model::SchoolType;
    use ziping_core::core::school::Profile;
    let write = std::env::var("ZIPING_WRITE_EXAMPLES").is_ok();
    let text = std::fs::read_to_string(root("checklists/zlpj-school-hengyang.json")).unwrap();
    let hengyang = Checklist::from_json(&text).unwrap();
    let mut answers = example_school(&hengyang, SchoolType::Junior);
    answers.set(
        Slot::whole("B5.1.1"),
        ziping_core::core::answers::Value::Number("75".into()),
    );
    let profile = Profile {
        school_name: "衡阳县第一中学".into(),
        school_code: "4304210001".into(),
        county: "示例县".into(),
        school_type: Some(SchoolType::Junior),
        school_year: "2026-2027".into(),
        filled_by: "王老师".into(),
    };
    let doc = export::export(&Submission {
        checklist: &hengyang,
        profile: &profile,
        answers: &answers,
        plan: &[],
        attachments: &[],
        created: EXAMPLE_CREATED,
        exported: EXAMPLE_EXPORTED,
        app_version: "examples",
        previous: None,
        review: &[],
    })
    .unwrap();
    let out = to_text(&doc).unwrap();
    fixture("tests/corpus/county", &file_name(&doc), &out, write);
    let mut known = all_checklists();
    known.push(hengyang);
    let v = verify(out.as_bytes(), &known).unwrap();
    assert!(v.result_matches());
}

/// Three 小学 files for the county e2e test of a school that carries the figures
/// (`ZIPING_WRITE_EXAMPLES=1` rewrites them): one made up an enrolment of 9,999,999 and sealed
/// its file again, as any school can.
#[test]
fn heavy_school_fixtures_are_produced_by_the_code() {
    use ziping_core::core::answers::{Slot, Value};
    let write = std::env::var("ZIPING_WRITE_EXAMPLES").is_ok();
    let c = builtin("yzjh-school");
    // Schools 0, 3 and 6 of the generator are 小学.
    for n in [0, 3, 6] {
        let (name, mut doc) = ziping_core::sample::school(&c, n, 1);
        if n == 6 {
            doc.profile.school_name = "巨大学校".into();
            doc.answers
                .set(Slot::whole("students"), Value::Number("9999999".into()));
        }
        let out = to_text(&resealed(&doc, "examples")).unwrap();
        fixture("tests/corpus/heavy", &name, &out, write);
        assert!(verify(out.as_bytes(), &all_checklists())
            .unwrap()
            .result_matches());
    }
    assert_eq!(
        std::fs::read_dir(root("tests/corpus/heavy"))
            .unwrap()
            .count(),
        3
    );
}

/// Two files of one 小学 for the county e2e test of a code typed wrong
/// (`ZIPING_WRITE_EXAMPLES=1` rewrites them): its file with the right code, and one with the
/// letter O for its code's last 0.
#[test]
fn code_typo_fixtures_are_produced_by_the_code() {
    let write = std::env::var("ZIPING_WRITE_EXAMPLES").is_ok();
    let c = builtin("yzjh-school");
    let (name, doc) = ziping_core::sample::school(&c, 3, 1);
    let at = doc.profile.school_code.rfind('0').expect("a code with a 0");
    let mut typo = doc.clone();
    typo.profile.school_code.replace_range(at..at + 1, "O");
    for (name, doc) in [(name.clone(), doc), (format!("代码有误-{name}"), typo)] {
        let out = to_text(&resealed(&doc, "examples")).unwrap();
        fixture("tests/corpus/code-typo", &name, &out, write);
        assert!(verify(out.as_bytes(), &all_checklists())
            .unwrap()
            .result_matches());
    }
    assert_eq!(
        std::fs::read_dir(root("tests/corpus/code-typo"))
            .unwrap()
            .count(),
        2
    );
}

/// A file written in format 1 (before the previous year and the review existed) still reads:
/// its digest is checked over format 1's fields, then it becomes the current format.
#[test]
fn a_format_1_file_is_read_and_migrated() {
    let dir = format!(
        "{}/tests/corpus/format1",
        env!("CARGO_MANIFEST_DIR").to_string() + "/../.."
    );
    for entry in std::fs::read_dir(&dir).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(String::from_utf8_lossy(&bytes).contains("\"format\": \"ziping.export/1\""));
        let v = verify(&bytes, &all_checklists()).unwrap();
        assert_eq!(v.export.format, "ziping.export/1");
        assert!(v.export.previous.is_none() && v.export.review.is_empty());
        assert!(v.result_matches());
        // One changed byte of content still fails.
        let changed =
            String::from_utf8(bytes)
                .unwrap()
                .replacen("城关镇第一小学", "城关镇第二小学", 1);
        assert!(matches!(
            verify(changed.as_bytes(), &all_checklists()),
            Err(ImportError::DigestMismatch { .. })
        ));
    }
}

/// "The checklists known here" is one policy: built-ins first, then county files; a county
/// copy with a built-in's id and version and other content is a clash, never used; the same
/// content twice is known once. A submission opens as a draft on the known checklist it names,
/// a county checklist kept here included (the app's 打开报送文件 once ignored those).
#[test]
fn a_submission_opens_on_the_checklist_known_here_whatever_its_source() {
    use ziping_core::state::draft::{known_here, open_submission, ChecklistSource};
    let builtins = builtins().unwrap();
    let hengyang = std::fs::read_to_string(root("checklists/zlpj-school-hengyang.json")).unwrap();
    // A copy of the first built-in with its id and version and another threshold.
    let mut edited: Json = serde_json::from_str(ziping_core::core::builtin::FILES[0].1).unwrap();
    edited["areas"][0]["indicators"][0]["items"][0]["kind"]["rule"]["primary"]["value"] =
        serde_json::json!(4.0);
    let files = vec![
        ("zlpj-school-hengyang.json".to_string(), hengyang.clone()),
        ("again.json".to_string(), hengyang.clone()),
        ("not-a-checklist.json".to_string(), "{".to_string()),
        ("copy.json".to_string(), edited.to_string()),
    ];
    let (known, clashes) = known_here(&builtins, &files);
    assert_eq!(known.len(), builtins.len() + 1);
    assert_eq!(clashes.len(), 1);
    assert_eq!(clashes[0].id, builtins[0].doc().id);

    let county = std::fs::read_dir(root("tests/corpus/county"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let bytes = std::fs::read(county).unwrap();
    let draft = open_submission("d1".into(), &bytes, &known).unwrap().draft;
    assert_eq!(draft.profile.school_name, "衡阳县第一中学");
    assert_eq!(
        draft.checklist,
        ChecklistSource::File {
            name: "zlpj-school-hengyang.json".into(),
            text: hengyang
        }
    );
    // Without the county's file, the same submission names the checklist it needs.
    let (builtins_only, _) = known_here(&builtins, &[]);
    assert!(matches!(
        open_submission("d2".into(), &bytes, &builtins_only),
        Err(ImportError::UnknownChecklist { id, .. }) if id == "zlpj-school-hengyang"
    ));
    // A built-in's file opens on the built-in.
    let example = to_text(&example_exports().remove(0)).unwrap();
    let opened = open_submission("d3".into(), example.as_bytes(), &known).unwrap();
    assert!(matches!(
        opened.draft.checklist,
        ChecklistSource::Builtin { .. }
    ));
    assert!(!opened.result_differs);
    // A file whose stored result was edited and sealed again: opened on its answers, and the
    // page is told (it opened without a word, as last year's file too).
    let edited = std::fs::read(root("tests/corpus/import/55-huge-points.json")).unwrap();
    let opened = open_submission("d4".into(), &edited, &known).unwrap();
    assert!(opened.result_differs);
    let said = ziping_core::report::notice::notice_text(
        ziping_core::i18n::Lang::Zh,
        &ziping_core::state::Notice::Imported {
            name: "55.json".into(),
            result_differs: opened.result_differs,
        },
        &|slot| slot.to_string(),
    );
    assert!(said.contains("重新计算"), "{said}");
    // County mode's batch holds checked checklists, not files: the same opening on them.
    use ziping_core::state::draft::{known_from_set, open_verified};
    let county_set = ziping_core::state::draft::checklists_of(&known);
    let from_set = known_from_set(&county_set, &builtins);
    let v = verify(&bytes, &county_set).unwrap();
    let (draft, checklist) = open_verified("view".into(), &v, &from_set).unwrap();
    assert_eq!(checklist.doc().id, "zlpj-school-hengyang");
    assert!(
        matches!(&draft.checklist, ChecklistSource::File { name, .. } if name == "zlpj-school-hengyang.json")
    );
    let v = verify(example.as_bytes(), &county_set).unwrap();
    let (draft, _) = open_verified("view".into(), &v, &from_set).unwrap();
    assert!(matches!(draft.checklist, ChecklistSource::Builtin { .. }));
}
