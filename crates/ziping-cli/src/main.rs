//! `ziping`: the command line for county staff who script, over the same core as the app.
//!
//!   ziping verify FILE…                 one line per file: OK or the reason; exit 1 if any fails
//!   ziping score FILE [--checklist P]   the result recomputed from the raw answers, as JSON
//!   ziping aggregate FILES_OR_DIRS…     the county's 差异系数, school table as CSV / JSON
//!   ziping table FILES_OR_DIRS… --parquet OUT   one row per school × indicator × part (a province)
//!
//! Everything printed that comes from a file (school names, file names) has its control
//! characters escaped, so a name cannot forge lines or send terminal escapes.

fn main() -> std::process::ExitCode {
    cli::main()
}

mod table;

mod cli {
    use clap::{Parser, Subcommand};
    use rayon::prelude::*;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use ziping_core::core::aggregate::{reduce, FileFacts};
    use ziping_core::core::builtin::readable;
    use ziping_core::core::checklist::{add_to_set, Checklist};
    use ziping_core::core::export::{verify, ImportError, Verified, MAX_EXPORT_BYTES};
    use ziping_core::i18n::{checklist_errors, import_error, Lang, Msg, Say};

    /// Text from a file, safe to print: control characters (newline, tab, ESC …) and bidi
    /// overrides as `\u{…}` escapes.
    fn printable(text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
                {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect()
    }

    #[derive(Parser)]
    #[command(
        name = "ziping",
        version,
        about = "自评 ziping：校验并重新计算学校报送文件 / verify and re-score school submission files"
    )]
    struct Args {
        /// Messages in English instead of Chinese.
        #[arg(long, global = true)]
        english: bool,
        /// A checklist file to use besides the built-ins (a county's own checklist).
        #[arg(long, global = true, value_name = "PATH")]
        checklist: Vec<PathBuf>,
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Check each file: format, fields, digest, checklist. One line per file.
        Verify {
            #[arg(required = true)]
            files: Vec<PathBuf>,
        },
        /// Recompute a file's result from its raw answers and print it as JSON.
        Score { file: PathBuf },
        /// Verify and aggregate many files (or folders of them): the school table and the
        /// county's enrolment-weighted 差异系数 per resource indicator.
        Aggregate {
            #[arg(required = true)]
            files_or_dirs: Vec<PathBuf>,
            /// Write the school table to OUT.csv and the county figures to OUT-county.csv.
            #[arg(long, value_name = "OUT.csv")]
            csv: Option<PathBuf>,
            /// Write the whole report as JSON.
            #[arg(long, value_name = "OUT.json")]
            json: Option<PathBuf>,
            /// Aggregate only this county's files (the others are listed, not counted).
            #[arg(long, value_name = "NAME")]
            county: Option<String>,
            /// Count this file for its school (resolving a 冲突, or accepting a file dated in
            /// the future). Give the path as listed.
            #[arg(long, value_name = "FILE")]
            pick: Vec<String>,
        },
        /// The province table: one row per school × resource indicator × part, with county,
        /// school, checklist and version, students, value, threshold, outcome and the file's
        /// status, as Parquet for DuckDB or Spark (docs/province.md has the SQL).
        Table {
            #[arg(required = true)]
            files_or_dirs: Vec<PathBuf>,
            #[arg(long, value_name = "OUT.parquet", required = true)]
            parquet: PathBuf,
        },
    }

    pub fn main() -> ExitCode {
        let args = Args::parse();
        let lang = if args.english { Lang::En } else { Lang::Zh };
        let mut checklists = match readable() {
            Ok(list) => list,
            Err((name, e)) => {
                eprintln!("{name}: {e}");
                return ExitCode::from(2);
            }
        };
        for path in &args.checklist {
            let loaded = std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| Checklist::from_json(&t).map_err(|e| checklist_errors(lang, &e)))
                .and_then(|c| {
                    add_to_set(&mut checklists, c).map_err(|clash| {
                        Say::ChecklistClash {
                            id: &clash.id,
                            version: &clash.version,
                        }
                        .text(lang)
                    })
                });
            if let Err(reason) = loaded {
                eprintln!("{}: {reason}", printable(&path.display().to_string()));
                return ExitCode::from(2);
            }
        }
        match args.command {
            Command::Verify { files } => verify_files(&files, &checklists, lang),
            Command::Score { file } => score_file(&file, &checklists, lang),
            Command::Aggregate {
                files_or_dirs,
                csv,
                json,
                county,
                pick,
            } => aggregate(
                &files_or_dirs,
                &checklists,
                lang,
                Outputs { csv, json },
                county.as_deref(),
                &pick,
            ),
            Command::Table {
                files_or_dirs,
                parquet,
            } => table(&files_or_dirs, &checklists, lang, &parquet),
        }
    }

    /// Reads a file that is a regular file no larger than a submission can be (checked from
    /// its metadata first: a 3 GB file is never read), and verifies it.
    fn read_and_verify(path: &Path, checklists: &[Checklist]) -> Result<Verified, ImportError> {
        verify(&read_bytes(path)?, checklists)
    }

    /// A file's bytes, if it is a regular file no larger than a submission can be.
    fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
        let unreadable = |e: std::io::Error| ImportError::Unreadable {
            reason: e.to_string(),
        };
        let meta = std::fs::metadata(path).map_err(unreadable)?;
        if !meta.is_file() {
            return Err(ImportError::Unreadable {
                reason: "not a regular file".into(),
            });
        }
        if meta.len() > MAX_EXPORT_BYTES as u64 {
            return Err(ImportError::TooLarge {
                size: usize::try_from(meta.len()).unwrap_or(usize::MAX),
                limit: MAX_EXPORT_BYTES,
            });
        }
        std::fs::read(path).map_err(unreadable)
    }

    /// One file read, verified, re-scored and reduced to the facts the county needs; the
    /// file's bytes are dropped here.
    fn read_and_reduce(path: &Path, checklists: &[Checklist]) -> FileFacts {
        let file = path.display().to_string();
        let unreadable = |e: ImportError| FileFacts {
            file: file.clone(),
            facts: Err(e),
        };
        match read_bytes(path) {
            Ok(bytes) => reduce(&file, &bytes, checklists),
            Err(e) => unreadable(e),
        }
    }

    fn check(path: &Path, checklists: &[Checklist], lang: Lang) -> Result<Verified, String> {
        read_and_verify(path, checklists).map_err(|e| import_error(lang, &e))
    }

    fn verify_files(files: &[PathBuf], checklists: &[Checklist], lang: Lang) -> ExitCode {
        let mut failed = 0;
        for path in files {
            match check(path, checklists, lang) {
                Ok(v) if v.result_matches() => {
                    let e = &v.export;
                    println!(
                        "OK\t{}\t{}\t{}\t{}/{}",
                        printable(&path.display().to_string()),
                        printable(&e.profile.school_name),
                        printable(&e.checklist.id),
                        v.recomputed.total.earned,
                        v.recomputed.total.max
                    );
                }
                Ok(_) => {
                    failed += 1;
                    let why = Msg::StatusResultDiffersDetail.text(lang);
                    println!("FAIL\t{}\t{why}", printable(&path.display().to_string()));
                }
                Err(reason) => {
                    failed += 1;
                    println!(
                        "FAIL\t{}\t{}",
                        printable(&path.display().to_string()),
                        printable(&reason)
                    );
                }
            }
        }
        if failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Every file named, and every `.json` file (in any case) inside the folders named,
    /// recursively and sorted, each once: a folder reached again through a link is not walked
    /// again, and what is neither a file nor a folder (a FIFO, a socket) is reported, not read.
    fn collect(paths: &[PathBuf], lang: Lang) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for p in paths {
            walk(p, true, &mut seen, &mut out, lang);
        }
        out
    }

    fn walk(
        path: &Path,
        named: bool,
        seen: &mut std::collections::BTreeSet<PathBuf>,
        out: &mut Vec<PathBuf>,
        lang: Lang,
    ) {
        let Ok(real) = std::fs::canonicalize(path) else {
            // A broken link or a missing path: reported with the real reason when read.
            out.push(path.to_path_buf());
            return;
        };
        if !seen.insert(real.clone()) {
            return;
        }
        let Ok(meta) = std::fs::metadata(&real) else {
            out.push(path.to_path_buf());
            return;
        };
        if meta.is_dir() {
            let mut inner: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            inner.sort();
            for p in inner {
                walk(&p, false, seen, out, lang);
            }
        } else if meta.is_file() {
            let json = path
                .extension()
                .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("json"));
            if named || json {
                out.push(path.to_path_buf());
            }
        } else if named || path.extension().is_some() {
            eprintln!(
                "{}: {}",
                printable(&path.display().to_string()),
                Msg::CliSkippedNotFile.text(lang)
            );
        }
    }

    struct Outputs {
        csv: Option<PathBuf>,
        json: Option<PathBuf>,
    }

    /// Now, as RFC 3339 (the core takes the time as an argument).
    fn now_rfc3339() -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
            .map(|t| t.to_rfc3339())
            .unwrap_or_default()
    }

    /// Every file read and reduced in parallel (only facts stay in memory), and aggregated.
    fn report(
        paths: &[PathBuf],
        checklists: &[Checklist],
        lang: Lang,
        county: Option<&str>,
        picks: &[String],
    ) -> ziping_core::core::aggregate::CountyReport {
        use ziping_core::core::aggregate::{aggregate, Options};
        let files = collect(paths, lang);
        let inputs: Vec<FileFacts> = files
            .par_iter()
            .map(|f| read_and_reduce(f, checklists))
            .collect();
        let now = now_rfc3339();
        let options = Options {
            now: &now,
            county,
            picks,
        };
        let refs: Vec<&FileFacts> = inputs.iter().collect();
        aggregate(&refs, checklists, &options, |e| import_error(lang, e))
    }

    fn table(paths: &[PathBuf], checklists: &[Checklist], lang: Lang, out: &Path) -> ExitCode {
        let report = report(paths, checklists, lang, None, &[]);
        let rows = ziping_core::core::aggregate::indicator_rows(&report);
        match crate::table::write_parquet(&rows, out) {
            Ok(()) => {
                eprintln!(
                    "{}",
                    Say::TableWritten {
                        rows: &rows.len().to_string(),
                        files: &report.schools.len().to_string(),
                        file: &printable(&out.display().to_string()),
                    }
                    .text(lang)
                );
                ExitCode::SUCCESS
            }
            Err(reason) => {
                eprintln!("{}: {reason}", printable(&out.display().to_string()));
                ExitCode::from(2)
            }
        }
    }

    fn aggregate(
        paths: &[PathBuf],
        checklists: &[Checklist],
        lang: Lang,
        outputs: Outputs,
        county: Option<&str>,
        picks: &[String],
    ) -> ExitCode {
        use ziping_core::core::aggregate::{FileStatus, Spread};
        use ziping_core::core::format;
        let report = report(paths, checklists, lang, county, picks);
        let header = [
            Msg::ChecklistLabel,
            Msg::ChecklistVersion,
            Msg::SchoolYear,
            Msg::CsvIndicatorId,
            Msg::ColSide,
            Msg::ColSchools,
            Msg::CsvLeftOut,
            Msg::ColCv,
            Msg::CsvLimit,
            Msg::CsvWithin,
        ]
        .map(|m| m.text(lang))
        .join("\t");
        println!("{header}");
        for f in &report.figures {
            let (cv, within) = match f.spread {
                Spread::Computed { cv, .. } => (
                    format::fixed(cv, 4),
                    if f.within_limit == Some(true) {
                        Msg::Yes
                    } else {
                        Msg::No
                    }
                    .text(lang)
                    .to_string(),
                ),
                Spread::OneSchool { .. } => (Msg::CountyOneSchool.text(lang).into(), String::new()),
                Spread::NoSchools => (Msg::CountyNoData.text(lang).into(), String::new()),
                Spread::NoStudents => (Msg::CountyNoStudents.text(lang).into(), String::new()),
                Spread::ZeroMean => (Msg::CountyZeroMean.text(lang).into(), String::new()),
            };
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{cv}\t{}\t{within}",
                printable(&f.checklist),
                printable(&f.version),
                printable(&f.school_year),
                printable(&f.item),
                ziping_core::i18n::side_name(lang, f.side),
                f.schools,
                f.left_out,
                format::fixed(f.limit, 2),
            );
        }
        // Every file that does not simply count, with why.
        for s in report.schools.iter().filter(|s| s.status != FileStatus::Ok) {
            let (word, detail) = ziping_core::core::county_csv::status_text(lang, &s.status);
            eprintln!("{word}\t{}\t{}", printable(&s.file), printable(&detail));
        }
        if report.mixes_counties() {
            eprintln!(
                "{}",
                Say::CountyMixed {
                    counties: &printable(&report.counties.join("、"))
                }
                .text(lang)
            );
        }
        let bad = report
            .schools
            .iter()
            .filter(|s| matches!(s.status, FileStatus::Invalid { .. }))
            .count();
        eprintln!(
            "{}",
            Say::CliSummary {
                files: &report.schools.len().to_string(),
                invalid: &bad.to_string()
            }
            .text(lang)
        );
        if let Some(out) = outputs.csv {
            let county = out.with_file_name(format!(
                "{}-county.csv",
                out.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ));
            let written = std::fs::write(
                &out,
                ziping_core::core::county_csv::schools_csv(&report, lang),
            )
            .and_then(|_| {
                std::fs::write(
                    &county,
                    ziping_core::core::county_csv::figures_csv(&report, lang),
                )
            });
            if let Err(e) = written {
                eprintln!("{}: {e}", printable(&out.display().to_string()));
                return ExitCode::from(2);
            }
        }
        if let Some(out) = outputs.json {
            let written = serde_json::to_string_pretty(&report)
                .map_err(std::io::Error::other)
                .and_then(|text| std::fs::write(&out, text));
            if let Err(e) = written {
                eprintln!("{}: {e}", printable(&out.display().to_string()));
                return ExitCode::from(2);
            }
        }
        if bad > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    fn score_file(path: &Path, checklists: &[Checklist], lang: Lang) -> ExitCode {
        let v = match check(path, checklists, lang) {
            Ok(v) => v,
            Err(reason) => {
                eprintln!("{}: {reason}", path.display());
                return ExitCode::from(1);
            }
        };
        let matches = v.result_matches();
        let out = serde_json::json!({
            "file": path.display().to_string(),
            "school": v.export.profile.school_name,
            "checklist": v.export.checklist,
            "matches_file": matches,
            "result": v.recomputed,
        });
        println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        if matches {
            ExitCode::SUCCESS
        } else {
            eprintln!(
                "{}: {}",
                path.display(),
                Msg::StatusResultDiffersDetail.text(lang)
            );
            ExitCode::from(3)
        }
    }
}
