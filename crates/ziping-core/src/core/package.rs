//! 报送包 (the submission package): one zip file with the school's submission and every
//! evidence file (佐证材料) it names, each bound to its item and checked by the SHA-256 the
//! submission already records. See docs/export-format.md §报送包.
//!
//! Written by the principal's app with the entries stored, not compressed (scans and photos
//! are compressed already, and the writer then needs no compressor in the first load). Read by
//! county mode and `ziping verify|aggregate` strictly: the package holds `submission.json` and
//! exactly the evidence files the submission lists, at the paths [`evidence_path`] gives, and
//! nothing else. Entries compressed with DEFLATE (a package someone re-zipped) are read too,
//! never beyond [`MAX_PACKAGE_BYTES`] in all. Anything else is refused with the reason
//! ([`PackageProblem`]), and the refusal concerns this file only.
//!
//! The container is `rawzip` (no dependencies, no `unsafe`, leaves decompression and limits
//! to us, which is what a hostile file needs) with `miniz_oxide` for DEFLATE.

use crate::core::checklist::Checklist;
pub use crate::core::export::PackageProblem;
use crate::core::export::{read, sha256_hex, verify as verify_file, Attachment, Export};
use crate::core::export::{ImportError, Verified};
use std::collections::{BTreeMap, BTreeSet};

/// The submission's name inside a package.
pub const SUBMISSION_ENTRY: &str = "submission.json";

/// The largest package written or read, and the most its entries may expand to in all: the
/// county's upload limit (an e-mail attachment or a USB stick's worth of scans). Larger
/// evidence stays with the school and is checked on site.
pub const MAX_PACKAGE_BYTES: u64 = 50 * 1024 * 1024;

/// More entries than this is not a school's evidence.
pub const MAX_ENTRIES: usize = 2_000;

/// Whether these bytes are a zip archive (a package), by its signature.
pub fn is_package(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// A path component safe on every system: no separators, no characters Windows refuses, no
/// control characters, no leading dots, at most 80 characters.
fn component(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .take(80)
        .collect();
    let cleaned = cleaned.trim_start_matches('.').trim();
    if cleaned.is_empty() {
        "_".into()
    } else {
        cleaned.to_string()
    }
}

/// Where an evidence file lies in a package: `evidence/<item>/<first 12 of its SHA-256>-<name>`
/// (readable when a person unpacks it; the hash keeps two files of one name apart).
pub fn evidence_path(a: &Attachment) -> String {
    format!(
        "evidence/{}/{}-{}",
        component(&a.item),
        a.sha256.get(..12).unwrap_or(&a.sha256),
        component(&a.name)
    )
}

/// Makes a package of the submission `text` (as exported) and the evidence it lists, by
/// SHA-256 in `bytes`. Refused when a listed file is missing or changed, or the package would
/// be larger than [`MAX_PACKAGE_BYTES`].
pub fn write(
    text: &str,
    attachments: &[Attachment],
    bytes: &BTreeMap<String, Vec<u8>>,
) -> Result<Vec<u8>, PackageProblem> {
    let mut total = text.len() as u64;
    let mut entries: Vec<(String, &[u8])> = Vec::new();
    let mut paths = BTreeSet::new();
    for a in attachments {
        let path = evidence_path(a);
        if !paths.insert(path.clone()) {
            continue;
        }
        let Some(b) = bytes.get(&a.sha256) else {
            return Err(PackageProblem::Missing {
                item: a.item.clone(),
                name: a.name.clone(),
            });
        };
        if sha256_hex(b) != a.sha256 {
            return Err(PackageProblem::HashMismatch {
                item: a.item.clone(),
                name: a.name.clone(),
            });
        }
        total += b.len() as u64;
        entries.push((path, b));
    }
    // Headers: about 100 bytes and the path twice per entry.
    total += entries
        .iter()
        .map(|(p, _)| 100 + 2 * p.len() as u64)
        .sum::<u64>();
    if total > MAX_PACKAGE_BYTES {
        return Err(PackageProblem::TooLarge {
            size: total,
            limit: MAX_PACKAGE_BYTES,
        });
    }
    let mut out = Vec::with_capacity(total as usize + 200);
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    let mut add = |path: &str, data: &[u8]| -> Result<(), rawzip::Error> {
        let (mut entry, config) = archive.new_file(path).start()?;
        let mut writer = config.wrap(&mut entry);
        std::io::Write::write_all(&mut writer, data)?;
        let (_, descriptor) = writer.finish()?;
        entry.finish(descriptor)?;
        Ok(())
    };
    let written = add(SUBMISSION_ENTRY, text.as_bytes())
        .and_then(|_| entries.iter().try_for_each(|(p, b)| add(p, b)))
        .and_then(|_| archive.finish().map(|_| ()));
    // Writing to memory fails only on an archive rawzip cannot describe (none of ours).
    written.map_err(|_| PackageProblem::NotAZip)?;
    Ok(out)
}

/// A package read and checked: the submission's text and every evidence file, by path.
#[derive(Clone, Debug, PartialEq)]
pub struct Package {
    pub submission: Vec<u8>,
    pub export: Export,
    /// (the attachment, its bytes), in the submission's order.
    pub evidence: Vec<(Attachment, Vec<u8>)>,
}

fn unsafe_path(raw: &[u8]) -> bool {
    let Ok(p) = std::str::from_utf8(raw) else {
        return true;
    };
    p.starts_with('/')
        || p.contains('\\')
        || p.as_bytes().get(1) == Some(&b':')
        || p.split('/').any(|s| s == ".." || s == ".")
        || p.chars().any(char::is_control)
}

/// The entries of a zip archive, expanded within the limits: (path, bytes).
fn entries(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, PackageProblem> {
    if bytes.len() as u64 > MAX_PACKAGE_BYTES {
        return Err(PackageProblem::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_PACKAGE_BYTES,
        });
    }
    let archive = rawzip::ZipArchive::from_slice(bytes).map_err(|_| PackageProblem::NotAZip)?;
    if archive.entries_hint() > MAX_ENTRIES as u64 {
        return Err(PackageProblem::TooManyEntries { limit: MAX_ENTRIES });
    }
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut ranges: Vec<(u64, u64, String)> = Vec::new();
    let mut expanded = 0u64;
    for entry in archive.entries() {
        let entry = entry.map_err(|_| PackageProblem::NotAZip)?;
        if out.len() + 1 > MAX_ENTRIES {
            return Err(PackageProblem::TooManyEntries { limit: MAX_ENTRIES });
        }
        let raw = entry.file_path();
        let raw = raw.as_ref();
        let path = String::from_utf8_lossy(raw).into_owned();
        if unsafe_path(raw) {
            return Err(PackageProblem::UnsafePath { path });
        }
        if !seen.insert(path.clone()) {
            return Err(PackageProblem::DuplicatePath { path });
        }
        if entry.is_dir() {
            continue;
        }
        let damaged = || PackageProblem::Damaged { path: path.clone() };
        let local = archive
            .get_entry(entry.wayfinder())
            .map_err(|_| damaged())?;
        let (start, end) = local.compressed_data_range();
        if ranges.iter().any(|&(s, e, _)| start < e && s < end) {
            return Err(PackageProblem::Overlapping { path });
        }
        ranges.push((start, end, path.clone()));
        if entry.flags().is_encrypted() || entry.flags().has_strong_encryption() {
            return Err(PackageProblem::Unsupported { path });
        }
        let declared = entry.uncompressed_size_hint();
        let room = MAX_PACKAGE_BYTES - expanded;
        if declared > room {
            return Err(PackageProblem::Expands {
                limit: MAX_PACKAGE_BYTES,
            });
        }
        let data = match entry.compression_method() {
            rawzip::CompressionMethod::STORE => local.data().to_vec(),
            rawzip::CompressionMethod::DEFLATE => {
                // Never more than the entry says it holds, and never more than the room left:
                // a bomb that lies about its size stops here.
                miniz_oxide::inflate::decompress_to_vec_with_limit(local.data(), declared as usize)
                    .map_err(|e| match e.status {
                        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                            PackageProblem::Expands {
                                limit: MAX_PACKAGE_BYTES,
                            }
                        }
                        _ => damaged(),
                    })?
            }
            _ => return Err(PackageProblem::Unsupported { path }),
        };
        if data.len() as u64 != declared || rawzip::crc32(&data) != entry.crc32() {
            return Err(damaged());
        }
        expanded += data.len() as u64;
        out.push((path, data));
    }
    Ok(out)
}

/// Reads a package: its entries within the limits, its submission (read as any submission
/// file is), and each evidence file matched to the attachment it is listed as, by path and
/// SHA-256. Nothing unlisted, nothing missing.
pub fn open(bytes: &[u8]) -> Result<Package, ImportError> {
    let problem = |problem| ImportError::Package { problem };
    let mut entries: BTreeMap<String, Vec<u8>> =
        entries(bytes).map_err(problem)?.into_iter().collect();
    let submission = entries
        .remove(SUBMISSION_ENTRY)
        .ok_or(problem(PackageProblem::NoSubmission))?;
    let export = read(&submission)?;
    let mut evidence = Vec::with_capacity(export.attachments.len());
    for a in &export.attachments {
        let path = evidence_path(a);
        let Some(data) = entries.remove(&path) else {
            if evidence
                .iter()
                .any(|(b, _): &(Attachment, Vec<u8>)| evidence_path(b) == path)
            {
                continue;
            }
            return Err(problem(PackageProblem::Missing {
                item: a.item.clone(),
                name: a.name.clone(),
            }));
        };
        if data.len() as u64 != a.size || sha256_hex(&data) != a.sha256 {
            return Err(problem(PackageProblem::HashMismatch {
                item: a.item.clone(),
                name: a.name.clone(),
            }));
        }
        evidence.push((a.clone(), data));
    }
    if let Some(path) = entries.into_keys().next() {
        return Err(problem(PackageProblem::Unlisted { path }));
    }
    Ok(Package {
        submission,
        export,
        evidence,
    })
}

/// A submission file or a package, verified against the checklists it may name (a package's
/// evidence checked first): what county mode and the command line read. With it, how many
/// evidence files came with it (none for a plain submission).
pub fn verify(bytes: &[u8], checklists: &[Checklist]) -> Result<(Verified, usize), ImportError> {
    if is_package(bytes) {
        let package = open(bytes)?;
        Ok((
            verify_file(&package.submission, checklists)?,
            package.evidence.len(),
        ))
    } else {
        Ok((verify_file(bytes, checklists)?, 0))
    }
}

/// One evidence file of a package, by its attachment (for opening it from a school's report).
pub fn evidence_of(bytes: &[u8], a: &Attachment) -> Option<Vec<u8>> {
    open(bytes)
        .ok()?
        .evidence
        .into_iter()
        .find(|(b, _)| b.item == a.item && b.sha256 == a.sha256)
        .map(|(_, data)| data)
}
