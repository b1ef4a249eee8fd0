//! The engine's inputs: a raw figure as typed, checked against what it must be (a whole
//! number, not negative, a percentage only for rates), and an input's value for a part (a
//! 九年一贯制 school's shared assets split).

use super::*;

impl Engine<'_> {
    /// Whether an item's formula divides a shared input between a 九年一贯制 school's parts.
    pub(super) fn divides_shared_input(&self, item: &Item) -> bool {
        if self.school_type != SchoolType::NineYear || self.checklist.doc().split.is_none() {
            return false;
        }
        let ItemKind::Computed { formula, .. } = &item.kind else {
            return false;
        };
        let shared = |id: &String| {
            self.checklist
                .input(id)
                .is_some_and(|d| d.scope == InputScope::Shared)
        };
        match formula {
            Formula::Ratio { numerator, .. } => numerator.iter().any(shared),
            Formula::Difference { .. } | Formula::Sum { .. } => false,
        }
    }

    /// The split of a 九年一贯制 school's shared inputs, with the shares its enrolment gives.
    pub(super) fn split_facts(&mut self) -> Option<SplitFacts> {
        if self.school_type != SchoolType::NineYear {
            return None;
        }
        let checklist = self.checklist;
        let split = checklist.doc().split.as_ref()?;
        let enrolment = |engine: &mut Self, part| match engine
            .raw_input(&Slot::new(&split.enrolment_input, part))
        {
            Lookup::Value(n) => Some(n),
            _ => None,
        };
        let shares = enrolment(self, Part::Primary)
            .zip(enrolment(self, Part::Junior))
            .and_then(|(p, j)| split.shares(p, j));
        Some(SplitFacts {
            primary_weight: split.primary_weight,
            junior_weight: split.junior_weight,
            shares,
        })
    }

    /// An input's value for a part, splitting shared assets of a 九年一贯制 school.
    pub(super) fn input_value(&mut self, id: &str, part: Part) -> Lookup {
        let Some(def) = self.checklist.input(id) else {
            return Lookup::Undefined;
        };
        let nine = self.school_type == SchoolType::NineYear;
        match (nine, def.scope, part) {
            (false, _, _) | (true, InputScope::Shared, Part::Whole) => {
                self.raw_input(&Slot::whole(id))
            }
            (true, InputScope::PerPart, Part::Whole) => {
                let a = self.raw_input(&Slot::new(id, Part::Primary));
                let b = self.raw_input(&Slot::new(id, Part::Junior));
                match (a, b) {
                    (Lookup::Value(a), Lookup::Value(b)) => Lookup::Value(a + b),
                    (Lookup::Invalid, _) | (_, Lookup::Invalid) => Lookup::Invalid,
                    _ => Lookup::Missing,
                }
            }
            (true, InputScope::PerPart, part) => self.raw_input(&Slot::new(id, part)),
            (true, InputScope::Shared, part) => {
                let whole = self.raw_input(&Slot::whole(id));
                let checklist = self.checklist;
                let Some(split) = &checklist.doc().split else {
                    return Lookup::Undefined;
                };
                let p = self.raw_input(&Slot::new(&split.enrolment_input, Part::Primary));
                let j = self.raw_input(&Slot::new(&split.enrolment_input, Part::Junior));
                match (whole, p, j) {
                    (Lookup::Value(w), Lookup::Value(p), Lookup::Value(j)) => {
                        match split.shares(p, j) {
                            Some((sp, sj)) => {
                                Lookup::Value(w * if part == Part::Primary { sp } else { sj })
                            }
                            None => Lookup::Undefined,
                        }
                    }
                    (Lookup::Invalid, _, _) | (_, Lookup::Invalid, _) | (_, _, Lookup::Invalid) => {
                        Lookup::Invalid
                    }
                    _ => Lookup::Missing,
                }
            }
        }
    }

    /// A raw input's value for a formula. Values that break a rule (see
    /// [`Engine::check_inputs`]) are never computed with.
    pub(super) fn raw_input(&mut self, slot: &Slot) -> Lookup {
        let found = self
            .checklist
            .input_index(&slot.id)
            .and_then(|n| self.inputs.get(n))
            .map(|parts| parts[part_index(slot.part)]);
        match found {
            Some(Lookup::Missing) | None => {
                if !self.missing.contains(slot) {
                    self.missing.insert(slot.clone());
                }
                Lookup::Missing
            }
            Some(found) => found,
        }
    }

    /// Checks every entered input once (`validate_inputs`), then reads each input's value per
    /// part once, for the formulas.
    pub(super) fn check_inputs(&mut self) {
        self.validate_inputs();
        // What formulas read: the value, or that it is missing or unusable.
        let doc = self.checklist.doc();
        self.inputs = vec![[Lookup::Missing; 3]; doc.inputs.len()];
        for (n, def) in doc.inputs.iter().enumerate() {
            for part in [Part::Whole, Part::Primary, Part::Junior] {
                let slot = Slot::new(&def.id, part);
                let lookup = if self.invalid.iter().any(|(s, _)| s == &slot) {
                    Lookup::Invalid
                } else {
                    match self.answers.get(&slot) {
                        None => Lookup::Missing,
                        Some(Value::Number(text)) => match self.answers.number_typed(&slot, text) {
                            Ok(n) => Lookup::Value(n),
                            Err(_) => Lookup::Invalid,
                        },
                        Some(_) => Lookup::Invalid,
                    }
                };
                self.inputs[n][part_index(part)] = lookup;
            }
        }
    }

    /// Decides once whether each entered input can be used: a number, not negative, whole
    /// where it counts people or rooms, at least its minimum, a percentage within 0–100, and
    /// a part no larger than its whole (checked against wholes that are themselves valid).
    pub(super) fn validate_inputs(&mut self) {
        let mut usable: Vec<(Slot, f64)> = Vec::new();
        for slot in input_slots(self.checklist, self.school_type) {
            let Some(def) = self.checklist.input(&slot.id) else {
                continue;
            };
            let rule = Quantity {
                integer: def.integer,
                min: def.min,
                unit: &def.unit,
            };
            let checked = match self.answers.get(&slot) {
                None => continue,
                Some(Value::Number(text)) => self
                    .answers
                    .number_typed(&slot, text)
                    .map_err(|error| ValueProblem::Number { error })
                    .and_then(|n| quantity(n, &rule))
                    .and_then(|n| percent_only_for_rates(text, &rule).map(|()| n)),
                Some(_) => Err(ValueProblem::WrongKind),
            };
            match checked {
                Ok(v) => usable.push((slot, v)),
                Err(problem) => self.add_invalid(slot, problem),
            }
        }
        for (slot, v) in &usable {
            let Some(other) = self
                .checklist
                .input(&slot.id)
                .and_then(|d| d.at_most.as_ref())
            else {
                continue;
            };
            let bound = match self.checklist.input(other).map(|d| d.scope) {
                Some(InputScope::Shared) => Slot::whole(other),
                _ => Slot::new(other, slot.part),
            };
            if usable.iter().any(|(s, b)| s == &bound && v > b) {
                let other = other.clone();
                self.add_invalid(slot.clone(), ValueProblem::Exceeds { other });
            }
        }
    }
}

fn part_index(part: Part) -> usize {
    match part {
        Part::Whole => 0,
        Part::Primary => 1,
        Part::Junior => 2,
    }
}

/// What a number must be to be used: the rules every page applies through the engine.
pub(super) struct Quantity<'a> {
    pub(super) integer: bool,
    pub(super) min: Option<f64>,
    pub(super) unit: &'a str,
}

/// Checks a parsed number against its rules; the first broken rule is the one reported.
pub(super) fn quantity(n: f64, rule: &Quantity) -> Result<f64, ValueProblem> {
    if n < 0.0 {
        Err(ValueProblem::Negative)
    } else if rule.integer && n.fract() != 0.0 {
        Err(ValueProblem::NotWhole)
    } else if let Some(min) = rule.min.filter(|&m| n < m) {
        Err(ValueProblem::BelowMin { min })
    } else if rule.unit == "%" && n > 100.0 {
        Err(ValueProblem::AbovePercent)
    } else {
        Ok(n)
    }
}

/// A `%` typed after a count (`800%` students) is refused, never read as 800 people: percent
/// signs belong to rates only.
pub(super) fn percent_only_for_rates(text: &str, rule: &Quantity) -> Result<(), ValueProblem> {
    if rule.unit != "%" && text.contains(['%', '％']) {
        Err(ValueProblem::PercentSign)
    } else {
        Ok(())
    }
}
