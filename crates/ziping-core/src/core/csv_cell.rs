//! One cell of a CSV for Excel, and the table's bytes: UTF-8 with a byte-order mark (so Excel
//! reads the Chinese correctly), no cell a spreadsheet runs as a formula or reads as a date or
//! another number. A leaf: every CSV writer of the crate uses it.

pub const BOM: &str = "\u{feff}";

pub fn finish(w: csv::Writer<Vec<u8>>) -> String {
    // Writing to memory cannot fail; an error would leave an empty table, never a panic.
    let bytes = w.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// A cell read back that runs on over lines no such cell has: a quote opened and never
/// closed, which takes the rows after it into the cell. Its first line (at most 24
/// characters), to name it by.
pub fn run_on(cell: &str) -> Option<String> {
    cell.contains(['\n', '\r']).then(|| {
        cell.lines()
            .next()
            .unwrap_or_default()
            .trim()
            .chars()
            .take(24)
            .collect()
    })
}

/// A text cell a spreadsheet shows as written. One starting with `=`, `+`, `-`, `@`, a tab or
/// a carriage return would be run as a formula (OWASP CSV injection: `=HYPERLINK(…)`, DDE), so
/// it gets a leading `'`. So does text a spreadsheet would read as something else: a code of
/// digits with a leading zero or too long to show whole (Excel shows 12 digits and more as
/// 4.3E+11), a decimal whose last zero would go (a version "2026.10"), a date or a time
/// ("4/30", "1-2", "10:30" in a Chinese or US locale) or a percentage. Everything else is
/// written as it is, so codes, versions and years open as their own text.
pub fn cell(text: &str) -> String {
    if needs_guard(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn needs_guard(text: &str) -> bool {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        return true;
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(text) {
        return (text.len() > 1 && text.starts_with('0')) || text.len() > 11;
    }
    if let Some((whole, fraction)) = text.split_once('.') {
        if digits(whole) && digits(fraction) {
            return fraction.ends_with('0') || whole.len() > 1 && whole.starts_with('0');
        }
    }
    if let Some(number) = text.strip_suffix('%') {
        return crate::core::decimal::parse(number).is_some();
    }
    // Dates and times: two or three groups of digits joined by one of / - . :
    for separator in ['/', '-', ':', '.'] {
        let parts: Vec<&str> = text.split(separator).collect();
        if (2..=3).contains(&parts.len())
            && parts.iter().all(|p| digits(p) && p.len() <= 4)
            && parts[1..].iter().any(|p| p.len() <= 2)
        {
            return true;
        }
    }
    false
}
