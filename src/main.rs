//! Entry point of the browser build: installs the panic panel and mounts the app.
//! On the host it only explains how to run Gromada.

#[cfg(target_arch = "wasm32")]
fn main() {
    gromada::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Gromada runs in the browser: use `./x serve` (see README.md).");
    std::process::exit(2);
}
