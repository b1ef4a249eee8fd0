//! Where a field or part of a checklist is, typed: `Loc` (an item), `Node` (an area, indicator
//! or item), `Target` (a field 制作县级清单 writes) and `Place` (where a check's problem is),
//! with the one codec between them and the JSON paths the checks name (`Target::path` and
//! `Target::parse`, round-trip tested; `Place::of`).

use crate::core::model::{Lang, SchoolType};
use serde::{Deserialize, Serialize};

/// Where an item is: area, indicator, item (indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Loc {
    pub area: usize,
    pub indicator: usize,
    pub item: usize,
}

impl Loc {
    pub fn path(&self) -> String {
        format!(
            "areas[{}].indicators[{}].items[{}]",
            self.area, self.indicator, self.item
        )
    }
}

/// A field of an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemField {
    Id,
    Text(Lang),
    Guidance(Lang),
    Points,
    Unit,
    Clause,
    /// The rule's number (a range's minimum) for a school type.
    RuleValue(SchoolType),
    /// A range's maximum for a school type.
    RuleMax(SchoolType),
    /// A level's name, criteria (判断要点) and points (by the level's place in the list).
    LevelLabel(usize, Lang),
    LevelDescription(usize, Lang),
    LevelPoints(usize),
}

/// A text or number field of the checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Target {
    Id,
    Version,
    Title(Lang),
    Description(Lang),
    Issuer(Lang),
    VetoGrade(Lang),
    AreaTitle(usize, Lang),
    /// The share of points an area needs to pass, in percent as people write it (85).
    AreaPassRate(usize),
    IndicatorTitle(usize, usize, Lang),
    Item(Loc, ItemField),
    GradeLabel(usize, Lang),
    GradeMin(usize),
    GroupTitle(usize, Lang),
    /// The items of a group rule, ids separated by commas or 、.
    GroupItems(usize),
    GroupMinPass(usize),
    /// The floor of a group rule in percent (85).
    GroupFloor(usize),
    /// The clause of a group rule's source.
    GroupClause(usize),
    SplitPrimary,
    SplitJunior,
    SourceTitle(usize),
    SourceDocNo(usize),
}

fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

impl Target {
    /// The field's JSON path, as the checks name it.
    pub fn path(&self) -> String {
        match *self {
            Target::Id => "id".into(),
            Target::Version => "version".into(),
            Target::Title(l) => format!("title.{}", lang_key(l)),
            Target::Description(l) => format!("description.{}", lang_key(l)),
            Target::Issuer(l) => format!("issuer.{}", lang_key(l)),
            Target::VetoGrade(l) => format!("veto_grade.{}", lang_key(l)),
            Target::AreaTitle(a, l) => format!("areas[{a}].title.{}", lang_key(l)),
            Target::AreaPassRate(a) => format!("areas[{a}].pass_rate"),
            Target::IndicatorTitle(a, i, l) => {
                format!("areas[{a}].indicators[{i}].title.{}", lang_key(l))
            }
            Target::Item(loc, field) => {
                let base = loc.path();
                match field {
                    ItemField::Id => format!("{base}.id"),
                    ItemField::Text(l) => format!("{base}.text.{}", lang_key(l)),
                    ItemField::Guidance(l) => format!("{base}.guidance.{}", lang_key(l)),
                    ItemField::Points => format!("{base}.points"),
                    ItemField::Unit => format!("{base}.kind.unit"),
                    ItemField::Clause => format!("{base}.source.clause"),
                    ItemField::RuleValue(t) => format!("{base}.kind.rule.{}", t.code()),
                    ItemField::RuleMax(t) => format!("{base}.kind.rule.{}.max", t.code()),
                    ItemField::LevelLabel(k, l) => {
                        format!("{base}.kind.levels[{k}].label.{}", lang_key(l))
                    }
                    ItemField::LevelDescription(k, l) => {
                        format!("{base}.kind.levels[{k}].description.{}", lang_key(l))
                    }
                    ItemField::LevelPoints(k) => format!("{base}.kind.levels[{k}].points"),
                }
            }
            Target::GradeLabel(g, l) => format!("grades[{g}].label.{}", lang_key(l)),
            Target::GradeMin(g) => format!("grades[{g}].min_percent"),
            Target::GroupTitle(g, l) => format!("group_rules[{g}].title.{}", lang_key(l)),
            Target::GroupItems(g) => format!("group_rules[{g}].items"),
            Target::GroupMinPass(g) => format!("group_rules[{g}].min_pass"),
            Target::GroupFloor(g) => format!("group_rules[{g}].floor_ratio"),
            Target::GroupClause(g) => format!("group_rules[{g}].source.clause"),
            Target::SplitPrimary => "split.primary_weight".into(),
            Target::SplitJunior => "split.junior_weight".into(),
            Target::SourceTitle(s) => format!("sources[{s}].title"),
            Target::SourceDocNo(s) => format!("sources[{s}].doc_no"),
        }
    }

    /// The field as text or as a number: one exhaustive match decides which, so writing a
    /// field needs no second list to keep in step.
    pub fn field(self) -> Field {
        use Field::{Number as N, Text as T};
        match self {
            Target::Id => T(TextField::Id),
            Target::Version => T(TextField::Version),
            Target::Title(l) => T(TextField::Title(l)),
            Target::Description(l) => T(TextField::Description(l)),
            Target::Issuer(l) => T(TextField::Issuer(l)),
            Target::VetoGrade(l) => T(TextField::VetoGrade(l)),
            Target::AreaTitle(a, l) => T(TextField::AreaTitle(a, l)),
            Target::AreaPassRate(a) => N(NumberField::AreaPassRate(a)),
            Target::IndicatorTitle(a, i, l) => T(TextField::IndicatorTitle(a, i, l)),
            Target::Item(loc, f) => match f {
                ItemField::Id => T(TextField::Item(loc, ItemText::Id)),
                ItemField::Text(l) => T(TextField::Item(loc, ItemText::Text(l))),
                ItemField::Guidance(l) => T(TextField::Item(loc, ItemText::Guidance(l))),
                ItemField::Unit => T(TextField::Item(loc, ItemText::Unit)),
                ItemField::Clause => T(TextField::Item(loc, ItemText::Clause)),
                ItemField::LevelLabel(k, l) => T(TextField::Item(loc, ItemText::LevelLabel(k, l))),
                ItemField::LevelDescription(k, l) => {
                    T(TextField::Item(loc, ItemText::LevelDescription(k, l)))
                }
                ItemField::Points => N(NumberField::Item(loc, ItemNumber::Points)),
                ItemField::RuleValue(t) => N(NumberField::Item(loc, ItemNumber::RuleValue(t))),
                ItemField::RuleMax(t) => N(NumberField::Item(loc, ItemNumber::RuleMax(t))),
                ItemField::LevelPoints(k) => N(NumberField::Item(loc, ItemNumber::LevelPoints(k))),
            },
            Target::GradeLabel(g, l) => T(TextField::GradeLabel(g, l)),
            Target::GradeMin(g) => N(NumberField::GradeMin(g)),
            Target::GroupTitle(g, l) => T(TextField::GroupTitle(g, l)),
            Target::GroupItems(g) => T(TextField::GroupItems(g)),
            Target::GroupMinPass(g) => N(NumberField::GroupMinPass(g)),
            Target::GroupFloor(g) => N(NumberField::GroupFloor(g)),
            Target::GroupClause(g) => T(TextField::GroupClause(g)),
            Target::SplitPrimary => N(NumberField::SplitPrimary),
            Target::SplitJunior => N(NumberField::SplitJunior),
            Target::SourceTitle(s) => T(TextField::SourceTitle(s)),
            Target::SourceDocNo(s) => T(TextField::SourceDocNo(s)),
        }
    }

    /// Whether the field holds a number.
    pub fn is_number(&self) -> bool {
        matches!(self.field(), Field::Number(_))
    }
}

/// A field as what it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Text(TextField),
    Number(NumberField),
}

/// A field that holds text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextField {
    Id,
    Version,
    Title(Lang),
    Description(Lang),
    Issuer(Lang),
    VetoGrade(Lang),
    AreaTitle(usize, Lang),
    IndicatorTitle(usize, usize, Lang),
    Item(Loc, ItemText),
    GradeLabel(usize, Lang),
    GroupTitle(usize, Lang),
    GroupItems(usize),
    GroupClause(usize),
    SourceTitle(usize),
    SourceDocNo(usize),
}

/// An item's field that holds text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemText {
    Id,
    Text(Lang),
    Guidance(Lang),
    Unit,
    Clause,
    LevelLabel(usize, Lang),
    LevelDescription(usize, Lang),
}

/// A field that holds a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberField {
    AreaPassRate(usize),
    Item(Loc, ItemNumber),
    GradeMin(usize),
    GroupMinPass(usize),
    GroupFloor(usize),
    SplitPrimary,
    SplitJunior,
}

/// An item's field that holds a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemNumber {
    Points,
    RuleValue(SchoolType),
    RuleMax(SchoolType),
    LevelPoints(usize),
}

/// A part of the tree: an area, an indicator or an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    Area(usize),
    Indicator(usize, usize),
    Item(Loc),
}

/// The index after `name[` at the start of `path`, and what follows its `]`.
fn indexed<'a>(path: &'a str, name: &str) -> Option<(usize, &'a str)> {
    let rest = path.strip_prefix(name)?.strip_prefix('[')?;
    let end = rest.find(']')?;
    let n = &rest[..end];
    // "01" or "+1" would read as 1 and write back as "1": not the path of any field.
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) || (n.len() > 1 && n.starts_with('0'))
    {
        return None;
    }
    Some((n.parse().ok()?, &rest[end + 1..]))
}

/// A text's language from its key.
fn lang_of(key: &str) -> Option<Lang> {
    match key {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// A text field's key in a path, and the field of that text in a language.
type TextKey<'a, T> = (&'a str, fn(Lang) -> T);

/// The checklist's own indexed lists: the fields after an entry's index (`.min_percent`), and
/// the text field an entry has in both languages (`label`).
type IndexedList = (
    &'static str,
    &'static [(&'static str, fn(usize) -> Target)],
    Option<(&'static str, fn(usize, Lang) -> Target)>,
);

const LISTS: [IndexedList; 3] = [
    (
        "grades",
        &[(".min_percent", Target::GradeMin)],
        Some(("label", Target::GradeLabel)),
    ),
    (
        "group_rules",
        &[
            (".items", Target::GroupItems),
            (".min_pass", Target::GroupMinPass),
            (".floor_ratio", Target::GroupFloor),
            (".source.clause", Target::GroupClause),
        ],
        Some(("title", Target::GroupTitle)),
    ),
    (
        "sources",
        &[
            (".title", Target::SourceTitle),
            (".doc_no", Target::SourceDocNo),
        ],
        None,
    ),
];

/// The field of the first `key` whose text `path` is (`key.zh` or `key.en`).
fn text_field<T>(path: &str, keys: &[TextKey<T>]) -> Option<T> {
    keys.iter()
        .find_map(|(key, make)| lang_of(path.strip_prefix(key)?.strip_prefix('.')?).map(make))
}

/// `.key.zh` / `.key.en` after a part: the language of that text field.
fn text_lang(rest: &str, key: &str) -> Option<Lang> {
    lang_of(
        rest.strip_prefix('.')?
            .strip_prefix(key)?
            .strip_prefix('.')?,
    )
}

impl Target {
    /// The field a JSON path names, if it is one 制作县级清单 writes: `Target::parse(&t.path())`
    /// is `Some(t)` for every target (a property test holds it to that).
    pub fn parse(path: &str) -> Option<Target> {
        match path {
            "id" => return Some(Target::Id),
            "version" => return Some(Target::Version),
            "split.primary_weight" => return Some(Target::SplitPrimary),
            "split.junior_weight" => return Some(Target::SplitJunior),
            _ => {}
        }
        let own: [TextKey<Target>; 4] = [
            ("title", Target::Title),
            ("description", Target::Description),
            ("issuer", Target::Issuer),
            ("veto_grade", Target::VetoGrade),
        ];
        if let Some(t) = text_field(path, &own) {
            return Some(t);
        }
        for (list, fields, text) in LISTS {
            if let Some((n, rest)) = indexed(path, list) {
                return fields
                    .iter()
                    .find(|(suffix, _)| *suffix == rest)
                    .map(|(_, field)| field(n))
                    .or_else(|| {
                        text.and_then(|(key, field)| text_lang(rest, key).map(|l| field(n, l)))
                    });
            }
        }
        let (a, rest) = indexed(path, "areas")?;
        if rest == ".pass_rate" {
            return Some(Target::AreaPassRate(a));
        }
        if let Some(l) = text_lang(rest, "title") {
            return Some(Target::AreaTitle(a, l));
        }
        let (i, rest) = indexed(rest.strip_prefix('.')?, "indicators")?;
        if let Some(l) = text_lang(rest, "title") {
            return Some(Target::IndicatorTitle(a, i, l));
        }
        let (k, rest) = indexed(rest.strip_prefix('.')?, "items")?;
        let loc = Loc {
            area: a,
            indicator: i,
            item: k,
        };
        item_field(rest.strip_prefix('.')?).map(|f| Target::Item(loc, f))
    }

    /// The part of the structure the field is in (`None`: the checklist's own fields).
    pub fn node(&self) -> Option<Node> {
        match *self {
            Target::AreaTitle(a, _) | Target::AreaPassRate(a) => Some(Node::Area(a)),
            Target::IndicatorTitle(a, i, _) => Some(Node::Indicator(a, i)),
            Target::Item(loc, _) => Some(Node::Item(loc)),
            Target::Id
            | Target::Version
            | Target::Title(_)
            | Target::Description(_)
            | Target::Issuer(_)
            | Target::VetoGrade(_)
            | Target::GradeLabel(..)
            | Target::GradeMin(_)
            | Target::GroupTitle(..)
            | Target::GroupItems(_)
            | Target::GroupMinPass(_)
            | Target::GroupFloor(_)
            | Target::GroupClause(_)
            | Target::SplitPrimary
            | Target::SplitJunior
            | Target::SourceTitle(_)
            | Target::SourceDocNo(_) => None,
        }
    }
}

/// An item's field from its path after the item (`points`, `kind.rule.primary.max` …).
fn item_field(rest: &str) -> Option<ItemField> {
    match rest {
        "id" => return Some(ItemField::Id),
        "points" => return Some(ItemField::Points),
        "kind.unit" => return Some(ItemField::Unit),
        "source.clause" => return Some(ItemField::Clause),
        _ => {}
    }
    let texts: [TextKey<ItemField>; 2] =
        [("text", ItemField::Text), ("guidance", ItemField::Guidance)];
    if let Some(f) = text_field(rest, &texts) {
        return Some(f);
    }
    if let Some(rule) = rest.strip_prefix("kind.rule.") {
        return match rule.strip_suffix(".max") {
            Some(t) => SchoolType::from_code(t).map(ItemField::RuleMax),
            None => SchoolType::from_code(rule).map(ItemField::RuleValue),
        };
    }
    let (k, level) = indexed(rest, "kind.levels")?;
    match level {
        ".points" => Some(ItemField::LevelPoints(k)),
        _ => text_lang(level, "label")
            .map(|l| ItemField::LevelLabel(k, l))
            .or_else(|| text_lang(level, "description").map(|l| ItemField::LevelDescription(k, l))),
    }
}

/// Where a check's problem is: the part of the structure, and the field when one is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub node: Option<Node>,
    pub field: Option<PlaceField>,
}

/// A field a problem can be in: one 制作县级清单 writes, or one it sets by a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceField {
    Target(Target),
    /// An item's 一票否决.
    ItemVeto,
    /// The school types an item applies to.
    ItemAppliesTo,
    /// An item's source document.
    ItemSource,
    /// An item's levels as a whole.
    ItemLevels,
    /// An item's rule (for a school type, when the path names one).
    ItemRule(Option<SchoolType>),
    /// A group rule's source document.
    GroupSource,
}

impl Place {
    /// The place a JSON path names: `Place::of(&t.path())` is `t`'s node and `t`.
    pub fn of(path: &str) -> Place {
        let node = node_of(path);
        let field = Target::parse(path)
            .map(PlaceField::Target)
            .or_else(|| other_field(path, node));
        Place { node, field }
    }
}

/// The part of the structure a path is in (`None`: the checklist's own fields).
fn node_of(path: &str) -> Option<Node> {
    let (a, rest) = indexed(path, "areas")?;
    let Some((i, rest)) = rest
        .strip_prefix('.')
        .and_then(|r| indexed(r, "indicators"))
    else {
        return Some(Node::Area(a));
    };
    match rest.strip_prefix('.').and_then(|r| indexed(r, "items")) {
        Some((k, _)) => Some(Node::Item(Loc {
            area: a,
            indicator: i,
            item: k,
        })),
        None => Some(Node::Indicator(a, i)),
    }
}

/// The fields that are not a `Target`, from what follows their part in `path`.
fn other_field(path: &str, node: Option<Node>) -> Option<PlaceField> {
    match node {
        Some(Node::Item(loc)) => {
            let rest = path.strip_prefix(&loc.path())?.strip_prefix('.')?;
            let head = rest.split(['.', '[']).next().unwrap_or(rest);
            match head {
                "veto" => Some(PlaceField::ItemVeto),
                "applies_to" => Some(PlaceField::ItemAppliesTo),
                "source" => Some(PlaceField::ItemSource),
                "kind" if rest.starts_with("kind.levels") => Some(PlaceField::ItemLevels),
                "kind" if rest.starts_with("kind.rule") => Some(PlaceField::ItemRule(
                    SchoolType::ALL
                        .into_iter()
                        .find(|t| rest.split('.').any(|s| s == t.code())),
                )),
                _ => None,
            }
        }
        Some(_) => None,
        None => {
            let (g, rest) = indexed(path, "group_rules")?;
            if rest.starts_with(".items[") {
                // One of the listed items: the list's field, where it is typed.
                return Some(PlaceField::Target(Target::GroupItems(g)));
            }
            rest.starts_with(".source")
                .then_some(PlaceField::GroupSource)
        }
    }
}

impl Node {
    /// Whether `other` is this part or inside it (an area holds its indicators and their items).
    pub fn contains(self, other: Node) -> bool {
        match (self, other) {
            (Node::Area(a), Node::Area(b)) => a == b,
            (Node::Area(a), Node::Indicator(b, _)) => a == b,
            (Node::Area(a), Node::Item(loc)) => a == loc.area,
            (Node::Indicator(a, i), Node::Indicator(b, j)) => (a, i) == (b, j),
            (Node::Indicator(a, i), Node::Item(loc)) => (a, i) == (loc.area, loc.indicator),
            (Node::Item(x), Node::Item(y)) => x == y,
            (Node::Indicator(..), Node::Area(_))
            | (Node::Item(_), Node::Area(_) | Node::Indicator(..)) => false,
        }
    }
}
