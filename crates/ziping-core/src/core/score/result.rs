//! What the engine returns. Serializable (exports and the command line carry it as is), never
//! read back: a county recomputes a result and compares canonical forms.

use crate::core::answers::{NumberError, Part, Slot, Value};
use crate::core::model::{Comparison, SchoolType, SourceRef};
use serde::{Deserialize, Serialize};

/// The full result of scoring one school's answers against one checklist.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    pub school_type: SchoolType,
    /// Every item, in checklist order.
    pub items: Vec<ItemResult>,
    pub indicators: Vec<Tally>,
    pub areas: Vec<AreaResult>,
    pub total: Tally,
    /// Earned ÷ max × 100; `None` when nothing applies.
    pub percent: Option<f64>,
    pub grade: Grade,
    /// 一票否决 items violated.
    pub vetoes: Vec<Slot>,
    pub groups: Vec<GroupResult>,
    /// One row per thing not met: what the 整改清单 is built from.
    pub shortfalls: Vec<Shortfall>,
    /// Slots still to fill in (items, and the inputs computed indicators wait for).
    pub missing: Vec<Slot>,
    /// Slots whose value cannot be used as entered.
    pub invalid: Vec<InvalidValue>,
    /// Values that are usable but suspicious.
    pub warnings: Vec<Warning>,
    /// How much of the form is done: recorded in submissions, so the county sees 未完成.
    pub completion: Completion,
    /// A 九年一贯制 school's split of shared inputs between its parts (`None` for another
    /// school, or a checklist without a split). Not in the stored result.
    #[serde(skip)]
    pub split: Option<SplitFacts>,
}

/// How a 九年一贯制 school's shared inputs are divided between its parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SplitFacts {
    /// The checklist's weights of a 小学 and a 初中 pupil.
    pub primary_weight: f64,
    pub junior_weight: f64,
    /// The 小学 and 初中 shares, once both parts' enrolment is entered.
    pub shares: Option<(f64, f64)>,
}

impl Assessment {
    /// Nothing missing and nothing unreadable: the result is final.
    pub fn is_complete(&self) -> bool {
        self.completion.is_complete()
    }

    /// 一票否决 items with a part not yet answered with a usable value (an item once, however
    /// many parts): while there is one, that no veto item failed is not known (an empty form
    /// once said "无一票否决事项").
    pub fn vetoes_open(&self, checklist: &crate::core::checklist::Checklist) -> usize {
        self.items
            .iter()
            .filter(|i| checklist.item(&i.id).is_some_and(|item| item.veto))
            .filter(|i| {
                i.parts
                    .iter()
                    .any(|p| matches!(p.outcome, Outcome::Missing | Outcome::Invalid))
            })
            .count()
    }
}

/// How much of a school's form is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Completion {
    /// Slots of applicable items answered with a usable value.
    pub answered: usize,
    /// Slots of applicable items that need an answer (free text is optional).
    pub required: usize,
    /// Entered values that cannot be used (see `invalid`).
    pub errors: usize,
    /// Slots still empty, raw data included (see `missing`).
    pub unanswered: usize,
}

impl Completion {
    /// Complete: nothing unanswered (raw data included) and no value that cannot be used. The
    /// one definition: the draft list, 检查, the export's question and county mode's 未完成
    /// all read it.
    pub fn is_complete(&self) -> bool {
        self.unanswered == 0 && self.errors == 0
    }

    /// Answered ÷ required, 0–100, rounded down (100 only when everything is answered).
    pub fn percent(&self) -> u8 {
        (self.answered * 100)
            .checked_div(self.required)
            .map_or(100, |p| p.min(100) as u8)
    }
}

/// Points earned out of points possible for an item, indicator, area or the whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    pub id: String,
    pub earned: f64,
    pub max: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AreaResult {
    pub tally: Tally,
    /// Earned ÷ max (0–1).
    pub rate: Option<f64>,
    /// The checklist's pass rate for this area, if it sets one, and whether it is reached.
    pub pass_rate: Option<f64>,
    pub passed: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Grade {
    /// The grade band reached (its id), `None` when vetoed.
    pub band: Option<String>,
    pub vetoed: bool,
    /// Group rules that failed, and capped items that are short: each may lower the grade.
    pub capped_by: Vec<String>,
    /// Something is missing or unreadable: the grade may still change.
    pub provisional: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemResult {
    pub id: String,
    pub applicable: bool,
    pub earned: f64,
    pub max: f64,
    /// One per part: the whole school, or the 小学 and 初中 parts of a 九年一贯制 school.
    pub parts: Vec<PartResult>,
    /// Its parts divide a shared input (a 九年一贯制 school's building, equipment …) by the
    /// checklist's split. Not in the stored result (a new field would make every stored
    /// result differ from its recomputation).
    #[serde(skip)]
    pub split: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartResult {
    pub part: Part,
    pub outcome: Outcome,
    /// The number entered or computed.
    pub value: Option<f64>,
    /// The rule it was checked against.
    pub rule: Option<Comparison>,
    /// Value ÷ threshold.
    pub ratio: Option<f64>,
    pub earned: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// 达标
    Met,
    /// Not met, but within the group rule's floor (e.g. ≥ 85% of the threshold).
    Near,
    /// 未达标
    NotMet,
    /// A level below the best.
    Partial,
    /// 不适用, as answered.
    NotApplicable,
    /// Free text given.
    Noted,
    Missing,
    Invalid,
    /// Cannot be computed (no students to divide by).
    Undefined,
}

impl Outcome {
    /// How much the outcome asks of the school, for the worst of an item's parts: 0 fine,
    /// 1 near or partial, 2 not known yet, 3 not met or unusable.
    pub fn severity(self) -> u8 {
        match self {
            Outcome::Met | Outcome::NotApplicable | Outcome::Noted => 0,
            Outcome::Near | Outcome::Partial => 1,
            Outcome::Missing => 2,
            Outcome::NotMet | Outcome::Invalid | Outcome::Undefined => 3,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupResult {
    pub id: String,
    pub part: Part,
    pub passed: usize,
    pub required: usize,
    /// Items below even the floor.
    pub below_floor: Vec<String>,
    /// Items not yet known.
    pub pending: Vec<String>,
    /// `None` while it can still go either way.
    pub holds: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shortfall {
    /// The item id, or the group rule id for a group shortfall.
    pub item: String,
    pub part: Part,
    pub veto: bool,
    pub detail: ShortfallDetail,
    pub source: SourceRef,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ShortfallDetail {
    /// Answered 未达标.
    Answer { answer: Value },
    /// A level below the best.
    Level { chosen: String, best: String },
    /// A number short of its threshold by `gap` (in `unit`).
    Threshold {
        rule: Comparison,
        unit: String,
        value: f64,
        gap: f64,
        ratio: Option<f64>,
        near: bool,
    },
    /// A group rule that fails.
    Group {
        passed: usize,
        required: usize,
        below_floor: Vec<String>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct InvalidValue {
    pub slot: Slot,
    pub problem: ValueProblem,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ValueProblem {
    Number {
        error: NumberError,
    },
    /// A value of the wrong kind for the item (a level for a yes/no item …).
    WrongKind,
    UnknownLevel {
        level: String,
    },
    /// 不适用 where the item does not allow it.
    NotApplicableNotAllowed,
    /// Below zero: counts, areas, amounts and rates never are.
    Negative,
    /// A fraction of something counted whole (people, rooms, classes).
    NotWhole,
    /// A percentage over 100.
    AbovePercent,
    /// A percent sign after a value that is not a rate (`800%` students).
    PercentSign,
    /// A part larger than its whole (teachers with a certificate than teachers).
    Exceeds {
        other: String,
    },
    /// Below the input's least sensible value (enrolment 0: the ratios divide by it).
    BelowMin {
        min: f64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    pub slot: Slot,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WarningKind {
    /// A computed value that cannot be computed from the values given.
    Undefined,
}
