//! A school's answers: one value per slot (an item or an input, for the whole school or for
//! one part of a 九年一贯制 school), kept exactly as entered.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

/// Which part of the school a value is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The whole school (every 小学 or 初中, and 九年一贯制 items checked once).
    Whole,
    /// The 小学 part of a 九年一贯制 school.
    Primary,
    /// The 初中 part of a 九年一贯制 school.
    Junior,
}

/// An item or input id with the part it is for; written `ID` or `ID@primary` / `ID@junior`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slot {
    pub id: String,
    pub part: Part,
}

impl Slot {
    pub fn new(id: impl Into<String>, part: Part) -> Slot {
        Slot {
            id: id.into(),
            part,
        }
    }

    pub fn whole(id: impl Into<String>) -> Slot {
        Slot::new(id, Part::Whole)
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            Part::Whole => f.write_str(&self.id),
            Part::Primary => write!(f, "{}@primary", self.id),
            Part::Junior => write!(f, "{}@junior", self.id),
        }
    }
}

impl FromStr for Slot {
    type Err = String;

    fn from_str(s: &str) -> Result<Slot, String> {
        let (id, part) = match s.split_once('@') {
            None => (s, Part::Whole),
            Some((id, "primary")) => (id, Part::Primary),
            Some((id, "junior")) => (id, Part::Junior),
            Some((_, other)) => return Err(format!("unknown part '{other}' in '{s}'")),
        };
        if id.is_empty() {
            return Err(format!("empty id in '{s}'"));
        }
        Ok(Slot::new(id, part))
    }
}

impl TryFrom<String> for Slot {
    type Error = String;
    fn try_from(s: String) -> Result<Slot, String> {
        s.parse()
    }
}

impl From<Slot> for String {
    fn from(s: Slot) -> String {
        s.to_string()
    }
}

/// A slot seen as its id and part, so `(&str, Part)` can look up a `Slot` key in a map.
trait SlotKey {
    fn key(&self) -> (&str, Part);
}

impl SlotKey for Slot {
    fn key(&self) -> (&str, Part) {
        (&self.id, self.part)
    }
}

impl SlotKey for (&str, Part) {
    fn key(&self) -> (&str, Part) {
        (self.0, self.1)
    }
}

impl<'a> std::borrow::Borrow<dyn SlotKey + 'a> for Slot {
    fn borrow(&self) -> &(dyn SlotKey + 'a) {
        self
    }
}

// Ordered as `Slot` is (derived: id, then part), which a map's lookups rely on.
impl PartialEq for dyn SlotKey + '_ {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for dyn SlotKey + '_ {}

impl PartialOrd for dyn SlotKey + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for dyn SlotKey + '_ {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

/// One answer, as the school gave it. Numbers stay text so that what was typed is never lost;
/// the engine parses them and reports what it cannot read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// 达标 (compliant)
    Yes,
    /// 未达标 (not compliant)
    No,
    /// 不适用 (only where the item allows it)
    #[serde(rename = "na")]
    NotApplicable,
    Level(String),
    Number(String),
    Text(String),
}

impl Value {
    /// The word a [`crate::core::model::Condition`] compares with.
    pub fn condition_word(&self) -> Option<&str> {
        match self {
            Value::Yes => Some("yes"),
            Value::No => Some("no"),
            Value::NotApplicable => Some("na"),
            Value::Level(l) => Some(l),
            Value::Number(_) | Value::Text(_) => None,
        }
    }
}

/// All of a school's answers and evidence notes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    #[serde(default, deserialize_with = "once_each")]
    pub values: BTreeMap<Slot, Value>,
    /// 佐证说明: the evidence note per item.
    #[serde(default, deserialize_with = "once_each")]
    pub notes: BTreeMap<String, String>,
    /// Amounts of money the school typed in 万元 (10,000 元), by slot. The text stays as typed;
    /// checks, formulas and the county read the amount in 元 ([`Answers::number`]). Absent when
    /// empty, so files without one are as before.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub wan_yuan: BTreeSet<Slot>,
}

/// A map in which no key comes twice: serde's maps keep the last value of a key given twice,
/// other JSON readers the first, so a file with one would be read two ways (the digest and
/// the county over one of them). ziping never writes one; a file that has one is refused.
fn once_each<'de, D, K, V>(d: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Deserialize<'de> + Ord + fmt::Display,
    V: Deserialize<'de>,
{
    struct Once<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> serde::de::Visitor<'de> for Once<K, V>
    where
        K: Deserialize<'de> + Ord + fmt::Display,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((key, value)) = map.next_entry::<K, V>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!("a key twice: `{key}`")));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Once(std::marker::PhantomData))
}

impl Answers {
    pub fn get(&self, slot: &Slot) -> Option<&Value> {
        self.values.get(slot)
    }

    /// The value of item or input `id` for `part`, looked up without building a `Slot` (the
    /// engine asks hundreds of times per keystroke).
    pub fn get_at(&self, id: &str, part: Part) -> Option<&Value> {
        self.values.get(&(id, part) as &dyn SlotKey)
    }

    /// The number in a slot as checks and formulas read it: in 元 where it was typed in 万元.
    /// `None` when the slot holds no number.
    pub fn number(&self, slot: &Slot) -> Option<Result<f64, NumberError>> {
        match self.get(slot)? {
            Value::Number(text) => Some(self.number_typed(slot, text)),
            _ => None,
        }
    }

    /// `text`, typed in `slot`, as checks and formulas read it.
    pub fn number_typed(&self, slot: &Slot, text: &str) -> Result<f64, NumberError> {
        let n = parse_number(text)?;
        if !self.wan_yuan.contains(slot) {
            return Ok(n);
        }
        let yuan = n * 10_000.0;
        if yuan.abs() > MAX_NUMBER {
            return Err(NumberError::TooLarge { text: text.into() });
        }
        Ok(yuan)
    }

    /// Whether the amount in `slot` is typed in 万元 (else in the unit the checklist gives).
    pub fn set_wan_yuan(&mut self, slot: Slot, wan: bool) {
        if wan {
            self.wan_yuan.insert(slot);
        } else {
            self.wan_yuan.remove(&slot);
        }
    }

    /// Sets a value; an empty number or text clears the slot (nothing entered).
    pub fn set(&mut self, slot: Slot, value: Value) {
        let empty = matches!(&value, Value::Number(t) | Value::Text(t) if t.trim().is_empty());
        if empty {
            self.values.remove(&slot);
        } else {
            self.values.insert(slot, value);
        }
    }
}

/// Why a typed number could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum NumberError {
    #[error("'{text}' is not a number")]
    NotANumber { text: String },
    #[error("'{text}' is too large")]
    TooLarge { text: String },
    /// A comma (or space) that is not a thousands separator: `95,5`, `1,2,3`, `5,`. Read as
    /// a separator it would silently turn 95,5 into 955, so it is refused.
    #[error("'{text}' has a comma that does not separate thousands")]
    Separator { text: String },
}

/// The largest magnitude accepted (a school's equipment value in yuan is far below this).
pub const MAX_NUMBER: f64 = 1e12;

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '，' | ' ' | '\u{3000}')
}

/// Reads a number as principals type it: ASCII or full-width digits, one decimal point,
/// an optional sign, thousands separators (`,` `，` and spaces, only between groups of three
/// digits: `1,200`, never `95,5`) and a trailing `%`.
/// Anything else (letters, two points, units) is an error that keeps the text.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    let not_a_number = || NumberError::NotANumber { text: text.into() };
    // Full-width forms as their ASCII twins; separators kept for the grouping check.
    let mut clean = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            '0'..='9' | '.' | '-' | '+' | '%' => clean.push(c),
            '０'..='９' => clean.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '．' => clean.push('.'),
            '－' => clean.push('-'),
            '＋' => clean.push('+'),
            '％' => clean.push('%'),
            c if is_separator(c) => clean.push(','),
            _ => return Err(not_a_number()),
        }
    }
    let body = clean.strip_suffix('%').unwrap_or(&clean);
    let unsigned = body.strip_prefix(['-', '+']).unwrap_or(body);
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if fraction.is_some_and(|f| !digits(f))
        || !whole.chars().all(|c| c.is_ascii_digit() || c == ',')
        || whole.is_empty() && fraction.is_none_or(str::is_empty)
    {
        return Err(if fraction.is_some_and(|f| f.contains(',')) {
            NumberError::Separator { text: text.into() }
        } else {
            not_a_number()
        });
    }
    if whole.contains(',') {
        let mut groups = whole.split(',');
        let first = groups.next().unwrap_or_default();
        if !(1..=3).contains(&first.len()) || groups.any(|g| g.len() != 3) {
            return Err(NumberError::Separator { text: text.into() });
        }
    }
    let plain: String = body.chars().filter(|&c| c != ',').collect();
    let n = crate::core::decimal::parse(&plain).ok_or_else(not_a_number)?;
    if !n.is_finite() || n.abs() > MAX_NUMBER {
        return Err(NumberError::TooLarge { text: text.into() });
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_amount_typed_in_wan_yuan_is_read_in_yuan_and_kept_as_typed() {
        let mut a = Answers::default();
        let slot = Slot::whole("equipment_value");
        a.set(slot.clone(), Value::Number("２５０".into()));
        assert_eq!(a.number(&slot), Some(Ok(250.0)));
        a.set_wan_yuan(slot.clone(), true);
        assert_eq!(a.number(&slot), Some(Ok(2_500_000.0)));
        assert_eq!(
            a.get(&slot),
            Some(&Value::Number("２５０".into())),
            "as typed"
        );
        assert!(matches!(
            a.number_typed(&slot, "200000000"),
            Err(NumberError::TooLarge { .. })
        ));
        // Stored only when used: a file without it is as before.
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.contains(r#""wan_yuan":["equipment_value"]"#), "{json}");
        a.set_wan_yuan(slot.clone(), false);
        assert!(!serde_json::to_string(&a).unwrap().contains("wan_yuan"));
    }

    use super::*;

    #[test]
    fn numbers_as_principals_type_them() {
        let ok = [
            ("42", 42.0),
            (" 4.5 ", 4.5),
            ("１２３", 123.0),
            ("１２．５", 12.5),
            ("1,234,567", 1_234_567.0),
            ("1，200", 1200.0),
            ("1,200", 1200.0),
            ("2 500 000", 2_500_000.0),
            ("1,200.5", 1200.5),
            ("－５", -5.0),
            ("９０％", 90.0),
            ("-3", -3.0),
            ("95%", 95.0),
            (".5", 0.5),
        ];
        for (text, want) in ok {
            assert_eq!(parse_number(text), Ok(want), "{text}");
        }
        for bad in [
            "", "abc", "4.5㎡", "1.2.3", "--1", "12a", "-", ".", "1e5", "%",
        ] {
            assert!(
                matches!(parse_number(bad), Err(NumberError::NotANumber { .. })),
                "{bad:?} should not parse"
            );
        }
        // A comma is a thousands separator only between groups of three digits; read any
        // other way it would turn 95,5 into 955.
        for bad in [
            "95,5", "45,8", "1,2,3,4", "5,", ",5", "1,20", "1.000,5", "1,2000",
        ] {
            assert!(
                matches!(parse_number(bad), Err(NumberError::Separator { .. })),
                "{bad:?} should be refused for its separator: {:?}",
                parse_number(bad)
            );
        }
        assert!(matches!(
            parse_number("99999999999999"),
            Err(NumberError::TooLarge { .. })
        ));
    }

    #[test]
    fn slots_round_trip_as_text() {
        for s in ["A1", "R1@primary", "students@junior"] {
            let slot: Slot = s.parse().unwrap();
            assert_eq!(slot.to_string(), s);
        }
        assert!("x@senior".parse::<Slot>().is_err());
        assert!("@primary".parse::<Slot>().is_err());
    }

    #[test]
    fn values_serialize_readably() {
        let mut a = Answers::default();
        a.set(Slot::whole("A"), Value::Yes);
        a.set(Slot::new("n", Part::Primary), Value::Number("12".into()));
        a.set(Slot::whole("L"), Value::Level("B".into()));
        a.set(Slot::whole("t"), Value::Text("   ".into()));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"values":{"A":"yes","L":{"level":"B"},"n@primary":{"number":"12"}},"notes":{}}"#
        );
        assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), a);
    }

    /// Looking a slot up by id and part finds exactly what looking it up by `Slot` finds: the
    /// two orders agree (ids that are prefixes of others, every part, absent slots).
    #[test]
    fn a_slot_is_found_by_its_id_and_part() {
        let mut a = Answers::default();
        let ids = ["R1", "R1.1", "R10", "B2.1.1", "a", "学生"];
        for (n, id) in ids.iter().enumerate() {
            for part in [Part::Whole, Part::Primary, Part::Junior] {
                if (n + part as usize).is_multiple_of(2) {
                    a.set(Slot::new(*id, part), Value::Number(format!("{n}")));
                }
            }
        }
        for id in ids.iter().chain(["R", "R2", "", "zz"].iter()) {
            for part in [Part::Whole, Part::Primary, Part::Junior] {
                assert_eq!(
                    a.get_at(id, part),
                    a.get(&Slot::new(*id, part)),
                    "{id} {part:?}"
                );
            }
        }
    }
}
