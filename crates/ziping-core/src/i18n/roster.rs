//! The words for the county's settings and roster: their problems, each with its place.

use super::{field_problem, say, Lang, Msg};
use crate::core::aggregate::{RosterIssue, SettingsProblem};
use crate::core::roster_csv::{RosterCsvIssue, RosterProblem};

/// A problem of a roster table, with its row and column.
pub fn roster_problem(lang: Lang, p: &RosterProblem) -> String {
    use RosterCsvIssue as I;
    let problem = match &p.issue {
        I::NotCsv { detail } => say::CsvNotCsv { detail }.text(lang),
        I::UnknownColumn { header } => say::CsvUnknownColumn { header }.text(lang),
        I::MissingColumn => Msg::CsvMissingColumn.text(lang).into(),
        I::NoRows => Msg::RosterNoRows.text(lang).into(),
        I::Empty => Msg::CsvEmpty.text(lang).into(),
        I::PlaceholderCode { text } => say::RosterPlaceholderCode { text }.text(lang),
        I::DuplicateCode { text, row } => say::RosterDuplicateCode {
            text,
            row: &row.to_string(),
        }
        .text(lang),
        I::BadSchoolType { text } => say::RosterBadSchoolType { text }.text(lang),
        I::BadStudents { text } => say::RosterBadStudents { text }.text(lang),
        I::BadCode { text } => say::RosterBadCode { text }.text(lang),
        I::EmptyFile => Msg::RosterEmptyFile.text(lang).into(),
        I::UnclosedQuote { text } => say::CsvUnclosedQuote { text }.text(lang),
    };
    super::at_row(lang, p.row, p.column.map(|c| c.header()), &problem)
}

/// A problem of the county's settings (a settings file, or what the officer entered).
pub fn settings_problem(lang: Lang, p: &SettingsProblem) -> String {
    use SettingsProblem as P;
    match p {
        P::Json(problem) => say::SettingsNotJson {
            problem: &field_problem(lang, problem),
        }
        .text(lang),
        P::WrongFormat { found } => say::SettingsWrongFormat { found }.text(lang),
        P::NoCounty => Msg::SettingsNoCounty.text(lang).into(),
        P::NoYear => Msg::SettingsNoYear.text(lang).into(),
        P::BadYear { year } => say::ImportBadSchoolYear { year }.text(lang),
        P::NoChecklist => Msg::SettingsNoChecklist.text(lang).into(),
        P::UnknownChecklist { id, version } => {
            say::SettingsUnknownChecklist { id, version }.text(lang)
        }
        P::BadChecklist { errors } => say::RefusedBadChecklist {
            reason: &super::checklist_errors(lang, errors),
        }
        .text(lang),
        P::Roster { row, issue } => say::RosterRowProblem {
            row: &row.to_string(),
            problem: &roster_issue(lang, issue),
        }
        .text(lang),
        P::TooLarge => Msg::SettingsTooLarge.text(lang).into(),
        P::IsSubmission => Msg::SettingsIsSubmission.text(lang).into(),
        P::IsChecklist => Msg::SettingsIsChecklist.text(lang).into(),
    }
}

/// Why a school typed into the roster was not added.
pub fn roster_issue(lang: Lang, issue: &RosterIssue) -> String {
    match issue {
        RosterIssue::NoCode { text } => say::RosterPlaceholderCode { text }.text(lang),
        RosterIssue::DuplicateCode { code, other } => say::RosterDuplicateCode {
            text: code,
            row: &other.to_string(),
        }
        .text(lang),
        RosterIssue::NoName => Msg::RosterNoName.text(lang).into(),
        RosterIssue::NoType => Msg::RosterNoType.text(lang).into(),
        RosterIssue::BadStudents { text } => say::RosterBadStudents { text }.text(lang),
    }
}

/// Every problem of the settings, one per line.
pub fn settings_problems(lang: Lang, problems: &[SettingsProblem]) -> String {
    problems
        .iter()
        .map(|p| settings_problem(lang, p))
        .collect::<Vec<_>>()
        .join("\n")
}
