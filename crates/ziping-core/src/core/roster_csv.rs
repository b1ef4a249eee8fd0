//! 学校名册 as a spreadsheet: the template a county office downloads, fills in Excel and reads
//! back (UTF-8 with or without BOM; the shell decodes a GBK table first), with every problem by
//! row and column, as the checklist table does.

use crate::core::aggregate::identity::{normalize, school_code};
use crate::core::aggregate::{RosterIssue, RosterSchool};
use crate::core::csv_cell::cell;
use crate::core::model::SchoolType;
use serde::Serialize;
use std::collections::BTreeMap;

/// A column of the roster table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RosterCol {
    Code,
    Name,
    SchoolType,
    Township,
    Students,
}

/// The columns: the Chinese header as written, and the English one also read.
const COLUMNS: [(RosterCol, &str, &str); 5] = [
    (RosterCol::Code, "学校代码", "School code"),
    (RosterCol::Name, "学校名称", "School name"),
    (RosterCol::SchoolType, "学校类型", "School type"),
    (RosterCol::Township, "乡镇", "Township"),
    (RosterCol::Students, "在校生数", "Students"),
];

impl RosterCol {
    /// The column's Chinese header, as the template writes it.
    pub fn header(self) -> &'static str {
        COLUMNS
            .iter()
            .find(|(c, ..)| *c == self)
            .map_or("", |(_, zh, _)| zh)
    }
}

/// What is wrong with a roster table: a row as the spreadsheet numbers it (the header is row
/// 1), a column, and what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RosterProblem {
    pub row: usize,
    pub column: Option<RosterCol>,
    pub issue: RosterCsvIssue,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RosterCsvIssue {
    /// Not readable as CSV (the reader's words).
    NotCsv {
        detail: String,
    },
    UnknownColumn {
        header: String,
    },
    MissingColumn,
    NoRows,
    /// A required cell left empty.
    Empty,
    /// A code that only holds a code's place (无, 0, /, N/A …).
    PlaceholderCode {
        text: String,
    },
    /// The same code (compared normalised) as an earlier row.
    DuplicateCode {
        text: String,
        row: usize,
    },
    /// Not 小学, 初中 or 九年一贯制.
    BadSchoolType {
        text: String,
    },
    /// Not a whole number of students.
    BadStudents {
        text: String,
    },
    /// A code a spreadsheet changed or would run: scientific notation (`4.30725E+09`, what Excel
    /// shows for a long number) or a formula (`=…`).
    BadCode {
        text: String,
    },
    /// The file has nothing in it.
    EmptyFile,
    /// A quote opened and never closed: the cell runs on over the rows after it (`text` is
    /// its first line). No roster cell holds a line break otherwise.
    UnclosedQuote {
        text: String,
    },
}

/// The template's example row says this in its name: a row with it is never read as a school.
pub const EXAMPLE_MARK: &str = "（示例行，导入时忽略）";

/// The school types as the table writes them, and the other spellings read.
fn school_type_of(text: &str) -> Option<SchoolType> {
    let t = normalize(text).to_ascii_lowercase();
    match t.as_str() {
        "小学" | "primary" | "完小" | "完全小学" => Some(SchoolType::Primary),
        "初中" | "junior" | "初级中学" | "初级中学校" => Some(SchoolType::Junior),
        "九年一贯制" | "九年一贯制学校" | "九年制" | "nine_year" | "nine-year" | "nineyear" => {
            Some(SchoolType::NineYear)
        }
        _ => None,
    }
}

fn school_type_word(t: SchoolType) -> &'static str {
    match t {
        SchoolType::Primary => "小学",
        SchoolType::Junior => "初中",
        SchoolType::NineYear => "九年一贯制",
    }
}

/// The roster as a table for Excel (UTF-8 with BOM); with no schools, the template: the header
/// and one example row a county replaces.
pub fn to_csv(roster: &[RosterSchool]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(COLUMNS.iter().map(|(_, zh, _)| *zh));
    let example = [RosterSchool {
        code: "4300000001".into(),
        name: format!("某某小学{EXAMPLE_MARK}"),
        school_type: SchoolType::Primary,
        township: "城关镇".into(),
        students: Some(1200),
    }];
    let rows = if roster.is_empty() {
        &example[..]
    } else {
        roster
    };
    for s in rows {
        let _ = w.write_record([
            cell(&s.code),
            cell(&s.name),
            school_type_word(s.school_type).to_string(),
            cell(&s.township),
            s.students.map(|n| n.to_string()).unwrap_or_default(),
        ]);
    }
    crate::core::csv_cell::finish(w)
}

/// A cell as typed, without the `'` a spreadsheet-safe writer put before a code.
fn uncell(text: &str) -> String {
    let t = text.trim();
    match t.strip_prefix('\'') {
        Some(rest) if cell(rest) == t => rest.to_string(),
        _ => t.to_string(),
    }
}

/// Reads a roster table: every school, or every problem by row and column.
pub fn from_csv(text: &str) -> Result<Vec<RosterSchool>, Vec<RosterProblem>> {
    let text = text.trim_start_matches(crate::core::csv_cell::BOM);
    if text.trim().is_empty() {
        return Err(vec![RosterProblem {
            row: 1,
            column: None,
            issue: RosterCsvIssue::EmptyFile,
        }]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let problem = |row: usize, column: Option<RosterCol>, issue: RosterCsvIssue| RosterProblem {
        row,
        column,
        issue,
    };
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            return Err(vec![problem(
                1,
                None,
                RosterCsvIssue::NotCsv {
                    detail: e.to_string(),
                },
            )])
        }
    };
    let mut problems = Vec::new();
    let mut index: [Option<usize>; 5] = [None; 5];
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        match COLUMNS
            .iter()
            .position(|(_, zh, en)| *zh == h || en.eq_ignore_ascii_case(h))
        {
            Some(c) => index[c] = Some(i),
            None if h.is_empty() => {}
            None => problems.push(problem(
                1,
                None,
                RosterCsvIssue::UnknownColumn { header: h.into() },
            )),
        }
    }
    for (c, (col, ..)) in COLUMNS.iter().enumerate() {
        let optional = matches!(col, RosterCol::Township | RosterCol::Students);
        if index[c].is_none() && !optional {
            problems.push(problem(1, Some(*col), RosterCsvIssue::MissingColumn));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut roster = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let records: Vec<_> = reader.records().collect();
    let last = records.len().saturating_sub(1);
    for (n, record) in records.into_iter().enumerate() {
        let row = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(problem(
                    row,
                    None,
                    RosterCsvIssue::NotCsv {
                        detail: e.to_string(),
                    },
                ));
                continue;
            }
        };
        let get = |col: RosterCol| -> String {
            COLUMNS
                .iter()
                .position(|(c, ..)| *c == col)
                .and_then(|c| index[c])
                .and_then(|i| record.get(i))
                .map(uncell)
                .unwrap_or_default()
        };
        // Before the example row is skipped: a quote left open above it takes it in too.
        let run_on = COLUMNS.iter().enumerate().find_map(|(c, (col, ..))| {
            let cell = index[c].and_then(|i| record.get(i))?;
            crate::core::csv_cell::run_on(text, n == last, cell).map(|text| (*col, text))
        });
        if let Some((col, text)) = run_on {
            problems.push(problem(
                row,
                Some(col),
                RosterCsvIssue::UnclosedQuote { text },
            ));
            continue;
        }
        if record.iter().all(|c| c.trim().is_empty())
            || record.iter().any(|c| c.contains(EXAMPLE_MARK))
        {
            continue;
        }
        // A leading `'` is how a spreadsheet user keeps a code as text; it is never part of it.
        // Full-width digits are kept as the ASCII a file's code is compared with.
        let (code, name, kind, township, students) = (
            {
                use unicode_normalization::UnicodeNormalization;
                get(RosterCol::Code)
                    .trim_start_matches('\'')
                    .nfkc()
                    .collect::<String>()
                    .trim()
                    .to_string()
            },
            get(RosterCol::Name),
            get(RosterCol::SchoolType),
            get(RosterCol::Township),
            get(RosterCol::Students),
        );
        let before = problems.len();
        let normal = school_code(&code);
        // Excel shows a long number as 4.30725E+09 or 4E+09.
        let scientific = (code.contains("E+") || code.contains("e+"))
            && code
                .chars()
                .all(|c| c.is_ascii_digit() || ".Ee+-".contains(c));
        if code.is_empty() {
            problems.push(problem(row, Some(RosterCol::Code), RosterCsvIssue::Empty));
        } else if scientific || code.starts_with(['=', '+', '-', '@']) {
            problems.push(problem(
                row,
                Some(RosterCol::Code),
                RosterCsvIssue::BadCode { text: code.clone() },
            ));
        } else if normal.is_empty() {
            problems.push(problem(
                row,
                Some(RosterCol::Code),
                RosterCsvIssue::PlaceholderCode { text: code.clone() },
            ));
        } else if let Some(&first) = seen.get(&normal) {
            problems.push(problem(
                row,
                Some(RosterCol::Code),
                RosterCsvIssue::DuplicateCode {
                    text: code.clone(),
                    row: first,
                },
            ));
        } else {
            seen.insert(normal, row);
        }
        if normalize(&name).is_empty() {
            problems.push(problem(row, Some(RosterCol::Name), RosterCsvIssue::Empty));
        }
        let school_type = school_type_of(&kind);
        if school_type.is_none() {
            problems.push(problem(
                row,
                Some(RosterCol::SchoolType),
                if kind.is_empty() {
                    RosterCsvIssue::Empty
                } else {
                    RosterCsvIssue::BadSchoolType { text: kind.clone() }
                },
            ));
        }
        let students = students_of(&students).unwrap_or_else(|_| {
            problems.push(problem(
                row,
                Some(RosterCol::Students),
                RosterCsvIssue::BadStudents {
                    text: students.clone(),
                },
            ));
            None
        });
        if let (true, Some(school_type)) = (problems.len() == before, school_type) {
            roster.push(RosterSchool {
                code,
                name,
                school_type,
                township,
                students,
            });
        }
    }
    if roster.is_empty() && problems.is_empty() {
        problems.push(problem(2, None, RosterCsvIssue::NoRows));
    }
    if problems.is_empty() {
        Ok(roster)
    } else {
        Err(problems)
    }
}

/// A roster's 在校生数 as typed (in the table or the form): nothing, or a whole number of
/// pupils (full-width digits and thousands separators as a number field takes them).
pub fn students_of(text: &str) -> Result<Option<u32>, RosterIssue> {
    let not = || RosterIssue::BadStudents { text: text.into() };
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match crate::core::answers::parse_number(t) {
        Ok(n)
            if (0.0..=f64::from(u32::MAX)).contains(&n)
                && n.fract() == 0.0
                && !t.contains(['%', '％']) =>
        {
            u32::try_from(n as u64).map(Some).map_err(|_| not())
        }
        _ => Err(not()),
    }
}
