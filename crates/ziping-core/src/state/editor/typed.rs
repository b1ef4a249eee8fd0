//! Numbers typed that are not numbers yet, kept by the id of what they belong to, so a removal
//! or a move leaves each with its field (re-anchored after every structural edit).

use super::*;

impl ChecklistDraft {
    /// Typed numbers by what they belong to (an item's, indicator's, area's or grade's id),
    /// so a removal or a move leaves each with its field.
    pub(super) fn anchored(&self) -> Vec<(Anchor, String, String)> {
        self.typed
            .iter()
            .map(|(path, text)| {
                let (anchor, rest) = anchor_of(&self.doc, path);
                (anchor, rest, text.clone())
            })
            .collect()
    }

    pub(super) fn reanchor(&mut self, anchored: Vec<(Anchor, String, String)>) {
        self.typed = anchored
            .into_iter()
            .filter_map(|(anchor, rest, text)| {
                path_of(&self.doc, &anchor).map(|p| (format!("{p}{rest}"), text))
            })
            .collect();
    }
}

/// What a typed number belongs to.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Anchor {
    Area(String),
    Indicator(String),
    Item(String),
    Grade(String),
    Group(String),
    /// A field whose path no edit renumbers (the checklist's own, a group rule's, the split's).
    Fixed(String),
}

/// The index after `prefix[` at the start of `path`, and the rest.
fn index<'a>(path: &'a str, prefix: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(prefix)?.strip_prefix('[')?;
    let end = rest.find(']')?;
    Some((rest[..end].parse().ok()?, &rest[end + 1..]))
}

fn anchor_of(doc: &ChecklistDoc, path: &str) -> (Anchor, String) {
    if let Some((a, rest)) = index(path, "areas") {
        let Some(area) = doc.areas.get(a) else {
            return (Anchor::Fixed(path.into()), String::new());
        };
        if let Some((i, rest)) = index(rest, ".indicators") {
            let Some(indicator) = area.indicators.get(i) else {
                return (Anchor::Fixed(path.into()), String::new());
            };
            if let Some((k, rest)) = index(rest, ".items") {
                if let Some(item) = indicator.items.get(k) {
                    return (Anchor::Item(item.id.clone()), rest.into());
                }
                return (Anchor::Fixed(path.into()), String::new());
            }
            return (Anchor::Indicator(indicator.id.clone()), rest.into());
        }
        return (Anchor::Area(area.id.clone()), rest.into());
    }
    if let Some((g, rest)) = index(path, "grades") {
        if let Some(grade) = doc.grades.get(g) {
            return (Anchor::Grade(grade.id.clone()), rest.into());
        }
    }
    if let Some((g, rest)) = index(path, "group_rules") {
        if let Some(rule) = doc.group_rules.get(g) {
            return (Anchor::Group(rule.id.clone()), rest.into());
        }
    }
    (Anchor::Fixed(path.into()), String::new())
}

fn path_of(doc: &ChecklistDoc, anchor: &Anchor) -> Option<String> {
    match anchor {
        Anchor::Fixed(path) => Some(path.clone()),
        Anchor::Grade(id) => doc
            .grades
            .iter()
            .position(|g| &g.id == id)
            .map(|g| format!("grades[{g}]")),
        Anchor::Group(id) => doc
            .group_rules
            .iter()
            .position(|g| &g.id == id)
            .map(|g| format!("group_rules[{g}]")),
        Anchor::Area(id) => doc
            .areas
            .iter()
            .position(|a| &a.id == id)
            .map(|a| format!("areas[{a}]")),
        Anchor::Indicator(id) => doc.areas.iter().enumerate().find_map(|(a, area)| {
            area.indicators
                .iter()
                .position(|i| &i.id == id)
                .map(|i| format!("areas[{a}].indicators[{i}]"))
        }),
        Anchor::Item(id) => doc.areas.iter().enumerate().find_map(|(a, area)| {
            area.indicators.iter().enumerate().find_map(|(i, ind)| {
                ind.items.iter().position(|it| &it.id == id).map(|k| {
                    Loc {
                        area: a,
                        indicator: i,
                        item: k,
                    }
                    .path()
                })
            })
        }),
    }
}
