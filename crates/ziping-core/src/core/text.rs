//! Characters a person cannot see. A leaf: school codes (`aggregate::identity`) and checklist
//! ids (`checklist`) both refuse or drop them.

/// A character a person cannot see: zero-width, bidi and other format characters, controls.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
        || c.is_control()
}
