//! 数据核查: what in a batch deserves a second look, each with its reason. A flag never changes
//! a score or whether a file counts; it tells the officer where to look first (and weighs the
//! on-site sample, `sample::draw`).
//!
//! Six kinds, each measured only on counted files:
//! - a raw figure that moved by [`JUMP_RATIO`] or more against the same school's counted file
//!   of last year;
//! - pupils per class, teachers per class or area per pupil far outside the county's spread
//!   (beyond the quartiles by [`FENCE`] interquartile ranges, and at least twice or at most
//!   half the median);
//! - two schools with the same raw data (every figure identical);
//! - [`AT_THRESHOLD_SCHOOLS`] or more schools, at least a fifth of those with a value, exactly
//!   at an indicator's threshold;
//! - every red line (一票否决) answered 达标 with no evidence note and no evidence file;
//! - with a roster that keeps enrolment: a file's enrolment off the roster's by more than
//!   [`ROSTER_GAP`] (and [`ROSTER_GAP_PUPILS`]): enrolment weighs every coefficient.

use super::{SchoolFacts, SchoolRow};
use crate::core::answers::Part;
use crate::core::checklist::Checklist;
use crate::core::export::Verified;
use crate::core::model::{InputScope, ItemKind, SchoolType, Text};
use crate::core::score::{input_slots, Outcome};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A raw figure that grew to this many times last year's, or shrank to its inverse, is flagged.
pub const JUMP_RATIO: f64 = 1.5;
/// Counts (people, rooms, classes) smaller than this are not compared with last year's: 2
/// backbone teachers becoming 3 is a school's ordinary year, not a jump.
pub const JUMP_COUNT_FLOOR: f64 = 20.0;
/// Interquartile ranges beyond the quartiles that count as far outside the spread.
pub const FENCE: f64 = 3.0;
/// Fewest schools with a value before the spread says anything.
pub const SPREAD_SCHOOLS: usize = 5;
/// Fewest schools exactly at one threshold before it is flagged.
pub const AT_THRESHOLD_SCHOOLS: usize = 3;
/// A file's enrolment off the roster's by more than this share of the roster's is flagged
/// (pupils come and go within a year; a judgement, not a rule of the sources)…
pub const ROSTER_GAP: f64 = 0.05;
/// … and by more than this many pupils (a small school's few).
pub const ROSTER_GAP_PUPILS: f64 = 10.0;
/// Fewest raw figures two files must have before identical data means anything.
pub const SAME_RAW_FIGURES: usize = 5;

/// A raw input as entered (a usable number, in 元 where typed in 万元). Sent from county
/// mode's workers as a short array (`[input, part, value, count]`), not an object: a file's
/// figures are most of what its facts weigh.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(into = "RawTuple", from = "RawTuple")]
pub struct RawFigure {
    /// The input's place in its checklist's `inputs` (no text per figure: a province's
    /// 100,000 files keep some 30 each).
    pub input: u16,
    pub part: Part,
    pub value: f64,
    /// A count (people, rooms, classes: a whole number), not an amount.
    #[serde(default)]
    pub count: bool,
}

type RawTuple = (u16, Part, f64, bool);

impl From<RawFigure> for RawTuple {
    fn from(r: RawFigure) -> RawTuple {
        (r.input, r.part, r.value, r.count)
    }
}

impl From<RawTuple> for RawFigure {
    fn from((input, part, value, count): RawTuple) -> RawFigure {
        RawFigure {
            input,
            part,
            value,
            count,
        }
    }
}

/// A figure compared across the county.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Measure {
    PupilsPerClass,
    TeachersPerClass,
    /// Square metres of this input per pupil.
    AreaPerPupil {
        input: String,
    },
}

/// The red lines of a file (一票否决 items that apply).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RedLines {
    pub items: usize,
    /// Every one answered 达标, with no evidence note and no evidence file for any.
    pub all_met_unsupported: bool,
}

/// Why a file deserves a second look.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FlagKind {
    /// A raw figure moved by [`JUMP_RATIO`] or more since the school's file of last year.
    Jump {
        input: String,
        part: Part,
        last: f64,
        now: f64,
    },
    /// Far outside the county's spread of this measure (its quartiles given).
    OutsideSpread {
        measure: Measure,
        part: Part,
        value: f64,
        q1: f64,
        q3: f64,
    },
    /// Every raw figure identical to another school's file.
    SameRawData { other: String },
    /// Exactly at the threshold, as `schools` schools are (of `of` with a value).
    AtThreshold {
        item: String,
        part: Part,
        value: f64,
        schools: usize,
        of: usize,
    },
    /// Every red line 达标, and not one evidence note or file for them.
    RedLinesUnsupported { items: usize },
    /// The file's enrolment (its parts added up) off the roster's for the school.
    EnrolmentOffRoster { roster: u32, file: f64 },
}

impl FlagKind {
    /// A stable code, for tables other programs read.
    pub fn code(&self) -> &'static str {
        match self {
            FlagKind::Jump { .. } => "jump",
            FlagKind::OutsideSpread { .. } => "outside_spread",
            FlagKind::SameRawData { .. } => "same_raw_data",
            FlagKind::AtThreshold { .. } => "at_threshold",
            FlagKind::RedLinesUnsupported { .. } => "red_lines_unsupported",
            FlagKind::EnrolmentOffRoster { .. } => "enrolment_off_roster",
        }
    }

    /// The item or input the flag is about, for the 核查单 (none for the whole file).
    pub fn about(&self) -> Option<&str> {
        match self {
            FlagKind::Jump { input, .. } => Some(input),
            FlagKind::AtThreshold { item, .. } => Some(item),
            FlagKind::OutsideSpread {
                measure: Measure::AreaPerPupil { input },
                ..
            } => Some(input),
            _ => None,
        }
    }
}

/// One flag on one row of the school table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Flag {
    /// The row in `CountyReport::schools`.
    pub row: usize,
    pub kind: FlagKind,
    /// The name of the input or item it is about ([`FlagKind::about`]), from the file's
    /// checklist.
    pub label: Option<Text>,
}

/// The usable raw figures of a verified file.
pub(super) fn raw_figures(v: &Verified, checklist: &Checklist, t: SchoolType) -> Vec<RawFigure> {
    let inputs = &checklist.doc().inputs;
    input_slots(checklist, t)
        .into_iter()
        .filter(|s| !v.recomputed.invalid.iter().any(|i| &i.slot == s))
        .filter_map(|s| {
            let value = v.export.answers.number(&s)?.ok()?;
            let input = inputs.iter().position(|d| d.id == s.id)?;
            value.is_finite().then_some(RawFigure {
                input: u16::try_from(input).ok()?,
                part: s.part,
                value,
                count: inputs[input].integer,
            })
        })
        .collect()
}

/// Pupils per class, teachers per class and area per pupil, per part.
pub(super) fn measures(
    raw: &[RawFigure],
    checklist: &Checklist,
    parts: &[Part],
) -> Vec<(Measure, Part, f64)> {
    let inputs = &checklist.doc().inputs;
    let get = |id: &str, part: Part| {
        let n = inputs.iter().position(|d| d.id == id)?;
        let part = match inputs[n].scope {
            InputScope::Shared => Part::Whole,
            _ => part,
        };
        raw.iter()
            .find(|r| usize::from(r.input) == n && r.part == part)
            .map(|r| r.value)
            .filter(|v| *v > 0.0)
    };
    let enrolment = checklist.enrolment_input();
    // The pupils of a part; of the whole school, every part's (a 九年一贯制 school's two).
    let pupils_of = |part: Part| -> Option<f64> {
        match (part, parts) {
            (Part::Whole, [Part::Whole]) | (Part::Primary | Part::Junior, _) => {
                get(enrolment, part)
            }
            (Part::Whole, _) => parts.iter().map(|&p| get(enrolment, p)).sum(),
        }
    };
    let mut out = Vec::new();
    for &part in parts {
        let Some(pupils) = pupils_of(part) else {
            continue;
        };
        if let Some(classes) = get("classes", part) {
            out.push((Measure::PupilsPerClass, part, pupils / classes));
            if let Some(teachers) = get("teachers_full_time", part) {
                out.push((Measure::TeachersPerClass, part, teachers / classes));
            }
        }
    }
    for def in checklist.doc().inputs.iter().filter(|d| d.unit == "㎡") {
        // A shared area per pupil of the whole school; an area of each part per its pupils.
        let per = if def.scope == InputScope::Shared {
            vec![Part::Whole]
        } else {
            parts.to_vec()
        };
        for part in per {
            let Some(pupils) = pupils_of(part) else {
                continue;
            };
            if let Some(area) = get(&def.id, part) {
                out.push((
                    Measure::AreaPerPupil {
                        input: def.id.clone(),
                    },
                    part,
                    area / pupils,
                ));
            }
        }
    }
    out
}

/// The red lines of a verified file.
pub(super) fn red_lines(v: &Verified, checklist: &Checklist) -> RedLines {
    let mut items = 0;
    let mut all_met = true;
    let mut supported = false;
    for (_, item) in checklist.items().filter(|(_, i)| i.veto) {
        let Some(result) = v.recomputed.items.iter().find(|r| r.id == item.id) else {
            continue;
        };
        if !result.applicable || matches!(item.kind, ItemKind::Flag | ItemKind::Text) {
            continue;
        }
        items += 1;
        all_met &= result.parts.iter().all(|p| p.outcome == Outcome::Met);
        supported |= v
            .export
            .answers
            .notes
            .get(&item.id)
            .is_some_and(|n| !n.trim().is_empty())
            || v.export.attachments.iter().any(|a| a.item == item.id);
    }
    RedLines {
        items,
        all_met_unsupported: items > 0 && all_met && !supported,
    }
}

/// The quartiles of sorted values (linear between ranks).
fn quartiles(sorted: &[f64]) -> (f64, f64, f64) {
    let at = |q: f64| {
        let x = q * (sorted.len() - 1) as f64;
        let (lo, hi) = (x.floor() as usize, x.ceil() as usize);
        sorted[lo] + (sorted[hi] - sorted[lo]) * (x - lo as f64)
    };
    (at(0.25), at(0.5), at(0.75))
}

/// A row's value of one part.
type Value = (usize, Part, f64);

/// The flags of the counted rows. `facts[n]` are row `n`'s facts, if readable.
/// `label` names an input or item of a file's checklist; `input_id` is the id of an input by
/// its place in the file's checklist.
pub(super) async fn flags<'c, P, F>(
    rows: &[SchoolRow],
    facts: &[Option<&SchoolFacts>],
    label: &dyn Fn(&SchoolFacts, &str) -> Option<Text>,
    input_id: &dyn Fn(&SchoolFacts, u16) -> Option<&'c str>,
    roster_students: &dyn Fn(&SchoolRow) -> Option<u32>,
    pause: &mut P,
) -> Vec<Flag>
where
    P: FnMut() -> F,
    F: std::future::Future<Output = ()>,
{
    let counted: Vec<(usize, &SchoolFacts)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.status.counted())
        .filter_map(|(n, _)| facts[n].map(|f| (n, f)))
        .collect();
    let mut out = Vec::new();
    // Jumps against last year.
    for &(n, f) in &counted {
        let Some(last) = rows[n].last_year.and_then(|m| facts[m]) else {
            continue;
        };
        // Last year's file may use another version of the checklist: inputs compared by id.
        let same_checklist = f.checklist == last.checklist;
        for r in &f.raw {
            let id = input_id(f, r.input);
            let Some(before) = last.raw.iter().find(|b| {
                b.part == r.part
                    && (if same_checklist {
                        b.input == r.input
                    } else {
                        id.is_some() && input_id(last, b.input) == id
                    })
            }) else {
                continue;
            };
            let floor = if r.count {
                JUMP_COUNT_FLOOR
            } else {
                f64::MIN_POSITIVE
            };
            if before.value >= floor && r.value >= floor {
                let ratio = r.value / before.value;
                if ratio >= JUMP_RATIO || ratio <= 1.0 / JUMP_RATIO {
                    out.push(Flag {
                        row: n,
                        label: None,
                        kind: FlagKind::Jump {
                            input: id.unwrap_or_default().to_string(),
                            part: r.part,
                            last: before.value,
                            now: r.value,
                        },
                    });
                }
            }
        }
    }
    pause().await;
    // Outside the spread, per school year and side.
    let mut spreads: BTreeMap<(&str, Option<super::Side>, &Measure), Vec<Value>> = BTreeMap::new();
    for &(n, f) in &counted {
        for (m, part, value) in &f.measures {
            if value.is_finite() {
                spreads
                    .entry((f.school_year.as_str(), f.side(*part), m))
                    .or_default()
                    .push((n, *part, *value));
            }
        }
    }
    for ((_, _, measure), values) in &spreads {
        if values.len() < SPREAD_SCHOOLS {
            continue;
        }
        let mut sorted: Vec<f64> = values.iter().map(|v| v.2).collect();
        sorted.sort_by(f64::total_cmp);
        let (q1, median, q3) = quartiles(&sorted);
        let fence = FENCE * (q3 - q1);
        for &(n, part, value) in values {
            let far = value < q1 - fence || value > q3 + fence;
            let apart = value >= 2.0 * median || value <= median / 2.0;
            if far && apart {
                out.push(Flag {
                    row: n,
                    label: None,
                    kind: FlagKind::OutsideSpread {
                        measure: (*measure).clone(),
                        part,
                        value,
                        q1,
                        q3,
                    },
                });
            }
        }
    }
    pause().await;
    // The same raw data as another school.
    // Keyed by the figures themselves (input, part, the number's bits): no text made per figure.
    type Figures<'a> = (&'a str, Vec<(u16, Part, u64)>);
    let mut by_raw: BTreeMap<Figures, Vec<usize>> = BTreeMap::new();
    for &(n, f) in &counted {
        if f.raw.len() >= SAME_RAW_FIGURES {
            let figures = f
                .raw
                .iter()
                .map(|r| (r.input, r.part, r.value.to_bits()))
                .collect();
            by_raw
                .entry((f.checklist.sha256.as_str(), figures))
                .or_default()
                .push(n);
        }
    }
    for group in by_raw.values().filter(|g| g.len() > 1) {
        for &n in group {
            // Another school: another code, or no code to tell (two files without one).
            let code = super::identity::school_code(&rows[n].school_code);
            let other_school = |m: usize| {
                let theirs = super::identity::school_code(&rows[m].school_code);
                code.is_empty() || theirs.is_empty() || theirs != code
            };
            if let Some(&other) = group.iter().find(|&&m| m != n && other_school(m)) {
                out.push(Flag {
                    row: n,
                    label: None,
                    kind: FlagKind::SameRawData {
                        other: rows[other].file.clone(),
                    },
                });
            }
        }
    }
    pause().await;
    // Exactly at a threshold, many together.
    // (school year, item, side) → (schools with a value, those exactly at the threshold).
    // Per checklist version too: two versions can set the same item other thresholds.
    type Key<'a> = (&'a str, &'a str, &'a str, &'a str, Option<super::Side>);
    let mut at: BTreeMap<Key, (usize, Vec<Value>)> = BTreeMap::new();
    for &(n, f) in &counted {
        for cell in &f.indicators {
            let (Some(value), Some(rule)) = (cell.value, cell.rule.as_ref()) else {
                continue;
            };
            let entry = at
                .entry((
                    f.school_year.as_str(),
                    f.checklist.id.as_str(),
                    f.checklist.version.as_str(),
                    cell.item.as_str(),
                    f.side(cell.part),
                ))
                .or_default();
            entry.0 += 1;
            // At it: equal but for the last bits of a computed ratio.
            if rule
                .bound()
                .is_some_and(|t| (value - t).abs() <= 1e-9 * t.abs().max(1.0))
            {
                entry.1.push((n, cell.part, value));
            }
        }
    }
    for ((_, _, _, item, _), (of, exactly)) in &at {
        if exactly.len() >= AT_THRESHOLD_SCHOOLS && exactly.len() * 5 >= *of {
            for &(n, part, value) in exactly {
                out.push(Flag {
                    row: n,
                    label: None,
                    kind: FlagKind::AtThreshold {
                        item: item.to_string(),
                        part,
                        value,
                        schools: exactly.len(),
                        of: *of,
                    },
                });
            }
        }
    }
    pause().await;
    // Red lines all met, nothing to show for them.
    for &(n, f) in &counted {
        if f.red_lines.all_met_unsupported {
            out.push(Flag {
                row: n,
                label: None,
                kind: FlagKind::RedLinesUnsupported {
                    items: f.red_lines.items,
                },
            });
        }
    }
    // Enrolment off the roster's.
    for &(n, _) in &counted {
        let Some(roster) = roster_students(&rows[n]) else {
            continue;
        };
        let file: Option<f64> = rows[n].enrolment.iter().map(|(_, e)| *e).sum();
        if let Some(file) = file {
            let gap = (file - f64::from(roster)).abs();
            if gap > ROSTER_GAP * f64::from(roster) && gap > ROSTER_GAP_PUPILS {
                out.push(Flag {
                    row: n,
                    label: None,
                    kind: FlagKind::EnrolmentOffRoster { roster, file },
                });
            }
        }
    }
    out.sort_by_key(|f| f.row);
    for f in &mut out {
        if let (Some(about), Some(facts)) = (f.kind.about(), facts[f.row]) {
            f.label = label(facts, about);
        }
    }
    out
}
