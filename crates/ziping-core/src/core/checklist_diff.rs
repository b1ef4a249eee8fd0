//! 与原清单的差异: every change of a checklist against the one it was made from, for the
//! county office's own record (e.g. B5.1.1 小学 ≥ 60 → ≥ 90). Areas, indicators and items are
//! matched by id; a changed id is a removal and an addition.

use crate::core::format::fmt_num;
use crate::core::model::{
    Area, ChecklistDoc, Comparison, Indicator, Item, ItemKind, Lang, SchoolType, SourceRef, Text,
    Thresholds,
};
use serde::Serialize;

/// What changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Id,
    Version,
    Title,
    Description,
    Issuer,
    VetoGrade,
    Text,
    Guidance,
    Points,
    Unit,
    Source,
    Clause,
    Veto,
    Kind,
    AppliesTo,
    PassRate,
    Label,
    MinPercent,
    MinPass,
    FloorRatio,
    /// Whether a near item of a group rule that holds earns its points.
    NearScores,
    /// Whether a group rule's items are 资源配置 indicators (差异系数 computed).
    Spread,
    Items,
    PrimaryWeight,
    JuniorWeight,
    /// The indicator an item sits in.
    Indicator,
    /// The area an indicator sits in.
    Area,
    DocNo,
}

/// Where a change is.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    Checklist,
    Area {
        id: String,
        title: Text,
    },
    Indicator {
        id: String,
        title: Text,
    },
    Item {
        id: String,
        text: Text,
    },
    /// A level of a levels item (达标 / 基本达标 …), by its id.
    Level {
        item: String,
        id: String,
        label: Text,
    },
    Grade {
        id: String,
        label: Text,
    },
    GroupRule {
        id: String,
    },
    Split,
    Source {
        id: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Added,
    Removed,
    /// The order of what it holds changed.
    Reordered,
    /// A value, both sides as people read them (numbers formatted, texts as written); `lang`
    /// for a text with two languages.
    Changed {
        field: Field,
        lang: Option<Lang>,
        old: String,
        new: String,
    },
    /// A rule for a school type; `None` where there is none.
    Rule {
        school_type: SchoolType,
        old: Option<Comparison>,
        new: Option<Comparison>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Difference {
    pub place: Place,
    pub change: Change,
}

impl Difference {
    /// The change makes meeting the checklist easier, or may: a threshold relaxed, turned the
    /// other way or dropped; a 一票否决 no longer one; an item or group rule removed; fewer
    /// items, a lower floor, pass rate or grade band needed, or none; near items scoring; no
    /// 差异系数 for a group; an item of another kind or for other school types. A school can
    /// send its county a checklist it edited: the officer is asked before adopting one that
    /// eases anything.
    pub fn eases(&self) -> bool {
        let lower = |old: &str, new: &str| {
            let n = |s: &str| crate::core::decimal::parse(s.trim_end_matches('%'));
            match (n(old), n(new)) {
                (Some(o), Some(n)) => n < o,
                // A requirement dropped (a pass rate no longer set).
                (Some(_), None) => new.is_empty(),
                _ => false,
            }
        };
        match (&self.place, &self.change) {
            (
                _,
                Change::Rule {
                    old: Some(o), new, ..
                },
            ) => new.as_ref().is_none_or(|n| relaxes(o, n)),
            (Place::Item { .. } | Place::GroupRule { .. }, Change::Removed) => true,
            (
                _,
                Change::Changed {
                    field: Field::Veto,
                    old,
                    new,
                    ..
                },
            ) => old == "true" && new == "false",
            (
                _,
                Change::Changed {
                    field: Field::NearScores,
                    new,
                    ..
                },
            ) => new == "✓",
            (
                _,
                Change::Changed {
                    field: Field::Spread,
                    new,
                    ..
                },
            ) => new == "✗",
            (
                _,
                Change::Changed {
                    field: Field::Kind | Field::AppliesTo,
                    ..
                },
            ) => true,
            (
                _,
                Change::Changed {
                    field: Field::MinPass | Field::FloorRatio | Field::PassRate | Field::MinPercent,
                    old,
                    new,
                    ..
                },
            ) => lower(old, new),
            _ => false,
        }
    }
}

/// `new` lets a value pass that `old` did not: a lower ≥ or > bound, a higher ≤ or < bound,
/// ≥ for >, a wider range, or another kind of comparison altogether.
fn relaxes(old: &Comparison, new: &Comparison) -> bool {
    use Comparison::*;
    match (*old, *new) {
        (Ge { value: a } | Gt { value: a }, Ge { value: b } | Gt { value: b }) => {
            b < a || (b == a && matches!((old, new), (Gt { .. }, Ge { .. })))
        }
        (Le { value: a } | Lt { value: a }, Le { value: b } | Lt { value: b }) => {
            b > a || (b == a && matches!((old, new), (Lt { .. }, Le { .. })))
        }
        (Between { min: a, max: b }, Between { min: c, max: d }) => c < a || d > b,
        _ => true,
    }
}

struct Diff {
    out: Vec<Difference>,
}

impl Diff {
    fn push(&mut self, place: &Place, change: Change) {
        self.out.push(Difference {
            place: place.clone(),
            change,
        });
    }

    fn value(&mut self, place: &Place, field: Field, old: String, new: String) {
        if old != new {
            self.push(
                place,
                Change::Changed {
                    field,
                    lang: None,
                    old,
                    new,
                },
            );
        }
    }

    fn text(&mut self, place: &Place, field: Field, old: &Text, new: &Text) {
        for (lang, o, n) in [(Lang::Zh, &old.zh, &new.zh), (Lang::En, &old.en, &new.en)] {
            if o != n {
                self.push(
                    place,
                    Change::Changed {
                        field,
                        lang: Some(lang),
                        old: o.clone(),
                        new: n.clone(),
                    },
                );
            }
        }
    }

    /// A source document and clause cited.
    fn source(&mut self, place: &Place, old: &SourceRef, new: &SourceRef) {
        self.value(place, Field::Source, old.source.clone(), new.source.clone());
        self.value(place, Field::Clause, old.clause.clone(), new.clause.clone());
    }

    fn optional_text(
        &mut self,
        place: &Place,
        field: Field,
        old: &Option<Text>,
        new: &Option<Text>,
    ) {
        let empty = Text::default();
        self.text(
            place,
            field,
            old.as_ref().unwrap_or(&empty),
            new.as_ref().unwrap_or(&empty),
        );
    }
}

fn number(n: f64) -> String {
    fmt_num(n)
}

fn percent(n: Option<f64>) -> String {
    n.map(|r| format!("{}%", fmt_num(r * 100.0)))
        .unwrap_or_default()
}

fn types(t: &Option<Vec<SchoolType>>) -> String {
    t.as_ref()
        .map(|ts| ts.iter().map(|t| t.code()).collect::<Vec<_>>().join(","))
        .unwrap_or_default()
}

fn item_place(i: &Item) -> Place {
    Place::Item {
        id: i.id.clone(),
        text: i.text.clone(),
    }
}

fn items(doc: &ChecklistDoc) -> Vec<(&Area, &Indicator, &Item)> {
    doc.areas
        .iter()
        .flat_map(|a| {
            a.indicators
                .iter()
                .flat_map(move |i| i.items.iter().map(move |it| (a, i, it)))
        })
        .collect()
}

/// The ids of `a` that are also in `b`, in `a`'s order.
fn common<'a>(a: &'a [String], b: &[String]) -> Vec<&'a String> {
    a.iter().filter(|x| b.contains(x)).collect()
}

fn reordered(a: &[String], b: &[String]) -> bool {
    common(a, b) != common(b, a)
}

/// Every difference of `new` from `old`, in the order of `new` (then what was removed).
pub fn diff(old: &ChecklistDoc, new: &ChecklistDoc) -> Vec<Difference> {
    let mut d = Diff { out: Vec::new() };
    let top = Place::Checklist;
    d.value(&top, Field::Id, old.id.clone(), new.id.clone());
    d.value(
        &top,
        Field::Version,
        old.version.clone(),
        new.version.clone(),
    );
    d.text(&top, Field::Title, &old.title, &new.title);
    d.optional_text(&top, Field::Description, &old.description, &new.description);
    d.text(&top, Field::Issuer, &old.issuer, &new.issuer);
    d.text(&top, Field::VetoGrade, &old.veto_grade, &new.veto_grade);

    // Sources.
    for s in &new.sources {
        let place = Place::Source { id: s.id.clone() };
        match old.sources.iter().find(|o| o.id == s.id) {
            None => d.push(&place, Change::Added),
            Some(o) => {
                d.value(&place, Field::Title, o.title.clone(), s.title.clone());
                d.value(
                    &place,
                    Field::DocNo,
                    o.doc_no.clone().unwrap_or_default(),
                    s.doc_no.clone().unwrap_or_default(),
                );
            }
        }
    }
    for o in old
        .sources
        .iter()
        .filter(|o| !new.sources.iter().any(|s| s.id == o.id))
    {
        d.push(&Place::Source { id: o.id.clone() }, Change::Removed);
    }

    // Areas and indicators.
    let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<Vec<String>>();
    let old_areas = ids(old.areas.iter().map(|a| &a.id).collect());
    let new_areas = ids(new.areas.iter().map(|a| &a.id).collect());
    if reordered(&old_areas, &new_areas) {
        d.push(&top, Change::Reordered);
    }
    let old_indicators: Vec<(&Area, &Indicator)> = old
        .areas
        .iter()
        .flat_map(|a| a.indicators.iter().map(move |i| (a, i)))
        .collect();
    for a in &new.areas {
        let place = Place::Area {
            id: a.id.clone(),
            title: a.title.clone(),
        };
        let Some(o) = old.areas.iter().find(|o| o.id == a.id) else {
            d.push(&place, Change::Added);
            continue;
        };
        d.text(&place, Field::Title, &o.title, &a.title);
        d.value(
            &place,
            Field::PassRate,
            percent(o.pass_rate),
            percent(a.pass_rate),
        );
        let before = ids(o.indicators.iter().map(|i| &i.id).collect());
        let after = ids(a.indicators.iter().map(|i| &i.id).collect());
        if reordered(&before, &after) {
            d.push(&place, Change::Reordered);
        }
        for i in &a.indicators {
            let place = Place::Indicator {
                id: i.id.clone(),
                title: i.title.clone(),
            };
            match old_indicators.iter().find(|(_, o)| o.id == i.id) {
                None => d.push(&place, Change::Added),
                Some((oa, oi)) => {
                    d.value(&place, Field::Area, oa.id.clone(), a.id.clone());
                    d.text(&place, Field::Title, &oi.title, &i.title);
                    let before = ids(oi.items.iter().map(|x| &x.id).collect());
                    let after = ids(i.items.iter().map(|x| &x.id).collect());
                    if reordered(&before, &after) {
                        d.push(&place, Change::Reordered);
                    }
                }
            }
        }
    }
    let new_indicators: Vec<&String> = new
        .areas
        .iter()
        .flat_map(|a| a.indicators.iter().map(|i| &i.id))
        .collect();
    for o in &old.areas {
        if !new.areas.iter().any(|a| a.id == o.id) {
            d.push(
                &Place::Area {
                    id: o.id.clone(),
                    title: o.title.clone(),
                },
                Change::Removed,
            );
        }
    }
    for (_, oi) in old_indicators
        .iter()
        .filter(|(_, oi)| !new_indicators.contains(&&oi.id))
    {
        d.push(
            &Place::Indicator {
                id: oi.id.clone(),
                title: oi.title.clone(),
            },
            Change::Removed,
        );
    }

    // Items.
    let old_items = items(old);
    let new_items = items(new);
    for (_, ni, n) in &new_items {
        let place = item_place(n);
        let Some((_, oi, o)) = old_items.iter().find(|(_, _, o)| o.id == n.id) else {
            d.push(&place, Change::Added);
            continue;
        };
        d.value(&place, Field::Indicator, oi.id.clone(), ni.id.clone());
        d.text(&place, Field::Text, &o.text, &n.text);
        d.optional_text(&place, Field::Guidance, &o.guidance, &n.guidance);
        d.value(&place, Field::Points, number(o.points), number(n.points));
        d.value(
            &place,
            Field::Kind,
            o.kind.code().into(),
            n.kind.code().into(),
        );
        d.value(
            &place,
            Field::Unit,
            o.kind.unit().into(),
            n.kind.unit().into(),
        );
        d.value(
            &place,
            Field::AppliesTo,
            types(&o.applies_to),
            types(&n.applies_to),
        );
        d.value(&place, Field::Veto, o.veto.to_string(), n.veto.to_string());
        d.source(&place, &o.source, &n.source);
        let none = Thresholds::default();
        let (or, nr) = (
            o.kind.rule().unwrap_or(&none),
            n.kind.rule().unwrap_or(&none),
        );
        for t in SchoolType::ALL {
            let get = |r: &Thresholds| match t {
                SchoolType::Primary => r.primary,
                SchoolType::Junior => r.junior,
                SchoolType::NineYear => r.nine_year,
            };
            if get(or) != get(nr) {
                d.push(
                    &place,
                    Change::Rule {
                        school_type: t,
                        old: get(or),
                        new: get(nr),
                    },
                );
            }
        }
        if let (ItemKind::Levels { levels: ol, .. }, ItemKind::Levels { levels: nl, .. }) =
            (&o.kind, &n.kind)
        {
            let level_place = |l: &crate::core::model::Level| Place::Level {
                item: n.id.clone(),
                id: l.id.clone(),
                label: l.label.clone(),
            };
            for l in nl {
                let place = level_place(l);
                match ol.iter().find(|x| x.id == l.id) {
                    None => d.push(&place, Change::Added),
                    Some(x) => {
                        d.text(&place, Field::Label, &x.label, &l.label);
                        d.optional_text(&place, Field::Description, &x.description, &l.description);
                        d.value(&place, Field::Points, number(x.points), number(l.points));
                    }
                }
            }
            for x in ol.iter().filter(|x| !nl.iter().any(|l| l.id == x.id)) {
                d.push(&level_place(x), Change::Removed);
            }
        }
    }
    for (_, _, o) in old_items
        .iter()
        .filter(|(_, _, o)| !new_items.iter().any(|(_, _, n)| n.id == o.id))
    {
        d.push(&item_place(o), Change::Removed);
    }

    // Grades, group rules, the split.
    for g in &new.grades {
        let place = Place::Grade {
            id: g.id.clone(),
            label: g.label.clone(),
        };
        match old.grades.iter().find(|o| o.id == g.id) {
            None => d.push(&place, Change::Added),
            Some(o) => {
                d.text(&place, Field::Label, &o.label, &g.label);
                d.value(
                    &place,
                    Field::MinPercent,
                    number(o.min_percent),
                    number(g.min_percent),
                );
            }
        }
    }
    for o in old
        .grades
        .iter()
        .filter(|o| !new.grades.iter().any(|g| g.id == o.id))
    {
        d.push(
            &Place::Grade {
                id: o.id.clone(),
                label: o.label.clone(),
            },
            Change::Removed,
        );
    }
    for g in &new.group_rules {
        let place = Place::GroupRule { id: g.id.clone() };
        match old.group_rules.iter().find(|o| o.id == g.id) {
            None => d.push(&place, Change::Added),
            Some(o) => {
                d.text(&place, Field::Title, &o.title, &g.title);
                d.value(&place, Field::Items, o.items.join("、"), g.items.join("、"));
                d.value(
                    &place,
                    Field::MinPass,
                    o.min_pass.to_string(),
                    g.min_pass.to_string(),
                );
                d.value(
                    &place,
                    Field::FloorRatio,
                    percent(Some(o.floor_ratio)),
                    percent(Some(g.floor_ratio)),
                );
                d.value(
                    &place,
                    Field::NearScores,
                    // Language-neutral marks, as the floor is a percentage.
                    if o.near_scores { "✓" } else { "✗" }.to_string(),
                    if g.near_scores { "✓" } else { "✗" }.to_string(),
                );
                d.value(
                    &place,
                    Field::Spread,
                    if o.spread { "✓" } else { "✗" }.to_string(),
                    if g.spread { "✓" } else { "✗" }.to_string(),
                );
                d.source(&place, &o.source, &g.source);
            }
        }
    }
    for o in old
        .group_rules
        .iter()
        .filter(|o| !new.group_rules.iter().any(|g| g.id == o.id))
    {
        d.push(&Place::GroupRule { id: o.id.clone() }, Change::Removed);
    }
    if let (Some(o), Some(n)) = (&old.split, &new.split) {
        d.value(
            &Place::Split,
            Field::PrimaryWeight,
            number(o.primary_weight),
            number(n.primary_weight),
        );
        d.value(
            &Place::Split,
            Field::JuniorWeight,
            number(o.junior_weight),
            number(n.junior_weight),
        );
    }
    d.out
}
