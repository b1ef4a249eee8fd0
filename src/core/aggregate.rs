//! County mode: many schools' verified submissions in; the school table and the county's
//! enrolment-weighted 差异系数 (difference coefficient) per resource indicator out.
//!
//! 差异系数 (教督〔2017〕6号; ../shared/reference/standards.md §1.1), for one indicator over the
//! schools of one side (小学 or 初中), Xᵢ a school's value and Pᵢ its students, P = Σ Pᵢ:
//!   X̄ = Σ PᵢXᵢ / P,   S = sqrt( Σ (Pᵢ/P)(Xᵢ − X̄)² ),   CV = S / X̄
//! A 九年一贯制 school contributes its 小学 part to the 小学 side and its 初中 part to the 初中 side.

use crate::core::answers::{parse_number, Part, Slot, Value};
use crate::core::checklist::Checklist;
use crate::core::export::{ImportError, Verified};
use crate::core::model::SchoolType;
use crate::core::score::Outcome;
use serde::Serialize;

/// The county limits on 差异系数 (教督〔2017〕6号 §资源配置, standards.md §1.1: ≤ 0.50 小学,
/// ≤ 0.45 初中).
pub const CV_LIMIT_PRIMARY: f64 = 0.50;
pub const CV_LIMIT_JUNIOR: f64 = 0.45;

/// 小学 or 初中.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Primary,
    Junior,
}

impl Side {
    pub fn limit(self) -> f64 {
        match self {
            Side::Primary => CV_LIMIT_PRIMARY,
            Side::Junior => CV_LIMIT_JUNIOR,
        }
    }

    /// The side a part of a school of type `t` counts for.
    pub fn of(t: SchoolType, part: Part) -> Option<Side> {
        match (t, part) {
            (SchoolType::Primary, Part::Whole) | (SchoolType::NineYear, Part::Primary) => {
                Some(Side::Primary)
            }
            (SchoolType::Junior, Part::Whole) | (SchoolType::NineYear, Part::Junior) => {
                Some(Side::Junior)
            }
            _ => None,
        }
    }
}

/// The enrolment-weighted coefficient of variation, or why there is none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Spread {
    Computed {
        mean: f64,
        sd: f64,
        cv: f64,
    },
    /// One school: no variation to measure (CV would be 0, which says nothing).
    OneSchool {
        mean: f64,
    },
    /// No school reported this indicator.
    NoSchools,
    /// Schools reported, but with no students to weight by.
    NoStudents,
    /// The weighted mean is 0: the CV is undefined.
    ZeroMean,
}

/// 差异系数 of `(value, students)` pairs; pairs with no students carry no weight.
pub fn weighted_cv(schools: &[(f64, f64)]) -> Spread {
    let weighted: Vec<(f64, f64)> = schools
        .iter()
        .copied()
        .filter(|&(x, p)| p > 0.0 && x.is_finite())
        .collect();
    if schools.is_empty() {
        return Spread::NoSchools;
    }
    let total: f64 = weighted.iter().map(|&(_, p)| p).sum();
    if weighted.is_empty() || total <= 0.0 {
        return Spread::NoStudents;
    }
    let mean = weighted.iter().map(|&(x, p)| p * x).sum::<f64>() / total;
    if weighted.len() == 1 {
        return Spread::OneSchool { mean };
    }
    if mean == 0.0 {
        return Spread::ZeroMean;
    }
    let variance = weighted
        .iter()
        .map(|&(x, p)| (p / total) * (x - mean).powi(2))
        .sum::<f64>();
    let sd = variance.sqrt();
    Spread::Computed {
        mean,
        sd,
        cv: sd / mean,
    }
}

/// One file's line in the school table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolRow {
    pub file: String,
    pub status: FileStatus,
    pub school_name: String,
    pub school_code: String,
    pub county: String,
    pub school_type: Option<SchoolType>,
    pub checklist: String,
    /// Students per part (the whole school, or each part of a 九年一贯制 school).
    pub enrolment: Vec<(Part, Option<f64>)>,
    pub earned: f64,
    pub max: f64,
    /// The grade's label (Chinese), or the veto label.
    pub grade: Option<String>,
    pub vetoed: bool,
    /// Each resource indicator per part: its value and outcome.
    pub indicators: Vec<IndicatorCell>,
    /// The school rule (e.g. ≥ 6 of 7, the rest ≥ 85%) per part.
    pub rule: Vec<(Part, Option<bool>)>,
    pub exported: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorCell {
    pub item: String,
    pub part: Part,
    pub value: Option<f64>,
    /// Value ÷ threshold.
    pub ratio: Option<f64>,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileStatus {
    Ok,
    /// The stored result differs from the one recomputed from the answers (the recomputed
    /// one is used).
    ResultDiffers,
    /// Another file of the same school and checklist is newer; this one is left out.
    Duplicate {
        newer: String,
    },
    /// The file cannot be used.
    Invalid {
        error: String,
    },
}

/// One indicator on one side of the county.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyFigure {
    pub checklist: String,
    pub item: String,
    pub side: Side,
    pub schools: usize,
    pub students: f64,
    pub spread: Spread,
    pub limit: f64,
    /// `None` when the spread is undefined.
    pub within_limit: Option<bool>,
    /// Schools (parts) whose value reaches the threshold.
    pub schools_meeting: usize,
}

/// Schools meeting the school rule, per checklist and side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleCount {
    pub checklist: String,
    pub side: Side,
    pub meeting: usize,
    pub schools: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyReport {
    pub schools: Vec<SchoolRow>,
    pub figures: Vec<CountyFigure>,
    pub rule: Vec<RuleCount>,
}

/// A file and what reading it gave.
pub type Input = (String, Result<Verified, ImportError>);

fn enrolment(v: &Verified, checklist: Option<&Checklist>, part: Part) -> Option<f64> {
    let id = checklist
        .and_then(|c| c.doc().split.as_ref().map(|s| s.enrolment_input.clone()))
        .unwrap_or_else(|| "students".into());
    let value = |p: Part| match v.export.answers.get(&Slot::new(&id, p)) {
        Some(Value::Number(t)) => parse_number(t).ok(),
        _ => None,
    };
    match (v.export.profile.school_type, part) {
        (Some(SchoolType::NineYear), Part::Whole) => {
            Some(value(Part::Primary)? + value(Part::Junior)?)
        }
        (Some(SchoolType::NineYear), p) => value(p),
        (_, _) => value(Part::Whole),
    }
}

/// Aggregates the files: `describe` words an import error (the app and the CLI each choose
/// their language).
pub fn aggregate(
    files: &[Input],
    checklists: &[Checklist],
    describe: impl Fn(&ImportError) -> String,
) -> CountyReport {
    // Duplicates: the same school (code, else name) and checklist; the newest export wins.
    let key = |v: &Verified| {
        let p = &v.export.profile;
        let who = if p.school_code.trim().is_empty() {
            &p.school_name
        } else {
            &p.school_code
        };
        (who.trim().to_string(), v.export.checklist.id.clone())
    };
    let time = |v: &Verified| {
        chrono::DateTime::parse_from_rfc3339(&v.export.exported)
            .map(|t| t.timestamp_millis())
            .unwrap_or(i64::MIN)
    };
    let mut newest: Vec<((String, String), usize)> = Vec::new();
    for (n, (_, r)) in files.iter().enumerate() {
        if let Ok(v) = r {
            let k = key(v);
            match newest.iter_mut().find(|(kk, _)| *kk == k) {
                Some((_, best)) => {
                    let best_v = files[*best].1.as_ref().ok();
                    if best_v.is_some_and(|b| time(v) > time(b)) {
                        *best = n;
                    }
                }
                None => newest.push((k, n)),
            }
        }
    }

    let mut schools = Vec::with_capacity(files.len());
    let mut used: Vec<(&Verified, &Checklist)> = Vec::new();
    for (n, (file, result)) in files.iter().enumerate() {
        let v = match result {
            Err(e) => {
                schools.push(SchoolRow {
                    file: file.clone(),
                    status: FileStatus::Invalid { error: describe(e) },
                    school_name: String::new(),
                    school_code: String::new(),
                    county: String::new(),
                    school_type: None,
                    checklist: String::new(),
                    enrolment: Vec::new(),
                    earned: 0.0,
                    max: 0.0,
                    grade: None,
                    vetoed: false,
                    indicators: Vec::new(),
                    rule: Vec::new(),
                    exported: String::new(),
                });
                continue;
            }
            Ok(v) => v,
        };
        let checklist = checklists
            .iter()
            .find(|c| c.doc().id == v.export.checklist.id);
        let best = newest.iter().find(|(k, _)| *k == key(v)).map(|(_, b)| *b);
        let status = match best {
            Some(b) if b != n => FileStatus::Duplicate {
                newer: files[b].0.clone(),
            },
            _ if !v.result_matches() => FileStatus::ResultDiffers,
            _ => FileStatus::Ok,
        };
        let a = &v.recomputed;
        let group_items: Vec<&String> = checklist
            .map(|c| c.doc().group_rules.iter().flat_map(|g| &g.items).collect())
            .unwrap_or_default();
        let indicators = a
            .items
            .iter()
            .filter(|i| group_items.contains(&&i.id))
            .flat_map(|i| {
                i.parts.iter().map(move |p| IndicatorCell {
                    item: i.id.clone(),
                    part: p.part,
                    value: p.value,
                    ratio: p.ratio,
                    outcome: p.outcome,
                })
            })
            .collect();
        let parts: Vec<Part> = match v.export.profile.school_type {
            Some(SchoolType::NineYear) => vec![Part::Primary, Part::Junior],
            _ => vec![Part::Whole],
        };
        schools.push(SchoolRow {
            file: file.clone(),
            status: status.clone(),
            school_name: v.export.profile.school_name.clone(),
            school_code: v.export.profile.school_code.clone(),
            county: v.export.profile.county.clone(),
            school_type: v.export.profile.school_type,
            checklist: v.export.checklist.id.clone(),
            enrolment: parts
                .iter()
                .map(|&p| (p, enrolment(v, checklist, p)))
                .collect(),
            earned: a.total.earned,
            max: a.total.max,
            grade: checklist.and_then(|c| {
                let doc = c.doc();
                if a.grade.vetoed {
                    return Some(doc.veto_grade.zh.clone());
                }
                let band = a.grade.band.as_ref()?;
                doc.grades
                    .iter()
                    .find(|g| &g.id == band)
                    .map(|g| g.label.zh.clone())
            }),
            vetoed: a.grade.vetoed,
            indicators,
            rule: a.groups.iter().map(|g| (g.part, g.holds)).collect(),
            exported: v.export.exported.clone(),
        });
        if let (Some(c), false) = (checklist, matches!(status, FileStatus::Duplicate { .. })) {
            used.push((v, c));
        }
    }

    // County figures: per checklist, per group-rule indicator, per side.
    let mut figures = Vec::new();
    let mut rule = Vec::new();
    let mut ids: Vec<&str> = used.iter().map(|(_, c)| c.doc().id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let members: Vec<&(&Verified, &Checklist)> =
            used.iter().filter(|(_, c)| c.doc().id == id).collect();
        let Some((_, checklist)) = members.first() else {
            continue;
        };
        let items: Vec<&String> = checklist
            .doc()
            .group_rules
            .iter()
            .flat_map(|g| &g.items)
            .collect();
        for side in [Side::Primary, Side::Junior] {
            let on_side = |v: &Verified, p: Part| {
                v.export.profile.school_type.and_then(|t| Side::of(t, p)) == Some(side)
            };
            for item in &items {
                let mut pairs = Vec::new();
                let mut meeting = 0;
                for (v, c) in &members {
                    let Some(r) = v.recomputed.items.iter().find(|i| &i.id == *item) else {
                        continue;
                    };
                    for p in r.parts.iter().filter(|p| on_side(v, p.part)) {
                        if let (Some(x), Some(students)) = (p.value, enrolment(v, Some(c), p.part))
                        {
                            pairs.push((x, students));
                            meeting += usize::from(p.outcome == Outcome::Met);
                        }
                    }
                }
                let spread = weighted_cv(&pairs);
                let within_limit = match spread {
                    Spread::Computed { cv, .. } => Some(cv <= side.limit() + 1e-12),
                    _ => None,
                };
                let any_on_side = members.iter().any(|(v, _)| {
                    v.recomputed
                        .items
                        .iter()
                        .any(|i| &i.id == *item && i.parts.iter().any(|p| on_side(v, p.part)))
                });
                if any_on_side {
                    figures.push(CountyFigure {
                        checklist: id.to_string(),
                        item: (*item).clone(),
                        side,
                        schools: pairs.len(),
                        students: pairs.iter().map(|&(_, p)| p).sum(),
                        spread,
                        limit: side.limit(),
                        within_limit,
                        schools_meeting: meeting,
                    });
                }
            }
            let groups: Vec<Option<bool>> = members
                .iter()
                .flat_map(|(v, _)| {
                    v.recomputed
                        .groups
                        .iter()
                        .filter(|g| on_side(v, g.part))
                        .map(|g| g.holds)
                })
                .collect();
            if !groups.is_empty() {
                rule.push(RuleCount {
                    checklist: id.to_string(),
                    side,
                    meeting: groups.iter().filter(|h| **h == Some(true)).count(),
                    schools: groups.len(),
                });
            }
        }
    }
    CountyReport {
        schools,
        figures,
        rule,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weighted_cv_of_a_worked_example() {
        // Three 小学 with 4, 5 and 6 teachers per 100 students and 100, 200, 300 students:
        //   P = 600; X̄ = (100·4 + 200·5 + 300·6) / 600 = 3200 / 600 = 16/3
        //   S² = (1/6)(4 − 16/3)² + (2/6)(5 − 16/3)² + (3/6)(6 − 16/3)²
        //      = (1/6)(16/9) + (1/3)(1/9) + (1/2)(4/9) = 16/54 + 2/54 + 12/54 = 5/9
        //   S = √5 / 3;  CV = S / X̄ = (√5/3) / (16/3) = √5 / 16 ≈ 0.13975
        let Spread::Computed { mean, sd, cv } =
            weighted_cv(&[(4.0, 100.0), (5.0, 200.0), (6.0, 300.0)])
        else {
            panic!("computed")
        };
        assert!((mean - 16.0 / 3.0).abs() < 1e-12);
        assert!((sd - 5f64.sqrt() / 3.0).abs() < 1e-12);
        assert!((cv - 5f64.sqrt() / 16.0).abs() < 1e-12);
        // Weighted, not the plain CV: the plain one of 4, 5, 6 is √(2/3)/5 ≈ 0.1633.
        assert!((cv - (2f64 / 3.0).sqrt() / 5.0).abs() > 0.02);
    }

    #[test]
    fn undefined_cases_are_named_not_nan() {
        assert_eq!(weighted_cv(&[]), Spread::NoSchools);
        assert_eq!(weighted_cv(&[(4.0, 0.0), (5.0, 0.0)]), Spread::NoStudents);
        assert_eq!(
            weighted_cv(&[(4.0, 120.0)]),
            Spread::OneSchool { mean: 4.0 }
        );
        assert_eq!(weighted_cv(&[(0.0, 100.0), (0.0, 50.0)]), Spread::ZeroMean);
        // A school with no students carries no weight.
        assert_eq!(
            weighted_cv(&[(4.0, 100.0), (99.0, 0.0)]),
            Spread::OneSchool { mean: 4.0 }
        );
        // Equal values: no spread at all.
        assert_eq!(
            weighted_cv(&[(5.0, 10.0), (5.0, 90.0)]),
            Spread::Computed {
                mean: 5.0,
                sd: 0.0,
                cv: 0.0
            }
        );
    }
}
