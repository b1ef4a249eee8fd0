//! One module per page.

mod county;
mod fill;
mod import;
mod plan;
mod profile;
mod report;
mod results;
mod start;
mod workspace;

pub use county::County;
pub use start::Start;
pub use workspace::Workspace;
