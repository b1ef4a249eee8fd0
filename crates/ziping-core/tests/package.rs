//! 报送包: a package made from a submission and its evidence reads back whole; every hostile
//! package (a bomb, a path out of its folder, a changed file, a file not listed) is refused
//! with its reason, and a refused package concerns itself only.

mod common;
#[path = "common/zip.rs"]
mod zip_helper;

use zip_helper::zip;

use common::*;
use std::collections::BTreeMap;
use ziping_core::core::aggregate::reduce;
use ziping_core::core::builtin::builtins;
use ziping_core::core::export::{to_text, Attachment, Export, ImportError};
use ziping_core::core::package::{
    evidence_path, open, verify, write, PackageProblem, MAX_PACKAGE_BYTES, SUBMISSION_ENTRY,
};

/// The 小学 example (one evidence file: `班级名册.pdf` for G6, whose bytes are the school's
/// name), its text and its evidence by SHA-256.
fn example() -> (Export, String, BTreeMap<String, Vec<u8>>) {
    let export = example_exports().remove(0);
    let text = to_text(&export).unwrap();
    let bytes = export.profile.school_name.as_bytes().to_vec();
    let evidence = BTreeMap::from([(export.attachments[0].sha256.clone(), bytes)]);
    (export, text, evidence)
}

fn problem(bytes: &[u8]) -> PackageProblem {
    match open(bytes) {
        Err(ImportError::Package { problem }) => problem,
        other => panic!("expected a refused package, got {other:?}"),
    }
}

/// The export's time, as the app hands it to `write`.
fn made(export: &ziping_core::core::export::Export) -> ziping_core::core::time::Timestamp {
    ziping_core::core::time::Timestamp::parse(&export.exported).unwrap()
}

fn known() -> Vec<ziping_core::core::checklist::Checklist> {
    builtins().unwrap()
}

#[test]
fn a_package_reads_back_with_its_evidence_and_verifies() {
    let (export, text, evidence) = example();
    let package = write(&text, &export.attachments, &evidence, &made(&export)).unwrap();
    let opened = open(&package).unwrap();
    assert_eq!(opened.submission, text.as_bytes());
    assert_eq!(opened.export, export);
    assert_eq!(opened.evidence.len(), 1);
    assert_eq!(opened.evidence[0].0, export.attachments[0]);
    assert_eq!(opened.evidence[0].1, "城关镇第一小学".as_bytes());
    let (v, files) = verify(&package, &known()).unwrap();
    assert_eq!(files, 1);
    assert_eq!(v.export, export);
    // The same file as plain JSON verifies too, with no evidence.
    assert_eq!(verify(text.as_bytes(), &known()).unwrap().1, 0);
    // A person unpacking it finds the evidence under its item.
    assert_eq!(
        evidence_path(&export.attachments[0]),
        format!(
            "evidence/G6/{}-班级名册.pdf",
            &export.attachments[0].sha256[..12]
        )
    );
}

#[test]
fn names_that_would_leave_their_folder_are_made_safe_when_written() {
    let (mut export, _, _) = example();
    let data = b"scan".to_vec();
    export.attachments = vec![
        Attachment::describe("G6", "../../etc/passwd", "text/plain", &data),
        Attachment::describe("../G7", "C:\\x.pdf", "application/pdf", &data),
        Attachment::describe("G8", "...", "text/plain", &data),
    ];
    for a in &export.attachments {
        let p = evidence_path(a);
        assert!(p.starts_with("evidence/"), "{p}");
        assert!(
            !p.split('/').any(|s| s == ".." || s == ".") && !p.contains(['\\', ':']),
            "{p}"
        );
    }
    // Such a submission packs and reads back (the reader finds each file where the writer
    // put it).
    export.digest = ziping_core::core::export::digest_of(&export).unwrap();
    let text = to_text(&export).unwrap();
    let sealed: Export = serde_json::from_str(&text).unwrap();
    let evidence = BTreeMap::from([(sealed.attachments[0].sha256.clone(), data)]);
    let package = write(&text, &sealed.attachments, &evidence, &made(&export)).unwrap();
    assert_eq!(open(&package).unwrap().evidence.len(), 3);
}

#[test]
fn making_a_package_says_which_evidence_file_is_missing_changed_or_too_large() {
    let (export, text, evidence) = example();
    assert_eq!(
        write(&text, &export.attachments, &BTreeMap::new(), &made(&export)),
        Err(PackageProblem::Missing {
            item: "G6".into(),
            name: "班级名册.pdf".into()
        })
    );
    let changed = BTreeMap::from([(export.attachments[0].sha256.clone(), b"other".to_vec())]);
    assert!(matches!(
        write(&text, &export.attachments, &changed, &made(&export)),
        Err(PackageProblem::HashMismatch { .. })
    ));
    let big = vec![0u8; MAX_PACKAGE_BYTES as usize];
    let mut attachments = export.attachments.clone();
    attachments.push(Attachment::describe("G5", "录像.mp4", "video/mp4", &big));
    let mut with_big = evidence.clone();
    with_big.insert(attachments[1].sha256.clone(), big);
    assert!(matches!(
        write(&text, &attachments, &with_big, &made(&export)),
        Err(PackageProblem::EvidenceTooLarge { limit: MAX_PACKAGE_BYTES, ref name, .. }) if name == "录像.mp4"
    ));
}

#[test]
fn hostile_packages_are_refused_with_their_reason() {
    let (export, text, evidence) = example();
    let a = &export.attachments[0];
    let right = evidence_path(a);
    let right = right.as_bytes();
    let scan = evidence[&a.sha256].as_slice();
    let sub = text.as_bytes();
    let s = SUBMISSION_ENTRY.as_bytes();

    // A path out of the folder, absolute, with a drive or a backslash.
    for bad in [
        b"../evil.sh".as_slice(),
        b"evidence/../../evil.sh",
        b"/etc/cron.d/evil",
        b"C:/Windows/evil.dll",
        b"evidence\\..\\evil",
    ] {
        let p = zip(&[(s, sub, false), (right, scan, false), (bad, b"x", false)]);
        assert!(
            matches!(problem(&p), PackageProblem::UnsafePath { .. }),
            "{:?}",
            String::from_utf8_lossy(bad)
        );
    }
    // The same path twice.
    let p = zip(&[(s, sub, false), (right, scan, false), (right, scan, false)]);
    assert!(matches!(problem(&p), PackageProblem::DuplicatePath { .. }));
    // A file the submission does not list.
    let p = zip(&[
        (s, sub, false),
        (right, scan, false),
        (b"evidence/G6/extra.exe", b"MZ", false),
    ]);
    assert_eq!(
        problem(&p),
        PackageProblem::Unlisted {
            path: "evidence/G6/extra.exe".into()
        }
    );
    // Evidence changed after the submission recorded its hash.
    let p = zip(&[(s, sub, false), (right, b"a forged scan", false)]);
    assert_eq!(
        problem(&p),
        PackageProblem::HashMismatch {
            item: "G6".into(),
            name: "班级名册.pdf".into()
        }
    );
    // Evidence listed and absent.
    let p = zip(&[(s, sub, false)]);
    assert!(matches!(problem(&p), PackageProblem::Missing { .. }));
    // No submission at all.
    let p = zip(&[(right, scan, false)]);
    assert_eq!(problem(&p), PackageProblem::NoSubmission);
    // A bomb: 60 MB of zeros deflate to some 60 KB.
    let zeros = vec![0u8; 60 * 1024 * 1024];
    let p = zip(&[(s, sub, false), (right, &zeros, true)]);
    assert!(p.len() < 1024 * 1024, "{}", p.len());
    assert_eq!(
        problem(&p),
        PackageProblem::Expands {
            limit: MAX_PACKAGE_BYTES
        }
    );
    // Many entries, each within the limit, together beyond it.
    let ten = vec![0u8; 10 * 1024 * 1024];
    let names: Vec<String> = (0..6).map(|n| format!("evidence/G6/{n}")).collect();
    let mut entries = vec![(s, sub, false)];
    entries.extend(names.iter().map(|n| (n.as_bytes(), ten.as_slice(), true)));
    assert_eq!(
        problem(&zip(&entries)),
        PackageProblem::Expands {
            limit: MAX_PACKAGE_BYTES
        }
    );
    // Cut short, or not a zip.
    let whole = write(&text, &export.attachments, &evidence, &made(&export)).unwrap();
    assert_eq!(problem(&whole[..whole.len() / 2]), PackageProblem::NotAZip);
    // A package whose submission was edited: the submission's own digest says so.
    let edited = text.replace("城关镇第一小学", "城关镇第二小学");
    let p = zip(&[(s, edited.as_bytes(), false), (right, scan, false)]);
    assert!(matches!(open(&p), Err(ImportError::DigestMismatch { .. })));
}

#[test]
fn a_deflated_package_someone_re_zipped_still_reads() {
    let (export, text, evidence) = example();
    let a = &export.attachments[0];
    let p = zip(&[
        (SUBMISSION_ENTRY.as_bytes(), text.as_bytes(), true),
        (evidence_path(a).as_bytes(), &evidence[&a.sha256], true),
    ]);
    assert_eq!(open(&p).unwrap().evidence.len(), 1);
}

#[test]
fn a_refused_package_leaves_the_other_files_of_the_batch_counted() {
    let (export, text, evidence) = example();
    let a = &export.attachments[0];
    let bomb = zip(&[
        (SUBMISSION_ENTRY.as_bytes(), text.as_bytes(), false),
        (evidence_path(a).as_bytes(), &vec![0u8; 60 << 20], true),
    ]);
    let good = write(&text, &export.attachments, &evidence, &made(&export)).unwrap();
    let known = known();
    let files = [
        reduce("bomb.zip", &bomb, &known),
        reduce("good.zip", &good, &known),
    ];
    assert!(matches!(
        files[0].facts,
        Err(ImportError::Package {
            problem: PackageProblem::Expands { .. }
        })
    ));
    let facts = files[1].facts.as_ref().unwrap();
    assert_eq!(facts.evidence_files, 1);
    let report = county_report("2027-01-01T00:00:00+08:00", &files, &known, &[]);
    assert!(
        report.schools[1].status.counted(),
        "{:?}",
        report.schools[1].status
    );
    assert!(!report.schools[0].status.counted());
}

#[test]
fn evidence_is_shown_only_as_what_its_bytes_are() {
    use ziping_core::core::package::viewable_type;
    let png = std::fs::read(root("static/icons/icon-192.png")).unwrap();
    assert_eq!(viewable_type(&png), Some("image/png"));
    assert_eq!(viewable_type(b"%PDF-1.4\n..."), Some("application/pdf"));
    assert_eq!(viewable_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
    // A page or an SVG with a script, whatever type the school's file gives it: downloaded.
    assert_eq!(viewable_type(b"<svg onload=\"alert(1)\"/>"), None);
    assert_eq!(viewable_type(b"<!doctype html><script>"), None);
    assert_eq!(viewable_type(b""), None);
}

#[test]
fn two_files_behind_one_path_are_refused() {
    // Two attachments of one item and name whose hashes begin alike (a school can make such
    // a pair): only one could be packed, so the other would go unchecked.
    let (mut export, _, _) = example();
    let first = export.attachments[0].clone();
    let mut second = first.clone();
    second.sha256 = format!("{}{}", &first.sha256[..12], "0".repeat(52));
    export.attachments.push(second);
    export.digest = ziping_core::core::export::digest_of(&export).unwrap();
    let text = to_text(&export).unwrap();
    let p = zip(&[
        (SUBMISSION_ENTRY.as_bytes(), text.as_bytes(), false),
        (
            evidence_path(&first).as_bytes(),
            "城关镇第一小学".as_bytes(),
            false,
        ),
    ]);
    assert!(matches!(problem(&p), PackageProblem::DuplicatePath { .. }));
}

#[test]
fn bytes_the_directory_does_not_list_are_refused() {
    let (export, text, evidence) = example();
    let good = write(&text, &export.attachments, &evidence, &made(&export)).unwrap();
    // Something after the archive.
    let mut trailing = good.clone();
    trailing.extend_from_slice(b"PK\x03\x04 hidden");
    assert_eq!(problem(&trailing), PackageProblem::NotAZip);
    // A non-ASCII name not marked UTF-8: Chinese Windows would read it as GBK.
    let a = &export.attachments[0];
    let mut out = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    for (path, data) in [
        (SUBMISSION_ENTRY.to_string(), text.as_bytes()),
        (evidence_path(a), "城关镇第一小学".as_bytes()),
    ] {
        let (mut entry, config) = archive
            .new_file(rawzip::path::EntryPath::verbatim(path.into_bytes()))
            .start()
            .unwrap();
        let mut w = config.wrap(&mut entry);
        std::io::Write::write_all(&mut w, data).unwrap();
        let (_, descriptor) = w.finish().unwrap();
        entry.finish(descriptor).unwrap();
    }
    archive.finish().unwrap();
    assert!(matches!(problem(&out), PackageProblem::UnsafePath { .. }));
}

#[test]
fn a_package_where_only_a_submission_file_opens_is_named_as_one() {
    let (export, text, evidence) = example();
    let package = write(&text, &export.attachments, &evidence, &made(&export)).unwrap();
    assert_eq!(
        ziping_core::core::export::read(&package),
        Err(ImportError::IsPackage)
    );
}

/// Every entry of the central directory: (version made by, external attributes, DOS date,
/// DOS time, the local header's DOS time).
fn central_entries(zip: &[u8]) -> Vec<(u16, u32, u16, u16, u16)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(n) = zip[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let h = &zip[at + n..];
        let u16_at = |i: usize| u16::from_le_bytes([h[i], h[i + 1]]);
        let u32_at = |i: usize| u32::from_le_bytes([h[i], h[i + 1], h[i + 2], h[i + 3]]);
        let local = u32_at(42) as usize;
        let local_time = u16::from_le_bytes([zip[local + 10], zip[local + 11]]);
        out.push((u16_at(4), u32_at(38), u16_at(14), u16_at(12), local_time));
        at += n + 46;
    }
    out
}

/// A package unpacked by a person (Debian's unzip 6.00, which reads an MS-DOS entry's name
/// in the DOS code page, and its dates) shows the Chinese names and the day it was made: its
/// entries are made on Unix, as plain files, and dated at the export (they said “made by
/// MS-DOS” and 1980-00-00).
#[test]
fn a_package_s_entries_are_unix_files_dated_at_the_export() {
    let (export, text, evidence) = example();
    let package = write(&text, &export.attachments, &evidence, &made(&export)).unwrap();
    let entries = central_entries(&package);
    assert_eq!(entries.len(), 2, "the submission and one evidence file");
    let exported = ziping_core::core::time::Timestamp::parse(&export.exported).unwrap();
    let year = exported.date()[..4].parse::<u16>().unwrap();
    // The export's own wall clock (its text's "16:30" of +08:00), not UTC's 08:30: the DOS
    // fields are local time, as Windows and Python read them.
    let (h, m): (u16, u16) = (
        export.exported[11..13].parse().unwrap(),
        export.exported[14..16].parse().unwrap(),
    );
    for (made_by, attrs, date, time, local_time) in entries {
        assert_eq!(made_by >> 8, 3, "made on Unix: {made_by:#x}");
        assert_eq!(attrs >> 16, 0o100644, "a plain file, rw-r--r--: {attrs:#x}");
        assert_eq!((date >> 9) + 1980, year, "dated at the export: {date:#x}");
        assert_eq!(
            (time >> 11, (time >> 5) & 63),
            (h, m),
            "{}",
            export.exported
        );
        assert_eq!(local_time, time, "the local header says the same");
    }
    // The packages still open and verify.
    assert_eq!(open(&package).unwrap().export, export);
}
