//! A check on a file's text before it is read as JSON.

use super::ImportError;

/// Every integer in the text fits a double exactly (|n| ≤ 2^53): beyond that, 9007199254740993
/// and 9007199254740992 are one number to JSON readers and to the digest, so a changed digit
/// would not be detected. One pass over the bytes, skipping strings.
pub(super) fn exact_integers(text: &str) -> Result<(), ImportError> {
    const LIMIT: u64 = 1 << 53;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            // Straight to the next quote or escape (text is most of a file).
            match memchr::memchr2(b'"', b'\\', &bytes[i..]) {
                None => break,
                Some(k) if bytes[i + k] == b'"' => {
                    in_string = false;
                    i += k + 1;
                }
                Some(k) => i += k + 2,
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'-' | b'0'..=b'9' => {
                let start = i;
                i += 1;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    i += 1;
                }
                let token = &text[start..i];
                let digits = token.trim_start_matches('-');
                let integer = digits.bytes().all(|d| d.is_ascii_digit());
                let too_large = digits.len() > 16 || digits.parse::<u64>().is_ok_and(|n| n > LIMIT);
                if integer && too_large {
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
