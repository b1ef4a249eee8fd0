//! Which files are the same school. A school is its code, compared after normalising (NFKC,
//! no zero-width or other invisible characters, no spaces, ASCII letters in upper case), with
//! its name as a cross-check; a file without a code is matched by name and county, and joins
//! a coded school with the same name and county.

use crate::core::text::is_invisible;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// Text as compared: NFKC (full-width digits and letters become ASCII), invisible format
/// characters (zero-width spaces and joiners, BOM, bidi marks) and all white space removed,
/// ASCII letters upper-cased.
pub fn normalize(text: &str) -> String {
    // Most codes and names are compared as they are: copied, not walked through NFKC.
    if text.chars().all(|c| {
        (c.is_ascii_graphic() && !c.is_ascii_lowercase()) || ('\u{4E00}'..='\u{9FFF}').contains(&c)
    }) {
        return text.to_owned();
    }
    // NFKC may lengthen text (㈱ is three characters), rarely: room for it as it is.
    let mut out = String::with_capacity(text.len());
    out.extend(visible_nfkc(text).map(|c| c.to_ascii_uppercase()));
    out
}

/// A county's name as shown and grouped everywhere (county mode, the CLI, the province
/// table): NFKC, invisible characters and white space removed, so "示例县 " and "示例县" are one
/// county in every figure and in docs/province.md's SQL.
pub fn county_name(text: &str) -> String {
    visible_nfkc(text).collect()
}

/// The characters of `text` in NFKC, without white space and invisible characters.
fn visible_nfkc(text: &str) -> Box<dyn Iterator<Item = char> + '_> {
    let chars: Box<dyn Iterator<Item = char>> = if plainly_nfkc(text) {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkc())
    };
    Box::new(chars.filter(|c| !c.is_whitespace() && !is_invisible(*c)))
}

/// Text made only of ASCII and CJK Unified Ideographs (U+4E00–U+9FFF), as most codes, names
/// and counties are: NFKC leaves it as it is (none of these characters decomposes, and without
/// a combining mark nothing composes), so its decomposing and recomposing, a third of the
/// aggregation's instructions, is skipped. (Unicode's own quick check costs as much as NFKC.)
fn plainly_nfkc(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// A school code as compared: normalised, and empty when what was typed only holds the place
/// of a code (无, 0, /, N/A, one character repeated …): 300 schools that typed 无 are 300
/// schools, not one school in conflict with itself.
pub fn school_code(text: &str) -> String {
    let code = normalize(text);
    if is_placeholder(&code) {
        String::new()
    } else {
        code
    }
}

/// Words schools type where they have no code (compared after [`normalize`]).
const PLACEHOLDERS: &[&str] = &[
    "无",
    "空",
    "暂无",
    "没有",
    "待定",
    "未知",
    "不详",
    "未填",
    "无代码",
    "待补",
    "略",
    "NA",
    "N/A",
    "NULL",
    "NONE",
    "NIL",
    "UNKNOWN",
    "TBD",
    "TODO",
];

/// A normalised code that is no code: empty, a placeholder word, no letter or digit at all
/// (`/`, `-`, `——`), or one character repeated (`0`, `0000000000`, `x`).
pub fn is_placeholder(code: &str) -> bool {
    let mut chars = code.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    PLACEHOLDERS.contains(&code)
        || !code.chars().any(char::is_alphanumeric)
        || code.chars().all(|c| c == first)
}

/// What a file says about who it is from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Who {
    pub code: String,
    pub name: String,
    pub county: String,
}

impl Who {
    pub fn new(code: &str, name: &str, county: &str) -> Who {
        Who {
            code: school_code(code),
            name: normalize(name),
            county: normalize(county),
        }
    }
}

/// Groups files (by index) that are the same school: first by code; then each file without a
/// code joins the first group with its name and county, or starts one.
pub fn group(who: &[(usize, Who)]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    // (name, county) → the first group with a file of that name and county.
    let mut by_place: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (n, w) in who.iter().filter(|(_, w)| !w.code.is_empty()) {
        let g = *by_code.entry(w.code.as_str()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(*n);
        by_place
            .entry((w.name.as_str(), w.county.as_str()))
            .or_insert(g);
    }
    for (n, w) in who.iter().filter(|(_, w)| w.code.is_empty()) {
        let g = *by_place
            .entry((w.name.as_str(), w.county.as_str()))
            .or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
        groups[g].push(*n);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_school_typed_four_ways_is_one_school() {
        assert_eq!(normalize(" ４３０７２５０００１ "), "4307250001");
        assert_eq!(normalize("4307\u{200B}250001"), "4307250001");
        assert_eq!(normalize("城关镇 第一小学"), "城关镇第一小学");
        assert_eq!(normalize("ab-12"), "AB-12");
        let who = [
            (0, Who::new("4307250001", "城关一小", "桃源县")),
            (1, Who::new("", "城关一小", "桃源县")),
            (2, Who::new("４３０７２５０００１", "城关一小", "桃源县")),
            (3, Who::new("4307\u{200B}250001", "城关一小", "桃源县")),
            // Same name in another county: another school.
            (4, Who::new("", "城关一小", "汉寿县")),
        ];
        assert_eq!(group(&who), vec![vec![0, 2, 3, 1], vec![4]]);
    }

    #[test]
    fn placeholders_are_no_code_and_real_codes_are_codes() {
        for p in [
            "无",
            "0",
            "/",
            "-",
            "空",
            "暂无",
            "N/A",
            "0000000000",
            "1111",
            "——",
            " ｎｕｌｌ ",
        ] {
            assert_eq!(school_code(p), "", "{p:?}");
        }
        for c in ["4307250001", "CG01", "01", "城关一小"] {
            assert_eq!(school_code(c), normalize(c), "{c:?}");
        }
        assert_eq!(county_name(" 示例\u{200B}县 "), "示例县");
        assert_eq!(county_name("ＡＢ县"), "AB县");
    }

    /// The shortcut skips NFKC only where NFKC would change nothing: compatibility
    /// ideographs, half-width katakana, circled digits, ligatures, a combining accent and
    /// Hangul jamo come out as full NFKC makes them, beside text that is NFKC already.
    #[test]
    fn text_already_in_nfkc_is_compared_as_nfkc_would_make_it() {
        for text in [
            "城关一小",
            "4307250001",
            "\u{F91D}城\u{FA11}小", // compatibility ideographs
            "ｶﾀｶﾅ①②",
            "ﬁve ㈱ ㎡",
            "e\u{301}cole",
            "\u{1100}\u{1161}",
            "示例县\u{3000}第二中学",
            // Next to what the shortcut copies: spaces, controls, radicals, compatibility
            // ideographs.
            " ",
            "\t",
            "A B",
            "4307\n250001\u{7F}",
            "\u{2F00}",
            "\u{F900}",
        ] {
            let full: String = text
                .nfkc()
                .filter(|c| !c.is_whitespace() && !is_invisible(*c))
                .collect();
            assert_eq!(county_name(text), full, "{text:?}");
            assert_eq!(normalize(text), full.to_ascii_uppercase(), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Whatever the text, the shortcuts give what the whole rule gives: codes, names and
        /// counties in ASCII and CJK (copied as they are), with spaces, zero-width characters,
        /// full-width and compatibility forms, or any printable Unicode.
        #[test]
        fn normalize_is_nfkc_without_spaces_or_invisibles_in_upper_case(
            text in "[ -~\t\n\r\u{0}\u{7F}\u{3000}\u{200B}\u{FEFF}\u{4E00}-\u{4E20}\u{9FF0}-\u{9FFF}\u{F900}-\u{F910}\u{FF10}-\u{FF5A}\u{2460}-\u{2470}]{0,12}|\\PC{0,12}"
        ) {
            let full: String = text
                .nfkc()
                .filter(|c| !c.is_whitespace() && !is_invisible(*c))
                .collect();
            proptest::prop_assert_eq!(normalize(&text), full.to_ascii_uppercase());
        }
    }
}
