//! The app's announcements in words: each `Notice` the reducer keeps typed, why a draft's
//! checklist cannot be used, and 制作县级清单's problems, in the language shown (a toggle
//! re-words them).

use crate::core::answers::Slot;
use crate::core::export::ExportError;
use crate::i18n::{
    checklist_errors, checklist_file_problem, export_error, import_error, say, Lang, Msg,
};
use crate::state::draft::SourceError;
use crate::state::{Notice, Rejection};

/// What the live region says for a notice; `place` words a field of the open draft with its
/// problem (the shell knows the labels), so a toggle re-words 检查's first place too.
pub fn notice_text(lang: Lang, notice: &Notice, place: &dyn Fn(&Slot) -> String) -> String {
    match notice {
        Notice::Check { first: None, .. } => Msg::CheckDone.text(lang).into(),
        Notice::Check {
            tally,
            first: Some(first),
        } if tally.is_complete() => say::CheckOnlyWarnings {
            warnings: &tally.warnings.to_string(),
            first: &place(first),
        }
        .text(lang),
        Notice::Check {
            tally,
            first: Some(first),
        } => say::CheckRemaining {
            errors: &tally.errors.to_string(),
            missing: &tally.missing.to_string(),
            warnings: &tally.warnings.to_string(),
            first: &place(first),
        }
        .text(lang),
        Notice::ReloadedNewer => Msg::ReloadedNewer.text(lang).into(),
        Notice::PlanGenerated { added } => say::PlanGenerated {
            added: &added.to_string(),
        }
        .text(lang),
        Notice::Exported { name } => say::ExportDone { file: name }.text(lang),
        // Not an error of the file: the one thing the principal has to do first.
        Notice::ExportFailed {
            error: ExportError::NoSchoolType,
        } => Msg::ExportNeedsType.text(lang).into(),
        Notice::ExportFailed {
            error: ExportError::Package { problem },
        } => {
            use crate::core::export::PackageProblem as P;
            let hint = match problem {
                P::Missing { .. } | P::HashMismatch { .. } => Msg::PackageHintReattach,
                _ => Msg::PackageHintPlain,
            };
            say::ExportPackageFailed {
                problem: &crate::i18n::package_problem(lang, problem),
                hint: hint.text(lang),
            }
            .text(lang)
        }
        Notice::ExportFailed { error } => say::ExportFailed {
            reason: &export_error(lang, error),
        }
        .text(lang),
        Notice::Imported {
            name,
            result_differs: false,
        } => say::ImportedFrom { file: name }.text(lang),
        Notice::Imported {
            name,
            result_differs: true,
        } => say::ImportedFromDiffers { file: name }.text(lang),
        Notice::StartedFromLastYear { name } => {
            say::LastYearResultDiffers { file: name }.text(lang)
        }
        Notice::DraftDeleted { name } => say::DraftDeleted { school: name }.text(lang),
        Notice::DraftCopied { name } => say::DraftCopied { school: name }.text(lang),
        Notice::EvidenceRemoved { name } => say::EvidenceRemoved { file: name }.text(lang),
        Notice::EvidenceAdded { name } => say::EvidenceAdded { file: name }.text(lang),
        Notice::FieldLeft { slot } => place(slot),
        Notice::ChecklistFileRejected { name, problem } => say::ChecklistRejected {
            file: name,
            reason: &checklist_file_problem(lang, problem),
        }
        .text(lang),
    }
}

/// Why a file picked on the start page was not taken.
pub fn rejection_text(lang: Lang, r: &Rejection) -> String {
    match r {
        Rejection::Submission { file, error } => say::ImportRejected {
            file,
            reason: &import_error(lang, error),
        }
        .text(lang),
        Rejection::NoChecklist { file, id } => say::ImportRejected {
            file,
            reason: &say::StartNoChecklist { id }.text(lang),
        }
        .text(lang),
        Rejection::Checklist { file, problem } => say::ChecklistRejected {
            file,
            reason: &checklist_file_problem(lang, problem),
        }
        .text(lang),
    }
}

/// Why a draft's checklist cannot be used.
pub fn source_error_text(lang: Lang, e: &SourceError) -> String {
    match e {
        SourceError::UnknownBuiltin(id) => say::UnknownBuiltin { id }.text(lang),
        SourceError::Invalid(errors) => checklist_errors(lang, errors),
    }
}

/// A 制作县级清单 draft's problem in words, as the form shows it: a share the form takes in
/// % (a group rule's floor, an area's pass rate) is quoted in % as typed (“120%”), not as the
/// file's ratio (“1.2”).
pub fn draft_problem_text(
    lang: crate::i18n::Lang,
    p: &crate::state::editor::DraftProblem,
) -> String {
    use crate::core::checklist::{Allowed, Problem};
    use crate::state::editor::DraftProblem;
    match p {
        // An emptied field (制作县级清单's numbers are never optional): not “”不是数字.
        DraftProblem::Number {
            error: crate::core::answers::NumberError::NotANumber { text },
            ..
        } if text.trim().is_empty() => crate::i18n::Msg::NumberEmpty.text(lang).into(),
        DraftProblem::Number { error, .. } => crate::i18n::number_error(lang, error),
        DraftProblem::NotWhole { text, .. } => {
            crate::i18n::say::NotACount { typed: text }.text(lang)
        }
        DraftProblem::Check(issue) => match (
            &issue.problem,
            crate::core::checklist_path::Target::parse(&issue.path),
        ) {
            (
                Problem::OutOfRange {
                    allowed: Allowed::Share,
                    value,
                },
                Some(
                    crate::core::checklist_path::Target::GroupFloor(_)
                    | crate::core::checklist_path::Target::AreaPassRate(_),
                ),
            ) => crate::i18n::say::EditorShareOutOfRange {
                value: &crate::core::format::fixed(value * 100.0, 4),
            }
            .text(lang),
            (problem, _) => crate::i18n::checklist_problem(lang, problem),
        },
        DraftProblem::Clash(clash) => crate::i18n::say::ChecklistClash {
            id: &clash.id,
            version: &clash.version,
        }
        .text(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A submission that could not be written says why in the language shown, with no
    /// English from the error's own message in the Chinese (it once showed thiserror's text).
    #[test]
    fn an_export_failure_is_worded_in_the_language_shown() {
        let notice = Notice::ExportFailed {
            error: ExportError::NotSerializable {
                reason: "float must be finite".into(),
            },
        };
        let zh = notice_text(Lang::Zh, &notice, &|s| s.to_string());
        let en = notice_text(Lang::En, &notice, &|s| s.to_string());
        assert!(zh.starts_with("报送文件没有导出"), "{zh}");
        assert!(
            !zh.contains("float") && !en.contains("float"),
            "{zh} / {en}"
        );
        assert!(en.contains("JSON cannot carry"), "{en}");
        // No school type yet: what to do, not a failure of the file.
        let first = Notice::ExportFailed {
            error: ExportError::NoSchoolType,
        };
        assert!(notice_text(Lang::Zh, &first, &|s| s.to_string())
            .starts_with("请先在“基本信息”中选择学校类型"));
        let missing = source_error_text(Lang::Zh, &SourceError::UnknownBuiltin("x1".into()));
        assert!(
            missing.contains("x1") && missing.contains("清单"),
            "{missing}"
        );
    }

    /// A file refused on the start page says why in the language shown, worded when shown
    /// (a refusal kept its language before: a toggle left it as it was).
    #[test]
    fn a_refused_file_is_worded_in_the_language_shown() {
        use crate::core::checklist::{Clash, FileProblem};
        let refusals = [
            Rejection::Checklist {
                file: "a.json".into(),
                problem: FileProblem::TooLarge {
                    size: 9 << 20,
                    limit: 2 << 20,
                },
            },
            Rejection::Checklist {
                file: "a.json".into(),
                problem: FileProblem::NotUtf8,
            },
            Rejection::Checklist {
                file: "a.json".into(),
                problem: FileProblem::Clash(Clash {
                    id: "x1".into(),
                    version: "1".into(),
                }),
            },
            Rejection::NoChecklist {
                file: "a.json".into(),
                id: "x1".into(),
            },
            Rejection::Submission {
                file: "a.json".into(),
                error: crate::core::export::ImportError::NotUtf8,
            },
        ];
        let han = |t: &str| t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        for r in &refusals {
            let (zh, en) = (rejection_text(Lang::Zh, r), rejection_text(Lang::En, r));
            assert!(han(&zh) && zh.contains("a.json"), "{zh}");
            assert!(!han(&en) && en.contains("a.json"), "{en}");
        }
        assert!(rejection_text(Lang::Zh, &refusals[0]).contains("9 MB"));
    }
}
