//! One module per page.

mod start;

pub use start::Start;
