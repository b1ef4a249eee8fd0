//! The schools that carry a figure: most of a side's students in one school.

use super::CountyReport;
use crate::core::aggregate::Side;

/// A school that holds most of a side's students in the figures (see
/// [`CountyReport::heavy_schools`]).
#[derive(Clone, Debug, PartialEq)]
pub struct HeavySchool {
    pub school: String,
    pub side: Side,
    pub school_year: String,
    /// Its largest share of the students of a figure (0–1).
    pub share: f64,
    /// How many figures it carries so.
    pub figures: usize,
}

impl HeavySchool {
    /// More than this share of a figure's students in one school…
    pub const SHARE: f64 = 0.5;
    /// …among at least this many schools: its 差异系数 is mostly that school's.
    pub const SCHOOLS: usize = 3;
}

impl CountyReport {
    /// The schools that carry a figure: more than half of its students in one school among
    /// three or more. Weighted by enrolment, the coefficient is then mostly that school's
    /// (a made-up enrolment, 9,999,999, turned every 初中 figure from 0.3 to 7): said beside
    /// the figures, for the officer to check its enrolment. One per school, side and year.
    pub fn heavy_schools(&self) -> Vec<HeavySchool> {
        let mut heavy: Vec<HeavySchool> = Vec::new();
        for f in &self.figures {
            let Some((school, share)) = &f.heaviest else {
                continue;
            };
            if f.schools < HeavySchool::SCHOOLS || *share <= HeavySchool::SHARE {
                continue;
            }
            match heavy
                .iter_mut()
                .find(|h| &h.school == school && h.side == f.side && h.school_year == f.school_year)
            {
                Some(h) => {
                    h.share = h.share.max(*share);
                    h.figures += 1;
                }
                None => heavy.push(HeavySchool {
                    school: school.clone(),
                    side: f.side,
                    school_year: f.school_year.clone(),
                    share: *share,
                    figures: 1,
                }),
            }
        }
        heavy
    }
}

/// A school that carries a county rate (see [`CountyReport::heavy_rates`]).
#[derive(Clone, Debug, PartialEq)]
pub struct HeavyRate {
    pub school: String,
    pub item: String,
    /// `None` for a county-wide ratio.
    pub side: Option<Side>,
    pub school_year: String,
    /// Its share of what the rate rests on (0–1).
    pub share: f64,
}

impl super::CountyRate {
    /// The school that carries this rate, if one does: more than half of what it rests on
    /// (its students for a rate the schools report, such as S1 社会认可度, a 一票否决 rate),
    /// among three or more schools, as [`CountyReport::heavy_schools`] for the coefficients.
    pub fn carried(&self) -> Option<HeavyRate> {
        let (school, share) = self.heaviest.as_ref()?;
        (self.schools >= HeavySchool::SCHOOLS && *share > HeavySchool::SHARE).then(|| HeavyRate {
            school: school.clone(),
            item: self.item.clone(),
            side: self.side,
            school_year: self.school_year.clone(),
            share: *share,
        })
    }
}

impl CountyReport {
    /// The county rates one school carries ([`super::CountyRate::carried`]). A made-up
    /// enrolment turned S1 from 未达标 to 达标 with only the coefficients' table saying why.
    pub fn heavy_rates(&self) -> Vec<HeavyRate> {
        self.county_rates
            .iter()
            .filter_map(super::CountyRate::carried)
            .collect()
    }
}
