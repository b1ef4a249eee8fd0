//! One module per page.

mod fill;
mod import;
mod plan;
mod profile;
mod report;
mod results;
mod start;
mod workspace;

pub use fill::{place_text, Fill};
pub use report::Report;
pub use results::Results;
pub use start::Start;
pub use workspace::Workspace;
