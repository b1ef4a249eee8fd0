//! The reducer's own tests: what each action does to the state.

use super::*;

fn at() -> Timestamp {
    Timestamp::parse("2026-11-30T10:00:00+08:00").unwrap()
}

fn edit(edit: DraftEdit) -> Action {
    Action::Edit { edit, now: at() }
}

fn with_draft() -> AppState {
    AppState::default().reduce(Action::NewDraft {
        id: "d1".into(),
        source: ChecklistSource::Builtin {
            id: "zlpj-school".into(),
        },
        now: at(),
    })
}

#[test]
fn toggling_twice_returns_to_chinese() {
    let s = AppState::default();
    let once = s.reduce(Action::ToggleLang);
    assert_eq!(once.prefs.lang, Lang::En);
    assert_eq!(once.reduce(Action::ToggleLang).prefs.lang, Lang::Zh);
}

#[test]
fn prefs_round_trip_as_stored() {
    let p = Prefs {
        lang: Lang::En,
        last_draft: Some("d1".into()),
        last_page: Page::Fill { area: 2 },
    };
    let text = serde_json::to_string(&p).unwrap();
    assert_eq!(
        text,
        r#"{"lang":"en","last_draft":"d1","last_page":{"page":"fill","area":2}}"#
    );
    assert_eq!(serde_json::from_str::<Prefs>(&text).unwrap(), p);
    // Older stored prefs (language only) still load.
    assert_eq!(
        serde_json::from_str::<Prefs>(r#"{"lang":"zh"}"#).unwrap(),
        Prefs::default()
    );
}

#[test]
fn a_new_draft_opens_on_its_profile_and_waits_to_be_saved() {
    let s = with_draft();
    assert_eq!(s.page(), Page::Profile);
    assert_eq!(s.save_status(), SaveStatus::Pending);
    assert!(s.dirty());
    assert_eq!(s.prefs.last_draft.as_deref(), Some("d1"));
    let saved = s.reduce(Action::Flush).reduce(Action::Saved {
        revision: 0,
        at: "10:32".into(),
    });
    assert!(!saved.dirty());
    assert_eq!(
        saved.save_status(),
        SaveStatus::Saved { at: "10:32".into() }
    );
}

#[test]
fn edits_mark_the_draft_pending_until_saved_at_that_revision() {
    let s = with_draft().reduce(Action::Flush).reduce(Action::Saved {
        revision: 0,
        at: "10:00".into(),
    });
    let s = s.reduce(edit(DraftEdit::SetAnswer {
        slot: Slot::whole("B2.1.1"),
        value: Some(Value::Yes),
    }));
    assert_eq!(s.save_status(), SaveStatus::Pending);
    // A save of an older revision (typing went on meanwhile) leaves it pending.
    let s = s
        .reduce(Action::Flush)
        .reduce(edit(DraftEdit::SetNote {
            item: "B2.1.1".into(),
            note: "课表".into(),
        }))
        .reduce(Action::Saved {
            revision: 1,
            at: "10:01".into(),
        });
    assert_eq!(s.save_status(), SaveStatus::Pending);
    let s = s.reduce(Action::Flush).reduce(Action::Saved {
        revision: 2,
        at: "10:02".into(),
    });
    assert_eq!(s.save_status(), SaveStatus::Saved { at: "10:02".into() });
}

#[test]
fn a_failed_save_stays_visible_and_keeps_the_answers() {
    let s = with_draft()
        .reduce(edit(DraftEdit::SetProfile {
            field: ProfileField::SchoolName,
            value: "城关小学".into(),
        }))
        .reduce(Action::Flush)
        .reduce(Action::SaveFailed)
        .reduce(edit(DraftEdit::SetProfile {
            field: ProfileField::County,
            value: "桃源县".into(),
        }));
    assert_eq!(s.save_status(), SaveStatus::Failed);
    let d = s.draft.as_ref().unwrap();
    assert_eq!(
        (d.profile.school_name.as_str(), d.profile.county.as_str()),
        ("城关小学", "桃源县")
    );
}

#[test]
fn what_waits_when_the_page_goes_is_the_latest_revision_over_the_stored_one() {
    let saved = with_draft().reduce(Action::Flush).reduce(Action::Saved {
        revision: 0,
        at: "t".into(),
    });
    assert!(saved.unsaved().is_none(), "everything is stored");
    let typed = saved.reduce(edit(DraftEdit::SetNote {
        item: "x".into(),
        note: "刚输入的".into(),
    }));
    // A save under way when the page goes: the latest revision still waits.
    let writing = typed.reduce(Action::Flush);
    for s in [&typed, &writing] {
        let (draft, base, summary) = s.unsaved().expect("changes wait");
        assert_eq!(draft.revision, s.draft.as_ref().unwrap().revision);
        assert!(draft.revision > 0);
        assert_eq!(base, Some(0), "over the revision this tab stored");
        assert_eq!(summary.id, draft.id);
    }
    // Another tab's newer revision waits for the person: nothing is written over it.
    let conflict = writing.reduce(Action::Conflict { theirs: 5 });
    assert!(conflict.unsaved().is_none());
    // A draft never stored is written too (over nothing).
    assert_eq!(with_draft().unsaved().map(|(_, base, _)| base), Some(None));
}

#[test]
fn a_conflict_is_kept_until_the_user_decides() {
    let s = with_draft()
        .reduce(Action::Flush)
        .reduce(Action::Saved {
            revision: 0,
            at: "t".into(),
        })
        .reduce(edit(DraftEdit::SetNote {
            item: "x".into(),
            note: "mine".into(),
        }))
        .reduce(Action::Flush)
        .reduce(Action::Conflict { theirs: 5 });
    assert!(s.saving.is_none(), "the write ended");
    assert_eq!(
        s.reduce(Action::Flush).saving,
        None,
        "nothing written over theirs"
    );
    assert_eq!(s.save_status(), SaveStatus::Conflict { theirs: 5 });
    let s = s.reduce(Action::Saved {
        revision: 1,
        at: "t".into(),
    });
    assert_eq!(
        s.save_status(),
        SaveStatus::Conflict { theirs: 5 },
        "a save does not clear a conflict"
    );
    let s = s.reduce(Action::KeepMine);
    assert_eq!(s.save_status(), SaveStatus::Pending);
    assert_eq!(s.saver.stored(), Some(5));
    assert_eq!(
        s.draft.as_ref().unwrap().revision,
        6,
        "ours now counts as newer"
    );
}

#[test]
fn restoring_returns_to_the_draft_and_page() {
    let draft = Draft::new(
        "d7".into(),
        ChecklistSource::Builtin {
            id: "zlpj-school".into(),
        },
        &at(),
    );
    let s = AppState::default().reduce(Action::Restored {
        drafts: vec![],
        open: Some((Box::new(draft), Page::Fill { area: 3 })),
    });
    assert!(s.loaded);
    assert_eq!(s.page(), Page::Fill { area: 3 });
    assert!(!s.dirty());
    let none = AppState::default().reduce(Action::Restored {
        drafts: vec![],
        open: None,
    });
    assert_eq!(
        (none.loaded, none.page(), none.prefs.last_draft.clone()),
        (true, Page::Start, None)
    );
}

#[test]
fn an_imported_draft_opens_on_its_results_and_is_saved_next() {
    let draft = Draft::new(
        "imp".into(),
        ChecklistSource::Builtin {
            id: "zlpj-school".into(),
        },
        &at(),
    );
    let s = AppState::default().reduce(Action::Imported {
        draft: Box::new(draft),
    });
    assert_eq!(s.page(), Page::Results);
    assert!(s.dirty());
    assert_eq!(s.save_status(), SaveStatus::Pending);
}

#[test]
fn a_place_stored_as_county_mode_returns_to_the_start() {
    let prefs: Prefs =
        serde_json::from_str(r#"{"lang":"en","last_page":{"page":"county"}}"#).unwrap();
    assert_eq!((prefs.lang, prefs.last_page), (Lang::En, Page::Start));
}

#[test]
fn edits_without_a_draft_do_nothing() {
    let s = AppState::default();
    let after = s.reduce(edit(DraftEdit::SetAnswer {
        slot: Slot::whole("x"),
        value: Some(Value::Yes),
    }));
    assert_eq!(after, s);
    assert_eq!(s.reduce(Action::Go(Page::Results)).page(), Page::Start);
}

#[test]
fn notices_count_up_so_repeats_are_announced() {
    let s = AppState::default()
        .reduce(Action::Notify(Notice::ReloadedNewer))
        .reduce(Action::Notify(Notice::ReloadedNewer));
    assert_eq!(s.notice, Some((1, Notice::ReloadedNewer)));
}

#[test]
fn one_save_at_a_time_and_none_while_the_user_decides() {
    let s = with_draft();
    assert!(s.wants_save());
    let s = s.reduce(Action::Flush);
    assert_eq!(s.saving.as_ref().map(|d| d.revision), Some(0));
    assert!(!s.wants_save(), "a second save waits for the first");
    // Typing goes on while the first save runs; a flush now starts nothing.
    let s = s
        .reduce(edit(DraftEdit::SetNote {
            item: "B1".into(),
            note: "x".into(),
        }))
        .reduce(Action::Flush);
    assert_eq!(s.saving.as_ref().map(|d| d.revision), Some(0));
    let s = s.reduce(Action::Saved {
        revision: 0,
        at: "10:00".into(),
    });
    assert_eq!(
        (s.saving.clone(), s.save_status().clone()),
        (None, SaveStatus::Pending)
    );
    let s = s.reduce(Action::Flush);
    assert_eq!(s.saving.as_ref().map(|d| d.revision), Some(1));
    // Another tab had newer work: nothing is written until the user decides.
    let s = s.reduce(Action::Conflict { theirs: 4 });
    assert!(s.saving.is_none() && !s.reduce(Action::Flush).wants_save());
    assert!(s.reduce(Action::Flush).saving.is_none());
    // A refused save is tried again on the next flush.
    let failed = with_draft()
        .reduce(Action::Flush)
        .reduce(Action::SaveFailed);
    assert!(failed.reduce(Action::Flush).saving.is_some());
}

#[test]
fn another_tabs_save_is_taken_ignored_or_asked_about() {
    let saved = with_draft().reduce(Action::Flush).reduce(Action::Saved {
        revision: 0,
        at: "t".into(),
    });
    let theirs = |revision: u64, id: &str| {
        let mut d = (**saved.draft.as_ref().unwrap()).clone();
        d.id = id.into();
        d.revision = revision;
        d.profile.school_name = "他们的".into();
        Some(Box::new(d))
    };
    // Not the open draft, or not newer: nothing happens.
    for (rev, id) in [(3, "other"), (0, "d1")] {
        let s = saved.reduce(Action::OtherTabSaved {
            id: id.into(),
            theirs: theirs(rev, id),
        });
        assert_eq!(s, saved, "{rev} {id}");
    }
    let other_deleted = Action::OtherTabSaved {
        id: "other".into(),
        theirs: None,
    };
    assert_eq!(saved.reduce(other_deleted), saved);
    // Newer, nothing unsaved here: theirs is shown, and the user is told.
    let s = saved.reduce(Action::OtherTabSaved {
        id: "d1".into(),
        theirs: theirs(3, "d1"),
    });
    let d = s.draft.as_ref().unwrap();
    assert_eq!((d.revision, d.profile.school_name.as_str()), (3, "他们的"));
    assert_eq!(s.saver.stored(), Some(3));
    assert_eq!(s.notice, Some((0, Notice::ReloadedNewer)));
    assert_eq!(s.page(), saved.page());
    // Newer, with unsaved changes here: stop and ask; ours stays on screen.
    let mine = saved.reduce(edit(DraftEdit::SetNote {
        item: "B1".into(),
        note: "mine".into(),
    }));
    let s = mine.reduce(Action::OtherTabSaved {
        id: "d1".into(),
        theirs: theirs(3, "d1"),
    });
    assert_eq!(s.save_status(), SaveStatus::Conflict { theirs: 3 });
    assert_eq!(s.draft, mine.draft);
}

#[test]
fn a_draft_another_tab_deleted_stays_on_screen_and_is_stored_again_only_if_kept() {
    let saved = with_draft().reduce(Action::Flush).reduce(Action::Saved {
        revision: 0,
        at: "t".into(),
    });
    let deleted = saved.reduce(Action::OtherTabSaved {
        id: "d1".into(),
        theirs: None,
    });
    assert_eq!(deleted.save_status(), SaveStatus::Gone);
    assert_eq!(deleted.draft, saved.draft, "still on screen");
    // Typing goes on, and is neither written nor rescued when the page goes.
    let typed = deleted.reduce(edit(DraftEdit::SetNote {
        item: "B1".into(),
        note: "still here".into(),
    }));
    assert!(!typed.wants_save() && typed.reduce(Action::Flush).saving.is_none());
    assert!(typed.unsaved().is_none());
    // Kept: written as a draft never stored, with what was typed.
    let kept = typed.reduce(Action::KeepMine).reduce(Action::Flush);
    let writing = kept.saving.as_ref().expect("written again");
    assert_eq!(
        writing.answers.notes.get("B1").map(String::as_str),
        Some("still here")
    );
    assert_eq!(kept.saver.stored(), None);
    // A save that finds the draft gone (the other tab's message crossed it) says the same.
    let crossing = saved
        .reduce(edit(DraftEdit::SetNote {
            item: "B1".into(),
            note: "x".into(),
        }))
        .reduce(Action::Flush)
        .reduce(Action::SaveFoundDeleted);
    assert_eq!(crossing.save_status(), SaveStatus::Gone);
    assert!(crossing.saving.is_none() && !crossing.wants_save());
}

#[test]
fn the_time_of_an_edit_is_the_shells() {
    let s = with_draft().reduce(Action::Edit {
        edit: DraftEdit::AddPlanRow,
        now: Timestamp::parse("2026-12-01T08:00:00+08:00").unwrap(),
    });
    assert_eq!(
        s.draft.as_ref().unwrap().updated,
        "2026-12-01T08:00:00+08:00"
    );
}

/// The reducer derives the open draft's checklist and assessment: once per revision (an
/// action that changes no answer keeps the same assessment), again after an edit.
#[test]
fn the_open_drafts_assessment_is_derived_once_per_revision() {
    let s = with_draft().reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)));
    let first = s.derived.as_ref().unwrap().assessment.clone().unwrap();
    let checklist = s.derived.as_ref().unwrap().checklist.clone().unwrap();
    let s = s.reduce(Action::Go(Page::Results)).reduce(Action::Flush);
    let again = s.derived.as_ref().unwrap();
    assert!(Rc::ptr_eq(again.assessment.as_ref().unwrap(), &first));
    assert!(Rc::ptr_eq(again.checklist.as_ref().unwrap(), &checklist));
    let s = s.reduce(edit(DraftEdit::SetAnswer {
        slot: Slot::whole("students"),
        value: Some(Value::Number("600".into())),
    }));
    let after = s.derived.as_ref().unwrap();
    assert!(!Rc::ptr_eq(after.assessment.as_ref().unwrap(), &first));
    assert!(Rc::ptr_eq(after.checklist.as_ref().unwrap(), &checklist));
    // Several answers at once score as the same answers one by one.
    let values = vec![
        (Slot::whole("students"), Value::Number("600".into())),
        (Slot::whole("teachers"), Value::Number("40".into())),
    ];
    let together = with_draft()
        .reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)))
        .reduce(edit(DraftEdit::SetAnswers(values.clone())));
    let mut apart = with_draft().reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)));
    for (slot, value) in values {
        apart = apart.reduce(edit(DraftEdit::SetAnswer {
            slot,
            value: Some(value),
        }));
    }
    assert_eq!(
        together.derived.as_ref().unwrap().assessment,
        apart.derived.as_ref().unwrap().assessment
    );
    assert!(s.reduce(Action::CloseDraft).derived.is_none());
}

/// 导出报送文件 is the reducer's: a file to hand to the browser, or why not; the notice
/// follows the browser's answer.
#[test]
fn export_makes_the_file_or_says_why_not() {
    use crate::core::export::ExportError;
    let export = || Action::Export {
        now: at(),
        app_version: "test".into(),
        package: false,
    };
    let s = with_draft().reduce(export());
    assert!(s.download.is_none());
    assert_eq!(
        s.notice,
        Some((
            0,
            Notice::ExportFailed {
                error: ExportError::NoSchoolType
            }
        ))
    );
    let s = with_draft()
        .reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)))
        .reduce(export());
    let Download {
        name,
        text,
        evidence,
        ..
    } = &**s.download.as_ref().expect("a file");
    assert_eq!(evidence, &None, "a plain file, no package");
    assert!(
        name.ends_with(".json") && text.contains("ziping.export/2"),
        "{name}"
    );
    let name = name.clone();
    let done = s.reduce(Action::Downloaded { saved: true });
    assert!(done.download.is_none());
    assert_eq!(done.notice, Some((0, Notice::Exported { name })));
    let refused = s.reduce(Action::Downloaded { saved: false });
    assert!(refused.download.is_none() && refused.notice.is_none());
}

/// 导出报送包: the same file, with the evidence the shell packs beside it (its bytes are in the
/// browser); too large for a package is said before anything is read.
#[test]
fn a_package_is_asked_of_the_shell_with_its_evidence_or_refused_as_too_large() {
    use crate::core::export::{Attachment, ExportError, PackageProblem};
    use crate::core::package::MAX_PACKAGE_BYTES;
    let package = || Action::Export {
        now: at(),
        app_version: "test".into(),
        package: true,
    };
    let scan = Attachment::describe("G6", "班级名册.pdf", "application/pdf", b"scan");
    let s = with_draft()
        .reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)))
        .reduce(edit(DraftEdit::AddAttachment(scan.clone())));
    let asked = s.clone().reduce(package());
    let file = asked.download.as_ref().expect("a package to make");
    assert!(file.name.ends_with(".zip"), "{}", file.name);
    assert!(file.text.contains("班级名册.pdf"));
    assert_eq!(file.evidence, Some(vec![scan]));
    // A video of 60 MB: too large, said at once, nothing to make.
    let video = Attachment {
        size: MAX_PACKAGE_BYTES + 1,
        ..Attachment::describe("G7", "课堂录像.mp4", "video/mp4", b"v")
    };
    let s = s
        .reduce(edit(DraftEdit::AddAttachment(video)))
        .reduce(package());
    assert!(s.download.is_none());
    let Some((
        _,
        Notice::ExportFailed {
            error:
                ExportError::Package {
                    problem:
                        PackageProblem::EvidenceTooLarge {
                            limit, item, name, ..
                        },
                },
        },
    )) = &s.notice
    else {
        panic!("{:?}", s.notice)
    };
    assert_eq!(
        (*limit, item.as_str(), name.as_str()),
        (MAX_PACKAGE_BYTES, "G7", "课堂录像.mp4")
    );
    // The draft changes: what was said of it no longer stands.
    let s = s.reduce(edit(DraftEdit::RemoveAttachment {
        item: "G7".into(),
        sha256: crate::core::export::sha256_hex(b"v"),
    }));
    assert_eq!(s.notice, None);
}

/// Another tab's copy opened here can carry this copy's id and revision number with other
/// answers: its assessment is its own (the reviewer found the old one kept).
#[test]
fn a_copy_opened_at_the_same_revision_is_scored_afresh() {
    let mine = with_draft()
        .reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)))
        .reduce(edit(DraftEdit::SetAnswer {
            slot: Slot::whole("students"),
            value: Some(Value::Number("600".into())),
        }));
    let mut theirs = (**mine.draft.as_ref().unwrap()).clone();
    theirs
        .answers
        .set(Slot::whole("students"), Value::Number("oops".into()));
    let s = mine.reduce(Action::OpenDraft {
        draft: Box::new(theirs.clone()),
        page: Page::Results,
    });
    let a = s.derived.as_ref().unwrap().assessment.as_ref().unwrap();
    let c = s.derived.as_ref().unwrap().checklist.as_ref().unwrap();
    assert_eq!(
        **a,
        crate::core::score::assess(c, SchoolType::Primary, &theirs.answers)
    );
    assert!(a.invalid.iter().any(|i| i.slot == Slot::whole("students")));
}

/// A 小学 that turns out to be a 九年一贯制 school (or back): what was typed for the school is
/// its 小学部's, shown there, not hidden in a slot the new type never asks for (the page looked
/// emptied, and the score fell); what is shared stays; the 初中部 waits for a 九年一贯制 again.
#[test]
fn changing_the_school_type_carries_what_was_typed_per_part() {
    use crate::core::answers::{Part, Value};
    let n = |t: &str| Some(Value::Number(t.into()));
    let mut s = AppState::default().reduce(Action::NewDraft {
        id: "d1".into(),
        source: ChecklistSource::Builtin {
            id: "yzjh-school".into(),
        },
        now: at(),
    });
    s = s.reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)));
    for (slot, v) in [
        (Slot::whole("students"), "1050"),
        (Slot::whole("area_sports_outdoor"), "8000"),
        (Slot::whole("G6"), "44"),
        (Slot::whole("equipment_value"), "250"),
    ] {
        s = s.reduce(edit(DraftEdit::SetAnswer { slot, value: n(v) }));
    }
    s = s.reduce(edit(DraftEdit::SetWanYuan {
        slot: Slot::whole("equipment_value"),
        wan: true,
    }));
    let earned = |s: &AppState| {
        s.derived
            .as_ref()
            .unwrap()
            .assessment
            .as_ref()
            .unwrap()
            .total
            .earned
    };
    let primary_score = earned(&s);

    let s = s.reduce(edit(DraftEdit::SetSchoolType(SchoolType::NineYear)));
    let a = &s.draft.as_ref().unwrap().answers;
    let p = |id: &str| Slot::new(id, Part::Primary);
    assert_eq!(a.get(&p("students")), n("1050").as_ref());
    assert_eq!(a.get(&Slot::whole("students")), None, "moved, not copied");
    assert_eq!(a.get(&p("G6")), n("44").as_ref());
    for shared in ["area_sports_outdoor", "equipment_value"] {
        assert!(
            a.get(&Slot::whole(shared)).is_some(),
            "{shared}: the whole school's"
        );
    }
    assert!(
        a.wan_yuan.contains(&Slot::whole("equipment_value")),
        "still in 万元"
    );

    // Its 初中部 typed, then back to 小学: the 小学部's figures are the school's again, the
    // 初中部's wait; and 九年一贯制 once more brings both back.
    let s = s.reduce(edit(DraftEdit::SetAnswer {
        slot: Slot::new("students", Part::Junior),
        value: n("600"),
    }));
    let s = s.reduce(edit(DraftEdit::SetSchoolType(SchoolType::Primary)));
    let a = &s.draft.as_ref().unwrap().answers;
    assert_eq!(a.get(&Slot::whole("students")), n("1050").as_ref());
    assert_eq!(a.get(&Slot::whole("G6")), n("44").as_ref());
    assert!(a.wan_yuan.contains(&Slot::whole("equipment_value")));
    let total = earned(&s);
    assert_eq!(total, primary_score, "the same school, the same score");
    let s = s.reduce(edit(DraftEdit::SetSchoolType(SchoolType::NineYear)));
    let a = &s.draft.as_ref().unwrap().answers;
    assert_eq!(
        a.get(&Slot::new("students", Part::Junior)),
        n("600").as_ref()
    );
    // A 九年一贯制 school that is a 初中: its 初中部's figures are the school's.
    let s = s.reduce(edit(DraftEdit::SetSchoolType(SchoolType::Junior)));
    let a = &s.draft.as_ref().unwrap().answers;
    assert_eq!(a.get(&Slot::whole("students")), n("600").as_ref());
}
