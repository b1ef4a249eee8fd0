//! Times as the shell gives them: RFC 3339 with an offset, checked once where they enter.

use std::fmt;

/// A moment as RFC 3339 text with an offset (`2026-11-30T10:32:00+08:00`). The only way to
/// make one is [`Timestamp::parse`], so code that takes a `Timestamp` never re-checks it. The
/// core never reads the clock: the shell makes these from its own.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    text: String,
    /// Milliseconds since the Unix epoch (UTC), read once where the text was checked.
    millis: i64,
}

/// Text that is not an RFC 3339 time with an offset.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an RFC 3339 time with an offset")]
pub struct NotATime(pub String);

impl Timestamp {
    pub fn parse(text: &str) -> Result<Timestamp, NotATime> {
        chrono::DateTime::parse_from_rfc3339(text)
            .map(|t| Timestamp {
                text: text.to_string(),
                millis: t.timestamp_millis(),
            })
            .map_err(|_| NotATime(text.to_string()))
    }

    /// The moment `secs` seconds after the Unix epoch, in UTC (what a shell's clock gives),
    /// within the years RFC 3339 can write (1970 to 9999).
    pub fn from_unix_seconds(secs: i64) -> Timestamp {
        const LAST: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z
        let time = chrono::DateTime::from_timestamp(secs.clamp(0, LAST), 0).unwrap_or_default();
        Timestamp {
            text: time.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            millis: time.timestamp_millis(),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Milliseconds since the Unix epoch: two times with different offsets compare by this.
    pub fn millis(&self) -> i64 {
        self.millis
    }

    /// The date part, `YYYY-MM-DD`.
    pub fn date(&self) -> &str {
        self.text.get(..10).unwrap_or(&self.text)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clock_reading_is_a_timestamp_that_reads_back() {
        let t = Timestamp::from_unix_seconds(1_796_000_000);
        assert_eq!(Timestamp::parse(t.as_str()), Ok(t.clone()));
        assert_eq!(t.millis(), 1_796_000_000_000);
        for secs in [i64::MIN, -1, i64::MAX] {
            let t = Timestamp::from_unix_seconds(secs);
            assert_eq!(Timestamp::parse(t.as_str()), Ok(t));
        }
    }

    #[test]
    fn only_rfc3339_with_an_offset_is_a_timestamp() {
        let t = Timestamp::parse("2026-11-30T10:32:00+08:00").unwrap();
        assert_eq!(
            (t.as_str(), t.date()),
            ("2026-11-30T10:32:00+08:00", "2026-11-30")
        );
        for bad in [
            "t1",
            "",
            "2026-11-30",
            "2026-11-30T10:32:00",
            "2026-13-01T00:00:00Z",
        ] {
            assert_eq!(Timestamp::parse(bad), Err(NotATime(bad.into())), "{bad}");
        }
    }
}
