//! Where a board's sort, filters and search live: in the page URL for the full app
//! (shareable, back button works) or in memory for an embedded widget (the host page's
//! URL is not ours to change).

use leptos::prelude::*;

/// The board view's query parameters.
#[derive(Clone, Copy)]
pub struct BoardQuery {
    values: Signal<Vec<(String, String)>>,
    set: Callback<(&'static str, String, bool)>,
}

/// Parameter names a board view keeps.
pub const KEYS: [&str; 5] = ["sort", "status", "category", "mine", "q"];

impl BoardQuery {
    /// A parameter's value (tracked).
    pub fn get(&self, key: &str) -> Option<String> {
        self.values
            .with(|v| v.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()))
    }

    /// Sets a parameter (empty removes it); `replace` avoids a history entry (typing).
    pub fn set(&self, key: &'static str, value: String, replace: bool) {
        self.set.run((key, value, replace));
    }

    /// Kept in memory (embeds).
    pub fn local() -> Self {
        let values = RwSignal::new(Vec::<(String, String)>::new());
        let set = Callback::new(
            move |(key, value, _replace): (&'static str, String, bool)| {
                values.update(|v| {
                    v.retain(|(k, _)| k != key);
                    if !value.is_empty() {
                        v.push((key.to_owned(), value));
                    }
                });
            },
        );
        Self {
            values: values.into(),
            set,
        }
    }

    /// Kept in the page URL of board `slug` (the full app, inside the router).
    ///
    /// Typing (`replace`) takes effect at once but reaches the URL only after a pause of
    /// [`TYPING_PAUSE_MS`]: the router's work per keystroke (history update, route
    /// matching) stays out of the search's frame budget, and the URL still ends up with
    /// exactly what was typed. A navigation meanwhile (back button, another filter) wins.
    pub fn from_url(slug: Signal<String>) -> Self {
        use leptos_router::hooks::{use_navigate, use_query_map};
        use leptos_router::NavigateOptions;
        let query = use_query_map();
        let navigate = use_navigate();
        let from_url = move |q: &leptos_router::params::ParamsMap| -> Vec<(String, String)> {
            KEYS.iter()
                .filter_map(|k| {
                    q.get(k)
                        .filter(|v| !v.is_empty())
                        .map(|v| ((*k).to_owned(), v))
                })
                .collect()
        };
        // What was typed and not yet written to the URL, with the URL's values when it
        // was typed: it applies only while the URL has not changed since.
        let typed = RwSignal::new(None::<(Vec<(String, String)>, Vec<(String, String)>)>);
        let writes = StoredValue::new(0u64);
        let values = Signal::derive(move || {
            let url = query.with(from_url);
            typed.with(|t| match t {
                Some((wanted, seen)) if *seen == url => wanted.clone(),
                _ => url,
            })
        });
        let write = move |pairs: Vec<(String, String)>, replace: bool| {
            let qs = pairs
                .iter()
                .map(|(k, v)| format!("{k}={}", crate::ui::routes::urlencode(v)))
                .collect::<Vec<_>>()
                .join("&");
            navigate(
                &crate::ui::routes::board(&slug.get_untracked(), &qs),
                NavigateOptions {
                    replace,
                    resolve: false,
                    scroll: false,
                    ..Default::default()
                },
            );
        };
        let set = Callback::new(move |(key, value, replace): (&'static str, String, bool)| {
            let mut pairs: Vec<(String, String)> = values
                .get_untracked()
                .into_iter()
                .filter(|(k, _)| k != key)
                .collect();
            if !value.is_empty() {
                pairs.push((key.to_owned(), value));
            }
            pairs.sort();
            writes.update_value(|n| *n += 1);
            if !replace {
                typed.set(None);
                write(pairs, false);
                return;
            }
            let seen = query.with_untracked(from_url);
            typed.set(Some((pairs.clone(), seen)));
            let this_write = writes.get_value();
            let write = write.clone();
            set_timeout(
                move || {
                    // A later keystroke or navigation has its own write.
                    if writes.try_get_value() == Some(this_write) {
                        write(pairs, true);
                    }
                },
                std::time::Duration::from_millis(TYPING_PAUSE_MS),
            );
        });
        Self { values, set }
    }
}

/// How long typing pauses before the URL is updated.
pub const TYPING_PAUSE_MS: u64 = 250;
