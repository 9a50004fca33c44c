//! Start-up: install the crash panel, read the configuration (`config.json` next to
//! `index.html`, then the mount element's `data-*` attributes, then an embed URL's
//! parameters), open the configured store, load the demo into empty storage, and mount.

use crate::domain::config::{self, Config, ConfigError, EmbedPage, StorageConfig, View};
use crate::domain::time::{Timestamp, DAY_MS};
use crate::store::local::LocalStore;
use crate::store::memory::MemoryStore;
use crate::store::{seed, Store, StoreError};
use crate::ui::app::{App, Boot, EmbedApp, EmbedTarget};
use crate::ui::pages::{board_widget, survey_widget, ConfigErrorPage};
use crate::ui::routes;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use serde_json::Value;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Id of the element the app mounts into (else `<body>`).
pub const MOUNT_ID: &str = "gromada";

/// Starts the full app (`index.html`).
pub fn start() {
    boot(
        |boot| view! { <App boot=boot/> }.into_any(),
        Demo::Seed(seed_demo),
        None,
    );
}

/// Starts the board embed (`embed.html`): a board or an idea, a much smaller download
/// than the app.
pub fn start_board_embed() {
    if !redirect_to_embed_page(EmbedPage::Board) {
        boot(
            |boot| view! { <EmbedApp boot=boot widget=board_widget/> }.into_any(),
            Demo::HandOff,
            Some(EmbedPage::Board),
        );
    }
}

/// Starts the survey embed (`embed-survey.html`): a survey or a one-question pulse.
pub fn start_survey_embed() {
    if !redirect_to_embed_page(EmbedPage::Survey) {
        boot(
            |boot| view! { <EmbedApp boot=boot widget=survey_widget/> }.into_any(),
            Demo::HandOff,
            Some(EmbedPage::Survey),
        );
    }
}

/// An embed URL written by hand for the other embed page (`embed.html?embed=survey:…`)
/// moves to that page (of the same storage kind) with the same parameters (the loader
/// picks the right page itself). Returns whether the page is moving.
fn redirect_to_embed_page(own: EmbedPage) -> bool {
    match UrlParams::read()
        .embed
        .as_deref()
        .and_then(View::parse)
        .and_then(|v| v.embed_page())
    {
        Some(page) if page != own => reopen_as(page.file(cfg!(feature = "remote"))),
        _ => false,
    }
}

/// Reopens this page's URL parameters on `page` (next to this one). Whether the page is
/// moving.
fn reopen_as(page: &str) -> bool {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let search = location.search().unwrap_or_default();
    location.replace(&format!("{page}{search}")).is_ok()
}

/// The configured shared backend (REST or CouchDB) behind the offline outbox.
#[cfg(feature = "remote")]
fn open_backend(
    storage: &StorageConfig,
    _page: Option<EmbedPage>,
) -> Option<crate::ui::backend::Backend> {
    match storage {
        StorageConfig::Rest(rest) => Some(crate::ui::backend::open(rest)),
        StorageConfig::Couch(couch) => Some(crate::ui::backend::open_couch(couch)),
        StorageConfig::Local { .. } | StorageConfig::Memory => None,
    }
}

/// A build without the backend stores (an embed for storage in the browser, about 75 KB
/// gzip smaller) hands a visit configured for a shared backend to its twin built with
/// them, with the same parameters. `None`: the page is moving.
#[cfg(not(feature = "remote"))]
fn open_backend(
    _storage: &StorageConfig,
    page: Option<EmbedPage>,
) -> Option<crate::ui::backend::Backend> {
    if let Some(page) = page {
        reopen_as(page.file(true));
    }
    None
}

/// How a build fills empty storage when the configuration asks for the demo.
#[derive(Clone, Copy)]
enum Demo {
    /// Generate the demo community and store it unless the store holds data (the full
    /// app). A function pointer, so builds that never pass it leave the generator out.
    Seed(SeedDemo),
    /// Leave it to the full app: with empty storage, the embed page reopens as
    /// `index.html` with the same parameters, which seeds the demo and shows the same
    /// widget. Only a demo's very first visit pays for the app's download; the demo
    /// generator stays out of the embeds.
    HandOff,
}

/// Stores the demo (store, with the large board?) unless the store holds data.
type SeedDemo = fn(Rc<dyn Store>, bool) -> LocalBoxFuture<'static, Result<(), StoreError>>;

/// Stores the demo community "as of" the current hour (so two tabs opening together
/// write the same ids), with the large board when asked, unless the store holds data.
fn seed_demo(
    store: Rc<dyn Store>,
    large_board: bool,
) -> LocalBoxFuture<'static, Result<(), StoreError>> {
    Box::pin(async move {
        let now = crate::ui::format::now();
        let hour = Timestamp(now.0 - now.0.rem_euclid(DAY_MS / 24));
        let mut demo = crate::domain::demo::generate(hour, 2026);
        if large_board {
            crate::domain::demo::add_large_board(&mut demo, hour, 10_000, 200_000);
        }
        seed::seed_if_empty(store.as_ref(), &demo).await.map(|_| ())
    })
}

/// Starts a build: `root` is its view, `demo` how it fills empty storage, `page` the embed
/// page it is (`None`: the full app).
fn boot(root: fn(Boot) -> AnyView, demo: Demo, page: Option<EmbedPage>) {
    crate::ui::panic::install();
    // Start-up runs before anything is mounted (mounting sets up leptos's own executor).
    wasm_bindgen_futures::spawn_local(async move {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let mount: web_sys::HtmlElement = match document
            .get_element_by_id(MOUNT_ID)
            .and_then(|e| e.dyn_into().ok())
        {
            Some(el) => el,
            None => match document.body() {
                Some(b) => b,
                None => return,
            },
        };
        routes::set_base(&base_path(&document));
        let params = UrlParams::read();
        let mut attributes = read_attributes(&mount);
        attributes.extend(params.config_overrides());
        let result = match fetch_config().await {
            Ok(file) => config::parse(file.as_ref(), &attributes),
            Err(e) => Err(vec![e]),
        };
        let _ = mount.class_list().remove_1("g-booting");
        match result {
            Err(errors) => {
                let handle = leptos::mount::mount_to(
                    mount,
                    move || view! { <ConfigErrorPage errors=errors.clone()/> },
                );
                handle.forget();
            }
            Ok(config) => {
                let Some(boot) = open(config, params, demo, page).await else {
                    return;
                };
                let handle = leptos::mount::mount_to(mount, move || root(boot));
                handle.forget();
            }
        }
    });
}

/// The deployment's base path, from `<base href>` (Trunk's public URL).
fn base_path(document: &web_sys::Document) -> String {
    document
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|u| u.pathname())
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned()
}

fn read_attributes(el: &web_sys::HtmlElement) -> Vec<(String, String)> {
    config::ATTRIBUTES
        .iter()
        .filter_map(|(name, _)| el.get_attribute(name).map(|v| ((*name).to_owned(), v)))
        .collect()
}

/// Parameters of the page URL that matter at start: the embed target and its frame.
#[derive(Clone, Debug, Default)]
pub struct UrlParams {
    /// `embed=board:<slug>` etc.
    pub embed: Option<String>,
    /// Frame id given by the loader.
    pub frame: String,
    /// Host page origin given by the loader.
    pub parent_origin: String,
    /// Other parameters (`locale`, `theme-*`).
    pub other: Vec<(String, String)>,
}

impl UrlParams {
    fn read() -> Self {
        let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) else {
            return Self::default();
        };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return Self::default();
        };
        let get = |k: &str| params.get(k);
        let mut other = Vec::new();
        for key in [
            "locale",
            "theme-primary",
            "theme-background",
            "theme-text",
            "theme-font",
            "theme-radius",
        ] {
            if let Some(v) = get(key) {
                other.push((key.to_owned(), v));
            }
        }
        Self {
            embed: get("embed"),
            frame: get("frame").unwrap_or_default(),
            parent_origin: get("origin").unwrap_or_default(),
            other,
        }
    }

    /// Embed URL parameters override configuration like `data-*` attributes do
    /// (only when embedded: a plain link cannot restyle the full app).
    fn config_overrides(&self) -> Vec<(String, String)> {
        if self.embed.is_none() {
            return Vec::new();
        }
        self.other
            .iter()
            .map(|(k, v)| (format!("data-{k}"), v.clone()))
            .collect()
    }
}

/// Fetches `config.json` next to `index.html`: `None` when there is none (404).
async fn fetch_config() -> Result<Option<Value>, ConfigError> {
    let problem = |expected: &str, found: String| ConfigError {
        field: "(file)".into(),
        expected: expected.into(),
        found,
        source: "config.json".into(),
    };
    let (status, text) = match fetch_text("config.json").await {
        Ok(r) => r,
        Err(e) => return Err(problem("a readable config.json (or none at all)", e)),
    };
    if status == 404 {
        return Ok(None);
    }
    if !(200..300).contains(&status) {
        return Err(problem(
            "HTTP 200 for config.json",
            format!("HTTP {status}"),
        ));
    }
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| problem("valid JSON", e.to_string()))
}

/// Loads a seed file into empty storage: `{"<collection>": [documents]}`.
async fn seed_from(store: &dyn Store, url: &str) -> Result<(), StoreError> {
    if !seed::is_empty(store).await? {
        return Ok(());
    }
    let (status, text) = fetch_text(url).await.map_err(StoreError::Unavailable)?;
    if !(200..300).contains(&status) {
        return Err(StoreError::Unavailable(format!("{url}: HTTP {status}")));
    }
    let doc: Value =
        serde_json::from_str(&text).map_err(|e| StoreError::Malformed(format!("{url}: {e}")))?;
    let Some(map) = doc.as_object() else {
        return Err(StoreError::Malformed(format!(
            "{url}: expected an object of collections"
        )));
    };
    for (name, docs) in map {
        let Some(collection) = crate::store::Collection::parse(name) else {
            return Err(StoreError::Malformed(format!(
                "{url}: unknown collection \"{name}\""
            )));
        };
        for d in docs.as_array().into_iter().flatten() {
            match store.create(collection, d.clone()).await {
                Ok(_) | Err(StoreError::AlreadyExists { .. }) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// GETs `url` (relative to the page) and returns the status and body text.
async fn fetch_text(url: &str) -> Result<(u16, String), String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let text_of = |e: wasm_bindgen::JsValue| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "network error".into())
    };
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(text_of)?
        .dyn_into()
        .map_err(|_| "not a response".to_owned())?;
    let body = JsFuture::from(response.text().map_err(text_of)?)
        .await
        .map_err(text_of)?;
    Ok((response.status(), body.as_string().unwrap_or_default()))
}

/// Opens the configured store (falling back to memory with a visible warning when the
/// browser refuses storage) and loads the demo into empty storage. `None` when an embed
/// page hands the visit to another build (the page is moving): a demo's first visit to
/// the full app, a shared backend to the embed built for one.
async fn open(
    config: Config,
    params: UrlParams,
    demo: Demo,
    page: Option<EmbedPage>,
) -> Option<Boot> {
    let mut warnings: Vec<StoreError> = Vec::new();
    let mut local: Option<Rc<LocalStore>> = None;
    let mut backend = None;
    let store: Rc<dyn Store> = match &config.storage {
        StorageConfig::Local { namespace } => match LocalStore::open(namespace) {
            Ok(s) => {
                if let Some(e) = s.read_only() {
                    warnings.push(e.clone());
                }
                local = Some(s.clone());
                s
            }
            Err(e) => {
                warnings.push(e);
                Rc::new(MemoryStore::new())
            }
        },
        StorageConfig::Rest(_) | StorageConfig::Couch(_) => {
            let b = open_backend(&config.storage, page)?;
            let store = b.outbox.clone() as Rc<dyn Store>;
            backend = Some(b);
            store
        }
        StorageConfig::Memory => Rc::new(MemoryStore::new()),
    };
    if config.demo && !local.as_ref().is_some_and(|l| l.meta_flag("demo_seeded")) {
        // Whether the demo is in the store now (a local store remembers it).
        let present = match demo {
            Demo::Seed(seed_demo) => seed_demo(store.clone(), config.large_board)
                .await
                .map(|()| true),
            Demo::HandOff => match seed::is_empty(store.as_ref()).await {
                Ok(true) if reopen_as("index.html") => return None,
                Ok(empty) => Ok(!empty),
                Err(e) => Err(e),
            },
        };
        match present {
            Ok(true) => {
                if let Some(l) = &local {
                    let _ = l.set_meta_flag("demo_seeded", true);
                }
            }
            Ok(false) => {}
            Err(e) => warnings.push(e),
        }
    }
    if let Some(url) = &config.seed_url {
        if let Err(e) = seed_from(store.as_ref(), url).await {
            warnings.push(e);
        }
    }
    let embed = params
        .embed
        .as_deref()
        .and_then(View::parse)
        .map(|view| EmbedTarget {
            view,
            frame: params.frame.clone(),
            parent_origin: if params.parent_origin.is_empty() {
                "*".into()
            } else {
                params.parent_origin.clone()
            },
        });
    Some(Boot {
        config,
        store,
        local,
        warnings,
        embed,
        backend,
    })
}
