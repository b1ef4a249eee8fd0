//! The checklists built into the app: embedded at compile time from `checklists/`, so the
//! app and the command line score with exactly the same data, offline. County variants
//! (`checklists/*-<county>.json`) are not embedded: a county issues them as files that
//! schools load, which keeps the app small.

use crate::core::checklist::{Checklist, ChecklistErrors};

/// The raw text of every built-in checklist file, by file name.
pub const FILES: &[(&str, &str)] = &[
    (
        "yzjh-school.json",
        include_str!("../../../../checklists/yzjh-school.json"),
    ),
    (
        "zlpj-school.json",
        include_str!("../../../../checklists/zlpj-school.json"),
    ),
];

/// Every built-in checklist, checked. Tests prove they all parse, so an error here means a
/// broken build, and callers report it rather than panic.
pub fn builtins() -> Result<Vec<Checklist>, (&'static str, ChecklistErrors)> {
    FILES
        .iter()
        .map(|(name, text)| Checklist::from_json(text).map_err(|e| (*name, e)))
        .collect()
}
