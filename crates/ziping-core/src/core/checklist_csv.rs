//! A checklist as a spreadsheet: one row per item (area, indicator, id, texts, kind, unit,
//! points, the rule per school type, veto, source and clause), for a county office that edits
//! in Excel, and back. The JSON stays the published format: what a row cannot say (a formula,
//! levels, conditions, inputs, grades, group rules) comes from the checklist the table was made
//! from, matched by id.

use crate::core::answers::parse_number;
use crate::core::csv_cell::cell;
use crate::core::model::{
    Area, ChecklistDoc, Comparison, Indicator, Item, ItemKind, SchoolType, Text, Thresholds,
};
use serde::Serialize;

/// The columns, in order: a stable key, the Chinese header, the English header.
const COLUMNS: &[(Col, &str, &str)] = &[
    (Col::AreaId, "部分编号", "Area id"),
    (Col::AreaZh, "部分名称", "Area"),
    (Col::AreaEn, "部分名称（英文）", "Area (English)"),
    (Col::IndicatorId, "指标编号", "Indicator id"),
    (Col::IndicatorZh, "指标名称", "Indicator"),
    (Col::IndicatorEn, "指标名称（英文）", "Indicator (English)"),
    (Col::Id, "条目编号", "Item id"),
    (Col::TextZh, "条目", "Item"),
    (Col::TextEn, "条目（英文）", "Item (English)"),
    (Col::GuidanceZh, "说明", "Guidance"),
    (Col::GuidanceEn, "说明（英文）", "Guidance (English)"),
    (Col::Kind, "类型", "Kind"),
    (Col::Unit, "单位", "Unit"),
    (Col::Points, "分值", "Points"),
    (Col::Primary, "小学标准", "Primary rule"),
    (Col::Junior, "初中标准", "Junior rule"),
    (Col::NineYear, "九年一贯制标准", "Nine-year rule"),
    (Col::Veto, "一票否决", "Veto"),
    (Col::Source, "出处", "Source"),
    (Col::Clause, "条款", "Clause"),
];

/// A column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Col {
    AreaId,
    AreaZh,
    AreaEn,
    IndicatorId,
    IndicatorZh,
    IndicatorEn,
    Id,
    TextZh,
    TextEn,
    GuidanceZh,
    GuidanceEn,
    Kind,
    Unit,
    Points,
    Primary,
    Junior,
    NineYear,
    Veto,
    Source,
    Clause,
}

impl Col {
    /// The column's Chinese header, as the table is written.
    pub fn header(self) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, ..)| *c == self)
            .map_or("", |(_, zh, _)| zh)
    }
}

/// What is wrong with a table: where (a row as the spreadsheet numbers it, the header being
/// row 1; and a column) and what.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CsvProblem {
    pub row: usize,
    pub column: Option<Col>,
    pub issue: CsvIssue,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CsvIssue {
    /// Not readable as CSV (the reader's words).
    NotCsv {
        detail: String,
    },
    /// A header that is none of the columns.
    UnknownColumn {
        header: String,
    },
    MissingColumn,
    /// No item rows.
    NoRows,
    Empty,
    NotANumber {
        text: String,
    },
    /// A rule that is not "≥ 60", "> 0", "≤ 90", "< 5" or "1 ~ 2".
    BadRule {
        text: String,
    },
    BadKind {
        text: String,
    },
    /// A row changes the kind of an item of the checklist (its formula or levels would be lost).
    KindChanged {
        item: String,
    },
    /// A new item of a kind only the app can make (computed, levels).
    KindOnlyInApp {
        item: String,
    },
    /// A rule for an item without one (yes/no, text).
    RuleNotAllowed,
    /// The same item id in two rows.
    DuplicateItem {
        item: String,
    },
    /// An area's or indicator's name differs from its earlier rows.
    NameDiffers {
        id: String,
    },
    /// An indicator under two areas.
    IndicatorMoved {
        id: String,
    },
    /// A quote opened and never closed: the cell runs on over the rows after it (`text` is
    /// its first line).
    UnclosedQuote {
        text: String,
    },
}

fn kind_word(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::YesNo { .. } => "是否",
        ItemKind::Levels { .. } => "等级",
        ItemKind::Number { .. } => "数值",
        ItemKind::Computed { .. } => "计算",
        ItemKind::Flag => "情况",
        ItemKind::Text => "文字",
    }
}

/// Every number as Rust prints it: the shortest text that reads back as the same number.
fn num(n: f64) -> String {
    format!("{n}")
}

fn rule_text(c: Option<&Comparison>) -> String {
    match c {
        None => String::new(),
        Some(Comparison::Ge { value }) => format!("≥ {}", num(*value)),
        Some(Comparison::Gt { value }) => format!("> {}", num(*value)),
        Some(Comparison::Le { value }) => format!("≤ {}", num(*value)),
        Some(Comparison::Lt { value }) => format!("< {}", num(*value)),
        Some(Comparison::Between { min, max }) => format!("{} ~ {}", num(*min), num(*max)),
    }
}

/// The checklist as the table (UTF-8 with a byte-order mark, so Excel reads the Chinese).
pub fn to_csv(doc: &ChecklistDoc) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(COLUMNS.iter().map(|(_, zh, _)| *zh));
    for area in &doc.areas {
        for indicator in &area.indicators {
            for item in &indicator.items {
                let rule = item.kind.rule();
                let r = |t: fn(&Thresholds) -> Option<&Comparison>| rule_text(rule.and_then(t));
                let unit = match &item.kind {
                    ItemKind::Number { unit, .. } | ItemKind::Computed { unit, .. } => {
                        unit.as_str()
                    }
                    _ => "",
                };
                let guidance = item.guidance.as_ref();
                let _ = w.write_record([
                    cell(&area.id),
                    cell(&area.title.zh),
                    cell(&area.title.en),
                    cell(&indicator.id),
                    cell(&indicator.title.zh),
                    cell(&indicator.title.en),
                    cell(&item.id),
                    cell(&item.text.zh),
                    cell(&item.text.en),
                    cell(guidance.map_or("", |g| g.zh.as_str())),
                    cell(guidance.map_or("", |g| g.en.as_str())),
                    kind_word(&item.kind).into(),
                    cell(unit),
                    num(item.points),
                    r(|t| t.primary.as_ref()),
                    r(|t| t.junior.as_ref()),
                    r(|t| t.nine_year.as_ref()),
                    if item.veto {
                        "是".into()
                    } else {
                        String::new()
                    },
                    cell(&item.source.source),
                    cell(&item.source.clause),
                ]);
            }
        }
    }
    crate::core::csv_cell::finish(w)
}

/// A cell as written, without the `'` that kept a spreadsheet from running it (see
/// `csv_cell::cell`).
fn uncell(text: &str) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if cell(rest) == text => rest.to_string(),
        _ => text.to_string(),
    }
}

fn parse_rule(text: &str) -> Option<Option<Comparison>> {
    let t: String = text.trim().chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Some(None);
    }
    let value = |s: &str| parse_number(s).ok().filter(|v| v.is_finite());
    type Make = fn(f64) -> Comparison;
    let ops: [(&str, Make); 8] = [
        ("≥", |v| Comparison::Ge { value: v }),
        (">=", |v| Comparison::Ge { value: v }),
        ("≤", |v| Comparison::Le { value: v }),
        ("<=", |v| Comparison::Le { value: v }),
        (">", |v| Comparison::Gt { value: v }),
        ("＞", |v| Comparison::Gt { value: v }),
        ("<", |v| Comparison::Lt { value: v }),
        ("＜", |v| Comparison::Lt { value: v }),
    ];
    for (prefix, make) in ops {
        if let Some(rest) = t.strip_prefix(prefix) {
            return value(rest).map(|v| Some(make(v)));
        }
    }
    for sep in ["~", "～", "至", "–", "—"] {
        if let Some((a, b)) = t.split_once(sep) {
            return match (value(a), value(b)) {
                (Some(min), Some(max)) => Some(Some(Comparison::Between { min, max })),
                _ => None,
            };
        }
    }
    None
}

/// The ids of an item kind a row may name.
fn parse_kind(text: &str) -> Option<&'static str> {
    match text.trim() {
        "是否" | "yes_no" => Some("yes_no"),
        "等级" | "levels" => Some("levels"),
        "数值" | "number" => Some("number"),
        "计算" | "computed" => Some("computed"),
        "情况" | "flag" => Some("flag"),
        "文字" | "text" => Some("text"),
        _ => None,
    }
}

fn yes(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "是" | "yes" | "y" | "1" | "√" | "✓" | "true"
    )
}

struct Row<'a> {
    n: usize,
    cells: &'a csv::StringRecord,
    index: &'a [Option<usize>],
}

impl Row<'_> {
    fn get(&self, c: Col) -> String {
        let at = COLUMNS
            .iter()
            .position(|(k, ..)| *k == c)
            .expect("a column");
        self.index[at]
            .and_then(|i| self.cells.get(i))
            .map(|s| uncell(s.trim()))
            .unwrap_or_default()
    }
}

/// Reads a table back into a checklist: the areas, indicators and items and their order come
/// from the rows; everything else (and what a row cannot say about an item it names) from
/// `base`. Every problem is reported, each by row and column.
pub fn from_csv(base: &ChecklistDoc, text: &str) -> Result<ChecklistDoc, Vec<CsvProblem>> {
    let text = text.trim_start_matches(crate::core::csv_cell::BOM);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let problem =
        |row: usize, column: Option<Col>, issue: CsvIssue| CsvProblem { row, column, issue };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![problem(
                1,
                None,
                CsvIssue::NotCsv {
                    detail: e.to_string(),
                },
            )])
        }
    };
    // Where each column is in this table.
    let mut index: Vec<Option<usize>> = vec![None; COLUMNS.len()];
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        match COLUMNS.iter().position(|(_, zh, en)| *zh == h || *en == h) {
            Some(c) => index[c] = Some(i),
            None if h.is_empty() => {}
            None => problems.push(problem(
                1,
                None,
                CsvIssue::UnknownColumn { header: h.into() },
            )),
        }
    }
    // Every column of the template: one deleted in a spreadsheet would read as a column of
    // blanks (every 九年一贯制 threshold, veto or English text gone without a word).
    for (c, (col, ..)) in COLUMNS.iter().enumerate() {
        if index[c].is_none() {
            problems.push(problem(1, Some(*col), CsvIssue::MissingColumn));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let records: Vec<csv::StringRecord> = match reader.records().collect() {
        Ok(r) => r,
        Err(e) => {
            let row = e.position().map_or(0, |p| p.line() as usize);
            return Err(vec![problem(
                row,
                None,
                CsvIssue::NotCsv {
                    detail: e.to_string(),
                },
            )]);
        }
    };
    let base_items: Vec<(&Area, &Indicator, &Item)> = base
        .areas
        .iter()
        .flat_map(|a| {
            a.indicators
                .iter()
                .flat_map(move |i| i.items.iter().map(move |it| (a, i, it)))
        })
        .collect();
    let mut areas: Vec<Area> = Vec::new();
    let mut seen_items: Vec<String> = Vec::new();
    let mut rows = 0;
    for (k, cells) in records.iter().enumerate() {
        let row = Row {
            n: k + 2,
            cells,
            index: &index,
        };
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows += 1;
        let last = k + 1 == records.len();
        let run_on = COLUMNS.iter().enumerate().find_map(|(c, (col, ..))| {
            let cell = index[c].and_then(|i| cells.get(i))?;
            crate::core::csv_cell::run_on(text, last, cell).map(|text| (*col, text))
        });
        if let Some((col, text)) = run_on {
            problems.push(problem(row.n, Some(col), CsvIssue::UnclosedQuote { text }));
            continue;
        }
        let n = row.n;
        let required = |c: Col, problems: &mut Vec<CsvProblem>| {
            let v = row.get(c);
            if v.is_empty() {
                problems.push(problem(n, Some(c), CsvIssue::Empty));
            }
            v
        };
        let area_id = required(Col::AreaId, &mut problems);
        let indicator_id = required(Col::IndicatorId, &mut problems);
        let id = required(Col::Id, &mut problems);
        if area_id.is_empty() || indicator_id.is_empty() || id.is_empty() {
            continue;
        }
        // The area, as the first of its rows names it.
        let area_title = Text {
            zh: row.get(Col::AreaZh),
            en: row.get(Col::AreaEn),
        };
        let a = match areas.iter().position(|a| a.id == area_id) {
            Some(a) => {
                if areas[a].title != area_title {
                    problems.push(problem(
                        n,
                        Some(Col::AreaZh),
                        CsvIssue::NameDiffers {
                            id: area_id.clone(),
                        },
                    ));
                }
                a
            }
            None => {
                let from = base.areas.iter().find(|x| x.id == area_id);
                areas.push(Area {
                    id: area_id.clone(),
                    title: area_title,
                    pass_rate: from.and_then(|x| x.pass_rate),
                    indicators: Vec::new(),
                });
                areas.len() - 1
            }
        };
        let indicator_title = Text {
            zh: row.get(Col::IndicatorZh),
            en: row.get(Col::IndicatorEn),
        };
        if areas
            .iter()
            .enumerate()
            .any(|(b, x)| b != a && x.indicators.iter().any(|i| i.id == indicator_id))
        {
            problems.push(problem(
                n,
                Some(Col::IndicatorId),
                CsvIssue::IndicatorMoved {
                    id: indicator_id.clone(),
                },
            ));
            continue;
        }
        let i = match areas[a]
            .indicators
            .iter()
            .position(|i| i.id == indicator_id)
        {
            Some(i) => {
                if areas[a].indicators[i].title != indicator_title {
                    problems.push(problem(
                        n,
                        Some(Col::IndicatorZh),
                        CsvIssue::NameDiffers {
                            id: indicator_id.clone(),
                        },
                    ));
                }
                i
            }
            None => {
                areas[a].indicators.push(Indicator {
                    id: indicator_id.clone(),
                    title: indicator_title,
                    items: Vec::new(),
                });
                areas[a].indicators.len() - 1
            }
        };
        if seen_items.contains(&id) {
            problems.push(problem(
                n,
                Some(Col::Id),
                CsvIssue::DuplicateItem { item: id.clone() },
            ));
            continue;
        }
        seen_items.push(id.clone());
        if let Some(item) = read_item(&row, &id, &base_items, &mut problems) {
            areas[a].indicators[i].items.push(item);
        }
    }
    if rows == 0 {
        problems.push(problem(2, None, CsvIssue::NoRows));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut doc = base.clone();
    doc.areas = areas;
    Ok(doc)
}

/// One row's item: the base's item of that id with the row's values, or a new one.
fn read_item(
    row: &Row,
    id: &str,
    base_items: &[(&Area, &Indicator, &Item)],
    problems: &mut Vec<CsvProblem>,
) -> Option<Item> {
    let n = row.n;
    let problem = |column: Col, issue: CsvIssue| CsvProblem {
        row: n,
        column: Some(column),
        issue,
    };
    let before = problems.len();
    let kind_text = row.get(Col::Kind);
    let kind = match parse_kind(&kind_text) {
        Some(k) => k,
        None => {
            problems.push(problem(
                Col::Kind,
                if kind_text.is_empty() {
                    CsvIssue::Empty
                } else {
                    CsvIssue::BadKind { text: kind_text }
                },
            ));
            return None;
        }
    };
    let from = base_items
        .iter()
        .find(|(_, _, it)| it.id == id)
        .map(|x| x.2);
    let mut item = match from {
        Some(it) if it.kind.code() != kind => {
            problems.push(problem(
                Col::Kind,
                CsvIssue::KindChanged { item: id.into() },
            ));
            return None;
        }
        Some(it) => it.clone(),
        None => {
            let kind = match kind {
                "yes_no" => ItemKind::YesNo { allow_na: false },
                "number" => ItemKind::Number {
                    unit: String::new(),
                    rule: Thresholds::default(),
                },
                "flag" => ItemKind::Flag,
                "text" => ItemKind::Text,
                _ => {
                    problems.push(problem(
                        Col::Kind,
                        CsvIssue::KindOnlyInApp { item: id.into() },
                    ));
                    return None;
                }
            };
            Item::blank(id.into(), kind)
        }
    };
    item.text = Text {
        zh: row.get(Col::TextZh),
        en: row.get(Col::TextEn),
    };
    let guidance = Text {
        zh: row.get(Col::GuidanceZh),
        en: row.get(Col::GuidanceEn),
    };
    item.guidance = (!guidance.zh.is_empty() || !guidance.en.is_empty()).then_some(guidance);
    let points = row.get(Col::Points);
    match parse_number(&points) {
        Ok(p) if p.is_finite() => item.points = p,
        _ => problems.push(problem(
            Col::Points,
            if points.is_empty() {
                CsvIssue::Empty
            } else {
                CsvIssue::NotANumber { text: points }
            },
        )),
    }
    item.veto = yes(&row.get(Col::Veto));
    // Where it comes from: the row's source, else the item's own (a source is required).
    let source = row.get(Col::Source);
    if !source.is_empty() {
        item.source.source = source;
    }
    item.source.clause = row.get(Col::Clause);
    let unit = row.get(Col::Unit);
    let mut rules = [
        (Col::Primary, SchoolType::Primary),
        (Col::Junior, SchoolType::Junior),
        (Col::NineYear, SchoolType::NineYear),
    ]
    .map(|(col, t)| {
        let text = row.get(col);
        (col, t, text.clone(), parse_rule(&text))
    });
    match &mut item.kind {
        ItemKind::Number { unit: u, rule } | ItemKind::Computed { unit: u, rule, .. } => {
            *u = unit;
            for (col, t, text, parsed) in &mut rules {
                match parsed.take() {
                    Some(c) => match t {
                        SchoolType::Primary => rule.primary = c,
                        SchoolType::Junior => rule.junior = c,
                        SchoolType::NineYear => rule.nine_year = c,
                    },
                    None => problems.push(problem(
                        *col,
                        CsvIssue::BadRule {
                            text: std::mem::take(text),
                        },
                    )),
                }
            }
        }
        _ => {
            for (col, _, text, _) in &rules {
                if !text.is_empty() {
                    problems.push(problem(*col, CsvIssue::RuleNotAllowed));
                }
            }
        }
    }
    (problems.len() == before).then_some(item)
}
