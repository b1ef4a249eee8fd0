//! What can be wrong with a checklist file: each problem typed, with the path to it.

use crate::core::model::*;
use std::fmt;

/// One thing wrong with a checklist file, with the path to it (`areas[2].indicators[0]…`).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct ChecklistIssue {
    pub path: String,
    pub problem: Problem,
}

/// What a reference names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Source,
    Input,
    Item,
    Grade,
}

impl fmt::Display for RefKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefKind::Source => "source",
            RefKind::Input => "input",
            RefKind::Item => "item",
            RefKind::Grade => "grade",
        })
    }
}

/// The values a number may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// A share: more than 0, at most 1 (pass rates, the 85% floor).
    Share,
    /// A percentage from 0 to 100.
    Percent,
    /// Points from 0 to [`MAX_POINTS`].
    Points,
    /// A level's points: from 0 to its item's points.
    LevelPoints,
    /// A 九年一贯制 split weight: more than 0, at most 100.
    Weight,
    /// More than 0.
    Positive,
}

impl fmt::Display for Allowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Allowed::Share => "more than 0 and at most 1",
            Allowed::Percent => "between 0 and 100",
            Allowed::Points => "between 0 and 1000",
            Allowed::LevelPoints => "between 0 and the item's points",
            Allowed::Weight => "more than 0 and at most 100",
            Allowed::Positive => "more than 0",
        })
    }
}

/// One thing wrong with a checklist. Typed, so the interface words it in Chinese or English
/// (`i18n::checklist_problem`); the English here is for developers' logs.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("not a checklist file (line {line}, column {column}): {problem}")]
    Json {
        line: usize,
        column: usize,
        problem: crate::core::json::FieldProblem,
    },
    #[error("format is '{found}', expected '{CHECKLIST_FORMAT}'")]
    WrongFormat { found: String },
    #[error("must not be empty")]
    Empty,
    #[error("id '{0}' is used twice")]
    DuplicateId(String),
    #[error("refers to unknown {what} '{id}'")]
    Unknown { what: RefKind, id: String },
    /// An id with `@`, which marks the part of a 九年一贯制 school in answers (`R1@junior`):
    /// such an id would clash with a part's slot and break every export.
    #[error("id '{0}' contains '@', which is reserved for the parts of a school")]
    ReservedCharacter(String),
    /// An id with other characters than letters, digits, `_`, `.` and `-` (a space, a comma,
    /// a Chinese character): the schema's pattern.
    #[error("id '{0}' may use only the letters A–Z and a–z, digits, '_', '.' and '-'")]
    IdCharacters(String),
    #[error("must be {allowed}, is {value}")]
    OutOfRange { allowed: Allowed, value: f64 },
    #[error("one grade band must start at 0 so every score has a grade")]
    NoZeroGrade,
    #[error("shared inputs of a nine-year school need a split rule")]
    SplitNeeded,
    #[error("the enrolment input must be entered per part")]
    EnrolmentNotPerPart,
    #[error("'{value}' is not an answer of item '{item}'")]
    NotAnAnswer { item: String, value: String },
    #[error("text and flag items are never scored: points 0, no veto")]
    Unscored,
    #[error("a veto item is a yes/no item or a number with a threshold")]
    VetoKind,
    #[error("levels need at least two entries")]
    TooFewLevels,
    #[error("the best level must earn the item's points")]
    BestLevelPoints,
    #[error("no rule for {0:?} schools, which the item applies to")]
    NoRuleFor(SchoolType),
    #[error("a threshold must be a finite number (between: min ≤ max)")]
    BadThreshold,
    /// No value the item can take meets it: ≥ 120 %, < 0. Its values are never below 0 and,
    /// where the checklist bounds them, never above `high` (a percentage the school enters, a
    /// part of a whole: trained ÷ full-time teachers × 100).
    #[error("no school can meet this threshold (the item's values are at least 0{})", .high.map(|h| format!(" and at most {h}")).unwrap_or_default())]
    Unreachable { high: Option<f64> },
    /// A range whose low end is above its high end (介于 5 ~ 1).
    #[error("a range's low end {min} is above its high end {max}")]
    BadRange { min: f64, max: f64 },
    /// A grade whose line is not below the one above it (grades run from the best down, each
    /// line lower: two at one line, one of them is never given).
    #[error("a grade's lowest score must be below the grade above it ({above})")]
    GradeOrder { above: f64 },
    #[error("`when` goes round in a circle: {}", .0.join(" → "))]
    WhenCycle(Vec<String>),
    #[error("'{0}' has no threshold to reach")]
    NoThreshold(String),
    #[error("min_pass {min_pass} is more than the {items} items listed")]
    MinPassTooHigh { min_pass: usize, items: usize },
    /// A value serde cannot write as canonical JSON (in practice a number JSON cannot carry).
    #[error("the checklist cannot be written as canonical JSON")]
    NotCanonical,
    /// An id or version with characters a person cannot see or that look like another
    /// (zero-width, control, bidi, a leading or trailing space): `2026.3` + U+200B would pass
    /// for the built-in. `hidden` are the code points, in order.
    #[error("'{value}' contains hidden characters {hidden:?}")]
    HiddenCharacters { value: String, hidden: Vec<char> },
}

/// The characters of an id or version that a person cannot see: invisible format and control
/// characters anywhere, white space at either end, and any white space other than a plain space.
pub fn hidden_characters(value: &str) -> Vec<char> {
    let trimmed = value.trim();
    let (lead, trail) = (
        value.len() - value.trim_start().len(),
        value.len() - value.trim_end().len(),
    );
    let mut hidden: Vec<char> = value[..lead].chars().collect();
    hidden.extend(
        trimmed
            .chars()
            .filter(|&c| crate::core::text::is_invisible(c) || (c.is_whitespace() && c != ' ')),
    );
    hidden.extend(value[value.len() - trail..].chars());
    hidden
}

/// Every problem found in a checklist file (all of them, so an author fixes them in one go).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct ChecklistErrors(pub Vec<ChecklistIssue>);

impl fmt::Display for ChecklistErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{issue}")?;
        }
        Ok(())
    }
}
