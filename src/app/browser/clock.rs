//! The clock and ids: the only place the app reads the time.

use crate::core::time::Timestamp;

/// Now, as RFC 3339 with the local offset (what drafts and submissions record).
pub fn now() -> Timestamp {
    let d = js_sys::Date::new_0();
    let offset = -(d.get_timezone_offset() as i64);
    let sign = if offset >= 0 { '+' } else { '-' };
    let text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes(),
        d.get_seconds(),
        sign,
        offset.abs() / 60,
        offset.abs() % 60
    );
    // Built from the Date's own fields, so it always parses; the epoch is a safe fallback.
    Timestamp::parse(&text).unwrap_or_else(|_| epoch())
}

fn epoch() -> Timestamp {
    Timestamp::parse("1970-01-01T00:00:00+00:00").expect("a valid constant")
}

/// The local time as people read it: "10:32".
pub fn clock_now() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// Milliseconds on a monotonic-enough clock, for measuring how long work took.
pub fn millis() -> f64 {
    js_sys::Date::now()
}

/// A new draft id: time-based and random enough for one browser.
pub fn new_draft_id() -> String {
    format!(
        "{:x}{:06x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 16_777_216.0) as u64
    )
}
