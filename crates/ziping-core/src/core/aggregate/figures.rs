//! The county's figures from the counted schools' facts, per checklist version (never pooled:
//! two versions' thresholds may differ): each resource indicator's enrolment-weighted 差异系数
//! per side, the school rule counts, and the rates the sources set for the county as a whole.

use super::RateShare;
use super::{
    weighted_cv, CountyFigure, CountyRate, RuleCount, RuleTerms, SchoolFacts, Side, Spread,
};
use crate::core::checklist::Checklist;
use crate::core::model::{Comparison, ItemKind, Scope, Text};
use crate::core::score::Outcome;
use std::collections::BTreeMap;

/// The counted schools grouped by the checklist version they were made with and their school
/// year (figures of two versions or two years are never pooled).
fn by_version<'a>(
    counted: &[(&'a SchoolFacts, &'a Checklist)],
) -> Vec<(&'a Checklist, String, Vec<&'a SchoolFacts>)> {
    let mut groups: Vec<(&Checklist, String, Vec<&SchoolFacts>)> = Vec::new();
    for &(f, c) in counted {
        match groups
            .iter_mut()
            .find(|(g, year, _)| g.sha256() == c.sha256() && *year == f.school_year)
        {
            Some((_, _, members)) => members.push(f),
            None => groups.push((c, f.school_year.clone(), vec![f])),
        }
    }
    groups.sort_by(|(a, a_year, _), (b, b_year, _)| {
        (&a.doc().id, a_year, &a.doc().version, a.sha256()).cmp(&(
            &b.doc().id,
            b_year,
            &b.doc().version,
            b.sha256(),
        ))
    });
    groups
}

/// An item's name and unit, from its checklist.
fn title_and_unit(checklist: &Checklist, item: &str) -> (Text, String) {
    let def = checklist.item(item);
    let title = def.map_or_else(
        || Text {
            zh: item.to_string(),
            en: item.to_string(),
        },
        |d| d.text.clone(),
    );
    let unit = def.map_or_else(String::new, |d| d.kind.unit().to_string());
    (title, unit)
}

/// Each resource indicator's spread per side, and the schools meeting the school rule.
pub(super) fn figures(
    counted: &[(&SchoolFacts, &Checklist)],
) -> (Vec<CountyFigure>, Vec<RuleCount>) {
    let mut figures = Vec::new();
    let mut rule = Vec::new();
    for (checklist, school_year, members) in by_version(counted) {
        let doc = checklist.doc();
        // 差异系数 for the 资源配置 rule's items only: a county's own rule over other items
        // has no limit of 0.50 / 0.45 to be judged against.
        let items = checklist.spread_items();
        let by_item: BTreeMap<&str, usize> =
            items.iter().enumerate().map(|(n, i)| (*i, n)).collect();
        let tallies = tally(&by_item, &members);
        for side in [Side::Primary, Side::Junior] {
            for item in &items {
                if let Some(t) = &tallies[by_item[item]][side.index()] {
                    figures.push(figure(checklist, &school_year, item, side, t));
                }
            }
            let groups: Vec<Option<bool>> = members
                .iter()
                .flat_map(|f| {
                    f.groups
                        .iter()
                        .filter(|(p, _)| f.side(*p) == Some(side))
                        .map(|(_, holds)| *holds)
                })
                .collect();
            if !groups.is_empty() {
                rule.push(RuleCount {
                    checklist: doc.id.clone(),
                    version: doc.version.clone(),
                    school_year: school_year.clone(),
                    side,
                    meeting: groups.iter().filter(|h| **h == Some(true)).count(),
                    schools: groups.len(),
                    terms: doc.group_rules.iter().map(RuleTerms::of).collect(),
                });
            }
        }
    }
    (figures, rule)
}

/// One indicator's cells on one side: (value, students) of the schools in its 差异系数, how
/// many of them meet the threshold, and how many were left out.
#[derive(Default)]
struct Tally {
    pairs: Vec<(f64, f64)>,
    meeting: usize,
    left_out: usize,
    /// The school with the most students among `pairs` (its students, its name).
    heaviest: Option<(f64, String)>,
}

/// Every school's cells of the items, by their place in `by_item` and by side (`None`: no
/// school has a part on that side), in one pass over the schools rather than one per item and
/// side (a province: 10,000 files, 7 items, 2 sides).
fn tally(by_item: &BTreeMap<&str, usize>, members: &[&SchoolFacts]) -> Vec<[Option<Tally>; 2]> {
    let mut tallies: Vec<[Option<Tally>; 2]> = by_item.iter().map(|_| [None, None]).collect();
    for f in members {
        for cell in &f.indicators {
            let (Some(&n), Some(side)) = (by_item.get(cell.item.as_str()), f.side(cell.part))
            else {
                continue;
            };
            let t = tallies[n][side.index()].get_or_insert_with(Tally::default);
            match (cell.value, f.students(cell.part)) {
                (Some(x), Some(students)) => {
                    t.pairs.push((x, students));
                    t.meeting += usize::from(cell.outcome == Outcome::Met);
                    if t.heaviest.as_ref().is_none_or(|(most, _)| students > *most) {
                        // Named as the school wrote its name, or by its code without one.
                        let name = if f.school_name.trim().is_empty() {
                            &f.school_code
                        } else {
                            &f.school_name
                        };
                        t.heaviest = Some((students, name.clone()));
                    }
                }
                _ => t.left_out += 1,
            }
        }
    }
    tallies
}

/// One indicator on one side, from its tally.
fn figure(
    checklist: &Checklist,
    school_year: &str,
    item: &str,
    side: Side,
    tally: &Tally,
) -> CountyFigure {
    let pairs = &tally.pairs;
    let spread = weighted_cv(pairs);
    let within_limit = match spread {
        Spread::Computed { cv, .. } => Some(cv <= side.limit() + 1e-12),
        _ => None,
    };
    let (title, unit) = title_and_unit(checklist, item);
    CountyFigure {
        checklist: checklist.doc().id.clone(),
        version: checklist.doc().version.clone(),
        school_year: school_year.to_string(),
        item: item.to_string(),
        title,
        unit,
        side,
        schools: pairs.len(),
        left_out: tally.left_out,
        students: pairs.iter().map(|&(_, p)| p).sum(),
        heaviest: tally.heaviest.as_ref().map(|(most, name)| {
            let all: f64 = pairs.iter().map(|&(_, p)| p).sum();
            (name.clone(), if all > 0.0 { most / all } else { 0.0 })
        }),
        spread,
        limit: side.limit(),
        within_limit,
        schools_meeting: tally.meeting,
        floor: checklist.group_of(item).map(|g| g.floor_ratio),
    }
}

/// The county rates (items with `scope: county_rate`): Σ numerator ÷ Σ denominator of the
/// schools' raw counts for a computed ratio; the enrolment-weighted mean per side of a rate
/// each school reports.
/// The school with the largest weight among `weights` (school, its weight), named as it
/// wrote its name (or by its code without one), and its share of the whole.
fn heaviest(weights: &[(&SchoolFacts, f64)]) -> Option<(String, f64)> {
    let total: f64 = weights.iter().map(|(_, w)| w).sum();
    let (f, most) = weights
        .iter()
        .filter(|(_, w)| w.is_finite())
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    if !(total > 0.0 && total.is_finite()) {
        return None;
    }
    let name = if f.school_name.trim().is_empty() {
        &f.school_code
    } else {
        &f.school_name
    };
    Some((name.clone(), most / total))
}

pub(super) fn county_rates(counted: &[(&SchoolFacts, &Checklist)]) -> Vec<CountyRate> {
    let mut out = Vec::new();
    for (checklist, school_year, members) in by_version(counted) {
        for (_, item) in checklist
            .items()
            .filter(|(_, i)| i.scope == Scope::CountyRate)
        {
            let (title, unit) = title_and_unit(checklist, &item.id);
            let rate = |side,
                        schools,
                        value: Option<f64>,
                        rule: Option<Comparison>,
                        weights: &[(&SchoolFacts, f64)]| {
                let value = value.filter(|x| x.is_finite());
                CountyRate {
                    checklist: checklist.doc().id.clone(),
                    version: checklist.doc().version.clone(),
                    school_year: school_year.clone(),
                    item: item.id.clone(),
                    title: title.clone(),
                    unit: unit.clone(),
                    side,
                    schools,
                    value,
                    rule,
                    met: rule.zip(value).map(|(r, x)| r.holds(x)),
                    heaviest: heaviest(weights),
                }
            };
            match &item.kind {
                ItemKind::Computed { rule, formula, .. } => {
                    let scale = match formula {
                        crate::core::model::Formula::Ratio { scale, .. } => *scale,
                        _ => continue,
                    };
                    let (mut n, mut d, mut schools) = (0.0, 0.0, 0);
                    let mut weights = Vec::new();
                    for (f, share) in members
                        .iter()
                        .flat_map(|f| f.rates.iter().map(move |r| (*f, r)))
                    {
                        if let RateShare::Counts {
                            item: id,
                            numerator,
                            denominator,
                        } = share
                        {
                            if *id == item.id {
                                n += numerator;
                                d += denominator;
                                schools += 1;
                                weights.push((f, *denominator));
                            }
                        }
                    }
                    // One county-wide rate: it has a verdict when the sides share their rule.
                    let common = match (rule.primary, rule.junior) {
                        (Some(p), Some(j)) if p == j => Some(p),
                        (Some(p), None) => Some(p),
                        (None, Some(j)) => Some(j),
                        _ => None,
                    };
                    out.push(rate(
                        None,
                        schools,
                        (d > 0.0).then(|| n / d * scale),
                        common,
                        &weights,
                    ));
                }
                ItemKind::Number { rule, .. } => {
                    for side in [Side::Primary, Side::Junior] {
                        let side_rule = match side {
                            Side::Primary => rule.primary,
                            Side::Junior => rule.junior,
                        };
                        let pairs: Vec<(&SchoolFacts, f64, f64)> = members
                            .iter()
                            .flat_map(|f| f.rates.iter().map(move |r| (*f, r)))
                            .filter_map(|(f, r)| match r {
                                RateShare::Reported {
                                    item: id,
                                    part,
                                    value,
                                    students,
                                } if *id == item.id && f.side(*part) == Some(side) => {
                                    Some((f, *value, *students))
                                }
                                _ => None,
                            })
                            .collect();
                        if pairs.is_empty() {
                            continue;
                        }
                        let total: f64 = pairs.iter().map(|(_, _, s)| s).sum();
                        let value = (total > 0.0)
                            .then(|| pairs.iter().map(|(_, x, s)| x * s).sum::<f64>() / total);
                        let weights: Vec<_> = pairs.iter().map(|(f, _, s)| (*f, *s)).collect();
                        out.push(rate(Some(side), pairs.len(), value, side_rule, &weights));
                    }
                }
                _ => {}
            }
        }
    }
    out
}
