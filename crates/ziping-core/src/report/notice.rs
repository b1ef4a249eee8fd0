//! The app's announcements in words: each `Notice` the reducer keeps typed, and why a draft's
//! checklist cannot be used, in the language shown (a toggle re-words them).

use crate::i18n::{checklist_errors, export_error, Lang, Msg, Say};
use crate::state::draft::SourceError;
use crate::state::Notice;

/// What the live region says for a notice.
pub fn notice_text(lang: Lang, notice: &Notice) -> String {
    match notice {
        Notice::Check { first: None, .. } => Msg::CheckDone.text(lang).into(),
        Notice::Check {
            tally,
            first: Some(first),
        } if tally.is_complete() => Say::CheckOnlyWarnings {
            warnings: &tally.warnings.to_string(),
            first,
        }
        .text(lang),
        Notice::Check {
            tally,
            first: Some(first),
        } => Say::CheckRemaining {
            errors: &tally.errors.to_string(),
            missing: &tally.missing.to_string(),
            warnings: &tally.warnings.to_string(),
            first,
        }
        .text(lang),
        Notice::ReloadedNewer => Msg::ReloadedNewer.text(lang).into(),
        Notice::PlanGenerated { added } => Say::PlanGenerated {
            added: &added.to_string(),
        }
        .text(lang),
        Notice::Exported { name } => Say::ExportDone { file: name }.text(lang),
        Notice::ExportNeedsType => Msg::ExportNeedsType.text(lang).into(),
        Notice::ExportFailed { error } => Say::ExportFailed {
            reason: &export_error(lang, error),
        }
        .text(lang),
        Notice::Imported { name } => Say::ImportedFrom { file: name }.text(lang),
        Notice::ChecklistFileRejected { name, reason } => {
            Say::ChecklistRejected { file: name, reason }.text(lang)
        }
    }
}

/// Why a draft's checklist cannot be used.
pub fn source_error_text(lang: Lang, e: &SourceError) -> String {
    match e {
        SourceError::UnknownBuiltin(id) => Say::UnknownBuiltin { id }.text(lang),
        SourceError::Invalid(errors) => checklist_errors(lang, errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::export::ExportError;

    /// A submission that could not be written says why in the language shown, with no
    /// English from the error's own message in the Chinese (it once showed thiserror's text).
    #[test]
    fn an_export_failure_is_worded_in_the_language_shown() {
        let notice = Notice::ExportFailed {
            error: ExportError::NotSerializable {
                reason: "float must be finite".into(),
            },
        };
        let zh = notice_text(Lang::Zh, &notice);
        let en = notice_text(Lang::En, &notice);
        assert!(zh.starts_with("报送文件没有导出"), "{zh}");
        assert!(
            !zh.contains("float") && !en.contains("float"),
            "{zh} / {en}"
        );
        assert!(en.contains("JSON cannot carry"), "{en}");
        let missing = source_error_text(Lang::Zh, &SourceError::UnknownBuiltin("x1".into()));
        assert!(
            missing.contains("x1") && missing.contains("清单"),
            "{missing}"
        );
    }
}
