//! The built-in checklists as the app embeds them: each file of `checklists/` read as JSON and
//! written without its indentation (`core::builtin` includes them from `OUT_DIR`). A checklist
//! is named by the SHA-256 of its RFC 8785 form, which whitespace does not change. The
//! principal's wasm is 58 KB smaller and each checklist parsed from 45 % fewer bytes; sent, it
//! is 2.6 KB less gzip (servers without brotli) and 0.8 KB less brotli. `tests/builtin.rs`
//! checks every embedded file is its file on disk, checklist for checklist and hash for hash.

use std::path::Path;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let out = Path::new(&out).join("checklists");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../checklists");
    // Every .json of checklists/ and checklists/archive/ (core::builtin names the ones it
    // embeds; a county variant written here too costs nothing).
    for folder in ["", "archive"] {
        let (from, to) = (source.join(folder), out.join(folder));
        println!("cargo::rerun-if-changed={}", from.display());
        std::fs::create_dir_all(&to).expect("OUT_DIR is writable");
        let entries =
            std::fs::read_dir(&from).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
        for entry in entries {
            let path = entry.expect("a readable folder").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            println!("cargo::rerun-if-changed={}", path.display());
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let value: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
            let compact = serde_json::to_string(&value).expect("a JSON value serializes");
            let name = path.file_name().expect("a file has a name");
            std::fs::write(to.join(name), compact).expect("OUT_DIR is writable");
        }
    }
}
