//! Reusable pieces of the screen.

mod checklist_list;
mod header;

pub use checklist_list::ChecklistList;
pub use header::Header;
