//! The words for checklists: their problems, kinds and comparisons, 与原清单的差异, and the
//! spreadsheet template's problems by row and column.

use super::*;
use crate::core::json::JsonKind;

/// The name of a school type.
/// The name of a rule's comparison, in words.
pub fn op_msg(op: Option<crate::core::model::Op>) -> Msg {
    use crate::core::model::Op;
    match op {
        None => Msg::OpUnset,
        Some(Op::Ge) => Msg::OpGe,
        Some(Op::Gt) => Msg::OpGt,
        Some(Op::Le) => Msg::OpLe,
        Some(Op::Lt) => Msg::OpLt,
        Some(Op::Between) => Msg::OpBetween,
    }
}

/// The name of an item's kind.
pub fn kind_msg(kind: &crate::core::model::ItemKind) -> Msg {
    use crate::core::model::ItemKind;
    match kind {
        ItemKind::YesNo { .. } => Msg::KindYesNo,
        ItemKind::Levels { .. } => Msg::KindLevels,
        ItemKind::Number { .. } => Msg::KindNumber,
        ItemKind::Computed { .. } => Msg::KindComputed,
        ItemKind::Flag => Msg::KindFlag,
        ItemKind::Text => Msg::KindText,
    }
}

/// The name of a field a checklist difference is in.
pub fn diff_field_msg(f: crate::core::checklist_diff::Field) -> Msg {
    use crate::core::checklist_diff::Field as F;
    match f {
        F::Id => Msg::FieldNameId,
        F::Version => Msg::FieldNameVersion,
        F::Title => Msg::FieldNameTitle,
        F::Description => Msg::FieldNameDescription,
        F::Issuer => Msg::FieldNameIssuer,
        F::VetoGrade => Msg::FieldNameVetoGrade,
        F::Text => Msg::FieldNameText,
        F::Guidance => Msg::FieldNameGuidance,
        F::Points => Msg::FieldNamePoints,
        F::Unit => Msg::FieldNameUnit,
        F::Source => Msg::FieldNameSource,
        F::Clause => Msg::FieldNameClause,
        F::Veto => Msg::FieldNameVeto,
        F::Kind => Msg::FieldNameKind,
        F::AppliesTo => Msg::FieldNameAppliesTo,
        F::PassRate => Msg::FieldNamePassRate,
        F::Label => Msg::FieldNameLabel,
        F::MinPercent => Msg::FieldNameMinPercent,
        F::MinPass => Msg::FieldNameMinPass,
        F::FloorRatio => Msg::FieldNameFloorRatio,
        F::NearScores => Msg::FieldNameNearScores,
        F::Spread => Msg::FieldNameSpread,
        F::Items => Msg::FieldNameItems,
        F::PrimaryWeight => Msg::FieldNamePrimaryWeight,
        F::JuniorWeight => Msg::FieldNameJuniorWeight,
        F::Indicator => Msg::FieldNameIndicator,
        F::Area => Msg::FieldNameArea,
        F::DocNo => Msg::FieldNameDocNo,
    }
}

/// Where a checklist difference is, as people name it ("项目 B5.1.1 …").
pub fn diff_place(lang: Lang, place: &crate::core::checklist_diff::Place) -> String {
    use crate::core::checklist_diff::Place as P;
    let pick = |t: &crate::core::model::Text| match lang {
        Lang::Zh => t.zh.clone(),
        Lang::En if t.en.is_empty() => t.zh.clone(),
        Lang::En => t.en.clone(),
    };
    match place {
        P::Checklist => Msg::EditorPlaceChecklist.text(lang).into(),
        P::Split => Msg::EditorPlaceSplit.text(lang).into(),
        P::Area { id, title } => say::PlaceArea {
            id,
            title: &pick(title),
        }
        .text(lang),
        P::Indicator { id, title } => say::PlaceIndicator {
            id,
            title: &pick(title),
        }
        .text(lang),
        P::Item { id, text } => say::PlaceItem {
            id,
            text: &pick(text),
        }
        .text(lang),
        P::Level { item, id, label } => say::PlaceLevel {
            item,
            id,
            label: &pick(label),
        }
        .text(lang),
        P::Grade { id, label } => say::PlaceGrade {
            id,
            label: &pick(label),
        }
        .text(lang),
        P::GroupRule { id } => say::PlaceGroupRule { id }.text(lang),
        P::Source { id } => say::PlaceSource { id }.text(lang),
    }
}

/// What a checklist difference is, in words ("达标线：≥ 60 → ≥ 90").
/// The changes of a checklist that make it easier to meet
/// ([`crate::core::checklist_diff::Difference::eases`]): how many, and the first three named
/// ("R1 …：小学 ≥ 4.2 → ≥ 1；…；等" when there are more).
pub fn eased(lang: Lang, changes: &[crate::core::checklist_diff::Difference]) -> (usize, String) {
    let eased: Vec<_> = changes.iter().filter(|d| d.eases()).collect();
    let mut named: Vec<String> = eased
        .iter()
        .take(3)
        .map(|d| {
            format!(
                "{}{}{}",
                diff_place(lang, &d.place),
                lang.colon(),
                diff_change(lang, &d.change)
            )
        })
        .collect();
    if eased.len() > 3 {
        named.push(Msg::ListEtc.text(lang).to_string());
    }
    (eased.len(), named.join(Msg::ClauseSeparator.text(lang)))
}

pub fn diff_change(lang: Lang, change: &crate::core::checklist_diff::Change) -> String {
    use crate::core::checklist_diff::{Change as C, Field};
    let kind_word = |code: &str| match code {
        "yes_no" => Msg::KindYesNo.text(lang).to_string(),
        "levels" => Msg::KindLevels.text(lang).into(),
        "number" => Msg::KindNumber.text(lang).into(),
        "computed" => Msg::KindComputed.text(lang).into(),
        "flag" => Msg::KindFlag.text(lang).into(),
        "text" => Msg::KindText.text(lang).into(),
        other => other.into(),
    };
    let none = || Msg::DiffNone.text(lang).to_string();
    match change {
        C::Added => Msg::DiffAdded.text(lang).into(),
        C::Removed => Msg::DiffRemoved.text(lang).into(),
        C::Reordered => Msg::DiffReordered.text(lang).into(),
        C::Changed {
            field,
            lang: text_lang,
            old,
            new,
        } => {
            let mut name = diff_field_msg(*field).text(lang).to_string();
            if let Some(l) = text_lang {
                name.push_str(match l {
                    Lang::Zh => Msg::EditorZh.text(lang),
                    Lang::En => Msg::EditorEn.text(lang),
                });
            }
            let shown = |v: &str| match (field, v) {
                (Field::AppliesTo, "") => Msg::EditorAppliesAll.text(lang).to_string(),
                (_, "") => none(),
                (Field::Kind, code) => kind_word(code),
                (Field::AppliesTo, codes) => codes
                    .split(',')
                    .map(|c| {
                        crate::core::model::SchoolType::ALL
                            .into_iter()
                            .find(|t| t.code() == c)
                            .map_or(c, |t| school_type_name(lang, t))
                    })
                    .collect::<Vec<_>>()
                    .join(Msg::ListSeparator.text(lang)),
                (_, v) => v.to_string(),
            };
            say::DiffChanged {
                field: &name,
                old: &shown(old),
                new: &shown(new),
            }
            .text(lang)
        }
        C::Rule {
            school_type,
            old,
            new,
        } => {
            let rule = |c: &Option<crate::core::model::Comparison>| {
                c.map(|c| c.describe()).unwrap_or_else(none)
            };
            say::DiffRule {
                school_type: school_type_name(lang, *school_type),
                old: &rule(old),
                new: &rule(new),
            }
            .text(lang)
        }
    }
}

/// A problem of a checklist table, with its row and column.
pub fn csv_problem(lang: Lang, p: &crate::core::checklist_csv::CsvProblem) -> String {
    use crate::core::checklist_csv::CsvIssue as I;
    let problem = match &p.issue {
        I::NotCsv { detail } => say::CsvNotCsv { detail }.text(lang),
        I::UnknownColumn { header } => say::CsvUnknownColumn { header }.text(lang),
        I::MissingColumn => Msg::CsvMissingColumn.text(lang).into(),
        I::NoRows => Msg::CsvNoRows.text(lang).into(),
        I::Empty => Msg::CsvEmpty.text(lang).into(),
        I::NotANumber { text } => say::NotANumber { typed: text }.text(lang),
        I::BadRule { text } => say::CsvBadRule { text }.text(lang),
        I::BadKind { text } => say::CsvBadKind { text }.text(lang),
        I::KindChanged { item } => say::CsvKindChanged { item }.text(lang),
        I::KindOnlyInApp { item } => say::CsvKindOnlyInApp { item }.text(lang),
        I::RuleNotAllowed => Msg::CsvRuleNotAllowed.text(lang).into(),
        I::DuplicateItem { item } => say::CsvDuplicateItem { item }.text(lang),
        I::NameDiffers { id } => say::CsvNameDiffers { id }.text(lang),
        I::IndicatorMoved { id } => say::CsvIndicatorMoved { id }.text(lang),
        I::UnclosedQuote { text } => say::CsvUnclosedQuote { text }.text(lang),
    };
    at_row(lang, p.row, p.column.map(|c| c.header()), &problem)
}

/// A table's problem with its place: "第 3 行“学校类型”列：…" or "第 3 行：…".
pub(crate) fn at_row(lang: Lang, row: usize, column: Option<&str>, problem: &str) -> String {
    let row = row.to_string();
    match column {
        Some(column) => say::CsvProblemAt {
            row: &row,
            column,
            problem,
        }
        .text(lang),
        None => say::CsvProblemRow { row: &row, problem }.text(lang),
    }
}

/// What serde found wrong with a field, as a phrase.
pub fn field_problem(lang: Lang, p: &crate::core::json::FieldProblem) -> String {
    use crate::core::json::FieldProblem as P;
    match p {
        P::Missing { field } => say::FieldMissing { field }.text(lang),
        P::Unknown { field } => say::FieldUnknown { field }.text(lang),
        P::UnknownValue { value } => say::FieldUnknownValue { value }.text(lang),
        P::WrongType { found, expected } => match expected {
            JsonKind::Other => say::FieldWrongTypeFound {
                found: json_kind(lang, *found),
            }
            .text(lang),
            _ => say::FieldWrongType {
                found: json_kind(lang, *found),
                expected: json_kind(lang, *expected),
            }
            .text(lang),
        },
        P::Truncated => Msg::JsonTruncated.text(lang).into(),
        P::Syntax => Msg::JsonSyntax.text(lang).into(),
        P::Unwritable => Msg::JsonUnwritable.text(lang).into(),
        P::DuplicateKey => Msg::JsonDuplicateKey.text(lang).into(),
        P::Other => Msg::JsonOther.text(lang).into(),
    }
}

/// What a JSON value is, in words.
fn json_kind(lang: Lang, kind: JsonKind) -> &'static str {
    match kind {
        JsonKind::Text => Msg::JsonText,
        JsonKind::Number => Msg::JsonNumber,
        JsonKind::WholeNumber => Msg::JsonWholeNumber,
        JsonKind::Boolean => Msg::JsonBoolean,
        JsonKind::Null => Msg::JsonNull,
        JsonKind::List => Msg::JsonList,
        JsonKind::Object => Msg::JsonObject,
        JsonKind::Other => Msg::JsonOtherKind,
    }
    .text(lang)
}

/// One problem of a checklist file, as a phrase.
pub fn checklist_problem(lang: Lang, p: &crate::core::checklist::Problem) -> String {
    use crate::core::checklist::{Allowed, Problem as P, RefKind};
    let num = crate::core::format::fmt_num;
    match p {
        // A field this version does not know: most likely a newer ziping's checklist (制作县级清单
        // writes `spread` since 2026-12): said so, with what to do.
        P::Json {
            line,
            column,
            problem: crate::core::json::FieldProblem::Unknown { field },
        } => say::ChecklistUnknownField {
            field,
            line: &line.to_string(),
            column: &column.to_string(),
        }
        .text(lang),
        P::Json {
            line,
            column,
            problem,
        } => say::ChecklistNotJson {
            line: &line.to_string(),
            column: &column.to_string(),
            problem: &field_problem(lang, problem),
        }
        .text(lang),
        P::WrongFormat { found } => say::ChecklistWrongFormat { found }.text(lang),
        P::Empty => Msg::ChecklistEmpty.text(lang).into(),
        P::DuplicateId(id) => say::ChecklistDuplicateId { id }.text(lang),
        P::Unknown { what, id } => say::ChecklistUnknownRef {
            what: match what {
                RefKind::Source => Msg::RefSource,
                RefKind::Input => Msg::RefInput,
                RefKind::Item => Msg::RefItem,
                RefKind::Grade => Msg::RefGrade,
            }
            .text(lang),
            id,
        }
        .text(lang),
        P::ReservedCharacter(id) => say::ChecklistReservedAt { id }.text(lang),
        P::IdCharacters(id) => say::ChecklistIdCharacters { id }.text(lang),
        P::HiddenCharacters { value, hidden } => say::ChecklistHiddenCharacters {
            value: &value.escape_debug().to_string(),
            hidden: &hidden
                .iter()
                .map(|c| format!("U+{:04X}", u32::from(*c)))
                .collect::<Vec<_>>()
                .join(" "),
        }
        .text(lang),
        P::OutOfRange { allowed, value } => say::ChecklistOutOfRange {
            value: &num(*value),
            allowed: match allowed {
                Allowed::Share => Msg::AllowedShare,
                Allowed::Percent => Msg::AllowedPercent,
                Allowed::Points => Msg::AllowedPoints,
                Allowed::LevelPoints => Msg::AllowedLevelPoints,
                Allowed::Weight => Msg::AllowedWeight,
                Allowed::Positive => Msg::AllowedPositive,
            }
            .text(lang),
        }
        .text(lang),
        P::NoZeroGrade => Msg::ChecklistNoZeroGrade.text(lang).into(),
        P::SplitNeeded => Msg::ChecklistSplitNeeded.text(lang).into(),
        P::EnrolmentNotPerPart => Msg::ChecklistEnrolmentPerPart.text(lang).into(),
        P::NotAnAnswer { item, value } => say::ChecklistNotAnAnswer { item, value }.text(lang),
        P::Unscored => Msg::ChecklistUnscored.text(lang).into(),
        P::VetoKind => Msg::ChecklistVetoKind.text(lang).into(),
        P::TooFewLevels => Msg::ChecklistTooFewLevels.text(lang).into(),
        P::BestLevelPoints => Msg::ChecklistBestLevel.text(lang).into(),
        P::NoRuleFor(t) => say::ChecklistNoRuleFor {
            school_type: school_type_name(lang, *t),
        }
        .text(lang),
        P::BadThreshold => Msg::ChecklistBadThreshold.text(lang).into(),
        P::BadRange { min, max } => say::ChecklistBadRange {
            min: &num(*min),
            max: &num(*max),
        }
        .text(lang),
        P::GradeOrder { above } => say::ChecklistGradeOrder {
            above: &num(*above),
        }
        .text(lang),
        P::Unreachable { high: None } => Msg::ChecklistUnreachable.text(lang).into(),
        P::Unreachable { high: Some(high) } => {
            say::ChecklistUnreachableRange { high: &num(*high) }.text(lang)
        }
        P::WhenCycle(chain) => say::ChecklistWhenCycle {
            chain: &chain.join(" → "),
        }
        .text(lang),
        P::NoThreshold(id) => say::ChecklistNoThreshold { id }.text(lang),
        P::MinPassTooHigh { min_pass, items } => say::ChecklistMinPass {
            min_pass: &min_pass.to_string(),
            items: &items.to_string(),
        }
        .text(lang),
        P::NotCanonical => Msg::ChecklistNotCanonical.text(lang).to_string(),
    }
}

/// A checklist file's problems as sentences (the first three), each with its place in the file.
pub fn checklist_errors(lang: Lang, errors: &crate::core::checklist::ChecklistErrors) -> String {
    let mut parts: Vec<String> = errors
        .0
        .iter()
        .take(3)
        .map(|issue| {
            let what = checklist_problem(lang, &issue.problem);
            if issue.path == "$" {
                what
            } else {
                format!("{}{}{what}", issue.path, lang.colon())
            }
        })
        .collect();
    if errors.0.len() > 3 {
        parts.push(
            say::ChecklistMoreProblems {
                total: &errors.0.len().to_string(),
                more: &(errors.0.len() - 3).to_string(),
            }
            .text(lang),
        );
    }
    parts.join(Msg::ClauseSeparator.text(lang))
}

/// Why a checklist file a person picked cannot be used, in `lang`.
pub fn checklist_file_problem(lang: Lang, p: &crate::core::checklist::FileProblem) -> String {
    use crate::core::checklist::FileProblem as P;
    match p {
        P::TooLarge { size, limit } => say::FileTooLarge {
            size_mb: &(size / 1024 / 1024).to_string(),
            limit_mb: &(limit / 1024 / 1024).to_string(),
        }
        .text(lang),
        P::NotUtf8 => Msg::NotUtf8Text.text(lang).into(),
        P::Invalid(errors) => checklist_errors(lang, errors),
        P::Clash(clash) => say::ChecklistClash {
            id: &clash.id,
            version: &clash.version,
        }
        .text(lang),
        P::Submission => Msg::ChecklistIsSubmission.text(lang).into(),
    }
}
