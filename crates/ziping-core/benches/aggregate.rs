//! Benchmark, not a test: 1,000 generated school files verified, rescored and aggregated.
//!   cargo bench --bench aggregate            (ZIPING_BENCH_FILES=10000 for another count)
//! Prints the time to verify + recompute + aggregate once the files are in memory, the
//! aggregation alone (what county mode's page does once the workers have every file's facts:
//! its last task), and the time including reading them from disk (what `ziping aggregate DIR`
//! does).

use std::time::Instant;
use ziping_core::core::aggregate::{aggregate, reduce};
use ziping_core::core::answers::{Slot, Value};
use ziping_core::core::builtin::builtins;
use ziping_core::core::export::{export, to_text, Submission};
use ziping_core::core::model::{ItemKind, SchoolType};
use ziping_core::core::school::Profile;
use ziping_core::core::score::{input_slots, item_parts};
use ziping_core::state::county::{read_file, FileReply};

fn main() {
    let files: usize = std::env::var("ZIPING_BENCH_FILES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let checklists = builtins().expect("built-ins");
    let checklist = checklists
        .iter()
        .find(|c| c.doc().id == "yzjh-school")
        .unwrap();
    let mut texts = Vec::with_capacity(files);
    for n in 0..files {
        let t = [
            SchoolType::Primary,
            SchoolType::Junior,
            SchoolType::NineYear,
        ][n % 3];
        let mut answers = ziping_core::core::answers::Answers::default();
        for slot in input_slots(checklist, t) {
            let f = 1.0 + (n % 17) as f64 / 10.0;
            let v = if slot.id == "students" {
                400.0 + (n % 900) as f64
            } else {
                50.0 * f
            };
            answers.set(slot, Value::Number(format!("{v}")));
        }
        for (_, item) in checklist.items() {
            for (part, _) in item_parts(item, t) {
                let v = match item.kind {
                    ItemKind::YesNo { .. } => Value::Yes,
                    ItemKind::Number { .. } => Value::Number(format!("{}", 40 + n % 60)),
                    _ => continue,
                };
                answers.set(Slot::new(&item.id, part), v);
            }
        }
        let profile = Profile {
            school_name: format!("学校{n}"),
            school_code: format!("{n:06}"),
            county: "示例县".into(),
            school_type: Some(t),
            school_year: "2026-2027".into(),
            filled_by: "基准".into(),
        };
        let doc = export(&Submission {
            checklist,
            profile: &profile,
            answers: &answers,
            plan: &[],
            attachments: &[],
            created: "2026-09-01T08:00:00+08:00",
            exported: "2026-11-20T16:30:00+08:00",
            app_version: "bench",
            previous: None,
            review: &[],
        })
        .unwrap();
        texts.push(to_text(&doc).unwrap());
    }
    let dir = std::env::temp_dir().join(format!("ziping-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (n, t) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("{n:04}.json")), t).unwrap();
    }
    let total_kb = texts.iter().map(String::len).sum::<usize>() / 1024;

    let start = Instant::now();
    let inputs: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(n, t)| reduce(&format!("{n}"), t.as_bytes(), &checklists))
        .collect();
    let options = ziping_core::core::aggregate::Options {
        now: &ziping_core::core::time::Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap(),
        county: None,
        picks: &[],
        settings: None,
        assigned: &[],
    };
    let reduced = start.elapsed();
    let start = Instant::now();
    let report = aggregate(&inputs.iter().collect::<Vec<_>>(), &checklists, &options);
    let aggregated = start.elapsed();
    let in_memory = reduced + aggregated;

    let start = Instant::now();
    let inputs: Vec<_> = (0..files)
        .map(|n| {
            let bytes = std::fs::read(dir.join(format!("{n:04}.json"))).unwrap();
            reduce(&format!("{n}"), &bytes, &checklists)
        })
        .collect();
    let _ = aggregate(&inputs.iter().collect::<Vec<_>>(), &checklists, &options);
    let with_disk = start.elapsed();
    std::fs::remove_dir_all(&dir).unwrap();

    // County mode's worker answers each file with its reply as JSON, which the page reads back.
    let start = Instant::now();
    let replies: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(n, t)| {
            let reply = read_file(&format!("{n}"), t.as_bytes(), &checklists);
            serde_json::to_string(&reply).unwrap()
        })
        .collect();
    let worker = start.elapsed();
    let start = Instant::now();
    for r in &replies {
        let _: FileReply = serde_json::from_str(r).unwrap();
    }
    let page = start.elapsed();
    let reply_kb = replies.iter().map(String::len).sum::<usize>() / 1024;

    assert_eq!(report.schools.len(), files);
    println!(
        "{files} files ({total_kb} KB): verify + recompute + aggregate {:.0} ms in memory (the aggregation alone {:.0} ms), {:.0} ms reading from disk ({} county figures)",
        in_memory.as_secs_f64() * 1000.0,
        aggregated.as_secs_f64() * 1000.0,
        with_disk.as_secs_f64() * 1000.0,
        report.figures.len()
    );
    println!(
        "county mode: the workers' part (read_file + reply as JSON) {:.0} ms, the page's reading of the replies ({reply_kb} KB) {:.0} ms",
        worker.as_secs_f64() * 1000.0,
        page.as_secs_f64() * 1000.0,
    );
}
