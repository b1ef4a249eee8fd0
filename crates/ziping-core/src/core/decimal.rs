//! Reading a decimal number ("12.5", "-0.75", "3e2"): `parse` is Rust's `f64::from_str` for
//! every decimal it reads, but through serde_json's reader, which the app carries anyway (with
//! `float_roundtrip`, correctly rounded, as Rust's). Two float readers were two sets of code
//! and power-of-ten tables in the principal's first load; a test compares the two.

/// The number `text` writes: an optional sign, digits with at most one `.` (at least one digit,
/// either side: "5.", ".5"), an optional exponent (`e` or `E`, an optional sign, digits).
/// Too large is ±infinity and too small is ±0, as `f64::from_str` gives; `None` for anything
/// else ("inf", "NaN", "1,5", "", spaces).
pub fn parse(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let exponent = match exponent {
        Some(e) => {
            let unsigned = e.strip_prefix(['-', '+']).unwrap_or(e);
            if unsigned.is_empty() || !digits(unsigned) {
                return None;
            }
            Some(e)
        }
        None => None,
    };
    let read = |json: &str| match serde_json::from_str::<f64>(json) {
        Ok(n) => Some(n),
        // The text is a number (checked above): serde_json refuses only one beyond f64's range.
        Err(_) => Some(if negative {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }),
    };
    // Not JSON: a "+", no digit before "." or none after it, a leading zero ("012").
    let leading_zero = whole.len() > 1 && whole.starts_with('0');
    let dot_alone = fraction.is_empty() == mantissa.contains('.');
    let in_json = !(text.starts_with('+') || whole.is_empty() || dot_alone || leading_zero);
    if in_json {
        // A JSON number token already (the canonical writer's): read as it is.
        return read(text);
    }
    // The same number in JSON's grammar: no "+", no leading zeros, digits on both sides of ".".
    let mut json = String::with_capacity(text.len() + 2);
    if negative {
        json.push('-');
    }
    let whole = whole.trim_start_matches('0');
    json.push_str(if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        json.push('.');
        json.push_str(fraction);
    }
    if let Some(e) = exponent {
        json.push('e');
        json.push_str(e);
    }
    read(&json)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rust(text: &str) -> Option<u64> {
        // Rust reads words too ("inf", "nan"): those are not decimals here.
        let word = text
            .bytes()
            .any(|b| b.is_ascii_alphabetic() && !b"eE".contains(&b));
        (!word)
            .then(|| text.parse::<f64>().ok().map(f64::to_bits))
            .flatten()
    }

    #[test]
    fn reads_what_rust_reads_at_the_edges() {
        let long = format!("0.{}1", "0".repeat(800));
        let wide = format!("{}.5", "9".repeat(800));
        for text in [
            "0",
            "-0",
            "+0",
            "00012.50",
            "5.",
            ".5",
            "-.5",
            "1e400",
            "-1e400",
            "1e-400",
            "-1e-400",
            "0e99999999999999999999",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "2.2250738585072011e-308",
            "9007199254740993",
            "0.1",
            "123456789012345678901234567890",
            "1E+5",
            "1e-0",
            &long,
            &wide,
        ] {
            assert_eq!(parse(text).map(f64::to_bits), rust(text), "{text}");
        }
        for text in [
            "", ".", "+", "-", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "inf", "NaN",
            "infinity", "1_000", "٣", "１", "--1", "+-1", "0x10",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_decimal_reads_as_rust_reads_it(
            text in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,4})?"
        ) {
            proptest::prop_assert_eq!(parse(&text).map(f64::to_bits), rust(&text));
        }

        #[test]
        fn any_text_reads_as_rust_reads_it(text in "[-+.eE0-9a-z ]{0,12}") {
            proptest::prop_assert_eq!(parse(&text).map(f64::to_bits), rust(&text));
        }
    }
}
