//! The pure core: checklists, answers, scoring, export and aggregation.
//!
//! Invariants: no I/O, no clock, no browser crates (yew, web-sys, gloo, js-sys,
//! wasm-bindgen). Functions that need "now" take it as an argument.

pub mod aggregate;
pub mod answers;
pub mod builtin;
pub mod canonical;
pub mod checklist;
pub mod checklist_csv;
pub mod checklist_diff;
pub mod checklist_path;
pub mod csv_cell;
pub mod decimal;
pub mod export;
pub mod filename;
pub mod format;
pub mod history;
pub mod json;
pub mod model;
mod model_raw;
pub mod package;
pub mod plausible;
pub mod roster_csv;
pub mod rules;
pub mod school;
pub mod school_year;
pub mod score;
pub mod text;
pub mod time;
