//! A chart drawn by ECharts (through charming). ECharts is loaded from our own
//! `vendor/echarts.min.js` the first time a chart is shown, so pages without charts never
//! download it. Charts never use JavaScript formatter functions (strict CSP forbids the
//! `new Function` they need). Every chart comes with a data table from its caller; the
//! chart itself is an image with a label for assistive technology.

use crate::ui::hooks::use_i18n;
use charming::{Chart, Echarts, WasmRenderer};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static LOADER: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    static NEXT_ID: Cell<u32> = const { Cell::new(0) };
}

/// Loads ECharts once; resolves when `window.echarts` is available.
async fn ensure_echarts() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    if js_sys::Reflect::has(&window, &"echarts".into()).unwrap_or(false) {
        return Ok(());
    }
    let promise = LOADER.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| {
                js_sys::Promise::new(&mut |resolve, reject| {
                    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
                        return;
                    };
                    let Ok(script) = document.create_element("script") else {
                        return;
                    };
                    let Ok(script) = script.dyn_into::<web_sys::HtmlScriptElement>() else {
                        return;
                    };
                    script.set_src(&format!(
                        "{}/vendor/echarts.min.js",
                        crate::ui::routes::base()
                    ));
                    let ok = Closure::once_into_js(move || {
                        let _ = resolve.call0(&JsValue::NULL);
                    });
                    let failed = Closure::once_into_js(move || {
                        let _ = reject.call1(&JsValue::NULL, &"ECharts did not load".into());
                    });
                    script.set_onload(Some(ok.unchecked_ref()));
                    script.set_onerror(Some(failed.unchecked_ref()));
                    if let Some(head) = document.head() {
                        let _ = head.append_child(&script);
                    }
                })
            })
            .clone()
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "ECharts did not load".to_owned())
}

/// Offers the chart as a PNG download.
fn save_png(chart: &Echarts, name: &str) {
    let Ok(get) = js_sys::Reflect::get(chart, &"getDataURL".into()) else {
        return;
    };
    let Ok(get) = get.dyn_into::<js_sys::Function>() else {
        return;
    };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"type".into(), &"png".into());
    let _ = js_sys::Reflect::set(&opts, &"pixelRatio".into(), &2.into());
    let _ = js_sys::Reflect::set(&opts, &"backgroundColor".into(), &"#ffffff".into());
    let Some(url) = get.call1(chart, &opts).ok().and_then(|v| v.as_string()) else {
        return;
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
}

/// A chart with an accessible label and, optionally, a "Save as PNG" button.
#[component]
pub fn ChartView(
    /// What the chart shows, for screen readers (the data table has the numbers).
    #[prop(into)]
    label: Signal<String>,
    /// The chart.
    #[prop(into)]
    chart: Signal<Chart>,
    /// Height in pixels.
    #[prop(default = 260)]
    height: u32,
    /// File name offered by "Save as PNG" (no button when `None`).
    #[prop(optional)]
    png: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = NEXT_ID.with(|n| {
        n.set(n.get() + 1);
        format!("g-chart-{}", n.get())
    });
    let instance = StoredValue::new_local(None::<Echarts>);
    let failed = RwSignal::new(false);
    let dom_id = id.clone();
    Effect::new(move |_| {
        let current = chart.get();
        if instance.with_value(Option::is_some) {
            // Each chart redraws in a task of its own (a timer), so a page of charts
            // updated at once (a year of imported data) does not block input for the
            // sum of them.
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(0).await;
                // Gone if the page was left meanwhile.
                instance.try_with_value(|e| {
                    if let Some(e) = e {
                        WasmRenderer::update(e, &current);
                    }
                });
            });
            return;
        }
        let dom_id = dom_id.clone();
        leptos::task::spawn_local(async move {
            if ensure_echarts().await.is_err() {
                failed.set(true);
                return;
            }
            // One task per chart here too (see the update above).
            gloo_timers::future::TimeoutFuture::new(0).await;
            if instance.try_with_value(|_| ()).is_none() {
                return; // the page was left meanwhile
            }
            match WasmRenderer::new_opt(None, Some(height)).render(&dom_id, &current) {
                Ok(e) => instance.set_value(Some(e)),
                Err(_) => failed.set(true),
            }
        });
    });
    let _resize =
        leptos_use::use_event_listener(leptos_use::use_window(), leptos::ev::resize, move |_| {
            instance.with_value(|e| {
                if let Some(e) = e {
                    e.resize(JsValue::UNDEFINED);
                }
            });
        });
    let png_name = png.clone();
    view! {
        <figure class="g-chart">
            <div id=id class="g-chart__canvas" role="img" aria-label=move || label.get() style=("height", format!("{height}px"))></div>
            <Show when=move || failed.get()>
                <p class="g-warning">{move || i18n.t().app().chart_failed}</p>
            </Show>
            {png_name.map(|name| view! {
                <button type="button" class="g-button g-button--small" on:click=move |_| {
                    instance.with_value(|e| {
                        if let Some(e) = e {
                            save_png(e, &name);
                        }
                    });
                }>{move || i18n.t().app().save_png}</button>
            })}
        </figure>
    }
}
