//! Reusable pieces of the screen.

mod charts;
mod checklist_list;
mod header;
mod item_card;
mod save_bar;

pub use charts::{area_bars, indicator_chart, radar, ChartProps};
pub use checklist_list::{checklist_list, pick};
pub use header::header;
pub use item_card::{outcome_class, outcome_msg, slot_dom_id, InputField, ItemCard};
pub use save_bar::save_bar;
