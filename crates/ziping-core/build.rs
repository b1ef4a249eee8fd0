//! The built-in checklists as the app embeds them: each file of `checklists/` read as JSON and
//! written without its indentation (`core::builtin` includes them from `OUT_DIR`). A checklist
//! is named by the SHA-256 of its RFC 8785 form, which whitespace does not change. The
//! principal's wasm is 58 KB smaller and each checklist parsed from 45 % fewer bytes; sent, it
//! is 2.6 KB less gzip (servers without brotli) and 0.8 KB less brotli. `tests/builtin.rs`
//! checks every embedded file is its file on disk, checklist for checklist and hash for hash.

use std::path::Path;

/// Every checklist file `core::builtin` embeds, relative to `checklists/`.
const FILES: &[&str] = &[
    "yzjh-school.json",
    "zlpj-school.json",
    "archive/yzjh-school-2026.3.json",
    "archive/zlpj-school-2026.3.json",
    "archive/zlpj-school-2026.4.json",
    "archive/zlpj-school-2026.5.json",
];

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out).join("checklists");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists");
    std::fs::create_dir_all(out.join("archive")).expect("OUT_DIR is writable");
    for name in FILES {
        let path = source.join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let value: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
        let compact = serde_json::to_string(&value).expect("a JSON value serializes");
        std::fs::write(out.join(name), compact).expect("OUT_DIR is writable");
    }
}
