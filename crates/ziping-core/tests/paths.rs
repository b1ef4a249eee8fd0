//! The typed path codec of 制作县级清单: every field's JSON path reads back as that field, and
//! a problem's place is the field's part and the field itself; paths that name no field read
//! as none (never as another field).

use proptest::prelude::*;
use ziping_core::core::checklist_path::{ItemField, Loc, Node, Place, PlaceField, Target};
use ziping_core::core::model::{Lang, SchoolType};

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Zh), Just(Lang::En)]
}

fn school_type() -> impl Strategy<Value = SchoolType> {
    prop_oneof![
        Just(SchoolType::Primary),
        Just(SchoolType::Junior),
        Just(SchoolType::NineYear)
    ]
}

fn n() -> impl Strategy<Value = usize> {
    prop_oneof![0usize..12, 0usize..100_000]
}

fn loc() -> impl Strategy<Value = Loc> {
    (n(), n(), n()).prop_map(|(area, indicator, item)| Loc {
        area,
        indicator,
        item,
    })
}

fn item_field() -> impl Strategy<Value = ItemField> {
    prop_oneof![
        Just(ItemField::Id),
        lang().prop_map(ItemField::Text),
        lang().prop_map(ItemField::Guidance),
        Just(ItemField::Points),
        Just(ItemField::Unit),
        Just(ItemField::Clause),
        school_type().prop_map(ItemField::RuleValue),
        school_type().prop_map(ItemField::RuleMax),
        (n(), lang()).prop_map(|(k, l)| ItemField::LevelLabel(k, l)),
        (n(), lang()).prop_map(|(k, l)| ItemField::LevelDescription(k, l)),
        n().prop_map(ItemField::LevelPoints),
    ]
}

fn target() -> impl Strategy<Value = Target> {
    prop_oneof![
        Just(Target::Id),
        Just(Target::Version),
        lang().prop_map(Target::Title),
        lang().prop_map(Target::Description),
        lang().prop_map(Target::Issuer),
        lang().prop_map(Target::VetoGrade),
        (n(), lang()).prop_map(|(a, l)| Target::AreaTitle(a, l)),
        n().prop_map(Target::AreaPassRate),
        (n(), n(), lang()).prop_map(|(a, i, l)| Target::IndicatorTitle(a, i, l)),
        (loc(), item_field()).prop_map(|(loc, f)| Target::Item(loc, f)),
        (n(), lang()).prop_map(|(g, l)| Target::GradeLabel(g, l)),
        n().prop_map(Target::GradeMin),
        (n(), lang()).prop_map(|(g, l)| Target::GroupTitle(g, l)),
        n().prop_map(Target::GroupItems),
        n().prop_map(Target::GroupMinPass),
        n().prop_map(Target::GroupFloor),
        n().prop_map(Target::GroupClause),
        Just(Target::SplitPrimary),
        Just(Target::SplitJunior),
        n().prop_map(Target::SourceTitle),
        n().prop_map(Target::SourceDocNo),
    ]
}

proptest! {
    #[test]
    fn every_field_reads_back_from_its_path(t in target()) {
        prop_assert_eq!(Target::parse(&t.path()), Some(t));
        prop_assert_eq!(
            Place::of(&t.path()),
            Place { node: t.node(), field: Some(PlaceField::Target(t)) }
        );
    }

    /// A path cut short or with something added names no field, or another one whose path
    /// it is (never a field whose path differs).
    #[test]
    fn a_changed_path_never_reads_as_a_field_it_is_not(t in target(), cut in 0usize..40, extra in "[a-z.\\[\\]0-9]{0,6}") {
        let path = t.path();
        let cut = cut.min(path.len());
        for changed in [format!("{}{extra}", &path[..cut]), format!("{path}{extra}")] {
            if let Some(other) = Target::parse(&changed) {
                prop_assert_eq!(other.path(), changed);
            }
        }
    }
}

#[test]
fn problems_beside_the_fields_have_their_places() {
    let item = Loc {
        area: 1,
        indicator: 0,
        item: 2,
    };
    let at = |p: &str| Place::of(p);
    assert_eq!(
        at("areas[1].indicators[0].items[2].veto"),
        Place {
            node: Some(Node::Item(item)),
            field: Some(PlaceField::ItemVeto)
        }
    );
    assert_eq!(
        at("areas[1].indicators[0].items[2].kind.rule.junior.op").field,
        Some(PlaceField::ItemRule(Some(SchoolType::Junior)))
    );
    assert_eq!(
        at("areas[1].indicators[0].items[2].kind.levels").field,
        Some(PlaceField::ItemLevels)
    );
    assert_eq!(
        at("areas[1].indicators[0].items[2].source.source").field,
        Some(PlaceField::ItemSource)
    );
    assert_eq!(
        at("group_rules[0].source").field,
        Some(PlaceField::GroupSource)
    );
    // One listed item of a group rule (unknown, twice, without a threshold): its list's field
    // (it was no field: the problem could not be followed to where it is typed).
    assert_eq!(
        at("group_rules[1].items[2]").field,
        Some(PlaceField::Target(Target::GroupItems(1)))
    );
    assert_eq!(
        at("areas[3].indicators[1]"),
        Place {
            node: Some(Node::Indicator(3, 1)),
            field: None
        }
    );
    assert_eq!(
        at("$"),
        Place {
            node: None,
            field: None
        }
    );
    // An index written another way is not the field's path.
    assert_eq!(Target::parse("grades[01].min_percent"), None);
    assert_eq!(Target::parse("grades[+1].min_percent"), None);
}
