//! The browser app's entry point; Trunk builds this binary (see `index.html`). The root
//! package is built for wasm32 only (native builds use the workspace's default members).

fn main() {
    ziping::app::start();
}
