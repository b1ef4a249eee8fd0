//! What county mode keeps of one file: read, verified and re-scored once, reduced to the facts
//! the school table and the county figures need, then the file itself can go. This is the
//! step that runs in parallel (the CLI's threads, the browser's workers); [`super::aggregate`]
//! then works on facts alone.

use super::flags::{Measure, RawFigure, RedLines};
use super::Side;
use crate::core::answers::{parse_number, Part, Slot, Value};
use crate::core::checklist::Checklist;
use crate::core::export::{ChecklistStamp, ImportError, Verified};
use crate::core::model::{Formula, InputScope, ItemKind, SchoolType, Scope};
use crate::core::package::verify;
use crate::core::score::{Completion, Outcome};
use serde::{Deserialize, Serialize};

/// One file: its name, and its facts or why it cannot be used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileFacts {
    pub file: String,
    pub facts: Result<SchoolFacts, ImportError>,
}

/// A resource indicator of one part: its value and outcome.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndicatorCell {
    pub item: String,
    pub part: Part,
    pub value: Option<f64>,
    /// The threshold it was checked against.
    pub rule: Option<crate::core::model::Comparison>,
    /// Value ÷ threshold.
    pub ratio: Option<f64>,
    pub outcome: Outcome,
}

/// A school's share of a county rate (an item with `scope: county_rate`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RateShare {
    /// A computed ratio: the school's raw numerator and denominator (both parts of a 九年一贯制
    /// school added up), so the county computes Σ numerator ÷ Σ denominator.
    Counts {
        item: String,
        numerator: f64,
        denominator: f64,
    },
    /// A rate the school reports for one part, weighted by that part's students.
    Reported {
        item: String,
        part: Part,
        value: f64,
        students: f64,
    },
}

/// What the county needs of a verified, re-scored file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolFacts {
    pub school_name: String,
    pub school_code: String,
    pub county: String,
    pub school_type: SchoolType,
    /// 学年, as the county groups it (`canonical_school_year`): a school's files of two years
    /// are two years, not copies.
    pub school_year: String,
    pub checklist: ChecklistStamp,
    /// RFC 3339, as the file says.
    pub exported: String,
    /// The file's digest: two files with the same digest are the same content.
    pub digest: String,
    /// The stored result equals the one recomputed from the raw answers.
    pub result_matches: bool,
    pub completion: Completion,
    pub earned: f64,
    pub max: f64,
    /// The grade band's id (none when vetoed or not graded).
    pub band: Option<String>,
    pub vetoed: bool,
    /// Students per part (the whole school, or each part of a 九年一贯制 school); `None` where
    /// the enrolment entered cannot be used.
    pub enrolment: Vec<(Part, Option<f64>)>,
    /// Each resource indicator (the items of the checklist's `spread` group rules) per part.
    pub indicators: Vec<IndicatorCell>,
    /// The school rule (e.g. ≥ 6 of 7, the rest ≥ 85%) per part.
    pub groups: Vec<(Part, Option<bool>)>,
    pub rates: Vec<RateShare>,
    /// Rows of the file's own 整改清单.
    pub plan_rows: usize,
    /// The file of last year it continues (its digest), if any.
    pub previous: Option<String>,
    /// Last year's 整改 rows it reports on (上年整改落实情况), by status.
    pub review: ReviewCounts,
    /// Evidence files that came with it (a 报送包's, checked against their hashes; none for
    /// a plain submission file).
    #[serde(default)]
    pub evidence_files: usize,
    /// The evidence files it names, (item, file name), whether or not they came with it.
    #[serde(default)]
    pub attachments: Vec<(String, String)>,
    /// Its raw figures as entered (数据核查 compares them with last year's and other schools').
    #[serde(default)]
    pub raw: Vec<RawFigure>,
    /// Pupils per class, teachers per class, area per pupil, per part.
    #[serde(default)]
    pub measures: Vec<(Measure, Part, f64)>,
    #[serde(default)]
    pub red_lines: RedLines,
}

/// Last year's 整改 rows a file reports on, by how far each got.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewCounts {
    pub rows: usize,
    pub done: usize,
    pub in_progress: usize,
    pub not_started: usize,
    /// Rows the school has not said anything about yet.
    pub unset: usize,
}

impl ReviewCounts {
    pub fn of(rows: &[crate::core::school::ReviewRow]) -> ReviewCounts {
        use crate::core::school::ReviewStatus as S;
        let count = |s: S| rows.iter().filter(|r| r.status == s).count();
        ReviewCounts {
            rows: rows.len(),
            done: count(S::Done),
            in_progress: count(S::InProgress),
            not_started: count(S::NotStarted),
            unset: count(S::Unset),
        }
    }
}

impl SchoolFacts {
    /// The side of the county a part of this school counts for.
    pub fn side(&self, part: Part) -> Option<Side> {
        Side::of(self.school_type, part)
    }

    pub fn students(&self, part: Part) -> Option<f64> {
        self.enrolment
            .iter()
            .find(|(p, _)| *p == part)
            .and_then(|(_, s)| *s)
    }
}

/// Reads, verifies and re-scores one file, and keeps its facts.
pub fn reduce(file: &str, bytes: &[u8], checklists: &[Checklist]) -> FileFacts {
    let facts = verify(bytes, checklists).and_then(|(v, evidence_files)| {
        let named = &v.export.checklist;
        let checklist = checklists
            .iter()
            .find(|c| c.is(&named.id, &named.version, &named.sha256))
            .ok_or_else(|| ImportError::UnknownChecklist {
                id: named.id.clone(),
                version: named.version.clone(),
            })?;
        facts_of(&v, checklist).map(|f| SchoolFacts {
            evidence_files,
            ..f
        })
    });
    FileFacts {
        file: file.to_string(),
        facts,
    }
}

/// The school rule per part: every group rule of the checklist holds (a county variant may
/// add its own beside 资源配置's), fails if one fails, and is pending otherwise. A rule a
/// 九年一贯制 school is judged on as a whole (a county's rule over shared rooms) counts in each
/// of its parts.
fn school_rule(
    groups: &[crate::core::score::GroupResult],
    parts: &[Part],
) -> Vec<(Part, Option<bool>)> {
    let both = |a: Option<bool>, b: Option<bool>| match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    };
    let mut out: Vec<(Part, Option<bool>)> = Vec::new();
    for g in groups.iter().filter(|g| g.part != Part::Whole) {
        match out.iter_mut().find(|(p, _)| *p == g.part) {
            None => out.push((g.part, g.holds)),
            Some((_, holds)) => *holds = both(*holds, g.holds),
        }
    }
    let whole = groups
        .iter()
        .filter(|g| g.part == Part::Whole)
        .map(|g| g.holds)
        .reduce(both);
    let Some(w) = whole else {
        return out;
    };
    if out.is_empty() {
        // Whole-school rules only: each of the school's parts (a 九年一贯制 school is counted
        // per part, and a `Whole` entry would be in neither).
        out = parts.iter().map(|&p| (p, Some(true))).collect();
    }
    out.iter_mut()
        .for_each(|(_, holds)| *holds = both(*holds, w));
    out
}

/// The facts of a file verified against `checklist` (the one it names).
pub fn facts_of(v: &Verified, checklist: &Checklist) -> Result<SchoolFacts, ImportError> {
    let profile = &v.export.profile;
    let school_type = profile.school_type.ok_or(ImportError::NoSchoolType)?;
    let a = &v.recomputed;
    let parts = match school_type {
        SchoolType::NineYear => vec![Part::Primary, Part::Junior],
        _ => vec![Part::Whole],
    };
    // The 资源配置 indicators (the items of `spread` rules): the table's column and the
    // county's 差异系数; a county's own rule is counted in the school rule only.
    let group_items = checklist.spread_items();
    let indicators = a
        .items
        .iter()
        .filter(|i| group_items.contains(&i.id.as_str()))
        .flat_map(|i| {
            i.parts.iter().map(move |p| IndicatorCell {
                item: i.id.clone(),
                part: p.part,
                value: p.value.filter(|x| x.is_finite()),
                rule: p.rule,
                ratio: p.ratio.filter(|x| x.is_finite()),
                outcome: p.outcome,
            })
        })
        .collect();
    let enrolment: Vec<(Part, Option<f64>)> = parts
        .iter()
        .map(|&p| (p, enrolment(v, checklist, school_type, p)))
        .collect();
    let raw = super::flags::raw_figures(v, checklist, school_type);
    let measures = super::flags::measures(&raw, checklist, &parts);
    let school_year = crate::core::school_year::canonical_school_year(&profile.school_year)
        .ok_or_else(|| ImportError::BadSchoolYear {
            year: profile.school_year.clone(),
        })?;
    Ok(SchoolFacts {
        school_name: profile.school_name.clone(),
        school_code: profile.school_code.clone(),
        county: super::identity::county_name(&profile.county),
        school_type,
        school_year,
        checklist: v.export.checklist.clone(),
        exported: v.export.exported.clone(),
        digest: v.export.digest.clone(),
        result_matches: v.result_matches(),
        completion: a.completion,
        earned: a.total.earned,
        max: a.total.max,
        band: a.grade.band.clone(),
        vetoed: a.grade.vetoed,
        rates: rate_shares(v, checklist, school_type),
        enrolment,
        indicators,
        groups: school_rule(&a.groups, &parts),
        plan_rows: v.export.plan.len(),
        previous: v.export.previous.as_ref().map(|p| p.digest.clone()),
        review: ReviewCounts::of(&v.export.review),
        evidence_files: 0,
        attachments: v
            .export
            .attachments
            .iter()
            .map(|a| (a.item.clone(), a.name.clone()))
            .collect(),
        raw,
        measures,
        red_lines: super::flags::red_lines(v, checklist),
    })
}

/// A raw input of one part as entered and usable: a number the engine accepted (not among
/// the invalid values).
fn input(v: &Verified, id: &str, part: Part) -> Option<f64> {
    let slot = Slot::new(id, part);
    if v.recomputed.invalid.iter().any(|i| i.slot == slot) {
        return None;
    }
    match v.export.answers.get(&slot) {
        Some(Value::Number(t)) => parse_number(t).ok().filter(|n| n.is_finite()),
        _ => None,
    }
}

/// Students of one part, as entered and usable (a whole number ≥ 1 the engine accepted).
fn enrolment(v: &Verified, checklist: &Checklist, t: SchoolType, part: Part) -> Option<f64> {
    let id = checklist.enrolment_input();
    let students = |p: Part| input(v, id, p).filter(|n| *n >= 1.0);
    match (t, part) {
        (SchoolType::NineYear, Part::Whole) => {
            Some(students(Part::Primary)? + students(Part::Junior)?)
        }
        (SchoolType::NineYear, p) => students(p),
        (_, _) => students(Part::Whole),
    }
}

/// A raw input for the whole school (both parts of a 九年一贯制 school added up).
fn whole_input(v: &Verified, checklist: &Checklist, t: SchoolType, id: &str) -> Option<f64> {
    let per_part = checklist
        .input(id)
        .is_some_and(|d| d.scope == InputScope::PerPart);
    match t {
        SchoolType::NineYear if per_part => {
            Some(input(v, id, Part::Primary)? + input(v, id, Part::Junior)?)
        }
        _ => input(v, id, Part::Whole),
    }
}

fn rate_shares(v: &Verified, checklist: &Checklist, t: SchoolType) -> Vec<RateShare> {
    let mut out = Vec::new();
    for (_, item) in checklist
        .items()
        .filter(|(_, i)| i.scope == Scope::CountyRate)
    {
        let Some(result) = v.recomputed.items.iter().find(|r| r.id == item.id) else {
            continue;
        };
        match &item.kind {
            ItemKind::Computed {
                formula:
                    Formula::Ratio {
                        numerator,
                        denominator,
                        ..
                    },
                ..
            } if result.applicable => {
                let sum = |ids: &[String]| -> Option<f64> {
                    ids.iter().map(|i| whole_input(v, checklist, t, i)).sum()
                };
                if let (Some(numerator), Some(denominator)) = (sum(numerator), sum(denominator)) {
                    out.push(RateShare::Counts {
                        item: item.id.clone(),
                        numerator,
                        denominator,
                    });
                }
            }
            ItemKind::Number { .. } => {
                for p in &result.parts {
                    if let (Some(value), Some(students)) = (
                        p.value.filter(|x| x.is_finite()),
                        enrolment(v, checklist, t, p.part),
                    ) {
                        out.push(RateShare::Reported {
                            item: item.id.clone(),
                            part: p.part,
                            value,
                            students,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::score::GroupResult;

    fn rule(part: Part, holds: Option<bool>) -> GroupResult {
        GroupResult {
            id: "R".into(),
            part,
            passed: 0,
            required: 0,
            below_floor: Vec::new(),
            pending: Vec::new(),
            holds,
        }
    }

    /// A 九年一贯制 school judged on whole-school rules only is counted in each part (a
    /// `Whole` entry was in neither side's count, nor the CSV's columns); with per-part rules
    /// too, the whole school's result joins each part's.
    #[test]
    fn whole_school_rules_count_in_each_part() {
        let nine = [Part::Primary, Part::Junior];
        assert_eq!(
            school_rule(&[rule(Part::Whole, Some(false))], &nine),
            [(Part::Primary, Some(false)), (Part::Junior, Some(false))]
        );
        assert_eq!(
            school_rule(
                &[
                    rule(Part::Primary, Some(true)),
                    rule(Part::Junior, Some(true)),
                    rule(Part::Whole, None)
                ],
                &nine
            ),
            [(Part::Primary, None), (Part::Junior, None)]
        );
        assert_eq!(
            school_rule(&[rule(Part::Whole, Some(true))], &[Part::Whole]),
            [(Part::Whole, Some(true))]
        );
        assert!(school_rule(&[], &nine).is_empty());
    }
}
