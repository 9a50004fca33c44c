//! Shown instead of the app when the configuration is invalid: every wrong setting with
//! what was expected, what was found and where, in the browser's language.

use crate::domain::config::ConfigError;
use crate::domain::locale::Locale;
use crate::ui::i18n::Messages;
use leptos::prelude::*;

/// The configuration-error page.
#[component]
pub fn ConfigErrorPage(
    /// The problems.
    errors: Vec<ConfigError>,
) -> impl IntoView {
    let languages: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    let refs: Vec<&str> = languages.iter().map(String::as_str).collect();
    let t = Messages::get(Locale::negotiate(None, &refs));
    view! {
        <main class="g-main">
            <section class="g-page g-page--narrow g-config-error" role="alert">
                <h1>{t.config_error_title}</h1>
                <p>{t.config_error_intro}</p>
                <table class="g-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.config_field}</th>
                            <th scope="col">{t.config_expected}</th>
                            <th scope="col">{t.config_found}</th>
                            <th scope="col">{t.config_source}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {errors
                            .into_iter()
                            .map(|e| {
                                view! {
                                    <tr>
                                        <th scope="row"><code>{e.field}</code></th>
                                        <td>{e.expected}</td>
                                        <td><code>{e.found}</code></td>
                                        <td><code>{e.source}</code></td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </section>
        </main>
    }
}
