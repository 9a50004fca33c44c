//! Typed routes: every in-app link is built here, with the deployment's base path
//! (e.g. `/community`) in front, so the same code works from any sub-path.

use std::cell::RefCell;

thread_local! {
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Sets the base path (no trailing slash; empty for the site root).
pub fn set_base(base: &str) {
    BASE.with(|b| *b.borrow_mut() = base.trim_end_matches('/').to_owned());
}

/// The base path (no trailing slash).
pub fn base() -> String {
    BASE.with(|b| b.borrow().clone())
}

fn at(path: &str) -> String {
    format!("{}{path}", base())
}

/// Path patterns, relative to the base, as the router matches them.
pub mod pattern {
    /// A board.
    pub const BOARD: &str = "/b/:slug";
    /// An idea.
    pub const IDEA: &str = "/b/:slug/ideas/:id";
}

/// The community home.
pub fn home() -> String {
    at("/")
}

/// A board, with an optional query string (without `?`).
pub fn board(slug: &str, query: &str) -> String {
    let slug = urlencode(slug);
    if query.is_empty() {
        at(&format!("/b/{slug}"))
    } else {
        at(&format!("/b/{slug}?{query}"))
    }
}

/// An idea's page.
pub fn idea(slug: &str, id: &str) -> String {
    at(&format!("/b/{}/ideas/{}", urlencode(slug), urlencode(id)))
}

/// A board's settings (admins).
pub fn board_settings(slug: &str) -> String {
    at(&format!("/b/{}/settings", urlencode(slug)))
}

/// Creating a board (admins).
pub fn new_board() -> String {
    at("/boards/new")
}

/// The public roadmap of a board.
pub fn roadmap(slug: &str) -> String {
    at(&format!("/roadmap?board={}", urlencode(slug)))
}

/// The changelog; `idea` prefills the composer for admins.
pub fn changelog(idea: Option<&str>) -> String {
    match idea {
        Some(i) => at(&format!("/changelog?idea={}", urlencode(i))),
        None => at("/changelog"),
    }
}

/// A member's profile.
pub fn profile(member: &str) -> String {
    at(&format!("/u/{}", urlencode(member)))
}

/// The moderation queue.
pub fn moderation() -> String {
    at("/moderation")
}

/// The engagement dashboard, with an optional query string (without `?`).
pub fn dashboard(query: &str) -> String {
    if query.is_empty() {
        at("/dashboard")
    } else {
        at(&format!("/dashboard?{query}"))
    }
}

/// The printable dashboard report, with the dashboard's query string (without `?`).
pub fn dashboard_report(query: &str) -> String {
    if query.is_empty() {
        at("/dashboard/report")
    } else {
        at(&format!("/dashboard/report?{query}"))
    }
}

/// The surveys list.
pub fn surveys() -> String {
    at("/surveys")
}

/// Answering a survey.
pub fn survey(id: &str) -> String {
    at(&format!("/s/{}", urlencode(id)))
}

/// A survey's results, optionally of one wave (0-based).
pub fn survey_results(id: &str) -> String {
    at(&format!("/s/{}/results", urlencode(id)))
}

/// Editing a survey (admins).
pub fn survey_edit(id: &str) -> String {
    at(&format!("/s/{}/edit", urlencode(id)))
}

/// Creating a survey (admins).
pub fn new_survey() -> String {
    at("/surveys/new")
}

/// Percent-encodes a path segment or query value.
pub fn urlencode(text: &str) -> String {
    String::from(js_sys::encode_uri_component(text))
}
