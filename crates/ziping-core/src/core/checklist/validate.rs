//! The checks a checklist passes before it is a [`Checklist`]: ids unique, references
//! resolved, numbers in range, rules complete for the school types an item applies to. With
//! `strict` (what 制作县级清单 publishes, `Checklist::for_publishing`) also what no county should
//! send but files already sent may hold, which every reader still accepts: ids outside the
//! schema's characters, sources and group rules without a name, grades out of order,
//! thresholds no school can meet.

use super::*;

#[derive(Default)]
pub(super) struct Validator {
    pub(super) issues: Vec<ChecklistIssue>,
    pub(super) strict: bool,
}

impl Validator {
    pub(super) fn issue(&mut self, path: impl Into<String>, problem: Problem) {
        self.issues.push(ChecklistIssue {
            path: path.into(),
            problem,
        });
    }

    pub(super) fn unique(&mut self, seen: &mut Seen, id: &str, path: String) {
        if id.trim().is_empty() {
            self.issue(path, Problem::Empty);
        } else if id.contains('@') {
            self.issue(path, Problem::ReservedCharacter(id.into()));
        } else if seen.insert(id.to_string(), 0).is_some() {
            self.issue(path, Problem::DuplicateId(id.into()));
        } else if self.strict && !is_id(id) {
            // Still known by it: what refers to it is not said to refer to nothing.
            self.issue(path, Problem::IdCharacters(id.into()));
        }
    }

    pub(super) fn index<'a>(
        &mut self,
        field: &str,
        ids: impl Iterator<Item = &'a str>,
    ) -> BTreeMap<String, usize> {
        let mut map = BTreeMap::new();
        for (n, id) in ids.enumerate() {
            let path = format!("{field}[{n}].id");
            if id.trim().is_empty() {
                self.issue(path, Problem::Empty);
            } else if id.contains('@') {
                self.issue(path, Problem::ReservedCharacter(id.into()));
            } else if map.insert(id.to_string(), n).is_some() {
                self.issue(path, Problem::DuplicateId(id.into()));
            } else if self.strict && !is_id(id) {
                // Still known by it: what refers to it is not said to refer to nothing.
                self.issue(path, Problem::IdCharacters(id.into()));
            }
        }
        map
    }

    fn range(&mut self, path: impl Into<String>, value: f64, ok: bool, allowed: Allowed) {
        if !ok || !value.is_finite() {
            self.issue(path, Problem::OutOfRange { allowed, value });
        }
    }

    fn source_ref(&mut self, c: &Checklist, path: &str, r: &SourceRef) {
        if c.source(&r.source).is_none() {
            self.issue(
                format!("{path}.source"),
                Problem::Unknown {
                    what: RefKind::Source,
                    id: r.source.clone(),
                },
            );
        }
        if r.clause.trim().is_empty() {
            self.issue(format!("{path}.clause"), Problem::Empty);
        }
    }

    fn input_ref(&mut self, c: &Checklist, path: String, id: &str) {
        if c.input(id).is_none() {
            self.issue(
                path,
                Problem::Unknown {
                    what: RefKind::Input,
                    id: id.into(),
                },
            );
        }
    }

    pub(super) fn check(&mut self, c: &Checklist) {
        let d = &c.doc;
        if d.format != CHECKLIST_FORMAT {
            self.issue(
                "format",
                Problem::WrongFormat {
                    found: d.format.clone(),
                },
            );
        }
        for (field, value) in [("id", &d.id), ("version", &d.version)] {
            let hidden = hidden_characters(value);
            if value.trim().is_empty() {
                self.issue(field, Problem::Empty);
            } else if !hidden.is_empty() {
                self.issue(
                    field,
                    Problem::HiddenCharacters {
                        value: value.clone(),
                        hidden,
                    },
                );
            } else if value.contains('@') {
                self.issue(field, Problem::ReservedCharacter(value.clone()));
            } else if self.strict && field == "id" && !is_id(value) {
                // The checklist's files are named by it (`<id>.json`, and each submission's
                // name carries it): a slash or a space there breaks a download or a reader.
                self.issue(field, Problem::IdCharacters(value.clone()));
            }
        }
        self.check_conditions(c);
        for (n, source) in d.sources.iter().enumerate() {
            // Every item citing it would print an empty 依据.
            if self.strict && source.title.trim().is_empty() {
                self.issue(format!("sources[{n}].title"), Problem::Empty);
            }
        }
        if d.school_types.is_empty() {
            self.issue("school_types", Problem::Empty);
        }
        if d.areas.is_empty() {
            self.issue("areas", Problem::Empty);
        }
        self.check_grades(d);
        self.check_inputs(c);
        for (loc, item) in c.items() {
            let path = format!(
                "areas[{}].indicators[{}].items[{}]",
                loc.area, loc.indicator, loc.item
            );
            self.check_item(c, &path, item);
        }
        // What people read a checklist by has a Chinese name (English falls back to it).
        if d.title.zh.trim().is_empty() {
            self.issue("title.zh", Problem::Empty);
        }
        for (a, area) in d.areas.iter().enumerate() {
            if area.title.zh.trim().is_empty() {
                self.issue(format!("areas[{a}].title.zh"), Problem::Empty);
            }
            for (i, indicator) in area.indicators.iter().enumerate() {
                if indicator.title.zh.trim().is_empty() {
                    self.issue(
                        format!("areas[{a}].indicators[{i}].title.zh"),
                        Problem::Empty,
                    );
                }
            }
            if let Some(rate) = area.pass_rate {
                self.range(
                    format!("areas[{a}].pass_rate"),
                    rate,
                    rate > 0.0 && rate <= 1.0,
                    Allowed::Share,
                );
            }
        }
        for (g, rule) in d.group_rules.iter().enumerate() {
            self.check_group(c, &format!("group_rules[{g}]"), rule);
        }
    }

    fn check_grades(&mut self, d: &ChecklistDoc) {
        let mut ids = Seen::new();
        for (n, band) in d.grades.iter().enumerate() {
            self.unique(&mut ids, &band.id, format!("grades[{n}].id"));
            if band.label.zh.trim().is_empty() {
                self.issue(format!("grades[{n}].label.zh"), Problem::Empty);
            }
            let p = band.min_percent;
            self.range(
                format!("grades[{n}].min_percent"),
                p,
                (0.0..=100.0).contains(&p),
                Allowed::Percent,
            );
        }
        for (n, pair) in d.grades.windows(2).enumerate() {
            let (above, below) = (pair[0].min_percent, pair[1].min_percent);
            if self.strict && above.is_finite() && below.is_finite() && below >= above {
                self.issue(
                    format!("grades[{}].min_percent", n + 1),
                    Problem::GradeOrder { above },
                );
            }
        }
        if !d.grades.iter().any(|b| b.min_percent == 0.0) {
            self.issue("grades", Problem::NoZeroGrade);
        }
    }

    fn check_inputs(&mut self, c: &Checklist) {
        let d = &c.doc;
        for (n, input) in d.inputs.iter().enumerate() {
            if let Some(other) = &input.last_year_of {
                self.input_ref(c, format!("inputs[{n}].last_year_of"), other);
            }
            if let Some(other) = &input.at_most {
                self.input_ref(c, format!("inputs[{n}].at_most"), other);
            }
        }
        let needs_split = d.school_types.contains(&SchoolType::NineYear)
            && d.inputs.iter().any(|i| i.scope == InputScope::Shared);
        match &d.split {
            None if needs_split => self.issue("split", Problem::SplitNeeded),
            None => {}
            Some(split) => {
                match c.input(&split.enrolment_input) {
                    None => {
                        self.input_ref(c, "split.enrolment_input".into(), &split.enrolment_input)
                    }
                    Some(i) if i.scope != InputScope::PerPart => {
                        self.issue("split.enrolment_input", Problem::EnrolmentNotPerPart)
                    }
                    Some(_) => {}
                }
                for (what, w) in [
                    ("primary_weight", split.primary_weight),
                    ("junior_weight", split.junior_weight),
                ] {
                    self.range(
                        format!("split.{what}"),
                        w,
                        w > 0.0 && w <= 100.0,
                        Allowed::Weight,
                    );
                }
                self.source_ref(c, "split.source", &split.source);
            }
        }
    }

    fn check_item(&mut self, c: &Checklist, path: &str, item: &Item) {
        self.source_ref(c, &format!("{path}.source"), &item.source);
        self.range(
            format!("{path}.points"),
            item.points,
            (0.0..=MAX_POINTS).contains(&item.points),
            Allowed::Points,
        );
        if item.text.zh.trim().is_empty() {
            self.issue(format!("{path}.text.zh"), Problem::Empty);
        }
        let types: Vec<SchoolType> = match &item.applies_to {
            Some(t) if t.is_empty() => {
                self.issue(format!("{path}.applies_to"), Problem::Empty);
                vec![]
            }
            Some(t) => t.clone(),
            None => c.doc.school_types.clone(),
        };
        if let Some(cond) = &item.when {
            match c.item(&cond.item).map(|i| &i.kind) {
                None => self.issue(
                    format!("{path}.when.item"),
                    Problem::Unknown {
                        what: RefKind::Item,
                        id: cond.item.clone(),
                    },
                ),
                Some(ItemKind::YesNo { .. })
                    if ["yes", "no", "na"].contains(&cond.equals.as_str()) => {}
                Some(ItemKind::Flag) if ["yes", "no"].contains(&cond.equals.as_str()) => {}
                Some(ItemKind::Levels { levels, .. })
                    if levels.iter().any(|l| l.id == cond.equals) => {}
                Some(_) => self.issue(
                    format!("{path}.when.equals"),
                    Problem::NotAnAnswer {
                        item: cond.item.clone(),
                        value: cond.equals.clone(),
                    },
                ),
            }
        }
        match &item.kind {
            ItemKind::YesNo { .. } => {}
            ItemKind::Levels { levels, .. } => self.check_levels(path, item, levels),
            // What a school can enter: never below 0, a percentage never above 100.
            ItemKind::Number { rule, unit } => self.check_rule(
                path,
                rule,
                &types,
                Some(0.0),
                (unit == "%").then_some(100.0),
            ),
            ItemKind::Computed { formula, rule, .. } => {
                let (lo, hi) = computed_range(c, formula);
                self.check_rule(path, rule, &types, lo, hi);
                self.check_formula(c, &format!("{path}.kind.formula"), formula);
            }
            ItemKind::Text | ItemKind::Flag => {
                if item.points != 0.0 || item.veto {
                    self.issue(path, Problem::Unscored);
                }
            }
        }
        if let Some(band) = &item.cap {
            if !c.doc.grades.iter().any(|g| &g.id == band) {
                self.issue(
                    format!("{path}.cap"),
                    Problem::Unknown {
                        what: RefKind::Grade,
                        id: band.clone(),
                    },
                );
            }
        }
        if item.veto && matches!(item.kind, ItemKind::Levels { .. }) {
            self.issue(format!("{path}.veto"), Problem::VetoKind);
        }
    }

    fn check_levels(&mut self, path: &str, item: &Item, levels: &[Level]) {
        if levels.len() < 2 {
            self.issue(format!("{path}.kind.levels"), Problem::TooFewLevels);
        }
        let mut ids = Seen::new();
        for (n, level) in levels.iter().enumerate() {
            self.unique(&mut ids, &level.id, format!("{path}.kind.levels[{n}].id"));
            let p = level.points;
            self.range(
                format!("{path}.kind.levels[{n}].points"),
                p,
                p >= 0.0 && p <= item.points,
                Allowed::LevelPoints,
            );
        }
        if !levels.iter().any(|l| l.points == item.points) {
            self.issue(format!("{path}.kind.levels"), Problem::BestLevelPoints);
        }
    }

    /// Every school type the item applies to has a rule, each a finite number that some value
    /// the item can take (`lo` to `hi`, where known) meets.
    fn check_rule(
        &mut self,
        path: &str,
        rule: &Thresholds,
        types: &[SchoolType],
        lo: Option<f64>,
        hi: Option<f64>,
    ) {
        for t in types {
            let has = match t {
                SchoolType::Primary => rule.primary.is_some(),
                SchoolType::Junior => rule.junior.is_some(),
                SchoolType::NineYear => {
                    rule.nine_year.is_some() || rule.primary.is_some() || rule.junior.is_some()
                }
            };
            if !has {
                self.issue(format!("{path}.kind.rule"), Problem::NoRuleFor(*t));
            }
        }
        for (name, cmp) in [
            ("primary", rule.primary),
            ("junior", rule.junior),
            ("nine_year", rule.nine_year),
        ] {
            let Some(cmp) = cmp else { continue };
            if let Comparison::Between { min, max } = cmp {
                if min.is_finite() && max.is_finite() && min > max {
                    self.issue(
                        format!("{path}.kind.rule.{name}"),
                        Problem::BadRange { min, max },
                    );
                    continue;
                }
            }
            let ok = match cmp {
                Comparison::Between { min, max } => min.is_finite() && max.is_finite(),
                Comparison::Ge { value }
                | Comparison::Gt { value }
                | Comparison::Le { value }
                | Comparison::Lt { value } => value.is_finite(),
            };
            let (low, high) = (lo.unwrap_or(f64::NEG_INFINITY), hi.unwrap_or(f64::INFINITY));
            let reachable = match cmp {
                Comparison::Ge { value } => value <= high,
                Comparison::Gt { value } => value < high,
                Comparison::Le { value } => value >= low,
                Comparison::Lt { value } => value > low,
                Comparison::Between { min, max } => max >= low && min <= high,
            };
            if !ok {
                self.issue(format!("{path}.kind.rule.{name}"), Problem::BadThreshold);
            } else if self.strict && !reachable {
                self.issue(
                    format!("{path}.kind.rule.{name}"),
                    Problem::Unreachable { high: hi },
                );
            }
        }
    }

    fn check_formula(&mut self, c: &Checklist, path: &str, formula: &Formula) {
        match formula {
            Formula::Ratio {
                numerator,
                denominator,
                scale,
            } => {
                for (side, ids) in [("numerator", numerator), ("denominator", denominator)] {
                    if ids.is_empty() {
                        self.issue(format!("{path}.{side}"), Problem::Empty);
                    }
                    for (n, id) in ids.iter().enumerate() {
                        self.input_ref(c, format!("{path}.{side}[{n}]"), id);
                    }
                }
                self.range(
                    format!("{path}.scale"),
                    *scale,
                    *scale > 0.0,
                    Allowed::Positive,
                );
            }
            Formula::Sum { inputs } => {
                if inputs.is_empty() {
                    self.issue(format!("{path}.inputs"), Problem::Empty);
                }
                for (n, id) in inputs.iter().enumerate() {
                    self.input_ref(c, format!("{path}.inputs[{n}]"), id);
                }
            }
            Formula::Difference {
                minuend,
                subtrahend,
            } => {
                self.input_ref(c, format!("{path}.minuend"), minuend);
                self.input_ref(c, format!("{path}.subtrahend"), subtrahend);
            }
        }
    }

    /// A `when` that leads back to its own item (directly or through others) would let an
    /// answer switch off the item it belongs to: answering 未达标 on a veto item removed the
    /// veto.
    fn check_conditions(&mut self, c: &Checklist) {
        for (loc, item) in c.items() {
            let mut chain = vec![item.id.as_str()];
            let mut next = item.when.as_ref().map(|w| w.item.as_str());
            while let Some(id) = next {
                if chain.contains(&id) {
                    chain.push(id);
                    self.issue(
                        format!(
                            "areas[{}].indicators[{}].items[{}].when.item",
                            loc.area, loc.indicator, loc.item
                        ),
                        Problem::WhenCycle(chain.iter().map(|s| s.to_string()).collect()),
                    );
                    break;
                }
                chain.push(id);
                next = c
                    .item(id)
                    .and_then(|i| i.when.as_ref())
                    .map(|w| w.item.as_str());
            }
        }
    }

    fn check_group(&mut self, c: &Checklist, path: &str, rule: &GroupRule) {
        self.source_ref(c, &format!("{path}.source"), &rule.source);
        if rule.items.is_empty() {
            self.issue(format!("{path}.items"), Problem::Empty);
        }
        // The rule's name is what the results page and the report state as the rule.
        if self.strict && rule.title.zh.trim().is_empty() {
            self.issue(format!("{path}.title.zh"), Problem::Empty);
        }
        if rule.id.contains('@') {
            self.issue(
                format!("{path}.id"),
                Problem::ReservedCharacter(rule.id.clone()),
            );
        } else if self.strict && !rule.id.is_empty() && !is_id(&rule.id) {
            self.issue(format!("{path}.id"), Problem::IdCharacters(rule.id.clone()));
        }
        if c.item(&rule.id).is_some()
            || c.doc.group_rules.iter().filter(|g| g.id == rule.id).count() > 1
        {
            self.issue(format!("{path}.id"), Problem::DuplicateId(rule.id.clone()));
        }
        for (n, id) in rule.items.iter().enumerate() {
            if rule.items[..n].contains(id) {
                // Counted twice, one indicator would meet "6 of 7" alone.
                self.issue(
                    format!("{path}.items[{n}]"),
                    Problem::DuplicateId(id.clone()),
                );
            }
            match c.item(id).map(|i| &i.kind) {
                None => self.issue(
                    format!("{path}.items[{n}]"),
                    Problem::Unknown {
                        what: RefKind::Item,
                        id: id.clone(),
                    },
                ),
                Some(ItemKind::Number { .. } | ItemKind::Computed { .. }) => {}
                Some(_) => self.issue(
                    format!("{path}.items[{n}]"),
                    Problem::NoThreshold(id.clone()),
                ),
            }
        }
        if rule.min_pass > rule.items.len() {
            self.issue(
                format!("{path}.min_pass"),
                Problem::MinPassTooHigh {
                    min_pass: rule.min_pass,
                    items: rule.items.len(),
                },
            );
        }
        let f = rule.floor_ratio;
        self.range(
            format!("{path}.floor_ratio"),
            f,
            f > 0.0 && f <= 1.0,
            Allowed::Share,
        );
        if let Some(band) = &rule.fail_grade {
            if !c.doc.grades.iter().any(|g| &g.id == band) {
                self.issue(
                    format!("{path}.fail_grade"),
                    Problem::Unknown {
                        what: RefKind::Grade,
                        id: band.clone(),
                    },
                );
            }
        }
    }
}

/// An id as the schema writes it (`^[A-Za-z0-9_.-]+$`): ids are listed in one field separated
/// by commas or spaces (a group rule's items), name answers in files, and go into CSV cells,
/// so a space, a comma or a Chinese character in one breaks a reference or a reader.
pub(super) fn is_id(id: &str) -> bool {
    id.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// The values a computed item can take, where the checklist bounds them: a ratio or a sum is
/// never below 0, a sum of percentages never above 100 each; a ratio of a part to its whole (one numerator whose input is
/// `at_most` a denominator input: trained ÷ full-time teachers) never above its scale (100 for
/// a percentage); a difference (last year's rate − this year's) may be anything.
fn computed_range(c: &Checklist, formula: &Formula) -> (Option<f64>, Option<f64>) {
    match formula {
        Formula::Difference { .. } => (None, None),
        // A sum of percentages a school enters (体质健康合格率 from its one input) is at most
        // 100 for each.
        Formula::Sum { inputs } => {
            let percents = inputs
                .iter()
                .all(|i| c.input(i).is_some_and(|x| x.unit == "%"));
            (
                Some(0.0),
                (percents && !inputs.is_empty()).then_some(100.0 * inputs.len() as f64),
            )
        }
        Formula::Ratio {
            numerator,
            denominator,
            scale,
        } => {
            let part_of_whole = match numerator.as_slice() {
                [n] => c
                    .input(n)
                    .and_then(|i| i.at_most.as_ref())
                    .is_some_and(|whole| denominator.contains(whole)),
                _ => false,
            };
            (Some(0.0), part_of_whole.then_some(*scale))
        }
    }
}
