//! Reusable pieces of the screen.

mod charts;
mod checklist_list;
mod header;
mod item_card;
mod save_bar;

pub use charts::{AreaBars, IndicatorChart, Radar};
pub use checklist_list::{pick, ChecklistList};
pub use header::Header;
pub use item_card::{outcome_class, outcome_msg, slot_dom_id, InputField, ItemCard};
pub use save_bar::SaveBar;
