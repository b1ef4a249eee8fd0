//! The words for 制作县级清单's places: a field's name as its label says it ("项目内容（中文）"),
//! for the problems list.

use super::*;
use crate::core::checklist_path::{ItemField, PlaceField, Target};
use crate::core::model::SchoolType;

/// "（中文）" / " (English)" after a text field's name: which language's text it is.
pub fn lang_suffix(lang: Lang, of: Lang) -> &'static str {
    match of {
        Lang::Zh => Msg::EditorZh.text(lang),
        Lang::En => Msg::EditorEn.text(lang),
    }
}

/// A field's name, as its label says it.
pub fn place_field_name(lang: Lang, field: PlaceField) -> String {
    let rule =
        |t: SchoolType, what: Msg| format!("{} {}", school_type_name(lang, t), what.text(lang));
    let (msg, of) = match field {
        PlaceField::Target(t) => match t {
            Target::Id => (Msg::EditorFieldId, None),
            Target::Version => (Msg::EditorFieldVersion, None),
            Target::Title(l) => (Msg::EditorFieldTitle, Some(l)),
            Target::Description(l) => (Msg::EditorFieldDescription, Some(l)),
            Target::Issuer(l) => (Msg::EditorFieldIssuer, Some(l)),
            Target::VetoGrade(l) => (Msg::EditorFieldVetoGrade, Some(l)),
            Target::AreaTitle(_, l) => (Msg::EditorAreaTitle, Some(l)),
            Target::AreaPassRate(_) => (Msg::EditorAreaPassRate, None),
            Target::IndicatorTitle(_, _, l) => (Msg::EditorIndicatorTitle, Some(l)),
            Target::Item(_, f) => match f {
                ItemField::Id => (Msg::EditorItemId, None),
                ItemField::Text(l) => (Msg::EditorItemText, Some(l)),
                ItemField::Guidance(l) => (Msg::EditorItemGuidance, Some(l)),
                ItemField::Points => (Msg::EditorItemPoints, None),
                ItemField::Unit => (Msg::EditorItemUnit, None),
                ItemField::Clause => (Msg::EditorItemClause, None),
                ItemField::RuleValue(t) => return rule(t, Msg::EditorRuleValue),
                ItemField::RuleMax(t) => return rule(t, Msg::EditorRuleMax),
                ItemField::LevelLabel(_, l) => (Msg::EditorLevelLabel, Some(l)),
                ItemField::LevelDescription(_, l) => (Msg::EditorLevelDescription, Some(l)),
                ItemField::LevelPoints(_) => (Msg::EditorLevelPoints, None),
            },
            Target::GradeLabel(_, l) => (Msg::EditorGradeLabel, Some(l)),
            Target::GradeMin(_) => (Msg::EditorGradeMin, None),
            Target::GroupTitle(_, l) => (Msg::EditorGroupTitle, Some(l)),
            Target::GroupItems(_) => (Msg::EditorGroupItems, None),
            Target::GroupMinPass(_) => (Msg::EditorGroupMinPass, None),
            Target::GroupFloor(_) => (Msg::EditorGroupFloor, None),
            Target::GroupClause(_) => (Msg::EditorItemClause, None),
            Target::SplitPrimary => (Msg::EditorSplitPrimary, None),
            Target::SplitJunior => (Msg::EditorSplitJunior, None),
            Target::SourceTitle(_) => (Msg::EditorSourceTitle, None),
            Target::SourceDocNo(_) => (Msg::EditorSourceDocNo, None),
        },
        PlaceField::ItemVeto => (Msg::FieldNameVeto, None),
        PlaceField::ItemAppliesTo => (Msg::EditorAppliesTo, None),
        PlaceField::ItemSource | PlaceField::GroupSource => (Msg::EditorItemSource, None),
        PlaceField::ItemLevels => (Msg::EditorLevels, None),
        PlaceField::ItemRule(Some(t)) => return rule(t, Msg::EditorRuleValue),
        PlaceField::ItemRule(None) => (Msg::EditorRules, None),
    };
    format!(
        "{}{}",
        msg.text(lang),
        of.map_or("", |l| lang_suffix(lang, l))
    )
}
