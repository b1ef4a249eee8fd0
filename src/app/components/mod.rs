//! Reusable pieces of the screen.

mod header;

pub use header::Header;
