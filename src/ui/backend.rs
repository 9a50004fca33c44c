//! A JSON backend in the browser: the REST store behind the offline outbox, queued
//! writes sent when due (and at once when the browser comes back online), other people's
//! changes looked for on an interval and on focus, other tabs' writes heard through a
//! storage event, and a status line saying what waits or was refused.

use crate::domain::config::RestConfig;
use crate::store::http::FetchHttp;
use crate::store::outbox::{OutboxStatus, OutboxStore};
use crate::store::outbox_local::LocalOutbox;
use crate::store::rest::RestStore;
use crate::store::{Collection, Store};
use crate::ui::hooks::{new_id, use_i18n};
use crate::ui::i18n::fill;
use leptos::prelude::*;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// localStorage key other tabs watch to hear of a write.
const CHANGED_KEY: &str = "gromada-rest-changed";

/// The REST store and its outbox.
#[derive(Clone)]
pub struct Backend {
    /// The REST store (for refreshes).
    pub rest: Rc<RestStore>,
    /// The outbox in front of it (what the app uses as its store).
    pub outbox: Rc<OutboxStore>,
    /// Seconds between refreshes (0: only on focus).
    pub refresh_s: u32,
}

/// Opens the configured backend.
pub fn open(config: &RestConfig) -> Backend {
    let rest = Rc::new(RestStore::new(Rc::new(FetchHttp), config.clone()));
    rest.after_write(Rc::new(|collection: Collection| {
        if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = s.set_item(
                CHANGED_KEY,
                &format!("{}:{}", collection.as_str(), js_sys::Date::now()),
            );
        }
    }));
    let outbox = Rc::new(OutboxStore::new(
        rest.clone() as Rc<dyn Store>,
        Rc::new(LocalOutbox::for_backend(&config.base_url)),
        Rc::new(new_id),
        Rc::new(|| js_sys::Date::now() as u64),
    ));
    Backend {
        rest,
        outbox,
        refresh_s: config.refresh_s,
    }
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
    let refresh = {
        let rest = backend.rest.clone();
        move || {
            let rest = rest.clone();
            wasm_bindgen_futures::spawn_local(async move {
                rest.refresh().await;
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
        let outbox = backend.outbox.clone();
        listen(&window, "online", move |_| {
            let outbox = outbox.clone();
            wasm_bindgen_futures::spawn_local(async move {
                outbox.flush().await;
            });
        });
        let rest = backend.rest.clone();
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
                rest.notify(&[c]);
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
