//! County mode's web worker (Trunk builds it with `data-type="worker"` from `county.html`).

fn main() {
    ziping::county::worker::start();
}
