//! 自评 ziping, the browser app: the Yew shell over `ziping-core`.
//!
//! The pure modules are re-exported under their old names, so the shell reads
//! `crate::core::…`; `app` exists only when compiling for the browser.

pub use ziping_core::{core, i18n, state};

#[cfg(target_arch = "wasm32")]
pub mod app;
