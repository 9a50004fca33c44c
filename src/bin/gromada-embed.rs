//! Entry point of the embed build (`embed.html`): one widget per iframe, without the
//! full app's router and pages, so brand pages download far less.

#[cfg(target_arch = "wasm32")]
fn main() {
    gromada::ui::start_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gromada-embed runs in the browser: see README.md (Embedding).");
    std::process::exit(2);
}
