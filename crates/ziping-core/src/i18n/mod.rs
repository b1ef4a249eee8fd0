//! The string catalogue: every text a user sees, in Chinese and English, in one place.
//!
//! Keys are an enum, so a missing translation is a compile error rather than a blank on screen.

pub use crate::core::model::Lang;

mod roster;
pub use roster::{roster_issue, roster_problem, settings_problem, settings_problems};

macro_rules! catalogue {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A key into the catalogue: a reference to its two texts. Each key is a constant, so
        /// a build keeps only the texts its code can show: the principal's app does not carry
        /// county mode's words, nor county mode's worker the app's. (One `match` over an enum
        /// of keys kept every text in every build.)
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct Msg(&'static Texts);

        #[allow(non_upper_case_globals)]
        impl Msg {
            $(pub const $key: Msg = Msg(&Texts { zh: $zh, en: $en });)*

            /// Every key, for tests that check the catalogue as a whole.
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The text of this key in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Zh => self.0.zh,
                    Lang::En => self.0.en,
                }
            }
        }

        /// A key's two texts.
        #[derive(PartialEq, Eq, Hash)]
        pub struct Texts {
            zh: &'static str,
            en: &'static str,
        }

        impl std::fmt::Debug for Msg {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "Msg({:?} / {:?})", self.0.zh, self.0.en)
            }
        }
    };
}

macro_rules! sayings {
    ($($key:ident { $($arg:ident),* } => $zh:literal, $en:literal;)*) => {
        $(
            /// A message with values in it: each value is a named field, so passing them in
            /// the wrong order does not compile (a positional `fill` once printed "7 of 5
            /// schools").
            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub struct $key<'a> { $(pub $arg: &'a str),* }

            impl $key<'_> {
                /// The message in `lang`, its values in their places.
                pub fn text(&self, lang: Lang) -> String {
                    let $key { $($arg),* } = *self;
                    render(
                        match lang { Lang::Zh => $zh, Lang::En => $en },
                        &[$((stringify!($arg), $arg)),*],
                    )
                }
            }

            impl Saying for $key<'_> {
                fn text(&self, lang: Lang) -> String {
                    $key::text(self, lang)
                }
            }
        )*

        /// Every message's name, templates and fields, for the test that each template uses
        /// exactly its fields.
        pub const TEMPLATES: &[(&str, &str, &str, &[&str])] =
            &[$((stringify!($key), $zh, $en, &[$(stringify!($arg)),*])),*];
    };
}

/// A message with values (one struct of [`say`] each), worded in a language. Each message is
/// its own type rather than one variant of an enum, so a build keeps only the templates its
/// code can say.
pub trait Saying {
    fn text(&self, lang: Lang) -> String;
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
pub mod say;
mod school;
mod shortfall;
pub use catalogue::Msg;
pub use checklist::*;
pub use county::*;
pub use editor::*;
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
