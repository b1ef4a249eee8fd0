//! `ziping`: the command line for county staff who script, over the same core as the app.
//!
//!   ziping verify FILE…                 one line per file: OK or the reason; exit 1 if any fails
//!   ziping score FILE [--checklist P]   the result recomputed from the raw answers, as JSON
//!   ziping aggregate FILES_OR_DIRS…     the county's 差异系数, school table as CSV / JSON
//!   ziping table FILES_OR_DIRS… --parquet OUT   one row per school × indicator × part (a province)
//!
//! Everything printed that comes from a file (school names, file names) has its control
//! characters escaped, so a name cannot forge lines or send terminal escapes.
//!
//! Exit codes: 0 every file counted or rightly left out (a duplicate, another county); 1 some
//! file cannot be used or is left uncounted until the officer acts (冲突, 时间异常, 人数存疑,
//! 不在名册, 清单未采用, 无法识别), or `verify` found a file that fails; 2 the command cannot run (a
//! settings or checklist file that cannot be used, an output that cannot be written, a pick
//! that names no file or two files of one school); 3 `score`: the stored result differs.

/// Reading a province's files is allocation after allocation on every core (JSON trees, the
/// canonical form; glibc's malloc and free were a quarter of the time): with mimalloc,
/// 100,000 files took 29.8 s and 510 MB on 2 cores instead of 35 s and 617 MB.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}

mod io;
mod table;

mod cli {
    use crate::io::{note, read_bounded, write_atomic, Out, ReadError};
    use clap::{Parser, Subcommand};
    use rayon::prelude::*;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use ziping_core::core::aggregate::refusal::{is_package_name, max_bytes};
    use ziping_core::core::aggregate::settings::MAX_SETTINGS_BYTES;
    use ziping_core::core::aggregate::{reduce, CountySettings, FileFacts};
    use ziping_core::core::builtin::readable;
    use ziping_core::core::checklist::{add_to_set, Checklist};
    use ziping_core::core::export::{ImportError, Unreadable, Verified};
    use ziping_core::core::package::verify;
    use ziping_core::core::time::Timestamp;
    use ziping_core::i18n::{checklist_errors, import_error, say, settings_problems, Lang, Msg};
    use ziping_core::state::county::MAX_CHECKLIST_BYTES;

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
        /// The county's settings (县级设置, saved from county mode): its roster, the checklists
        /// and school years that count. `aggregate` and `table` then judge every file by them.
        #[arg(long, global = true, value_name = "FILE")]
        county_settings: Option<PathBuf>,
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
            /// Count this file for its school (resolving a 冲突, accepting a file dated in the
            /// future or one whose enrolment is in doubt, 人数存疑). Give the path as listed.
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
        reading_threads();
        let lang = if args.english { Lang::En } else { Lang::Zh };
        let mut checklists = match readable() {
            Ok(list) => list,
            Err((name, e)) => {
                eprintln!("{name}: {e}");
                return ExitCode::from(2);
            }
        };
        for path in &args.checklist {
            let loaded = read_text(path, MAX_CHECKLIST_BYTES, lang)
                .and_then(|t| Checklist::from_json(&t).map_err(|e| checklist_errors(lang, &e)))
                .and_then(|c| {
                    add_to_set(&mut checklists, c).map_err(|clash| {
                        say::ChecklistClash {
                            id: &clash.id,
                            version: &clash.version,
                        }
                        .text(lang)
                    })
                });
            if let Err(reason) = loaded {
                note(&format!(
                    "{}: {}",
                    printable(&path.display().to_string()),
                    printable(&reason)
                ));
                return ExitCode::from(2);
            }
        }
        let settings = match &args.county_settings {
            None => None,
            Some(path) => {
                match read_text(path, MAX_SETTINGS_BYTES, lang).and_then(|t| {
                    CountySettings::from_json(&t, &checklists)
                        .map_err(|p| settings_problems(lang, &p))
                }) {
                    Ok(s) => Some(s),
                    Err(reason) => {
                        for line in reason.lines() {
                            note(&format!(
                                "{}: {}",
                                printable(&path.display().to_string()),
                                printable(line)
                            ));
                        }
                        return ExitCode::from(2);
                    }
                }
            }
        };
        // The county's own checklists travel in its settings.
        if let Some(s) = &settings {
            for c in &s.county_checklists {
                let _ = add_to_set(&mut checklists, c.clone());
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
                &Rules {
                    checklists: &checklists,
                    settings: settings.as_ref(),
                    county: county.as_deref(),
                    picks: &pick,
                },
                lang,
                Outputs { csv, json },
            ),
            Command::Table {
                files_or_dirs,
                parquet,
            } => table(
                &files_or_dirs,
                &Rules {
                    checklists: &checklists,
                    settings: settings.as_ref(),
                    county: None,
                    picks: &[],
                },
                lang,
                &parquet,
            ),
        }
    }

    /// Reading a file waits on the disk about as long as verifying it computes when the files
    /// are not in memory yet (100,000 files just after a restart: 26.7 s on 2 threads, 21.7 s
    /// on 4, and the same once they are): twice as many threads as cores keep both busy.
    /// `RAYON_NUM_THREADS` still decides when it is set.
    fn reading_threads() {
        if std::env::var_os("RAYON_NUM_THREADS").is_none() {
            let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
            // Fails only if a pool was built already: then that one is used.
            let _ = rayon::ThreadPoolBuilder::new()
                .num_threads(cores * 2)
                .build_global();
        }
    }

    /// Reads a file that is a regular file no larger than a submission can be (checked from
    /// its metadata first: a 3 GB file is never read), and verifies it.
    fn read_and_verify(path: &Path, checklists: &[Checklist]) -> Result<Verified, ImportError> {
        verify(&read_bytes(path)?, checklists).map(|(v, _)| v)
    }

    /// A file's bytes, if it is a regular file no larger than a submission (or, named `.zip`,
    /// a 报送包) can be (bounded by what is read, not only by what the metadata says).
    fn read_bytes(path: &Path) -> Result<Vec<u8>, ImportError> {
        let limit = max_bytes(&path.to_string_lossy()) as usize;
        read_bounded(path, limit).map_err(|e| match e {
            ReadError::NotAFile => ImportError::Unreadable {
                why: Unreadable::NotAFile,
            },
            ReadError::TooLarge { size } => ImportError::TooLarge {
                size: usize::try_from(size).unwrap_or(usize::MAX),
                limit,
            },
            ReadError::Io(e) => ImportError::Unreadable {
                why: Unreadable::of(e.kind()),
            },
        })
    }

    /// A settings or checklist file's text: a regular file, at most `limit` bytes, UTF-8.
    fn read_text(path: &Path, limit: usize, lang: Lang) -> Result<String, String> {
        let bytes = read_bounded(path, limit).map_err(|e| match e {
            ReadError::NotAFile => Msg::CliSkippedNotFile.text(lang).to_string(),
            ReadError::TooLarge { size } => import_error(
                lang,
                &ImportError::TooLarge {
                    size: usize::try_from(size).unwrap_or(usize::MAX),
                    limit,
                },
            ),
            ReadError::Io(e) => import_error(
                lang,
                &ImportError::Unreadable {
                    why: Unreadable::of(e.kind()),
                },
            ),
        })?;
        String::from_utf8(bytes).map_err(|_| import_error(lang, &ImportError::NotUtf8))
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
        let mut out = Out::new();
        let mut failed = 0;
        for path in files {
            match check(path, checklists, lang) {
                Ok(v) if v.result_matches() => {
                    let e = &v.export;
                    out.line(&format!(
                        "OK\t{}\t{}\t{}\t{}/{}",
                        printable(&path.display().to_string()),
                        printable(&e.profile.school_name),
                        printable(&e.checklist.id),
                        v.recomputed.total.earned,
                        v.recomputed.total.max
                    ));
                }
                Ok(_) => {
                    failed += 1;
                    let why = Msg::StatusResultDiffersDetail.text(lang);
                    out.line(&format!(
                        "FAIL\t{}\t{why}",
                        printable(&path.display().to_string())
                    ));
                }
                Err(reason) => {
                    failed += 1;
                    out.line(&format!(
                        "FAIL\t{}\t{}",
                        printable(&path.display().to_string()),
                        printable(&reason)
                    ));
                }
            }
        }
        out.finish();
        if failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Every file named, and every `.json` file and `.zip` package (in any case) inside the
    /// folders named,
    /// recursively and sorted, each once: a folder reached again through a link is not walked
    /// again, and what is neither a file nor a folder (a FIFO, a socket) is reported, not read.
    /// With them, what the files listed are ([`FileId`]).
    fn collect(paths: &[PathBuf], lang: Lang) -> (Vec<PathBuf>, BTreeSet<FileId>) {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        let mut files = BTreeSet::new();
        for p in paths {
            walk(p, true, (&mut seen, &mut files), &mut out, lang);
        }
        (out, files)
    }

    /// What a file or folder is, whatever its name (a link, `./a`, a hard link): its device and
    /// inode on Unix, read with the metadata the walk needs anyway; its canonical path
    /// elsewhere. Resolving 100,000 paths to canonical ones cost a second of system calls
    /// at province scale, twice.
    #[cfg(unix)]
    type FileId = (u64, u64);
    #[cfg(not(unix))]
    type FileId = PathBuf;

    #[cfg(unix)]
    fn file_id(_: &Path, meta: &std::fs::Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }

    #[cfg(not(unix))]
    fn file_id(path: &Path, _: &std::fs::Metadata) -> Option<FileId> {
        std::fs::canonicalize(path).ok()
    }

    fn walk(
        path: &Path,
        named: bool,
        (seen, files): (&mut BTreeSet<FileId>, &mut BTreeSet<FileId>),
        out: &mut Vec<PathBuf>,
        lang: Lang,
    ) {
        let Some((meta, id)) = std::fs::metadata(path)
            .ok()
            .and_then(|meta| file_id(path, &meta).map(|id| (meta, id)))
        else {
            // A broken link or a missing path: reported with the real reason when read.
            out.push(path.to_path_buf());
            return;
        };
        if !seen.insert(id.to_owned()) {
            return;
        }
        if meta.is_dir() {
            let mut inner: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            inner.sort();
            for p in inner {
                walk(&p, false, (&mut *seen, &mut *files), out, lang);
            }
        } else if meta.is_file() {
            let json = path
                .extension()
                .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("json"));
            if named || json || is_package_name(&path.to_string_lossy()) {
                out.push(path.to_path_buf());
                files.insert(id);
            }
        } else if named || path.extension().is_some() {
            note(&format!(
                "{}: {}",
                printable(&path.display().to_string()),
                Msg::CliSkippedNotFile.text(lang)
            ));
        }
    }

    struct Outputs {
        csv: Option<PathBuf>,
        json: Option<PathBuf>,
    }

    /// Now, as RFC 3339 (the core takes the time as an argument).
    /// The clock, read here (the core never reads it).
    fn now() -> Timestamp {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Timestamp::from_unix_seconds(i64::try_from(secs).unwrap_or(i64::MAX))
    }

    /// What decides which files count: the checklists known, the county's settings, the county
    /// chosen and the officer's picks.
    struct Rules<'a> {
        checklists: &'a [Checklist],
        settings: Option<&'a CountySettings>,
        county: Option<&'a str>,
        picks: &'a [String],
    }

    /// The canonical path of a file, to compare what the officer typed with what was read.
    fn canonical(path: &Path) -> Option<PathBuf> {
        std::fs::canonicalize(path).ok()
    }

    /// Every file read and reduced in parallel (only facts stay in memory), and aggregated. The
    /// picks are matched to the files by canonical path (`./a.json` is `a.json`); a pick that
    /// names no file read is an error, never silently ignored.
    fn report(
        files: &[PathBuf],
        rules: &Rules,
        lang: Lang,
    ) -> Result<ziping_core::core::aggregate::CountyReport, String> {
        use ziping_core::core::aggregate::{aggregate, Options};
        let inputs: Vec<FileFacts> = files
            .par_iter()
            .map(|f| read_and_reduce(f, rules.checklists))
            .collect();
        // Only with picks: resolving 100,000 paths costs seconds of system calls.
        let by_path: std::collections::BTreeMap<PathBuf, String> = if rules.picks.is_empty() {
            Default::default()
        } else {
            files
                .iter()
                .filter_map(|f| canonical(f).map(|c| (c, f.display().to_string())))
                .collect()
        };
        let mut picks = Vec::new();
        for pick in rules.picks {
            let named = canonical(Path::new(pick)).and_then(|c| by_path.get(&c));
            match named {
                Some(name) => picks.push(name.clone()),
                None => {
                    return Err(say::CliPickUnknown {
                        file: &printable(pick),
                    }
                    .text(lang))
                }
            }
        }
        let now = now();
        let options = Options {
            now: &now,
            county: rules.county,
            picks: &picks,
            settings: rules.settings,
            assigned: &[],
        };
        let refs: Vec<&FileFacts> = inputs.iter().collect();
        let report = aggregate(&refs, rules.checklists, &options);
        if let Some((first, second)) = report.pick_clashes.first() {
            return Err(say::CliPickTwice {
                first: &printable(first),
                second: &printable(second),
            }
            .text(lang));
        }
        Ok(report)
    }

    /// The files named (folders walked), checked against the outputs to be written, read and
    /// aggregated; or exit code 2 with the reason said.
    fn read_all(
        paths: &[PathBuf],
        outputs: &[&Path],
        rules: &Rules,
        lang: Lang,
    ) -> Result<ziping_core::core::aggregate::CountyReport, ExitCode> {
        let (files, read) = collect(paths, lang);
        not_an_input(outputs, &read, lang)
            .and_then(|()| report(&files, rules, lang))
            .map_err(|e| {
                note(&e);
                ExitCode::from(2)
            })
    }

    fn table(paths: &[PathBuf], rules: &Rules, lang: Lang, out: &Path) -> ExitCode {
        let report = match read_all(paths, &[out], rules, lang) {
            Ok(r) => r,
            Err(code) => return code,
        };
        let rows = ziping_core::core::aggregate::indicator_rows(&report);
        match crate::table::write_parquet(&rows, out) {
            Ok(()) => {
                note(
                    &say::TableWritten {
                        rows: &rows.len().to_string(),
                        files: &report.schools.len().to_string(),
                        file: &printable(&out.display().to_string()),
                    }
                    .text(lang),
                );
                // The table is written either way; files left for the officer still say 1.
                if report.uncounted_for_action() > 0 {
                    ExitCode::from(1)
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(reason) => {
                note(&format!(
                    "{}: {}",
                    printable(&out.display().to_string()),
                    printable(&reason)
                ));
                ExitCode::from(2)
            }
        }
    }

    /// An output must never be one of the files read (`--csv` pointed at a submission).
    fn not_an_input(outputs: &[&Path], read: &BTreeSet<FileId>, lang: Lang) -> Result<(), String> {
        for out in outputs {
            let id = std::fs::metadata(out)
                .ok()
                .and_then(|meta| file_id(out, &meta));
            if id.is_some_and(|id| read.contains(&id)) {
                return Err(say::CliOutputIsInput {
                    file: &printable(&out.display().to_string()),
                }
                .text(lang));
            }
        }
        Ok(())
    }

    /// The outputs `--csv` and `--json` ask for: (path, contents).
    fn output_files(
        outputs: &Outputs,
        report: &ziping_core::core::aggregate::CountyReport,
        lang: Lang,
    ) -> Vec<(PathBuf, Vec<u8>)> {
        use ziping_core::report::county_csv::{figures_csv, rates_csv, schools_csv};
        let mut out = Vec::new();
        if let Some(csv) = &outputs.csv {
            out.push((csv.clone(), schools_csv(report, lang).into_bytes()));
            out.push((
                beside(csv, "county"),
                figures_csv(report, lang).into_bytes(),
            ));
            out.push((beside(csv, "rates"), rates_csv(report, lang).into_bytes()));
        }
        if let Some(json) = &outputs.json {
            out.push((
                json.clone(),
                serde_json::to_string_pretty(report)
                    .unwrap_or_default()
                    .into_bytes(),
            ));
        }
        out
    }

    /// `OUT.csv` → `OUT-county.csv` (`what` = "county"), beside it.
    fn beside(out: &Path, what: &str) -> PathBuf {
        out.with_file_name(format!(
            "{}-{what}.csv",
            out.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        ))
    }

    fn aggregate(paths: &[PathBuf], rules: &Rules, lang: Lang, outputs: Outputs) -> ExitCode {
        use ziping_core::core::aggregate::{FileStatus, Spread};
        use ziping_core::core::format;
        let wanted: Vec<PathBuf> = outputs
            .csv
            .iter()
            .flat_map(|c| [c.clone(), beside(c, "county"), beside(c, "rates")])
            .chain(outputs.json.clone())
            .collect();
        let wanted_refs: Vec<&Path> = wanted.iter().map(PathBuf::as_path).collect();
        let report = match read_all(paths, &wanted_refs, rules, lang) {
            Ok(r) => r,
            Err(code) => return code,
        };
        // The files first: a closed standard output (`| head`) must not cost the tables.
        let mut failed_write = false;
        for (path, bytes) in output_files(&outputs, &report, lang) {
            if let Err(e) = write_atomic(&path, &bytes) {
                note(&format!(
                    "{}: {}",
                    printable(&path.display().to_string()),
                    printable(&e.to_string())
                ));
                failed_write = true;
            }
        }
        let mut out = Out::new();
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
        out.line(&header);
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
            out.line(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{cv}\t{}\t{within}",
                printable(&f.checklist),
                printable(&f.version),
                printable(&f.school_year),
                printable(&f.item),
                ziping_core::i18n::side_name(lang, f.side),
                f.schools,
                f.left_out,
                format::cv_limit(f.limit),
            ));
        }
        out.finish();
        // A school with most of a side's students carries its coefficients: said at once.
        for h in report.heavy_schools() {
            note(&printable(&ziping_core::i18n::heavy_school_text(lang, &h)));
        }
        for h in report.heavy_rates() {
            note(&printable(&ziping_core::i18n::heavy_rate_text(lang, &h)));
        }
        // Every file that does not simply count, with why; a conflict once per group, with
        // all its files (linear in the files, however many share a code), and on its own line
        // too where its stored result differs (worth knowing before picking it).
        for s in report.schools.iter().filter(|s| s.status != FileStatus::Ok) {
            if matches!(s.status, FileStatus::Conflict { .. }) && !s.result_differs {
                continue;
            }
            let (word, detail) = ziping_core::i18n::row_status_text(lang, s);
            note(&format!(
                "{word}\t{}\t{}",
                printable(&s.file),
                printable(&detail)
            ));
        }
        for g in &report.conflicts {
            let status = FileStatus::Conflict {
                reason: g.reason.clone(),
                group: 0,
                with: Default::default(),
            };
            let (word, _) = ziping_core::i18n::status_text(lang, &status);
            let files: Vec<String> = g.files.iter().map(|f| printable(f)).collect();
            note(&format!(
                "{word}\t{}\t{}",
                files.join("\t"),
                printable(&ziping_core::i18n::conflict_reason(lang, &g.reason))
            ));
        }
        for m in &report.missing {
            note(&format!(
                "{}\t{}\t{}\t{}",
                Msg::StatusMissing.text(lang),
                printable(&m.code),
                printable(&m.name),
                printable(&m.school_year)
            ));
        }
        if report.mixes_counties() {
            note(
                &say::CountyMixed {
                    counties: &printable(&report.counties.join("、")),
                }
                .text(lang),
            );
        }
        let uncounted = report.uncounted_for_action();
        let mut summary = say::CliSummaryUncounted {
            files: &report.schools.len().to_string(),
            uncounted: &uncounted.to_string(),
        }
        .text(lang);
        if report.roster_schools > 0 {
            summary.push_str(
                &say::SummaryMissing {
                    missing: &ziping_core::i18n::missing_count(lang, &report.missing),
                }
                .text(lang),
            );
        }
        note(&summary);
        if failed_write {
            ExitCode::from(2)
        } else if uncounted > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    fn score_file(path: &Path, checklists: &[Checklist], lang: Lang) -> ExitCode {
        let v = match check(path, checklists, lang) {
            Ok(v) => v,
            Err(reason) => {
                note(&format!(
                    "{}: {}",
                    printable(&path.display().to_string()),
                    printable(&reason)
                ));
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
        let mut stdout = Out::new();
        stdout.line(&serde_json::to_string_pretty(&out).unwrap_or_default());
        stdout.finish();
        if matches {
            ExitCode::SUCCESS
        } else {
            note(&format!(
                "{}: {}",
                printable(&path.display().to_string()),
                Msg::StatusResultDiffersDetail.text(lang)
            ));
            ExitCode::from(3)
        }
    }
}
