//! Reading and writing one field of the checklist being made: what a field shows (a number
//! typed that is not a number yet, else the checklist's value) and setting it.

use super::*;

impl ChecklistDraft {
    /// What a field shows: the text typed if it is not a number yet, else the checklist's value.
    pub fn shown(&self, target: Target) -> String {
        if let Some(t) = self.typed.get(&target.path()) {
            return t.clone();
        }
        let d = &self.doc;
        match target {
            Target::Id => d.id.clone(),
            Target::Version => d.version.clone(),
            Target::Title(l) => text_of(&d.title, l).into(),
            Target::Description(l) => d
                .description
                .as_ref()
                .map(|t| text_of(t, l).to_string())
                .unwrap_or_default(),
            Target::Issuer(l) => text_of(&d.issuer, l).into(),
            Target::VetoGrade(l) => text_of(&d.veto_grade, l).into(),
            Target::AreaTitle(a, l) => d
                .areas
                .get(a)
                .map(|x| text_of(&x.title, l).to_string())
                .unwrap_or_default(),
            Target::AreaPassRate(a) => d
                .areas
                .get(a)
                .and_then(|x| x.pass_rate)
                .map(|r| shown_number(r * 100.0))
                .unwrap_or_default(),
            Target::IndicatorTitle(a, i, l) => d
                .areas
                .get(a)
                .and_then(|x| x.indicators.get(i))
                .map(|x| text_of(&x.title, l).to_string())
                .unwrap_or_default(),
            Target::Item(loc, field) => {
                let Some(item) = self.item(loc) else {
                    return String::new();
                };
                match field {
                    ItemField::Id => item.id.clone(),
                    ItemField::Text(l) => text_of(&item.text, l).into(),
                    ItemField::Guidance(l) => item
                        .guidance
                        .as_ref()
                        .map(|t| text_of(t, l).to_string())
                        .unwrap_or_default(),
                    ItemField::Points => shown_number(item.points),
                    ItemField::Unit => match &item.kind {
                        ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => {
                            unit.clone()
                        }
                        _ => String::new(),
                    },
                    ItemField::Clause => item.source.clause.clone(),
                    ItemField::RuleValue(t) => item
                        .kind
                        .rule()
                        .and_then(|r| rule_for(r, t))
                        .map(|c| match *c {
                            Comparison::Between { min, .. } => shown_number(min),
                            Comparison::Ge { value }
                            | Comparison::Gt { value }
                            | Comparison::Le { value }
                            | Comparison::Lt { value } => shown_number(value),
                        })
                        .unwrap_or_default(),
                    ItemField::RuleMax(t) => item
                        .kind
                        .rule()
                        .and_then(|r| rule_for(r, t))
                        .and_then(|c| match *c {
                            Comparison::Between { max, .. } => Some(shown_number(max)),
                            _ => None,
                        })
                        .unwrap_or_default(),
                    ItemField::LevelLabel(k, l) => level_of(&item.kind, k)
                        .map(|x| text_of(&x.label, l).to_string())
                        .unwrap_or_default(),
                    ItemField::LevelDescription(k, l) => level_of(&item.kind, k)
                        .and_then(|x| x.description.as_ref())
                        .map(|t| text_of(t, l).to_string())
                        .unwrap_or_default(),
                    ItemField::LevelPoints(k) => level_of(&item.kind, k)
                        .map(|x| shown_number(x.points))
                        .unwrap_or_default(),
                }
            }
            Target::GradeLabel(g, l) => d
                .grades
                .get(g)
                .map(|x| text_of(&x.label, l).to_string())
                .unwrap_or_default(),
            Target::GradeMin(g) => d
                .grades
                .get(g)
                .map(|x| shown_number(x.min_percent))
                .unwrap_or_default(),
            Target::GroupTitle(g, l) => d
                .group_rules
                .get(g)
                .map(|x| text_of(&x.title, l).to_string())
                .unwrap_or_default(),
            Target::GroupItems(g) => d
                .group_rules
                .get(g)
                .map(|x| x.items.join("、"))
                .unwrap_or_default(),
            Target::GroupClause(g) => d
                .group_rules
                .get(g)
                .map(|x| x.source.clause.clone())
                .unwrap_or_default(),
            Target::GroupMinPass(g) => d
                .group_rules
                .get(g)
                .map(|x| x.min_pass.to_string())
                .unwrap_or_default(),
            Target::GroupFloor(g) => d
                .group_rules
                .get(g)
                .map(|x| shown_number(x.floor_ratio * 100.0))
                .unwrap_or_default(),
            Target::SplitPrimary => d
                .split
                .as_ref()
                .map(|s| shown_number(s.primary_weight))
                .unwrap_or_default(),
            Target::SplitJunior => d
                .split
                .as_ref()
                .map(|s| shown_number(s.junior_weight))
                .unwrap_or_default(),
            Target::SourceTitle(s) => d
                .sources
                .get(s)
                .map(|x| x.title.clone())
                .unwrap_or_default(),
            Target::SourceDocNo(s) => d
                .sources
                .get(s)
                .and_then(|x| x.doc_no.clone())
                .unwrap_or_default(),
        }
    }

    pub(super) fn set(&mut self, target: Target, value: String) -> bool {
        let path = target.path();
        match target.field() {
            Field::Number(field) => {
                match parse_number(&value) {
                    Ok(n) if n.is_finite() => {
                        self.typed.remove(&path);
                        self.set_number(field, n, path);
                    }
                    _ => {
                        self.typed.insert(path, value);
                    }
                }
                true
            }
            Field::Text(field) => self.set_text(field, value),
        }
    }

    /// Writes a text field; false where it is not there (a removed part's field).
    fn set_text(&mut self, field: TextField, value: String) -> bool {
        if let TextField::Item(loc, ItemText::Id) = field {
            if let Some(old) = self.item_mut(loc).map(|i| i.id.clone()) {
                let carried = match &self.renaming.0 {
                    Some((at, id)) if *at == loc => id.clone(),
                    _ => old.clone(),
                };
                let held = rename_references(&mut self.doc, &carried, &old, &value);
                self.renaming.0 = held.map(|id| (loc, id));
            }
        }
        let d = &mut self.doc;
        match field {
            TextField::Id => d.id = value,
            TextField::Version => d.version = value,
            TextField::Title(l) => *text_mut(&mut d.title, l) = value,
            TextField::Description(l) => set_optional(&mut d.description, l, value),
            TextField::Issuer(l) => *text_mut(&mut d.issuer, l) = value,
            TextField::VetoGrade(l) => *text_mut(&mut d.veto_grade, l) = value,
            TextField::AreaTitle(a, l) => match d.areas.get_mut(a) {
                Some(x) => *text_mut(&mut x.title, l) = value,
                None => return false,
            },
            TextField::IndicatorTitle(a, i, l) => {
                match d.areas.get_mut(a).and_then(|x| x.indicators.get_mut(i)) {
                    Some(x) => *text_mut(&mut x.title, l) = value,
                    None => return false,
                }
            }
            TextField::Item(loc, field) => {
                let Some(item) = self.item_mut(loc) else {
                    return false;
                };
                match field {
                    ItemText::Id => item.id = value,
                    ItemText::Text(l) => *text_mut(&mut item.text, l) = value,
                    ItemText::Guidance(l) => set_optional(&mut item.guidance, l, value),
                    ItemText::Unit => match &mut item.kind {
                        ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => {
                            *unit = value
                        }
                        ItemKind::YesNo { .. }
                        | ItemKind::Levels { .. }
                        | ItemKind::Flag
                        | ItemKind::Text => return false,
                    },
                    ItemText::Clause => item.source.clause = value,
                    ItemText::LevelLabel(k, l) => match level_mut(&mut item.kind, k) {
                        Some(x) => *text_mut(&mut x.label, l) = value,
                        None => return false,
                    },
                    ItemText::LevelDescription(k, l) => match level_mut(&mut item.kind, k) {
                        Some(x) => set_optional(&mut x.description, l, value),
                        None => return false,
                    },
                }
            }
            TextField::GradeLabel(g, l) => match d.grades.get_mut(g) {
                Some(x) => *text_mut(&mut x.label, l) = value,
                None => return false,
            },
            TextField::GroupTitle(g, l) => match d.group_rules.get_mut(g) {
                Some(x) => *text_mut(&mut x.title, l) = value,
                None => return false,
            },
            TextField::GroupItems(g) => match d.group_rules.get_mut(g) {
                Some(x) => x.items = split_ids(&value),
                None => return false,
            },
            TextField::GroupClause(g) => match d.group_rules.get_mut(g) {
                Some(x) => x.source.clause = value,
                None => return false,
            },
            TextField::SourceTitle(s) => match d.sources.get_mut(s) {
                Some(x) => x.title = value,
                None => return false,
            },
            TextField::SourceDocNo(s) => match d.sources.get_mut(s) {
                Some(x) => x.doc_no = Some(value).filter(|v| !v.trim().is_empty()),
                None => return false,
            },
        }
        true
    }

    /// Writes a number field (`path`: where a count that is not whole is kept as typed).
    pub(super) fn set_number(&mut self, field: NumberField, n: f64, path: String) {
        let d = &mut self.doc;
        match field {
            NumberField::AreaPassRate(a) => {
                if let Some(x) = d.areas.get_mut(a) {
                    x.pass_rate = Some(n / 100.0);
                }
            }
            NumberField::Item(loc, field) => {
                let Some(item) = self.item_mut(loc) else {
                    return;
                };
                match field {
                    ItemNumber::Points => {
                        item.points = n;
                        // A levels item's levels follow its points in proportion to its best
                        // level (not to the points before: a 0 typed on the way to 0.5 loses
                        // nothing).
                        if let ItemKind::Levels { levels, .. } = &mut item.kind {
                            let best = levels.iter().map(|l| l.points).fold(0.0, f64::max);
                            if best > 0.0 && n > 0.0 {
                                for l in levels.iter_mut() {
                                    l.points = rounded(l.points / best * n);
                                }
                            }
                        }
                    }
                    ItemNumber::LevelPoints(k) => {
                        if let Some(x) = level_mut(&mut item.kind, k) {
                            x.points = n;
                        }
                    }
                    ItemNumber::RuleValue(t) | ItemNumber::RuleMax(t) => {
                        let Some(rule) = rule_mut(&mut item.kind) else {
                            return;
                        };
                        let s = slot(rule, t);
                        let max = matches!(field, ItemNumber::RuleMax(_));
                        *s = Some(match (s.take(), max) {
                            (Some(Comparison::Between { max: m, .. }), false) => {
                                Comparison::Between { min: n, max: m }
                            }
                            (Some(Comparison::Between { min, .. }), true) => {
                                Comparison::Between { min, max: n }
                            }
                            (Some(Comparison::Gt { .. }), _) => Comparison::Gt { value: n },
                            (Some(Comparison::Le { .. }), _) => Comparison::Le { value: n },
                            (Some(Comparison::Lt { .. }), _) => Comparison::Lt { value: n },
                            _ => Comparison::Ge { value: n },
                        });
                    }
                }
            }
            NumberField::GradeMin(g) => {
                if let Some(x) = d.grades.get_mut(g) {
                    x.min_percent = n;
                }
            }
            NumberField::GroupMinPass(g) => {
                if let Some(x) = d.group_rules.get_mut(g) {
                    if n >= 0.0 && n.fract() == 0.0 {
                        x.min_pass = n as usize;
                    } else {
                        self.typed.insert(path, shown_number(n));
                    }
                }
            }
            NumberField::GroupFloor(g) => {
                if let Some(x) = d.group_rules.get_mut(g) {
                    x.floor_ratio = n / 100.0;
                }
            }
            NumberField::SplitPrimary => {
                if let Some(s) = d.split.as_mut() {
                    s.primary_weight = n;
                }
            }
            NumberField::SplitJunior => {
                if let Some(s) = d.split.as_mut() {
                    s.junior_weight = n;
                }
            }
        }
    }
}

/// An item renamed from `old` to `new`, its references carrying `carried` (`old`, or the id
/// they kept while its id was another item's): the group rules that list it and the items
/// shown only `when` it has an answer follow it (they were left naming the old id, each a
/// problem). While `new` is another item's id the references wait (merged, they could not be
/// told apart again): the id they carry is returned, to follow once `new` is the item's own.
fn rename_references(
    doc: &mut ChecklistDoc,
    carried: &str,
    old: &str,
    new: &str,
) -> Option<String> {
    let items = || {
        doc.areas
            .iter()
            .flat_map(|a| &a.indicators)
            .flat_map(|i| &i.items)
    };
    if carried == new {
        return None;
    }
    if items().any(|i| i.id == new) {
        return Some(carried.to_string());
    }
    // The references to `old` are this item's only if no other item has that id.
    if carried == old && items().filter(|i| i.id == old).count() != 1 {
        return None;
    }
    let old = carried;
    for rule in &mut doc.group_rules {
        for item in rule.items.iter_mut().filter(|i| *i == old) {
            *item = new.to_string();
        }
    }
    let conditions = doc
        .areas
        .iter_mut()
        .flat_map(|a| &mut a.indicators)
        .flat_map(|i| &mut i.items)
        .filter_map(|i| i.when.as_mut());
    for when in conditions.filter(|w| w.item == old) {
        when.item = new.to_string();
    }
    None
}
