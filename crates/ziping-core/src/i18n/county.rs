//! The words for county mode: a file's status and what it means, conflicts, last year's
//! follow-up, sides, and the group rule's terms.

use super::*;
use crate::core::aggregate::refusal::Refusal;
use crate::core::aggregate::{
    Conflict, CountyReport, EnrolmentDoubt, FileStatus, SchoolRow, StatusKind,
};

/// What a file says of last year's 整改 rows, in words; empty when none are known.
pub fn follow_up_text(lang: Lang, f: &crate::core::aggregate::FollowUp) -> String {
    use crate::core::aggregate::FollowUp;
    match f {
        FollowUp::NotDue => String::new(),
        FollowUp::Reported { rows, done, unset } => say::FollowUpReported {
            rows: &rows.to_string(),
            said: &(rows - unset).to_string(),
            done: &done.to_string(),
        }
        .text(lang),
        FollowUp::Missing { rows } => say::FollowUpMissing {
            rows: &rows.to_string(),
        }
        .text(lang),
    }
}

/// The name of a side of the county's figures (小学 or 初中).
pub fn side_name(lang: Lang, side: crate::core::aggregate::Side) -> &'static str {
    use crate::core::aggregate::Side;
    match side {
        Side::Primary => Msg::Primary,
        Side::Junior => Msg::Junior,
    }
    .text(lang)
}

/// A group rule's terms in words, with its own numbers ("7 项中至少 6 项达标、其余不低于标准的 85%";
/// "3 项全部达标" where every item must be met: no floor then applies).
pub fn rule_terms(lang: Lang, t: &crate::core::aggregate::RuleTerms) -> String {
    if t.min_pass >= t.items {
        return say::RuleTermsAll {
            items: &t.items.to_string(),
        }
        .text(lang);
    }
    say::RuleTermsText {
        items: &t.items.to_string(),
        min_pass: &t.min_pass.to_string(),
        floor: &percent(t.floor_ratio),
    }
    .text(lang)
}

/// A checklist's group rules, each in its own quotation marks (“…”和“…”; “…”, “…” and “…”):
/// what a school meets when it meets the school rule.
pub fn rules_quoted(lang: Lang, terms: &[crate::core::aggregate::RuleTerms]) -> String {
    let quoted: Vec<String> = terms
        .iter()
        .map(|t| format!("“{}”", rule_terms(lang, t)))
        .collect();
    match (lang, quoted.as_slice()) {
        (_, [one]) => one.clone(),
        (Lang::Zh, [init @ .., last]) => {
            format!("{}和{last}", init.join(Msg::ListSeparator.text(lang)))
        }
        (Lang::En, [a, b]) => format!("{a} and {b}"),
        (Lang::En, [init @ .., last]) => {
            format!("{}, and {last}", init.join(Msg::ListSeparator.text(lang)))
        }
        (_, []) => String::new(),
    }
}

/// Why files are in conflict, without naming the files (the command line lists them).
pub fn conflict_reason(lang: Lang, reason: &crate::core::aggregate::Conflict) -> String {
    use crate::core::aggregate::Conflict;
    match reason {
        Conflict::SameCodeOtherName { names } => say::ConflictCodeNamesOnly {
            names: &listed(lang, names),
        }
        .text(lang),
        Conflict::SameNameOtherCode { codes } => say::ConflictNameCodesOnly {
            codes: &listed(lang, codes),
        }
        .text(lang),
        Conflict::SameTimeOtherContent => Msg::ConflictSameTimeOnly.text(lang).into(),
        Conflict::NoCodeBesideCode { codes } => say::ConflictNoCodeOnly {
            codes: &listed(lang, codes),
        }
        .text(lang),
    }
}

/// A file's status, in a word, and what it means for this file.
pub fn status_text(lang: Lang, status: &FileStatus) -> (&'static str, String) {
    match status {
        FileStatus::Ok => (Msg::StatusOk.text(lang), String::new()),
        FileStatus::Incomplete {
            answered,
            required,
            errors,
        } => (
            Msg::StatusIncomplete.text(lang),
            say::StatusIncompleteDetail {
                answered: &answered.to_string(),
                required: &required.to_string(),
                errors: &errors.to_string(),
            }
            .text(lang),
        ),
        FileStatus::ResultDiffers => (
            Msg::StatusResultDiffers.text(lang),
            Msg::StatusResultDiffersDetail.text(lang).into(),
        ),
        FileStatus::Duplicate {
            kept,
            identical,
            other_code,
        } => (
            Msg::StatusDuplicate.text(lang),
            if *other_code {
                say::StatusDuplicateOtherCode { kept }.text(lang)
            } else if *identical {
                say::StatusDuplicateSame { kept }.text(lang)
            } else {
                say::StatusDuplicateKept { kept }.text(lang)
            },
        ),
        FileStatus::Conflict { reason, with, .. } => {
            let with = listed(lang, with);
            let detail = match reason {
                Conflict::SameCodeOtherName { names } => say::ConflictCodeNames {
                    names: &listed(lang, names),
                    with: &with,
                }
                .text(lang),
                Conflict::SameNameOtherCode { codes } => say::ConflictNameCodes {
                    codes: &listed(lang, codes),
                    with: &with,
                }
                .text(lang),
                Conflict::SameTimeOtherContent => say::ConflictSameTime { with: &with }.text(lang),
                Conflict::NoCodeBesideCode { codes } => say::ConflictNoCode {
                    codes: &listed(lang, codes),
                    with: &with,
                }
                .text(lang),
            };
            (Msg::StatusConflict.text(lang), detail)
        }
        FileStatus::Unidentified => (
            Msg::StatusUnidentified.text(lang),
            Msg::StatusUnidentifiedDetail.text(lang).into(),
        ),
        FileStatus::NotInRoster => (
            Msg::StatusNotInRoster.text(lang),
            Msg::StatusNotInRosterDetail.text(lang).into(),
        ),
        FileStatus::ChecklistNotAccepted { id, version } => (
            Msg::StatusChecklistNotAccepted.text(lang),
            say::StatusChecklistNotAcceptedDetail { id, version }.text(lang),
        ),
        FileStatus::OtherYear { year } => (
            Msg::StatusOtherYear.text(lang),
            say::StatusOtherYearDetail { year }.text(lang),
        ),
        FileStatus::FutureTime => (
            Msg::StatusFutureTime.text(lang),
            Msg::StatusFutureTimeDetail.text(lang).into(),
        ),
        FileStatus::EnrolmentDoubt { doubt } => (
            Msg::StatusEnrolmentDoubt.text(lang),
            doubt_text(lang, doubt) + Msg::StatusDoubtHeld.text(lang),
        ),
        FileStatus::OtherCounty => (
            Msg::StatusOtherCounty.text(lang),
            Msg::StatusOtherCountyDetail.text(lang).into(),
        ),
        FileStatus::Invalid { error } => (
            status_kind_msg(status.kind()).text(lang),
            import_error(lang, error),
        ),
    }
}

/// Why a file's enrolment is in doubt.
fn doubt_text(lang: Lang, doubt: &EnrolmentDoubt) -> String {
    match doubt {
        EnrolmentDoubt::PupilsPerClass {
            part,
            pupils,
            enrolment: Some(students),
        } if *pupils > 0.0 => say::StatusDoubtPerClassOf {
            students: &crate::core::format::fixed(*students, 0),
            // The classes typed, which the pupils per class were worked out from.
            classes: &crate::core::format::fixed(students / pupils, 0),
            pupils: &crate::core::format::fixed(*pupils, 1),
            part: &part_suffix(lang, *part),
        }
        .text(lang),
        EnrolmentDoubt::PupilsPerClass { part, pupils, .. } => say::StatusDoubtPerClass {
            pupils: &crate::core::format::fixed(*pupils, 1),
            part: &part_suffix(lang, *part),
        }
        .text(lang),
        EnrolmentDoubt::OffRoster { roster, file } => say::StatusDoubtRoster {
            file: &crate::core::format::fixed(*file, 0),
            roster: &roster.to_string(),
        }
        .text(lang),
    }
}

/// A few of a long list, and how many more ("a、b、c 等 12 个").
pub fn listed(lang: Lang, list: &crate::core::aggregate::Listed) -> String {
    let shown = list.shown.join(Msg::ListSeparator.text(lang));
    if list.more == 0 {
        shown
    } else {
        say::ListedMore {
            shown: &shown,
            more: &list.more.to_string(),
        }
        .text(lang)
    }
}

/// A file's status in the school table and its CSV: [`status_text`], and that its stored
/// result differs where the status itself does not say so (a 冲突 or 重复 file the officer
/// may pick to count).
pub fn row_status_text(lang: Lang, row: &SchoolRow) -> (&'static str, String) {
    let (word, mut detail) = status_text(lang, &row.status);
    let mut add = |part: &str| {
        if !detail.is_empty() {
            detail.push_str(Msg::ClauseSeparator.text(lang));
        }
        detail.push_str(part);
    };
    // Its enrolment in doubt, beside a 冲突 the officer may pick or a file picked: said
    // before and after the choice (a pick made for the 冲突 counted it unseen).
    if let Some(doubt) = &row.enrolment_doubt {
        add(&say::StatusDoubtBeside {
            why: &doubt_text(lang, doubt),
        }
        .text(lang));
    }
    // The officer's choice, on the page, in the CSV and on paper (it left no trace).
    if row.picked && row.status.counted() {
        add(Msg::StatusPicked.text(lang));
    }
    if row.result_differs && row.status != FileStatus::ResultDiffers {
        add(Msg::StatusAlsoResultDiffers.text(lang));
    }
    (word, detail)
}

/// [`row_status_text`] as one line: its word and, if any, what it means ("冲突：…").
pub fn row_status_line(lang: Lang, row: &SchoolRow) -> String {
    let (word, detail) = row_status_text(lang, row);
    if detail.is_empty() {
        word.to_string()
    } else {
        format!("{word}{}{detail}", lang.colon())
    }
}

/// The word for a kind of status (the summary's and the table's).
pub fn status_kind_msg(kind: StatusKind) -> Msg {
    match kind {
        StatusKind::Ok => Msg::StatusOk,
        StatusKind::Incomplete => Msg::StatusIncomplete,
        StatusKind::ResultDiffers => Msg::StatusResultDiffers,
        StatusKind::Duplicate => Msg::StatusDuplicate,
        StatusKind::Conflict => Msg::StatusConflict,
        StatusKind::FutureTime => Msg::StatusFutureTime,
        StatusKind::EnrolmentDoubt => Msg::StatusEnrolmentDoubt,
        StatusKind::OtherCounty => Msg::StatusOtherCounty,
        StatusKind::Invalid => Msg::StatusInvalid,
        StatusKind::Unidentified => Msg::StatusUnidentified,
        StatusKind::NotInRoster => Msg::StatusNotInRoster,
        StatusKind::ChecklistNotAccepted => Msg::StatusChecklistNotAccepted,
        StatusKind::ChecklistAwaiting => Msg::StatusChecklistAwaiting,
        StatusKind::OtherYear => Msg::StatusOtherYear,
    }
}

/// How many files have each status, in the order the summary names them (every kind, so a new
/// status cannot vanish from the summary).
pub fn status_counts(report: &CountyReport) -> Vec<(Msg, usize)> {
    let mut counts = [0usize; StatusKind::ALL.len()];
    for school in &report.schools {
        counts[school.status.kind() as usize] += 1;
    }
    StatusKind::ALL
        .iter()
        .map(|&kind| (status_kind_msg(kind), counts[kind as usize]))
        .collect()
}

/// Bytes in MB (of 1,048,576 bytes, as Windows counts them) to the hundredth: 4,325,015
/// bytes is 4.12 MB, 5 MB stays 5 MB. A size over `limit` never reads as the limit or below:
/// 4 MB and one byte is 4.01 MB, not 4 MB.
fn megabytes_over(bytes: u64, limit: u64) -> String {
    const MB: u64 = 1024 * 1024;
    let near = (bytes.saturating_mul(100) + MB / 2) / MB;
    let hundredths = if bytes > limit && near * MB <= limit.saturating_mul(100) {
        bytes.saturating_mul(100).div_ceil(MB)
    } else {
        near
    };
    let (whole, rest) = (hundredths / 100, hundredths % 100);
    match rest {
        0 => whole.to_string(),
        r if r % 10 == 0 => format!("{whole}.{}", r / 10),
        r => format!("{whole}.{r:02}"),
    }
}

/// Why county mode did not take a file, in `lang` (a checklist's problems included).
pub fn refusal_text(lang: Lang, refusal: &Refusal) -> String {
    match refusal {
        Refusal::TooLarge { size, limit } => say::RefusedTooLarge {
            size_mb: &megabytes_over(*size, *limit),
            limit_mb: &megabytes_over(*limit, 0),
        }
        .text(lang),
        Refusal::NotJson => Msg::RefusedNotJson.text(lang).into(),
        Refusal::SystemFile => Msg::RefusedSystemFile.text(lang).into(),
        Refusal::Unreadable => Msg::RefusedUnreadable.text(lang).into(),
        Refusal::BadChecklist { errors } => say::RefusedBadChecklist {
            reason: &checklist_errors(lang, errors),
        }
        .text(lang),
        Refusal::ChecklistClash { id, version } => say::ChecklistClash { id, version }.text(lang),
        Refusal::SameAsPackage { package } => say::RefusedSameAsPackage { package }.text(lang),
        Refusal::SameContent { kept } => say::StatusDuplicateSame { kept }.text(lang),
    }
}

/// Why a draw's count or seed cannot be used, in words.
pub fn draw_problem_text(lang: Lang, p: crate::core::aggregate::visit::DrawProblem) -> String {
    use crate::core::aggregate::visit::DrawProblem as P;
    match p {
        P::Count { schools } => say::VisitCountProblem {
            schools: &schools.to_string(),
        }
        .text(lang),
        P::Seed => Msg::VisitSeedProblem.text(lang).into(),
    }
}

/// A 数据核查 flag's kind in a few words (the list's first column, sorted by).
pub fn flag_kind_msg(kind: &crate::core::aggregate::flags::FlagKind) -> Msg {
    use crate::core::aggregate::flags::FlagKind as K;
    match kind {
        K::Jump { .. } => Msg::FlagJump,
        K::OutsideSpread { .. } => Msg::FlagOutsideSpread,
        K::SameRawData { .. } => Msg::FlagSameRawData,
        K::AtThreshold { .. } => Msg::FlagAtThreshold,
        K::RedLinesUnsupported { .. } => Msg::FlagRedLines,
        K::EnrolmentOffRoster { .. } => Msg::FlagEnrolmentRoster,
    }
}

/// A 数据核查 flag's reason, in words, with its figures.
pub fn flag_text(lang: Lang, flag: &crate::core::aggregate::flags::Flag) -> String {
    use crate::core::aggregate::flags::{FlagKind as K, Measure};
    let n = |x: f64| crate::core::format::fixed(x, if x.abs() < 10.0 { 2 } else { 0 });
    let name = |fallback: &str| {
        let label = flag.label.as_ref().map(|t| match lang {
            Lang::En if !t.en.is_empty() => t.en.clone(),
            _ => t.zh.clone(),
        });
        label.unwrap_or_else(|| fallback.to_string())
    };
    match &flag.kind {
        K::Jump {
            input,
            part,
            last,
            now,
        } => say::FlagJumpText {
            name: &format!("{}{}", name(input), part_suffix(lang, *part)),
            last: &n(*last),
            now: &n(*now),
            times: &crate::core::format::fixed(now / last, 2),
        }
        .text(lang),
        K::OutsideSpread {
            measure,
            part,
            value,
            q1,
            q3,
        } => {
            let what = match measure {
                Measure::PupilsPerClass => Msg::MeasurePupilsPerClass.text(lang).to_string(),
                Measure::TeachersPerClass => Msg::MeasureTeachersPerClass.text(lang).to_string(),
                Measure::AreaPerPupil { input } => {
                    say::MeasureAreaPerPupil { name: &name(input) }.text(lang)
                }
            };
            say::FlagOutsideText {
                what: &format!("{what}{}", part_suffix(lang, *part)),
                value: &n(*value),
                q1: &n(*q1),
                q3: &n(*q3),
            }
            .text(lang)
        }
        K::SameRawData { other } => say::FlagSameText { other }.text(lang),
        K::AtThreshold {
            item,
            part,
            value,
            schools,
            of,
        } => say::FlagAtThresholdText {
            name: &format!("{item} {}{}", name(item), part_suffix(lang, *part)),
            value: &crate::core::format::fmt_num(*value),
            schools: &schools.to_string(),
            of: &of.to_string(),
        }
        .text(lang),
        K::RedLinesUnsupported { items } => say::FlagRedLinesText {
            items: &items.to_string(),
        }
        .text(lang),
        K::EnrolmentOffRoster { roster, file } => say::FlagEnrolmentRosterText {
            file: &crate::core::format::fixed(*file, 0),
            roster: &roster.to_string(),
        }
        .text(lang),
    }
}

/// A school that carries a side's coefficients ([`crate::core::aggregate::HeavySchool`]), in
/// words: its share of the students rounded down to a tenth (99.9 %, never "100 %" of many),
/// with more places where a tenth would read as half (50.04 %, not "50 %": it holds more).
pub fn heavy_school_text(lang: Lang, h: &crate::core::aggregate::HeavySchool) -> String {
    let share = heavy_share(h.share);
    say::CountyHeavy {
        school: &h.school,
        side: side_name(lang, h.side),
        share: &share,
        year: &h.school_year,
        figures: &h.figures.to_string(),
    }
    .text(lang)
}

/// A share over half (0–1) as a percentage: rounded down to a tenth (99.9 %, never "100 %" of
/// many), with more places where a tenth would read as half (50.04 %, not "50 %").
fn heavy_share(share: f64) -> String {
    let percent = share * 100.0;
    let half = crate::core::aggregate::HeavySchool::SHARE * 100.0;
    (1..=6)
        .map(|places| {
            let scale = 10f64.powi(places);
            // A hair added first, or 0.5004 would read 50.03 (50.039999… in binary).
            ((percent * scale + 1e-6).floor() / scale, places as usize)
        })
        .find(|(shown, _)| *shown > half)
        .map_or_else(
            || crate::core::format::fixed(percent, 6),
            |(shown, places)| crate::core::format::fixed(shown, places),
        )
}

/// A school that carries a county rate ([`crate::core::aggregate::HeavyRate`]), in words.
pub fn heavy_rate_text(lang: Lang, h: &crate::core::aggregate::HeavyRate) -> String {
    say::CountyHeavyRate {
        school: &h.school,
        item: &h.item,
        side: h
            .side
            .map_or(Msg::CountyWhole.text(lang), |s| side_name(lang, s)),
        share: &heavy_share(h.share),
        year: &h.school_year,
    }
    .text(lang)
}

/// The roster's schools that have not sent a file, counted as schools (“3 所学校未报送”), and
/// by school year too where the batch spans several (a school missing two years is one school).
pub fn missing_count(lang: Lang, missing: &[crate::core::aggregate::MissingSchool]) -> String {
    let schools = missing
        .iter()
        .map(|m| m.code.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    if schools == missing.len() {
        say::MissingSchools {
            schools: &schools.to_string(),
        }
        .text(lang)
    } else {
        say::MissingSchoolYears {
            schools: &schools.to_string(),
            years: &missing.len().to_string(),
        }
        .text(lang)
    }
}
