//! The submission file a school sends the county (`ziping.export/1`), and its verification.
//!
//! The digest is SHA-256 over the RFC 8785 (JCS) canonical form of the whole document without
//! its `digest` field. It detects corruption and edits made outside ziping. It is not a
//! signature: anyone with ziping (or the published algorithm) can change a file and compute a
//! new digest, so it does not prove who made the file. See docs/export-format.md.

use crate::core::answers::Answers;
pub use crate::core::canonical::sha256_hex;
use crate::core::canonical::Field;
use crate::core::checklist::Checklist;
pub use crate::core::json::FieldProblem;
use crate::core::model::{ChecklistDoc, SchoolType};
use crate::core::school::{PlanRow, Profile};
use crate::core::score::assess;
use serde::{Deserialize, Serialize};

mod integers;
mod stored;
mod verified;
use integers::exact_integers;
pub use stored::StoredResult;
pub use verified::{verify, Verified};

/// The `format` of a submission file as written now.
pub const EXPORT_FORMAT: &str = "ziping.export/2";

/// The first format (read, and migrated: see [`ExportV1`]).
pub const EXPORT_FORMAT_V1: &str = "ziping.export/1";

/// Files larger than this are refused before parsing (a complete 300-item export is ~200 KB).
pub const MAX_EXPORT_BYTES: usize = 4 * 1024 * 1024;

/// Which checklist the answers are for, and the hash of its canonical content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistStamp {
    pub id: String,
    pub version: String,
    /// SHA-256 (hex) of the RFC 8785 canonical form of the checklist.
    pub sha256: String,
}

/// An evidence file named in the submission (the bytes stay with the school).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub item: String,
    pub name: String,
    pub size: u64,
    pub mime: String,
    pub sha256: String,
}

impl Attachment {
    /// Describes an evidence file for item `item`: the bytes stay with the school, the
    /// submission names them and carries their SHA-256, so the county can match a file later.
    pub fn describe(item: &str, name: &str, mime: &str, bytes: &[u8]) -> Attachment {
        Attachment {
            item: item.into(),
            name: name.into(),
            size: bytes.len() as u64,
            mime: mime.into(),
            sha256: sha256_hex(bytes),
        }
    }
}

/// Last year's submission a file continues (年度对比): which file, and of which year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousRef {
    /// Last year's file's digest: the county finds the file by it.
    pub digest: String,
    pub school_year: String,
    /// RFC 3339: when last year's file was exported.
    pub exported: String,
}

/// The submission file (format 2), field by field as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Export {
    pub format: String,
    pub app_version: String,
    pub checklist: ChecklistStamp,
    pub profile: Profile,
    pub answers: Answers,
    pub attachments: Vec<Attachment>,
    /// The result as the school's app computed it, kept as the JSON it is: never read back
    /// into an [`Assessment`]. The county recomputes the result from the raw answers and
    /// compares the two, so the stored copy only has to be a JSON object.
    pub result: StoredResult,
    pub plan: Vec<PlanRow>,
    /// The file of last year this one continues, if the school started from it.
    pub previous: Option<PreviousRef>,
    /// 上年整改落实情况: last year's 整改 rows, each with how far it got.
    pub review: Vec<crate::core::school::ReviewRow>,
    /// RFC 3339 with offset: when the draft was started, and when this file was written.
    pub created: String,
    pub exported: String,
    /// SHA-256 (hex) of the canonical form of everything else.
    pub digest: String,
}

/// Format 1 of the submission file, as it was written: read, its digest checked over exactly
/// its own fields, then migrated to the current format (no previous year, no review).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportV1 {
    pub format: String,
    pub app_version: String,
    pub checklist: ChecklistStamp,
    pub profile: Profile,
    pub answers: Answers,
    pub attachments: Vec<Attachment>,
    /// The result as the school's app computed it, kept as the JSON it is: never read back
    /// into an [`Assessment`]. The county recomputes the result from the raw answers and
    /// compares canonical forms (RFC 8785), so the stored copy only has to be a JSON object.
    pub result: StoredResult,
    pub plan: Vec<PlanRow>,
    /// RFC 3339 with offset: when the draft was started, and when this file was written.
    pub created: String,
    pub exported: String,
    /// SHA-256 (hex) of the canonical form of everything else.
    pub digest: String,
}

/// Why a file could not be read at all, as the system said it (its words are not kept: the
/// interface words the kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unreadable {
    /// A folder, a device or another thing that is not a file.
    NotAFile,
    NotFound,
    PermissionDenied,
    /// Anything else the system refused.
    Other,
}

impl Unreadable {
    /// The kind of an I/O error.
    pub fn of(kind: std::io::ErrorKind) -> Unreadable {
        match kind {
            std::io::ErrorKind::NotFound => Unreadable::NotFound,
            std::io::ErrorKind::PermissionDenied => Unreadable::PermissionDenied,
            _ => Unreadable::Other,
        }
    }
}

/// Why a submission cannot be written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("the school type is not chosen")]
    NoSchoolType,
    /// A value that JSON cannot carry (serde refused it): nothing is written rather than an
    /// empty file or a digest of nothing.
    #[error("the document cannot be written as JSON: {reason}")]
    NotSerializable { reason: String },
    #[error("{field} is not an RFC 3339 time: '{value}'")]
    BadTime { field: &'static str, value: String },
    /// The 报送包 could not be made (an evidence file missing or changed, too large).
    #[error("the package cannot be made: {problem}")]
    Package { problem: PackageProblem },
}

/// Why a package cannot be used (or made). Typed: worded where it is shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum PackageProblem {
    /// Not a zip archive that can be read (cut short, or not a zip at all).
    #[error("not a readable zip archive")]
    NotAZip,
    #[error("the package is {size} bytes, more than {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// Making a package: it would be larger than the limit; its largest evidence file named.
    #[error("the package would be {size} bytes, more than {limit}; the largest file is {name} of {item} ({file_size} bytes)")]
    EvidenceTooLarge {
        size: u64,
        limit: u64,
        item: String,
        name: String,
        file_size: u64,
    },
    /// Its entries would expand beyond the limit (a zip bomb, or simply too much).
    #[error("the entries expand to more than {limit} bytes")]
    Expands { limit: u64 },
    #[error("more than {limit} entries")]
    TooManyEntries { limit: usize },
    /// An absolute path, a `..`, a drive letter or a backslash: a file meant to land outside
    /// wherever the package is unpacked.
    #[error("unsafe path {path}")]
    UnsafePath { path: String },
    #[error("the path {path} appears twice")]
    DuplicatePath { path: String },
    /// Two entries share their compressed bytes (a trick of zip bombs).
    #[error("entries overlap at {path}")]
    Overlapping { path: String },
    /// Encrypted, or compressed by a method other than store and DEFLATE.
    #[error("{path} is encrypted or compressed in an unsupported way")]
    Unsupported { path: String },
    /// The bytes of an entry are damaged (its CRC or size disagree, or it does not inflate).
    #[error("{path} is damaged")]
    Damaged { path: String },
    #[error("no submission.json in the package")]
    NoSubmission,
    /// A file the submission does not list.
    #[error("{path} is not listed in the submission")]
    Unlisted { path: String },
    /// An evidence file the submission lists and the package lacks (or, when making a
    /// package, this browser no longer has).
    #[error("the evidence file {name} of item {item} is missing")]
    Missing { item: String, name: String },
    /// An evidence file whose bytes are not the ones the submission recorded.
    #[error("the evidence file {name} of item {item} does not match its SHA-256")]
    HashMismatch { item: String, name: String },
}

/// Why a file is not a valid submission. Each names what is wrong; the app words it in Chinese.
/// Serializable, so a worker that read the file can say why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum ImportError {
    #[error("the file is {size} bytes, more than {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("the file is not UTF-8 text")]
    NotUtf8,
    /// Nothing in it but white space (or nothing at all): a file saved before it was written,
    /// or the wrong file.
    #[error("the file is empty")]
    Empty,
    #[error("not JSON at line {line}, column {column}: {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("nested too deeply")]
    TooDeep,
    #[error("not a ziping submission (no `format`)")]
    NotAnExport,
    #[error("unknown format '{found}'")]
    UnknownFormat { found: String },
    #[error("{path}: {problem}")]
    Field { path: String, problem: FieldProblem },
    #[error("{field} is not an RFC 3339 time: '{value}'")]
    BadTime { field: String, value: String },
    #[error("the digest does not match: the file was changed after it was exported")]
    DigestMismatch { stored: String, computed: String },
    #[error("unknown checklist {id} version {version}")]
    UnknownChecklist { id: String, version: String },
    /// County mode: the checklist came in this batch and waits for the officer to accept it.
    #[error("checklist {id} version {version} waits for the county to accept it")]
    ChecklistAwaiting { id: String, version: String },
    #[error("checklist {id} version {version} differs from the one the file was made with")]
    ChecklistChanged { id: String, version: String },
    #[error("the school type is not chosen")]
    NoSchoolType,
    /// The file could not be read at all (a permission, a broken link, not a regular file).
    #[error("the file could not be read ({why:?})")]
    Unreadable { why: Unreadable },
    /// A 学年 the county cannot read as one school year (`canonical_school_year`).
    #[error("the school year '{year}' is not a school year such as 2026-2027")]
    BadSchoolYear { year: String },
    /// An integer beyond ±2^53: JSON readers (and the digest's canonical form) keep it as the
    /// nearest double, so a changed digit would go unseen.
    #[error("the number {number} is too large to be kept exactly")]
    NumberTooPrecise { number: String },
    /// A 报送包 where only a submission file is read (打开报送文件, 从上年的文件开始): the
    /// principal is told to take `submission.json` out of it.
    #[error("a package (.zip): open the submission.json inside it")]
    IsPackage,
    /// A 报送包 that cannot be used (see `core::package`).
    #[error("the package cannot be used: {problem}")]
    Package { problem: PackageProblem },
    #[error("the checklist does not cover this school type ({school_type:?})")]
    SchoolTypeNotCovered {
        school_type: crate::core::model::SchoolType,
    },
}

/// The stamp of a checklist: id, version and the hash of its canonical content.
pub fn stamp(checklist: &Checklist) -> ChecklistStamp {
    let doc: &ChecklistDoc = checklist.doc();
    ChecklistStamp {
        id: doc.id.clone(),
        version: doc.version.clone(),
        sha256: checklist.sha256().to_string(),
    }
}

fn check_time(field: &'static str, value: &str) -> Result<(), (&'static str, String)> {
    chrono::DateTime::parse_from_rfc3339(value)
        .map(|_| ())
        .map_err(|_| (field, value.to_string()))
}

/// SHA-256 of the RFC 8785 form of `body` (a document's fields but its digest and its stored
/// result) with `result`, the stored result's canonical form, added: the bulk of a file is
/// written once (or checked against the recomputed result's), not copied into another tree.
fn digest_with_result(body: impl Serialize, result: &[u8]) -> Result<String, ExportError> {
    let body = serde_json::to_value(body).map_err(|e| ExportError::NotSerializable {
        reason: e.to_string(),
    })?;
    let body = body.as_object().ok_or_else(not_canonical)?;
    let entries = body
        .iter()
        .map(|(k, v)| (k.as_str(), Field::Value(v)))
        .chain(std::iter::once(("result", Field::Canonical(result))));
    let bytes = crate::core::canonical::object_bytes(entries).ok_or_else(not_canonical)?;
    Ok(sha256_hex(&bytes))
}

fn not_canonical() -> ExportError {
    ExportError::NotSerializable {
        reason: "a number JSON cannot carry, or a key twice".into(),
    }
}

/// The digest a document should carry: over everything but the `digest` field. Destructured
/// field by field, so a new field of `Export` does not compile until it is in the digest (or
/// said not to be).
pub fn digest_of(e: &Export) -> Result<String, ExportError> {
    digest_with(e, &e.result.canonical().ok_or_else(not_canonical)?)
}

/// [`digest_of`] with the stored result's canonical form already written.
fn digest_with(e: &Export, result: &[u8]) -> Result<String, ExportError> {
    let Export {
        format,
        app_version,
        checklist,
        profile,
        answers,
        attachments,
        result: _,
        plan,
        previous,
        review,
        created,
        exported,
        digest: _,
    } = e;
    #[derive(Serialize)]
    struct Body<'a> {
        format: &'a str,
        app_version: &'a str,
        checklist: &'a ChecklistStamp,
        profile: &'a Profile,
        answers: &'a Answers,
        attachments: &'a [Attachment],
        plan: &'a [PlanRow],
        previous: &'a Option<PreviousRef>,
        review: &'a [crate::core::school::ReviewRow],
        created: &'a str,
        exported: &'a str,
    }
    digest_with_result(
        Body {
            format,
            app_version,
            checklist,
            profile,
            answers,
            attachments,
            plan,
            previous,
            review,
            created,
            exported,
        },
        result,
    )
}

/// A format-1 file's digest, over exactly its own fields.
pub fn digest_of_v1(e: &ExportV1) -> Result<String, ExportError> {
    digest_with_v1(e, &e.result.canonical().ok_or_else(not_canonical)?)
}

fn digest_with_v1(e: &ExportV1, result: &[u8]) -> Result<String, ExportError> {
    let ExportV1 {
        format,
        app_version,
        checklist,
        profile,
        answers,
        attachments,
        result: _,
        plan,
        created,
        exported,
        digest: _,
    } = e;
    #[derive(Serialize)]
    struct Body<'a> {
        format: &'a str,
        app_version: &'a str,
        checklist: &'a ChecklistStamp,
        profile: &'a Profile,
        answers: &'a Answers,
        attachments: &'a [Attachment],
        plan: &'a [PlanRow],
        created: &'a str,
        exported: &'a str,
    }
    digest_with_result(
        Body {
            format,
            app_version,
            checklist,
            profile,
            answers,
            attachments,
            plan,
            created,
            exported,
        },
        result,
    )
}

impl From<ExportV1> for Export {
    /// Format 1 had no previous year and no review; the digest stays the one the school's file
    /// carries (it was checked over format 1's fields).
    fn from(v1: ExportV1) -> Export {
        let ExportV1 {
            format,
            app_version,
            checklist,
            profile,
            answers,
            attachments,
            result,
            plan,
            created,
            exported,
            digest,
        } = v1;
        Export {
            format,
            app_version,
            checklist,
            profile,
            answers,
            attachments,
            result,
            plan,
            previous: None,
            review: Vec::new(),
            created,
            exported,
            digest,
        }
    }
}

/// What a school exports: its draft's parts, scored now against `checklist`.
pub struct Submission<'a> {
    pub checklist: &'a Checklist,
    pub profile: &'a Profile,
    pub answers: &'a Answers,
    pub plan: &'a [PlanRow],
    pub attachments: &'a [Attachment],
    pub created: &'a str,
    /// RFC 3339, from the caller's clock.
    pub exported: &'a str,
    pub app_version: &'a str,
    /// Last year's file this one continues, and last year's 整改 rows reviewed.
    pub previous: Option<&'a PreviousRef>,
    pub review: &'a [crate::core::school::ReviewRow],
}

/// Builds the submission document, with its result and digest.
pub fn export(s: &Submission) -> Result<Export, ExportError> {
    let school_type: SchoolType = s.profile.school_type.ok_or(ExportError::NoSchoolType)?;
    for (field, value) in [("created", s.created), ("exported", s.exported)] {
        check_time(field, value).map_err(|(field, value)| ExportError::BadTime { field, value })?;
    }
    let mut doc = Export {
        format: EXPORT_FORMAT.into(),
        app_version: s.app_version.into(),
        checklist: stamp(s.checklist),
        profile: s.profile.clone(),
        answers: s.answers.clone(),
        attachments: s.attachments.to_vec(),
        result: StoredResult::of(&assess(s.checklist, school_type, s.answers))?,
        plan: s.plan.to_vec(),
        previous: s.previous.cloned(),
        review: s.review.to_vec(),
        created: s.created.into(),
        exported: s.exported.into(),
        digest: String::new(),
    };
    doc.digest = digest_of(&doc)?;
    Ok(doc)
}

/// The file's text: pretty JSON (the digest does not depend on the layout), ending in a
/// newline; an error rather than an empty file.
pub fn to_text(doc: &Export) -> Result<String, ExportError> {
    let mut text = serde_json::to_string_pretty(doc).map_err(|e| ExportError::NotSerializable {
        reason: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}

/// Reads a submission file into the current format, checking everything but the checklist.
pub fn read(bytes: &[u8]) -> Result<Export, ImportError> {
    read_sealed(bytes, |_| None).map(|(export, _)| export)
}

/// [`read`], with the stored result's canonical form the digest was checked over.
/// `expected` may say what that form likely is (for a file of the current format), which is
/// then checked rather than written from the text.
fn read_sealed(
    bytes: &[u8],
    expected: impl FnOnce(&Export) -> Option<Vec<u8>>,
) -> Result<(Export, Vec<u8>), ImportError> {
    if bytes.len() > MAX_EXPORT_BYTES {
        return Err(ImportError::TooLarge {
            size: bytes.len(),
            limit: MAX_EXPORT_BYTES,
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(ImportError::IsPackage);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    exact_integers(text)?;
    let current = |e: Export| {
        let expected = expected(&e);
        let result = sealed(
            (&e.created, &e.exported, &e.digest),
            text,
            (&e.result, expected),
            |r| digest_with(&e, r),
        )?;
        Ok((e, result))
    };
    // Nearly every file is of the current format: read straight into its type. Any other
    // (older, newer, not a submission, not JSON) is then told by its format alone, so it gets
    // its own answer.
    if let Ok(e) = serde_json::from_str::<Export>(text) {
        if e.format == EXPORT_FORMAT {
            return current(e);
        }
    }
    let format = format_of(text)?;
    match format.as_str() {
        EXPORT_FORMAT => {
            let e: Export = serde_json::from_str(text).map_err(|e| field_error(text, e))?;
            current(e)
        }
        // One migration per older format, each with its test.
        EXPORT_FORMAT_V1 => {
            let e: ExportV1 = serde_json::from_str(text).map_err(|e| field_error(text, e))?;
            let result = sealed(
                (&e.created, &e.exported, &e.digest),
                text,
                (&e.result, None),
                |r| digest_with_v1(&e, r),
            )?;
            Ok((Export::from(e), result))
        }
        _ => Err(ImportError::UnknownFormat { found: format }),
    }
}

/// A file's times (created, exported) are RFC 3339 and its digest (`stored`) is the one its
/// content gives. Returns the stored result's canonical form (`text` is the whole file's: why
/// a result has none is told as reading the file into values tells it); `expected`, what that
/// form likely is, is used when the stored result is plainly it.
fn sealed(
    (created, exported, stored): (&str, &str, &str),
    text: &str,
    (result, expected): (&StoredResult, Option<Vec<u8>>),
    digest: impl FnOnce(&[u8]) -> Result<String, ExportError>,
) -> Result<Vec<u8>, ImportError> {
    for (field, value) in [("created", created), ("exported", exported)] {
        check_time(field, value).map_err(|(field, value)| ImportError::BadTime {
            field: field.to_string(),
            value,
        })?;
    }
    // The typed read took the result as text, checked for syntax only: a number out of range,
    // a string JSON cannot hold or nesting too deep are told here, as before, and a result
    // that reads as values all the same has a key twice.
    let result = match expected {
        Some(expected) if result.is(&expected) => Some(expected),
        _ => result.canonical(),
    };
    let result = result.ok_or_else(|| match serde_json::from_str::<serde_json::Value>(text) {
        Err(e) => json_error(e),
        Ok(_) => ImportError::Field {
            path: "result".into(),
            problem: FieldProblem::DuplicateKey,
        },
    })?;
    let computed = digest(&result).map_err(|_| ImportError::Field {
        path: "$".into(),
        problem: FieldProblem::Unwritable,
    })?;
    if computed != stored {
        return Err(ImportError::DigestMismatch {
            stored: stored.to_string(),
            computed,
        });
    }
    Ok(result)
}

/// The file's `format`: `NotJson` if the text is not JSON, `NotAnExport` if it has no format.
fn format_of(text: &str) -> Result<String, ImportError> {
    #[derive(Deserialize)]
    struct Format<'a> {
        #[serde(borrow)]
        format: Option<std::borrow::Cow<'a, str>>,
    }
    match serde_json::from_str::<Format>(text) {
        Ok(Format { format: Some(f) }) => Ok(f.into_owned()),
        Ok(Format { format: None }) => Err(ImportError::NotAnExport),
        // Not JSON, or another shape (an array, a number for `format` …): read again as a tree,
        // on this error path only, so nesting too deep is named before the syntax after it.
        Err(_) => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => Err(ImportError::NotAnExport),
            Err(e) => Err(json_error(e)),
        },
    }
}

/// Names the section of the file that is wrong (on the error path only): each section's text
/// is read again on its own by the same typed reader the whole read uses (so this adds little
/// to the browser bundle, unlike a path-tracking deserializer; reading the sections from a
/// tree of values instead took 17 KB of the principal's wasm), and the first that fails is
/// reported with serde's reason, which names the unknown, missing or mistyped field. Problems
/// at the top level (an unknown field, a section twice) are reported as `$`.
fn field_error(text: &str, whole: serde_json::Error) -> ImportError {
    // What a typed read skips (a number out of range in an unknown field) is still not JSON.
    if let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        return json_error(e);
    }
    // Each top-level section's text (the last of a key written twice, as a tree would keep).
    let Ok(parts) = serde_json::from_str::<
        std::collections::BTreeMap<String, &serde_json::value::RawValue>,
    >(text) else {
        return ImportError::Field {
            path: "$".into(),
            problem: FieldProblem::from_serde(&whole),
        };
    };
    let parts = &parts;
    fn check<T: serde::de::DeserializeOwned>(
        parts: &std::collections::BTreeMap<String, &serde_json::value::RawValue>,
        key: &str,
    ) -> Option<FieldProblem> {
        let part = parts.get(key)?;
        let e = serde_json::from_str::<T>(part.get()).err()?;
        Some(match FieldProblem::from_serde(&e) {
            // The text is JSON (read as a tree above): what the typed reader calls a syntax
            // error is a shape it does not read (an answer with a second key: "expected `}`").
            FieldProblem::Syntax | FieldProblem::Truncated => FieldProblem::Other,
            problem => problem,
        })
    }
    let sections = [
        ("checklist", check::<ChecklistStamp>(parts, "checklist")),
        ("profile", check::<Profile>(parts, "profile")),
        ("answers", check::<Answers>(parts, "answers")),
        (
            "attachments",
            check::<Vec<Attachment>>(parts, "attachments"),
        ),
        ("result", check::<StoredResult>(parts, "result")),
        ("plan", check::<Vec<PlanRow>>(parts, "plan")),
    ];
    for (key, problem) in sections {
        if let Some(problem) = problem {
            return ImportError::Field {
                path: key.into(),
                problem,
            };
        }
    }
    ImportError::Field {
        path: "$".into(),
        problem: FieldProblem::from_serde(&whole),
    }
}

fn json_error(e: serde_json::Error) -> ImportError {
    if e.to_string().contains("recursion limit") {
        ImportError::TooDeep
    } else {
        ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }
}

/// A file name that tells the county what it is, in characters every file system accepts:
/// `县-学校-清单-学年-日期.json`.
pub fn file_name(doc: &Export) -> String {
    let day = doc.exported.get(..10).unwrap_or("");
    crate::core::filename::join_parts(
        &[
            &doc.profile.county,
            &doc.profile.school_name,
            &doc.checklist.id,
            &doc.profile.school_year,
            day,
        ],
        "ziping",
        "json",
    )
}
