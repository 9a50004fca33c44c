//! The language context: which [`Messages`] table is active. The user's choice (kept per
//! browser) wins, then the configuration, then the browser's languages, then English.

use super::Prefs;
use crate::domain::locale::Locale;
use crate::ui::i18n::Messages;
use leptos::prelude::*;

/// The active language.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    prefs: StoredValue<Prefs>,
}

impl I18n {
    /// The active strings (tracked).
    pub fn t(&self) -> &'static Messages {
        Messages::get(self.locale.get())
    }

    /// The active strings, without tracking (for event handlers).
    pub fn t_untracked(&self) -> &'static Messages {
        Messages::get(self.locale.get_untracked())
    }

    /// The active locale (tracked).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// Switches language and remembers the choice.
    pub fn set(&self, locale: Locale) {
        self.prefs.with_value(|p| p.set("locale", locale.tag()));
        self.locale.set(locale);
    }
}

fn browser_languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    nav.languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// Provides the language context and keeps `<html lang>` and the crash panel in step.
pub fn provide_i18n(configured: Option<Locale>, prefs: Prefs) -> I18n {
    let chosen = prefs
        .get("locale")
        .and_then(|t| Locale::from_tag(&t))
        .or(configured);
    let languages = browser_languages();
    let refs: Vec<&str> = languages.iter().map(String::as_str).collect();
    let locale = RwSignal::new(Locale::negotiate(chosen, &refs));
    Effect::new(move |_| {
        let l = locale.get();
        crate::ui::panic::set_locale(l);
        if let Some(html) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = html.set_attribute("lang", l.tag());
        }
    });
    let ctx = I18n {
        locale,
        prefs: StoredValue::new(prefs),
    };
    provide_context(ctx);
    ctx
}

/// The language context.
pub fn use_i18n() -> I18n {
    expect_context()
}
