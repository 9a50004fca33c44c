//! The app root: contexts (store, language, viewer, notices), brand theme, router, and
//! either the full shell (header, pages, footer) or a single embedded widget.

use crate::domain::config::{on_color, Config, StorageConfig, Theme, View};
use crate::domain::member::Member;
use crate::store::local::LocalStore;
use crate::store::{Query, Store, StoreError, StoreExt};
use crate::ui::components::{Header, NoticesRegion, StorageBanner};
use crate::ui::hooks::{
    provide_i18n, provide_notices, provide_store, provide_viewer, use_i18n, Prefs,
};
use crate::ui::pages::{
    BoardPage, BoardSettingsPage, ChangelogPage, EmbedShell, HomePage, IdeaPage, ModerationPage,
    NewBoardPage, NotFound, ProfilePage, RoadmapPage,
};
use crate::ui::routes;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::rc::Rc;

/// What an embed URL asked for.
#[derive(Clone, Debug)]
pub struct EmbedTarget {
    /// The widget.
    pub view: View,
    /// The loader's frame id.
    pub frame: String,
    /// The host page's origin (`*` when unknown).
    pub parent_origin: String,
}

/// Everything start-up prepared.
#[derive(Clone)]
pub struct Boot {
    /// Configuration.
    pub config: Config,
    /// The store.
    pub store: Rc<dyn Store>,
    /// The localStorage store, when used (for the damaged-data banner).
    pub local: Option<Rc<LocalStore>>,
    /// Problems met while opening storage.
    pub warnings: Vec<StoreError>,
    /// Set when running as an embedded widget.
    pub embed: Option<EmbedTarget>,
    /// The JSON backend, when configured.
    pub backend: Option<crate::ui::backend::Backend>,
}

/// Facts about this running app that pages may need.
#[derive(Clone)]
pub struct AppInfo {
    /// The community's name.
    pub community_name: String,
    /// Where data lives (`local`, `memory`, `rest`).
    pub storage_kind: &'static str,
    /// The storage namespace (for per-browser preferences and drafts).
    pub namespace: String,
    /// The configured start view.
    pub start_view: View,
    /// Whether the start view was already applied.
    pub start_applied: RwSignal<bool>,
}

/// Applies brand colours and font as CSS custom properties (CSSOM: allowed by strict CSP).
fn apply_theme(theme: &Theme) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let Ok(root) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(root) else {
        return;
    };
    let style = root.style();
    let set = |name: &str, value: &Option<String>| {
        if let Some(v) = value {
            let _ = style.set_property(name, v);
        }
    };
    set("--g-primary", &theme.primary);
    set("--g-bg", &theme.background);
    set("--g-text", &theme.text);
    set("--g-font", &theme.font);
    set("--g-radius", &theme.radius);
    if let Some(p) = &theme.primary {
        let _ = style.set_property("--g-on-primary", on_color(p));
    }
}

/// Provides the contexts every root needs (store, language, viewer, notices, app facts),
/// applies the brand theme, reports start-up warnings and keeps the member list loaded.
/// Returns the parts the caller still needs.
pub fn provide_app_contexts(
    boot: Boot,
) -> (
    Config,
    StoredValue<Option<Rc<LocalStore>>, LocalStorage>,
    Option<EmbedTarget>,
) {
    let Boot {
        config,
        store,
        local,
        warnings,
        embed,
        backend,
    } = boot;
    let namespace = match &config.storage {
        StorageConfig::Local { namespace } => namespace.clone(),
        _ => "default".to_owned(),
    };
    let prefs = Prefs::new(&namespace);
    let i18n = provide_i18n(config.locale, prefs.clone());
    let store_ctx = provide_store(store);
    let viewer = provide_viewer(prefs);
    let notices = provide_notices();
    apply_theme(&config.theme);
    // (Builds without the backend stores never open one: they hand the visit over.)
    #[cfg(feature = "remote")]
    if let Some(backend) = backend {
        crate::ui::backend::start(backend);
    }
    #[cfg(not(feature = "remote"))]
    drop(backend);
    let storage_kind = match config.storage {
        StorageConfig::Local { .. } if local.is_some() => "local",
        StorageConfig::Rest(_) => "rest",
        StorageConfig::Couch(_) => "couch",
        _ => "memory",
    };
    provide_context(AppInfo {
        community_name: config.community_name.clone(),
        storage_kind,
        namespace: namespace.clone(),
        start_view: config.view.clone(),
        start_applied: RwSignal::new(false),
    });
    for w in &warnings {
        notices.error(i18n.t_untracked().store_error(w));
    }
    // Members feed names and the role switcher.
    let members = crate::ui::hooks::use_async(move || {
        store_ctx.version();
        let store = store_ctx.store();
        async move { store.list_as::<Member>(&Query::all()).await }
    });
    // A failed read keeps the members read before; the first failure after a success is
    // said once (names would otherwise turn into ids and the switcher empty, silently).
    let said = StoredValue::new(false);
    Effect::new(move |_| match members.get() {
        Some(Ok(listed)) => {
            viewer.set_members(listed.items);
            said.set_value(false);
        }
        Some(Err(e)) if !said.get_value() => {
            said.set_value(true);
            let t = i18n.t_untracked();
            notices.error(crate::ui::i18n::fill(
                t.members_read_failed,
                &[("reason", &t.store_error(&e))],
            ));
        }
        _ => {}
    });
    (config, StoredValue::new_local(local), embed)
}

/// The full application (an embed URL gets the embedded widget instead).
#[component]
pub fn App(
    /// What start-up prepared.
    boot: Boot,
) -> impl IntoView {
    let (config, local, embed) = provide_app_contexts(boot);
    crate::ui::hooks::provide_community(embed.is_none());
    if embed.is_none() {
        crate::ui::pages::dashboard::provide_dashboard_state();
    }
    if let Some(target) = embed {
        return view! { <EmbedShell target=target widget=crate::ui::pages::any_widget/> }
            .into_any();
    }
    let name = config.community_name.clone();
    view! {
        <Router base=routes::base()>
            <Shell community_name=name local=local/>
        </Router>
    }
    .into_any()
}

/// Everything inside the router: header, pages, footer.
#[component]
fn Shell(
    community_name: String,
    local: StoredValue<Option<Rc<LocalStore>>, LocalStorage>,
) -> impl IntoView {
    crate::ui::hooks::provide_navigator();
    view! {
        <Header community_name=community_name/>
        <StorageBanner local=local/>
        <main id="main" class="g-main" tabindex="-1">
            <Routes fallback=|| view! { <NotFound/> }>
                <Route path=path!("/") view=HomePage/>
                <Route path=path!("/b/:slug") view=BoardPage/>
                <Route path=path!("/b/:slug/ideas/:id") view=IdeaPage/>
                <Route path=path!("/b/:slug/settings") view=BoardSettingsPage/>
                <Route path=path!("/boards/new") view=NewBoardPage/>
                <Route path=path!("/roadmap") view=RoadmapPage/>
                <Route path=path!("/changelog") view=ChangelogPage/>
                <Route path=path!("/u/:id") view=ProfilePage/>
                <Route path=path!("/moderation") view=ModerationPage/>
                <Route path=path!("/surveys") view=crate::ui::pages::survey::SurveysPage/>
                <Route path=path!("/surveys/new") view=crate::ui::pages::survey::NewSurveyPage/>
                <Route path=path!("/s/:id") view=crate::ui::pages::survey::SurveyAnswerPage/>
                <Route path=path!("/s/:id/results") view=crate::ui::pages::survey::SurveyResultsPage/>
                <Route path=path!("/s/:id/edit") view=crate::ui::pages::survey::SurveyEditPage/>
                <Route path=path!("/dashboard") view=crate::ui::pages::dashboard::DashboardPage/>
                <Route path=path!("/dashboard/report") view=crate::ui::pages::dashboard::ReportPage/>
            </Routes>
        </main>
        <Footer/>
        <NoticesRegion/>
    }
}

/// The embed root (`embed.html`, `embed-survey.html`): one widget, no router, no chrome.
#[component]
pub fn EmbedApp(
    /// What start-up prepared.
    boot: Boot,
    /// The widgets this embed build carries.
    widget: crate::ui::pages::Widget,
) -> impl IntoView {
    let (config, _, embed) = provide_app_contexts(boot);
    let target = embed.unwrap_or(EmbedTarget {
        view: config.view,
        frame: String::new(),
        parent_origin: "*".into(),
    });
    view! { <EmbedShell target=target widget=widget/> }
}

/// The footer: where data lives, and credits.
#[component]
fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let info = expect_context::<AppInfo>();
    let kind = info.storage_kind;
    view! {
        <footer class="g-footer">
            <p>
                {move || match kind {
                    "local" => i18n.t().storage_local,
                    "rest" | "couch" => i18n.t().storage_remote,
                    _ => i18n.t().storage_memory,
                }}
            </p>
            <p class="g-footer__credit">{move || i18n.t().powered_by}</p>
        </footer>
    }
}
