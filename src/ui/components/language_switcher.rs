//! The language switcher: a labelled select of the supported languages, each named in
//! its own language.

use crate::domain::locale::Locale;
use crate::ui::hooks::use_i18n;
use leptos::prelude::*;

/// Lets the viewer pick the UI language.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev| {
        if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
            i18n.set(l);
        }
    };
    view! {
        <label class="g-field g-field--inline">
            <span class="g-field__label">{move || i18n.t().app().language}</span>
            <select class="g-select" on:change=on_change prop:value=move || i18n.locale().tag()>
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.tag() lang=l.tag() selected=move || i18n.locale() == l>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
