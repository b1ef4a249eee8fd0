//! Reusable pieces of the screen.

mod charts;
mod checklist_list;
mod comparison;
mod field;
mod header;
mod item_card;
mod review;
mod save_bar;

pub use charts::{area_bars, indicator_chart, radar, ChartProps};
pub use checklist_list::{checklist_list, pick, read_checklist_file};
pub use comparison::comparison;
pub use field::{field_label, messages, messages_dom_id, problem_text, slot_dom_id, warning_text};
pub use header::header;
pub use item_card::{outcome_class, InputField, ItemCard};
pub use review::{review_section, review_table};
pub use save_bar::save_bar;

/// A number shown with its unit in the interface language ("46 人", "0.6 个百分点", "96 %"),
/// or alone where the unit says nothing in it.
pub fn with_unit(ctx: &crate::app::Ctx, number: String, unit: &str) -> String {
    match crate::i18n::unit_after(ctx.lang, unit, &number) {
        "" => number,
        u => format!("{number} {u}"),
    }
}
