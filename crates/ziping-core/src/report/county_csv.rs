//! The county's tables as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the
//! Chinese correctly), one value per cell, numbers rounded to the precision the header states,
//! and no cell that a spreadsheet would run as a formula.

use crate::core::aggregate::refusal::Refusal;
use crate::core::aggregate::{CountyReport, FileStatus, SchoolRow, Side, Spread};
use crate::core::csv_cell::{cell, finish};
use crate::core::format;
use crate::core::model::SchoolType;
use crate::i18n::{change_msg, row_status_text, say, side_name, Lang, Msg};

/// A school code as the county writes it: what the school typed, normalised (full-width digits
/// and letters in ASCII, no spaces or invisible characters), so "４３０７ ２５" is 430725.
fn code_cell(text: &str) -> String {
    cell(&crate::core::aggregate::identity::normalize(text))
}

fn fixed(n: Option<f64>, decimals: usize) -> String {
    n.filter(|v| v.is_finite())
        .map(|v| format::fixed(v, decimals))
        .unwrap_or_default()
}

fn type_name(lang: Lang, t: Option<SchoolType>) -> &'static str {
    t.map_or("", |t| crate::i18n::school_type_name(lang, t))
}

/// An indicator column of the school table.
struct Column {
    item: String,
    side: Side,
    /// Its name with unit and precision.
    header: String,
    decimals: usize,
    /// The floor of the group rule over it (85 % of the threshold), when one judges it.
    floor: Option<f64>,
}

/// The indicator columns of the school table, in the order of the figures.
fn indicator_columns(lang: Lang, report: &CountyReport) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    for f in &report.figures {
        if columns.iter().any(|c| c.item == f.item && c.side == f.side) {
            continue;
        }
        let title = match lang {
            Lang::Zh => &f.title.zh,
            Lang::En => &f.title.en,
        };
        let decimals = format::decimals(&f.unit);
        let unit = crate::i18n::unit(lang, &f.unit);
        let precision = match decimals {
            0 => Msg::CsvWhole.text(lang).to_string(),
            d => say::CsvDecimals {
                decimals: &d.to_string(),
            }
            .text(lang),
        };
        let header = say::CsvIndicatorColumn {
            id: &f.item,
            title,
            side: side_name(lang, f.side),
            unit,
            precision: &precision,
        }
        .text(lang);
        columns.push(Column {
            item: f.item.clone(),
            side: f.side,
            header,
            decimals,
            floor: f.floor,
        });
    }
    columns
}

/// One row per file: who, its status, its checklist version and school year, enrolment per
/// side, score and grade, the school rule, whether it reports on last year's 整改 rows, each
/// resource indicator per side as a number (and its outcome); when the batch holds two years of
/// a school, last year's score and grade, and each indicator's value last year and how it moved.
pub fn schools_csv(report: &CountyReport, lang: Lang) -> String {
    let columns = indicator_columns(lang, report);
    let mut header: Vec<String> = [
        Msg::ColFile,
        Msg::ColStatus,
        Msg::CsvStatusDetail,
        Msg::County,
        Msg::SchoolCode,
        Msg::SchoolName,
        Msg::ColType,
        Msg::ChecklistLabel,
        Msg::ColVersion,
        Msg::SchoolYear,
        Msg::CsvEnrolmentPrimary,
        Msg::CsvEnrolmentJunior,
        Msg::CsvScore,
        Msg::CsvMax,
        Msg::GradeLabel,
        Msg::VetoTag,
        Msg::CsvRulePrimary,
        Msg::CsvRuleJunior,
        Msg::CsvAnswered,
        Msg::CsvRequired,
        Msg::CsvErrors,
        Msg::CsvExported,
        Msg::CsvFollowUp,
        Msg::CsvFlags,
        Msg::CsvEvidenceFiles,
    ]
    .iter()
    .map(|m| m.text(lang).to_string())
    .collect();
    // The roster's columns when the county has one, after the file's own.
    let base = header.len();
    let roster = report.roster_schools > 0;
    if roster {
        header.extend(
            [
                Msg::CsvRosterCode,
                Msg::CsvRosterName,
                Msg::CsvTownship,
                Msg::CsvRosterCheck,
            ]
            .iter()
            .map(|m| m.text(lang).to_string()),
        );
    }
    // Last year's columns when the batch holds two years of a school.
    let two_years = report.schools.iter().any(|s| s.last_year.is_some());
    if two_years {
        header.extend(
            [
                Msg::CsvLastYearFile,
                Msg::CsvLastYearScore,
                Msg::CsvLastYearMax,
                Msg::CsvLastYearGrade,
                Msg::CsvScoreChange,
            ]
            .iter()
            .map(|m| m.text(lang).to_string()),
        );
    }
    for Column { header: name, .. } in &columns {
        header.push(name.clone());
        header.push(say::CsvOutcomeOf { column: name }.text(lang));
        if two_years {
            header.push(say::CsvLastYearOf { column: name }.text(lang));
            header.push(say::CsvChangeOf { column: name }.text(lang));
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(&header);
    for (n, s) in report.schools.iter().enumerate() {
        let change = two_years.then(|| report.change_of(n)).flatten();
        let last = change.as_ref().map(|c| &report.schools[c.last]);
        let mut record = school_record(lang, s);
        record.push(cell(&row_flags(lang, report, n)));
        record.push(match &s.evidence_files {
            Some(files) => files.to_string(),
            None => String::new(),
        });
        if roster {
            record.extend(roster_cells(lang, s));
        }
        if two_years {
            record.extend(match (&change, last) {
                (Some(c), Some(l)) => vec![
                    cell(&l.file),
                    fixed(Some(l.earned), 2),
                    fixed(Some(l.max), 2),
                    cell(&grade_text(lang, l)),
                    change_msg(c.total).text(lang).to_string(),
                ],
                _ => vec![String::new(); 5],
            });
        }
        let side_of = |p| s.school_type.and_then(|t| Side::of(t, p));
        for column in &columns {
            let (item, side, decimals) = (&column.item, &column.side, &column.decimals);
            let c = s
                .indicators
                .iter()
                .find(|c| &c.item == item && side_of(c.part) == Some(*side));
            record.push(fixed(c.and_then(|c| c.value), *decimals));
            record.push(
                c.map(|c| crate::i18n::outcome_below_floor(lang, c.outcome, column.floor))
                    .unwrap_or_default(),
            );
            if two_years {
                let moved = change.as_ref().and_then(|ch| {
                    ch.indicators
                        .iter()
                        .find(|i| &i.item == item && side_of(i.part) == Some(*side))
                });
                record.push(fixed(moved.and_then(|i| i.last), *decimals));
                record.push(
                    moved
                        .map(|i| change_msg(i.change).text(lang).to_string())
                        .unwrap_or_default(),
                );
            }
        }
        let _ = w.write_record(record);
    }
    // The roster's schools that sent nothing that counts: what the officer chases first.
    let county = report.county.clone().unwrap_or_default();
    for m in &report.missing {
        let mut record = vec![String::new(); header.len()];
        record[1] = Msg::StatusMissing.text(lang).to_string();
        record[2] = say::MissingDetail {
            year: &m.school_year,
        }
        .text(lang);
        record[3] = cell(&county);
        record[4] = code_cell(&m.code);
        record[5] = cell(&m.name);
        record[6] = type_name(lang, Some(m.school_type)).to_string();
        record[9] = cell(&m.school_year);
        record[base] = code_cell(&m.code);
        record[base + 1] = cell(&m.name);
        record[base + 2] = cell(&m.township);
        let _ = w.write_record(record);
    }
    // The files sent and not read, with why: the spreadsheet names every file the county got.
    // A copy of a file counted was read: a 重复.
    for (file, why) in &report.unread {
        let mut record = vec![String::new(); header.len()];
        record[0] = cell(file);
        record[1] = match why {
            Refusal::SameContent { .. } | Refusal::SameAsPackage { .. } => Msg::StatusDuplicate,
            _ => Msg::StatusNotRead,
        }
        .text(lang)
        .to_string();
        record[2] = cell(&crate::i18n::refusal_text(lang, why));
        let _ = w.write_record(record);
    }
    finish(w)
}

/// A row's 数据核查 flags in words, one after another.
fn row_flags(lang: Lang, report: &CountyReport, row: usize) -> String {
    let texts: Vec<String> = report
        .flags_of(row)
        .iter()
        .map(|f| crate::i18n::flag_text(lang, f))
        .collect();
    texts.join(match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    })
}

/// The 数据核查 list: one line per flag, in the school table's order (for Excel: sort or
/// filter it there as the officer likes).
pub fn flags_csv(report: &CountyReport, lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header: Vec<&str> = [
        Msg::ColFile,
        Msg::SchoolCode,
        Msg::SchoolName,
        Msg::SchoolYear,
        Msg::CsvFlagKind,
        Msg::CsvFlagReason,
    ]
    .iter()
    .map(|m| m.text(lang))
    .collect();
    let _ = w.write_record(&header);
    for f in &report.flags {
        let s = &report.schools[f.row];
        let _ = w.write_record([
            cell(&s.file),
            code_cell(&s.school_code),
            cell(&s.school_name),
            cell(&s.school_year),
            crate::i18n::flag_kind_msg(&f.kind).text(lang).to_string(),
            cell(&crate::i18n::flag_text(lang, f)),
        ]);
    }
    finish(w)
}

/// How a file stands against the roster, in four cells: the roster's code, name, township and
/// what differs.
fn roster_cells(lang: Lang, s: &SchoolRow) -> Vec<String> {
    let Some(m) = &s.roster else {
        return vec![String::new(); 4];
    };
    let mut notes: Vec<String> = Vec::new();
    if m.name_differs {
        notes.push(Msg::RosterNameDiffers.text(lang).into());
    }
    if let Some(t) = m.type_differs {
        notes.push(
            say::RosterTypeDiffers {
                roster: type_name(lang, Some(t)),
            }
            .text(lang),
        );
    }
    if m.assigned {
        notes.push(Msg::RosterAssigned.text(lang).into());
    }
    vec![
        code_cell(&m.code),
        cell(&m.name),
        cell(&m.township),
        cell(&notes.join(Msg::ListSeparator.text(lang))),
    ]
}

fn grade_text(lang: Lang, s: &SchoolRow) -> String {
    s.grade
        .as_ref()
        .map(|g| match lang {
            Lang::Zh => g.zh.clone(),
            Lang::En => g.en.clone(),
        })
        .unwrap_or_default()
}

/// A file's cells before the indicator columns.
fn school_record(lang: Lang, s: &SchoolRow) -> Vec<String> {
    let (status, detail) = row_status_text(lang, s);
    let readable = !matches!(s.status, FileStatus::Invalid { .. });
    let side_of = |p| s.school_type.and_then(|t| Side::of(t, p));
    let enrolment = |side: Side| {
        fixed(
            s.enrolment
                .iter()
                .find(|(p, _)| side_of(*p) == Some(side))
                .and_then(|(_, n)| *n),
            0,
        )
    };
    let rule = |side: Side| {
        s.rule
            .iter()
            .find(|(p, _)| side_of(*p) == Some(side))
            .map(|(_, h)| {
                match h {
                    Some(true) => Msg::GroupHolds,
                    Some(false) => Msg::GroupFails,
                    None => Msg::GroupPending,
                }
                .text(lang)
                .to_string()
            })
            .unwrap_or_default()
    };
    let grade = grade_text(lang, s);
    let yes_no = |b: bool| if b { Msg::Yes } else { Msg::No }.text(lang).to_string();
    vec![
        cell(&s.file),
        status.to_string(),
        cell(&detail),
        cell(&s.county),
        code_cell(&s.school_code),
        cell(&s.school_name),
        type_name(lang, s.school_type).to_string(),
        cell(&s.checklist),
        cell(&s.version),
        cell(&s.school_year),
        enrolment(Side::Primary),
        enrolment(Side::Junior),
        if readable {
            fixed(Some(s.earned), 2)
        } else {
            String::new()
        },
        if readable {
            fixed(Some(s.max), 2)
        } else {
            String::new()
        },
        cell(&grade),
        if readable {
            yes_no(s.vetoed)
        } else {
            String::new()
        },
        rule(Side::Primary),
        rule(Side::Junior),
        s.completion
            .map(|c| c.answered.to_string())
            .unwrap_or_default(),
        s.completion
            .map(|c| c.required.to_string())
            .unwrap_or_default(),
        s.completion
            .map(|c| c.errors.to_string())
            .unwrap_or_default(),
        cell(&s.exported),
        cell(&crate::i18n::follow_up_text(lang, &s.follow_up)),
    ]
}

/// The columns that name a county figure or rate, first in both tables: checklist, version,
/// school year, indicator id and title, unit, side, schools counted.
const NAMED_BY: [Msg; 8] = [
    Msg::ChecklistLabel,
    Msg::ColVersion,
    Msg::SchoolYear,
    Msg::CsvIndicatorId,
    Msg::ColIndicator,
    Msg::CsvUnit,
    Msg::ColSide,
    Msg::ColSchools,
];

/// What names a county figure or rate (its [`NAMED_BY`] cells); `side` as worded.
struct Named<'a> {
    checklist: &'a str,
    version: &'a str,
    school_year: &'a str,
    item: &'a str,
    title: &'a crate::core::model::Text,
    unit: &'a str,
    side: &'a str,
    schools: usize,
}

impl Named<'_> {
    /// Its [`NAMED_BY`] cells, then `rest`.
    fn row(&self, lang: Lang, rest: impl IntoIterator<Item = String>) -> Vec<String> {
        let title = match lang {
            Lang::Zh => &self.title.zh,
            Lang::En => &self.title.en,
        };
        [
            cell(self.checklist),
            cell(self.version),
            cell(self.school_year),
            cell(self.item),
            cell(title),
            crate::i18n::unit(lang, self.unit).to_string(),
            self.side.to_string(),
            self.schools.to_string(),
        ]
        .into_iter()
        .chain(rest)
        .collect()
    }
}

/// A table's header: [`NAMED_BY`], then `rest`.
fn named_header(lang: Lang, rest: &[Msg]) -> Vec<&'static str> {
    NAMED_BY.iter().chain(rest).map(|m| m.text(lang)).collect()
}

/// One row per checklist version, school year, indicator and side: schools counted and left out, students,
/// weighted mean and SD, 差异系数, the limit and whether it is within, schools meeting the
/// threshold.
pub fn figures_csv(report: &CountyReport, lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(named_header(
        lang,
        &[
            Msg::CsvLeftOut,
            Msg::CsvStudents,
            Msg::CsvMean,
            Msg::CsvSd,
            Msg::CsvCv,
            Msg::CsvLimit,
            Msg::CsvWithin,
            Msg::CsvMeeting,
            Msg::CsvNote,
        ],
    ));
    let heavy = report.heavy_schools();
    for f in &report.figures {
        let (mean, sd, cv, note) = match f.spread {
            Spread::Computed { mean, sd, cv } => (Some(mean), Some(sd), Some(cv), None),
            Spread::OneSchool { mean } => (Some(mean), None, None, Some(Msg::CountyOneSchool)),
            Spread::NoSchools => (None, None, None, Some(Msg::CountyNoData)),
            Spread::NoStudents => (None, None, None, Some(Msg::CountyNoStudents)),
            Spread::ZeroMean => (Some(0.0), None, None, Some(Msg::CountyZeroMean)),
        };
        // A school that carries this figure is said in its row, as beside the table.
        let carried = f
            .heaviest
            .as_ref()
            .and_then(|(school, _)| {
                heavy.iter().find(|h| {
                    &h.school == school && h.side == f.side && h.school_year == f.school_year
                })
            })
            .map(|h| crate::i18n::heavy_school_text(lang, h));
        let note = [note.map(|m| m.text(lang).to_string()), carried]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let within = match f.within_limit {
            Some(true) => Msg::Yes.text(lang),
            Some(false) => Msg::No.text(lang),
            None => "",
        };
        let named = Named {
            checklist: &f.checklist,
            version: &f.version,
            school_year: &f.school_year,
            item: &f.item,
            title: &f.title,
            unit: &f.unit,
            side: side_name(lang, f.side),
            schools: f.schools,
        };
        let _ = w.write_record(named.row(
            lang,
            [
                f.left_out.to_string(),
                fixed(Some(f.students), 0),
                fixed(mean, 4),
                fixed(sd, 4),
                fixed(cv, 4),
                fixed(Some(f.limit), 2),
                within.to_string(),
                f.schools_meeting.to_string(),
                cell(&note),
            ],
        ));
    }
    finish(w)
}

/// One row per checklist version, school year, county rate and side (交流轮岗, 巩固率,
/// 社会认可度 …): schools counted, the county's rate, its threshold and standing, and the school
/// that carries it, if one does.
pub fn rates_csv(report: &CountyReport, lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(named_header(
        lang,
        &[
            Msg::CsvRateValue,
            Msg::ThresholdLabel,
            Msg::CsvRateMet,
            Msg::CsvNote,
        ],
    ));
    for c in &report.county_rates {
        let met = match c.met {
            Some(true) => Msg::OutcomeMet,
            Some(false) => Msg::OutcomeNotMet,
            None => Msg::OutcomeUndefined,
        };
        let carried = c
            .carried()
            .map(|h| crate::i18n::heavy_rate_text(lang, &h))
            .unwrap_or_default();
        let named = Named {
            checklist: &c.checklist,
            version: &c.version,
            school_year: &c.school_year,
            item: &c.item,
            title: &c.title,
            unit: &c.unit,
            side: c
                .side
                .map_or(Msg::CountyWhole.text(lang), |s| side_name(lang, s)),
            schools: c.schools,
        };
        let _ = w.write_record(named.row(
            lang,
            [
                fixed(c.value, 4),
                cell(&c.rule.map(|r| r.describe()).unwrap_or_default()),
                met.text(lang).to_string(),
                cell(&carried),
            ],
        ));
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn no_cell_runs_as_a_formula_and_codes_keep_their_zeros() {
        for bad in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert!(cell(bad).starts_with('\''), "{bad:?}");
        }
        assert_eq!(cell("0431002"), "'0431002");
        assert_eq!(cell("4307250001"), "4307250001");
        assert_eq!(cell("城关一小"), "城关一小");
        assert_eq!(cell("0"), "0");
    }

    #[test]
    fn text_a_spreadsheet_would_read_as_a_date_or_another_number_is_kept_as_text() {
        for (text, guarded) in [
            ("4/30", true),
            ("1-2", true),
            ("2026-04", true),
            ("10:30", true),
            ("1.2.3", true),
            ("85%", true),
            ("2026.10", true),
            ("430725001912", true),
            ("2026.4", false),
            ("2026-2027", false),
            ("4307250019", false),
            ("12.5", false),
            ("城关一小", false),
            ("未达标（不低于标准的85%）", false),
            ("2026-11-20T10:00:00+08:00", false),
        ] {
            assert_eq!(cell(text).starts_with('\''), guarded, "{text:?}");
        }
    }

    /// The 学校表 CSV goes upward without the page: a file a school sent and the batch did not
    /// read (too large, not a submission, unreadable, a copy) is its last rows, with why; the
    /// system's own files are not.
    #[test]
    fn the_school_table_csv_names_every_file_sent_and_not_read() {
        use crate::core::builtin::builtins;
        use crate::core::time::Timestamp;
        use crate::i18n::Lang;
        use crate::state::county::{read_file, Batch, FileReply};
        let example = || {
            include_bytes!(
                "../../../../examples/示例县-城关镇第一小学-yzjh-school-2026-2027-2026-11-20.json"
            )
            .to_vec()
        };
        // Read as a worker would, handed to the batch.
        let add = |b: &mut Batch, name: &str, bytes: &[u8]| {
            if let Some(id) = b.accept(name, Some(bytes.len() as u64)) {
                let reply = read_file(name, bytes, &b.checklists);
                b.receive(id, b.generation(), reply);
            }
        };
        let mut b = Batch::new(builtins().unwrap());
        add(&mut b, "school.json", &example());
        add(&mut b, "copy.json", &example());
        assert_eq!(b.accept("=video.json", Some(6 << 20)), None);
        assert_eq!(b.accept("报告.docx", Some(10)), None);
        assert_eq!(b.accept("._school.json", Some(10)), None);
        let gone = b.accept("gone.json", None).unwrap();
        b.receive(gone, b.generation(), FileReply::Unreadable);
        let r = b.report(&Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap());
        assert_eq!(r.schools.len(), 1);
        let csv = super::schools_csv(&r, Lang::Zh);
        let rows: Vec<&str> = csv.lines().filter(|l| l.contains(",未读取,")).collect();
        assert_eq!(
            rows.iter()
                .map(|l| l.split(",未读取,").next().unwrap())
                .collect::<Vec<_>>(),
            ["'=video.json", "报告.docx", "gone.json"],
            "{csv}"
        );
        assert!(
            rows[0].contains("文件太大（6 MB，上限 4 MB），未读取"),
            "{}",
            rows[0]
        );
        // A copy was read: it is a 重复, not 未读取 (a walk-through found "not read … the
        // same content as …", which says both).
        assert!(
            csv.contains("copy.json,重复,与文件“school.json”内容完全相同，只计一次"),
            "{csv}"
        );
        assert!(!csv.contains("._school.json"));
        // The video picked again is one file, not two; and once the school sends its file
        // again under that name, within the limit, that file is a row and no longer 未读取.
        assert_eq!(b.accept("=video.json", Some(6 << 20)), None);
        let r = b.report(&Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap());
        let csv = super::schools_csv(&r, Lang::Zh);
        assert_eq!(csv.matches("'=video.json,未读取").count(), 1, "{csv}");
        let fixed = include_bytes!(
            "../../../../examples/示例县-漳江九年一贯制学校-yzjh-school-2026-2027-2026-11-20.json"
        );
        add(&mut b, "=video.json", fixed);
        let r = b.report(&Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap());
        let csv = super::schools_csv(&r, Lang::Zh);
        assert!(!csv.contains("'=video.json,未读取"), "{csv}");
    }
}
