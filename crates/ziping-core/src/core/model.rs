//! The checklist definition as it is written in `checklists/*.json` (the wire format).
//!
//! These types only describe; [`crate::core::checklist::Checklist`] is the checked form that
//! the engine takes. JSON Schema: `docs/checklist.schema.json`.

use serde::{Deserialize, Serialize};

/// The `format` value every checklist file carries.
pub const CHECKLIST_FORMAT: &str = "ziping.checklist/1";

/// A text in both interface languages (`Text::default()`: empty in both).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// 学校类型. 九年一贯制 schools are scored as a 小学 part and a 初中 part where a rule says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SchoolType {
    /// 小学
    Primary,
    /// 初中
    Junior,
    /// 九年一贯制
    NineYear,
}

impl SchoolType {
    pub const ALL: [SchoolType; 3] = [
        SchoolType::Primary,
        SchoolType::Junior,
        SchoolType::NineYear,
    ];

    /// Its name in the checklist format (`primary`, `junior`, `nine_year`).
    pub fn code(self) -> &'static str {
        match self {
            SchoolType::Primary => "primary",
            SchoolType::Junior => "junior",
            SchoolType::NineYear => "nine_year",
        }
    }

    /// The type with this format name, if any.
    pub fn from_code(code: &str) -> Option<SchoolType> {
        SchoolType::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// A checklist: areas → indicators → items, plus the rules that span items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistDoc {
    /// Always [`CHECKLIST_FORMAT`].
    pub format: String,
    pub id: String,
    pub version: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Who issues it (the ministry's rules, or a county's variant).
    pub issuer: Text,
    pub school_types: Vec<SchoolType>,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub inputs: Vec<InputDef>,
    /// How shared assets of a 九年一贯制 school are split between its parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<SplitRule>,
    /// Grade bands by percent of points, any order; the highest band reached applies.
    pub grades: Vec<GradeBand>,
    /// The grade shown when a 一票否决 item is violated, whatever the points.
    pub veto_grade: Text,
    pub areas: Vec<Area>,
    #[serde(default)]
    pub group_rules: Vec<GroupRule>,
}

/// A document an item comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// The document's title, e.g. 《县域义务教育优质均衡发展督导评估办法》.
    pub title: String,
    /// Its number, e.g. 教督〔2017〕6号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_no: Option<String>,
    /// The seed file in `shared/seeds/` it was read from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<String>,
    /// False where the wording could not be confirmed in two copies of the document.
    pub verified: bool,
}

/// Where an item comes from: a source and the clause or task number in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub source: String,
    pub clause: String,
    /// False where this item's wording or number is not confirmed (shown as 待核实).
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub verified: bool,
}

fn yes() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// A raw count or amount the school enters, used by computed indicators.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputDef {
    pub id: String,
    pub label: Text,
    pub unit: String,
    pub scope: InputScope,
    /// A whole number (people, rooms): a fraction is an error.
    #[serde(default)]
    pub integer: bool,
    /// The least value that makes sense, beyond "not negative": enrolment and classes are
    /// at least 1 (the ratios divide by them). Less is an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// Another input this one cannot exceed (teachers ≤ students): an error otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_most: Option<String>,
    /// Last year's value of another input (上学年近视率 is last year's 本学年近视率): a draft
    /// started from last year's file fills it from there, so nobody types a difference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
}

/// Whether a 九年一贯制 school enters an input per part or once for the whole school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputScope {
    /// Entered for the 小学 part and the 初中 part (students, teachers by qualification).
    PerPart,
    /// Entered once and split by weighted enrolment (floor areas, equipment value, rooms).
    Shared,
}

/// 九年一贯制 split: part share = weight × enrolment / Σ weight × enrolment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitRule {
    /// The per-part input that holds enrolment (students).
    pub enrolment_input: String,
    pub primary_weight: f64,
    pub junior_weight: f64,
    pub source: SourceRef,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeBand {
    pub id: String,
    pub label: Text,
    /// The least percent of the points (0–100) that reaches this band.
    pub min_percent: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: Text,
    /// The share of its points (0–1) an area needs to pass, e.g. 0.85.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_rate: Option<f64>,
    pub indicators: Vec<Indicator>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub title: Text,
    pub items: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub text: Text,
    /// What counts as evidence, how to check it (查阅资料, 实地查看 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    pub points: f64,
    /// School types it applies to; all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<Vec<SchoolType>>,
    /// Applies only when another item has this answer (e.g. only boarding schools).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// 一票否决: failing it fails the whole assessment.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub veto: bool,
    /// Whom the source measures: the school itself, or a county-wide rate the school's figures
    /// add up to (交流轮岗 10 %, 巩固率 95 % …). County mode computes the county's rate.
    #[serde(default, skip_serializing_if = "Scope::is_school")]
    pub scope: Scope,
    /// A grade band (its id): if this item is not met, the grade is at most this band (the
    /// 办法 expects every 政府保障程度 item met, so one short caps the grade).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<String>,
    pub source: SourceRef,
    pub kind: ItemKind,
}

impl Item {
    /// A new item of `kind`: no text, no points, no source yet (the checks name each until
    /// it is filled in).
    pub fn blank(id: String, kind: ItemKind) -> Item {
        Item {
            id,
            text: Text::default(),
            guidance: None,
            points: 0.0,
            applies_to: None,
            when: None,
            veto: false,
            scope: Scope::School,
            cap: None,
            source: SourceRef {
                source: String::new(),
                clause: String::new(),
                verified: true,
            },
            kind,
        }
    }
}

/// Whom an item's requirement is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// The school itself.
    #[default]
    School,
    /// A rate the source sets for the county as a whole; the school reports its part.
    CountyRate,
}

impl Scope {
    pub fn is_school(&self) -> bool {
        *self == Scope::School
    }
}

/// An item applies only when `item` is answered `equals` ("yes", "no" or a level id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub item: String,
    pub equals: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    try_from = "crate::core::model_raw::RawItemKind"
)]
pub enum ItemKind {
    /// 达标 / 未达标, optionally 不适用.
    YesNo {
        #[serde(default)]
        allow_na: bool,
    },
    /// Graded levels, each with its points (the best level has the item's points).
    Levels {
        levels: Vec<Level>,
        #[serde(default)]
        allow_na: bool,
    },
    /// A number the school enters, checked against a rule by school type.
    Number { unit: String, rule: Thresholds },
    /// A value computed from raw inputs, checked against a rule by school type.
    Computed {
        unit: String,
        formula: Formula,
        rule: Thresholds,
    },
    /// A yes/no fact about the school (寄宿制? 有随迁子女?) that other items depend on
    /// through `when`: asked, never scored, never a shortfall.
    Flag,
    /// Free text (a description, a list): never scored, never missing.
    Text,
}

impl ItemKind {
    /// Its name in the checklist format (`yes_no`, `levels`, `number`, …).
    pub fn code(&self) -> &'static str {
        match self {
            ItemKind::YesNo { .. } => "yes_no",
            ItemKind::Levels { .. } => "levels",
            ItemKind::Number { .. } => "number",
            ItemKind::Computed { .. } => "computed",
            ItemKind::Flag => "flag",
            ItemKind::Text => "text",
        }
    }

    /// The thresholds of a number or computed item (other kinds have none).
    pub fn rule(&self) -> Option<&Thresholds> {
        match self {
            ItemKind::Number { rule, .. } | ItemKind::Computed { rule, .. } => Some(rule),
            _ => None,
        }
    }

    /// The unit of a number or computed item; empty for other kinds.
    pub fn unit(&self) -> &str {
        match self {
            ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => unit,
            _ => "",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub label: Text,
    pub points: f64,
    /// What a school at this level looks like: the criteria a principal decides by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// The rule for each kind of school; a missing entry means the rule does not apply there.
/// A 九年一贯制 school with no `nine_year` rule is checked as two parts, each by its own rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<Comparison>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub junior: Option<Comparison>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nine_year: Option<Comparison>,
}

/// A comparison as the source words it: "以上" is `ge`, "不超过" is `le`, "超过" is `gt`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "op",
    rename_all = "snake_case",
    try_from = "crate::core::model_raw::RawComparison"
)]
pub enum Comparison {
    Ge { value: f64 },
    Gt { value: f64 },
    Le { value: f64 },
    Lt { value: f64 },
    Between { min: f64, max: f64 },
}

impl Comparison {
    /// The one number a ≥, >, ≤ or < rule compares with (a range has two: `None`).
    pub fn bound(&self) -> Option<f64> {
        match self {
            Comparison::Ge { value }
            | Comparison::Gt { value }
            | Comparison::Le { value }
            | Comparison::Lt { value } => Some(*value),
            Comparison::Between { .. } => None,
        }
    }
}

/// The comparison a rule makes, without its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Ge,
    Gt,
    Le,
    Lt,
    Between,
}

impl Op {
    pub const ALL: [Op; 5] = [Op::Ge, Op::Gt, Op::Le, Op::Lt, Op::Between];

    pub fn of(c: &Comparison) -> Op {
        match c {
            Comparison::Ge { .. } => Op::Ge,
            Comparison::Gt { .. } => Op::Gt,
            Comparison::Le { .. } => Op::Le,
            Comparison::Lt { .. } => Op::Lt,
            Comparison::Between { .. } => Op::Between,
        }
    }

    /// The comparison with this op, keeping `c`'s number (a range's minimum).
    pub fn with(self, c: Option<&Comparison>) -> Comparison {
        let (value, max) = match c {
            Some(Comparison::Between { min, max }) => (*min, *max),
            Some(c) => c.bound().map_or((0.0, 0.0), |v| (v, v)),
            None => (0.0, 0.0),
        };
        match self {
            Op::Ge => Comparison::Ge { value },
            Op::Gt => Comparison::Gt { value },
            Op::Le => Comparison::Le { value },
            Op::Lt => Comparison::Lt { value },
            Op::Between => Comparison::Between { min: value, max },
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Op::Ge => "ge",
            Op::Gt => "gt",
            Op::Le => "le",
            Op::Lt => "lt",
            Op::Between => "between",
        }
    }

    pub fn from_code(code: &str) -> Option<Op> {
        Op::ALL.into_iter().find(|o| o.code() == code)
    }
}

/// The closed set of computations a computed indicator can use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "snake_case",
    try_from = "crate::core::model_raw::RawFormula"
)]
pub enum Formula {
    /// Σ numerator ÷ Σ denominator × scale: "per 100 students" (scale 100), "per student"
    /// (1), "percent" (100), "per 12 classes" (12).
    Ratio {
        numerator: Vec<String>,
        denominator: Vec<String>,
        scale: f64,
    },
    /// minuend − subtrahend, e.g. last year's myopia rate minus this year's.
    Difference { minuend: String, subtrahend: String },
    /// Σ inputs, e.g. school size from the students of both parts.
    Sum { inputs: Vec<String> },
}

/// "At least `min_pass` of these items reach their threshold, and every one that does not is
/// at least `floor_ratio` of it." Checked per part for 九年一贯制 schools.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupRule {
    pub id: String,
    pub title: Text,
    pub items: Vec<String>,
    pub min_pass: usize,
    pub floor_ratio: f64,
    pub source: SourceRef,
    /// If the rule fails, the grade is at most this band.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_grade: Option<String>,
    /// While the rule holds, an item of it that is "near" (below its threshold, at least the
    /// floor) earns its points: the rule, not the item, is what the source judges (教督〔2017〕6号:
    /// "至少6项达标、其余不低于85%" is met). Absent in checklists made before 2026.4, which keep
    /// their scoring.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub near_scores: bool,
    /// The rule is 资源配置's (教督〔2017〕6号): the county computes each of its items' 差异系数
    /// and judges it against 0.50 (小学) / 0.45 (初中), and the principal's 资源配置 chart shows
    /// them. A county's own rule over other items sets it false. Written only when false, so
    /// every checklist made before it keeps its content and hash.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub spread: bool,
}

/// The interface language. Chinese is the default: principals and county staff read it first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh")]
    Zh,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    /// The BCP 47 tag for `<html lang>`, so screen readers pick the right voice.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language, for the toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}
