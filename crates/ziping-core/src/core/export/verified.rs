//! A submission verified: read and sealed, and its result recomputed from its raw answers.

use super::{read_sealed, Export, ImportError};
use crate::core::checklist::Checklist;
use crate::core::model::SchoolType;
use crate::core::score::{assess, Assessment};

/// A verified submission, with the result recomputed from its raw answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    pub export: Export,
    pub recomputed: Assessment,
    /// See [`Verified::result_matches`]: compared once, when the file is read.
    matches: bool,
}

impl Verified {
    /// The result stored in the file equals the one recomputed from its answers: the same JSON
    /// values, numbers compared as numbers (so `4`, `4.0` and `4e0` are one value, as in the
    /// canonical form the digest uses; the layout never mattered).
    pub fn result_matches(&self) -> bool {
        self.matches
    }
}

/// Reads and checks a submission file: size, encoding, JSON, format, fields, times, digest,
/// checklist; then recomputes the result from the raw answers with the checklist it names.
pub fn verify(bytes: &[u8], checklists: &[Checklist]) -> Result<Verified, ImportError> {
    // The result recomputed before the file's digest is checked (that is still reported
    // first): the stored result is nearly always that one, and telling so is several times
    // faster than writing its canonical form for the digest from its text.
    let mut scored = None;
    let (export, stored) = read_sealed(bytes, |e| {
        let (recomputed, canonical) = recompute(e, checklists).ok()?;
        scored = Some((recomputed, canonical.clone()));
        canonical
    })?;
    let (recomputed, canonical) = match scored {
        Some(done) => done,
        None => recompute(&export, checklists)?,
    };
    let matches = canonical.is_some_and(|c| c == stored);
    Ok(Verified {
        export,
        recomputed,
        matches,
    })
}

/// The result recomputed with the checklist the file names, and its canonical form.
fn recompute(
    export: &Export,
    checklists: &[Checklist],
) -> Result<(Assessment, Option<Vec<u8>>), ImportError> {
    let (checklist, school_type) = scoring(export, checklists)?;
    let recomputed = assess(checklist, school_type, &export.answers);
    let canonical = canonical_result(&recomputed);
    Ok((recomputed, canonical))
}

/// The checklist a file names (id, version and content: a county's copy of a built-in with
/// the same id and version but other content is another checklist, never confused with it),
/// and the school type it is scored for.
fn scoring<'c>(
    export: &Export,
    checklists: &'c [Checklist],
) -> Result<(&'c Checklist, SchoolType), ImportError> {
    let named = &export.checklist;
    let checklist = checklists
        .iter()
        .find(|c| c.is(&named.id, &named.version, &named.sha256))
        .ok_or_else(|| {
            let same_name = checklists
                .iter()
                .any(|c| c.doc().id == named.id && c.doc().version == named.version);
            let (id, version) = (named.id.clone(), named.version.clone());
            if same_name {
                ImportError::ChecklistChanged { id, version }
            } else {
                ImportError::UnknownChecklist { id, version }
            }
        })?;
    let school_type = export
        .profile
        .school_type
        .ok_or(ImportError::NoSchoolType)?;
    // A 初中 on a 小学-only checklist has nothing to be scored on (it verified as 0/0).
    if !checklist.doc().school_types.contains(&school_type) {
        return Err(ImportError::SchoolTypeNotCovered { school_type });
    }
    Ok((checklist, school_type))
}

/// A result's canonical form, as a file's digest covers it.
/// Through a value, as the app writes a result into a file: a second writer of every result
/// type would weigh on the principal's first load (one straight from the type was 6 % fewer
/// instructions per file and 5.6 KB more brotli).
fn canonical_result(result: &Assessment) -> Option<Vec<u8>> {
    // Most results are a few to a few tens of kilobytes: fewer copies as it grows.
    let mut out = Vec::with_capacity(16 * 1024);
    let value = serde_json::to_value(result).ok()?;
    crate::core::canonical::write(&value, &mut out)?;
    Some(out)
}
