//! County mode's page (Trunk builds it from `county.html` into `dist/county/`).

fn main() {
    ziping::county::start();
}
