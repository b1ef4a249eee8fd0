//! File names every file system accepts, from school and county names.

/// Keeps letters (Chinese included), digits, `-` and `_`; everything else (slashes, colons,
/// quotes, spaces, control characters) becomes `_`. Never empty, at most 40 characters.
pub fn safe_part(text: &str) -> String {
    let cleaned: String = text
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    if cleaned.trim_matches('_').is_empty() {
        "_".into()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::safe_part;

    #[test]
    fn names_are_safe_everywhere() {
        assert_eq!(safe_part("城关镇第一小学"), "城关镇第一小学");
        assert_eq!(safe_part("a/b\\c:d*e?\"<>|"), "a_b_c_d_e_____");
        assert_eq!(safe_part("  "), "_");
        assert_eq!(safe_part("../../etc"), "______etc");
        assert_eq!(safe_part(&"长".repeat(100)).chars().count(), 40);
    }
}
