//! County mode's warm-up: a school's file read, and a batch made from its reply, while the
//! officer chooses the first files.

use super::{Batch, FileReply};
use crate::core::checklist::Checklist;

/// A school's file that county mode's workers read while they wait for the officer's first
/// files: reading makes the engine compile the hot code for speed (V8 tiers up what runs
/// often), so that work is done before the clock of the first batch starts. The 九年一贯制
/// example (both 小学 and 初中 parts scored); `examples_are_produced_by_the_code` keeps it
/// current, and a test that it reads as a verified submission.
pub const WARM_UP_FILE: (&str, &str) = (
    "示例县-漳江九年一贯制学校-yzjh-school-2026-2027-2026-11-20.json",
    include_str!(
        "../../../../../examples/示例县-漳江九年一贯制学校-yzjh-school-2026-2027-2026-11-20.json"
    ),
);

/// A batch of `copies` schools made from one reply as JSON (the warm-up file's, as a worker
/// writes it), each read from that text as the page reads a worker's reply: what county mode's
/// page warms up on while the officer chooses files. Each copy is a school of its own (its own
/// code, name and content), or the report would count one school and its figures hardly run.
pub fn warm_up_batch(checklists: Vec<Checklist>, reply: &str, copies: usize) -> Batch {
    let mut batch = Batch::new(checklists);
    for n in 0..copies {
        let name = format!("{n}.json");
        let (Some(id), Ok(FileReply::Submission { mut facts, .. })) =
            (batch.accept(&name, None), serde_json::from_str(reply))
        else {
            continue;
        };
        facts.file = name;
        if let Ok(school) = &mut facts.facts {
            school.school_code = format!("{}-{n}", school.school_code);
            school.school_name = format!("{}{n}", school.school_name);
            school.digest = format!("{}{n}", school.digest);
        }
        let content = n.to_string();
        batch.receive(
            id,
            batch.generation(),
            FileReply::Submission { content, facts },
        );
    }
    batch
}
