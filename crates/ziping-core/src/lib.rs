//! 自评 ziping's pure code: everything that decides something.
//!
//! `core` is the domain (checklists, answers, scoring, submission files, county aggregation,
//! CSV), `state` the app's state and its reducer, `i18n` the message catalogue. This crate
//! depends on no browser crate and never reads the clock or does I/O: the browser app (the
//! root package) and the command line (`ziping-cli`) are thin shells over it.

pub mod core;
pub mod i18n;
pub mod report;
pub mod sample;
pub mod state;
