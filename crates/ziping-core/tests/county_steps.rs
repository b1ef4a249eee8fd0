//! County mode makes its report in steps, letting the browser draw and answer between them
//! (a province's 10,000 files once held the page for 200–300 ms in one task). Made in steps,
//! the report is the report made at once, and the report of the moment it was asked for.

use std::cell::Cell;
use std::future::Future;
use std::task::{Context, Poll, Waker};
use ziping_core::core::aggregate::{aggregate, aggregate_in_steps, FileFacts, Options};
use ziping_core::core::builtin::builtins;
use ziping_core::core::checklist::Checklist;
use ziping_core::core::time::Timestamp;
use ziping_core::state::county::{read_file, Batch};

/// Runs `steps` to the end, each pause one turn of a page's thread (pending once, then ready);
/// the report and how many turns it took.
fn in_turns<T>(steps: impl Future<Output = T>) -> (T, usize) {
    let mut steps = std::pin::pin!(steps);
    let mut turns = 0;
    loop {
        match steps.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(out) => return (out, turns),
            Poll::Pending => turns += 1,
        }
    }
}

fn yzjh(checklists: &[Checklist]) -> &Checklist {
    checklists
        .iter()
        .find(|c| c.doc().id == "yzjh-school")
        .unwrap()
}

/// A pause that yields once, counting itself.
fn turn(count: &Cell<usize>) -> impl Future<Output = ()> + '_ {
    count.set(count.get() + 1);
    let mut waited = false;
    std::future::poll_fn(move |cx| {
        if std::mem::replace(&mut waited, true) {
            Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
}

/// 3,000 files, enough for a step to end inside deciding which file counts: most schools
/// once, some twice (an older file and a newer), one code under two names (冲突), one dated
/// in the future, one the officer picked.
#[test]
fn a_province_in_steps_is_the_province_at_once() {
    let checklists = builtins().unwrap();
    let yzjh = yzjh(&checklists);
    let mut files: Vec<FileFacts> = Vec::new();
    for n in 0..40 {
        let (name, text) = ziping_core::sample::school_file(yzjh, n, 2);
        files.push(ziping_core::core::aggregate::reduce(
            &name,
            text.as_bytes(),
            &checklists,
        ));
    }
    let mut n = 0;
    while files.len() < 3_000 {
        let mut f = files[n % 40].clone();
        let facts = f.facts.as_mut().unwrap();
        facts.school_code = format!("43{:08}", n / 2 + 100);
        facts.school_name = format!("第{}小学", n / 2 + 100);
        facts.digest = format!("{n:064x}");
        // Every other school sends a second, later file.
        if n % 2 == 1 {
            facts.exported = "2026-11-21T10:00:00+08:00".into();
        }
        match n {
            7 => facts.school_name = "另一所小学".into(),
            8 => facts.exported = "2099-01-01T00:00:00+08:00".into(),
            _ => {}
        }
        f.file = format!("{n}.json");
        files.push(f);
        n += 1;
    }
    let now = Timestamp::parse("2026-12-01T00:00:00+08:00").unwrap();
    let picks = ["100.json".to_string()];
    let options = Options {
        now: &now,
        county: None,
        picks: &picks,
        settings: None,
        assigned: &[],
    };
    let refs: Vec<&FileFacts> = files.iter().collect();
    let at_once = aggregate(&refs, &checklists, &options);
    assert!(!at_once.conflicts.is_empty() && !at_once.flags.is_empty());

    let pauses = Cell::new(0);
    let (in_steps, turns) = in_turns(aggregate_in_steps(&refs, &checklists, &options, || {
        turn(&pauses)
    }));
    assert_eq!(in_steps, at_once);
    assert_eq!(turns, pauses.get());
    // Between the phases, and within deciding which of 3,000 files counts.
    assert!(turns >= 12, "{turns} turns");
}

/// The page takes the report's inputs out of the batch and goes on: replies and the officer's
/// choices that come meanwhile change the batch, not the report being made.
#[test]
fn the_report_made_in_steps_is_the_report_of_the_moment_it_was_asked_for() {
    let checklists = builtins().unwrap();
    let yzjh = yzjh(&checklists).clone();
    let mut b = Batch::new(checklists);
    let add = |b: &mut Batch, name: &str, bytes: &[u8]| {
        let id = b.accept(name, Some(bytes.len() as u64)).unwrap();
        let reply = read_file(name, bytes, &b.checklists);
        b.receive(id, b.generation(), reply);
    };
    for n in 0..30 {
        let (name, text) = ziping_core::sample::school_file(&yzjh, n, 2);
        add(&mut b, &name, text.as_bytes());
    }
    add(&mut b, "坏.json", b"{}");
    let now = Timestamp::parse("2100-01-01T00:00:00+00:00").unwrap();
    let at_once = b.report(&now);
    let inputs = b.report_inputs(&now);
    // Meanwhile the officer chooses a county and another file arrives.
    b.county = Some(at_once.counties[0].clone());
    let (name, text) = ziping_core::sample::school_file(&yzjh, 99, 2);
    add(&mut b, &name, text.as_bytes());
    assert_ne!(b.report(&now), at_once);

    let pauses = Cell::new(0);
    let (in_steps, turns) = in_turns(inputs.report_in_steps(|| turn(&pauses)));
    assert_eq!(in_steps, at_once);
    assert!(turns >= 5, "{turns} turns");
}
