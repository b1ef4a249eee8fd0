//! A checked checklist: parse, don't validate. A [`Checklist`] exists only once every id is
//! unique and every reference in it resolves, so the engine never re-checks.

use crate::core::model::*;
use std::collections::BTreeMap;

/// The most points one item can carry: more is a typo (1e308 made totals infinite).
pub const MAX_POINTS: f64 = 1000.0;

/// Ids seen so far (the same map type as the indexes: one copy of its code in the bundle).
type Seen = BTreeMap<String, usize>;
use std::fmt;

/// One thing wrong with a checklist file, with the path to it (`areas[2].indicators[0]…`).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct ChecklistIssue {
    pub path: String,
    pub problem: Problem,
}

/// What a reference names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    Source,
    Input,
    Item,
    Grade,
}

impl fmt::Display for RefKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefKind::Source => "source",
            RefKind::Input => "input",
            RefKind::Item => "item",
            RefKind::Grade => "grade",
        })
    }
}

/// The values a number may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Allowed {
    /// A share: more than 0, at most 1 (pass rates, the 85% floor).
    Share,
    /// A percentage from 0 to 100.
    Percent,
    /// Points from 0 to [`MAX_POINTS`].
    Points,
    /// A level's points: from 0 to its item's points.
    LevelPoints,
    /// A 九年一贯制 split weight: more than 0, at most 100.
    Weight,
    /// More than 0.
    Positive,
}

impl fmt::Display for Allowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Allowed::Share => "more than 0 and at most 1",
            Allowed::Percent => "between 0 and 100",
            Allowed::Points => "between 0 and 1000",
            Allowed::LevelPoints => "between 0 and the item's points",
            Allowed::Weight => "more than 0 and at most 100",
            Allowed::Positive => "more than 0",
        })
    }
}

/// One thing wrong with a checklist. Typed, so the interface words it in Chinese or English
/// (`i18n::checklist_problem`); the English here is for developers' logs.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("not a checklist file (line {line}, column {column}): {problem}")]
    Json {
        line: usize,
        column: usize,
        problem: crate::core::json::FieldProblem,
    },
    #[error("format is '{found}', expected '{CHECKLIST_FORMAT}'")]
    WrongFormat { found: String },
    #[error("must not be empty")]
    Empty,
    #[error("id '{0}' is used twice")]
    DuplicateId(String),
    #[error("refers to unknown {what} '{id}'")]
    Unknown { what: RefKind, id: String },
    /// An id with `@`, which marks the part of a 九年一贯制 school in answers (`R1@junior`):
    /// such an id would clash with a part's slot and break every export.
    #[error("id '{0}' contains '@', which is reserved for the parts of a school")]
    ReservedCharacter(String),
    #[error("must be {allowed}, is {value}")]
    OutOfRange { allowed: Allowed, value: f64 },
    #[error("one grade band must start at 0 so every score has a grade")]
    NoZeroGrade,
    #[error("shared inputs of a nine-year school need a split rule")]
    SplitNeeded,
    #[error("the enrolment input must be entered per part")]
    EnrolmentNotPerPart,
    #[error("'{value}' is not an answer of item '{item}'")]
    NotAnAnswer { item: String, value: String },
    #[error("text and flag items are never scored: points 0, no veto")]
    Unscored,
    #[error("a veto item is a yes/no item or a number with a threshold")]
    VetoKind,
    #[error("levels need at least two entries")]
    TooFewLevels,
    #[error("the best level must earn the item's points")]
    BestLevelPoints,
    #[error("no rule for {0:?} schools, which the item applies to")]
    NoRuleFor(SchoolType),
    #[error("a threshold must be a finite number (between: min ≤ max)")]
    BadThreshold,
    #[error("`when` goes round in a circle: {}", .0.join(" → "))]
    WhenCycle(Vec<String>),
    #[error("'{0}' has no threshold to reach")]
    NoThreshold(String),
    #[error("min_pass {min_pass} is more than the {items} items listed")]
    MinPassTooHigh { min_pass: usize, items: usize },
    #[error("the checklist cannot be written as canonical JSON: {0}")]
    NotCanonical(String),
    /// An id or version with characters a person cannot see or that look like another
    /// (zero-width, control, bidi, a leading or trailing space): `2026.3` + U+200B would pass
    /// for the built-in. `hidden` are the code points, in order.
    #[error("'{value}' contains hidden characters {hidden:?}")]
    HiddenCharacters { value: String, hidden: Vec<char> },
}

/// The characters of an id or version that a person cannot see: invisible format and control
/// characters anywhere, white space at either end, and any white space other than a plain space.
pub fn hidden_characters(value: &str) -> Vec<char> {
    let trimmed = value.trim();
    let (lead, trail) = (
        value.len() - value.trim_start().len(),
        value.len() - value.trim_end().len(),
    );
    let mut hidden: Vec<char> = value[..lead].chars().collect();
    hidden.extend(trimmed.chars().filter(|&c| {
        crate::core::aggregate::identity::is_invisible(c) || (c.is_whitespace() && c != ' ')
    }));
    hidden.extend(value[value.len() - trail..].chars());
    hidden
}

/// Every problem found in a checklist file (all of them, so an author fixes them in one go).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub struct ChecklistErrors(pub Vec<ChecklistIssue>);

impl fmt::Display for ChecklistErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, issue) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{issue}")?;
        }
        Ok(())
    }
}

/// Where an item sits: area, indicator and item index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemLoc {
    pub area: usize,
    pub indicator: usize,
    pub item: usize,
}

/// A checklist whose references all resolve.
#[derive(Clone, Debug, PartialEq)]
pub struct Checklist {
    doc: ChecklistDoc,
    /// Item id → index into `locs`.
    items: BTreeMap<String, usize>,
    locs: Vec<ItemLoc>,
    inputs: BTreeMap<String, usize>,
    sources: BTreeMap<String, usize>,
    /// SHA-256 of the RFC 8785 form, computed when the checklist is read: with id and
    /// version, what names it.
    sha256: String,
}

impl Checklist {
    /// Reads and checks a checklist file.
    pub fn from_json(text: &str) -> Result<Checklist, ChecklistErrors> {
        // A byte-order mark, as Windows editors write one (submissions allow it too).
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let doc: ChecklistDoc = serde_json::from_str(text).map_err(|e| {
            ChecklistErrors(vec![ChecklistIssue {
                path: "$".into(),
                problem: Problem::Json {
                    line: e.line(),
                    column: e.column(),
                    problem: crate::core::json::FieldProblem::from_serde(&e),
                },
            }])
        })?;
        Checklist::try_from(doc)
    }

    pub fn doc(&self) -> &ChecklistDoc {
        &self.doc
    }

    /// The group rule an item is judged under (the first that lists it), with its own floor.
    pub fn group_of(&self, item: &str) -> Option<&crate::core::model::GroupRule> {
        self.doc
            .group_rules
            .iter()
            .find(|g| g.items.iter().any(|i| i == item))
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.item_loc(id).map(|loc| self.item_at(loc))
    }

    pub fn item_at(&self, loc: ItemLoc) -> &Item {
        &self.doc.areas[loc.area].indicators[loc.indicator].items[loc.item]
    }

    pub fn item_loc(&self, id: &str) -> Option<ItemLoc> {
        self.items.get(id).map(|&n| self.locs[n])
    }

    /// The position of input `id` in the checklist's inputs.
    pub fn input_index(&self, id: &str) -> Option<usize> {
        self.inputs.get(id).copied()
    }

    pub fn input(&self, id: &str) -> Option<&InputDef> {
        self.inputs.get(id).map(|&i| &self.doc.inputs[i])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id).map(|&i| &self.doc.sources[i])
    }

    /// Every item in checklist order with its location (the locations are listed once, in
    /// order, when the checklist is read: scoring walks them on every keystroke).
    pub fn items(&self) -> impl Iterator<Item = (ItemLoc, &Item)> {
        self.locs.iter().map(|&loc| (loc, self.item_at(loc)))
    }

    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// SHA-256 of the checklist's canonical (RFC 8785) JSON, as lowercase hex. A checklist is
    /// its id, version and this hash: two files with the same id and version but another
    /// hash are two different checklists.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The input that counts a school's students: the split rule's, else `students` (the
    /// built-ins' id). Enrolment weights the county's 差异系数.
    pub fn enrolment_input(&self) -> &str {
        self.doc
            .split
            .as_ref()
            .map_or("students", |s| s.enrolment_input.as_str())
    }

    /// Whether this is the checklist named by `id`, `version` and `sha256`.
    pub fn is(&self, id: &str, version: &str, sha256: &str) -> bool {
        self.doc.id == id && self.doc.version == version && self.sha256() == sha256
    }
}

/// A checklist that cannot join a set: one with the same id and version is there already, with
/// other content (two checklists must never share a name).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("checklist {id} version {version} is already loaded with other content")]
pub struct Clash {
    pub id: String,
    pub version: String,
}

/// Adds `checklist` to `set` unless it is there already (same id, version and content): true
/// if added. A checklist with the same id and version but other content is refused.
pub fn add_to_set(set: &mut Vec<Checklist>, checklist: Checklist) -> Result<bool, Clash> {
    let doc = checklist.doc();
    match set
        .iter()
        .find(|c| c.doc().id == doc.id && c.doc().version == doc.version)
    {
        Some(c) if c.sha256() == checklist.sha256() => Ok(false),
        Some(_) => Err(Clash {
            id: doc.id.clone(),
            version: doc.version.clone(),
        }),
        None => {
            set.push(checklist);
            Ok(true)
        }
    }
}

impl TryFrom<ChecklistDoc> for Checklist {
    type Error = ChecklistErrors;

    fn try_from(doc: ChecklistDoc) -> Result<Checklist, ChecklistErrors> {
        let mut v = Validator::default();
        let sources = v.index("sources", doc.sources.iter().map(|s| s.id.as_str()));
        let inputs = v.index("inputs", doc.inputs.iter().map(|i| i.id.as_str()));
        let mut items = BTreeMap::new();
        let mut locs = Vec::new();
        let mut container_ids = Seen::new();
        for (a, area) in doc.areas.iter().enumerate() {
            v.unique(&mut container_ids, &area.id, format!("areas[{a}].id"));
            for (i, ind) in area.indicators.iter().enumerate() {
                v.unique(
                    &mut container_ids,
                    &ind.id,
                    format!("areas[{a}].indicators[{i}].id"),
                );
                for (k, item) in ind.items.iter().enumerate() {
                    let path = format!("areas[{a}].indicators[{i}].items[{k}].id");
                    let loc = ItemLoc {
                        area: a,
                        indicator: i,
                        item: k,
                    };
                    locs.push(loc);
                    if item.id.contains('@') {
                        v.issue(path.clone(), Problem::ReservedCharacter(item.id.clone()));
                    }
                    if items.insert(item.id.clone(), locs.len() - 1).is_some()
                        || inputs.contains_key(&item.id)
                    {
                        v.issue(path, Problem::DuplicateId(item.id.clone()));
                    }
                }
            }
        }
        // Hashed once, here: a checklist that cannot be written as canonical JSON is refused
        // (it could never be named in a submission).
        let sha256 = match crate::core::export::canonical_sha256(&doc) {
            Ok(h) => h,
            Err(e) => {
                v.issue("$", Problem::NotCanonical(e.to_string()));
                String::new()
            }
        };
        let checklist = Checklist {
            doc,
            items,
            locs,
            inputs,
            sources,
            sha256,
        };
        v.check(&checklist);
        if v.issues.is_empty() {
            Ok(checklist)
        } else {
            Err(ChecklistErrors(v.issues))
        }
    }
}

#[derive(Default)]
struct Validator {
    issues: Vec<ChecklistIssue>,
}

impl Validator {
    fn issue(&mut self, path: impl Into<String>, problem: Problem) {
        self.issues.push(ChecklistIssue {
            path: path.into(),
            problem,
        });
    }

    fn unique(&mut self, seen: &mut Seen, id: &str, path: String) {
        if id.trim().is_empty() {
            self.issue(path, Problem::Empty);
        } else if id.contains('@') {
            self.issue(path, Problem::ReservedCharacter(id.into()));
        } else if seen.insert(id.to_string(), 0).is_some() {
            self.issue(path, Problem::DuplicateId(id.into()));
        }
    }

    fn index<'a>(
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

    fn check(&mut self, c: &Checklist) {
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
            }
        }
        self.check_conditions(c);
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
            ItemKind::Number { rule, .. } => self.check_rule(path, rule, &types),
            ItemKind::Computed { formula, rule, .. } => {
                self.check_rule(path, rule, &types);
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

    fn check_rule(&mut self, path: &str, rule: &Thresholds, types: &[SchoolType]) {
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
            let ok = match cmp {
                Comparison::Between { min, max } => {
                    min.is_finite() && max.is_finite() && min <= max
                }
                Comparison::Ge { value }
                | Comparison::Gt { value }
                | Comparison::Le { value }
                | Comparison::Lt { value } => value.is_finite(),
            };
            if !ok {
                self.issue(format!("{path}.kind.rule.{name}"), Problem::BadThreshold);
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
        if rule.id.contains('@') {
            self.issue(
                format!("{path}.id"),
                Problem::ReservedCharacter(rule.id.clone()),
            );
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
