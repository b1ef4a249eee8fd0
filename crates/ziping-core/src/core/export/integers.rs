//! A check on a file's text before it is read as JSON.

use super::ImportError;
use crate::core::canonical::{number_length, string_end};

/// Every integer in the text fits a double exactly (|n| ≤ 2^53): beyond that, 9007199254740993
/// and 9007199254740992 are one number to JSON readers and to the digest, so a changed digit
/// would not be detected. Runs of digits found first, eight bytes at a time; only a text
/// with a long one is then read token by token, skipping strings.
pub(super) fn exact_integers(text: &str) -> Result<(), ImportError> {
    if long_digit_runs(text.as_bytes()) {
        every_integer_exact(text)
    } else {
        Ok(())
    }
}

/// The text has 16 or more ASCII digits in a row somewhere (in a string or not), not part of
/// a number with a fraction or an exponent: an integer beyond 2^53 has, and nearly no file
/// does (a school code has 12 digits, a phone number 11). Eight bytes at a time: such a run
/// holds eight aligned digits, and only those are looked at further. A file's text is checked
/// several times faster than by [`every_integer_exact`].
fn long_digit_runs(bytes: &[u8]) -> bool {
    const LOW: u64 = u64::from_le_bytes([0xF0; 8]);
    const THREES: u64 = u64::from_le_bytes([0x30; 8]);
    const SIXES: u64 = u64::from_le_bytes([0x06; 8]);
    let digit = |b: &u8| b.is_ascii_digit();
    let mut start = 0;
    while let Some(chunk) = bytes.get(start..start + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // Every byte is 0x30–0x3F, and still is with 6 added (no carry between bytes then):
        // every byte is 0x30–0x39.
        if word & LOW != THREES || (word + SIXES) & LOW != THREES {
            start += 8;
            continue;
        }
        let end = start + 8;
        // The chunk before was not all digits: fewer than eight of the run are before it.
        let before = bytes[..start].iter().rev().take_while(|b| digit(b)).count();
        let after = bytes[end..].iter().take_while(|b| digit(b)).count();
        // Not a fraction's digits (a rate's 0.5714285714285714), an exponent's, or a whole
        // part with either after it: those are no integer.
        let prev = start.checked_sub(before + 1).map(|i| bytes[i]);
        let next = bytes.get(end + after);
        if before + 8 + after >= 16
            && !matches!(prev, Some(b'.' | b'e' | b'E' | b'+'))
            && !matches!(next, Some(b'.' | b'e' | b'E'))
        {
            return true;
        }
        // The run is looked at once: on past it (a run of a million digits in a crafted file
        // was counted again for each of its chunks, minutes of work).
        start = (end + after) / 8 * 8 + 8;
    }
    false
}

/// [`exact_integers`], one pass over the bytes, skipping strings.
fn every_integer_exact(text: &str) -> Result<(), ImportError> {
    const LIMIT: u64 = 1 << 53;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => match string_end(bytes, i) {
                Some(end) => {
                    i = end;
                    continue;
                }
                None => break,
            },
            b'-' | b'0'..=b'9' => {
                let start = i;
                i += number_length(&bytes[i..]);
                let token = &text[start..i];
                let digits = token.trim_start_matches('-');
                // 2^53 has 16 digits: a shorter number is always exact.
                let too_large = digits.len() > 16
                    || (digits.len() == 16 && digits.parse::<u64>().is_ok_and(|n| n > LIMIT));
                if too_large && digits.bytes().all(|d| d.is_ascii_digit()) {
                    return Err(ImportError::NumberTooPrecise {
                        number: token.to_string(),
                    });
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_sixteen_digits_are_found_wherever_they_sit() {
        let digits = "1234567890123456";
        for pad in 0..24 {
            let before = "x".repeat(pad);
            for (run, long) in [(&digits[..15], false), (digits, true)] {
                let text = format!("{before}{run}y");
                assert_eq!(long_digit_runs(text.as_bytes()), long, "{text}");
                // Split by something else, never one run.
                let split = format!("{before}{}.{}", &run[..8], &run[8..]);
                assert!(!long_digit_runs(split.as_bytes()), "{split}");
            }
        }
        // A fraction's digits, an exponent's, a whole part with a fraction or an exponent.
        for text in [
            "0.5714285714285714",
            "1e1234567890123456",
            "1E+1234567890123456",
            "1234567890123456.5",
            "1234567890123456e2",
        ] {
            assert!(!long_digit_runs(text.as_bytes()), "{text}");
        }
        for text in [
            "-1234567890123456",
            "[1234567890123456]",
            "a1234567890123456",
        ] {
            assert!(long_digit_runs(text.as_bytes()), "{text}");
        }
        // The bytes just past the digits in the ASCII table are not digits.
        assert!(!long_digit_runs(b"::::::::;;;;;;;;////////"));
    }

    #[test]
    fn an_integer_beyond_2_53_is_refused_in_a_value_never_in_a_string() {
        for (text, exact) in [
            (r#"{"a": 9007199254740992}"#, true),
            (r#"{"a": 9007199254740993}"#, false),
            (r#"{"a": -90071992547409930}"#, false),
            (r#"{"a": "90071992547409930"}"#, true),
            (r#"{"a": 9007199254740993.5}"#, true),
            (r#"{"a": 1234567890123456789e5}"#, true),
        ] {
            assert_eq!(exact_integers(text).is_ok(), exact, "{text}");
        }
    }
}
