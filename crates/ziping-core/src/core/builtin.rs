//! The checklists built into the app: embedded at compile time from `checklists/` (without
//! their indentation, by `build.rs`), so the app and the command line score with exactly the
//! same data, offline. County variants
//! (`checklists/*-<county>.json`) are not embedded: a county issues them as files that
//! schools load, which keeps the app small.

use crate::core::checklist::{Checklist, ChecklistErrors};

/// The text of every built-in checklist file, by file name: the file's JSON without its
/// whitespace (the same checklist and hash).
pub const FILES: &[(&str, &str)] = &[
    (
        "yzjh-school.json",
        include_str!(concat!(env!("OUT_DIR"), "/checklists/yzjh-school.json")),
    ),
    (
        "zlpj-school.json",
        include_str!(concat!(env!("OUT_DIR"), "/checklists/zlpj-school.json")),
    ),
];

/// Earlier versions of the built-ins, kept so county mode and the command line can still read
/// files made with them (last year's submissions): never offered for a new self-assessment.
/// When a built-in's version changes, its previous file moves to `checklists/archive/`.
pub const ARCHIVED: &[(&str, &str)] = &[
    (
        "archive/yzjh-school-2026.3.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/checklists/archive/yzjh-school-2026.3.json"
        )),
    ),
    (
        "archive/zlpj-school-2026.3.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/checklists/archive/zlpj-school-2026.3.json"
        )),
    ),
    (
        "archive/zlpj-school-2026.4.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/checklists/archive/zlpj-school-2026.4.json"
        )),
    ),
    (
        "archive/zlpj-school-2026.5.json",
        include_str!(concat!(
            env!("OUT_DIR"),
            "/checklists/archive/zlpj-school-2026.5.json"
        )),
    ),
];

type Parsed = Result<Vec<Checklist>, (&'static str, ChecklistErrors)>;

/// Every built-in checklist, checked, parsed once for the life of the program (it was parsed
/// again on every save, every render of the list and every file opened). Tests prove they all
/// parse, so an error here means a broken build, and callers report it rather than panic.
pub fn builtin_set() -> Result<&'static [Checklist], (&'static str, ChecklistErrors)> {
    static PARSED: std::sync::OnceLock<Parsed> = std::sync::OnceLock::new();
    PARSED
        .get_or_init(|| {
            FILES
                .iter()
                .map(|(name, text)| Checklist::from_json(text).map_err(|e| (*name, e)))
                .collect()
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// The built-ins as owned checklists, for callers that keep and extend the set.
pub fn builtins() -> Result<Vec<Checklist>, (&'static str, ChecklistErrors)> {
    builtin_set().map(<[Checklist]>::to_vec)
}

/// The built-in checklist with this id.
pub fn builtin(id: &str) -> Option<&'static Checklist> {
    builtin_set().ok()?.iter().find(|c| c.doc().id == id)
}

/// The built-ins and their archived earlier versions: every checklist a submission file can
/// have been made with here, for reading and verifying files (county mode, the command line).
/// Parsed once for the life of the program, as [`builtin_set`] (county mode asked for them on
/// every render of its page: four checklists parsed and hashed again each time).
pub fn readable_set() -> Result<&'static [Checklist], (&'static str, ChecklistErrors)> {
    static PARSED: std::sync::OnceLock<Parsed> = std::sync::OnceLock::new();
    PARSED
        .get_or_init(|| {
            let mut all = builtins()?;
            for (name, text) in ARCHIVED {
                all.push(Checklist::from_json(text).map_err(|e| (*name, e))?);
            }
            Ok(all)
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// [`readable_set`] as owned checklists, for callers that keep and extend the set.
pub fn readable() -> Result<Vec<Checklist>, (&'static str, ChecklistErrors)> {
    readable_set().map(<[Checklist]>::to_vec)
}
