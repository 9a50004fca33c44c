//! A status shown as a coloured badge with its (translated or custom) name.

use crate::domain::board::{Label, Status};
use crate::ui::hooks::use_i18n;
use leptos::prelude::*;

/// A status badge; the colour is set through a CSS custom property (CSP-safe).
#[component]
pub fn StatusBadge(
    /// The status.
    status: Status,
) -> impl IntoView {
    let i18n = use_i18n();
    let label = status.label.clone();
    let name = move || match &label {
        Label::Preset(p) => i18n.t().preset_status(*p).to_owned(),
        Label::Custom(s) => s.clone(),
    };
    view! {
        <span
            class=format!("g-status g-status--{}", status.lane.as_str())
            style=("--g-status-color", status.color.clone())
        >
            {name}
        </span>
    }
}

/// A status's display name in the current language.
pub fn status_name(status: &Status, t: &crate::ui::i18n::Messages) -> String {
    match &status.label {
        Label::Preset(p) => t.preset_status(*p).to_owned(),
        Label::Custom(s) => s.clone(),
    }
}
