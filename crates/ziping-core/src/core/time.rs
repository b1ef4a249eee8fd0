//! Times as the shell gives them: RFC 3339 with an offset, checked once where they enter.

use std::fmt;

/// A moment as RFC 3339 text with an offset (`2026-11-30T10:32:00+08:00`). The only way to
/// make one is [`Timestamp::parse`], so code that takes a `Timestamp` never re-checks it. The
/// core never reads the clock: the shell makes these from its own.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(String);

/// Text that is not an RFC 3339 time with an offset.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an RFC 3339 time with an offset")]
pub struct NotATime(pub String);

impl Timestamp {
    pub fn parse(text: &str) -> Result<Timestamp, NotATime> {
        chrono::DateTime::parse_from_rfc3339(text)
            .map(|_| Timestamp(text.to_string()))
            .map_err(|_| NotATime(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The date part, `YYYY-MM-DD`.
    pub fn date(&self) -> &str {
        self.0.get(..10).unwrap_or(&self.0)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
