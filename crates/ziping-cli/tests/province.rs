//! The province table and its SQL: `ziping table` writes Parquet for generated schools in
//! several counties; the SQL of docs/province.md, run on DuckDB (the PyPI `duckdb` package,
//! which scripts/setup installs), gives every county's 差异系数 and rule counts, checked against
//! ziping's own county aggregation.

use std::collections::BTreeMap;
use std::process::Command;
use ziping_core::core::aggregate::{aggregate, reduce, Options, Side, Spread};
use ziping_core::core::builtin::builtins;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
const SCHOOLS: usize = 48;
const COUNTIES: usize = 4;

/// The SQL block of docs/province.md whose first line is `-- name`.
fn sql(name: &str) -> String {
    let doc = std::fs::read_to_string(format!("{ROOT}/docs/province.md")).unwrap();
    doc.split("```sql\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap())
        .find(|block| block.starts_with(&format!("-- {name}\n")))
        .unwrap_or_else(|| panic!("docs/province.md has no `-- {name}` SQL block"))
        .to_string()
}

/// Runs the queries on DuckDB over the Parquet file; each query's rows as JSON arrays.
fn duckdb(parquet: &std::path::Path, queries: &[String]) -> Vec<Vec<Vec<serde_json::Value>>> {
    let script = r#"
import json, sys
try:
    import duckdb
except ImportError:
    sys.exit("the PyPI package duckdb is missing: run scripts/setup")
con = duckdb.connect()
path = sys.argv[1].replace("'", "''")
con.execute(f"CREATE VIEW school_indicators AS SELECT * FROM read_parquet('{path}')")
out = [[list(row) for row in con.execute(q).fetchall()] for q in json.load(sys.stdin)]
print(json.dumps(out, default=float))
"#;
    let mut child = Command::new("python3")
        .args(["-c", script, parquet.to_str().unwrap()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    serde_json::to_writer(child.stdin.take().unwrap(), queries).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "DuckDB: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn every_countys_figures_on_duckdb_equal_zipings_own() {
    let dir = std::env::temp_dir().join(format!("ziping-province-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let checklists = builtins().unwrap();
    let yzjh = checklists
        .iter()
        .find(|c| c.doc().id == "yzjh-school")
        .unwrap();
    let mut texts = Vec::new();
    for n in 0..SCHOOLS {
        let (name, text) = ziping_core::sample::school_file(yzjh, n, COUNTIES);
        std::fs::write(dir.join(&name), &text).unwrap();
        texts.push((name, text));
    }
    let parquet = dir.join("province.parquet");
    let out = Command::new(env!("CARGO_BIN_EXE_ziping"))
        .args(["table", dir.to_str().unwrap(), "--parquet"])
        .arg(&parquet)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results = duckdb(&parquet, &[sql("figures"), sql("rule")]);
    let (figures, rules) = (&results[0], &results[1]);

    // ziping's own figures, one county at a time.
    let facts: Vec<_> = texts
        .iter()
        .map(|(name, text)| reduce(name, text.as_bytes(), &checklists))
        .collect();
    let refs: Vec<_> = facts.iter().collect();
    let side_code = |s: Side| {
        if s == Side::Primary {
            "primary"
        } else {
            "junior"
        }
    };
    let mut expected_cv = BTreeMap::new();
    let mut expected_rule = BTreeMap::new();
    for k in 0..COUNTIES {
        let county = format!("示例{k}县");
        let options = Options {
            now: &ziping_core::core::time::Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap(),
            county: Some(&county),
            picks: &[],
            settings: None,
            assigned: &[],
        };
        let report = aggregate(&refs, &checklists, &options);
        for f in &report.figures {
            let key = (
                county.clone(),
                f.school_year.clone(),
                f.item.clone(),
                side_code(f.side).to_string(),
            );
            let cv = match f.spread {
                Spread::Computed { cv, .. } => Some(cv),
                _ => None,
            };
            expected_cv.insert(key, (f.schools, cv));
        }
        for r in &report.rule {
            let key = (
                county.clone(),
                r.school_year.clone(),
                side_code(r.side).to_string(),
            );
            expected_rule.insert(key, (r.schools, r.meeting));
        }
    }

    assert_eq!(figures.len(), expected_cv.len(), "{figures:?}");
    for row in figures {
        let key = (
            row[0].as_str().unwrap().to_string(),
            row[3].as_str().unwrap().to_string(),
            row[4].as_str().unwrap().to_string(),
            row[5].as_str().unwrap().to_string(),
        );
        let (schools, cv) = expected_cv[&key];
        assert_eq!(row[6].as_u64(), Some(schools as u64), "{key:?}");
        match (cv, row[8].as_f64()) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{key:?}: ziping {a}, SQL {b}"),
            (a, b) => assert_eq!(a, b, "{key:?}"),
        }
    }
    assert!(expected_cv.values().filter(|(_, cv)| cv.is_some()).count() >= COUNTIES * 14);
    assert_eq!(rules.len(), expected_rule.len());
    for row in rules {
        let key = (
            row[0].as_str().unwrap().to_string(),
            row[3].as_str().unwrap().to_string(),
            row[4].as_str().unwrap().to_string(),
        );
        let (schools, meeting) = expected_rule[&key];
        assert_eq!(
            (row[5].as_u64(), row[6].as_u64()),
            (Some(schools as u64), Some(meeting as u64)),
            "{key:?}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
