//! Entry point of the survey embed (`embed-survey.html`): a survey or a one-question
//! pulse per iframe, without the app's router and pages or the board widgets.

#[cfg(target_arch = "wasm32")]
fn main() {
    gromada::ui::start_survey_embed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("gromada-survey-embed runs in the browser: see README.md (Embedding).");
    std::process::exit(2);
}
