//! The province table: one row per school × resource indicator × part, every file's status on
//! its rows, for an engine built for a province (DuckDB, Spark: see docs/province.md). The
//! command line writes it as Parquet (`ziping table`).

use super::{CountyReport, Side};
use crate::core::answers::Part;
use crate::core::model::{Comparison, SchoolType};

/// One row of the province table. Codes, not words: other programs read it.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorRow {
    pub county: String,
    pub school_code: String,
    pub school_name: String,
    pub file: String,
    /// `FileStatus::code`: `ok`, `incomplete`, `duplicate`, `conflict` …
    pub status: &'static str,
    /// The file counts for its school in the county's figures.
    pub counted: bool,
    pub checklist: Option<String>,
    pub version: Option<String>,
    /// 学年, as the county groups it ("2025-2026"): figures are per year.
    pub school_year: Option<String>,
    /// `primary`, `junior`, `nine_year`.
    pub school_type: Option<&'static str>,
    pub indicator: Option<String>,
    /// `whole`, `primary`, `junior`: the part of the school the value is for.
    pub part: Option<&'static str>,
    /// `primary` or `junior`: the side of the county's figures it counts for.
    pub side: Option<&'static str>,
    /// Students of that part (the weight), if entered and usable.
    pub students: Option<f64>,
    pub value: Option<f64>,
    /// `ge`, `gt`, `le`, `lt`, `between`; the threshold (`between`: its minimum) and, for
    /// `between`, its maximum.
    pub threshold_op: Option<&'static str>,
    pub threshold: Option<f64>,
    pub threshold_max: Option<f64>,
    /// The outcome's code: `met`, `near` (below, not under the floor), `not_met`, `missing` …
    pub outcome: Option<&'static str>,
}

fn part_code(p: Part) -> &'static str {
    match p {
        Part::Whole => "whole",
        Part::Primary => "primary",
        Part::Junior => "junior",
    }
}

fn side_code(s: Side) -> &'static str {
    match s {
        Side::Primary => "primary",
        Side::Junior => "junior",
    }
}

fn outcome_code(o: crate::core::score::Outcome) -> &'static str {
    use crate::core::score::Outcome as O;
    match o {
        O::Met => "met",
        O::Near => "near",
        O::NotMet => "not_met",
        O::Partial => "partial",
        O::NotApplicable => "not_applicable",
        O::Noted => "noted",
        O::Missing => "missing",
        O::Invalid => "invalid",
        O::Undefined => "undefined",
    }
}

fn threshold(rule: Option<Comparison>) -> (Option<&'static str>, Option<f64>, Option<f64>) {
    match rule {
        None => (None, None, None),
        Some(Comparison::Ge { value }) => (Some("ge"), Some(value), None),
        Some(Comparison::Gt { value }) => (Some("gt"), Some(value), None),
        Some(Comparison::Le { value }) => (Some("le"), Some(value), None),
        Some(Comparison::Lt { value }) => (Some("lt"), Some(value), None),
        Some(Comparison::Between { min, max }) => (Some("between"), Some(min), Some(max)),
    }
}

/// The report's schools as rows: one per resource indicator and part; a file without any
/// (unreadable, another county's checklist unknown here) gets one row with its status.
pub fn indicator_rows(report: &CountyReport) -> Vec<IndicatorRow> {
    let mut rows = Vec::with_capacity(report.schools.len() * 14);
    for s in &report.schools {
        let base = IndicatorRow {
            county: s.county.clone(),
            school_code: s.school_code.clone(),
            school_name: s.school_name.clone(),
            file: s.file.clone(),
            status: s.status.code(),
            counted: s.status.counted(),
            checklist: (!s.checklist.is_empty()).then(|| s.checklist.clone()),
            version: (!s.version.is_empty()).then(|| s.version.clone()),
            school_year: (!s.school_year.is_empty()).then(|| s.school_year.clone()),
            school_type: s.school_type.map(SchoolType::code),
            indicator: None,
            part: None,
            side: None,
            students: None,
            value: None,
            threshold_op: None,
            threshold: None,
            threshold_max: None,
            outcome: None,
        };
        if s.indicators.is_empty() {
            rows.push(base);
            continue;
        }
        for cell in &s.indicators {
            let (op, threshold, max) = threshold(cell.rule);
            let side = s.school_type.and_then(|t| Side::of(t, cell.part));
            rows.push(IndicatorRow {
                indicator: Some(cell.item.clone()),
                part: Some(part_code(cell.part)),
                side: side.map(side_code),
                students: s
                    .enrolment
                    .iter()
                    .find(|(p, _)| *p == cell.part)
                    .and_then(|(_, n)| *n),
                value: cell.value,
                threshold_op: op,
                threshold,
                threshold_max: max,
                outcome: Some(outcome_code(cell.outcome)),
                ..base.clone()
            });
        }
    }
    rows
}
