//! The `ziping` command line, run as county staff would run it.

use std::process::Command;

/// The repository's root: the command runs there, as county IT would run it on its files.
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn ziping(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_ziping"))
        .current_dir(ROOT)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn examples() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(format!("{ROOT}/examples"))
        .unwrap()
        .map(|e| format!("examples/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.sort();
    files
}

#[test]
fn verify_prints_one_line_per_file_and_fails_if_any_fails() {
    let files = examples();
    let args: Vec<&str> = std::iter::once("verify")
        .chain(files.iter().map(String::as_str))
        .collect();
    let (code, out, _) = ziping(&args);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out.lines().filter(|l| l.starts_with("OK\t")).count(),
        3,
        "{out}"
    );

    let (code, out, _) = ziping(&[
        "verify",
        &files[0],
        "tests/corpus/import/37-answer-changed.json",
        "tests/corpus/import/01-empty.json",
    ]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("OK\t"));
    assert!(lines[1].contains("校验值不符"), "{}", lines[1]);
    assert!(lines[2].contains("文件是空的"), "{}", lines[2]);
}

#[test]
fn score_prints_the_recomputed_result_as_json() {
    let files = examples();
    let (code, out, _) = ziping(&["score", &files[1]]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["matches_file"], true);
    assert_eq!(v["school"], "桃花源中学");
    assert!(v["result"]["total"]["max"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_county_checklist_can_be_named_and_english_is_available() {
    let (code, out, err) = ziping(&[
        "--english",
        "--checklist",
        "checklists/zlpj-school-hengyang.json",
        "verify",
        "tests/corpus/import/40-unknown-checklist.json",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("checklist county-x (version"), "{out}");
    let (code, _, err) = ziping(&["--checklist", "Cargo.toml", "verify", "x.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("Cargo.toml"), "{err}");
}

#[test]
fn a_stored_result_that_differs_from_the_recomputed_one_is_flagged() {
    // Sealed with a valid digest, but its stored total was inflated: verify fails, score says why.
    let file = "tests/corpus/import/55-huge-points.json";
    let (code, out, _) = ziping(&["verify", file]);
    assert_eq!(code, 1);
    let why = ziping_core::i18n::Msg::StatusResultDiffersDetail.text(ziping_core::i18n::Lang::Zh);
    assert!(out.contains(why), "{out}");
    let (code, out, err) = ziping(&["score", file]);
    assert_eq!(code, 3);
    assert!(err.contains(why), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["matches_file"], false);
}

// The core's test helpers: example submissions and the built-in checklists.
#[path = "../../ziping-core/tests/common/mod.rs"]
mod common;

/// A submission of the first example school, renamed.
fn renamed(name: &str) -> String {
    let mut doc = common::example_exports().remove(0);
    doc.profile.school_name = name.into();
    resealed(&doc)
}

/// A submission sealed again after a change to its fields: a valid file with a new digest.
fn resealed(doc: &ziping_core::core::export::Export) -> String {
    ziping_core::core::export::to_text(&common::resealed(doc, "test")).unwrap()
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ziping-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_school_name_cannot_forge_lines_or_send_terminal_escapes() {
    let dir = temp_dir("names");
    let file = dir.join("forged.json");
    std::fs::write(&file, renamed("学校\nOK\tfake.json\t假学校\u{1b}[2J")).unwrap();
    let (code, out, _) = ziping(&["verify", file.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "one line per file: {out:?}");
    assert!(!out.contains('\u{1b}'), "no escape reaches the terminal");
    assert!(out.contains("\\u{a}OK\\u{9}fake.json"), "{out:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn folders_are_walked_once_and_odd_files_are_named_not_read() {
    let dir = temp_dir("walk");
    std::fs::write(dir.join("UPPER.JSON"), renamed("大写扩展名小学")).unwrap();
    // Two links back to the folder: each file still once, and no endless walk.
    std::os::unix::fs::symlink(&dir, dir.join("loop1")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop2")).unwrap();
    std::os::unix::fs::symlink(dir.join("nowhere.json"), dir.join("dangling.json")).unwrap();
    // A FIFO named like a submission: reading it would wait forever.
    let fifo = dir.join("b.json");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    // 3 GB by its metadata (sparse): refused by size, never read.
    let big = std::fs::File::create(dir.join("big.json")).unwrap();
    big.set_len(3 * 1024 * 1024 * 1024).unwrap();
    let (code, out, err) = ziping(&["aggregate", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "invalid files: exit 1\n{out}\n{err}");
    assert!(
        out.starts_with("评估清单\t版本\t学年\t指标编号\t学段\t学校数"),
        "a header line: {out}"
    );
    assert!(err.contains("b.json: 不是普通文件"), "{err}");
    assert!(err.contains("big.json\t文件太大（3145728 KB）"), "{err}");
    assert!(
        err.contains("dangling.json\t无法读取文件"),
        "the real reason: {err}"
    );
    assert!(
        err.contains("共 3 个文件"),
        "UPPER, big and dangling, each once: {err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

use ziping_core::core::builtin::builtins;
use ziping_core::core::export::to_text;

/// The command line's county figures equal the core's, byte for byte.
#[test]
fn the_command_line_writes_the_same_figures() {
    let dir = std::env::temp_dir().join(format!("ziping-agg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for doc in common::example_exports() {
        std::fs::write(
            dir.join(ziping_core::core::export::file_name(&doc)),
            to_text(&doc).unwrap(),
        )
        .unwrap();
    }
    let out = dir.join("county.csv");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_ziping"))
        .args([
            "aggregate",
            dir.to_str().unwrap(),
            "--csv",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let files: Vec<_> = common::example_exports()
        .into_iter()
        .map(|d| {
            ziping_core::core::aggregate::reduce(
                &ziping_core::core::export::file_name(&d),
                to_text(&d).unwrap().as_bytes(),
                &builtins().unwrap(),
            )
        })
        .collect();
    let mut files = files;
    files.sort_by(|a, b| a.file.cmp(&b.file));
    let options = ziping_core::core::aggregate::Options {
        now: &ziping_core::core::time::Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap(),
        county: None,
        picks: &[],
        settings: None,
        assigned: &[],
    };
    let report = ziping_core::core::aggregate::aggregate(
        &files.iter().collect::<Vec<_>>(),
        &builtins().unwrap(),
        &options,
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("county-county.csv")).unwrap(),
        ziping_core::report::county_csv::figures_csv(&report, ziping_core::i18n::Lang::Zh)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// With `--english`, nothing the command says is Chinese: only the data is (school and county
/// names, file names), which the files themselves hold.
#[test]
fn english_output_has_no_chinese_outside_the_data() {
    let dir = temp_dir("english");
    let mut files = examples();
    files.extend(
        [
            "tests/corpus/import/40-unknown-checklist.json",
            "tests/corpus/import/37-answer-changed.json",
            "tests/corpus/import/55-huge-points.json",
            "tests/corpus/import/24-school-type-senior.json",
            "tests/corpus/import/19-missing-profile.json",
            "tests/corpus/import/01-empty.json",
        ]
        .map(String::from),
    );
    let csv = dir.join("out.csv");
    let mut said = String::new();
    let mut run = |args: Vec<&str>| {
        let (_, out, err) = ziping(&args);
        said.push_str(&out);
        said.push_str(&err);
    };
    let mut verify = vec!["--english", "verify"];
    verify.extend(files.iter().map(String::as_str));
    run(verify);
    let mut aggregate = vec!["--english", "aggregate", "--csv", csv.to_str().unwrap()];
    aggregate.extend(files.iter().map(String::as_str));
    run(aggregate);
    for entry in std::fs::read_dir(&dir).unwrap() {
        said.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    // The data: every string value of the files (names, counties, plans …) and their names.
    let mut data: Vec<String> = files.clone();
    fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    for f in &files {
        if let Ok(v) =
            serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/{f}")).unwrap())
        {
            strings(&v, &mut data);
        }
    }
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let mut rest = said.clone();
    for d in data.iter().filter(|d| !d.is_empty()) {
        rest = rest.replace(d.as_str(), "");
    }
    let chinese: Vec<&str> = rest
        .lines()
        .filter(|l| l.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
        .collect();
    assert!(
        chinese.is_empty(),
        "Chinese in English output: {chinese:#?}"
    );
    assert!(said.contains("invalid"), "{said}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The example files written into a fresh folder, under their own names.
fn example_folder(tag: &str) -> std::path::PathBuf {
    let dir = temp_dir(tag);
    for doc in common::example_exports() {
        std::fs::write(
            dir.join(ziping_core::core::export::file_name(&doc)),
            to_text(&doc).unwrap(),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_closed_standard_output_costs_neither_the_tables_nor_a_panic() {
    let dir = example_folder("pipe");
    let csv = dir.join("out.csv");
    let json = dir.join("out.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ziping"))
        .args([
            "aggregate",
            dir.to_str().unwrap(),
            "--csv",
            csv.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before a line is read (`| head -0`).
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(std::fs::read_to_string(&csv)
        .unwrap()
        .contains("城关镇第一小学"));
    assert!(dir.join("out-county.csv").exists());
    assert!(std::fs::read_to_string(&json)
        .unwrap()
        .contains("\"schools\""));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_failed_write_keeps_the_previous_table_and_leaves_no_part_of_the_new_one() {
    let dir = example_folder("full");
    let out_dir = temp_dir("full-out");
    let csv = out_dir.join("out.csv");
    std::fs::write(&csv, "previous table\n").unwrap();
    // A file size limit stands in for a full disk: every write past 1 KB fails (EFBIG).
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f 1; exec '{}' aggregate '{}' --csv '{}'",
            env!("CARGO_BIN_EXE_ziping"),
            dir.display(),
            csv.display()
        ))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("out.csv"), "the error names the file: {err}");
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "previous table\n");
    let left: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        left.iter().all(|n| !n.contains("partial")),
        "no partial file: {left:?}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
    std::fs::remove_dir_all(&out_dir).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn reads_are_bounded_by_what_is_read_and_odd_checklists_never_hang() {
    // /proc files say they are empty; this one is as large as the address space and was
    // read until memory ran out. Now the read stops at the limit (here the kernel refuses the
    // read first): a line for the file, no hang.
    let (code, out, _) = ziping(&["verify", "/proc/self/pagemap"]);
    assert_eq!(code, 1);
    assert!(out.starts_with("FAIL\t/proc/self/pagemap\t"), "{out}");
    let dir = temp_dir("odd-checklist");
    let fifo = dir.join("c.json");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    for odd in ["/dev/zero", fifo.to_str().unwrap()] {
        let (code, _, err) = ziping(&["--checklist", odd, "verify", "x.json"]);
        assert_eq!(code, 2, "{odd}: {err}");
        assert!(err.contains("不是普通文件"), "{odd}: {err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_command_escapes_what_comes_from_a_file() {
    let dir = temp_dir("escape");
    let bad = dir.join("bad\u{1b}[2J\nname.json");
    std::fs::write(&bad, "{").unwrap();
    let (_, out, err) = ziping(&["score", bad.to_str().unwrap()]);
    assert!(
        !out.contains('\u{1b}') && !err.contains('\u{1b}'),
        "{err:?}"
    );
    assert_eq!(err.lines().count(), 1, "{err:?}");
    let checklist = dir.join("checklist\u{1b}]0;title\u{7}.json");
    std::fs::write(&checklist, "{\"format\": \"\u{1b}[31m\"}").unwrap();
    let (code, _, err) = ziping(&["--checklist", checklist.to_str().unwrap(), "verify", "x"]);
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn picks_are_matched_by_path_and_must_name_one_file_per_school() {
    let dir = example_folder("picks");
    let first = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let name = first.file_name().unwrap().to_str().unwrap().to_string();
    // The same file, written another way.
    let other_way = format!("{}/./{name}", dir.display());
    let (code, _, err) = ziping(&["aggregate", dir.to_str().unwrap(), "--pick", &other_way]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = ziping(&["aggregate", dir.to_str().unwrap(), "--pick", "nothing.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("nothing.json"), "{err}");
    // A second file of the same school, picked too.
    let copy = dir.join("copy.json");
    let text = std::fs::read_to_string(&first).unwrap();
    let mut doc: ziping_core::core::export::Export = serde_json::from_str(&text).unwrap();
    doc.plan.clear();
    doc.exported = "2026-11-21T10:00:00+08:00".into();
    std::fs::write(&copy, resealed(&doc)).unwrap();
    let (code, _, err) = ziping(&[
        "aggregate",
        dir.to_str().unwrap(),
        "--pick",
        first.to_str().unwrap(),
        "--pick",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("只能选定一个"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_output_never_overwrites_a_file_read_and_uncounted_files_exit_1() {
    let dir = example_folder("overwrite");
    let first = std::fs::read_dir(&dir)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let before = std::fs::read(&first).unwrap();
    let (code, _, err) = ziping(&[
        "aggregate",
        dir.to_str().unwrap(),
        "--json",
        first.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert_eq!(std::fs::read(&first).unwrap(), before);
    // Named another way (a link to it elsewhere, a path through `..`): still a file read.
    #[cfg(unix)]
    {
        let elsewhere = temp_dir("overwrite-link");
        let link = elsewhere.join("link.json");
        std::os::unix::fs::symlink(&first, &link).unwrap();
        let dotted = dir
            .join("..")
            .join(dir.file_name().unwrap())
            .join(first.file_name().unwrap());
        for (flag, out) in [("--json", &link), ("--csv", &dotted)] {
            let (code, _, err) = ziping(&[
                "aggregate",
                dir.to_str().unwrap(),
                flag,
                out.to_str().unwrap(),
            ]);
            assert_eq!(code, 2, "{flag} {}: {err}", out.display());
            assert_eq!(std::fs::read(&first).unwrap(), before);
        }
        std::fs::remove_dir_all(&elsewhere).unwrap();
    }
    // Two files with one code and two names: a 冲突, one line for the group, exit 1.
    let text = String::from_utf8(before).unwrap();
    let mut doc: ziping_core::core::export::Export = serde_json::from_str(&text).unwrap();
    doc.plan.clear();
    doc.profile.school_name = "另一所学校".into();
    std::fs::write(dir.join("other.json"), resealed(&doc)).unwrap();
    let (code, _, err) = ziping(&["aggregate", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("冲突")).count(),
        1,
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_in_conflict_whose_stored_result_differs_has_a_line_that_says_so() {
    // The first example and a copy exported at the same moment with its stored result edited
    // (and sealed again): a 冲突, and the copy's line says its result differs.
    let dir = std::env::temp_dir().join(format!("ziping-cli-differs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let first = &examples()[0];
    std::fs::copy(format!("{ROOT}/{first}"), dir.join("example.json")).unwrap();
    std::fs::copy(
        format!("{ROOT}/tests/corpus/import/49-earned-as-text.json"),
        dir.join("edited.json"),
    )
    .unwrap();
    let (code, _, err) = ziping(&["aggregate", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("冲突")).collect();
    assert_eq!(
        lines.len(),
        2,
        "the group's line and the edited file's: {err}"
    );
    assert!(
        lines.iter().any(|l| l.contains("edited.json")
            && l.contains("此文件保存的结果与按原始数据重新计算的不同")),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn county_settings_judge_the_files_by_the_countys_roster() {
    use ziping_core::core::aggregate::{CountySettings, RosterSchool, SettingsDraft};
    use ziping_core::core::model::SchoolType;
    let dir = example_folder("settings");
    let known = builtins().unwrap();
    let settings = CountySettings::new(
        SettingsDraft {
            county: "示例县".into(),
            school_years: vec!["2026-2027".into()],
            accepted: known.iter().map(ziping_core::core::export::stamp).collect(),
            county_checklists: vec![],
            roster: vec![
                RosterSchool {
                    code: "4307250001".into(),
                    name: "城关镇第一小学".into(),
                    school_type: SchoolType::Primary,
                    township: "城关镇".into(),
                    students: None,
                },
                RosterSchool {
                    code: "4307259999".into(),
                    name: "没交文件的小学".into(),
                    school_type: SchoolType::Primary,
                    township: "桃花乡".into(),
                    students: None,
                },
            ],
        },
        &known,
    )
    .unwrap();
    let file = temp_dir("settings-file").join("县级设置.json");
    std::fs::write(&file, settings.to_json()).unwrap();
    let csv = temp_dir("settings-out").join("out.csv");
    let (code, _, err) = ziping(&[
        "--county-settings",
        file.to_str().unwrap(),
        "aggregate",
        dir.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "files not in the roster: {err}");
    assert!(err.contains("不在名册"), "{err}");
    assert!(err.contains("未报送\t4307259999\t没交文件的小学"), "{err}");
    // The last line is two sentences, not one run together ("…需要处理名册中…").
    let last = err.lines().last().unwrap_or_default();
    assert!(last.contains("需要处理。名册中"), "{last}");
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(
        table.contains("未报送") && table.contains("不在名册"),
        "{table}"
    );
    std::fs::write(&file, "{\"format\": \"ziping.county-settings/1\"}").unwrap();
    let (code, _, err) = ziping(&[
        "--county-settings",
        file.to_str().unwrap(),
        "aggregate",
        "x",
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn packages_are_verified_with_their_evidence_and_a_forged_one_is_refused() {
    use std::collections::BTreeMap;
    use ziping_core::core::package::{evidence_path, write, SUBMISSION_ENTRY};
    let dir = temp_dir("packages");
    let doc = common::example_exports().remove(0);
    let text = to_text(&doc).unwrap();
    let a = &doc.attachments[0];
    let scan = doc.profile.school_name.as_bytes().to_vec();
    let good = write(
        &text,
        &doc.attachments,
        &BTreeMap::from([(a.sha256.clone(), scan)]),
        &ziping_core::core::time::Timestamp::parse(&doc.exported).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.join("城关镇第一小学.zip"), &good).unwrap();
    // The same package with the scan swapped for another after the file was sealed.
    let mut forged = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut forged);
    for (path, data) in [
        (SUBMISSION_ENTRY.to_string(), text.as_bytes()),
        (evidence_path(a), b"a forged scan".as_slice()),
    ] {
        let (mut entry, config) = archive.new_file(&path).start().unwrap();
        let mut w = config.wrap(&mut entry);
        std::io::Write::write_all(&mut w, data).unwrap();
        let (_, descriptor) = w.finish().unwrap();
        entry.finish(descriptor).unwrap();
    }
    archive.finish().unwrap();
    std::fs::write(dir.join("forged.zip"), &forged).unwrap();
    let (code, out, _) = ziping(&["verify", dir.join("城关镇第一小学.zip").to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("OK\t"), "{out}");
    let (code, out, _) = ziping(&["verify", dir.join("forged.zip").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        out.contains("指标 G6 的佐证文件“班级名册.pdf”与报送文件记录的校验值（SHA-256）不符"),
        "{out}"
    );
    // A folder of packages: the good one counts, the forged one is listed and not counted.
    let (code, out, err) = ziping(&["aggregate", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}\n{err}");
    assert!(err.contains("forged.zip"), "{err}");
    assert!(err.contains("共 2 个文件"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A school that made up its enrolment (and sealed its file again, as any school can) waits,
/// 人数存疑, out of the figures; picked all the same, it carries the county's coefficients,
/// and the command says so beside the figures, naming the school (tests/corpus/heavy: three
/// 小学, written by the core's tests).
#[test]
fn a_school_holding_most_students_is_named_beside_the_figures() {
    let heavy =
        "tests/corpus/heavy/000006-示例0县-示例0县第6学校-yzjh-school-2026-2027-2026-11-20.json";
    let (code, out, err) = ziping(&["aggregate", "tests/corpus/heavy"]);
    assert_eq!(code, 1, "a file to act on: {err}");
    assert!(
        err.contains(&format!(
            "人数存疑\t{heavy}\t按填报的在校生数 9999999 人、班数 21 个，每班 476190.4 人"
        )),
        "{err}"
    );
    assert!(
        out.contains("\tR1\t小学\t2\t"),
        "two schools counted: {out}"
    );
    assert!(!err.contains("一校占"), "{err}");
    let (_, out, err) = ziping(&["aggregate", "tests/corpus/heavy", "--pick", heavy]);
    assert!(out.contains("\tR1\t小学\t3\t"), "picked, it counts: {out}");
    assert!(
        err.contains("“巨大学校”一校占全县小学在校生的 99.9%（2026-2027学年，7 项指标）"),
        "{out}\n{err}"
    );
    // And beside the county rates it carries (S1 社会认可度, weighted by students).
    assert!(
        err.contains("“巨大学校”一校占县域比例 S1（小学，2026-2027学年）所依据人数的 99.9%"),
        "{out}\n{err}"
    );
}
