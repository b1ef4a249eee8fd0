//! Where a draft's checklist comes from (a built-in by id, or a checklist file kept whole so
//! the draft reopens offline), loading it, and the one policy for "the checklists known here".

use crate::core::builtin;
use crate::core::checklist::{add_to_set, Checklist, ChecklistErrors, Clash};
use serde::{Deserialize, Serialize};

/// Where a draft's checklist comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "RawSource")]
pub enum ChecklistSource {
    /// A built-in, by id.
    Builtin { id: String },
    /// A file the school loaded (a county's checklist): kept whole so the draft reopens offline.
    File { name: String, text: String },
}

/// The flat form read from storage (see `core::model_raw` for why not a tagged enum).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    kind: String,
    id: Option<String>,
    name: Option<String>,
    text: Option<String>,
}

impl TryFrom<RawSource> for ChecklistSource {
    type Error = String;

    fn try_from(r: RawSource) -> Result<ChecklistSource, String> {
        match (r.kind.as_str(), r.id, r.name, r.text) {
            ("builtin", Some(id), None, None) => Ok(ChecklistSource::Builtin { id }),
            ("file", None, Some(name), Some(text)) => Ok(ChecklistSource::File { name, text }),
            (kind, ..) => Err(format!("not a checklist source of kind '{kind}'")),
        }
    }
}

impl ChecklistSource {
    /// The checked checklist this source names.
    pub fn load(&self) -> Result<Checklist, SourceError> {
        match self {
            ChecklistSource::Builtin { id } => match builtin::builtin_set() {
                Err((_, e)) => Err(SourceError::Invalid(e)),
                Ok(set) => set
                    .iter()
                    .find(|c| &c.doc().id == id)
                    .cloned()
                    .ok_or_else(|| SourceError::UnknownBuiltin(id.clone())),
            },
            ChecklistSource::File { text, .. } => {
                Checklist::from_json(text).map_err(SourceError::Invalid)
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SourceError {
    #[error("no built-in checklist '{0}'")]
    UnknownBuiltin(String),
    #[error("{0}")]
    Invalid(ChecklistErrors),
}

/// A checklist known here, with the source a draft made on it records.
#[derive(Clone, Debug, PartialEq)]
pub struct Known {
    pub checklist: Checklist,
    pub source: ChecklistSource,
}

/// The checklists known here, one policy for every place that needs them: the built-ins
/// first, then county checklist files (`name`, `text`) in the order given (kept in this
/// browser, then picked). A file that is not a valid checklist is left out. One with the id
/// and version of a checklist before it and other content is a clash: left out and returned,
/// so a county copy never stands in for a built-in or for another county's file. The same
/// content twice is known once.
pub fn known_here(builtins: &[Checklist], files: &[(String, String)]) -> (Vec<Known>, Vec<Clash>) {
    let mut set: Vec<Checklist> = Vec::with_capacity(builtins.len() + files.len());
    let mut known = Vec::with_capacity(builtins.len() + files.len());
    let mut clashes = Vec::new();
    for c in builtins {
        if let Ok(true) = add_to_set(&mut set, c.clone()) {
            known.push(Known {
                checklist: c.clone(),
                source: ChecklistSource::Builtin {
                    id: c.doc().id.clone(),
                },
            });
        }
    }
    for (name, text) in files {
        let Ok(c) = Checklist::from_json(text) else {
            continue;
        };
        match add_to_set(&mut set, c.clone()) {
            Ok(true) => known.push(Known {
                checklist: c,
                source: ChecklistSource::File {
                    name: name.clone(),
                    text: text.clone(),
                },
            }),
            Ok(false) => {}
            Err(clash) => clashes.push(clash),
        }
    }
    (known, clashes)
}

/// The checklists of `known`, for verifying a file against them.
pub fn checklists_of(known: &[Known]) -> Vec<Checklist> {
    known.iter().map(|k| k.checklist.clone()).collect()
}

/// A set of checklists already checked (county mode's batch) as known here: each built-in of
/// `builtins` by its id, any other kept whole as its file (named after its id).
pub fn known_from_set(set: &[Checklist], builtins: &[Checklist]) -> Vec<Known> {
    set.iter()
        .map(|c| {
            let builtin = builtins
                .iter()
                .any(|b| b.is(&c.doc().id, &c.doc().version, c.sha256()));
            let source = if builtin {
                ChecklistSource::Builtin {
                    id: c.doc().id.clone(),
                }
            } else {
                ChecklistSource::File {
                    name: format!("{}.json", c.doc().id),
                    text: serde_json::to_string(c.doc()).unwrap_or_default(),
                }
            };
            Known {
                checklist: c.clone(),
                source,
            }
        })
        .collect()
}
