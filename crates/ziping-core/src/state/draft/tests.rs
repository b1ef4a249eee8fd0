//! The draft's tests: the plan's rows generated, removed, restored and brought back; edits.

use super::*;

/// A moment for an edit: second `n` of a fixed minute.
fn t(n: u32) -> Timestamp {
    Timestamp::parse(&format!("2026-11-30T10:00:{n:02}+08:00")).unwrap()
}

fn draft() -> Draft {
    Draft::new(
        "d1".into(),
        ChecklistSource::Builtin {
            id: "yzjh-school".into(),
        },
        &t(0),
    )
}

/// The browser lets go of evidence files no stored draft names, finding the names in the
/// drafts' text as `"sha256":"<64 lowercase hex>"` (src/app/browser/idb.js,
/// `idbCollectEvidence`): a draft written any other way would lose its files' bytes.
#[test]
fn a_stored_draft_names_its_evidence_files_as_the_browser_looks_for_them() {
    let mut d = draft();
    let a = crate::core::export::Attachment::describe("R4", "照片.jpg", "image/jpeg", b"bytes");
    assert!(
        a.sha256.len() == 64
            && a.sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
    d.attachments.push(a.clone());
    let text = serde_json::to_string(&d).unwrap();
    assert!(
        text.contains(&format!("\"sha256\":\"{}\"", a.sha256)),
        "{text}"
    );
}

#[test]
fn every_change_raises_the_revision() {
    let mut d = draft();
    d.set_profile(ProfileField::SchoolName, "城关小学".into(), &t(1));
    d.set_answer(Slot::whole("Q2"), Some(Value::Yes), &t(2));
    d.set_note("Q2".into(), "见章程".into(), &t(3));
    assert_eq!(d.revision, 3);
    assert_eq!(d.updated, t(3).as_str());
    d.set_answer(Slot::whole("Q2"), None, &t(4));
    assert!(d.answers.values.is_empty());
    assert_eq!(d.answers.notes["Q2"], "见章程");
}

#[test]
fn plan_generation_keeps_edited_rows_and_adds_only_new_ones() {
    let mut d = draft();
    let problems = vec![
        ("R1".to_string(), "问题一".to_string()),
        ("G6".to_string(), "问题二".to_string()),
    ];
    assert_eq!(d.sync_plan(&problems, true, &t(0)), 2);
    d.set_plan_field(1, PlanField::Measure, "引进教师".into(), &t(0));
    d.add_plan_row(&t(0));
    assert_eq!(d.sync_plan(&problems, true, &t(0)), 0);
    assert_eq!(d.plan.len(), 3);
    assert_eq!(d.plan[0].measure, "引进教师");
    d.remove_plan_row(2, &t(0));
    assert_eq!(d.plan.iter().map(|r| r.id).collect::<Vec<_>>(), vec![1, 3]);
}

fn rows(d: &Draft, problems: &[(String, String)]) -> Vec<(String, RowStatus)> {
    d.plan
        .iter()
        .map(|r| (r.problem.clone(), r.status(problems)))
        .collect()
}

#[test]
fn a_generated_row_follows_its_shortfall_until_the_school_edits_it() {
    let p = |text: &str| vec![("G6".to_string(), text.to_string())];
    let mut d = draft();
    assert_eq!(d.sync_plan(&p("班额：现为47人"), true, &t(1)), 1);
    // The class shrinks: the row says so (it was never edited).
    assert_eq!(d.sync_plan(&p("班额：现为46人"), false, &t(2)), 0);
    assert_eq!(
        rows(&d, &p("班额：现为46人")),
        [("班额：现为46人".into(), RowStatus::Open)]
    );
    // Met now: the row stays, marked resolved, offered for removal; nothing is added.
    assert_eq!(d.sync_plan(&[], true, &t(3)), 0);
    assert_eq!(
        rows(&d, &[]),
        [("班额：现为46人".into(), RowStatus::Resolved)]
    );
    // The school's own words are never overwritten.
    d.set_plan_field(1, PlanField::Problem, "大班额（三年级）".into(), &t(4));
    d.sync_plan(&p("班额：现为48人"), true, &t(5));
    assert_eq!(
        rows(&d, &p("班额：现为48人")),
        [("大班额（三年级）".into(), RowStatus::Open)]
    );
}

#[test]
fn a_deleted_row_stays_deleted_and_own_rows_are_left_alone() {
    let problems = vec![
        ("R1".to_string(), "问题一".to_string()),
        ("G6".to_string(), "问题二".to_string()),
    ];
    let mut d = draft();
    d.sync_plan(&problems, true, &t(0));
    d.add_plan_row(&t(0));
    d.set_plan_field(3, PlanField::Problem, "校园绿化不足".into(), &t(0));
    d.remove_plan_row(1, &t(0));
    assert_eq!(
        d.sync_plan(&problems, true, &t(0)),
        0,
        "R1 is not generated again"
    );
    assert_eq!(
        rows(&d, &problems),
        [
            ("问题二".to_string(), RowStatus::Open),
            ("校园绿化不足".to_string(), RowStatus::Own)
        ]
    );
    // Removing a row the school wrote remembers nothing.
    d.remove_plan_row(3, &t(0));
    assert_eq!(d.plan_dismissed, ["R1"]);
}

#[test]
fn a_removed_row_comes_back_where_it_was_with_what_was_typed() {
    let problems = vec![
        ("R1".to_string(), "问题一".to_string()),
        ("G6".to_string(), "问题二".to_string()),
    ];
    let mut d = draft();
    d.sync_plan(&problems, true, &t(0));
    d.set_plan_field(1, PlanField::Measure, "新建综合楼".into(), &t(0));
    let before = d.plan.clone();
    let (at, row) = d.remove_plan_row(1, &t(0)).expect("row 1 exists");
    assert_eq!(at, 0);
    assert_eq!(d.plan_dismissed, ["R1"]);
    d.restore_plan_row(at, row, &t(0));
    assert_eq!(d.plan, before, "the same row, in the same place");
    assert!(
        d.plan_dismissed.is_empty(),
        "generated again if deleted again later"
    );
    // Restoring twice does not make two rows.
    let (at, row) = d.remove_plan_row(2, &t(0)).unwrap();
    d.restore_plan_row(at, row.clone(), &t(0));
    d.restore_plan_row(at, row, &t(0));
    assert_eq!(d.plan.len(), 2);
    // Brought back by 恢复这些行 before 撤销: still one row for the shortfall.
    let (at, row) = d.remove_plan_row(1, &t(0)).unwrap();
    assert_eq!(d.bring_back_dismissed(&problems, &t(0)), 1);
    d.restore_plan_row(at, row, &t(0));
    assert_eq!(
        d.plan
            .iter()
            .filter(|r| r.from.as_deref() == Some("R1"))
            .count(),
        1
    );
}

#[test]
fn deleted_rows_of_shortfalls_still_unmet_can_be_brought_back() {
    let problems = vec![
        ("R1".to_string(), "问题一".to_string()),
        ("G6".to_string(), "问题二".to_string()),
    ];
    let mut d = draft();
    d.sync_plan(&problems, true, &t(0));
    d.remove_plan_row(1, &t(0));
    d.remove_plan_row(2, &t(0));
    // G6 is met now: only R1 is still a shortfall without a row.
    let now = vec![("R1".to_string(), "问题一（新）".to_string())];
    assert_eq!(d.dismissed_unmet(&now), ["R1"]);
    assert_eq!(d.bring_back_dismissed(&now, &t(0)), 1);
    assert_eq!(
        rows(&d, &now),
        [("问题一（新）".to_string(), RowStatus::Open)]
    );
    assert_eq!(d.plan_dismissed, ["G6"], "a met shortfall stays dismissed");
    assert!(d.dismissed_unmet(&now).is_empty());
}

#[test]
fn syncing_what_is_already_in_sync_changes_nothing() {
    let problems = vec![("R1".to_string(), "问题一".to_string())];
    let mut d = draft();
    d.sync_plan(&problems, true, &t(1));
    let before = d.clone();
    assert_eq!(d.sync_plan(&problems, false, &t(2)), 0);
    assert_eq!(d, before, "no new revision for nothing");
}

#[test]
fn builtin_sources_load() {
    assert!(draft().checklist.load().is_ok());
    let missing = ChecklistSource::Builtin { id: "nope".into() };
    assert_eq!(
        missing.load(),
        Err(SourceError::UnknownBuiltin("nope".into()))
    );
    let bad = ChecklistSource::File {
        name: "x.json".into(),
        text: "{".into(),
    };
    assert!(matches!(bad.load(), Err(SourceError::Invalid(_))));
}

#[test]
fn a_draft_round_trips_as_stored() {
    let mut d = draft();
    d.set_school_type(SchoolType::NineYear, None, &t(1));
    d.set_answer(
        Slot::new("students", crate::core::answers::Part::Junior),
        Some(Value::Number("１２0".into())),
        &t(2),
    );
    let text = serde_json::to_string(&d).unwrap();
    assert_eq!(serde_json::from_str::<Draft>(&text).unwrap(), d);
}

/// 恢复这些行 puts a row back where its shortfall is in the checklist, not after the rows
/// added since (it went to the end, after the school's own rows too).
#[test]
fn a_row_brought_back_takes_its_place_in_the_checklists_order() {
    let problems = vec![
        ("R1".to_string(), "问题一".to_string()),
        ("G6".to_string(), "问题二".to_string()),
        ("Q5".to_string(), "问题三".to_string()),
    ];
    let mut d = draft();
    d.sync_plan(&problems, true, &t(0));
    d.remove_plan_row(2, &t(0));
    d.add_plan_row(&t(0));
    d.set_plan_field(4, PlanField::Problem, "校园绿化不足".into(), &t(0));
    assert_eq!(d.bring_back_dismissed(&problems, &t(0)), 1);
    let order: Vec<&str> = d.plan.iter().map(|r| r.problem.as_str()).collect();
    assert_eq!(order, ["问题一", "问题二", "问题三", "校园绿化不足"]);
    // A shortfall new since the plan was made goes to its place too.
    let more = vec![
        ("R0".to_string(), "问题零".to_string()),
        problems[0].clone(),
        problems[1].clone(),
        problems[2].clone(),
    ];
    assert_eq!(d.sync_plan(&more, true, &t(0)), 1);
    assert_eq!(d.plan[0].problem, "问题零");
}
