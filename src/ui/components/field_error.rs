//! The error text under a form field, linked to it with `aria-describedby`.

use crate::domain::error::FieldError;
use crate::ui::hooks::use_i18n;
use leptos::prelude::*;

/// Shows the problems of `field` among `errors` (nothing when there are none).
#[component]
pub fn FieldErrorText(
    /// Id of the element (the field points to it with `aria-describedby`).
    id: &'static str,
    /// The field's name in the errors.
    field: &'static str,
    /// The errors of the last attempt.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p id=id class="g-field__error" aria-live="polite">
            {move || errors.with(|e| i18n.t().field_problems(e, field)).unwrap_or_default()}
        </p>
    }
}

/// Whether `field` has a problem (for `aria-invalid`).
pub fn invalid(errors: &[FieldError], field: &str) -> &'static str {
    if errors.iter().any(|e| e.field == field) {
        "true"
    } else {
        "false"
    }
}
