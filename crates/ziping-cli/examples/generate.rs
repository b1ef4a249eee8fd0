//! Writes generated submission files (distinct schools across counties) for benchmarks and
//! trials: `cargo run --release -p ziping-cli --example generate -- DIR SCHOOLS [COUNTIES] [CODE]`
//! (CODE: every school's code, e.g. the placeholder 无).
//! Files already there are kept (a second run adds what is missing).

use rayon::prelude::*;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: generate DIR SCHOOLS [COUNTIES] [CODE]";
    let dir = PathBuf::from(args.next().expect(usage));
    let schools: usize = args.next().and_then(|n| n.parse().ok()).expect(usage);
    let counties: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let code = args.next();
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    let checklists = ziping_core::core::builtin::builtins().expect("built-ins");
    let checklist = checklists
        .iter()
        .find(|c| c.doc().id == "yzjh-school")
        .expect("the 优质均衡 checklist");
    (0..schools).into_par_iter().for_each(|n| {
        let (name, text) =
            ziping_core::sample::school_file_coded(checklist, n, counties, code.as_deref());
        let path = dir.join(name);
        if !path.exists() {
            std::fs::write(path, text).expect("the file can be written");
        }
    });
    println!(
        "{schools} schools in {counties} counties in {}",
        dir.display()
    );
}
