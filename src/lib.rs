//! 自评 ziping: school quality self-assessment.
//!
//! `core` decides everything (checklists, scoring, export, aggregation) and never touches
//! the browser or the clock; `i18n` and `state` are pure too. `app` is the Yew shell and
//! exists only when compiling for the browser.

pub mod core;
pub mod i18n;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod app;
