//! Edits of the checklist being made, by kind: a field, a rule's comparison, which school
//! types an item applies to, levels, group rules, grades; adding, removing and moving parts.

use super::*;

impl ChecklistDraft {
    pub(super) fn change_doc(&mut self, edit: ChecklistEdit) -> bool {
        match edit {
            ChecklistEdit::Set(target, value) => self.set(target, value),
            ChecklistEdit::SetOp(loc, t, op) => {
                let Some(item) = self.item_mut(loc) else {
                    return false;
                };
                let Some(rule) = rule_mut(&mut item.kind) else {
                    return false;
                };
                let s = slot(rule, t);
                *s = op.map(|o| o.with(s.as_ref()));
                let base = Target::Item(loc, ItemField::RuleValue(t)).path();
                self.typed.retain(|k, _| !k.starts_with(&base));
                true
            }
            ChecklistEdit::SetKind(loc, kind) => {
                let types = self.doc.school_types.clone();
                let Some(item) = self.item_mut(loc) else {
                    return false;
                };
                item.kind = match (&item.kind, kind) {
                    (ItemKind::YesNo { .. }, NewItem::Number) => new_kind(NewItem::Number, &types),
                    (ItemKind::Number { .. }, NewItem::YesNo) => new_kind(NewItem::YesNo, &types),
                    _ => return false,
                };
                let rule = format!("{}.kind.", loc.path());
                self.typed.retain(|k, _| !k.starts_with(&rule));
                true
            }
            ChecklistEdit::SetApplies(loc, t, on) => {
                let all = self.doc.school_types.clone();
                let Some(item) = self.item_mut(loc) else {
                    return false;
                };
                let now = item.applies_to.clone().unwrap_or_else(|| all.clone());
                // In the checklist's order of types; every type is no list at all.
                let next: Vec<SchoolType> = all
                    .iter()
                    .copied()
                    .filter(|x| if *x == t { on } else { now.contains(x) })
                    .collect();
                let next = (next != all).then_some(next);
                if next == item.applies_to {
                    return false;
                }
                item.applies_to = next;
                true
            }
            ChecklistEdit::SetVeto(loc, veto) => match self.item_mut(loc) {
                Some(item) => {
                    item.veto = veto;
                    true
                }
                None => false,
            },
            ChecklistEdit::SetSource(loc, source) => match self.item_mut(loc) {
                Some(item) => {
                    item.source.source = source;
                    true
                }
                None => false,
            },
            ChecklistEdit::AddArea => {
                let taken = self.all_ids();
                let area_id = fresh_id(&taken, "X");
                let indicator_id = format!("{area_id}.1");
                self.doc.areas.push(Area {
                    id: area_id,
                    title: Text::default(),
                    pass_rate: None,
                    indicators: vec![Indicator {
                        id: indicator_id,
                        title: Text::default(),
                        items: Vec::new(),
                    }],
                });
                true
            }
            ChecklistEdit::AddIndicator(a) => {
                let taken = self.all_ids();
                let Some(area) = self.doc.areas.get_mut(a) else {
                    return false;
                };
                let id = fresh_id(&taken, &format!("{}.", area.id));
                area.indicators.push(Indicator {
                    id,
                    title: Text::default(),
                    items: Vec::new(),
                });
                true
            }
            ChecklistEdit::AddItem(a, i, kind) => {
                let taken = self.all_ids();
                let source = self
                    .doc
                    .sources
                    .last()
                    .map(|s| s.id.clone())
                    .unwrap_or_default();
                let types = self.doc.school_types.clone();
                let Some(indicator) = self
                    .doc
                    .areas
                    .get_mut(a)
                    .and_then(|x| x.indicators.get_mut(i))
                else {
                    return false;
                };
                let id = fresh_id(&taken, &format!("{}.", indicator.id));
                let kind = new_kind(kind, &types);
                let mut item = Item::blank(id, kind);
                item.points = 1.0;
                item.source.source = source;
                indicator.items.push(item);
                true
            }
            ChecklistEdit::Remove(node) => {
                let removed: Vec<String> = match node {
                    Node::Area(a) if a < self.doc.areas.len() => {
                        let area = self.doc.areas.remove(a);
                        area.indicators
                            .iter()
                            .flat_map(|i| i.items.iter().map(|it| it.id.clone()))
                            .collect()
                    }
                    Node::Indicator(a, i)
                        if self
                            .doc
                            .areas
                            .get(a)
                            .is_some_and(|x| i < x.indicators.len()) =>
                    {
                        let indicator = self.doc.areas[a].indicators.remove(i);
                        indicator.items.iter().map(|it| it.id.clone()).collect()
                    }
                    Node::Item(loc) if self.item(loc).is_some() => {
                        let item = self.doc.areas[loc.area].indicators[loc.indicator]
                            .items
                            .remove(loc.item);
                        vec![item.id]
                    }
                    _ => return false,
                };
                // Rules that counted a removed item no longer name it.
                for g in &mut self.doc.group_rules {
                    g.items.retain(|id| !removed.contains(id));
                }
                true
            }
            ChecklistEdit::Move(node, up) => {
                let moved = match node {
                    Node::Area(a) => shift(&mut self.doc.areas, a, up),
                    Node::Indicator(a, i) => self
                        .doc
                        .areas
                        .get_mut(a)
                        .is_some_and(|x| shift(&mut x.indicators, i, up)),
                    Node::Item(loc) => self
                        .doc
                        .areas
                        .get_mut(loc.area)
                        .and_then(|x| x.indicators.get_mut(loc.indicator))
                        .is_some_and(|x| shift(&mut x.items, loc.item, up)),
                };
                moved
            }
            // A new grade goes in order: above the lowest (the one from 0), its line halfway
            // to the grade above (a line of its own, as publishing asks; grades cannot be
            // moved in the form). Alone, it is the grade from 0.
            ChecklistEdit::AddGrade => {
                let grades = &self.doc.grades;
                let taken: Vec<String> = grades.iter().map(|g| g.id.clone()).collect();
                let at = grades.len().saturating_sub(1);
                let min_percent = match (at.checked_sub(1).map(|n| &grades[n]), grades.get(at)) {
                    (Some(above), Some(lowest)) => {
                        ((above.min_percent + lowest.min_percent) / 2.0).round()
                    }
                    (None, Some(lowest)) => ((100.0 + lowest.min_percent) / 2.0).round(),
                    _ => 0.0,
                };
                self.doc.grades.insert(
                    at,
                    GradeBand {
                        id: fresh_id(&taken, "grade"),
                        label: Text::default(),
                        min_percent,
                    },
                );
                true
            }
            // Not a grade items cap at or a rule holds at: the draft would name a grade that
            // is gone, where the form cannot mend it.
            ChecklistEdit::RemoveGrade(g)
                if g < self.doc.grades.len()
                    && grade_users(&self.doc, &self.doc.grades[g].id).is_empty() =>
            {
                self.doc.grades.remove(g);
                true
            }
            ChecklistEdit::RemoveGrade(_) => false,
            ChecklistEdit::AddGroupRule => {
                let mut taken = self.all_ids();
                taken.extend(self.doc.group_rules.iter().map(|g| g.id.clone()));
                let source = self
                    .doc
                    .sources
                    .first()
                    .map(|s| s.id.clone())
                    .unwrap_or_default();
                self.doc.group_rules.push(crate::core::model::GroupRule {
                    id: fresh_id(&taken, "GR"),
                    title: Text::default(),
                    items: Vec::new(),
                    min_pass: 0,
                    floor_ratio: 0.85,
                    source: SourceRef {
                        source,
                        clause: String::new(),
                        verified: true,
                    },
                    fail_grade: None,
                    near_scores: true,
                    // A county's own rule: its items are not 资源配置's (no 差异系数).
                    spread: false,
                });
                true
            }
            ChecklistEdit::RemoveGroupRule(g) if g < self.doc.group_rules.len() => {
                self.doc.group_rules.remove(g);
                true
            }
            ChecklistEdit::RemoveGroupRule(_) => false,
            ChecklistEdit::SetGroupSource(g, source) => match self.doc.group_rules.get_mut(g) {
                Some(rule) if rule.source.source != source => {
                    rule.source.source = source;
                    true
                }
                _ => false,
            },
            ChecklistEdit::SetGroupSpread(g, spread) => match self.doc.group_rules.get_mut(g) {
                Some(rule) if rule.spread != spread => {
                    rule.spread = spread;
                    true
                }
                _ => false,
            },
            ChecklistEdit::AddSource => {
                let taken: Vec<String> = self.doc.sources.iter().map(|s| s.id.clone()).collect();
                self.doc.sources.push(Source {
                    id: fresh_id(&taken, "county"),
                    title: String::new(),
                    doc_no: None,
                    seed: None,
                    verified: true,
                });
                true
            }
        }
    }
}

/// What names grade `grade`: the items that cap the grade at it, then the group rules that
/// hold it there when they fail (ids). A grade in use is not removed.
pub fn grade_users(doc: &ChecklistDoc, grade: &str) -> Vec<String> {
    let items = doc
        .areas
        .iter()
        .flat_map(|a| &a.indicators)
        .flat_map(|i| &i.items)
        .filter(|i| i.cap.as_deref() == Some(grade))
        .map(|i| i.id.clone());
    let rules = doc
        .group_rules
        .iter()
        .filter(|g| g.fail_grade.as_deref() == Some(grade))
        .map(|g| g.id.clone());
    items.chain(rules).collect()
}
