//! Where notices appear: a polite live region for confirmations and an assertive one for
//! errors, each notice dismissible.

use crate::ui::hooks::{use_i18n, use_notices, NoticeKind};
use leptos::prelude::*;

/// The notices list.
#[component]
pub fn NoticesRegion() -> impl IntoView {
    let notices = use_notices();
    let i18n = use_i18n();
    let region = move |errors: bool| {
        view! {
            <div
                class="g-notices"
                role=if errors { "alert" } else { "status" }
                aria-live=if errors { "assertive" } else { "polite" }
            >
                <For
                    each=move || {
                        notices.list().into_iter().filter(move |n| (n.kind == NoticeKind::Error) == errors).collect::<Vec<_>>()
                    }
                    key=|n| n.id
                    children=move |n| {
                        let id = n.id;
                        view! {
                            <div class=format!("g-notice g-notice--{}", n.kind.as_str())>
                                <span class="g-notice__text">{n.text.clone()}</span>
                                <button type="button" class="g-notice__close" on:click=move |_| notices.dismiss(id)>
                                    {move || i18n.t().dismiss}
                                </button>
                            </div>
                        }
                    }
                />
            </div>
        }
    };
    view! {
        <div class="g-notices-wrap">
            {region(true)}
            {region(false)}
        </div>
    }
}
