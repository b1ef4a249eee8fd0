//! Text as people read it. A leaf: characters a person cannot see (school codes,
//! `aggregate::identity`, and checklist ids, `checklist`, refuse or drop them), and names in
//! the order people count them.

/// A character a person cannot see: zero-width, bidi and other format characters, controls.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FEFF}')
        || c.is_control()
}

/// Names and file names in the order people count them: the numbers in them as numbers
/// (第2 before 第10 before 第100), the rest as text. Every list sorted by school uses it.
pub fn compare_names(a: &str, b: &str) -> std::cmp::Ordering {
    alphanumeric_sort::compare_str(a, b)
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_sort_as_people_count() {
        let mut names = ["第10学校", "第100学校", "第2学校", "第0学校", "城关小学"];
        names.sort_by(|a, b| super::compare_names(a, b));
        assert_eq!(
            names,
            ["城关小学", "第0学校", "第2学校", "第10学校", "第100学校"]
        );
    }
}
