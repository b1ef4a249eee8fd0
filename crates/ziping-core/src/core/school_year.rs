//! 学年 as typed and as the county groups it: `canonical_school_year` (the one place a typed
//! school year becomes the county's year), the year before one, the year after one. A leaf:
//! it uses nothing else of the crate.

/// The school year after `year` ("2025-2026" → "2026-2027"): kept in the form it was typed when
/// that is two years joined by one separator, else in the county's form for any year
/// `canonical_school_year` reads ("2025-26", "2025—2026学年" → "2026-2027"); unchanged only
/// when it is no school year at all (never last year's year on this year's file).
pub fn next_school_year(year: &str) -> String {
    let year = year.trim();
    let canonical_next = || {
        canonical_school_year(year).and_then(|y| {
            let (a, b) = y.split_once('-')?;
            Some(format!(
                "{}-{}",
                a.parse::<u32>().ok()? + 1,
                b.parse::<u32>().ok()? + 1
            ))
        })
    };
    let Some(sep) = year.find(|c: char| !c.is_ascii_digit()) else {
        return canonical_next().unwrap_or_else(|| year.to_string());
    };
    let (a, rest) = year.split_at(sep);
    let sep_len = rest.chars().next().map_or(0, char::len_utf8);
    let (sep, b) = rest.split_at(sep_len);
    match (a.parse::<u32>(), b.parse::<u32>()) {
        (Ok(a), Ok(b)) if a > 999 && b == a + 1 => format!("{}{sep}{}", a + 1, b + 1),
        _ => canonical_next().unwrap_or_else(|| year.to_string()),
    }
}

/// What may follow a school year's two years and be dropped: "2026—2027学年第一学期".
const SUFFIXES: [&str; 7] = [
    "学年第一学期",
    "学年第二学期",
    "第一学期",
    "第二学期",
    "学年度",
    "学年",
    "年度",
];

/// What may stand between the two years ("2026-2027", "2026至2027", "2026／2027").
const SEPARATORS: [char; 10] = ['-', '–', '—', '―', '~', '〜', '/', '至', '到', '－'];

/// Dashes the second year may start with after a separator ("2026 - -2027").
const DASHES: [char; 4] = ['-', '–', '—', '―'];

/// The one place a typed 学年 becomes the county's year: `2026-2027`, `2026-27`, `2026/2027`,
/// `2026—2027学年`, full-width digits and spaces all read as "2026-2027". Anything else (a lone
/// `2026`, which could be either of two school years; years that do not follow each other;
/// words) is `None`: the county refuses the file rather than keep a "year" of its own that
/// would leave an outdated file counted.
///
/// The text is read as its NFKC form would be (full-width "２０２６－２７", "①", "𝟐" and the like
/// read as their digits and dashes), through `nfkc_fold` rather than a normalisation library:
/// the tables such a library carries were an eighth of the principal's first load, and for the
/// characters a school year is written with the fold is NFKC exactly (proved over every
/// character in the tests).
pub fn canonical_school_year(year: &str) -> Option<String> {
    let mut text = String::with_capacity(year.len());
    for c in year.chars().filter(|c| !c.is_whitespace()) {
        nfkc_fold(c, &mut text);
    }
    let text = SUFFIXES
        .iter()
        .find_map(|s| text.strip_suffix(s))
        .unwrap_or(&text);
    // "2026年-2027年": the 年 after each year says nothing more.
    let text: String = text.chars().filter(|&c| c != '年').collect();
    let (a, b) = text.split_once(SEPARATORS)?;
    let b = b.trim_start_matches(DASHES);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) || a.len() != 4 {
        return None;
    }
    let first: u32 = a.parse().ok()?;
    let second: u32 = match b.len() {
        4 => b.parse().ok()?,
        2 => first / 100 * 100 + b.parse::<u32>().ok()?,
        _ => return None,
    };
    // "2099-00": the century turns.
    let second = if b.len() == 2 && second < first {
        second + 100
    } else {
        second
    };
    (first >= 1900 && second == first + 1).then(|| format!("{first}-{second}"))
}

/// Appends what NFKC makes of `c` when that is written only with characters a school year uses
/// (digits, `SEPARATORS`, `DASHES`, the characters of `SUFFIXES` and 年), or of any full-width
/// ASCII form; any other character is appended as it is. A character left as it is while NFKC
/// would change it is one NFKC turns into something no school year contains, so the year is
/// refused either way. Every case is the Unicode mapping, listed by block.
fn nfkc_fold(c: char, out: &mut String) {
    let code = u32::from(c);
    let digit = |n: u32| char::from_digit(n % 10, 10).unwrap_or(c);
    let mut number = |n: u32| out.push_str(&n.to_string());
    match code {
        // Full-width ASCII: "２０２６－２０２７", "２０２６／２７", "～".
        0xFF01..=0xFF5E => out.push(char::from_u32(code - 0xFEE0).unwrap_or(c)),
        // Superscript and subscript digits.
        0xB2 | 0xB3 => out.push(digit(code - 0xB0)),
        0xB9 => out.push('1'),
        0x2070 | 0x2074..=0x2079 => out.push(digit(code - 0x2070)),
        0x2080..=0x2089 => out.push(digit(code - 0x2080)),
        // Circled numbers ⓪, ①–⑳, ㉑–㉟, ㊱–㊿.
        0x24EA => out.push('0'),
        0x2460..=0x2473 => number(code - 0x2460 + 1),
        0x3251..=0x325F => number(code - 0x3251 + 21),
        0x32B1..=0x32BF => number(code - 0x32B1 + 36),
        // Mathematical digits (five styles of 0–9), outlined and segmented digits.
        0x1D7CE..=0x1D7FF => out.push(digit(code - 0x1D7CE)),
        0x1CCF0..=0x1CCF9 => out.push(digit(code - 0x1CCF0)),
        0x1FBF0..=0x1FBF9 => out.push(digit(code - 0x1FBF0)),
        _ => out.push(match c {
            // Kangxi radicals, kanbun, circled and enclosed ideographs, compatibility ideographs.
            '\u{2F00}' | '\u{3192}' | '\u{3280}' | '\u{1F229}' => '一',
            '\u{2F06}' | '\u{3193}' | '\u{3281}' | '\u{1F214}' => '二',
            '\u{2F84}' => '至',
            '\u{32AB}' => '学',
            '\u{F98E}' => '年',
            '\u{FA01}' => '度',
            // Vertical and small forms of dashes.
            '\u{FE31}' | '\u{FE58}' => '—',
            '\u{FE32}' => '–',
            '\u{FE63}' => '-',
            c => c,
        }),
    }
}

/// The school year before a canonical one ("2026-2027" → "2025-2026", "2026" → "2025"); `None`
/// for a year the county cannot read as one.
pub fn year_before(canonical: &str) -> Option<String> {
    let years: Vec<u32> = canonical
        .split('-')
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    match years.as_slice() {
        [a, b] if *a > 1000 && *b == a + 1 => Some(format!("{}-{}", a - 1, b - 1)),
        [a] if *a > 1000 => Some((a - 1).to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// Every character a school year can be written with once read.
    fn year_alphabet(c: char) -> bool {
        c.is_ascii_digit()
            || c == '年'
            || SEPARATORS.contains(&c)
            || DASHES.contains(&c)
            || SUFFIXES.iter().any(|s| s.contains(c))
    }

    fn folded(c: char) -> String {
        let mut out = String::new();
        if !c.is_whitespace() {
            nfkc_fold(c, &mut out);
        }
        out
    }

    /// What the year was read as before the fold: NFKC of the whole text (the reference).
    fn by_nfkc(year: &str) -> String {
        year.nfkc().filter(|c| !c.is_whitespace()).collect()
    }

    #[test]
    fn the_fold_is_nfkc_for_every_character_a_school_year_could_become() {
        let mut changed = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let nfkc = by_nfkc(&c.to_string());
            let mine = folded(c);
            if nfkc.chars().all(year_alphabet) {
                assert_eq!(mine, nfkc, "U+{:04X}", u32::from(c));
            } else if mine != nfkc {
                // Left as it is: then it must be no character of a year, so both refuse.
                assert_eq!(mine, c.to_string(), "U+{:04X}", u32::from(c));
                assert!(!year_alphabet(c), "U+{:04X}", u32::from(c));
            }
            changed += usize::from(mine != c.to_string());
        }
        // The full-width forms, the whitespace and the digits, dashes and ideographs above.
        assert!(changed > 250, "{changed}");
    }

    #[test]
    fn years_written_with_compatibility_characters_read_as_nfkc_reads_them() {
        let written = [
            "２０２６－２０２７学年",
            "２０２６／２７",
            "2026\u{3000}-\u{3000}2027",
            "𝟐𝟎𝟐𝟔-𝟐𝟎𝟐𝟕",
            "2026\u{FE58}2027学年第⼀学期",
            "2026\u{FE63}27\u{F98E}",
            "②⓪②⑥-②⓪②⑦",
            "2026⼾2027",
            "2026～2027",
            "2026-2027\u{32AB}年",
            "2026-2027\u{0301}",
            "٢٠٢٦-٢٠٢٧",
            "2026-2027 学年度",
            "2026年-2027年",
            "2026-2O27",
        ];
        for year in written {
            let reference = canonical_from_normalised(&by_nfkc(year));
            assert_eq!(canonical_school_year(year), reference, "{year}");
        }
        assert_eq!(
            canonical_school_year("２０２６－２０２７学年").as_deref(),
            Some("2026-2027")
        );
        assert_eq!(
            canonical_school_year("𝟐𝟎𝟐𝟔-𝟐𝟎𝟐𝟕").as_deref(),
            Some("2026-2027")
        );
        assert_eq!(canonical_school_year("٢٠٢٦-٢٠٢٧"), None);
    }

    /// The reading of an already normalised text (NFKC leaves it as it is).
    fn canonical_from_normalised(text: &str) -> Option<String> {
        assert_eq!(by_nfkc(text), text);
        canonical_school_year(text)
    }

    proptest::proptest! {
        #[test]
        fn any_text_reads_as_its_nfkc_form_reads(
            year in "[0-9０-９①-⑳𝟎-𝟗²³¹⁰-⁹₀-₉ \u{3000}\\-－／/～~—―–\u{FE58}\u{FE63}年学第一二期度至到⼀\u{F98E}\u{0301}a]{0,14}"
        ) {
            let reference = canonical_school_year(&by_nfkc(&year));
            proptest::prop_assert_eq!(canonical_school_year(&year), reference);
        }
    }
}
