//! Writers that word a whole report for people: the county's tables as CSV. They sit above the
//! catalogue (`i18n`), which words each typed fact; the domain below returns only facts.

pub mod county_csv;
