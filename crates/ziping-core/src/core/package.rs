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

/// The zip format's CRC-32 (ISO-HDLC), byte at a time over a 1 KB table: small in the first
/// load, and fast enough for 50 MB.
const CRC: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

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

/// How large the package of this submission and these attachments will be (their sizes as
/// recorded, each path once, with the zip's headers).
pub fn size_of(text: &str, attachments: &[Attachment]) -> u64 {
    let mut paths = BTreeSet::new();
    let mut total = text.len() as u64 + 200;
    for a in attachments {
        let path = evidence_path(a);
        total += 100 + 2 * path.len() as u64;
        if paths.insert(path) {
            total += a.size;
        }
    }
    total
}

/// Why the package of this submission and these attachments would be too large, naming its
/// largest evidence file; `None` when it fits.
pub fn too_large(text: &str, attachments: &[Attachment]) -> Option<PackageProblem> {
    let size = size_of(text, attachments);
    let largest = attachments.iter().max_by_key(|a| a.size)?;
    (size > MAX_PACKAGE_BYTES).then(|| PackageProblem::EvidenceTooLarge {
        size,
        limit: MAX_PACKAGE_BYTES,
        item: largest.item.clone(),
        name: largest.name.clone(),
        file_size: largest.size,
    })
}

/// Makes a package of the submission `text` (as exported at `exported`) and the evidence it
/// lists, by SHA-256 in `bytes`. Refused when a listed file is missing or changed, or the
/// package would be larger than [`MAX_PACKAGE_BYTES`].
pub fn write(
    text: &str,
    attachments: &[Attachment],
    bytes: &BTreeMap<String, Vec<u8>>,
    exported: &crate::core::time::Timestamp,
) -> Result<Vec<u8>, PackageProblem> {
    let mut entries: Vec<(String, &[u8])> = Vec::new();
    let mut paths: BTreeMap<String, &Attachment> = BTreeMap::new();
    for a in attachments {
        let path = evidence_path(a);
        match paths.get(&path) {
            Some(b) if b.sha256 == a.sha256 => continue,
            // Two files whose hashes begin alike, of one item and name: never packed as one.
            Some(_) => return Err(PackageProblem::DuplicatePath { path }),
            None => paths.insert(path.clone(), a),
        };
        let Some(b) = bytes.get(&a.sha256) else {
            return Err(PackageProblem::Missing {
                item: a.item.clone(),
                name: a.name.clone(),
            });
        };
        if b.len() as u64 != a.size || sha256_hex(b) != a.sha256 {
            return Err(PackageProblem::HashMismatch {
                item: a.item.clone(),
                name: a.name.clone(),
            });
        }
        entries.push((path, b));
    }
    // Each file's bytes are the ones its size was recorded for (checked above).
    if let Some(problem) = too_large(text, attachments) {
        return Err(problem);
    }
    let total = size_of(text, attachments);
    let mut out = Vec::with_capacity(total as usize + 200);
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    // Each entry a plain file made on Unix (rw-r--r--) and dated at the export: without them
    // an entry says "made by MS-DOS" and 1980, and unzip reads its UTF-8 name (flagged as
    // such) in the DOS code page. Every entry is stored, its CRC computed here (see `CRC`),
    // not by rawzip's writer.
    let made = rawzip::time::UtcDateTime::from_unix(exported.millis().div_euclid(1000));
    let mut add = |path: &str, data: &[u8]| -> Result<(), rawzip::Error> {
        let (mut entry, _) = archive
            .new_file(path)
            .unix_permissions(0o100644)
            .last_modified(made)
            .start()?;
        std::io::Write::write_all(&mut entry, data)?;
        let descriptor = rawzip::DataDescriptorOutput::new(CRC.checksum(data), data.len() as u64);
        entry.finish(descriptor)?;
        Ok(())
    };
    let written = add(SUBMISSION_ENTRY, text.as_bytes())
        .and_then(|_| entries.iter().try_for_each(|(p, b)| add(p, b)))
        .and_then(|_| archive.finish().map(|_| ()));
    // Writing to memory fails only on an archive rawzip cannot describe (none of ours).
    written.map_err(|_| PackageProblem::NotAZip)?;
    local_dos_times(&mut out, exported);
    Ok(out)
}

/// Dates every entry's MS-DOS date and time fields in the export's own wall-clock time: they
/// are local time by the zip format (Windows, 360压缩 and Python read them), while rawzip
/// writes them in UTC (a package exported at 22:06 in China read 14:06). The extended
/// timestamp beside them keeps the UTC instant (unzip reads that one). Walks the central
/// directory of the archive just written (no comment, no ZIP64: at most 50 MB).
fn local_dos_times(zip: &mut [u8], exported: &crate::core::time::Timestamp) {
    let t = exported.as_str().as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<u16> {
        std::str::from_utf8(t.get(range)?).ok()?.parse().ok()
    };
    let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) = (
        num(0..4),
        num(5..7),
        num(8..10),
        num(11..13),
        num(14..16),
        num(17..19),
    ) else {
        return;
    };
    let time = (h << 11) | (mi << 5) | (s / 2);
    let date = (y.saturating_sub(1980) << 9) | (mo << 5) | d;
    let u16_at = |z: &[u8], at: usize| u16::from_le_bytes([z[at], z[at + 1]]) as usize;
    let u32_at =
        |z: &[u8], at: usize| u32::from_le_bytes([z[at], z[at + 1], z[at + 2], z[at + 3]]) as usize;
    let Some(end) = zip.len().checked_sub(22) else {
        return;
    };
    if zip[end..end + 4] != *b"PK\x05\x06" {
        return;
    }
    let (entries, mut at) = (u16_at(zip, end + 10), u32_at(zip, end + 16));
    let stamp = |zip: &mut [u8], at: usize| {
        zip[at..at + 2].copy_from_slice(&time.to_le_bytes());
        zip[at + 2..at + 4].copy_from_slice(&date.to_le_bytes());
    };
    for _ in 0..entries {
        if zip
            .get(at..at + 46)
            .is_none_or(|h| h[..4] != *b"PK\x01\x02")
        {
            return;
        }
        let local = u32_at(zip, at + 42);
        if zip
            .get(local..local + 30)
            .is_none_or(|h| h[..4] != *b"PK\x03\x04")
        {
            return;
        }
        stamp(zip, at + 12);
        stamp(zip, local + 10);
        at += 46 + u16_at(zip, at + 28) + u16_at(zip, at + 30) + u16_at(zip, at + 32);
    }
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
    // Nothing after the archive, no comment: bytes nobody checks are bytes someone could read.
    if archive.end_offset() != bytes.len() as u64 || !archive.comment().as_bytes().is_empty() {
        return Err(PackageProblem::NotAZip);
    }
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut seen = BTreeSet::new();
    // Where each entry lies: (local header, end of its data, may a data descriptor follow).
    let mut spans: Vec<(u64, u64, bool, String)> = Vec::new();
    let mut expanded = 0u64;
    for entry in archive.entries() {
        let entry = entry.map_err(|_| PackageProblem::NotAZip)?;
        if out.len() + 1 > MAX_ENTRIES {
            return Err(PackageProblem::TooManyEntries { limit: MAX_ENTRIES });
        }
        let raw = entry.file_path();
        let raw = raw.as_ref();
        let path = String::from_utf8_lossy(raw).into_owned();
        // A name not marked UTF-8 is read as GBK by Chinese Windows: another name than the
        // one checked here.
        if unsafe_path(raw) || (!raw.is_ascii() && !entry.flags().is_utf8()) {
            return Err(PackageProblem::UnsafePath { path });
        }
        if !seen.insert(path.clone()) {
            return Err(PackageProblem::DuplicatePath { path });
        }
        let damaged = || PackageProblem::Damaged { path: path.clone() };
        let local = archive
            .get_entry(entry.wayfinder())
            .map_err(|_| damaged())?;
        // The local header says what the directory says (tools that read local headers in
        // order must find the same files, under the same names).
        let header = local.local_header();
        let encrypted = |f: rawzip::EntryFlags| f.is_encrypted() || f.has_strong_encryption();
        if encrypted(entry.flags()) || encrypted(header.flags()) {
            return Err(PackageProblem::Unsupported { path });
        }
        if header.file_path().as_ref() != raw
            || header.compression_method() != entry.compression_method()
        {
            return Err(damaged());
        }
        let (_, end) = local.compressed_data_range();
        spans.push((
            entry.local_header_offset(),
            end,
            header.flags().has_data_descriptor(),
            path.clone(),
        ));
        if entry.is_dir() {
            continue;
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
        let crc = rawzip::crc32(&data);
        if data.len() as u64 != declared || crc != entry.crc32() {
            return Err(damaged());
        }
        if let Some(d) = local.data_descriptor().map_err(|_| damaged())? {
            if d.crc32() != crc || d.uncompressed_size() != declared {
                return Err(damaged());
            }
        }
        expanded += data.len() as u64;
        out.push((path, data));
    }
    // The entries fill the archive from its first byte to its directory, one after another:
    // no bytes shared (a trick of zip bombs), no entry hidden between them that the directory
    // does not list.
    spans.sort_by_key(|s| s.0);
    let directory = archive.directory_offset();
    if spans.first().map_or(directory, |s| s.0) != 0 {
        return Err(PackageProblem::NotAZip);
    }
    for (n, (_, end, descriptor, path)) in spans.iter().enumerate() {
        let (next, next_path) = spans.get(n + 1).map_or((directory, path), |s| (s.0, &s.3));
        if next < *end {
            return Err(PackageProblem::Overlapping {
                path: next_path.clone(),
            });
        }
        // A data descriptor (12 to 24 bytes) may follow the data; nothing else may.
        if next - end > if *descriptor { 24 } else { 0 } {
            return Err(PackageProblem::Damaged { path: path.clone() });
        }
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
    // Each path once, and only ever for one file: an attachment listed again is the same file
    // (the same hash and size), never a second file hidden behind the first one's path.
    let mut listed: BTreeMap<String, &Attachment> = BTreeMap::new();
    for a in &export.attachments {
        let path = evidence_path(a);
        if let Some(b) = listed.get(&path) {
            if b.sha256 == a.sha256 && b.size == a.size {
                continue;
            }
            return Err(problem(PackageProblem::DuplicatePath { path }));
        }
        listed.insert(path.clone(), a);
        let Some(data) = entries.remove(&path) else {
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

/// The kind of an evidence file a browser may show, by its first bytes (never by the name or
/// type the school's file gives it): PNG, JPEG, GIF, WebP or PDF. Anything else (an SVG or a
/// web page could run a script) is offered as a download, never shown.
pub fn viewable_type(bytes: &[u8]) -> Option<&'static str> {
    let is = |magic: &[u8]| bytes.starts_with(magic);
    if is(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if is(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if is(b"GIF87a") || is(b"GIF89a") {
        Some("image/gif")
    } else if is(b"RIFF") && bytes.get(8..12) == Some(b"WEBP".as_slice()) {
        Some("image/webp")
    } else if is(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
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
