//! The browser's services, one module per job. Everything that touches web-sys, gloo or
//! IndexedDB lives here; failures are reported as values, never panics (a browser with storage
//! disabled still runs the app and says it cannot save).

pub mod clock;
pub mod drafts;
pub mod files;
pub mod page;
pub mod prefs;
pub mod tabs;
