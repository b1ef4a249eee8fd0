//! County mode: many schools' verified submissions in; the school table and the county's
//! enrolment-weighted 差异系数 (difference coefficient) per resource indicator out.
//!
//! Files are matched to checklists by id, version and content hash; figures are computed per
//! checklist version, never pooled. A school is its normalised code (see [`identity`]); of its
//! files the newest counts, unless the files disagree about who the school is or two equally
//! new files differ: then none counts until the officer picks one. A 九年一贯制 school
//! contributes its 小学 part to the 小学 side and its 初中 part to the 初中 side.

mod doubt;
mod facts;
mod figures;
pub mod flags;
mod heavy;
pub mod identity;
pub mod refusal;
mod row;
mod schools;
pub mod settings;
mod spread;
mod table;
mod values;
pub mod visit;
mod years;

pub use doubt::{EnrolmentDoubt, ROSTER_HOLD_RATIO};
pub use facts::{facts_of, reduce, FileFacts, IndicatorCell, RateShare, ReviewCounts, SchoolFacts};
pub use heavy::{HeavyRate, HeavySchool};
pub use schools::{Conflict, Listed};
pub use settings::{CountySettings, RosterIssue, RosterSchool, SettingsDraft, SettingsProblem};
pub use spread::{weighted_cv, Spread};
pub use table::{indicator_rows, IndicatorRow};
pub use values::FigureValue;
pub use years::{FollowUp, IndicatorChange, SchoolChange};

use crate::core::answers::Part;
use crate::core::checklist::Checklist;
use crate::core::export::ImportError;
use crate::core::model::{SchoolType, Text};
use crate::core::score::Completion;
use serde::Serialize;
use std::future::Future;

/// The county limits on 差异系数 (教督〔2017〕6号 §资源配置, standards.md §1.1: ≤ 0.50 小学,
/// ≤ 0.45 初中).
pub const CV_LIMIT_PRIMARY: f64 = 0.50;
pub const CV_LIMIT_JUNIOR: f64 = 0.45;

/// 小学 or 初中.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Primary,
    Junior,
}

impl Side {
    /// 0 for 小学, 1 for 初中: a place in a pair of per-side tallies.
    pub fn index(self) -> usize {
        match self {
            Side::Primary => 0,
            Side::Junior => 1,
        }
    }

    pub fn limit(self) -> f64 {
        match self {
            Side::Primary => CV_LIMIT_PRIMARY,
            Side::Junior => CV_LIMIT_JUNIOR,
        }
    }

    /// The side a part of a school of type `t` counts for.
    pub fn of(t: SchoolType, part: Part) -> Option<Side> {
        match (t, part) {
            (SchoolType::Primary, Part::Whole) | (SchoolType::NineYear, Part::Primary) => {
                Some(Side::Primary)
            }
            (SchoolType::Junior, Part::Whole) | (SchoolType::NineYear, Part::Junior) => {
                Some(Side::Junior)
            }
            _ => None,
        }
    }
}

/// What the aggregation needs besides the files.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    /// RFC 3339: files exported later than this are flagged, not counted.
    pub now: &'a crate::core::time::Timestamp,
    /// Only this county's files (compared normalised); the others are listed, not counted.
    pub county: Option<&'a str>,
    /// Files the officer chose to count for their school (resolving a conflict, accepting a
    /// file dated in the future or one whose enrolment is in doubt), by file name.
    pub picks: &'a [String],
    /// The county's settings: its name, the school years and checklists that count, its
    /// roster. Without them every known checklist and year counts and there is no roster.
    pub settings: Option<&'a CountySettings>,
    /// Files the officer assigned to a roster school (file name, the roster's code): a file
    /// whose code is not in the roster, or that has none.
    pub assigned: &'a [(String, String)],
}

/// Files of one school that cannot all count until the officer picks: the whole list, once
/// per group (a file's status names its group).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConflictGroup {
    pub reason: Conflict,
    pub files: Vec<String>,
}

/// How a file stands against the county's roster.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RosterMatch {
    /// The roster's code and name for the school.
    pub code: String,
    pub name: String,
    pub township: String,
    /// The file's school name differs from the roster's.
    pub name_differs: bool,
    /// The file's school type differs from the roster's (a school that changed its type
    /// would be judged by other thresholds): the roster's type.
    pub type_differs: Option<SchoolType>,
    /// The officer assigned the file to this school.
    pub assigned: bool,
}

/// A school of the roster with no counted file for a school year (未报送): it sent nothing the
/// county counts, under any checklist it accepts, nor a file waiting for the officer's pick
/// (a 冲突, a date in the future).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MissingSchool {
    pub school_year: String,
    pub code: String,
    pub name: String,
    pub township: String,
    pub school_type: SchoolType,
}

/// One file's line in the school table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolRow {
    pub file: String,
    pub status: FileStatus,
    /// The result stored in the file differs from the one recomputed from its raw answers.
    /// A counted file says so by its status (结果不一致); this says it of a file with another
    /// status too, such as a 冲突 or a 重复 the officer may pick.
    pub result_differs: bool,
    /// The officer chose this file to count (`Options::picks`).
    pub picked: bool,
    /// Its enrolment is in doubt, beside another status (a 冲突 to pick, a file picked).
    pub enrolment_doubt: Option<EnrolmentDoubt>,
    pub school_name: String,
    pub school_code: String,
    pub county: String,
    pub school_type: Option<SchoolType>,
    pub checklist: String,
    pub version: String,
    /// 学年, as the county groups it ("2025-2026").
    pub school_year: String,
    /// Students per part (the whole school, or each part of a 九年一贯制 school); `None` where
    /// the enrolment entered cannot be used.
    pub enrolment: Vec<(Part, Option<f64>)>,
    pub earned: f64,
    pub max: f64,
    /// The grade's label, or the veto label.
    pub grade: Option<Text>,
    pub vetoed: bool,
    /// Each resource indicator per part: its value and outcome.
    pub indicators: Vec<IndicatorCell>,
    /// The school rule (e.g. ≥ 6 of 7, the rest ≥ 85%) per part.
    pub rule: Vec<(Part, Option<bool>)>,
    pub completion: Option<Completion>,
    pub exported: String,
    /// Rows of its own 整改清单.
    pub plan_rows: usize,
    /// Evidence files that came with it in a 报送包 (none for an unreadable file).
    pub evidence_files: Option<usize>,
    /// The evidence files it names: (item, file name).
    pub attachments: Vec<(String, String)>,
    /// The same school's counted row of the year before (the file this one continues, else
    /// its file of the previous school year), if the batch has it. Counted rows only.
    pub last_year: Option<usize>,
    /// Whether it reports on last year's 整改 rows. Counted rows only.
    pub follow_up: FollowUp,
    /// The roster's school for this file, when the county has a roster and the file is in it.
    pub roster: Option<RosterMatch>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FileStatus {
    Ok,
    /// Counted, but not everything is answered or some values cannot be used: figures use
    /// what it has.
    Incomplete {
        answered: usize,
        required: usize,
        errors: usize,
    },
    /// The stored result differs from the one recomputed from the answers (the recomputed
    /// one is used).
    ResultDiffers,
    /// Another file of the same school and checklist counts instead (it is newer, or the
    /// officer picked it); `identical` when this is the same file again; `other_code` when
    /// the one kept has the same name under another code (the officer may pick this one too:
    /// two schools of one name).
    Duplicate {
        kept: String,
        identical: bool,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        other_code: bool,
    },
    /// Not counted until the officer picks one of `with` or this one. `group` is its place
    /// in the report's `conflicts`, which lists every file of the group once.
    Conflict {
        reason: Conflict,
        group: usize,
        with: Listed,
    },
    /// Neither a school name nor a school code: whose file it is cannot be told. Not counted
    /// (with a roster the officer can assign it to a school).
    Unidentified,
    /// With a roster: the school's code is not in it. Not counted until the officer assigns
    /// the file to a roster school or adds the school.
    NotInRoster,
    /// Made with a checklist the county has not accepted. Not counted.
    ChecklistNotAccepted {
        id: String,
        version: String,
    },
    /// A school year the county is not assessing. Not counted.
    OtherYear {
        year: String,
    },
    /// Exported after the aggregation's "now": a wrong clock, or an edited file. Not counted
    /// unless the officer picks it.
    FutureTime,
    /// Its enrolment cannot be a school's (see [`doubt`]). Not counted unless the officer
    /// picks it.
    EnrolmentDoubt {
        doubt: EnrolmentDoubt,
    },
    /// From another county than the one aggregated.
    OtherCounty,
    /// The file cannot be used, and why (worded by `i18n::import_error` in the language of
    /// the moment it is shown).
    Invalid {
        error: ImportError,
    },
}

/// A file's status without its details, in the order the summary counts them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusKind {
    Ok,
    Incomplete,
    ResultDiffers,
    Duplicate,
    Conflict,
    FutureTime,
    EnrolmentDoubt,
    OtherCounty,
    Invalid,
    Unidentified,
    NotInRoster,
    ChecklistNotAccepted,
    /// Made with a county checklist that waits among 待确认的清单 (an `Invalid` status whose
    /// error says so): not counted until the officer accepts it, and not 无效.
    ChecklistAwaiting,
    OtherYear,
}

impl StatusKind {
    /// Every kind, in the summary's order (a test checks each appears once).
    pub const ALL: [StatusKind; 14] = [
        StatusKind::Ok,
        StatusKind::Incomplete,
        StatusKind::ResultDiffers,
        StatusKind::Duplicate,
        StatusKind::Conflict,
        StatusKind::FutureTime,
        StatusKind::EnrolmentDoubt,
        StatusKind::OtherCounty,
        StatusKind::Invalid,
        StatusKind::Unidentified,
        StatusKind::NotInRoster,
        StatusKind::ChecklistNotAccepted,
        StatusKind::ChecklistAwaiting,
        StatusKind::OtherYear,
    ];

    /// A stable code, for tables other programs read (`ok`, `duplicate` …).
    pub fn code(self) -> &'static str {
        match self {
            StatusKind::Ok => "ok",
            StatusKind::Incomplete => "incomplete",
            StatusKind::ResultDiffers => "result_differs",
            StatusKind::Duplicate => "duplicate",
            StatusKind::Conflict => "conflict",
            StatusKind::FutureTime => "future_time",
            StatusKind::EnrolmentDoubt => "enrolment_doubt",
            StatusKind::OtherCounty => "other_county",
            StatusKind::Invalid => "invalid",
            StatusKind::Unidentified => "unidentified",
            StatusKind::NotInRoster => "not_in_roster",
            StatusKind::ChecklistNotAccepted => "checklist_not_accepted",
            StatusKind::ChecklistAwaiting => "checklist_awaiting",
            StatusKind::OtherYear => "other_year",
        }
    }
}

/// How much a file's status asks of the officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Counted as it is.
    Fine,
    /// Counted with a remark, or rightly not counted (a duplicate, another county).
    Note,
    /// Not counted until the officer acts, or not usable.
    Act,
}

impl FileStatus {
    pub fn severity(&self) -> Severity {
        match self {
            FileStatus::Ok => Severity::Fine,
            FileStatus::Incomplete { .. }
            | FileStatus::ResultDiffers
            | FileStatus::Duplicate { .. }
            | FileStatus::OtherCounty => Severity::Note,
            FileStatus::OtherYear { .. } => Severity::Note,
            FileStatus::Conflict { .. }
            | FileStatus::FutureTime
            | FileStatus::EnrolmentDoubt { .. }
            | FileStatus::Invalid { .. }
            | FileStatus::Unidentified
            | FileStatus::NotInRoster
            | FileStatus::ChecklistNotAccepted { .. } => Severity::Act,
        }
    }

    /// Which status this is, without its details.
    pub fn kind(&self) -> StatusKind {
        match self {
            FileStatus::Ok => StatusKind::Ok,
            FileStatus::Incomplete { .. } => StatusKind::Incomplete,
            FileStatus::ResultDiffers => StatusKind::ResultDiffers,
            FileStatus::Duplicate { .. } => StatusKind::Duplicate,
            FileStatus::Conflict { .. } => StatusKind::Conflict,
            FileStatus::FutureTime => StatusKind::FutureTime,
            FileStatus::EnrolmentDoubt { .. } => StatusKind::EnrolmentDoubt,
            FileStatus::OtherCounty => StatusKind::OtherCounty,
            FileStatus::Invalid {
                error: ImportError::ChecklistAwaiting { .. },
            } => StatusKind::ChecklistAwaiting,
            FileStatus::Invalid { .. } => StatusKind::Invalid,
            FileStatus::Unidentified => StatusKind::Unidentified,
            FileStatus::NotInRoster => StatusKind::NotInRoster,
            FileStatus::ChecklistNotAccepted { .. } => StatusKind::ChecklistNotAccepted,
            FileStatus::OtherYear { .. } => StatusKind::OtherYear,
        }
    }

    /// A stable code for the status, for tables other programs read (`ok`, `duplicate` …).
    pub fn code(&self) -> &'static str {
        self.kind().code()
    }

    /// The officer can choose this file to count (a 冲突, a date in the future, an enrolment in
    /// doubt).
    pub fn can_pick(&self) -> bool {
        matches!(
            self,
            FileStatus::Conflict { .. }
                | FileStatus::FutureTime
                | FileStatus::EnrolmentDoubt { .. }
                | FileStatus::Duplicate {
                    other_code: true,
                    ..
                }
        )
    }

    /// The file counts for its school in the figures.
    pub fn counted(&self) -> bool {
        matches!(
            self,
            FileStatus::Ok | FileStatus::Incomplete { .. } | FileStatus::ResultDiffers
        )
    }
}

/// One indicator on one side of the county, for one checklist version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyFigure {
    pub checklist: String,
    pub version: String,
    /// 学年: figures are per school year, side by side when the files span two.
    pub school_year: String,
    pub item: String,
    /// The indicator's name and unit, from its checklist.
    pub title: Text,
    pub unit: String,
    pub side: Side,
    /// Schools (parts) in the 差异系数.
    pub schools: usize,
    /// Counted schools of this side left out of this figure: no usable value or enrolment
    /// (an incomplete file, or an indicator that cannot be computed).
    pub left_out: usize,
    pub students: f64,
    /// The school (part) with the most students in this figure, and its share of them
    /// (0–1): a made-up enrolment carries the coefficient, and the page says so beside it.
    pub heaviest: Option<(String, f64)>,
    pub spread: Spread,
    pub limit: f64,
    /// `None` when the spread is undefined.
    pub within_limit: Option<bool>,
    /// Schools (parts) whose value reaches the threshold.
    pub schools_meeting: usize,
    /// The floor (share of the threshold) of the checklist's group rule over this item, e.g.
    /// 0.85: a value below the threshold but at least this is "near".
    pub floor: Option<f64>,
}

/// A group rule's terms as its checklist states them: at least `min_pass` of `items` met, the
/// others at least `floor_ratio` of their threshold.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleTerms {
    pub min_pass: usize,
    pub items: usize,
    pub floor_ratio: f64,
}

impl RuleTerms {
    pub fn of(rule: &crate::core::model::GroupRule) -> RuleTerms {
        RuleTerms {
            min_pass: rule.min_pass,
            items: rule.items.len(),
            floor_ratio: rule.floor_ratio,
        }
    }
}

/// Schools meeting the school rule, per checklist version and side.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RuleCount {
    pub checklist: String,
    pub version: String,
    /// 学年: figures are per school year, side by side when the files span two.
    pub school_year: String,
    pub side: Side,
    pub meeting: usize,
    pub schools: usize,
    /// The checklist's group rules, as it states them (a county variant's own numbers).
    pub terms: Vec<RuleTerms>,
}

/// A rate the source sets for the county as a whole (an item with `scope: county_rate`),
/// computed from the counted schools' raw counts: Σ numerator ÷ Σ denominator for a computed
/// ratio, the enrolment-weighted mean of the schools' values for a rate they report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyRate {
    pub checklist: String,
    pub version: String,
    /// 学年: figures are per school year, side by side when the files span two.
    pub school_year: String,
    pub item: String,
    pub title: Text,
    pub unit: String,
    /// `None` for a county-wide ratio; the side for a rate reported per side.
    pub side: Option<Side>,
    /// Schools whose figures went into it.
    pub schools: usize,
    pub value: Option<f64>,
    pub rule: Option<crate::core::model::Comparison>,
    pub met: Option<bool>,
    /// The school with the largest share of what the rate rests on (the people of its
    /// denominator for a ratio, its students for a rate the schools report), as named in its
    /// file, and that share (0–1).
    pub heaviest: Option<(String, f64)>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyReport {
    pub schools: Vec<SchoolRow>,
    pub figures: Vec<CountyFigure>,
    pub rule: Vec<RuleCount>,
    /// The county's own rates (政府保障程度 and 教育质量 figures set for the county).
    pub county_rates: Vec<CountyRate>,
    /// The counties the readable files name (as written in the first file of each), sorted.
    pub counties: Vec<String>,
    /// The county aggregated, if one was chosen (or set in the settings).
    pub county: Option<String>,
    /// Every group of files in conflict, each file once.
    pub conflicts: Vec<ConflictGroup>,
    /// Two files picked for one school (the first picked counts; the second is a duplicate).
    pub pick_clashes: Vec<(String, String)>,
    /// With a roster: its schools with no counted file, per school year and checklist.
    pub missing: Vec<MissingSchool>,
    /// With a roster: how many schools it lists.
    pub roster_schools: usize,
    /// 数据核查: what deserves a second look, by row (never changes a score).
    pub flags: Vec<flags::Flag>,
    /// Files sent and not read, with why (the browser's batch fills it): the 学校表's last rows.
    pub unread: Vec<(String, refusal::Refusal)>,
}

impl CountyReport {
    /// More than one county among the files, and none chosen: the figures mix counties.
    pub fn mixes_counties(&self) -> bool {
        self.county.is_none() && self.counties.len() > 1
    }

    /// The 数据核查 flags of one row (the flags are in row order: found, not scanned).
    pub fn flags_of(&self, row: usize) -> &[flags::Flag] {
        let start = self.flags.partition_point(|f| f.row < row);
        let end = self.flags.partition_point(|f| f.row <= row);
        &self.flags[start..end]
    }

    /// How many of the files name this county (compared normalised), readable or not.
    pub fn files_in(&self, county: &str) -> usize {
        let county = identity::normalize(county);
        self.schools
            .iter()
            .filter(|s| identity::normalize(&s.county) == county)
            .count()
    }

    /// Files left uncounted that the officer has to act on (冲突, 时间异常, 不在名册, 清单未采用,
    /// 无法识别, unusable files).
    pub fn uncounted_for_action(&self) -> usize {
        self.schools
            .iter()
            .filter(|s| s.status.severity() == Severity::Act)
            .count()
    }
}

/// Aggregates the files' facts. The report holds facts only (a file's problem as its typed
/// `ImportError`), so it reads the same in either language. Checklists are matched by id, version and content hash; with the
/// county's settings, only the checklists and school years it accepts count, and with its
/// roster only the schools it lists.
pub fn aggregate(
    files: &[&FileFacts],
    checklists: &[Checklist],
    options: &Options,
) -> CountyReport {
    let steps = aggregate_in_steps(files, checklists, options, || std::future::ready(()));
    let mut steps = std::pin::pin!(steps);
    match steps
        .as_mut()
        .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
    {
        std::task::Poll::Ready(report) => report,
        // Every pause above is ready at once, so the first poll finishes.
        std::task::Poll::Pending => unreachable!("aggregate paused without a pause"),
    }
}

/// [`aggregate`], awaiting `pause()` between its steps (each at most a few tens of
/// milliseconds for 10,000 files), so a page can let the browser draw and answer in between:
/// in one piece, a province's batch held the page's thread for 200–300 ms. What it returns is
/// the same whatever the pauses do.
pub async fn aggregate_in_steps<P, F>(
    files: &[&FileFacts],
    checklists: &[Checklist],
    options: &Options<'_>,
    mut pause: P,
) -> CountyReport
where
    P: FnMut() -> F,
    F: Future<Output = ()>,
{
    let settings = options.settings;
    let known: Vec<&Checklist> = checklists
        .iter()
        .chain(settings.iter().flat_map(|s| &s.county_checklists))
        .collect();
    let checklist_of = |f: &SchoolFacts| {
        let named = &f.checklist;
        known
            .iter()
            .copied()
            .find(|c| c.is(&named.id, &named.version, &named.sha256))
    };
    let county_chosen = options
        .county
        .map(str::to_string)
        .or_else(|| settings.map(|s| s.county.clone()));
    let county = county_chosen.as_deref().map(identity::normalize);
    let assigned: std::collections::BTreeMap<&str, &str> = options
        .assigned
        .iter()
        .map(|(f, c)| (f.as_str(), c.as_str()))
        .collect();
    // Each readable file with its checklist and roster row; every other file gets its status
    // now.
    let mut statuses: Vec<Option<FileStatus>> = vec![None; files.len()];
    let mut readable: Vec<schools::Readable> = Vec::new();
    let mut roster_rows: Vec<Option<(usize, bool)>> = vec![None; files.len()];
    for (n, file) in files.iter().enumerate() {
        if n % schools::FILES_PER_STEP == schools::FILES_PER_STEP - 1 {
            pause().await;
        }
        let f = match &file.facts {
            Err(e) => {
                statuses[n] = Some(FileStatus::Invalid { error: e.clone() });
                continue;
            }
            Ok(f) => f,
        };
        let Some(c) = checklist_of(f) else {
            statuses[n] = Some(FileStatus::Invalid {
                error: ImportError::UnknownChecklist {
                    id: f.checklist.id.clone(),
                    version: f.checklist.version.clone(),
                },
            });
            continue;
        };
        let other_county = county
            .as_ref()
            .is_some_and(|c| &identity::normalize(&f.county) != c);
        let roster =
            settings
                .filter(|s| s.has_roster())
                .map(|s| match assigned.get(file.file.as_str()) {
                    Some(code) => s.roster_row(code).map(|row| (row, true)),
                    None => s.roster_row(&f.school_code).map(|row| (row, false)),
                });
        let status = match (settings, roster) {
            (Some(s), _) if !s.accepts(&f.checklist) => Some(FileStatus::ChecklistNotAccepted {
                id: f.checklist.id.clone(),
                version: f.checklist.version.clone(),
            }),
            (Some(s), _) if !s.school_years.contains(&f.school_year) => {
                Some(FileStatus::OtherYear {
                    year: f.school_year.clone(),
                })
            }
            // In the roster: the county's school, however the file spells the county.
            (_, Some(Some(row))) => {
                roster_rows[n] = Some(row);
                None
            }
            _ if other_county => Some(FileStatus::OtherCounty),
            (_, Some(None)) => Some(
                if identity::school_code(&f.school_code).is_empty()
                    && identity::normalize(&f.school_name).is_empty()
                {
                    FileStatus::Unidentified
                } else {
                    FileStatus::NotInRoster
                },
            ),
            _ => None,
        };
        match status {
            Some(s) => statuses[n] = Some(s),
            None => readable.push(schools::Readable {
                n,
                facts: f,
                checklist: c,
                roster_code: roster_rows[n]
                    .and_then(|(row, _)| settings.map(|s| s.roster[row].code.as_str())),
            }),
        }
    }
    pause().await;
    let decided = schools::decide(files, &readable, options, &mut statuses, &mut pause).await;
    pause().await;

    let mut rows = Vec::with_capacity(files.len());
    let mut counted: Vec<(&SchoolFacts, &Checklist)> = Vec::new();
    for (n, file) in files.iter().enumerate() {
        let status = statuses[n].take().unwrap_or(FileStatus::Ok);
        let row = match &file.facts {
            Ok(f) => {
                let checklist = checklist_of(f);
                if let (true, Some(c)) = (status.counted(), checklist) {
                    counted.push((f, c));
                }
                let mut row = SchoolRow::of(&file.file, status, f, checklist);
                row.picked = options.picks.contains(&file.file);
                if !matches!(row.status, FileStatus::EnrolmentDoubt { .. }) {
                    row.enrolment_doubt = decided.doubts.get(n).cloned().flatten();
                }
                row.roster = roster_rows[n]
                    .zip(settings)
                    .map(|((r, assigned), s)| RosterMatch::of(&s.roster[r], f, assigned));
                row
            }
            Err(_) => SchoolRow::unreadable(&file.file, status),
        };
        rows.push(row);
    }
    pause().await;
    let facts: Vec<Option<&SchoolFacts>> = files.iter().map(|f| f.facts.as_ref().ok()).collect();
    years::link(&mut rows, &facts);
    pause().await;
    let label = |f: &SchoolFacts, id: &str| {
        let c = checklist_of(f)?;
        c.input(id)
            .map(|d| d.label.clone())
            .or_else(|| c.item(id).map(|i| i.text.clone()))
    };
    let input_id = |f: &SchoolFacts, n: u16| {
        checklist_of(f)
            .and_then(|c| c.doc().inputs.get(usize::from(n)))
            .map(|d| d.id.as_str())
    };
    let roster_students = |r: &SchoolRow| {
        let s = settings?;
        s.roster[s.roster_row(&r.roster.as_ref()?.code)?].students
    };
    let flags = flags::flags(
        &rows,
        &facts,
        &label,
        &input_id,
        &roster_students,
        &mut pause,
    )
    .await;
    pause().await;
    let (figures, rule) = figures::figures(&counted);
    pause().await;
    let county_rates = figures::county_rates(&counted);
    let missing = settings
        .map(|s| schools::missing(s, &known, &rows))
        .unwrap_or_default();
    pause().await;
    CountyReport {
        schools: rows,
        figures,
        rule,
        county_rates,
        counties: counties(files),
        county: county_chosen,
        conflicts: decided.conflicts,
        pick_clashes: decided.pick_clashes,
        missing,
        roster_schools: settings.map_or(0, |s| s.roster.len()),
        flags,
        unread: Vec::new(),
    }
}

impl RosterMatch {
    fn of(school: &RosterSchool, f: &SchoolFacts, assigned: bool) -> RosterMatch {
        RosterMatch {
            code: school.code.clone(),
            name: school.name.clone(),
            township: school.township.clone(),
            name_differs: identity::normalize(&school.name) != identity::normalize(&f.school_name),
            type_differs: (school.school_type != f.school_type).then_some(school.school_type),
            assigned,
        }
    }
}

/// The counties the readable files name, each once (compared normalised, written as in the
/// first file that names it), sorted.
fn counties(files: &[&FileFacts]) -> Vec<String> {
    let mut seen: std::collections::BTreeMap<String, String> = Default::default();
    for f in files.iter().filter_map(|f| f.facts.as_ref().ok()) {
        let name = f.county.trim();
        seen.entry(identity::normalize(name))
            .or_insert_with(|| name.to_string());
    }
    let mut counties: Vec<String> = seen.into_values().collect();
    counties.sort();
    counties
}
