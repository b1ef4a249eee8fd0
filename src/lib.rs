//! 自评 ziping, the browser app: the Yew shell over `ziping-core`.
//!
//! The pure modules are re-exported under their old names, so the shell reads
//! `crate::core::…`. `app` is the principal's app; `county` is county mode, a page and a
//! bundle of its own; both exist only when compiling for the browser.

pub use ziping_core::{core, i18n, report, sample, state};

#[cfg(target_arch = "wasm32")]
pub mod app;

#[cfg(target_arch = "wasm32")]
pub mod county;
