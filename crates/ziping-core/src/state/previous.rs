//! Last year's submission, as much of a draft of this year needs of it (a leaf: the draft holds
//! it, `last_year` makes it).

use crate::core::answers::Answers;
use crate::core::export::{ChecklistStamp, PreviousRef};
use crate::core::history::YearResult;
use serde::{Deserialize, Serialize};

/// Last year's submission, as much of it as this year needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    /// The file's name, as it was picked.
    pub file: String,
    /// What this year's file records of it (digest, school year, export time).
    pub reference: PreviousRef,
    pub checklist: ChecklistStamp,
    /// Last year's result: recomputed when its checklist was on this computer, else as the
    /// file stored it.
    pub result: YearResult,
    /// Last year's answers, copied item by item when the school asks.
    pub answers: Answers,
}
