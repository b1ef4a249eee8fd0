//! `ziping`: the command line for county staff who script, over the same core as the app.
//!
//!   ziping verify FILE…                 one line per file: OK or the reason; exit 1 if any fails
//!   ziping score FILE [--checklist P]   the result recomputed from the raw answers, as JSON

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

// The command line is a native program; the browser build has nothing to run here.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;
    use ziping::core::builtin::builtins;
    use ziping::core::checklist::Checklist;
    use ziping::core::export::{verify, Verified};
    use ziping::i18n::{checklist_errors, import_error, Lang};

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
        },
    }

    pub fn main() -> ExitCode {
        let args = Args::parse();
        let lang = if args.english { Lang::En } else { Lang::Zh };
        let mut checklists = match builtins() {
            Ok(list) => list,
            Err((name, e)) => {
                eprintln!("{name}: {e}");
                return ExitCode::from(2);
            }
        };
        for path in &args.checklist {
            match std::fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|t| Checklist::from_json(&t).map_err(|e| checklist_errors(lang, &e)))
            {
                Ok(c) => checklists.push(c),
                Err(reason) => {
                    eprintln!("{}: {reason}", path.display());
                    return ExitCode::from(2);
                }
            }
        }
        match args.command {
            Command::Verify { files } => verify_files(&files, &checklists, lang),
            Command::Score { file } => score_file(&file, &checklists, lang),
            Command::Aggregate {
                files_or_dirs,
                csv,
                json,
            } => aggregate(&files_or_dirs, &checklists, lang, csv, json),
        }
    }

    fn check(path: &Path, checklists: &[Checklist], lang: Lang) -> Result<Verified, String> {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        verify(&bytes, checklists).map_err(|e| import_error(lang, &e))
    }

    fn verify_files(files: &[PathBuf], checklists: &[Checklist], lang: Lang) -> ExitCode {
        let mut failed = 0;
        for path in files {
            match check(path, checklists, lang) {
                Ok(v) if v.result_matches() => {
                    let e = &v.export;
                    println!(
                        "OK\t{}\t{}\t{}\t{}/{}",
                        path.display(),
                        e.profile.school_name,
                        e.checklist.id,
                        e.result.total.earned,
                        e.result.total.max
                    );
                }
                Ok(_) => {
                    failed += 1;
                    let why = if lang == Lang::Zh {
                        "文件中的结果与按原始数据重新计算的结果不一致"
                    } else {
                        "the stored result differs from the one recomputed from the answers"
                    };
                    println!("FAIL\t{}\t{why}", path.display());
                }
                Err(reason) => {
                    failed += 1;
                    println!("FAIL\t{}\t{reason}", path.display());
                }
            }
        }
        if failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }

    /// Every `.json` file named or inside the folders named, sorted, recursively.
    fn collect(paths: &[PathBuf]) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for p in paths {
            if p.is_dir() {
                let mut inner: Vec<PathBuf> = std::fs::read_dir(p)
                    .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
                    .unwrap_or_default();
                inner.sort();
                let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) =
                    inner.into_iter().partition(|p| p.is_dir());
                out.extend(
                    files
                        .into_iter()
                        .filter(|f| f.extension().is_some_and(|e| e == "json")),
                );
                out.extend(collect(&dirs));
            } else {
                out.push(p.clone());
            }
        }
        out
    }

    fn aggregate(
        paths: &[PathBuf],
        checklists: &[Checklist],
        lang: Lang,
        csv: Option<PathBuf>,
        json: Option<PathBuf>,
    ) -> ExitCode {
        use ziping::core::aggregate::{aggregate, Spread};
        let files = collect(paths);
        let inputs: Vec<_> = files
            .iter()
            .map(|f| {
                let result = std::fs::read(f)
                    .map_err(|e| ziping::core::export::ImportError::NotJson {
                        line: 0,
                        column: 0,
                        message: e.to_string(),
                    })
                    .and_then(|bytes| verify(&bytes, checklists));
                (f.display().to_string(), result)
            })
            .collect();
        let report = aggregate(&inputs, checklists, |e| import_error(lang, e));
        let zh = lang == Lang::Zh;
        for f in &report.figures {
            let side = match (f.side, zh) {
                (ziping::core::aggregate::Side::Primary, true) => "小学",
                (ziping::core::aggregate::Side::Junior, true) => "初中",
                (ziping::core::aggregate::Side::Primary, false) => "primary",
                (ziping::core::aggregate::Side::Junior, false) => "junior",
            };
            let figure = match f.spread {
                Spread::Computed { cv, .. } => format!(
                    "{cv:.4} (≤ {}: {})",
                    f.limit,
                    if f.within_limit == Some(true) {
                        "OK"
                    } else {
                        "OVER"
                    }
                ),
                Spread::OneSchool { .. } => (if zh {
                    "只有一所学校"
                } else {
                    "one school only"
                })
                .into(),
                Spread::NoSchools => (if zh { "无数据" } else { "no data" }).into(),
                Spread::NoStudents => (if zh {
                    "在校生数为0"
                } else {
                    "no students"
                })
                .into(),
                Spread::ZeroMean => (if zh { "平均值为0" } else { "mean is 0" }).into(),
            };
            println!(
                "{}\t{}\t{}\t{} {}\t{figure}",
                f.checklist,
                f.item,
                side,
                f.schools,
                if zh { "所" } else { "schools" }
            );
        }
        let bad = report
            .schools
            .iter()
            .filter(|s| {
                matches!(
                    s.status,
                    ziping::core::aggregate::FileStatus::Invalid { .. }
                )
            })
            .count();
        eprintln!(
            "{} {}, {} {}",
            report.schools.len(),
            if zh { "个文件" } else { "files" },
            bad,
            if zh { "个无效" } else { "invalid" }
        );
        if let Some(out) = csv {
            let county = out.with_file_name(format!(
                "{}-county.csv",
                out.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ));
            if let Err(e) = std::fs::write(&out, ziping::core::county_csv::schools_csv(&report))
                .and_then(|_| {
                    std::fs::write(&county, ziping::core::county_csv::figures_csv(&report))
                })
            {
                eprintln!("{}: {e}", out.display());
                return ExitCode::from(2);
            }
        }
        if let Some(out) = json {
            if let Err(e) = std::fs::write(
                &out,
                serde_json::to_string_pretty(&report).unwrap_or_default(),
            ) {
                eprintln!("{}: {e}", out.display());
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
                if lang == Lang::Zh {
                    "文件中的结果与重新计算的结果不一致"
                } else {
                    "the stored result differs from the recomputed one"
                }
            );
            ExitCode::from(3)
        }
    }
}
