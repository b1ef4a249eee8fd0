//! The batch's tests: files accepted, refused, read and counted; the officer's choices.

use super::*;
use crate::core::builtin::builtins;

/// Reads a file as a worker would and hands the reply to the batch.
fn add(b: &mut Batch, name: &str, bytes: &[u8]) -> Added {
    match b.accept(name, Some(bytes.len() as u64)) {
        Some(id) => {
            let reply = read_file(name, bytes, &b.checklists);
            b.receive(id, b.generation(), reply)
        }
        None => Added::Refused(b.refused.last().unwrap().1.clone()),
    }
}

fn example() -> Vec<u8> {
    include_bytes!(
        "../../../../../examples/示例县-城关镇第一小学-yzjh-school-2026-2027-2026-11-20.json"
    )
    .to_vec()
}

/// A folder copied from a Mac carries a `._name.json` beside every file (AppleDouble
/// metadata, not JSON): refused by its name as the system's file it is, never read nor
/// listed as an invalid submission.
#[test]
fn the_systems_own_files_are_refused_by_name() {
    let mut b = Batch::new(builtins().unwrap());
    for name in ["._示例.json", "学校/._a.json", ".DS_Store", "Thumbs.db"] {
        assert_eq!(
            add(&mut b, name, b"\x00\x05\x16\x07"),
            Added::Refused(Refusal::SystemFile),
            "{name}"
        );
    }
    assert!(b.is_empty());
    assert_eq!(add(&mut b, "a._b.json", b"{}"), Added::Submission);
}

#[test]
fn files_are_added_to_the_batch_each_once() {
    let mut b = Batch::new(builtins().unwrap());
    assert_eq!(add(&mut b, "a.json", b"{\"x\":1}"), Added::Submission);
    assert_eq!(add(&mut b, "a.json", b"{\"x\":1}"), Added::Again);
    // Files that cannot be used keep a row each, with their own reason (two schools' empty
    // files are two files, not a copy).
    assert_eq!(add(&mut b, "copy.json", b"{\"x\":1}"), Added::Submission);
    assert_eq!(add(&mut b, "a.json", b"{\"x\":2}"), Added::Submission);
    let names: Vec<&str> = b.files().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a.json", "copy.json", "a.json (2)"]);
    assert!(b.refused.is_empty(), "{:?}", b.refused);
    // A reply for a file no longer in the batch changes nothing.
    b.clear();
    assert_eq!(b.receive(0, 0, FileReply::Unreadable), Added::Stale);
    assert!(b.is_empty() && b.refused.is_empty());
}

#[test]
fn the_officers_choices_come_back_with_the_same_files_after_a_reload() {
    let mut b = Batch::new(builtins().unwrap());
    add(&mut b, "a.json", &example());
    add(&mut b, "a.json", b"{}");
    b.pick("a.json (2)");
    b.county = Some("示例县".into());
    b.assign("a.json", "4307250001");
    let report = b.report(&Timestamp::parse("2026-12-01T00:00:00+08:00").unwrap());
    b.draw_visits(&report, 3, 20261206);
    b.set_finding("a.json", "功能室面积与填报一致；家长会记录齐全");
    b.set_finding("a.json (2)", "  ");
    assert_eq!(b.findings.len(), 1, "an empty finding is no finding");
    let kept = serde_json::to_string(&b.choices()).unwrap();
    // The page again: the same files in the same order, then the choices.
    let mut again = Batch::new(builtins().unwrap());
    add(&mut again, "a.json", &example());
    add(&mut again, "a.json", b"{}");
    again.restore_choices(serde_json::from_str(&kept).unwrap());
    assert_eq!(again.choices(), b.choices());
    assert_eq!(
        again.visit,
        Some(crate::core::aggregate::visit::VisitPlan {
            count: 3,
            seed: 20261206,
            schools: 1,
            // The example answers every red line 达标 without a note: one flag.
            files: vec![(
                "a.json".into(),
                crate::core::aggregate::visit::Drawn::Flagged { flags: 1 }
            )],
        })
    );
    assert_eq!(
        again.report(&Timestamp::parse("2026-12-01T00:00:00+08:00").unwrap()),
        b.report(&Timestamp::parse("2026-12-01T00:00:00+08:00").unwrap())
    );
    // 清空 forgets them.
    again.clear();
    assert_eq!(again.choices(), BatchChoices::default());
    // Stored by a later version with more in it: what this one knows is read.
    let later: BatchChoices = serde_json::from_str(r#"{"picks":["x.json"],"visits":[1]}"#).unwrap();
    assert_eq!(later.picks, ["x.json"]);
}

#[test]
fn unreadable_files_are_listed_with_their_reason() {
    let mut b = Batch::new(builtins().unwrap());
    assert_eq!(b.accept("notes.txt", Some(10)), None);
    assert_eq!(b.accept("huge.json", Some(3 * 1024 * 1024 * 1024)), None);
    let id = b.accept("UPPER.JSON", Some(10)).unwrap();
    let gone = b.accept("gone.json", None).unwrap();
    let big = b.accept("big.json", None).unwrap();
    assert_eq!(
        b.receive(
            big,
            0,
            FileReply::TooLarge {
                size: 5 << 20,
                limit: 4 << 20
            }
        ),
        Added::Refused(Refusal::TooLarge {
            size: 5 << 20,
            limit: 4 << 20
        })
    );
    assert_eq!(
        b.receive(gone, 0, FileReply::Unreadable),
        Added::Refused(Refusal::Unreadable)
    );
    let reasons: Vec<String> = b
        .refused
        .iter()
        .map(|(n, r)| format!("{n}: {}", crate::i18n::refusal_text(Lang::Zh, r)))
        .collect();
    assert_eq!(reasons.len(), 4);
    assert!(reasons[0].contains("不是 .json 报送文件"), "{reasons:?}");
    assert!(reasons[1].contains("3072 MB"), "{reasons:?}");
    assert!(
        reasons[2].starts_with("big.json: 文件太大（5 MB"),
        "{reasons:?}"
    );
    assert!(reasons[3].starts_with("gone.json"), "{reasons:?}");
    assert_eq!(b.pending().collect::<Vec<_>>(), [id]);
    b.cancel_pending();
    assert!(b.is_empty());
}

#[test]
fn a_checklist_among_submissions_is_recognised_and_a_clash_refused() {
    let mut b = Batch::new(builtins().unwrap());
    assert_eq!(add(&mut b, "school.json", &example()), Added::Submission);
    let text = include_str!("../../../../../checklists/zlpj-school-hengyang.json");
    assert_eq!(
        add(&mut b, "衡阳.json", text.as_bytes()),
        Added::ChecklistAwaiting
    );
    // Never used before the officer accepts it; a file made with it waits, not 无效 (the
    // summary said “无效 8” of eight good files until 采用).
    let waiting = crate::core::aggregate::FileStatus::Invalid {
        error: crate::core::export::ImportError::ChecklistAwaiting {
            id: "zlpj-school-hengyang".into(),
            version: "2026.5-衡阳".into(),
        },
    };
    assert_eq!(
        waiting.kind(),
        crate::core::aggregate::StatusKind::ChecklistAwaiting
    );
    assert_eq!(
        crate::i18n::status_text(crate::i18n::Lang::Zh, &waiting).0,
        "清单待确认"
    );
    assert!(!waiting.counted());
    assert_eq!(b.pending_count(), 0);
    assert_eq!(b.awaiting.len(), 1);
    assert!(b.county_checklists.is_empty());
    let sha = b.awaiting[0].sha256().to_string();
    assert!(b.accept_checklist(&sha).is_some());
    assert!(b.awaiting.is_empty());
    // Every file is read again with the new checklist; a reply to the earlier reading is
    // stale, even if it arrives after the checklist.
    assert_eq!(b.pending_count(), 1);
    let old = read_file("school.json", &example(), &builtins().unwrap());
    assert_eq!(b.receive(0, 0, old), Added::Stale);
    let again = read_file("school.json", &example(), &b.checklists);
    assert_eq!(b.receive(0, b.generation(), again), Added::Submission);
    assert_eq!(b.len(), 1, "a file is never its own duplicate");
    assert_eq!(
        add(&mut b, "again.json", text.as_bytes()),
        Added::ChecklistAgain
    );
    assert_eq!(b.county_checklists.len(), 1);
    assert_eq!(b.county_checklist_texts().len(), 1);
    let changed = text.replacen("90", "80", 1);
    assert!(matches!(
        add(&mut b, "changed.json", changed.as_bytes()),
        Added::Refused(Refusal::ChecklistClash { .. })
    ));
    assert!(b
        .files()
        .all(|f| !f.name.contains("衡阳") && !f.name.contains("changed")));
}

#[test]
fn the_report_counts_the_files_read() {
    let mut b = Batch::new(builtins().unwrap());
    add(&mut b, "school.json", &example());
    b.accept("still-reading.json", None);
    let r = b.report(&Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap());
    assert_eq!(r.schools.len(), 1);
    assert_eq!(r.schools[0].file, "school.json");
    assert!(b.verify(&example()).is_some());
    assert_eq!(b.id_of("school.json"), Some(0));
}

#[test]
fn the_filter_for_a_differing_result_finds_a_file_in_conflict_too() {
    let mut b = Batch::new(builtins().unwrap());
    add(&mut b, "example.json", &example());
    let edited = include_bytes!("../../../../../tests/corpus/import/49-earned-as-text.json");
    add(&mut b, "edited.json", edited);
    let r = b.report(&Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap());
    assert!(r.schools.iter().all(|s| matches!(
        s.status,
        crate::core::aggregate::FileStatus::Conflict { .. }
    )));
    for (lang, words) in [(Lang::Zh, "结果不一致"), (Lang::En, "result differs")] {
        let view = TableView {
            filter: words.into(),
            ..TableView::default()
        };
        let rows: Vec<&str> = view
            .rows(&r, lang)
            .into_iter()
            .map(|n| r.schools[n].file.as_str())
            .collect();
        assert_eq!(rows, ["edited.json"], "{words}");
    }
}

#[test]
fn the_school_table_filters_and_sorts_as_the_officer_asks() {
    use crate::core::aggregate::SchoolFacts;
    let mut b = Batch::new(builtins().unwrap());
    add(&mut b, "c.json", b"{");
    // Two readable schools besides the broken file.
    let stamp = crate::core::export::stamp(&b.checklists[0]);
    let school = |name: &str, earned: f64| FileReply::Submission {
        content: name.into(),
        facts: Box::new(FileFacts {
            file: String::new(),
            facts: Ok(SchoolFacts {
                school_name: name.into(),
                school_code: String::new(),
                county: "示例县".into(),
                school_type: crate::core::model::SchoolType::Primary,
                school_year: "2026-2027".into(),
                checklist: stamp.clone(),
                exported: "2026-11-20T10:00:00+08:00".into(),
                digest: name.into(),
                result_matches: true,
                completion: crate::core::score::Completion {
                    answered: 1,
                    required: 1,
                    errors: 0,
                    unanswered: 0,
                },
                earned,
                max: 100.0,
                band: None,
                vetoed: false,
                enrolment: vec![],
                indicators: vec![],
                groups: vec![],
                rates: vec![],
                plan_rows: 0,
                previous: None,
                review: Default::default(),
                evidence_files: 0,
                attachments: vec![],
                raw: vec![],
                measures: vec![],
                red_lines: Default::default(),
            }),
        }),
    };
    let a = b.accept("a.json", None).unwrap();
    b.receive(a, 0, school("城关小学", 90.0));
    let bb = b.accept("b.json", None).unwrap();
    b.receive(bb, 0, school("桃花小学", 60.0));
    let r = b.report(&Timestamp::parse("2026-12-01T00:00:00+08:00").unwrap());
    let files = |rows: Vec<usize>| -> Vec<String> {
        rows.iter().map(|&n| r.schools[n].file.clone()).collect()
    };
    let view = TableView::default();
    assert_eq!(
        files(view.rows(&r, Lang::Zh)),
        ["a.json", "b.json", "c.json"]
    );
    let by_score = view.sort_by(SortBy::Score);
    assert_eq!(
        files(by_score.rows(&r, Lang::Zh))[1..],
        ["b.json", "a.json"]
    );
    let reversed = by_score.sort_by(SortBy::Score);
    assert!(!reversed.ascending);
    assert_eq!(
        files(reversed.rows(&r, Lang::Zh))[..2],
        ["a.json", "b.json"]
    );
    // Worst first when sorted by status, descending: the broken file.
    let status = view.sort_by(SortBy::Status).sort_by(SortBy::Status);
    assert_eq!(files(status.rows(&r, Lang::Zh))[0], "c.json");
    // The filter finds names and statuses, in the interface language.
    let peach = TableView {
        filter: "桃花".into(),
        ..TableView::default()
    };
    assert_eq!(files(peach.rows(&r, Lang::Zh)), ["b.json"]);
    let invalid = TableView {
        filter: "INVALID".into(),
        ..TableView::default()
    };
    assert_eq!(files(invalid.rows(&r, Lang::En)), ["c.json"]);
    assert!(invalid.rows(&r, Lang::Zh).is_empty());

    // Names and files sort as people count: 第2 before 第15 before 第159.
    for (file, name) in [
        ("第159.json", "第159小学"),
        ("第15.json", "第15小学"),
        ("第2.json", "第2小学"),
    ] {
        let id = b.accept(file, None).unwrap();
        b.receive(id, 0, school(name, 50.0));
    }
    let r = b.report(&Timestamp::parse("2026-12-01T00:00:00+08:00").unwrap());
    let numbered = |view: TableView, of: fn(&crate::core::aggregate::SchoolRow) -> &str| {
        view.rows(&r, Lang::Zh)
            .iter()
            .map(|&n| of(&r.schools[n]).to_string())
            .filter(|t| t.starts_with('第'))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        numbered(view.sort_by(SortBy::Name), |s| &s.school_name),
        ["第2小学", "第15小学", "第159小学"]
    );
    assert_eq!(
        numbered(TableView::default(), |s| &s.file),
        ["第2.json", "第15.json", "第159.json"]
    );
}

/// A school sends its file, then the same file as a package with its evidence: the package
/// takes the file's place (its evidence opens), and the officer is told; the other way round
/// the file is the same content again.
#[test]
fn a_package_of_a_file_already_here_takes_its_place() {
    let text = String::from_utf8(example()).unwrap();
    let export = crate::core::export::read(text.as_bytes()).unwrap();
    let scan = export.profile.school_name.as_bytes().to_vec();
    let evidence = std::collections::BTreeMap::from([(export.attachments[0].sha256.clone(), scan)]);
    let exported = crate::core::time::Timestamp::parse(&export.exported).unwrap();
    let package =
        crate::core::package::write(&text, &export.attachments, &evidence, &exported).unwrap();
    let mut b = Batch::new(builtins().unwrap());
    assert_eq!(add(&mut b, "a.json", text.as_bytes()), Added::Submission);
    assert_eq!(add(&mut b, "a.zip", &package), Added::Submission);
    let names: Vec<&str> = b.files().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a.zip"]);
    assert_eq!(
        b.refused,
        [(
            "a.json".to_string(),
            Refusal::SameAsPackage {
                package: "a.zip".into()
            }
        )]
    );
    // Not stored with the batch: the file stays kept, and a reload finds it again.
    assert!(b.choices().refused.is_empty(), "{:?}", b.choices().refused);
    let mut b = Batch::new(builtins().unwrap());
    assert_eq!(add(&mut b, "a.zip", &package), Added::Submission);
    assert_eq!(add(&mut b, "a.json", text.as_bytes()), Added::Again);
    let names: Vec<&str> = b.files().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["a.zip"]);
}

/// The same submission under another name (a copy renamed, the same file in two folders) is
/// counted once and listed with the file that counts, so every file dropped is accounted for;
/// the same file picked again is not listed (the page says a file counts once).
#[test]
fn a_copy_under_another_name_is_listed_with_the_file_that_counts() {
    let mut b = Batch::new(builtins().unwrap());
    assert_eq!(add(&mut b, "a.json", &example()), Added::Submission);
    assert_eq!(add(&mut b, "a.json", &example()), Added::Again);
    assert!(b.refused.is_empty(), "{:?}", b.refused);
    assert_eq!(add(&mut b, "=副本-a.json", &example()), Added::Again);
    assert_eq!(add(&mut b, "县/a.json", &example()), Added::Again);
    let same = |kept: &str| Refusal::SameContent { kept: kept.into() };
    assert_eq!(
        b.refused,
        [
            ("=副本-a.json".to_string(), same("a.json")),
            ("县/a.json".to_string(), same("a.json"))
        ]
    );
    assert_eq!(b.len(), 1);
    assert_eq!(
        crate::i18n::refusal_text(Lang::Zh, &b.refused[0].1),
        "与文件“a.json”内容完全相同，只计一次"
    );
    assert_eq!(
        crate::i18n::refusal_text(Lang::En, &b.refused[0].1),
        "the same content as “a.json”: counted once"
    );
    // Two schools' empty files: two rows, each saying it is empty (the second was listed as a
    // copy of the first, its own reason hidden).
    assert_eq!(add(&mut b, "甲.json", b""), Added::Submission);
    assert_eq!(add(&mut b, "乙.json", b""), Added::Submission);
    assert_eq!(b.refused.len(), 2);
    assert_eq!(b.len(), 3);
}

/// The file the workers warm up on is a school's submission that verifies, its stored result
/// the recomputed one, with both parts of a 九年一贯制 school scored: reading it runs the code
/// a real batch runs.
#[test]
fn the_warm_up_file_is_read_as_a_verified_submission() {
    let (name, text) = WARM_UP_FILE;
    let FileReply::Submission { facts, .. } =
        read_file(name, text.as_bytes(), &builtins().unwrap())
    else {
        panic!("not read as a submission");
    };
    let facts = facts.facts.as_ref().expect("verified");
    assert!(facts.result_matches);
    assert_eq!(facts.school_type, crate::core::model::SchoolType::NineYear);
    let parts: BTreeSet<_> = facts.indicators.iter().map(|c| c.part).collect();
    assert_eq!(parts.len(), 2, "{parts:?}");
}

/// Files refused that this browser never keeps (not a submission by name or size, a copy of
/// one in the batch) come back with the batch after a reload, which could not find them
/// again: the officer once lost the list of files not counted. Each once, however often the
/// batch is saved and read back; neither a checklist refused for its problems (kept, found
/// again) nor the system's own files (not the schools') are among them.
#[test]
fn files_refused_are_still_listed_after_a_reload() {
    let mut b = Batch::new(builtins().unwrap());
    add(&mut b, "城关一小.json", &example());
    add(&mut b, "城关一小（副本）.json", &example());
    add(&mut b, "说明.docx", b"PK");
    add(&mut b, "._城关一小.json", b"\x00\x05");
    b.refused.push((
        "坏清单.json".into(),
        Refusal::BadChecklist {
            errors: crate::core::checklist::ChecklistErrors(Vec::new()),
        },
    ));
    let kept = serde_json::to_string(&b.choices()).unwrap();
    // The page again: the kept file read again, then the choices.
    let mut again = Batch::new(builtins().unwrap());
    add(&mut again, "城关一小.json", &example());
    again.restore_choices(serde_json::from_str(&kept).unwrap());
    again.restore_choices(serde_json::from_str(&kept).unwrap());
    assert_eq!(
        again.refused,
        vec![
            (
                "城关一小（副本）.json".to_string(),
                Refusal::SameContent {
                    kept: "城关一小.json".into()
                }
            ),
            ("说明.docx".to_string(), Refusal::NotJson),
        ]
    );
}

/// A refusal stored by a later version, worded otherwise, is left out; the officer's choices
/// and the other refusals are read all the same.
#[test]
fn a_stored_refusal_this_version_cannot_read_loses_nothing_else() {
    let stored = r#"{"picks":["a.json"],"county":"示例县","assigned":[],
        "refused":[["x.json",{"LaterReason":{"n":1}}],["说明.docx","NotJson"]]}"#;
    let choices: BatchChoices = serde_json::from_str(stored).unwrap();
    assert_eq!(choices.picks, vec!["a.json".to_string()]);
    assert_eq!(choices.county.as_deref(), Some("示例县"));
    assert_eq!(
        choices.refused,
        vec![("说明.docx".to_string(), Refusal::NotJson)]
    );
}

/// County mode's page warms up on copies of the example's reply: schools of their own, all
/// counted (copies of one school were once one school and 47 duplicates).
#[test]
fn the_warm_up_batch_is_as_many_schools_as_copies() {
    let (name, text) = WARM_UP_FILE;
    let known = crate::core::builtin::readable().unwrap();
    let reply = serde_json::to_string(&read_file(name, text.as_bytes(), &known)).unwrap();
    let batch = warm_up_batch(known, &reply, 12);
    assert_eq!(batch.len(), 12);
    let report = batch.report(&Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap());
    assert_eq!(report.schools.len(), 12);
    let ok = report
        .schools
        .iter()
        .filter(|s| s.status == crate::core::aggregate::FileStatus::Ok)
        .count();
    assert_eq!(
        ok,
        12,
        "{:?}",
        report.schools.iter().map(|s| &s.status).collect::<Vec<_>>()
    );
}

/// A checklist waiting for the officer says how many files of the batch were made with it
/// (they count only once it is adopted): the card did not, and one dropped alone looked the
/// same as one every school used.
#[test]
fn a_waiting_checklist_counts_the_files_made_with_it() {
    let mut b = Batch::new(builtins().unwrap());
    let text = include_str!("../../../../../checklists/zlpj-school-hengyang.json");
    assert_eq!(
        add(&mut b, "衡阳.json", text.as_bytes()),
        Added::ChecklistAwaiting
    );
    let waiting = b.awaiting[0].clone();
    assert_eq!(b.files_made_with(&waiting), 0);
    let made_with = |name: &str, id: &str, version: &str| FileReply::Submission {
        content: name.into(),
        facts: Box::new(FileFacts {
            file: name.into(),
            facts: Err(crate::core::export::ImportError::UnknownChecklist {
                id: id.into(),
                version: version.into(),
            }),
        }),
    };
    let version = waiting.doc().version.clone();
    for (name, id, version) in [
        ("a.json", "zlpj-school-hengyang", version.as_str()),
        ("b.json", "zlpj-school-hengyang", version.as_str()),
        ("c.json", "zlpj-school-hengyang", "2025.1"),
    ] {
        let n = b.accept(name, Some(10)).unwrap();
        let reply = made_with(name, id, version);
        assert_eq!(b.receive(n, b.generation(), reply), Added::Submission);
    }
    assert_eq!(
        b.files_made_with(&waiting),
        2,
        "not the one of another version"
    );
    add(&mut b, "school.json", &example());
    assert_eq!(b.files_made_with(&waiting), 2);
}
