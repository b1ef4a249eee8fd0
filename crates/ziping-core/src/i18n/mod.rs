//! The string catalogue: every text a user sees, in Chinese and English, in one place.
//!
//! Keys are an enum, so a missing translation is a compile error rather than a blank on screen.

pub use crate::core::model::Lang;

mod roster;
pub use roster::{roster_issue, roster_problem, settings_problem, settings_problems};

macro_rules! catalogue {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A key into the catalogue.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            /// Every key, for tests that check the catalogue as a whole.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The text of this key in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$key, Lang::Zh) => $zh,
                        (Msg::$key, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

macro_rules! sayings {
    ($($key:ident { $($arg:ident),* } => $zh:literal, $en:literal;)*) => {
        /// A message with values in it. Each value is a named field, so passing them in the
        /// wrong order does not compile (a positional `fill` once printed "7 of 5 schools").
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Say<'a> { $($key { $($arg: &'a str),* }),* }

        impl Say<'_> {
            /// Every message's name, templates and fields, for the test that each template
            /// uses exactly its fields.
            pub const TEMPLATES: &'static [(&'static str, &'static str, &'static str, &'static [&'static str])] =
                &[$((stringify!($key), $zh, $en, &[$(stringify!($arg)),*])),*];

            /// The message in `lang`, its values in their places.
            pub fn text(&self, lang: Lang) -> String {
                match *self {
                    $(Say::$key { $($arg),* } => render(
                        match lang { Lang::Zh => $zh, Lang::En => $en },
                        &[$((stringify!($arg), $arg)),*],
                    ),)*
                }
            }
        }
    };
}

/// Puts each value where its `{name}` stands, in one pass (a value is never read as a
/// placeholder); `{name|one|other}` puts `one` when the value of `name` is 1, else `other` (an
/// English noun after its count: "{rows} {rows|row|rows}").
fn render(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) => {
                // `{name|one|other}`: a noun that agrees with the count `name`.
                let (name, forms) = match name.split_once('|') {
                    Some((name, forms)) => (name, forms.split_once('|')),
                    None => (name, None),
                };
                match values.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => match forms {
                        Some((one, other)) => out.push_str(if *v == "1" { one } else { other }),
                        None => out.push_str(v),
                    },
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

mod catalogue;
mod checklist;
mod county;
mod editor;
mod sayings;
mod school;
mod shortfall;
pub use catalogue::Msg;
pub use checklist::*;
pub use county::*;
pub use editor::*;
pub use sayings::Say;
pub use school::*;
pub use shortfall::*;

impl Lang {
    /// The colon after a label: full width in Chinese.
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Zh => "：",
            Lang::En => ": ",
        }
    }

    /// Text in parentheses: full width in Chinese.
    pub fn paren(self, text: &str) -> String {
        match self {
            Lang::Zh => format!("（{text}）"),
            Lang::En => format!(" ({text})"),
        }
    }
}

#[cfg(test)]
mod tests;
