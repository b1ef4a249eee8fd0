//! The app's effects, one hook each: they watch the state and talk to the browser; the
//! decisions are the reducer's.

mod autosave;
mod download;
mod other_tabs;
mod restore;

pub use autosave::use_autosave;
pub use download::use_download;
pub use other_tabs::use_other_tabs;
pub use restore::{use_offline_ready, use_restore, use_saved_prefs};
