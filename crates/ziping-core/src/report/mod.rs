//! Writers that word whole things for people: the county's tables as CSV, the app's notices.
//! They sit above the catalogue (`i18n`), which words each typed fact, and above the reducers
//! (`state`), which keep their notices typed; the domain below returns only facts.

pub mod county_csv;
pub mod notice;
