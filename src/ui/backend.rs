//! A shared backend in the browser (a JSON REST API or CouchDB): the store behind the
//! offline outbox, queued writes sent when due (and at once when the browser comes back
//! online), other people's changes heard (REST: looked for on an interval and on focus;
//! CouchDB: followed on the `_changes` feed, resuming from the last sequence after a
//! failure), other tabs' writes heard through a storage event, and a status line saying
//! what waits or was refused.

use crate::domain::config::{CouchConfig, RestConfig};
use crate::store::couch::CouchStore;
use crate::store::http::FetchHttp;
use crate::store::outbox::{OutboxStatus, OutboxStore};
use crate::store::outbox_local::LocalOutbox;
use crate::store::rest::RestStore;
use crate::store::{Collection, Listener, Store};
use crate::ui::hooks::{new_id, use_i18n};
use crate::ui::i18n::fill;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// localStorage key other tabs watch to hear of a write.
const CHANGED_KEY: &str = "gromada-rest-changed";

/// How long one `_changes` longpoll waits for news.
const LONGPOLL_MS: u32 = 25_000;

/// The network store behind the outbox.
#[derive(Clone)]
pub enum Remote {
    /// A JSON REST API.
    Rest(Rc<RestStore>),
    /// A CouchDB database.
    Couch(Rc<CouchStore>),
}

impl Remote {
    fn notify(&self, collections: &[Collection]) {
        match self {
            Remote::Rest(r) => r.notify(collections),
            Remote::Couch(c) => c.notify(collections),
        }
    }
}

/// The network store and its outbox.
#[derive(Clone)]
pub struct Backend {
    /// The network store (for refreshes and change notices).
    pub remote: Remote,
    /// The outbox in front of it (what the app uses as its store).
    pub outbox: Rc<OutboxStore>,
    /// Seconds between refreshes (0: only on focus; a CouchDB feed needs none).
    pub refresh_s: u32,
}

/// Tells other tabs of this origin that `collection` changed.
fn tell_other_tabs() -> Listener {
    Rc::new(|collection: Collection| {
        if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.set_item(
                CHANGED_KEY,
                &format!("{}:{}", collection.as_str(), js_sys::Date::now()),
            );
        }
    })
}

fn outbox(store: Rc<dyn Store>, key: &str) -> Rc<OutboxStore> {
    Rc::new(OutboxStore::new(
        store,
        Rc::new(LocalOutbox::for_backend(key)),
        Rc::new(new_id),
        Rc::new(|| js_sys::Date::now() as u64),
    ))
}

/// Opens the configured REST backend.
pub fn open(config: &RestConfig) -> Backend {
    let rest = Rc::new(RestStore::new(Rc::new(FetchHttp), config.clone()));
    rest.after_write(tell_other_tabs());
    Backend {
        outbox: outbox(rest.clone() as Rc<dyn Store>, &config.base_url),
        remote: Remote::Rest(rest),
        refresh_s: config.refresh_s,
    }
}

/// Opens the configured CouchDB database.
pub fn open_couch(config: &CouchConfig) -> Backend {
    let couch = Rc::new(CouchStore::new(Rc::new(FetchHttp), config.clone()));
    couch.after_write(tell_other_tabs());
    let key = format!("{}/{}", config.url.trim_end_matches('/'), config.database);
    Backend {
        outbox: outbox(couch.clone() as Rc<dyn Store>, &key),
        remote: Remote::Couch(couch),
        refresh_s: 0,
    }
}

/// With a CouchDB session (the brand's site signed the member in), the app acts as that
/// member: the server's rules judge writes by the session's name, so acting as anyone else
/// would only be refused.
fn act_as_session_user(couch: Rc<CouchStore>) {
    let Some(viewer) = use_context::<crate::ui::hooks::ViewerContext>() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if let Ok(Some(name)) = couch.session_user().await {
            viewer.act_as(Some(&crate::domain::ids::MemberId::from(name.as_str())));
        }
    });
}

/// Follows the database's `_changes` feed for as long as the page lives: longpolls from
/// the current end, tells the listeners what changed, and after a failure waits (1 s,
/// doubling to 30 s) and resumes from the last sequence seen, so nothing is missed.
fn follow_changes(couch: Rc<CouchStore>, outbox: Rc<OutboxStore>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut since: Option<String> = None;
        let mut backoff_ms = 1_000;
        loop {
            let step = match &since {
                None => couch.current_seq().await,
                Some(seq) => couch.changes(seq, LONGPOLL_MS).await.map(|c| c.last_seq),
            };
            match step {
                Ok(seq) => {
                    since = Some(seq);
                    backoff_ms = 1_000;
                    outbox.backend_answered();
                }
                Err(_) => {
                    gloo_timers::future::TimeoutFuture::new(backoff_ms).await;
                    backoff_ms = (backoff_ms * 2).min(30_000);
                }
            }
        }
    });
}

/// The outbox's status, for the status line.
#[derive(Clone, Copy)]
pub struct SyncStatus {
    status: RwSignal<OutboxStatus, LocalStorage>,
    backend: StoredValue<Backend, LocalStorage>,
}

fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    // The app lives as long as the page.
    closure.forget();
}

/// Starts sending, refreshing and listening, and provides the status (full app and embeds).
pub fn start(backend: Backend) {
    let status = RwSignal::new_local(backend.outbox.status());
    backend
        .outbox
        .watch(Rc::new(move |s: &OutboxStatus| status.set(s.clone())));
    let outbox = backend.outbox.clone();
    let flush_if_due = move || {
        if outbox.is_due() {
            let outbox = outbox.clone();
            wasm_bindgen_futures::spawn_local(async move {
                outbox.flush().await;
            });
        }
    };
    let tick = flush_if_due.clone();
    gloo_timers::callback::Interval::new(1_000, tick).forget();
    let rest = match &backend.remote {
        Remote::Rest(rest) => Some(rest.clone()),
        Remote::Couch(couch) => {
            follow_changes(couch.clone(), backend.outbox.clone());
            act_as_session_user(couch.clone());
            None
        }
    };
    let outbox = backend.outbox.clone();
    let refresh = move || {
        if let Some(rest) = rest.clone() {
            let outbox = outbox.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // The backend is back: what waits is sent now, not when the backoff ends.
                if rest.refresh().await.is_some() {
                    outbox.backend_answered();
                }
            });
        }
    };
    // A first pass learns the collections' ETags.
    refresh();
    if backend.refresh_s > 0 {
        gloo_timers::callback::Interval::new(backend.refresh_s * 1_000, refresh.clone()).forget();
    }
    if let Some(window) = web_sys::window() {
        let on_focus = refresh.clone();
        listen(&window, "focus", move |_| on_focus());
        // A page going away mid-send must not keep the other tabs waiting for its lease.
        let outbox = backend.outbox.clone();
        listen(&window, "pagehide", move |_| outbox.release());
        let outbox = backend.outbox.clone();
        listen(&window, "online", move |_| {
            let outbox = outbox.clone();
            wasm_bindgen_futures::spawn_local(async move {
                outbox.flush().await;
            });
        });
        let remote = backend.remote.clone();
        let outbox = backend.outbox.clone();
        listen(&window, "storage", move |ev| {
            let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            let key = ev.key().unwrap_or_default();
            // Another tab changed the shared outbox: show its state here too.
            if key.starts_with("gromada-outbox:") {
                status.set(outbox.status());
                return;
            }
            if key != CHANGED_KEY {
                return;
            }
            let value = ev.new_value().unwrap_or_default();
            if let Some(c) = value.split(':').next().and_then(Collection::parse) {
                remote.notify(&[c]);
            }
        });
    }
    provide_context(SyncStatus {
        status,
        backend: StoredValue::new_local(backend),
    });
}

/// What waits to be sent and what the server refused (nothing when all is sent).
#[component]
pub fn SyncStatusLine() -> impl IntoView {
    let i18n = use_i18n();
    let Some(ctx) = use_context::<SyncStatus>() else {
        return ().into_any();
    };
    let send_now = move |_| {
        let outbox = ctx.backend.with_value(|b| b.outbox.clone());
        wasm_bindgen_futures::spawn_local(async move {
            outbox.flush().await;
        });
    };
    view! {
        <div class="g-sync" role="status" aria-live="polite">
            {move || {
                let s = ctx.status.get();
                (s.pending > 0).then(|| {
                    let t = i18n.t();
                    let mut text = fill(t.sync_pending, &[("n", &s.pending.to_string())]);
                    if let Some(ms) = s.retry_in_ms {
                        text.push(' ');
                        text.push_str(&fill(t.sync_retry_in, &[("s", &ms.div_ceil(1000).to_string())]));
                    }
                    view! {
                        <p class="g-sync__pending">
                            {text}
                            {s.last_error.map(|e| view! { <span class="g-sync__error">{e}</span> })}
                            " "
                            <button type="button" class="g-button g-button--small" on:click=send_now>{t.sync_send_now}</button>
                        </p>
                    }
                })
            }}
            {move || {
                let failed = ctx.status.get().failed;
                (!failed.is_empty()).then(|| view! {
                    <div class="g-sync__failed" role="alert">
                        <p><strong>{move || i18n.t().sync_failed_title}</strong></p>
                        <ul>
                            {failed.into_iter().map(|f| {
                                let key = f.write.key.clone();
                                let key2 = key.clone();
                                let what = format!("{} {}", f.write.collection, f.write.doc_id());
                                view! {
                                    <li>
                                        {fill(i18n.t().sync_failed_item, &[("what", &what), ("error", &f.error)])}
                                        " "
                                        <button type="button" class="g-button g-button--small" on:click=move |_| {
                                            let _ = ctx.backend.with_value(|b| b.outbox.retry_failed(&key));
                                        }>{move || i18n.t().sync_retry}</button>
                                        " "
                                        <button type="button" class="g-button g-button--small g-button--danger" on:click=move |_| {
                                            let _ = ctx.backend.with_value(|b| b.outbox.discard_failed(&key2));
                                        }>{move || i18n.t().sync_discard}</button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
        </div>
    }
    .into_any()
}
