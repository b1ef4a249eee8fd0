//! The school's side of a self-assessment that travels in a submission file: who the school
//! is (学校基本信息) and its action plan (整改清单). Pure data.

use crate::core::model::SchoolType;
use serde::{Deserialize, Serialize};

/// 学校基本信息. Enrolment is not here: it is the checklist's enrolment input, so there is one
/// place for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub school_name: String,
    pub school_code: String,
    pub county: String,
    pub school_type: Option<SchoolType>,
    /// e.g. 2026–2027
    pub school_year: String,
    pub filled_by: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    SchoolName,
    SchoolCode,
    County,
    SchoolYear,
    FilledBy,
}

impl ProfileField {
    /// A stable name for DOM ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            ProfileField::SchoolName => "school_name",
            ProfileField::SchoolCode => "school_code",
            ProfileField::County => "county",
            ProfileField::SchoolYear => "school_year",
            ProfileField::FilledBy => "filled_by",
        }
    }
}

impl PlanField {
    /// A stable name for DOM ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            PlanField::Problem => "problem",
            PlanField::Measure => "measure",
            PlanField::Owner => "owner",
            PlanField::Deadline => "deadline",
            PlanField::Progress => "progress",
        }
    }
}

impl Profile {
    pub fn get(&self, field: ProfileField) -> &str {
        match field {
            ProfileField::SchoolName => &self.school_name,
            ProfileField::SchoolCode => &self.school_code,
            ProfileField::County => &self.county,
            ProfileField::SchoolYear => &self.school_year,
            ProfileField::FilledBy => &self.filled_by,
        }
    }

    pub(crate) fn field_mut(&mut self, field: ProfileField) -> &mut String {
        match field {
            ProfileField::SchoolName => &mut self.school_name,
            ProfileField::SchoolCode => &mut self.school_code,
            ProfileField::County => &mut self.county,
            ProfileField::SchoolYear => &mut self.school_year,
            ProfileField::FilledBy => &mut self.filled_by,
        }
    }
}

/// One row of the 整改清单.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRow {
    pub id: u64,
    /// The shortfall it was generated from (`item` or `item@part`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The 问题 text as last generated: while `problem` still equals it, the school has not
    /// edited it, and it follows the shortfall.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
    /// 问题
    pub problem: String,
    /// 整改措施
    pub measure: String,
    /// 责任人 / 责任部门
    pub owner: String,
    /// 完成时限 (YYYY-MM-DD)
    pub deadline: String,
    /// 整改情况
    pub progress: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanField {
    Problem,
    Measure,
    Owner,
    Deadline,
    Progress,
}

/// Where a 整改 row stands against the current shortfalls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowStatus {
    /// Written by the school, not generated.
    Own,
    /// Its shortfall is still there.
    Open,
    /// Its shortfall is gone (已达标): the school may remove the row.
    Resolved,
}

impl PlanRow {
    /// Whether this row's shortfall is among `problems` (key, 问题 text).
    pub fn status(&self, problems: &[(String, String)]) -> RowStatus {
        match &self.from {
            None => RowStatus::Own,
            Some(key) if problems.iter().any(|(k, _)| k == key) => RowStatus::Open,
            Some(_) => RowStatus::Resolved,
        }
    }

    /// The school has not changed the generated 问题 text.
    pub fn unedited(&self) -> bool {
        self.generated.as_deref() == Some(self.problem.as_str())
    }

    pub fn get(&self, field: PlanField) -> &str {
        match field {
            PlanField::Problem => &self.problem,
            PlanField::Measure => &self.measure,
            PlanField::Owner => &self.owner,
            PlanField::Deadline => &self.deadline,
            PlanField::Progress => &self.progress,
        }
    }

    pub(crate) fn field_mut(&mut self, field: PlanField) -> &mut String {
        match field {
            PlanField::Problem => &mut self.problem,
            PlanField::Measure => &mut self.measure,
            PlanField::Owner => &mut self.owner,
            PlanField::Deadline => &mut self.deadline,
            PlanField::Progress => &mut self.progress,
        }
    }
}

/// How far last year's 整改 row got (上年整改落实情况).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    /// Not said yet.
    #[default]
    Unset,
    /// 已完成
    Done,
    /// 进行中
    InProgress,
    /// 未启动
    NotStarted,
}

/// One row of last year's 整改清单, reviewed this year: what was planned, how far it got, what
/// was done and the evidence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewRow {
    /// Last year's row, as it was reported.
    pub row: PlanRow,
    pub status: ReviewStatus,
    /// 采取的措施及成效
    pub done: String,
    /// 佐证
    pub evidence: String,
}

/// What of a review row the school edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReviewField {
    Done,
    Evidence,
}

/// What is wrong with a 完成时限 as the date field gives it (`YYYY-MM-DD`; a browser gives a
/// year of more digits as typed, `+070228-02-28` or `70228-02-28`, when keys meant for the
/// month land in the year). An empty deadline is no problem (not yet set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeadlineProblem {
    /// Not a date at all.
    NotADate,
    /// A date, but its year is not one a plan made this school year can mean.
    YearOutOfRange { year: i64, from: i32, to: i32 },
}

/// The years a deadline may fall in: from the school year's first calendar year to ten years
/// after it (2000–2100 while the school year is unknown).
pub fn deadline_years(school_year: &str) -> (i32, i32) {
    crate::core::school_year::canonical_school_year(school_year)
        .and_then(|y| y.get(..4).and_then(|y| y.parse::<i32>().ok()))
        .map_or((2000, 2100), |start| (start, start + 10))
}

pub fn deadline_problem(deadline: &str, school_year: &str) -> Option<DeadlineProblem> {
    let text = deadline.trim();
    if text.is_empty() {
        return None;
    }
    let digits = text.strip_prefix('+').unwrap_or(text);
    let mut parts = digits.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Some(DeadlineProblem::NotADate);
    };
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(y), number(m), number(d)) else {
        return Some(DeadlineProblem::NotADate);
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Some(DeadlineProblem::NotADate);
    }
    let (from, to) = deadline_years(school_year);
    (year < i64::from(from) || year > i64::from(to)).then_some(DeadlineProblem::YearOutOfRange {
        year,
        from,
        to,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_in_an_absurd_year_is_named_and_a_plausible_one_passes() {
        assert_eq!(deadline_problem("", "2026-2027"), None);
        assert_eq!(deadline_problem("2027-02-28", "2026-2027"), None);
        assert_eq!(deadline_problem("2036-12-31", "2026—2027学年"), None);
        assert_eq!(
            deadline_problem("+070228-02-28", "2026-2027"),
            Some(DeadlineProblem::YearOutOfRange {
                year: 70228,
                from: 2026,
                to: 2036
            })
        );
        assert_eq!(
            deadline_problem("70228-02-28", "2026-2027"),
            Some(DeadlineProblem::YearOutOfRange {
                year: 70228,
                from: 2026,
                to: 2036
            })
        );
        assert!(matches!(
            deadline_problem("0202-02-28", "2026-2027"),
            Some(DeadlineProblem::YearOutOfRange { year: 202, .. })
        ));
        assert_eq!(
            deadline_problem("2027-13-01", "2026-2027"),
            Some(DeadlineProblem::NotADate)
        );
        assert_eq!(
            deadline_problem("明年", "2026-2027"),
            Some(DeadlineProblem::NotADate)
        );
        // The school year not yet typed: a wide range, still not 70228.
        assert_eq!(deadline_problem("2031-06-30", ""), None);
        assert!(deadline_problem("70228-02-28", "").is_some());
    }
}
