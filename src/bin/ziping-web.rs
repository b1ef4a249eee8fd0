//! The browser app's entry point; Trunk builds this binary (see `index.html`).

#[cfg(target_arch = "wasm32")]
fn main() {
    ziping::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "ziping-web is the browser app: build it with `trunk build --release` (see README.md)"
    );
    std::process::exit(2);
}
