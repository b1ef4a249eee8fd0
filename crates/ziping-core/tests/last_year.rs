//! This year's draft from last year's file: what is copied and marked, what is not, last
//! year's 整改 rows reviewed, and the chain recorded in this year's file.

mod common;

use common::*;
use ziping_core::core::answers::{Slot, Value};
use ziping_core::core::export::{read, verify};
use ziping_core::core::history::YearResult;
use ziping_core::core::school::{ReviewField, ReviewStatus};
use ziping_core::core::score::assess;
use ziping_core::core::time::Timestamp;
use ziping_core::state::draft::{shortfall_problems, ChecklistSource, Draft};
use ziping_core::state::last_year::LastYear;
use ziping_core::state::{Action, AppState, DraftEdit, Page};

fn at() -> Timestamp {
    Timestamp::parse("2027-11-20T09:00:00+08:00").unwrap()
}

fn edit(edit: DraftEdit) -> Action {
    Action::Edit { edit, now: at() }
}

/// Last year's 办学质量 example (it has 近视率 and a 整改清单) as this year's draft.
fn this_year() -> (Draft, ziping_core::core::export::Export) {
    let last = example_exports()
        .into_iter()
        .find(|e| e.checklist.id == "zlpj-school")
        .unwrap();
    let c = builtin("zlpj-school");
    let result = YearResult::from_stored(&last.result).unwrap();
    let draft = Draft::from_last_year(
        "d2".into(),
        LastYear {
            file: "last.json",
            export: &last,
            result,
        },
        &c,
        ChecklistSource::Builtin {
            id: "zlpj-school".into(),
        },
        at().as_str(),
    );
    (draft, last)
}

#[test]
fn the_profile_and_raw_data_are_copied_and_marked_the_answers_are_not() {
    let (d, last) = this_year();
    assert_eq!(d.profile.school_name, last.profile.school_name);
    assert_eq!(d.profile.school_year, "2027-2028");
    let students = Slot::whole("students");
    assert_eq!(d.answers.get(&students), last.answers.get(&students));
    assert!(d.inherited.contains(&students));
    // Last year's 本学年近视率 is this year's 上学年近视率: no difference to type.
    assert_eq!(
        d.answers.get(&Slot::whole("myopia_rate_last_year")),
        last.answers.get(&Slot::whole("myopia_rate_this_year"))
    );
    assert!(d.inherited.contains(&Slot::whole("myopia_rate_last_year")));
    // Items are judged afresh: none is copied.
    assert!(d.answers.get(&Slot::whole("B1.1.1")).is_none());
    assert_eq!(d.review.len(), last.plan.len());
    assert!(d.review.iter().all(|r| r.status == ReviewStatus::Unset));
    let previous = d.previous.as_ref().unwrap();
    assert_eq!(previous.reference.digest, last.digest);
    assert_eq!(previous.reference.school_year, "2026-2027");
}

#[test]
fn a_copied_value_is_confirmed_or_changed_and_an_answer_copied_on_request() {
    let (d, last) = this_year();
    let s = AppState::default().reduce(Action::StartedFromLastYear { draft: Box::new(d) });
    assert_eq!(s.page(), Page::Profile);
    let students = Slot::whole("students");
    let classes = Slot::whole("classes");
    let s = s
        .reduce(edit(DraftEdit::ConfirmInherited(students.clone())))
        .reduce(edit(DraftEdit::SetAnswer {
            slot: classes.clone(),
            value: Some(Value::Number("20".into())),
        }));
    let d = s.draft.as_ref().unwrap();
    assert!(!d.inherited.contains(&students) && !d.inherited.contains(&classes));
    assert_eq!(
        d.answers.get(&students),
        last.answers.get(&students),
        "kept as it was"
    );
    // An item's answer, copied because the school asks: marked until confirmed.
    let s = s.reduce(edit(DraftEdit::CopyLastYear("B1.1.1".into())));
    let d = s.draft.as_ref().unwrap();
    let item = Slot::whole("B1.1.1");
    assert_eq!(d.answers.get(&item), last.answers.get(&item));
    assert!(d.inherited.contains(&item));
    let s = s.reduce(edit(DraftEdit::ConfirmAllInherited));
    assert!(s.draft.as_ref().unwrap().inherited.is_empty());
}

#[test]
fn last_years_rows_are_reviewed_and_linked_to_this_years_when_the_shortfall_persists() {
    let (d, last) = this_year();
    let c = builtin("zlpj-school");
    let first = last.plan[0].clone();
    let mut s = AppState::default().reduce(Action::StartedFromLastYear { draft: Box::new(d) });
    // This year's answers are last year's: the same shortfalls, so the same 整改 rows.
    for (slot, value) in &last.answers.values {
        s = s.reduce(edit(DraftEdit::SetAnswer {
            slot: slot.clone(),
            value: Some(value.clone()),
        }));
    }
    let d = s.draft.as_ref().unwrap();
    let t = d.profile.school_type.unwrap();
    let problems = shortfall_problems(&c, &assess(&c, t, &d.answers));
    let s = s
        .reduce(edit(DraftEdit::GeneratePlan(problems)))
        .reduce(edit(DraftEdit::SetReviewStatus {
            id: first.id,
            status: ReviewStatus::InProgress,
        }))
        .reduce(edit(DraftEdit::SetReviewField {
            id: first.id,
            field: ReviewField::Done,
            value: "已招聘两名教师".into(),
        }));
    let d = s.draft.as_ref().unwrap();
    assert_eq!(d.review[0].status, ReviewStatus::InProgress);
    assert_eq!(d.review[0].done, "已招聘两名教师");
    assert_eq!(d.unreviewed(), d.review.len() - 1);
    assert_eq!(d.carried_on(&first).unwrap().from, first.from);

    // This year's file records last year's file and the review; the county reads both back.
    let problems = shortfall_problems(&c, &assess(&c, t, &d.answers));
    let (name, text) = d.submission(&c, &problems, &at(), "test").unwrap();
    assert!(name.contains("2027-2028"));
    let back = read(text.as_bytes()).unwrap();
    assert_eq!(back.previous.as_ref().unwrap().digest, last.digest);
    assert_eq!(back.review[0].done, "已招聘两名教师");
    assert!(verify(text.as_bytes(), &builtins_all())
        .unwrap()
        .result_matches());
}

fn builtins_all() -> Vec<ziping_core::core::checklist::Checklist> {
    ziping_core::core::builtin::builtins().unwrap()
}
