//! The scoring engine: a checklist, a school type and answers in; an [`Assessment`] out.
//! Never panics, whatever the answers: unreadable values are reported, not scored.

mod groups;
mod inputs;
mod outlook;
mod result;
use groups::{band, group};
use inputs::{percent_only_for_rates, quantity, Quantity};
pub use outlook::{outlook, Next, Outlook};

pub use result::*;

use crate::core::answers::{parse_number, Answers, Part, Slot, Value};
use crate::core::checklist::Checklist;
use crate::core::model::*;
use crate::core::rules::{Computed, Lookup};
use std::collections::BTreeSet;

/// Scores `answers` of a school of `school_type` against `checklist`.
pub fn assess(checklist: &Checklist, school_type: SchoolType, answers: &Answers) -> Assessment {
    Engine::new(checklist, school_type, answers).run()
}

/// Which part(s) of the school an item is checked for, and which rule applies to each.
pub fn item_parts(item: &Item, school_type: SchoolType) -> Vec<(Part, Option<Comparison>)> {
    match (school_type, item.kind.rule()) {
        (SchoolType::Primary, r) => vec![(Part::Whole, r.and_then(|r| r.primary))],
        (SchoolType::Junior, r) => vec![(Part::Whole, r.and_then(|r| r.junior))],
        (SchoolType::NineYear, None) => vec![(Part::Whole, None)],
        (SchoolType::NineYear, Some(r)) => match r.nine_year {
            Some(c) => vec![(Part::Whole, Some(c))],
            None => [(Part::Primary, r.primary), (Part::Junior, r.junior)]
                .into_iter()
                .filter(|(_, c)| c.is_some())
                .collect(),
        },
    }
}

/// The input slots a school of `school_type` fills in: per part for a 九年一贯制 school's
/// per-part inputs, once otherwise.
pub fn input_slots(checklist: &Checklist, school_type: SchoolType) -> Vec<Slot> {
    let mut slots = Vec::new();
    for input in &checklist.doc().inputs {
        if school_type == SchoolType::NineYear && input.scope == InputScope::PerPart {
            slots.push(Slot::new(&input.id, Part::Primary));
            slots.push(Slot::new(&input.id, Part::Junior));
        } else {
            slots.push(Slot::whole(&input.id));
        }
    }
    slots
}

struct Engine<'a> {
    checklist: &'a Checklist,
    school_type: SchoolType,
    answers: &'a Answers,
    /// The floor of the group rule an item belongs to (for `Outcome::Near`).
    /// (Few items: a list is smaller code than another map type in the browser bundle.)
    floors: Vec<(&'a str, f64)>,
    missing: BTreeSet<Slot>,
    invalid: Vec<(Slot, ValueProblem)>,
    /// Every input's value per part (whole, 小学部, 初中部), read and checked once: formulas
    /// look inputs up here rather than parse the same text again for each indicator.
    inputs: Vec<[Lookup; 3]>,
    warnings: Vec<Warning>,
}

impl<'a> Engine<'a> {
    fn new(checklist: &'a Checklist, school_type: SchoolType, answers: &'a Answers) -> Self {
        let mut floors: Vec<(&str, f64)> = Vec::new();
        for rule in &checklist.doc().group_rules {
            for id in &rule.items {
                if !floors.iter().any(|(i, _)| i == id) {
                    floors.push((id.as_str(), rule.floor_ratio));
                }
            }
        }
        Engine {
            checklist,
            school_type,
            answers,
            floors,
            missing: BTreeSet::new(),
            inputs: Vec::new(),
            invalid: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn run(mut self) -> Assessment {
        self.check_inputs();
        let (mut items, mut shortfalls, vetoes) = self.items_and_shortfalls();
        let groups = self.groups(&items, &mut shortfalls);
        self.near_points(&mut items, &groups);
        let (indicators, areas, total) = self.tallies(&items);
        let percent = (total.max > 0.0).then(|| total.earned / total.max * 100.0);
        let grade = self.grade(percent, &vetoes, &groups, &shortfalls);
        let completion = completion(
            self.checklist,
            &items,
            self.missing.len(),
            self.invalid.len(),
        );
        let split = self.split_facts();
        let mut invalid = self.invalid;
        invalid.sort_by(|a, b| a.0.cmp(&b.0));
        Assessment {
            school_type: self.school_type,
            items,
            indicators,
            areas,
            total,
            percent,
            grade,
            vetoes,
            groups,
            shortfalls,
            missing: self.missing.into_iter().collect(),
            invalid: invalid
                .into_iter()
                .map(|(slot, problem)| InvalidValue { slot, problem })
                .collect(),
            warnings: self.warnings,
            completion,
            split,
        }
    }

    /// Every item scored, in checklist order; what each falls short of; the vetoes violated.
    fn items_and_shortfalls(&mut self) -> (Vec<ItemResult>, Vec<Shortfall>, Vec<Slot>) {
        let mut items = Vec::with_capacity(self.checklist.item_count());
        let mut shortfalls = Vec::new();
        let mut vetoes = Vec::new();
        for (_, item) in self.checklist.items() {
            let result = self.item(item);
            for part in &result.parts {
                let answer = self.answers.get_at(&item.id, part.part);
                if let Some(detail) = shortfall(item, part, answer) {
                    if item.veto {
                        vetoes.push(Slot::new(&item.id, part.part));
                    }
                    shortfalls.push(Shortfall {
                        item: item.id.clone(),
                        part: part.part,
                        veto: item.veto,
                        detail,
                        source: item.source.clone(),
                    });
                }
            }
            items.push(result);
        }
        (items, shortfalls, vetoes)
    }

    /// The group rules (e.g. ≥ 6 of 7, the rest ≥ 85%) per part; a failing one is a shortfall.
    fn groups(&self, items: &[ItemResult], shortfalls: &mut Vec<Shortfall>) -> Vec<GroupResult> {
        let mut groups = Vec::new();
        for rule in &self.checklist.doc().group_rules {
            for g in group(rule, items) {
                if g.holds == Some(false) {
                    shortfalls.push(Shortfall {
                        item: rule.id.clone(),
                        part: g.part,
                        veto: false,
                        detail: ShortfallDetail::Group {
                            passed: g.passed,
                            required: g.required,
                            below_floor: g.below_floor.clone(),
                        },
                        source: rule.source.clone(),
                    });
                }
                groups.push(g);
            }
        }
        groups
    }

    /// A "near" item of a rule that holds and says so (`near_scores`) earns its points in that
    /// part: a school that meets the rule does not lose its grade for a near miss.
    fn near_points(&self, items: &mut [ItemResult], groups: &[GroupResult]) {
        for rule in self
            .checklist
            .doc()
            .group_rules
            .iter()
            .filter(|r| r.near_scores)
        {
            for g in groups
                .iter()
                .filter(|g| g.id == rule.id && g.holds == Some(true))
            {
                for item in items.iter_mut().filter(|i| rule.items.contains(&i.id)) {
                    let share = item.max / item.parts.len().max(1) as f64;
                    let mut gained = 0.0;
                    for p in item
                        .parts
                        .iter_mut()
                        .filter(|p| p.part == g.part && p.outcome == Outcome::Near)
                    {
                        gained += share - p.earned;
                        p.earned = share;
                    }
                    item.earned += gained;
                }
            }
        }
    }

    /// Points per indicator, per area (with its pass rate) and in total.
    fn tallies(&self, items: &[ItemResult]) -> (Vec<Tally>, Vec<AreaResult>, Tally) {
        let doc = self.checklist.doc();
        let tally = |id: &str| Tally {
            id: id.to_string(),
            earned: 0.0,
            max: 0.0,
        };
        let mut indicators = Vec::new();
        let mut areas = Vec::new();
        let mut total = tally(&doc.id);
        let mut results = items.iter();
        for area in &doc.areas {
            let mut area_tally = tally(&area.id);
            for ind in &area.indicators {
                let mut t = tally(&ind.id);
                for r in results.by_ref().take(ind.items.len()) {
                    t.earned += r.earned;
                    t.max += r.max;
                }
                area_tally.earned += t.earned;
                area_tally.max += t.max;
                indicators.push(t);
            }
            total.earned += area_tally.earned;
            total.max += area_tally.max;
            let rate = (area_tally.max > 0.0).then(|| area_tally.earned / area_tally.max);
            areas.push(AreaResult {
                passed: area.pass_rate.zip(rate).map(|(p, r)| r >= p - 1e-9),
                pass_rate: area.pass_rate,
                rate,
                tally: area_tally,
            });
        }
        (indicators, areas, total)
    }

    /// The grade: none under a veto; otherwise the band of the percentage, capped by failing
    /// group rules and short items that carry a cap; provisional while anything is missing.
    fn grade(
        &self,
        percent: Option<f64>,
        vetoes: &[Slot],
        groups: &[GroupResult],
        shortfalls: &[Shortfall],
    ) -> Grade {
        let doc = self.checklist.doc();
        let mut capped_by: Vec<String> = doc
            .group_rules
            .iter()
            .filter(|r| {
                r.fail_grade.is_some()
                    && groups
                        .iter()
                        .any(|g| g.id == r.id && g.holds == Some(false))
            })
            .map(|r| r.id.clone())
            .collect();
        for (_, item) in self.checklist.items() {
            if item.cap.is_some()
                && shortfalls.iter().any(|s| s.item == item.id)
                && !capped_by.contains(&item.id)
            {
                capped_by.push(item.id.clone());
            }
        }
        Grade {
            band: if vetoes.is_empty() {
                band(doc, percent.unwrap_or(0.0), &capped_by)
            } else {
                None
            },
            vetoed: !vetoes.is_empty(),
            capped_by,
            provisional: !self.missing.is_empty() || !self.invalid.is_empty(),
        }
    }

    /// Records an unusable value once per slot (an input read by several formulas).
    fn add_invalid(&mut self, slot: Slot, problem: ValueProblem) {
        if !self.invalid.iter().any(|(s, _)| s == &slot) {
            self.invalid.push((slot, problem));
        }
    }

    fn applies(&self, item: &Item) -> bool {
        let by_type = item
            .applies_to
            .as_ref()
            .is_none_or(|t| t.contains(&self.school_type));
        let by_condition = item.when.as_ref().is_none_or(|c| {
            self.answers
                .get_at(&c.item, Part::Whole)
                .and_then(Value::condition_word)
                == Some(c.equals.as_str())
        });
        by_type
            && by_condition
            && self
                .checklist
                .doc()
                .school_types
                .contains(&self.school_type)
    }

    fn item(&mut self, item: &Item) -> ItemResult {
        if !self.applies(item) {
            return ItemResult {
                id: item.id.clone(),
                applicable: false,
                earned: 0.0,
                max: 0.0,
                parts: vec![],
                split: false,
            };
        }
        let parts_spec = item_parts(item, self.school_type);
        let share = item.points / parts_spec.len().max(1) as f64;
        let mut parts = Vec::with_capacity(parts_spec.len());
        for (part, rule) in parts_spec {
            let slot = Slot::new(&item.id, part);
            let mut p = PartResult {
                part,
                outcome: Outcome::Missing,
                value: None,
                rule,
                ratio: None,
                earned: 0.0,
            };
            match &item.kind {
                ItemKind::YesNo { allow_na } => self.yes_no(&slot, *allow_na, share, &mut p),
                ItemKind::Levels { levels, allow_na } => {
                    self.levels(&slot, levels, *allow_na, item.points, share, &mut p)
                }
                ItemKind::Number { unit, .. } => {
                    let value = match self.answers.get(&slot) {
                        None => Computed::Missing,
                        Some(Value::Number(text)) => {
                            match parse_number(text)
                                .map_err(|error| ValueProblem::Number { error })
                                .and_then(|n| {
                                    let rule = Quantity {
                                        integer: false,
                                        min: None,
                                        unit,
                                    };
                                    quantity(n, &rule).and_then(|n| {
                                        percent_only_for_rates(text, &rule).map(|()| n)
                                    })
                                }) {
                                Ok(n) => Computed::Value(n),
                                Err(problem) => {
                                    self.add_invalid(slot.clone(), problem);
                                    Computed::Invalid
                                }
                            }
                        }
                        Some(_) => {
                            self.add_invalid(slot.clone(), ValueProblem::WrongKind);
                            Computed::Invalid
                        }
                    };
                    if value == Computed::Missing {
                        self.missing.insert(slot.clone());
                    }
                    self.checked(&item.id, value, share, &mut p);
                }
                ItemKind::Computed { formula, .. } => {
                    let value = formula.compute(|id| self.input_value(id, part));
                    if value == Computed::Undefined {
                        self.warnings.push(Warning {
                            slot: slot.clone(),
                            kind: WarningKind::Undefined,
                        });
                    }
                    self.checked(&item.id, value, share, &mut p);
                }
                ItemKind::Flag => {
                    p.outcome = match self.answers.get(&slot) {
                        Some(Value::Yes | Value::No) => Outcome::Noted,
                        Some(_) => {
                            self.add_invalid(slot.clone(), ValueProblem::WrongKind);
                            Outcome::Invalid
                        }
                        None => {
                            self.missing.insert(slot.clone());
                            Outcome::Missing
                        }
                    };
                }
                ItemKind::Text => {
                    p.outcome = match self.answers.get(&slot) {
                        Some(Value::Text(_)) => Outcome::Noted,
                        Some(_) => {
                            self.add_invalid(slot.clone(), ValueProblem::WrongKind);
                            Outcome::Invalid
                        }
                        // Free text is optional: not having it is not "missing".
                        None => Outcome::Missing,
                    };
                }
            }
            parts.push(p);
        }
        let earned = parts.iter().map(|p| p.earned).sum();
        let split = parts.len() > 1 && self.divides_shared_input(item);
        ItemResult {
            id: item.id.clone(),
            applicable: true,
            earned,
            max: item.points,
            parts,
            split,
        }
    }

    fn yes_no(&mut self, slot: &Slot, allow_na: bool, share: f64, p: &mut PartResult) {
        p.outcome = match self.answers.get(slot) {
            Some(Value::Yes) => {
                p.earned = share;
                Outcome::Met
            }
            Some(Value::No) => Outcome::NotMet,
            other => self.other_answer(slot, other, allow_na, share, p),
        };
    }

    fn levels(
        &mut self,
        slot: &Slot,
        levels: &[Level],
        allow_na: bool,
        points: f64,
        share: f64,
        p: &mut PartResult,
    ) {
        p.outcome = match self.answers.get(slot) {
            Some(Value::Level(id)) => match levels.iter().find(|l| &l.id == id) {
                Some(level) => {
                    p.earned = if points > 0.0 {
                        share * level.points / points
                    } else {
                        0.0
                    };
                    if level.points >= points {
                        Outcome::Met
                    } else if level.points > 0.0 {
                        Outcome::Partial
                    } else {
                        Outcome::NotMet
                    }
                }
                None => {
                    let level = id.clone();
                    self.add_invalid(slot.clone(), ValueProblem::UnknownLevel { level });
                    Outcome::Invalid
                }
            },
            other => self.other_answer(slot, other, allow_na, share, p),
        };
    }

    /// What yes/no and level items have in common: nothing entered, 不适用 (allowed or not),
    /// and an answer of the wrong kind.
    fn other_answer(
        &mut self,
        slot: &Slot,
        value: Option<&Value>,
        allow_na: bool,
        share: f64,
        p: &mut PartResult,
    ) -> Outcome {
        match value {
            None => {
                self.missing.insert(slot.clone());
                Outcome::Missing
            }
            // 不适用 earns the points: the school is not marked down for what does not concern it.
            Some(Value::NotApplicable) if allow_na => {
                p.earned = share;
                Outcome::NotApplicable
            }
            Some(Value::NotApplicable) => {
                self.add_invalid(slot.clone(), ValueProblem::NotApplicableNotAllowed);
                Outcome::Invalid
            }
            Some(_) => {
                self.add_invalid(slot.clone(), ValueProblem::WrongKind);
                Outcome::Invalid
            }
        }
    }

    /// Scores a number against the part's rule.
    fn checked(&self, item_id: &str, value: Computed, share: f64, p: &mut PartResult) {
        let Some(rule) = p.rule else {
            p.outcome = Outcome::NotApplicable;
            return;
        };
        p.outcome = match value {
            Computed::Missing => Outcome::Missing,
            Computed::Invalid => Outcome::Invalid,
            Computed::Undefined => Outcome::Undefined,
            Computed::Value(v) => {
                p.value = Some(v);
                p.ratio = rule.ratio(v);
                if rule.holds(v) {
                    p.earned = share;
                    Outcome::Met
                } else if self
                    .floors
                    .iter()
                    .find(|(id, _)| *id == item_id)
                    .is_some_and(|&(_, f)| rule.within_floor(v, f))
                {
                    Outcome::Near
                } else {
                    Outcome::NotMet
                }
            }
        };
    }
}

/// Answered ÷ required slots of the applicable items (free text is optional).
fn completion(
    checklist: &Checklist,
    items: &[ItemResult],
    unanswered: usize,
    errors: usize,
) -> Completion {
    let (mut answered, mut required) = (0, 0);
    for ((_, item), result) in checklist.items().zip(items) {
        if !result.applicable || matches!(item.kind, ItemKind::Text) {
            continue;
        }
        for p in &result.parts {
            required += 1;
            answered += usize::from(!matches!(p.outcome, Outcome::Missing | Outcome::Invalid));
        }
    }
    Completion {
        answered,
        required,
        errors,
        unanswered,
    }
}

/// The shortfall an answered part represents, if any.
fn shortfall(item: &Item, part: &PartResult, answer: Option<&Value>) -> Option<ShortfallDetail> {
    match (&item.kind, part.outcome) {
        (ItemKind::YesNo { .. }, Outcome::NotMet) => {
            Some(ShortfallDetail::Answer { answer: Value::No })
        }
        (ItemKind::Levels { levels, .. }, Outcome::Partial | Outcome::NotMet) => {
            let best = levels.iter().max_by(|a, b| a.points.total_cmp(&b.points))?;
            let Some(Value::Level(chosen)) = answer else {
                return None;
            };
            Some(ShortfallDetail::Level {
                chosen: chosen.clone(),
                best: best.id.clone(),
            })
        }
        (
            ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. },
            Outcome::NotMet | Outcome::Near,
        ) => {
            let (rule, value) = (part.rule?, part.value?);
            Some(ShortfallDetail::Threshold {
                rule,
                unit: unit.clone(),
                value,
                gap: rule.gap(value),
                ratio: part.ratio,
                near: part.outcome == Outcome::Near,
            })
        }
        _ => None,
    }
}
