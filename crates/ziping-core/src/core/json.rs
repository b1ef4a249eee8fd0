//! What serde found wrong in a JSON file, as a type the interface can word in either language.

/// What is wrong with a field of a file, as serde found it. Typed here, next to the one place
/// serde is asked, so the interface words it without reading serde's English.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum FieldProblem {
    #[error("missing field `{field}`")]
    Missing { field: String },
    #[error("unknown field `{field}`")]
    Unknown { field: String },
    #[error("unknown value `{value}`")]
    UnknownValue { value: String },
    /// A value of the wrong JSON type (a string where a number belongs, a negative count …).
    #[error("a {found:?} where a {expected:?} belongs")]
    WrongType { found: JsonKind, expected: JsonKind },
    /// The text ends before the JSON does (a file cut short).
    #[error("the file ends too soon")]
    Truncated,
    /// Not JSON where it stands (a stray comma, a missing quote).
    #[error("not valid JSON")]
    Syntax,
    /// A value JSON cannot carry (a number too large for a double): the file cannot be checked.
    #[error("a value JSON cannot carry")]
    Unwritable,
    /// An object with one key twice: JSON readers disagree on which value counts (serde_json
    /// keeps the last, others the first), so the file cannot be checked. ziping never writes one.
    #[error("a key appears twice")]
    DuplicateKey,
    /// Something else serde found wrong; its English is not kept (the interface words it).
    #[error("does not fit the format")]
    Other,
}

/// What a JSON value is, as a person needs to know it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum JsonKind {
    Text,
    Number,
    /// A whole number not below zero (a count).
    WholeNumber,
    Boolean,
    Null,
    List,
    Object,
    Other,
}

impl JsonKind {
    /// The kind serde names as what it found (`string "abc"`, `integer `-1``, `map` …).
    fn found(text: &str) -> JsonKind {
        let first = text.split_whitespace().next().unwrap_or_default();
        match first {
            "string" | "character" => JsonKind::Text,
            "integer" | "floating" => JsonKind::Number,
            "boolean" => JsonKind::Boolean,
            "null" | "unit" => JsonKind::Null,
            "sequence" => JsonKind::List,
            "map" => JsonKind::Object,
            _ => JsonKind::Other,
        }
    }

    /// The kind serde names as what it expected (`f64`, `u32`, `a string`, `struct Doc` …).
    fn expected(text: &str) -> JsonKind {
        let t = text.trim_start_matches("a ").trim_start_matches("an ");
        let first = t.split([' ', '<']).next().unwrap_or_default();
        match first {
            "f64" | "f32" | "number" | "float" | "i8" | "i16" | "i32" | "i64" | "isize" => {
                JsonKind::Number
            }
            "u8" | "u16" | "u32" | "u64" | "usize" | "integer" => JsonKind::WholeNumber,
            "string" | "borrowed" | "char" | "character" => JsonKind::Text,
            "boolean" | "bool" => JsonKind::Boolean,
            "sequence" | "tuple" | "seq" | "Vec" => JsonKind::List,
            "struct" | "map" => JsonKind::Object,
            _ => JsonKind::Other,
        }
    }
}

impl FieldProblem {
    /// Sorts serde's error into its kind. serde_json keeps only a message, so its wording is
    /// read here once (tests pin each kind to a real serde error).
    pub fn from_serde(e: &serde_json::Error) -> FieldProblem {
        match e.classify() {
            serde_json::error::Category::Eof => return FieldProblem::Truncated,
            serde_json::error::Category::Syntax => return FieldProblem::Syntax,
            _ => {}
        }
        let message = e.to_string();
        // serde_json appends " at line L column C"; the kind and the name come before it.
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        let quoted = || message.split('`').nth(1).unwrap_or_default().to_string();
        if message.starts_with("missing field") {
            FieldProblem::Missing { field: quoted() }
        } else if message.starts_with("unknown field") {
            FieldProblem::Unknown { field: quoted() }
        } else if message.starts_with("a key twice") || message.starts_with("duplicate field") {
            FieldProblem::DuplicateKey
        } else if message.starts_with("unknown variant") {
            FieldProblem::UnknownValue { value: quoted() }
        } else if let Some(rest) = message
            .strip_prefix("invalid type: ")
            .or_else(|| message.strip_prefix("invalid value: "))
        {
            let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, ""));
            FieldProblem::WrongType {
                found: JsonKind::found(found),
                expected: JsonKind::expected(expected),
            }
        } else {
            FieldProblem::Other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::FieldProblem;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        count: u64,
        kind: Kind,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Primary,
    }

    fn problem(json: &str) -> FieldProblem {
        FieldProblem::from_serde(&serde_json::from_str::<Doc>(json).unwrap_err())
    }

    /// Each kind from a real serde error: if serde words them otherwise, this fails.
    #[test]
    fn serde_errors_are_sorted_by_kind() {
        assert_eq!(
            problem(r#"{"count":1,"count":2,"kind":"primary"}"#),
            FieldProblem::DuplicateKey
        );
        assert_eq!(
            problem(r#"{"kind":"primary"}"#),
            FieldProblem::Missing {
                field: "count".into()
            }
        );
        assert_eq!(
            problem(r#"{"count":1,"kind":"primary","extra":2}"#),
            FieldProblem::Unknown {
                field: "extra".into()
            }
        );
        assert_eq!(
            problem(r#"{"count":1,"kind":"senior"}"#),
            FieldProblem::UnknownValue {
                value: "senior".into()
            }
        );
        use super::JsonKind;
        assert_eq!(
            problem(r#"{"count":"1","kind":"primary"}"#),
            FieldProblem::WrongType {
                found: JsonKind::Text,
                expected: JsonKind::WholeNumber
            }
        );
        assert_eq!(
            problem(r#"{"count":-1,"kind":"primary"}"#),
            FieldProblem::WrongType {
                found: JsonKind::Number,
                expected: JsonKind::WholeNumber
            }
        );
        assert_eq!(
            problem(r#"{"count":1.5,"kind":"primary"}"#),
            FieldProblem::WrongType {
                found: JsonKind::Number,
                expected: JsonKind::WholeNumber
            }
        );
        assert_eq!(
            problem(r#"{"count":true,"kind":"primary"}"#),
            FieldProblem::WrongType {
                found: JsonKind::Boolean,
                expected: JsonKind::WholeNumber
            }
        );
        assert_eq!(
            problem(r#""x""#),
            FieldProblem::WrongType {
                found: JsonKind::Text,
                expected: JsonKind::Object
            }
        );
        // Not JSON at all: a file cut short, and one written wrong. Named, not serde's English.
        assert_eq!(problem(r#"{"count": 1,"#), FieldProblem::Truncated);
        assert_eq!(problem(r#"{"count": 1,,}"#), FieldProblem::Syntax);
        assert_eq!(
            crate::i18n::field_problem(crate::i18n::Lang::Zh, &FieldProblem::Truncated),
            "文件在中途结束（不完整）"
        );
    }
}
