//! One cell of a CSV for Excel, and the table's bytes: UTF-8 with a byte-order mark (so Excel
//! reads the Chinese correctly), no cell a spreadsheet runs as a formula or reads as a date or
//! another number. A leaf: every CSV writer of the crate uses it.

pub const BOM: &str = "\u{feff}";

pub fn finish(w: csv::Writer<Vec<u8>>) -> String {
    // Writing to memory cannot fail; an error would leave an empty table, never a panic.
    let bytes = w.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// A quote opened and never closed takes the rows after it into one cell: to the end of the
/// table, or to the next quote, the rows between read as the cell's lines. So: in a table
/// whose quotes do not pair up (each quoted cell has two, each quote within one is doubled), a
/// cell holding a line break in the table's last row, or one whose later lines hold a comma
/// (rows taken in). A line break of the officer's own (Alt+Enter in Excel, quoted) pairs its
/// quotes. Returns the cell's first line (at most 24 characters), to name it by.
pub fn run_on(table: &str, last_row: bool, cell: &str) -> Option<String> {
    let unpaired = table.matches('"').count() % 2 == 1;
    let rows_in = cell.lines().skip(1).any(|l| l.contains(','));
    let broken = cell.contains(['\n', '\r']) && (last_row || rows_in);
    (unpaired && broken).then(|| {
        let first = cell.lines().map(str::trim).find(|l| !l.is_empty());
        first.unwrap_or_default().chars().take(24).collect()
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
