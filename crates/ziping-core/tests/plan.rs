//! The 整改清单 follows the shortfalls, through the reducer, on a built-in checklist: the
//! principal fixes a value and the row says so; a fixed shortfall is marked, never re-added
//! once deleted; the school's own words are kept.

mod common;

use common::*;
use ziping_core::core::answers::{Part, Slot, Value};
use ziping_core::core::model::SchoolType;
use ziping_core::core::score::assess;
use ziping_core::core::time::Timestamp;
use ziping_core::i18n::shortfall_text;
use ziping_core::i18n::Lang;
use ziping_core::state::draft::{shortfall_problem, ChecklistSource, RowStatus};
use ziping_core::state::{Action, AppState, DraftEdit};

fn at() -> Timestamp {
    Timestamp::parse("2026-11-30T10:00:00+08:00").unwrap()
}

fn edit(edit: DraftEdit) -> Action {
    Action::Edit { edit, now: at() }
}

fn problems(
    state: &AppState,
    c: &ziping_core::core::checklist::Checklist,
) -> Vec<(String, String)> {
    let d = state.draft.as_ref().unwrap();
    assess(c, SchoolType::Primary, &d.answers)
        .shortfalls
        .iter()
        .map(|s| shortfall_problem(c, &d.answers, s))
        .collect()
}

fn set(state: AppState, id: &str, value: &str) -> AppState {
    state.reduce(edit(DraftEdit::SetAnswer {
        slot: Slot::whole(id),
        value: Some(Value::Number(value.into())),
    }))
}

#[test]
fn a_row_follows_g6_from_46_to_47_and_is_marked_met_at_45() {
    let c = builtin("yzjh-school");
    let mut state = AppState::default().reduce(Action::NewDraft {
        id: "d".into(),
        source: ChecklistSource::Builtin {
            id: "yzjh-school".into(),
        },
        now: at(),
    });
    state = state.reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)));
    for (slot, v) in example_school(&c, SchoolType::Primary).values {
        state = state.reduce(edit(DraftEdit::SetAnswer {
            slot,
            value: Some(v),
        }));
    }
    state = set(state, "G6", "46");
    // The reducer's shortfalls are the assessment's, as 整改 rows name them.
    assert_eq!(state.shortfalls(), problems(&state, &c));
    state = state.reduce(edit(DraftEdit::GeneratePlan));
    let row = |s: &AppState| s.draft.as_ref().unwrap().plan[0].clone();
    assert_eq!(state.draft.as_ref().unwrap().plan.len(), 1);
    assert!(
        row(&state).problem.contains("现为46人"),
        "{}",
        row(&state).problem
    );

    // The edit itself brings the generated row along (no page has to be looked at).
    let before = state.draft.as_ref().unwrap().revision;
    state = set(state, "G6", "47");
    assert_eq!(
        state.draft.as_ref().unwrap().revision,
        before + 1,
        "one revision for the edit and the row that follows it"
    );
    assert!(
        row(&state).problem.contains("现为47人，差2人"),
        "{}",
        row(&state).problem
    );

    state = set(state, "G6", "45");
    let p = problems(&state, &c);
    assert!(p.is_empty());
    state = state.reduce(edit(DraftEdit::GeneratePlan));
    assert_eq!(row(&state).status(&p), RowStatus::Resolved);

    // Deleted, then short again: not generated a second time.
    state = state.reduce(edit(DraftEdit::RemovePlanRow(row(&state).id)));
    state = set(state, "G6", "50");
    state = state.reduce(edit(DraftEdit::GeneratePlan));
    assert!(state.draft.as_ref().unwrap().plan.is_empty());
}

#[test]
fn shortfall_texts_say_which_reason_applies_in_both_languages() {
    let c = builtin("yzjh-school");
    let mut a = example_school(&c, SchoolType::Primary);
    // Teaching area 1,000 ㎡ for 800 students: 1.25 ㎡ each, far below 85 % of 4.5.
    a.set(Slot::whole("area_teaching"), Value::Number("1000".into()));
    a.set(Slot::whole("G6"), Value::Number("46".into()));
    let r = assess(&c, SchoolType::Primary, &a);
    let texts: Vec<(String, String)> = r
        .shortfalls
        .iter()
        .map(|s| {
            (
                shortfall_text(&c, &a, s, Lang::Zh),
                shortfall_text(&c, &a, s, Lang::En),
            )
        })
        .collect();
    let find = |needle: &str| {
        texts
            .iter()
            .find(|(zh, _)| zh.contains(needle))
            .unwrap_or_else(|| panic!("no shortfall with {needle}: {texts:#?}"))
            .clone()
    };
    let (zh, en) = find("班额");
    assert!(zh.ends_with("：要求≤ 45人，现为46人，差1人"), "{zh}");
    assert!(
        en.ends_with(": required ≤ 45 people, now 46 people, short by 1 person"),
        "{en}"
    );
    // The group rule: 6 of 7 still met, but one is below the floor; the text says that one.
    let (zh, en) = find("低于标准85%的");
    assert!(!zh.contains("项中"), "6 of 7 met is not the reason: {zh}");
    assert!(zh.contains("R4 生均教学及辅助用房面积"), "{zh}");
    assert!(en.contains("below 85% of the standard: R4"), "{en}");
    assert!(
        !en.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)),
        "English only: {en}"
    );
    let _ = Part::Whole;
}
