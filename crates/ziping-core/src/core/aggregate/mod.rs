//! County mode: many schools' verified submissions in; the school table and the county's
//! enrolment-weighted 差异系数 (difference coefficient) per resource indicator out.
//!
//! Files are matched to checklists by id, version and content hash; figures are computed per
//! checklist version, never pooled. A school is its normalised code (see [`identity`]); of its
//! files the newest counts, unless the files disagree about who the school is or two equally
//! new files differ: then none counts until the officer picks one. A 九年一贯制 school
//! contributes its 小学 part to the 小学 side and its 初中 part to the 初中 side.

pub mod identity;
mod spread;

pub use spread::{weighted_cv, Spread};

use crate::core::answers::{parse_number, Part, Slot, Value};
use crate::core::checklist::Checklist;
use crate::core::export::{ImportError, Verified};
use crate::core::model::{SchoolType, Text};
use crate::core::score::{Completion, Outcome};
use identity::{group, Who};
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

/// What the aggregation needs besides the files.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// RFC 3339: files exported later than this are flagged, not counted.
    pub now: &'a str,
    /// Only this county's files (compared normalised); the others are listed, not counted.
    pub county: Option<&'a str>,
    /// Files the officer chose to count for their school (resolving a conflict, or accepting
    /// a file dated in the future), by file name.
    pub picks: &'a [String],
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
    pub version: String,
    /// Students per part (the whole school, or each part of a 九年一贯制 school); `None` where
    /// the enrolment entered cannot be used.
    pub enrolment: Vec<(Part, Option<f64>)>,
    pub earned: f64,
    pub max: f64,
    /// The grade's label, or the veto label.
    pub grade: Option<Text>,
    pub vetoed: bool,
    /// Each resource indicator per part: its value and outcome.
    pub indicators: Vec<IndicatorCell>,
    /// The school rule (e.g. ≥ 6 of 7, the rest ≥ 85%) per part.
    pub rule: Vec<(Part, Option<bool>)>,
    pub completion: Option<Completion>,
    pub exported: String,
}

impl SchoolRow {
    fn invalid(file: &str, error: String) -> SchoolRow {
        SchoolRow {
            file: file.to_string(),
            status: FileStatus::Invalid { error },
            school_name: String::new(),
            school_code: String::new(),
            county: String::new(),
            school_type: None,
            checklist: String::new(),
            version: String::new(),
            enrolment: Vec::new(),
            earned: 0.0,
            max: 0.0,
            grade: None,
            vetoed: false,
            indicators: Vec::new(),
            rule: Vec::new(),
            completion: None,
            exported: String::new(),
        }
    }
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

/// Why files of one school cannot both count, and the officer must pick.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Conflict {
    /// One school code, different school names: a typo in a code, or two schools.
    SameCodeOtherName { names: Vec<String> },
    /// Exported at the same moment with different content: which is newer cannot be told.
    SameTimeOtherContent,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileStatus {
    Ok,
    /// Counted, but not everything is answered or some values cannot be used: figures use
    /// what it has.
    Incomplete {
        answered: usize,
        required: usize,
        errors: usize,
    },
    /// The stored result differs from the one recomputed from the answers (the recomputed
    /// one is used).
    ResultDiffers,
    /// Another file of the same school and checklist counts instead (it is newer, or the
    /// officer picked it); `identical` when this is the same file again.
    Duplicate {
        kept: String,
        identical: bool,
    },
    /// Not counted until the officer picks one of `with` or this one.
    Conflict {
        reason: Conflict,
        with: Vec<String>,
    },
    /// Exported after the aggregation's "now": a wrong clock, or an edited file. Not counted
    /// unless the officer picks it.
    FutureTime,
    /// From another county than the one aggregated.
    OtherCounty,
    /// The file cannot be used.
    Invalid {
        error: String,
    },
}

impl FileStatus {
    /// The file counts for its school in the figures.
    pub fn counted(&self) -> bool {
        matches!(
            self,
            FileStatus::Ok | FileStatus::Incomplete { .. } | FileStatus::ResultDiffers
        )
    }
}

/// One indicator on one side of the county, for one checklist version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyFigure {
    pub checklist: String,
    pub version: String,
    pub item: String,
    /// The indicator's name and unit, from its checklist.
    pub title: Text,
    pub unit: String,
    pub side: Side,
    /// Schools (parts) in the 差异系数.
    pub schools: usize,
    /// Counted schools of this side left out of this figure: no usable value or enrolment
    /// (an incomplete file, or an indicator that cannot be computed).
    pub left_out: usize,
    pub students: f64,
    pub spread: Spread,
    pub limit: f64,
    /// `None` when the spread is undefined.
    pub within_limit: Option<bool>,
    /// Schools (parts) whose value reaches the threshold.
    pub schools_meeting: usize,
}

/// Schools meeting the school rule, per checklist version and side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleCount {
    pub checklist: String,
    pub version: String,
    pub side: Side,
    pub meeting: usize,
    pub schools: usize,
}

/// A rate the source sets for the county as a whole (an item with `scope: county_rate`),
/// computed from the counted schools' raw counts: Σ numerator ÷ Σ denominator for a computed
/// ratio, the enrolment-weighted mean of the schools' values for a rate they report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyRate {
    pub checklist: String,
    pub version: String,
    pub item: String,
    pub title: Text,
    pub unit: String,
    /// `None` for a county-wide ratio; the side for a rate reported per side.
    pub side: Option<Side>,
    /// Schools whose figures went into it.
    pub schools: usize,
    pub value: Option<f64>,
    pub rule: Option<crate::core::model::Comparison>,
    pub met: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyReport {
    pub schools: Vec<SchoolRow>,
    pub figures: Vec<CountyFigure>,
    pub rule: Vec<RuleCount>,
    /// The county's own rates (政府保障程度 and 教育质量 figures set for the county).
    pub county_rates: Vec<CountyRate>,
    /// The counties the readable files name (as written in the first file of each), sorted.
    pub counties: Vec<String>,
    /// The county aggregated, if one was chosen.
    pub county: Option<String>,
}

impl CountyReport {
    /// More than one county among the files, and none chosen: the figures mix counties.
    pub fn mixes_counties(&self) -> bool {
        self.county.is_none() && self.counties.len() > 1
    }
}

/// A file and what reading it gave.
pub type Input = (String, Result<Verified, ImportError>);

/// Students of one part, as entered and usable (a whole number ≥ 1 the engine accepted).
fn enrolment(v: &Verified, checklist: &Checklist, part: Part) -> Option<f64> {
    let id = checklist
        .doc()
        .split
        .as_ref()
        .map_or("students", |s| s.enrolment_input.as_str());
    let value = |p: Part| {
        let slot = Slot::new(id, p);
        if v.recomputed.invalid.iter().any(|i| i.slot == slot) {
            return None;
        }
        match v.export.answers.get(&slot) {
            Some(Value::Number(t)) => parse_number(t).ok().filter(|n| n.is_finite() && *n >= 1.0),
            _ => None,
        }
    };
    match (v.export.profile.school_type, part) {
        (Some(SchoolType::NineYear), Part::Whole) => {
            Some(value(Part::Primary)? + value(Part::Junior)?)
        }
        (Some(SchoolType::NineYear), p) => value(p),
        (_, _) => value(Part::Whole),
    }
}

fn millis(time: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(time)
        .ok()
        .map(|t| t.timestamp_millis())
}

/// The checklist a verified file was made with.
fn checklist_of<'c>(v: &Verified, checklists: &'c [Checklist]) -> Option<&'c Checklist> {
    let named = &v.export.checklist;
    checklists
        .iter()
        .find(|c| c.is(&named.id, &named.version, &named.sha256))
}

/// Aggregates the files: `describe` words an import error (the app and the CLI each choose
/// their language).
pub fn aggregate(
    files: &[Input],
    checklists: &[Checklist],
    options: &Options,
    describe: impl Fn(&ImportError) -> String,
) -> CountyReport {
    let county = options.county.map(identity::normalize);
    let mut statuses: Vec<Option<FileStatus>> = vec![None; files.len()];
    let mut readable: Vec<(usize, &Verified, &Checklist)> = Vec::new();
    for (n, (_, result)) in files.iter().enumerate() {
        match result {
            Err(e) => statuses[n] = Some(FileStatus::Invalid { error: describe(e) }),
            Ok(v) => match checklist_of(v, checklists) {
                None => {
                    let e = ImportError::UnknownChecklist {
                        id: v.export.checklist.id.clone(),
                        version: v.export.checklist.version.clone(),
                    };
                    statuses[n] = Some(FileStatus::Invalid {
                        error: describe(&e),
                    });
                }
                Some(_)
                    if county
                        .as_ref()
                        .is_some_and(|c| &identity::normalize(&v.export.profile.county) != c) =>
                {
                    statuses[n] = Some(FileStatus::OtherCounty)
                }
                Some(c) => readable.push((n, v, c)),
            },
        }
    }
    decide_schools(files, &readable, options, &mut statuses);

    let mut schools = Vec::with_capacity(files.len());
    let mut counted: Vec<(&Verified, &Checklist)> = Vec::new();
    for (n, (file, result)) in files.iter().enumerate() {
        let status = statuses[n].clone().unwrap_or(FileStatus::Ok);
        let (Ok(v), Some(c)) = (result, readable.iter().find(|r| r.0 == n).map(|r| r.2)) else {
            let row = match (&status, result) {
                (FileStatus::OtherCounty, Ok(v)) => {
                    school_row(file, status.clone(), v, checklist_of(v, checklists))
                }
                (FileStatus::Invalid { error }, _) => SchoolRow::invalid(file, error.clone()),
                _ => SchoolRow::invalid(file, String::new()),
            };
            schools.push(row);
            continue;
        };
        if status.counted() {
            counted.push((v, c));
        }
        schools.push(school_row(file, status, v, Some(c)));
    }

    let mut counties: Vec<String> = Vec::new();
    for (_, result) in files {
        if let Ok(v) = result {
            let name = v.export.profile.county.trim();
            if !counties
                .iter()
                .any(|c| identity::normalize(c) == identity::normalize(name))
            {
                counties.push(name.to_string());
            }
        }
    }
    counties.sort();
    let (figures, rule) = figures(&counted);
    CountyReport {
        schools,
        figures,
        rule,
        county_rates: county_rates(&counted),
        counties,
        county: options.county.map(str::to_string),
    }
}

/// For every school (per checklist id), which of its files counts: the one the officer
/// picked, else the newest; none while the files disagree about who the school is or two
/// equally new files differ. Files dated after "now" are flagged.
fn decide_schools(
    files: &[Input],
    readable: &[(usize, &Verified, &Checklist)],
    options: &Options,
    statuses: &mut [Option<FileStatus>],
) {
    let now = millis(options.now).unwrap_or(i64::MAX);
    let name = |n: usize| files[n].0.clone();
    let mut ids: Vec<&str> = readable.iter().map(|r| r.2.doc().id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let who: Vec<(usize, Who)> = readable
            .iter()
            .filter(|r| r.2.doc().id == id)
            .map(|(n, v, _)| {
                let p = &v.export.profile;
                (*n, Who::new(&p.school_code, &p.school_name, &p.county))
            })
            .collect();
        let verified = |n: usize| readable.iter().find(|r| r.0 == n).map(|r| r.1);
        for members in group(&who) {
            // Every file of `among` but `kept` is a duplicate of it.
            let kept_by = |kept: usize, among: &[usize], statuses: &mut [Option<FileStatus>]| {
                for &m in among.iter().filter(|&&m| m != kept) {
                    let identical = verified(m).map(|v| &v.export.digest)
                        == verified(kept).map(|v| &v.export.digest);
                    statuses[m] = Some(FileStatus::Duplicate {
                        kept: name(kept),
                        identical,
                    });
                }
            };
            if let Some(&picked) = members.iter().find(|&&m| options.picks.contains(&name(m))) {
                kept_by(picked, &members, statuses);
                continue;
            }
            let mut names: Vec<String> = Vec::new();
            for (_, w) in who
                .iter()
                .filter(|(n, w)| members.contains(n) && !w.code.is_empty())
            {
                if !names.contains(&w.name) {
                    names.push(w.name.clone());
                }
            }
            if names.len() > 1 {
                let shown: Vec<String> = members
                    .iter()
                    .filter_map(|&m| verified(m).map(|v| v.export.profile.school_name.clone()))
                    .fold(Vec::new(), |mut acc, n| {
                        if !acc.contains(&n) {
                            acc.push(n);
                        }
                        acc
                    });
                for &m in &members {
                    statuses[m] = Some(FileStatus::Conflict {
                        reason: Conflict::SameCodeOtherName {
                            names: shown.clone(),
                        },
                        with: members
                            .iter()
                            .filter(|&&o| o != m)
                            .map(|&o| name(o))
                            .collect(),
                    });
                }
                continue;
            }
            let time = |m: usize| verified(m).and_then(|v| millis(&v.export.exported));
            let (future, present): (Vec<usize>, Vec<usize>) = members
                .iter()
                .partition(|&&m| time(m).is_some_and(|t| t > now));
            for &m in &future {
                statuses[m] = Some(FileStatus::FutureTime);
            }
            let Some(newest) = present.iter().filter_map(|&m| time(m)).max() else {
                continue;
            };
            let tied: Vec<usize> = present
                .iter()
                .copied()
                .filter(|&m| time(m) == Some(newest))
                .collect();
            let mut digests: Vec<&String> = tied
                .iter()
                .filter_map(|&m| verified(m).map(|v| &v.export.digest))
                .collect();
            digests.sort();
            digests.dedup();
            if digests.len() > 1 {
                for &m in &present {
                    statuses[m] = Some(if tied.contains(&m) {
                        FileStatus::Conflict {
                            reason: Conflict::SameTimeOtherContent,
                            with: tied.iter().filter(|&&o| o != m).map(|&o| name(o)).collect(),
                        }
                    } else {
                        FileStatus::Duplicate {
                            kept: name(tied[0]),
                            identical: false,
                        }
                    });
                }
                continue;
            }
            kept_by(tied[0], &present, statuses);
        }
    }
    // A counted file is Ok, or says what is off about it.
    for (n, v, _) in readable {
        if statuses[*n].is_none() {
            let c = v.recomputed.completion;
            statuses[*n] = Some(if !v.result_matches() {
                FileStatus::ResultDiffers
            } else if !v.recomputed.is_complete() {
                FileStatus::Incomplete {
                    answered: c.answered,
                    required: c.required,
                    errors: c.errors,
                }
            } else {
                FileStatus::Ok
            });
        }
    }
}

/// A readable file's line in the school table.
fn school_row(
    file: &str,
    status: FileStatus,
    v: &Verified,
    checklist: Option<&Checklist>,
) -> SchoolRow {
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
    let profile = &v.export.profile;
    SchoolRow {
        file: file.to_string(),
        status,
        school_name: profile.school_name.clone(),
        school_code: profile.school_code.clone(),
        county: profile.county.clone(),
        school_type: profile.school_type,
        checklist: v.export.checklist.id.clone(),
        version: v.export.checklist.version.clone(),
        enrolment: parts
            .iter()
            .map(|&p| (p, checklist.and_then(|c| enrolment(v, c, p))))
            .collect(),
        earned: a.total.earned,
        max: a.total.max,
        grade: checklist.and_then(|c| {
            let doc = c.doc();
            if a.grade.vetoed {
                return Some(doc.veto_grade.clone());
            }
            let band = a.grade.band.as_ref()?;
            doc.grades
                .iter()
                .find(|g| &g.id == band)
                .map(|g| g.label.clone())
        }),
        vetoed: a.grade.vetoed,
        indicators,
        rule: a.groups.iter().map(|g| (g.part, g.holds)).collect(),
        completion: Some(a.completion),
        exported: v.export.exported.clone(),
    }
}

/// The county figures and rule counts of the counted files, per checklist version.
fn figures(counted: &[(&Verified, &Checklist)]) -> (Vec<CountyFigure>, Vec<RuleCount>) {
    let mut figures = Vec::new();
    let mut rule = Vec::new();
    let mut versions: Vec<(&str, &str, &str)> = counted
        .iter()
        .map(|(_, c)| (c.doc().id.as_str(), c.doc().version.as_str(), c.sha256()))
        .collect();
    versions.sort_unstable();
    versions.dedup();
    for (id, version, sha) in versions {
        let members: Vec<&(&Verified, &Checklist)> = counted
            .iter()
            .filter(|(_, c)| c.is(id, version, sha))
            .collect();
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
                let (mut meeting, mut left_out, mut on_this_side) = (0, 0, false);
                for (v, c) in &members {
                    let Some(r) = v.recomputed.items.iter().find(|i| &i.id == *item) else {
                        continue;
                    };
                    for p in r.parts.iter().filter(|p| on_side(v, p.part)) {
                        on_this_side = true;
                        match (p.value.filter(|x| x.is_finite()), enrolment(v, c, p.part)) {
                            (Some(x), Some(students)) => {
                                pairs.push((x, students));
                                meeting += usize::from(p.outcome == Outcome::Met);
                            }
                            _ => left_out += 1,
                        }
                    }
                }
                if !on_this_side {
                    continue;
                }
                let spread = weighted_cv(&pairs);
                let within_limit = match spread {
                    Spread::Computed { cv, .. } => Some(cv <= side.limit() + 1e-12),
                    _ => None,
                };
                let def = checklist.item(item);
                figures.push(CountyFigure {
                    checklist: id.to_string(),
                    version: version.to_string(),
                    item: (*item).clone(),
                    title: def.map_or_else(
                        || Text {
                            zh: (*item).clone(),
                            en: (*item).clone(),
                        },
                        |d| d.text.clone(),
                    ),
                    unit: def
                        .and_then(|d| match &d.kind {
                            crate::core::model::ItemKind::Computed { unit, .. }
                            | crate::core::model::ItemKind::Number { unit, .. } => {
                                Some(unit.clone())
                            }
                            _ => None,
                        })
                        .unwrap_or_default(),
                    side,
                    schools: pairs.len(),
                    left_out,
                    students: pairs.iter().map(|&(_, p)| p).sum(),
                    spread,
                    limit: side.limit(),
                    within_limit,
                    schools_meeting: meeting,
                });
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
                    version: version.to_string(),
                    side,
                    meeting: groups.iter().filter(|h| **h == Some(true)).count(),
                    schools: groups.len(),
                });
            }
        }
    }
    (figures, rule)
}

/// A school's raw input for the whole school (both parts of a 九年一贯制 school added up), if
/// entered and usable.
fn whole_input(v: &Verified, checklist: &Checklist, id: &str) -> Option<f64> {
    let value = |p: Part| {
        let slot = Slot::new(id, p);
        if v.recomputed.invalid.iter().any(|i| i.slot == slot) {
            return None;
        }
        match v.export.answers.get(&slot) {
            Some(Value::Number(t)) => parse_number(t).ok().filter(|n| n.is_finite()),
            _ => None,
        }
    };
    let per_part = checklist
        .input(id)
        .is_some_and(|d| d.scope == crate::core::model::InputScope::PerPart);
    match v.export.profile.school_type {
        Some(SchoolType::NineYear) if per_part => {
            Some(value(Part::Primary)? + value(Part::Junior)?)
        }
        _ => value(Part::Whole),
    }
}

/// The county rates of the counted files, per checklist version.
fn county_rates(counted: &[(&Verified, &Checklist)]) -> Vec<CountyRate> {
    use crate::core::model::{Formula, ItemKind, Scope};
    let mut out = Vec::new();
    let mut versions: Vec<(&str, &str, &str)> = counted
        .iter()
        .map(|(_, c)| (c.doc().id.as_str(), c.doc().version.as_str(), c.sha256()))
        .collect();
    versions.sort_unstable();
    versions.dedup();
    for (id, version, sha) in versions {
        let members: Vec<&(&Verified, &Checklist)> = counted
            .iter()
            .filter(|(_, c)| c.is(id, version, sha))
            .collect();
        let Some((_, checklist)) = members.first() else {
            continue;
        };
        for (_, item) in checklist
            .items()
            .filter(|(_, i)| i.scope == Scope::CountyRate)
        {
            let base =
                |side,
                 schools,
                 value: Option<f64>,
                 rule: Option<crate::core::model::Comparison>| CountyRate {
                    checklist: id.to_string(),
                    version: version.to_string(),
                    item: item.id.clone(),
                    title: item.text.clone(),
                    unit: match &item.kind {
                        ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => {
                            unit.clone()
                        }
                        _ => String::new(),
                    },
                    side,
                    schools,
                    value: value.filter(|x| x.is_finite()),
                    rule,
                    met: rule
                        .zip(value.filter(|x| x.is_finite()))
                        .map(|(r, x)| r.holds(x)),
                };
            match &item.kind {
                // Σ numerator ÷ Σ denominator over the schools that report both.
                ItemKind::Computed {
                    formula:
                        Formula::Ratio {
                            numerator,
                            denominator,
                            scale,
                        },
                    rule,
                    ..
                } => {
                    let sum = |ids: &[String], v: &Verified, c: &Checklist| -> Option<f64> {
                        ids.iter().map(|i| whole_input(v, c, i)).sum()
                    };
                    let (mut n, mut d, mut schools) = (0.0, 0.0, 0);
                    for (v, c) in &members {
                        let applies = v
                            .recomputed
                            .items
                            .iter()
                            .any(|r| r.id == item.id && r.applicable);
                        if let (true, Some(a), Some(b)) =
                            (applies, sum(numerator, v, c), sum(denominator, v, c))
                        {
                            n += a;
                            d += b;
                            schools += 1;
                        }
                    }
                    // One county-wide rate: it has a verdict when the sides share their rule.
                    let common = match (rule.primary, rule.junior) {
                        (Some(p), Some(j)) if p == j => Some(p),
                        (Some(p), None) => Some(p),
                        (None, Some(j)) => Some(j),
                        _ => None,
                    };
                    let value = (d > 0.0).then(|| n / d * scale);
                    out.push(base(None, schools, value, common));
                }
                // A rate each school reports: weighted by the students of the side it is for.
                ItemKind::Number { rule, .. } => {
                    for side in [Side::Primary, Side::Junior] {
                        let side_rule = match side {
                            Side::Primary => rule.primary,
                            Side::Junior => rule.junior,
                        };
                        let mut pairs = Vec::new();
                        for (v, c) in &members {
                            let Some(t) = v.export.profile.school_type else {
                                continue;
                            };
                            let Some(r) = v.recomputed.items.iter().find(|r| r.id == item.id)
                            else {
                                continue;
                            };
                            for p in r.parts.iter().filter(|p| Side::of(t, p.part) == Some(side)) {
                                if let (Some(x), Some(students)) =
                                    (p.value, enrolment(v, c, p.part))
                                {
                                    pairs.push((x, students));
                                }
                            }
                        }
                        if pairs.is_empty() {
                            continue;
                        }
                        let total: f64 = pairs.iter().map(|(_, s)| s).sum();
                        let value = (total > 0.0)
                            .then(|| pairs.iter().map(|(x, s)| x * s).sum::<f64>() / total);
                        out.push(base(Some(side), pairs.len(), value, side_rule));
                    }
                }
                _ => {}
            }
        }
    }
    out
}
