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

/// The one place a typed 学年 becomes the county's year: `2026-2027`, `2026-27`, `2026/2027`,
/// `2026—2027学年`, full-width digits and spaces all read as "2026-2027". Anything else (a lone
/// `2026`, which could be either of two school years; years that do not follow each other;
/// words) is `None`: the county refuses the file rather than keep a "year" of its own that
/// would leave an outdated file counted.
pub fn canonical_school_year(year: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let text: String = year.nfkc().filter(|c| !c.is_whitespace()).collect();
    let text = [
        "学年第一学期",
        "学年第二学期",
        "第一学期",
        "第二学期",
        "学年度",
        "学年",
        "年度",
    ]
    .iter()
    .find_map(|s| text.strip_suffix(s))
    .unwrap_or(&text);
    // "2026年-2027年": the 年 after each year says nothing more.
    let text: String = text.chars().filter(|&c| c != '年').collect();
    let (a, b) = text.split_once(['-', '–', '—', '―', '~', '〜', '/', '至', '到', '－'])?;
    let b = b.trim_start_matches(['-', '–', '—', '―']);
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
