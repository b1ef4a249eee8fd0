//! A checked checklist: parse, don't validate. A [`Checklist`] exists only once every id is
//! unique and every reference in it resolves, so the engine never re-checks.

use crate::core::model::*;
use std::collections::BTreeMap;

mod problem;
mod validate;
pub use problem::*;
use validate::Validator;

/// The most points one item can carry: more is a typo (1e308 made totals infinite).
pub const MAX_POINTS: f64 = 1000.0;

/// Ids seen so far (the same map type as the indexes: one copy of its code in the bundle).
type Seen = BTreeMap<String, usize>;
/// Where an item sits: area, indicator and item index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemLoc {
    pub area: usize,
    pub indicator: usize,
    pub item: usize,
}

/// A checklist whose references all resolve.
#[derive(Clone, Debug, PartialEq)]
pub struct Checklist {
    doc: ChecklistDoc,
    /// Item id → index into `locs`.
    items: BTreeMap<String, usize>,
    locs: Vec<ItemLoc>,
    inputs: BTreeMap<String, usize>,
    sources: BTreeMap<String, usize>,
    /// SHA-256 of the RFC 8785 form, computed when the checklist is read: with id and
    /// version, what names it.
    sha256: String,
}

impl Checklist {
    /// Reads and checks a checklist file.
    pub fn from_json(text: &str) -> Result<Checklist, ChecklistErrors> {
        // A byte-order mark, as Windows editors write one (submissions allow it too).
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let doc: ChecklistDoc = serde_json::from_str(text).map_err(|e| {
            ChecklistErrors(vec![ChecklistIssue {
                path: "$".into(),
                problem: Problem::Json {
                    line: e.line(),
                    column: e.column(),
                    problem: crate::core::json::FieldProblem::from_serde(&e),
                },
            }])
        })?;
        Checklist::try_from(doc)
    }

    pub fn doc(&self) -> &ChecklistDoc {
        &self.doc
    }

    /// The group rule an item is judged under (the first that lists it), with its own floor.
    pub fn group_of(&self, item: &str) -> Option<&crate::core::model::GroupRule> {
        self.doc
            .group_rules
            .iter()
            .find(|g| g.items.iter().any(|i| i == item))
    }

    /// The 资源配置 indicators: the items of the group rules marked `spread`, each once, in
    /// the rules' order (the county's 差异系数 and the principal's 资源配置 chart).
    pub fn spread_items(&self) -> Vec<&str> {
        let mut items: Vec<&str> = Vec::new();
        for rule in self.doc.group_rules.iter().filter(|g| g.spread) {
            for item in &rule.items {
                if !items.contains(&item.as_str()) {
                    items.push(item);
                }
            }
        }
        items
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.item_loc(id).map(|loc| self.item_at(loc))
    }

    pub fn item_at(&self, loc: ItemLoc) -> &Item {
        &self.doc.areas[loc.area].indicators[loc.indicator].items[loc.item]
    }

    pub fn item_loc(&self, id: &str) -> Option<ItemLoc> {
        self.items.get(id).map(|&n| self.locs[n])
    }

    /// The position of input `id` in the checklist's inputs.
    pub fn input_index(&self, id: &str) -> Option<usize> {
        self.inputs.get(id).copied()
    }

    pub fn input(&self, id: &str) -> Option<&InputDef> {
        self.inputs.get(id).map(|&i| &self.doc.inputs[i])
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.get(id).map(|&i| &self.doc.sources[i])
    }

    /// Every item in checklist order with its location (the locations are listed once, in
    /// order, when the checklist is read: scoring walks them on every keystroke).
    pub fn items(&self) -> impl Iterator<Item = (ItemLoc, &Item)> {
        self.locs.iter().map(|&loc| (loc, self.item_at(loc)))
    }

    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// SHA-256 of the checklist's canonical (RFC 8785) JSON, as lowercase hex. A checklist is
    /// its id, version and this hash: two files with the same id and version but another
    /// hash are two different checklists.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// The input that counts a school's students: the split rule's, else `students` (the
    /// built-ins' id). Enrolment weights the county's 差异系数.
    pub fn enrolment_input(&self) -> &str {
        self.doc
            .split
            .as_ref()
            .map_or("students", |s| s.enrolment_input.as_str())
    }

    /// Whether this is the checklist named by `id`, `version` and `sha256`.
    pub fn is(&self, id: &str, version: &str, sha256: &str) -> bool {
        self.doc.id == id && self.doc.version == version && self.sha256() == sha256
    }
}

/// A checklist that cannot join a set: one with the same id and version is there already, with
/// other content (two checklists must never share a name).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("checklist {id} version {version} is already loaded with other content")]
pub struct Clash {
    pub id: String,
    pub version: String,
}

/// Why a checklist file a person picked cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum FileProblem {
    /// Larger than any checklist is (`limit` bytes): not read.
    TooLarge { size: u64, limit: u64 },
    /// Not UTF-8 text.
    NotUtf8,
    /// Not a valid checklist: every problem found in it.
    Invalid(ChecklistErrors),
    /// The id and version of a checklist known here, with other content.
    Clash(Clash),
    /// A school's submission file, not a checklist (it belongs under 打开报送文件).
    Submission,
}

/// A checklist file's text as a person picked it: the checklist, or why not, telling a
/// school's submission file (picked in the wrong place) from a broken checklist.
pub fn checklist_of_file(text: &str) -> Result<Checklist, FileProblem> {
    Checklist::from_json(text).map_err(|errors| {
        let format = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|v| v.get("format")?.as_str().map(str::to_string));
        match format {
            Some(f) if f.starts_with("ziping.export/") => FileProblem::Submission,
            _ => FileProblem::Invalid(errors),
        }
    })
}

/// Adds `checklist` to `set` unless it is there already (same id, version and content): true
/// if added. A checklist with the same id and version but other content is refused.
pub fn add_to_set(set: &mut Vec<Checklist>, checklist: Checklist) -> Result<bool, Clash> {
    let doc = checklist.doc();
    match set
        .iter()
        .find(|c| c.doc().id == doc.id && c.doc().version == doc.version)
    {
        Some(c) if c.sha256() == checklist.sha256() => Ok(false),
        Some(_) => Err(Clash {
            id: doc.id.clone(),
            version: doc.version.clone(),
        }),
        None => {
            set.push(checklist);
            Ok(true)
        }
    }
}

impl TryFrom<ChecklistDoc> for Checklist {
    type Error = ChecklistErrors;

    fn try_from(doc: ChecklistDoc) -> Result<Checklist, ChecklistErrors> {
        Checklist::build(doc, false)
    }
}

impl Checklist {
    /// A checklist as 制作县级清单 publishes it: every check of reading one, and what no county
    /// should send though files already sent may hold (see `validate`).
    pub fn for_publishing(doc: ChecklistDoc) -> Result<Checklist, ChecklistErrors> {
        Checklist::build(doc, true)
    }

    fn build(doc: ChecklistDoc, strict: bool) -> Result<Checklist, ChecklistErrors> {
        let mut v = Validator {
            strict,
            ..Validator::default()
        };
        let sources = v.index("sources", doc.sources.iter().map(|s| s.id.as_str()));
        let inputs = v.index("inputs", doc.inputs.iter().map(|i| i.id.as_str()));
        let mut items = BTreeMap::new();
        let mut locs = Vec::new();
        let mut container_ids = Seen::new();
        for (a, area) in doc.areas.iter().enumerate() {
            v.unique(&mut container_ids, &area.id, format!("areas[{a}].id"));
            for (i, ind) in area.indicators.iter().enumerate() {
                v.unique(
                    &mut container_ids,
                    &ind.id,
                    format!("areas[{a}].indicators[{i}].id"),
                );
                for (k, item) in ind.items.iter().enumerate() {
                    let path = format!("areas[{a}].indicators[{i}].items[{k}].id");
                    let loc = ItemLoc {
                        area: a,
                        indicator: i,
                        item: k,
                    };
                    locs.push(loc);
                    if item.id.contains('@') {
                        v.issue(path.clone(), Problem::ReservedCharacter(item.id.clone()));
                    } else if v.strict && !item.id.is_empty() && !validate::is_id(&item.id) {
                        v.issue(path.clone(), Problem::IdCharacters(item.id.clone()));
                    }
                    if items.insert(item.id.clone(), locs.len() - 1).is_some()
                        || inputs.contains_key(&item.id)
                    {
                        v.issue(path, Problem::DuplicateId(item.id.clone()));
                    }
                }
            }
        }
        // Hashed once, here: a checklist that cannot be written as canonical JSON is refused
        // (it could never be named in a submission).
        let sha256 = match doc_sha256(&doc) {
            Ok(h) => h,
            Err(_) => {
                v.issue("$", Problem::NotCanonical);
                String::new()
            }
        };
        let checklist = Checklist {
            doc,
            items,
            locs,
            inputs,
            sources,
            sha256,
        };
        v.check(&checklist);
        if v.issues.is_empty() {
            Ok(checklist)
        } else {
            Err(ChecklistErrors(v.issues))
        }
    }
}

/// The SHA-256 of a checklist's canonical JSON: what [`crate::core::canonical::sha256_of`]
/// gives, written from serde_json's compact text by `canonical::text_into` (county mode hashes
/// six checklists as it opens; the reference writer, which buffers every property, took 283 of
/// its 348 ms there at a phone's speed). The same bytes because a checklist's numbers are all
/// f64 and its keys all strings (an f32 or a number as a key would be written otherwise); a
/// NaN or an infinity (never read from JSON) is `null` in both. The reference is not called at
/// all: its writer and a second serializer of the whole checklist stayed in the principal's
/// first load for a fallback that gave the same bytes (6 KB brotli).
fn doc_sha256(doc: &ChecklistDoc) -> Result<String, crate::core::canonical::NotCanonical> {
    use crate::core::canonical::{sha256_hex, text_into, NotCanonical};
    let text = serde_json::to_string(doc).map_err(|e| NotCanonical(e.to_string()))?;
    let mut out = Vec::with_capacity(text.len());
    // serde_json's own text is always JSON that `text_into` reads, but for nesting deeper
    // than serde_json reads back.
    text_into(&text, &mut out)
        .ok_or_else(|| NotCanonical("nested too deeply to be read back".into()))?;
    Ok(sha256_hex(&out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::canonical::sha256_of;

    #[test]
    fn a_checklist_hash_is_the_reference_s_and_every_shipped_one_is_written_from_text() {
        for c in crate::core::builtin::readable_set().unwrap() {
            assert_eq!(doc_sha256(c.doc()), sha256_of(c.doc()));
            assert_eq!(c.sha256(), sha256_of(c.doc()).unwrap());
        }
        // A NaN or an infinity (never read from JSON; a checklist built in code could hold
        // one): null, as the reference writes it.
        let shipped = crate::core::builtin::builtin_set().unwrap()[0].doc();
        let mut doc = shipped.clone();
        for n in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            doc.areas[0].indicators[0].items[0].points = n;
            assert!(doc_sha256(&doc).is_ok());
            assert_eq!(doc_sha256(&doc), sha256_of(&doc), "{n}");
        }
        // "null" in a text is text (the old fallback was taken for it).
        let mut doc = shipped.clone();
        doc.areas[0].title.en = "null and void".into();
        doc.areas[0].indicators[0].items[0].text.zh = "n\\\"null\"".into();
        assert_eq!(doc_sha256(&doc), sha256_of(&doc));
    }
}
