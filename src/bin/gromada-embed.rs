//! Entry point of the board embed (`embed.html`): a board or an idea per iframe, without the
//! full app's router and pages, so brand pages download far less.

#[cfg(target_arch = "wasm32")]
fn main() {
    gromada::ui::start_board_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gromada-embed runs in the browser: see README.md (Embedding).");
    std::process::exit(2);
}
