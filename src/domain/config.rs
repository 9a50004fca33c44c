//! Runtime configuration: read from `config.json` next to `index.html`, overridden by
//! `data-*` attributes of the mount element. Every problem names the field, the
//! expected value and what was found, so a wrong setting never gives a blank page.

use crate::domain::board::is_slug;
use crate::domain::locale::Locale;
use serde_json::{Map, Value};
use std::fmt;

/// Where data is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageConfig {
    /// In this browser's localStorage, under a namespace (several communities may share an origin).
    Local {
        /// Key prefix.
        namespace: String,
    },
    /// In memory only (lost on reload; for demos and benchmarks).
    Memory,
    /// A JSON backend over REST.
    Rest(RestConfig),
    /// A CouchDB database (a CouchDB 3 cluster or anything that speaks its API).
    Couch(CouchConfig),
}

/// How to reach a CouchDB database (docs/couchdb.md).
#[derive(Clone, PartialEq, Eq)]
pub struct CouchConfig {
    /// The server, e.g. `https://couch.example.com` (no database in it).
    pub url: String,
    /// The database name.
    pub database: String,
    /// A bearer (JWT) token from the configuration or the host page; `None` uses the
    /// CouchDB session cookie (`AuthSession`) the browser holds for the server.
    pub token: Option<String>,
    /// Give up on a request after this many milliseconds (the changes feed waits longer).
    pub timeout_ms: u32,
}

impl CouchConfig {
    /// A database with the defaults (10 s timeout, session cookie).
    pub fn new(url: &str, database: &str) -> Self {
        Self {
            url: url.to_owned(),
            database: database.to_owned(),
            token: None,
            timeout_ms: 10_000,
        }
    }
}

/// Debug output never shows the token.
impl fmt::Debug for CouchConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CouchConfig")
            .field("url", &self.url)
            .field("database", &self.database)
            .field("token", &self.token.as_ref().map(|_| "(set)"))
            .field("timeout_ms", &self.timeout_ms)
            .finish()
    }
}

/// Whether `name` is a valid CouchDB database name (`^[a-z][a-z0-9_$()+/-]*$`, ≤ 238).
pub fn is_couch_database(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some('a'..='z'))
        && name.len() <= 238
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+/-".contains(c))
}

/// How to reach a JSON backend (docs/backend.md).
#[derive(Clone, PartialEq, Eq)]
pub struct RestConfig {
    /// Base URL, e.g. `https://api.example.com/gromada/`.
    pub base_url: String,
    /// Path per collection, relative to the base URL, where it differs from the
    /// collection's name (`ideas` → `feature-ideas`).
    pub paths: Vec<(String, String)>,
    /// A bearer token sent as `Authorization: Bearer …` (never logged or stored).
    pub token: Option<String>,
    /// Give up on a request after this many milliseconds.
    pub timeout_ms: u32,
    /// Look for other people's changes every this many seconds (0: only on focus).
    pub refresh_s: u32,
}

impl RestConfig {
    /// A backend at `base_url` with the defaults (10 s timeout, refresh every 15 s).
    pub fn new(base_url: &str) -> Self {
        Self {
            base_url: base_url.to_owned(),
            paths: Vec::new(),
            token: None,
            timeout_ms: 10_000,
            refresh_s: 15,
        }
    }
}

/// Debug output never shows the token.
impl fmt::Debug for RestConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RestConfig")
            .field("base_url", &self.base_url)
            .field("paths", &self.paths)
            .field("token", &self.token.as_ref().map(|_| "(set)"))
            .field("timeout_ms", &self.timeout_ms)
            .field("refresh_s", &self.refresh_s)
            .finish()
    }
}

/// Brand colours and font, applied as CSS custom properties.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Theme {
    /// Accent colour for buttons and links.
    pub primary: Option<String>,
    /// Page background.
    pub background: Option<String>,
    /// Body text colour.
    pub text: Option<String>,
    /// Font family list.
    pub font: Option<String>,
    /// Corner radius (`0`–`24px`).
    pub radius: Option<String>,
}

/// What the app shows first (and, embedded, the only thing it shows).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum View {
    /// The community home.
    #[default]
    Home,
    /// A board, by slug.
    Board(String),
    /// One idea's card, by id.
    Idea(String),
    /// The public roadmap.
    Roadmap,
    /// A survey, by id.
    Survey(String),
    /// A one-question pulse of a survey: (survey id, question id).
    Pulse(String, String),
    /// The engagement dashboard.
    Dashboard,
}

impl View {
    /// Parses `home`, `board:<slug>`, `idea:<id>`, `roadmap`, `survey:<id>`,
    /// `pulse:<survey>:<question>`, `dashboard`.
    ///
    /// ```
    /// use gromada::domain::config::View;
    /// assert_eq!(View::parse("board:ideas"), Some(View::Board("ideas".into())));
    /// assert_eq!(View::parse("board:"), None);
    /// ```
    pub fn parse(text: &str) -> Option<View> {
        let text = text.trim();
        let (head, rest) = text.split_once(':').unwrap_or((text, ""));
        let id_ok = |s: &str| {
            !s.is_empty()
                && s.len() <= 100
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        };
        match (head, rest) {
            ("home", "") => Some(View::Home),
            ("roadmap", "") => Some(View::Roadmap),
            ("dashboard", "") => Some(View::Dashboard),
            ("board", slug) if is_slug(slug) => Some(View::Board(slug.to_owned())),
            ("idea", id) if id_ok(id) => Some(View::Idea(id.to_owned())),
            ("survey", id) if id_ok(id) => Some(View::Survey(id.to_owned())),
            ("pulse", rest) => {
                let (s, q) = rest.split_once(':')?;
                (id_ok(s) && id_ok(q)).then(|| View::Pulse(s.to_owned(), q.to_owned()))
            }
            _ => None,
        }
    }

    /// The text form accepted by [`View::parse`].
    pub fn to_text(&self) -> String {
        match self {
            View::Home => "home".into(),
            View::Board(s) => format!("board:{s}"),
            View::Idea(s) => format!("idea:{s}"),
            View::Roadmap => "roadmap".into(),
            View::Survey(s) => format!("survey:{s}"),
            View::Pulse(s, q) => format!("pulse:{s}:{q}"),
            View::Dashboard => "dashboard".into(),
        }
    }

    /// The embed page (one build each, so a page downloads only its widgets) that shows
    /// this view: `embed.html` for boards and ideas, `embed-survey.html` for surveys and
    /// pulses; none for the app's other pages.
    ///
    /// ```
    /// use gromada::domain::config::{EmbedPage, View};
    /// assert_eq!(View::parse("pulse:s:q").unwrap().embed_page(), Some(EmbedPage::Survey));
    /// assert_eq!(EmbedPage::Board.file(false), "embed.html");
    /// assert_eq!(EmbedPage::Survey.file(true), "embed-survey-remote.html");
    /// ```
    pub fn embed_page(&self) -> Option<EmbedPage> {
        match self {
            View::Board(_) | View::Idea(_) => Some(EmbedPage::Board),
            View::Survey(_) | View::Pulse(..) => Some(EmbedPage::Survey),
            View::Home | View::Roadmap | View::Dashboard => None,
        }
    }
}

/// The embed builds: each page carries only its own widgets, and each comes twice: for
/// storage in the browser (`embed.html`, `embed-survey.html`), and with the stores for a
/// shared backend (REST, CouchDB) and the offline outbox (`embed-remote.html`,
/// `embed-survey-remote.html`), which the local pages leave out to stay small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedPage {
    /// `embed.html`: a board or one idea.
    Board,
    /// `embed-survey.html`: a survey or a one-question pulse.
    Survey,
}

impl EmbedPage {
    /// The page's file name, next to `index.html`: the build for a shared backend when
    /// `remote`.
    pub fn file(self, remote: bool) -> &'static str {
        match (self, remote) {
            (EmbedPage::Board, false) => "embed.html",
            (EmbedPage::Board, true) => "embed-remote.html",
            (EmbedPage::Survey, false) => "embed-survey.html",
            (EmbedPage::Survey, true) => "embed-survey-remote.html",
        }
    }
}

/// The whole configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Storage.
    pub storage: StorageConfig,
    /// Forced language (`None`: follow the browser).
    pub locale: Option<Locale>,
    /// Brand theme.
    pub theme: Theme,
    /// Start view.
    pub view: View,
    /// Whether to load the demo community into empty storage.
    pub demo: bool,
    /// `"demo": "large"`: also a board of 10 000 ideas and 200 000 votes (`/b/big`), for
    /// the scale benchmark (use with `"storage": "memory"`).
    pub large_board: bool,
    /// A JSON file of documents (`{"surveys": [...], "boards": [...]}`) loaded into empty
    /// storage at start, next to `index.html` (a relative path).
    pub seed_url: Option<String>,
    /// The community's name in the header.
    pub community_name: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            storage: StorageConfig::Local {
                namespace: "default".into(),
            },
            locale: None,
            theme: Theme::default(),
            view: View::Home,
            demo: false,
            large_board: false,
            seed_url: None,
            community_name: "Gromada".into(),
        }
    }
}

/// One problem in the configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// Dotted field path (`theme.primary`).
    pub field: String,
    /// What is accepted.
    pub expected: String,
    /// What was found (as JSON or attribute text).
    pub found: String,
    /// Where it came from (`config.json`, `data-theme-primary`).
    pub source: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (from {}): expected {}, found {}",
            self.field, self.source, self.expected, self.found
        )
    }
}

/// The `data-*` attribute names read from the mount element, and the field each sets.
pub const ATTRIBUTES: &[(&str, &str)] = &[
    ("data-storage", "storage.type"),
    ("data-namespace", "storage.namespace"),
    ("data-backend-url", "storage.base_url"),
    ("data-backend-token", "storage.token"),
    ("data-database", "storage.database"),
    ("data-locale", "locale"),
    ("data-view", "view"),
    ("data-demo", "demo"),
    ("data-community-name", "community.name"),
    ("data-theme-primary", "theme.primary"),
    ("data-theme-background", "theme.background"),
    ("data-theme-text", "theme.text"),
    ("data-theme-font", "theme.font"),
    ("data-theme-radius", "theme.radius"),
];

/// Reads the configuration from the parsed `config.json` (or `None` when there is none)
/// and the mount element's attributes, which win. Returns every problem found.
pub fn parse(
    file: Option<&Value>,
    attributes: &[(String, String)],
) -> Result<Config, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let mut fields: Vec<(String, Value, String)> = Vec::new();
    match file {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => flatten(map, "", &mut fields, &mut errors),
        Some(other) => errors.push(err("(top level)", "a JSON object", other, "config.json")),
    }
    for (name, value) in attributes {
        if let Some((_, field)) = ATTRIBUTES.iter().find(|(a, _)| a == name) {
            let value = if *field == "demo" {
                match value.as_str() {
                    "true" | "" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::String(value.clone()),
                }
            } else {
                Value::String(value.clone())
            };
            fields.retain(|(f, _, _)| f != field);
            fields.push(((*field).to_owned(), value, name.clone()));
        }
    }
    let mut config = Config::default();
    let mut storage_type = ("local".to_owned(), "default".to_owned());
    let mut namespace = None;
    let mut base_url = None;
    let mut database = None;
    let mut rest = RestConfig::new("");
    for (field, value, source) in &fields {
        let text = value.as_str();
        match field.as_str() {
            "storage.type" => match text {
                Some(t @ ("local" | "memory" | "rest" | "couch")) => storage_type = (t.to_owned(), source.clone()),
                _ => errors.push(err(field, "\"local\", \"memory\", \"rest\" or \"couch\"", value, source)),
            },
            "storage.database" => match text {
                Some(name) if is_couch_database(name) => database = Some(name.to_owned()),
                _ => errors.push(err(field, "a CouchDB database name: lowercase letters first, then letters, digits and _$()+/-", value, source)),
            },
            "storage.namespace" => match text {
                Some(ns) if is_slug(ns) => namespace = Some(ns.to_owned()),
                _ => errors.push(err(field, "lowercase letters, digits and dashes (e.g. \"acme\")", value, source)),
            },
            "storage.base_url" => match text {
                Some(url) if url.starts_with("https://") || url.starts_with("http://") || url.starts_with('/') => {
                    base_url = Some(url.to_owned())
                }
                _ => errors.push(err(field, "an http(s) URL or a path starting with /", value, source)),
            },
            "storage.token" => match text {
                Some(t) if !t.is_empty() && t.len() <= 4096 && t.bytes().all(|b| b.is_ascii_graphic()) => {
                    rest.token = Some(t.to_owned())
                }
                // Never echo a token back in an error message.
                _ => errors.push(ConfigError {
                    field: field.clone(),
                    expected: "a token of printable characters without spaces".into(),
                    found: "a value that is not one".into(),
                    source: source.clone(),
                }),
            },
            "storage.timeout_ms" => match value.as_u64() {
                Some(ms @ 500..=120_000) => rest.timeout_ms = ms as u32,
                _ => errors.push(err(field, "milliseconds from 500 to 120000", value, source)),
            },
            "storage.refresh_s" => match value.as_u64() {
                Some(s @ 0..=3600) => rest.refresh_s = s as u32,
                _ => errors.push(err(field, "seconds from 0 (only on focus) to 3600", value, source)),
            },
            f if f.starts_with("storage.paths.") => {
                let collection = &f["storage.paths.".len()..];
                match text {
                    Some(path) if is_path(path) && is_collection_name(collection) => {
                        rest.paths.push((collection.to_owned(), path.trim_matches('/').to_owned()))
                    }
                    _ if !is_collection_name(collection) => errors.push(err(field, "a collection name (members, boards, ideas, votes, comments, surveys, responses, events, changelog, reports, modlog, settings)", value, source)),
                    _ => errors.push(err(field, "a relative path like \"api/feature-ideas\"", value, source)),
                }
            }
            "locale" => match value {
                Value::Null => config.locale = None,
                _ => match text.and_then(Locale::from_tag) {
                    Some(l) => config.locale = Some(l),
                    None => errors.push(err(field, "\"en\", \"pl\" or null (follow the browser)", value, source)),
                },
            },
            "view" => match text.and_then(View::parse) {
                Some(v) => config.view = v,
                None => errors.push(err(
                    field,
                    "home, roadmap, dashboard, board:<slug>, idea:<id>, survey:<id> or pulse:<survey>:<question>",
                    value,
                    source,
                )),
            },
            "demo" => match value {
                Value::Bool(b) => config.demo = *b,
                Value::String(s) if s == "large" => {
                    config.demo = true;
                    config.large_board = true;
                }
                _ => errors.push(err(field, "true or false", value, source)),
            },
            "seed_url" => match text {
                Some(u) if !u.is_empty() && !u.contains("://") && !u.starts_with("//") && u.len() <= 200 => {
                    config.seed_url = Some(u.to_owned())
                }
                _ => errors.push(err(field, "a relative path like \"data/seed.json\"", value, source)),
            },
            "community.name" => match text {
                Some(n) if !n.trim().is_empty() && n.chars().count() <= 60 => config.community_name = n.trim().to_owned(),
                _ => errors.push(err(field, "a name of 1–60 characters", value, source)),
            },
            "theme.primary" | "theme.background" | "theme.text" => match text {
                Some(c) if is_css_color(c) => {
                    let slot = match field.as_str() {
                        "theme.primary" => &mut config.theme.primary,
                        "theme.background" => &mut config.theme.background,
                        _ => &mut config.theme.text,
                    };
                    *slot = Some(c.to_owned());
                }
                _ => errors.push(err(field, "a colour like \"#1d4ed8\" or \"#fff\"", value, source)),
            },
            "theme.font" => match text {
                Some(f) if is_font_list(f) => config.theme.font = Some(f.to_owned()),
                _ => errors.push(err(field, "a font list like \"Inter, system-ui, sans-serif\"", value, source)),
            },
            "theme.radius" => match text {
                Some(r) if is_radius(r) => config.theme.radius = Some(r.to_owned()),
                _ => errors.push(err(field, "a length from \"0\" to \"24px\"", value, source)),
            },
            _ => errors.push(err(field, "no such setting (see README: Configuration)", value, source)),
        }
    }
    config.storage = match storage_type.0.as_str() {
        "memory" => StorageConfig::Memory,
        "rest" => match base_url {
            Some(base_url) => StorageConfig::Rest(RestConfig { base_url, ..rest }),
            None => {
                errors.push(ConfigError {
                    field: "storage.base_url".into(),
                    expected: "the backend URL when storage.type is \"rest\"".into(),
                    found: "nothing".into(),
                    source: storage_type.1.clone(),
                });
                StorageConfig::Memory
            }
        },
        "couch" => {
            match (base_url, database) {
                (Some(url), Some(database)) => StorageConfig::Couch(CouchConfig {
                    url,
                    database,
                    token: rest.token,
                    timeout_ms: rest.timeout_ms,
                }),
                (url, _) => {
                    errors.push(ConfigError {
                    field: if url.is_none() { "storage.base_url" } else { "storage.database" }.into(),
                    expected: "the CouchDB server URL and database name when storage.type is \"couch\"".into(),
                    found: "nothing".into(),
                    source: storage_type.1.clone(),
                });
                    StorageConfig::Memory
                }
            }
        }
        _ => StorageConfig::Local {
            namespace: namespace.unwrap_or_else(|| "default".into()),
        },
    };
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(errors)
    }
}

/// The collections a backend path can be configured for.
const COLLECTION_NAMES: [&str; 12] = [
    "members",
    "boards",
    "ideas",
    "votes",
    "comments",
    "surveys",
    "responses",
    "events",
    "changelog",
    "reports",
    "modlog",
    "settings",
];

fn is_collection_name(name: &str) -> bool {
    COLLECTION_NAMES.contains(&name)
}

fn is_path(path: &str) -> bool {
    let path = path.trim_matches('/');
    !path.is_empty()
        && path.len() <= 200
        && !path.contains("..")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
}

fn err(field: &str, expected: &str, found: &Value, source: &str) -> ConfigError {
    let mut found = found.to_string();
    if found.chars().count() > 80 {
        found = found.chars().take(80).collect::<String>() + "…";
    }
    ConfigError {
        field: field.to_owned(),
        expected: expected.to_owned(),
        found,
        source: source.to_owned(),
    }
}

/// Turns `{"theme": {"primary": "#fff"}, "storage": "local"}` into dotted fields.
/// A bare string for `storage` is its type.
fn flatten(
    map: &Map<String, Value>,
    prefix: &str,
    out: &mut Vec<(String, Value, String)>,
    errors: &mut Vec<ConfigError>,
) {
    for (key, value) in map {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match (path.as_str(), value) {
            ("storage", Value::String(_)) => {
                out.push(("storage.type".into(), value.clone(), "config.json".into()))
            }
            ("storage" | "storage.paths" | "theme" | "community", Value::Object(inner)) => {
                flatten(inner, &path, out, errors)
            }
            ("theme" | "community", other) => {
                errors.push(err(&path, "a JSON object", other, "config.json"))
            }
            (_, Value::Null) if path != "locale" => {}
            _ => out.push((path, value.clone(), "config.json".into())),
        }
    }
}

/// `#rgb` or `#rrggbb`.
pub fn is_css_color(s: &str) -> bool {
    (s.len() == 4 || s.len() == 7)
        && s.starts_with('#')
        && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_font_list(s: &str) -> bool {
    !s.trim().is_empty()
        && s.len() <= 200
        && s.chars()
            .all(|c| c.is_alphanumeric() || " ,-_'\"".contains(c))
}

fn is_radius(s: &str) -> bool {
    if s == "0" {
        return true;
    }
    s.strip_suffix("px")
        .and_then(|n| n.parse::<u8>().ok())
        .is_some_and(|n| n <= 24)
}

/// Parses `#rgb` / `#rrggbb` into 8-bit channels.
pub fn parse_hex(color: &str) -> Option<(u8, u8, u8)> {
    if !is_css_color(color) {
        return None;
    }
    let hex = &color[1..];
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    if hex.len() == 3 {
        let c = |i: usize| channel(&hex[i..i + 1].repeat(2));
        Some((c(0)?, c(1)?, c(2)?))
    } else {
        Some((
            channel(&hex[0..2])?,
            channel(&hex[2..4])?,
            channel(&hex[4..6])?,
        ))
    }
}

/// WCAG relative luminance of a colour.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio between two colours (1–21).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The text colour (black or white) that reads best on `background`, so a brand's
/// light primary colour never gives unreadable buttons.
///
/// ```
/// use gromada::domain::config::on_color;
/// assert_eq!(on_color("#ffd400"), "#111111");
/// assert_eq!(on_color("#1d4ed8"), "#ffffff");
/// ```
pub fn on_color(background: &str) -> &'static str {
    let Some(bg) = parse_hex(background) else {
        return "#ffffff";
    };
    if contrast(bg, (255, 255, 255)) >= contrast(bg, (0x11, 0x11, 0x11)) {
        "#ffffff"
    } else {
        "#111111"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn empty_config_gives_defaults() {
        assert_eq!(parse(None, &[]).unwrap(), Config::default());
    }

    #[test]
    fn reads_file_and_attributes_win() {
        let file = json!({"storage": {"type": "local", "namespace": "acme"}, "locale": "en", "theme": {"primary": "#ff0000"}, "demo": true});
        let attrs = vec![
            ("data-locale".to_owned(), "pl".to_owned()),
            ("data-view".to_owned(), "board:ideas".to_owned()),
        ];
        let c = parse(Some(&file), &attrs).unwrap();
        assert_eq!(c.locale, Some(Locale::Pl));
        assert_eq!(c.view, View::Board("ideas".into()));
        assert_eq!(
            c.storage,
            StorageConfig::Local {
                namespace: "acme".into()
            }
        );
        assert_eq!(c.theme.primary.as_deref(), Some("#ff0000"));
        assert!(c.demo);
    }

    #[test]
    fn every_error_names_field_expected_and_source() {
        let file = json!({"locale": "de", "theme": {"primary": "red"}, "demo": "yes", "colour": 1});
        let errors = parse(
            Some(&file),
            &[("data-view".into(), "board:Bad Slug".into())],
        )
        .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert!(fields.contains(&"locale"));
        assert!(fields.contains(&"theme.primary"));
        assert!(fields.contains(&"demo"));
        assert!(fields.contains(&"colour"));
        let view = errors.iter().find(|e| e.field == "view").unwrap();
        assert_eq!(view.source, "data-view");
        assert!(view.found.contains("Bad Slug"));
        assert!(errors
            .iter()
            .find(|e| e.field == "theme.primary")
            .unwrap()
            .expected
            .contains('#'));
    }

    #[test]
    fn couch_storage_needs_url_and_a_valid_database() {
        let errors = parse(
            Some(&json!({"storage": {"type": "couch", "base_url": "http://localhost:5984"}})),
            &[],
        )
        .unwrap_err();
        assert_eq!(errors[0].field, "storage.database");
        let errors = parse(
            Some(
                &json!({"storage": {"type": "couch", "base_url": "http://x", "database": "Acme"}}),
            ),
            &[],
        )
        .unwrap_err();
        assert!(errors[0].expected.contains("lowercase"));
        let attrs = [
            ("data-storage".to_owned(), "couch".to_owned()),
            (
                "data-backend-url".to_owned(),
                "https://couch.example.com".to_owned(),
            ),
            ("data-database".to_owned(), "acme-community".to_owned()),
            ("data-backend-token".to_owned(), "eyJ.jwt".to_owned()),
        ];
        let c = parse(None, &attrs).unwrap();
        let StorageConfig::Couch(couch) = c.storage else {
            panic!("couch expected");
        };
        assert_eq!(couch.database, "acme-community");
        assert_eq!(couch.token.as_deref(), Some("eyJ.jwt"));
        assert!(!format!("{couch:?}").contains("eyJ"));
    }

    #[test]
    fn rest_storage_needs_a_url() {
        let errors = parse(Some(&json!({"storage": "rest"})), &[]).unwrap_err();
        assert_eq!(errors[0].field, "storage.base_url");
        let ok = parse(
            Some(&json!({"storage": {"type": "rest", "base_url": "http://localhost:3000"}})),
            &[],
        )
        .unwrap();
        assert_eq!(
            ok.storage,
            StorageConfig::Rest(RestConfig::new("http://localhost:3000"))
        );
    }

    #[test]
    fn rest_settings_paths_token_and_timing() {
        let file = json!({"storage": {"type": "rest", "base_url": "https://api.example.com/v1/",
            "timeout_ms": 5000, "refresh_s": 0, "paths": {"ideas": "feature-ideas/"}}});
        let attrs = [("data-backend-token".to_owned(), "abc.def-123".to_owned())];
        let c = parse(Some(&file), &attrs).unwrap();
        let StorageConfig::Rest(rest) = c.storage else {
            panic!("rest expected");
        };
        assert_eq!(
            rest.paths,
            vec![("ideas".to_owned(), "feature-ideas".to_owned())]
        );
        assert_eq!((rest.timeout_ms, rest.refresh_s), (5000, 0));
        assert_eq!(rest.token.as_deref(), Some("abc.def-123"));
        assert!(
            !format!("{rest:?}").contains("abc.def"),
            "the token never shows in debug output"
        );
        let bad = json!({"storage": {"type": "rest", "base_url": "/api", "token": "has space secret",
            "timeout_ms": 5, "paths": {"ideas": "../etc", "nope": "x"}}});
        let errors = parse(Some(&bad), &[]).unwrap_err();
        let mut fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            [
                "storage.paths.ideas",
                "storage.paths.nope",
                "storage.timeout_ms",
                "storage.token"
            ]
        );
        assert!(errors.iter().all(|e| !e.found.contains("secret")));
    }

    #[test]
    fn rejects_css_injection_in_theme() {
        let file = json!({"theme": {"font": "x; background: url(http://evil)", "radius": "100px"}});
        let errors = parse(Some(&file), &[]).unwrap_err();
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn non_object_file_is_an_error() {
        let errors = parse(Some(&json!([1, 2])), &[]).unwrap_err();
        assert_eq!(errors[0].field, "(top level)");
    }
}
