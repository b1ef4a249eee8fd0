//! File names every file system accepts, from school and county names.

/// Keeps letters (Chinese included), digits, `-` and `_`; every run of anything else
/// (slashes, colons, quotes, spaces, brackets, control characters) becomes one `_`, and none
/// is left at either end. At most 40 characters; empty when nothing usable is left.
pub fn safe_part(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.push(c);
        } else if !out.ends_with('_') {
            out.push('_');
        }
    }
    out.trim_matches('_').chars().take(40).collect()
}

/// A file name from parts: the usable ones joined by `-` (empty ones left out), or `fallback`.
pub fn join_parts(parts: &[&str], fallback: &str, extension: &str) -> String {
    let parts: Vec<String> = parts
        .iter()
        .map(|p| safe_part(p))
        .filter(|p| !p.is_empty())
        .collect();
    let stem = if parts.is_empty() {
        fallback.to_string()
    } else {
        parts.join("-")
    };
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::{join_parts, safe_part};

    #[test]
    fn names_are_safe_everywhere() {
        assert_eq!(safe_part("城关镇第一小学"), "城关镇第一小学");
        assert_eq!(safe_part("a/b\\c:d*e?\"<>|"), "a_b_c_d_e");
        assert_eq!(safe_part("  "), "");
        assert_eq!(safe_part("../../etc"), "etc");
        assert_eq!(safe_part("衡阳县第一中学（副本）"), "衡阳县第一中学_副本");
        assert_eq!(safe_part("=HYPERLINK(1)"), "HYPERLINK_1");
        assert_eq!(safe_part(&"长".repeat(100)).chars().count(), 40);
    }

    #[test]
    fn names_are_built_from_the_parts_that_are_filled() {
        assert_eq!(
            join_parts(
                &[
                    "",
                    "衡阳县第一中学（副本）",
                    "zlpj-school",
                    "",
                    "2026-11-25"
                ],
                "x",
                "json"
            ),
            "衡阳县第一中学_副本-zlpj-school-2026-11-25.json"
        );
        assert_eq!(join_parts(&["", " / "], "ziping", "csv"), "ziping.csv");
    }
}
