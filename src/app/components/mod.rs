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
