//! 人数存疑: a file whose enrolment cannot be a school's is not counted until the officer
//! chooses it. Enrolment weighs every 差异系数 and is what the county rates rest on, and a
//! school can seal its file again after editing it: one made-up enrolment (5,000,000 pupils)
//! turned the county's S1 社会认可度, 一票否决, from 未达标 to 达标. Naming the school beside the
//! figures ([`super::heavy`]) left the figures bent; now such a file waits, as a file dated in
//! the future does, and counts once the officer has checked it and chosen it.
//!
//! Two tests, both far outside any real school, so an honest file is hardly ever held:
//! - pupils per class outside [`PUPILS_PER_CLASS`] (the bounds the principal's 数据合理性提醒
//!   already names before export: a teaching point may have 3 pupils a class, no class has 90);
//! - with a roster that keeps enrolment: at least [`ROSTER_HOLD_RATIO`] times the roster's, or
//!   at most its inverse (and by more than [`ROSTER_GAP_PUPILS`]). A smaller gap is only
//!   flagged (数据核查, [`super::flags::ROSTER_GAP`]).

use super::flags::{Measure, ROSTER_GAP_PUPILS};
use super::SchoolFacts;
use crate::core::answers::Part;
use crate::core::plausible::PUPILS_PER_CLASS;
use serde::Serialize;

/// A file's enrolment this many times the roster's, or the inverse, is held.
pub const ROSTER_HOLD_RATIO: f64 = 2.0;

/// Why a file's enrolment is in doubt.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EnrolmentDoubt {
    /// Its pupils per class (of `part`, whose enrolment is `enrolment`) are outside
    /// [`PUPILS_PER_CLASS`].
    PupilsPerClass {
        part: Part,
        pupils: f64,
        enrolment: Option<f64>,
    },
    /// Its enrolment (`file`, every part's) is far from the roster's.
    OffRoster { roster: u32, file: f64 },
}

/// Why `facts`' enrolment cannot be taken unasked, if it cannot; `roster` is the roster's
/// enrolment of its school, where the county keeps one.
pub fn enrolment_doubt(facts: &SchoolFacts, roster: Option<u32>) -> Option<EnrolmentDoubt> {
    let (low, high) = PUPILS_PER_CLASS;
    let per_class = facts.measures.iter().find(|(m, _, v)| {
        *m == Measure::PupilsPerClass && v.is_finite() && (*v < low || *v > high)
    });
    if let Some(&(_, part, pupils)) = per_class {
        let enrolment = facts
            .enrolment
            .iter()
            .find(|(p, _)| *p == part)
            .and_then(|(_, e)| *e);
        return Some(EnrolmentDoubt::PupilsPerClass {
            part,
            pupils,
            enrolment,
        });
    }
    let roster = roster.filter(|&r| r > 0)?;
    let file: f64 = facts
        .enrolment
        .iter()
        .map(|(_, e)| *e)
        .sum::<Option<f64>>()?;
    let (r, gap) = (f64::from(roster), (file - f64::from(roster)).abs());
    let far = file >= ROSTER_HOLD_RATIO * r || file <= r / ROSTER_HOLD_RATIO;
    (far && gap > ROSTER_GAP_PUPILS).then_some(EnrolmentDoubt::OffRoster { roster, file })
}
