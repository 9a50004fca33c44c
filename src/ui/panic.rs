//! The crash panel: a panic shows a visible, translated message with the details and a
//! reload button (and still goes to the console), instead of a frozen page. Built with
//! plain DOM calls because the reactive runtime may be unusable after a panic.

use crate::domain::locale::Locale;
use crate::ui::i18n::Messages;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

thread_local! {
    static LOCALE: Cell<Locale> = const { Cell::new(Locale::En) };
}

/// Test id of the crash panel.
pub const CRASH_PANEL_ID: &str = "gromada-crash";

/// Remembers the language the crash panel should use.
pub fn set_locale(locale: Locale) {
    LOCALE.with(|l| l.set(locale));
}

/// Installs the panic hook.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Shows the crash panel with `details` (idempotent: a second panic updates the details).
pub fn show(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let t = Messages::get(LOCALE.with(Cell::get));
    let existing = document.get_element_by_id(CRASH_PANEL_ID);
    if let Some(panel) = existing {
        if let Some(pre) = panel.query_selector("pre").ok().flatten() {
            pre.set_text_content(Some(details));
        }
        return;
    }
    let make = |tag: &str, class: &str, text: Option<&str>| {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(text);
        Some(el)
    };
    let (Some(panel), Some(title), Some(body_text), Some(summary_el), Some(pre), Some(button)) = (
        make("div", "g-crash", None),
        make("h2", "g-crash__title", Some(t.crash_title)),
        make("p", "g-crash__body", Some(t.crash_body)),
        make("summary", "", Some(t.error_title)),
        make("pre", "g-crash__details", Some(details)),
        make("button", "g-button g-button--primary", Some(t.reload)),
    ) else {
        return;
    };
    panel.set_id(CRASH_PANEL_ID);
    let _ = panel.set_attribute("role", "alert");
    let _ = button.set_attribute("type", "button");
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    reload.forget();
    let details_el = make("details", "", None);
    let _ = panel.append_child(&title);
    let _ = panel.append_child(&body_text);
    let _ = panel.append_child(&button);
    if let Some(d) = details_el {
        let _ = d.append_child(&summary_el);
        let _ = d.append_child(&pre);
        let _ = panel.append_child(&d);
    }
    let _ = body.prepend_with_node_1(&panel);
    if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
        let _ = b.focus();
    }
}
