//! This year's draft from last year's file: what is copied and marked, what is not, last
//! year's 整改 rows reviewed, and the chain recorded in this year's file.

mod common;

use common::*;
use ziping_core::core::answers::{Part, Slot, Value};
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
    let last = last_year();
    (from_last_year(&last), last)
}

fn last_year() -> ziping_core::core::export::Export {
    example_exports()
        .into_iter()
        .find(|e| e.checklist.id == "zlpj-school")
        .unwrap()
}

/// This year's draft started from `last`.
fn from_last_year(last: &ziping_core::core::export::Export) -> Draft {
    let c = builtin("zlpj-school");
    let result = YearResult::from_stored(&last.result).unwrap();
    Draft::from_last_year(
        "d2".into(),
        LastYear {
            file: "last.json",
            export: last,
            result,
        },
        &c,
        ChecklistSource::Builtin {
            id: "zlpj-school".into(),
        },
        &at(),
    )
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
    // So are the fitness rates, which the source wants higher every year (篇三 第8项).
    for (last_year, this_year) in [
        ("fitness_pass_rate_last_year", "fitness_pass_rate_this_year"),
        ("fitness_good_rate_last_year", "fitness_good_rate_this_year"),
    ] {
        assert_eq!(
            d.answers.get(&Slot::whole(last_year)),
            last.answers.get(&Slot::whole(this_year)),
            "{last_year}"
        );
        // This year's rate starts as last year's, marked until the school types this year's.
        assert!(d.inherited.contains(&Slot::whole(this_year)));
    }
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
    let problems = shortfall_problems(&c, &d.answers, &assess(&c, t, &d.answers));
    assert_eq!(s.shortfalls(), problems);
    let s = s
        .reduce(edit(DraftEdit::GeneratePlan))
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
    let problems = shortfall_problems(&c, &d.answers, &assess(&c, t, &d.answers));
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

#[test]
fn a_file_of_an_older_checklist_version_is_compared_as_it_stored_its_result() {
    use ziping_core::state::draft::known_here;
    use ziping_core::state::last_year::{start_from_file, StartError};
    // Last year's file was made with 办学质量 2026.3; this computer has 2026.4 only, so last
    // year's result is taken as the file stored it (its digest still checked).
    let dir = format!(
        "{}/../../tests/corpus/last-year",
        env!("CARGO_MANIFEST_DIR")
    );
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let bytes = std::fs::read(path).unwrap();
    let builtins = ziping_core::core::builtin::builtins().unwrap();
    assert!(
        verify(&bytes, &builtins).is_err(),
        "its checklist version is not here"
    );
    let last = read(&bytes).unwrap();
    let started = start_from_file(
        "d3".into(),
        "old.json",
        &bytes,
        &known_here(&builtins, &[]).0,
        &at(),
    )
    .unwrap();
    assert!(
        !started.result_differs,
        "not recomputed: nothing to compare"
    );
    let d = started.draft;
    let previous = d.previous.as_ref().unwrap();
    assert_eq!(previous.checklist.version, "2026.3");
    assert_eq!(
        previous.result,
        YearResult::from_stored(&last.result).unwrap()
    );
    assert!(matches!(&d.checklist, ChecklistSource::Builtin { id } if id == "zlpj-school"));
    assert_eq!(
        d.answers.get(&Slot::whole("myopia_rate_last_year")),
        last.answers.get(&Slot::whole("myopia_rate_this_year"))
    );
    // Not a submission; a checklist this computer has no version of: each said so.
    assert!(matches!(
        start_from_file(
            "d4".into(),
            "x.json",
            b"{",
            &known_here(&builtins, &[]).0,
            &at()
        ),
        Err(StartError::File(_))
    ));
    let yzjh_only: Vec<_> = builtins
        .into_iter()
        .filter(|c| c.doc().id == "yzjh-school")
        .collect();
    assert!(matches!(
        start_from_file(
            "d5".into(),
            "old.json",
            &bytes,
            &known_here(&yzjh_only, &[]).0,
            &at()
        ),
        Err(StartError::NoChecklist { id }) if id == "zlpj-school"
    ));
}

/// A shared input is the whole school's value: a stray per-part value of it in last year's
/// file (漳江's `area_teaching@junior: 0` beside its 15000) never replaces it (it did, silently:
/// R4 fell to 0 ㎡ and the grade to 未达标).
#[test]
fn a_stray_part_value_of_a_shared_input_does_not_replace_the_whole_schools() {
    use ziping_core::state::draft::known_here;
    use ziping_core::state::last_year::start_from_file;
    let builtins = ziping_core::core::builtin::builtins().unwrap();
    let known = known_here(&builtins, &[]).0;
    let bytes = std::fs::read(format!(
        "{}/../../examples/示例县-漳江九年一贯制学校-yzjh-school-2026-2027-2026-11-20.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let last = read(&bytes).unwrap();
    assert_eq!(
        last.answers.get(&Slot::new("area_teaching", Part::Junior)),
        Some(&Value::Number("0".into())),
        "the stray value this test is about"
    );
    let d = start_from_file("d8".into(), "zj.json", &bytes, &known, &at())
        .unwrap()
        .draft;
    assert_eq!(
        d.answers.get(&Slot::whole("area_teaching")),
        Some(&Value::Number("15000".into()))
    );
}

/// Last year's file whose stored result is not the one its answers give (edited and sealed
/// again): compared on its answers, and the principal is told so, as when opening a file.
#[test]
fn last_year_s_file_with_another_stored_result_is_said_to_differ() {
    use ziping_core::state::draft::known_here;
    use ziping_core::state::last_year::start_from_file;
    let builtins = ziping_core::core::builtin::builtins().unwrap();
    let known = known_here(&builtins, &[]).0;
    let edited = std::fs::read(format!(
        "{}/../../tests/corpus/import/55-huge-points.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let started = start_from_file("d6".into(), "55.json", &edited, &known, &at()).unwrap();
    assert!(started.result_differs);
    let recomputed = verify(&edited, &builtins).unwrap().recomputed;
    assert_eq!(
        started.draft.previous.as_ref().unwrap().result,
        YearResult::of(&recomputed),
        "compared on its answers"
    );
    let said = ziping_core::report::notice::notice_text(
        ziping_core::i18n::Lang::Zh,
        &ziping_core::state::Notice::StartedFromLastYear {
            name: "55.json".into(),
        },
        &|slot| slot.to_string(),
    );
    assert_eq!(
        said,
        "上年文件“55.json”中保存的得分与按它的原始数据重新计算的不同（文件导出后可能被改动过）：与上年比较按重新计算的结果。"
    );
    // An example school's own file: nothing to say.
    let example = std::fs::read(format!(
        "{}/../../examples/{}",
        env!("CARGO_MANIFEST_DIR"),
        "示例县-城关镇第一小学-yzjh-school-2026-2027-2026-11-20.json"
    ))
    .unwrap();
    assert!(
        !start_from_file("d7".into(), "a.json", &example, &known, &at())
            .unwrap()
            .result_differs
    );
}

/// The next school year's files of the three example schools, made the way the app makes them
/// (each started from its example file, last year's answers entered again, some changed), for
/// the county's two-year e2e test. `ZIPING_WRITE_EXAMPLES=1` rewrites them. 城关镇第一小学
/// gained teachers, brought its classes down to 45 and reports its 整改 row done; 漳江九年一贯制学校 started afresh (no link to
/// last year, its 整改 row not reported) and lost 小学 teachers; 桃花源中学 reports one of its
/// two rows.
#[test]
fn next_year_fixtures_are_produced_by_the_code() {
    use ziping_core::core::aggregate::{aggregate, reduce, FollowUp, Options};
    use ziping_core::core::builtin::builtins;
    let write = std::env::var("ZIPING_WRITE_EXAMPLES").is_ok();
    let dir = format!(
        "{}/../../tests/corpus/next-year",
        env!("CARGO_MANIFEST_DIR")
    );
    let now = Timestamp::parse("2027-11-19T10:00:00+08:00").unwrap();
    let mut texts: Vec<(String, String)> = Vec::new();
    for last in example_exports() {
        let c = builtin(&last.checklist.id);
        let mut d = Draft::from_last_year(
            "next".into(),
            LastYear {
                file: "last.json",
                export: &last,
                result: YearResult::from_stored(&last.result).unwrap(),
            },
            &c,
            ChecklistSource::Builtin {
                id: last.checklist.id.clone(),
            },
            &now,
        );
        for (slot, value) in &last.answers.values {
            d.set_answer(slot.clone(), Some(value.clone()), &now);
        }
        d.answers.notes = last.answers.notes.clone();
        let t = d.profile.school_type.unwrap();
        match last.profile.school_name.as_str() {
            "城关镇第一小学" => {
                d.set_answer(whole("teachers_above_degree"), Some(num("60")), &now);
                d.set_answer(whole("G6"), Some(num("45")), &now);
                for r in d.review.clone() {
                    d.set_review_status(r.row.id, ReviewStatus::Done, &now);
                    d.set_review_field(
                        r.row.id,
                        ReviewField::Done,
                        "新招聘本科及以上学历教师20名".into(),
                        &now,
                    );
                }
            }
            "漳江九年一贯制学校" => {
                d.previous = None;
                d.review.clear();
                d.set_answer(
                    "teachers_above_degree@primary".parse().unwrap(),
                    Some(num("1")),
                    &now,
                );
            }
            _ => {
                let first = d.review[0].row.id;
                d.set_review_status(first, ReviewStatus::InProgress, &now);
            }
        }
        d.inherited.clear();
        let problems = shortfall_problems(&c, &d.answers, &assess(&c, t, &d.answers));
        d.sync_plan(&problems, true, &now);
        texts.push(d.submission(&c, &problems, &now, "examples").unwrap());
    }
    for (name, text) in &texts {
        let path = format!("{dir}/{name}");
        if write {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, text).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{path} is missing: run with ZIPING_WRITE_EXAMPLES=1"));
        assert!(
            &on_disk == text,
            "{path} is out of date: run with ZIPING_WRITE_EXAMPLES=1"
        );
    }

    // Both years in the county: six schools counted, each beside its last year.
    let known = builtins().unwrap();
    let mut facts: Vec<_> = example_exports()
        .iter()
        .map(|e| {
            let text = ziping_core::core::export::to_text(e).unwrap();
            reduce("last.json", text.as_bytes(), &known)
        })
        .collect();
    facts.extend(
        texts
            .iter()
            .map(|(name, text)| reduce(name, text.as_bytes(), &known)),
    );
    let options = Options {
        now: &ziping_core::core::time::Timestamp::parse("2027-12-01T00:00:00+08:00").unwrap(),
        county: None,
        picks: &[],
        settings: None,
        assigned: &[],
    };
    let r = aggregate(&facts.iter().collect::<Vec<_>>(), &known, &options);
    assert!(r.schools.iter().all(|s| s.status.counted()), "{r:?}");
    assert_eq!(r.school_years(), ["2026-2027", "2027-2028"]);
    let this: Vec<(&str, Option<usize>, FollowUp)> = r.schools[3..]
        .iter()
        .map(|s| (s.school_name.as_str(), s.last_year, s.follow_up))
        .collect();
    assert_eq!(
        this,
        [
            (
                "城关镇第一小学",
                Some(0),
                FollowUp::Reported {
                    rows: 1,
                    done: 1,
                    unset: 0
                }
            ),
            (
                "桃花源中学",
                Some(1),
                FollowUp::Reported {
                    rows: 2,
                    done: 0,
                    unset: 1
                }
            ),
            ("漳江九年一贯制学校", Some(2), FollowUp::Missing { rows: 1 }),
        ]
    );
    let r1 = |n: usize, part| {
        r.change_of(n)
            .unwrap()
            .indicators
            .into_iter()
            .find(|i| i.item == "R1" && i.part == part)
            .unwrap()
            .change
    };
    use ziping_core::core::answers::Part;
    use ziping_core::core::history::Change;
    assert_eq!(r1(3, Part::Whole), Change::Improved);
    assert_eq!(r1(5, Part::Primary), Change::NewlyShort);
}

/// An amount typed in 万元 last year comes back in 万元, as typed.
#[test]
fn an_amount_typed_in_wan_yuan_last_year_is_still_in_wan_yuan() {
    let mut last = last_year();
    let budget = Slot::whole("public_funds_budget");
    last.answers
        .set(budget.clone(), Value::Number("180".into()));
    last.answers.set_wan_yuan(budget.clone(), true);
    let d = from_last_year(&last);
    assert_eq!(d.answers.get(&budget), Some(&Value::Number("180".into())));
    assert!(d.answers.wan_yuan.contains(&budget));
    assert_eq!(d.answers.number(&budget), Some(Ok(1_800_000.0)));
}
