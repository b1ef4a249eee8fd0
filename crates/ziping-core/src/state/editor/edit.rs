//! What 制作县级清单 can add (`NewItem`) and every edit (`ChecklistEdit`); where a field is
//! (`Target`, `Node`, `Loc`) is `core::checklist_path`.

use super::*;

/// The kind of a new item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewItem {
    /// 达标 / 未达标.
    YesNo,
    /// A number the school enters, with a rule per school type.
    Number,
}

/// One change to a checklist draft.
#[derive(Clone, Debug, PartialEq)]
pub enum ChecklistEdit {
    /// A text or number, as typed.
    Set(Target, String),
    /// An item's rule for a school type: its comparison, or none (the item does not apply).
    SetOp(Loc, SchoolType, Option<Op>),
    SetVeto(Loc, bool),
    /// Makes a 达标/未达标 item a number item (a rule "≥ 0" per school type, to be set) or a
    /// number item a 达标/未达标 one (its rule goes). Other kinds keep theirs: a formula or
    /// levels are not made in a form.
    SetKind(Loc, NewItem),
    /// Whether an item applies to a school type (its rule for the type is kept either way).
    SetApplies(Loc, SchoolType, bool),
    /// An item's source document (by the source's id).
    SetSource(Loc, String),
    /// A new area after the last, a new indicator at the end of an area, a new item at the
    /// end of an indicator.
    AddArea,
    AddIndicator(usize),
    AddItem(usize, usize, NewItem),
    Remove(Node),
    /// Moves a node one place up (`true`) or down among its siblings.
    Move(Node, bool),
    AddGrade,
    RemoveGrade(usize),
    /// A rule over several items ("at least N of these met, the others at least X % of their
    /// threshold"), and its source document (by the source's id).
    AddGroupRule,
    RemoveGroupRule(usize),
    SetGroupSource(usize, String),
    /// Whether a group rule's items are 资源配置 indicators (`GroupRule::spread`).
    SetGroupSpread(usize, bool),
    /// A source document of the county's own (its title and number are then set).
    AddSource,
}
