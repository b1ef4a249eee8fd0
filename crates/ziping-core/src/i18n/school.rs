//! The words for a school's own results: units, school types and parts, outcomes and
//! floors, the grade outlook, unlikely figures, wrong deadlines, and why a file cannot be read.

use super::*;

/// A unit of measure in the interface language (checklist data writes units in Chinese).
pub fn unit(lang: Lang, unit: &str) -> &str {
    if lang == Lang::Zh {
        return unit;
    }
    match unit {
        "人" => "people",
        "分钟" => "min",
        "小时" => "h",
        "次" => "times",
        "间" => "rooms",
        "个" => "",
        "元" => "yuan",
        "万元" => "× 10,000 yuan",
        "间/12班" => "rooms per 12 classes",
        "个百分点" => "points",
        other => other,
    }
}

/// A unit after a number written `number` ("1 room", "2 rooms", "≥ 1 room per 12 classes"):
/// English nouns agree with a count of one; Chinese has no plural.
pub fn unit_after<'a>(lang: Lang, unit: &'a str, number: &str) -> &'a str {
    let plural = self::unit(lang, unit);
    let digits: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let one = crate::core::decimal::parse(&digits).is_some_and(|n| n == 1.0);
    if lang == Lang::Zh || !one {
        return plural;
    }
    match plural {
        "people" => "person",
        "rooms" => "room",
        "times" => "time",
        "points" => "point",
        "rooms per 12 classes" => "room per 12 classes",
        other => other,
    }
}

pub fn school_type_name(lang: Lang, t: crate::core::model::SchoolType) -> &'static str {
    use crate::core::model::SchoolType;
    match t {
        SchoolType::Primary => Msg::Primary,
        SchoolType::Junior => Msg::Junior,
        SchoolType::NineYear => Msg::NineYear,
    }
    .text(lang)
}

/// How an item, indicator or area moved from last year to this, in a word.
pub fn change_msg(c: crate::core::history::Change) -> Msg {
    use crate::core::history::Change;
    match c {
        Change::Improved => Msg::ChangeImproved,
        Change::Worse => Msg::ChangeWorse,
        Change::Same => Msg::ChangeSame,
        Change::NewlyShort => Msg::ChangeNewlyShort,
        Change::Resolved => Msg::ChangeResolved,
        Change::New => Msg::ChangeNew,
        Change::Dropped => Msg::ChangeDropped,
        Change::Pending => Msg::ChangePending,
    }
}

/// The name of a part of a 九年一贯制 school (小学部, 初中部); none for the whole school.
pub fn part_name(lang: Lang, part: crate::core::answers::Part) -> Option<&'static str> {
    use crate::core::answers::Part;
    match part {
        Part::Whole => None,
        Part::Primary => Some(Msg::PartPrimary.text(lang)),
        Part::Junior => Some(Msg::PartJunior.text(lang)),
    }
}

/// A part's name in parentheses after a title ("（小学部）"), or nothing for the whole school.
pub fn part_suffix(lang: Lang, part: crate::core::answers::Part) -> String {
    part_name(lang, part)
        .map(|p| lang.paren(p))
        .unwrap_or_default()
}

/// Why a typed number cannot be used, naming what was typed.
pub fn number_error(lang: Lang, e: &crate::core::answers::NumberError) -> String {
    use crate::core::answers::NumberError as E;
    match e {
        E::NotANumber { text } => say::NotANumber { typed: text }.text(lang),
        E::TooLarge { text } => say::TooLarge { typed: text }.text(lang),
        // Named as typed: a space where no comma was typed.
        E::Separator { text } if !text.contains([',', '，']) => {
            say::BadSpaceSeparator { typed: text }.text(lang)
        }
        E::Separator { text } => say::BadSeparator { typed: text }.text(lang),
    }
}

/// Why a submission file was refused, as a sentence that names the field and the problem.
pub fn import_error(lang: Lang, e: &crate::core::export::ImportError) -> String {
    use crate::core::export::ImportError as E;
    match e {
        E::TooLarge { size, limit } => say::ImportTooLarge {
            size_kb: &(size / 1024).to_string(),
            limit_kb: &(limit / 1024).to_string(),
        }
        .text(lang),
        E::NotUtf8 => Msg::ImportNotUtf8.text(lang).into(),
        E::Empty => Msg::ImportEmpty.text(lang).into(),
        E::NotJson { line, column, .. } => say::ImportNotJson {
            line: &line.to_string(),
            column: &column.to_string(),
        }
        .text(lang),
        E::TooDeep => Msg::ImportTooDeep.text(lang).into(),
        E::NotAnExport => Msg::ImportNotAnExport.text(lang).into(),
        // Another of ziping's own files, named for what it is, not as a version problem.
        E::UnknownFormat { found } if found.starts_with("ziping.county-settings/") => {
            Msg::ImportIsSettings.text(lang).into()
        }
        E::UnknownFormat { found } if found.starts_with("ziping.draft/") => {
            Msg::ImportIsDraft.text(lang).into()
        }
        E::UnknownFormat { found } if found.starts_with("ziping.checklist/") => {
            Msg::ImportIsChecklist.text(lang).into()
        }
        E::UnknownFormat { found } if found.starts_with("ziping.export/") => {
            say::ImportNewerFormat { found }.text(lang)
        }
        E::UnknownFormat { found } => say::ImportUnknownFormat { found }.text(lang),
        E::Field { path, problem } if path == "$" => say::ImportFieldWhole {
            problem: &field_problem(lang, problem),
        }
        .text(lang),
        E::Field { path, problem } => say::ImportFieldIn {
            section: path,
            problem: &field_problem(lang, problem),
        }
        .text(lang),
        E::BadTime { field, value } => say::ImportBadTime { field, value }.text(lang),
        E::DigestMismatch { .. } => Msg::ImportDigestMismatch.text(lang).into(),
        E::UnknownChecklist { id, version } => {
            say::ImportUnknownChecklist { id, version }.text(lang)
        }
        E::ChecklistAwaiting { id, version } => {
            say::ImportChecklistAwaiting { id, version }.text(lang)
        }
        E::ChecklistChanged { id, version } => {
            say::ImportChecklistChanged { id, version }.text(lang)
        }
        E::NoSchoolType => Msg::ImportNoSchoolType.text(lang).into(),
        E::Unreadable { why } => say::ImportUnreadable {
            reason: match why {
                crate::core::export::Unreadable::NotAFile => Msg::UnreadableNotAFile,
                crate::core::export::Unreadable::NotFound => Msg::UnreadableNotFound,
                crate::core::export::Unreadable::PermissionDenied => Msg::UnreadableDenied,
                crate::core::export::Unreadable::Other => Msg::UnreadableOther,
            }
            .text(lang),
        }
        .text(lang),
        E::BadSchoolYear { year } => say::ImportBadSchoolYear { year }.text(lang),
        E::NumberTooPrecise { number } => say::ImportNumberTooPrecise { number }.text(lang),
        E::IsPackage => Msg::ImportIsPackage.text(lang).into(),
        E::Package { problem } => say::ImportPackage {
            problem: &package_problem(lang, problem),
        }
        .text(lang),
        E::SchoolTypeNotCovered { school_type } => say::ImportTypeNotCovered {
            school_type: school_type_name(lang, *school_type),
        }
        .text(lang),
    }
}

/// What is wrong with a 报送包 (made or read), in words.
pub fn package_problem(lang: Lang, p: &crate::core::export::PackageProblem) -> String {
    use crate::core::export::PackageProblem as P;
    let mb = |b: u64| crate::core::format::fixed(b as f64 / 1_048_576.0, 1);
    match p {
        P::NotAZip => Msg::PackageNotAZip.text(lang).into(),
        P::TooLarge { size, limit } => say::PackageTooLarge {
            size_mb: &mb(*size),
            limit_mb: &mb(*limit),
        }
        .text(lang),
        P::EvidenceTooLarge {
            size,
            limit,
            item,
            name,
            file_size,
        } => say::PackageEvidenceTooLarge {
            size_mb: &mb(*size),
            limit_mb: &mb(*limit),
            item,
            name,
            file_mb: &mb(*file_size),
        }
        .text(lang),
        P::Expands { limit } => say::PackageExpands {
            limit_mb: &mb(*limit),
        }
        .text(lang),
        P::TooManyEntries { limit } => say::PackageTooManyEntries {
            limit: &limit.to_string(),
        }
        .text(lang),
        P::UnsafePath { path } => say::PackageUnsafePath { path }.text(lang),
        P::DuplicatePath { path } => say::PackageDuplicatePath { path }.text(lang),
        P::Overlapping { path } => say::PackageOverlapping { path }.text(lang),
        P::Unsupported { path } => say::PackageUnsupported { path }.text(lang),
        P::Damaged { path } => say::PackageDamaged { path }.text(lang),
        P::NoSubmission => Msg::PackageNoSubmission.text(lang).into(),
        P::Unlisted { path } => say::PackageUnlisted { path }.text(lang),
        P::Missing { item, name } => say::PackageMissing { item, name }.text(lang),
        P::HashMismatch { item, name } => say::PackageHashMismatch { item, name }.text(lang),
    }
}

/// A share as a percentage for people (0.85 → "85", 0.825 → "82.5").
pub(crate) fn percent(share: f64) -> String {
    crate::core::format::fmt_num((share * 1000.0).round() / 10.0)
}

/// A 数据合理性提醒 in words: the figure, and what to look at again.
pub fn unlikely_text(lang: Lang, u: crate::core::plausible::Unlikely) -> String {
    use crate::core::plausible::{Unlikely, YUAN_PER_PUPIL};
    let n = |x: f64| crate::core::format::fixed(x, if x < 10.0 { 2 } else { 0 });
    match u {
        Unlikely::PupilsPerClass(x) => say::UnlikelyPerClass { value: &n(x) }.text(lang),
        Unlikely::PupilsPerTeacher(x) => say::UnlikelyPerTeacher { value: &n(x) }.text(lang),
        Unlikely::AreaPerPupil(x) => say::UnlikelyArea { value: &n(x) }.text(lang),
        Unlikely::YuanPerPupil(x) if x < YUAN_PER_PUPIL.0 => {
            say::UnlikelyYuanLow { value: &n(x) }.text(lang)
        }
        Unlikely::YuanPerPupil(x) => say::UnlikelyYuanHigh { value: &n(x) }.text(lang),
        Unlikely::RoomsPerClass(x) => say::UnlikelyRooms { value: &n(x) }.text(lang),
        Unlikely::MoreThanFullTime(t) => say::UnlikelyAmongFullTime {
            value: &crate::core::format::fixed(t, 0),
        }
        .text(lang),
    }
}

/// What is wrong with a 完成时限, in words.
pub fn deadline_problem_text(lang: Lang, p: crate::core::school::DeadlineProblem) -> String {
    use crate::core::school::DeadlineProblem;
    match p {
        DeadlineProblem::NotADate => Msg::DeadlineNotADate.text(lang).into(),
        DeadlineProblem::YearOutOfRange { year, from, to } => say::DeadlineYear {
            year: &year.to_string(),
            from: &from.to_string(),
            to: &to.to_string(),
        }
        .text(lang),
    }
}

/// An outcome in words where the floor matters (the county's school table): met, not met but
/// at least the floor, or below the floor; other outcomes as [`outcome_words`] says them.
pub fn outcome_below_floor(
    lang: Lang,
    o: crate::core::score::Outcome,
    floor: Option<f64>,
) -> String {
    match (o, floor) {
        (crate::core::score::Outcome::NotMet, Some(f)) => {
            say::OutcomeBelowFloor { floor: &percent(f) }.text(lang)
        }
        _ => outcome_words(lang, o, floor),
    }
}

/// An outcome in words; "near" with the floor of the rule that judges the item, when known.
pub fn outcome_words(lang: Lang, o: crate::core::score::Outcome, floor: Option<f64>) -> String {
    use crate::core::score::Outcome;
    match (o, floor) {
        (Outcome::Near, Some(f)) => say::OutcomeNearFloor { floor: &percent(f) }.text(lang),
        (Outcome::Met, _) => Msg::OutcomeMet.text(lang).into(),
        (Outcome::Near, None) => Msg::OutcomeNear.text(lang).into(),
        (Outcome::NotMet, _) => Msg::OutcomeNotMet.text(lang).into(),
        (Outcome::Partial, _) => Msg::OutcomePartial.text(lang).into(),
        (Outcome::NotApplicable, _) => Msg::OutcomeNa.text(lang).into(),
        (Outcome::Noted, _) => Msg::OutcomeNoted.text(lang).into(),
        (Outcome::Missing, _) => Msg::OutcomeMissing.text(lang).into(),
        (Outcome::Invalid, _) => Msg::OutcomeInvalid.text(lang).into(),
        (Outcome::Undefined, _) => Msg::OutcomeUndefined.text(lang).into(),
    }
}

/// A floor for people: "85%线".
pub fn floor_line(lang: Lang, floor: f64) -> String {
    say::FloorLine {
        floor: &percent(floor),
    }
    .text(lang)
}

/// The distinct floors of a set of rules, in words ("80%、85%").
pub fn floors_text(lang: Lang, floors: &[f64]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for f in floors {
        let p = format!("{}%", percent(*f));
        if !seen.contains(&p) {
            seen.push(p);
        }
    }
    seen.join(Msg::ListSeparator.text(lang))
}

/// The grade's lines and the way to the next grade, in words: "等级线：达标 ≥ 95%、基本达标 ≥ 85%",
/// then "还差 5 分达到“达标”" or "资源配置…未满足，等级最高为“未达标”" (and the points still
/// missing for the next grade). `None` where nothing is graded.
pub fn grade_outlook(
    lang: Lang,
    checklist: &crate::core::checklist::Checklist,
    o: &crate::core::score::Outlook,
) -> (String, Option<String>) {
    use crate::core::score::Next;
    let pick = |t: &crate::core::model::Text| match lang {
        Lang::Zh => t.zh.clone(),
        Lang::En => t.en.clone(),
    };
    let lines = o
        .lines
        .iter()
        .map(|(label, p)| {
            say::GradeLine {
                band: &pick(label),
                percent: &crate::core::format::fmt_num(*p),
            }
            .text(lang)
        })
        .collect::<Vec<_>>()
        .join(Msg::ListSeparator.text(lang));
    let lines = say::GradeLines { lines: &lines }.text(lang);
    let next = match &o.next {
        Next::Top => Some(Msg::GradeTop.text(lang).to_string()),
        Next::Vetoed => Some(Msg::GradeVetoed.text(lang).to_string()),
        Next::Unknown => None,
        Next::Points { points, band } => Some(
            say::NextPoints {
                points: &crate::core::format::fmt_num(*points),
                band: &pick(band),
            }
            .text(lang),
        ),
        Next::Held {
            by,
            band,
            next,
            points,
        } => {
            let doc = checklist.doc();
            let names: Vec<String> = by
                .iter()
                .map(|id| {
                    doc.group_rules
                        .iter()
                        .find(|g| &g.id == id)
                        .map(|g| format!("“{}”", pick(&g.title)))
                        .or_else(|| {
                            checklist
                                .item(id)
                                .map(|i| format!("{id} {}", pick(&i.text)))
                        })
                        .unwrap_or_else(|| id.clone())
                })
                .collect();
            let by = names.join(Msg::ListSeparator.text(lang));
            Some(match points {
                None => say::GradeHeld {
                    by: &by,
                    band: &pick(band),
                }
                .text(lang),
                Some(points) => say::GradeHeldShort {
                    by: &by,
                    band: &pick(band),
                    points: &crate::core::format::fmt_num(*points),
                    next: &pick(next),
                }
                .text(lang),
            })
        }
    };
    (lines, next)
}

/// Why a submission file could not be written, in `lang` (never serde's or thiserror's
/// English).
pub fn export_error(lang: Lang, e: &crate::core::export::ExportError) -> String {
    use crate::core::export::ExportError as E;
    match e {
        E::NoSchoolType => Msg::ExportNeedsType.text(lang).into(),
        E::NotSerializable { .. } => Msg::ExportNotSerializable.text(lang).into(),
        E::BadTime { field, value } => say::ExportBadTime { field, value }.text(lang),
        E::Package { problem } => package_problem(lang, problem),
    }
}
