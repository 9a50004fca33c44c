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
    pub fn from_url(slug: Signal<String>) -> Self {
        use leptos_router::hooks::{use_navigate, use_query_map};
        use leptos_router::NavigateOptions;
        let query = use_query_map();
        let navigate = use_navigate();
        let values = Signal::derive(move || {
            query.with(|q| {
                KEYS.iter()
                    .filter_map(|k| q.get(k).map(|v| ((*k).to_owned(), v)))
                    .collect()
            })
        });
        let set = Callback::new(move |(key, value, replace): (&'static str, String, bool)| {
            let mut pairs: Vec<(String, String)> = query.with_untracked(|q| {
                KEYS.iter()
                    .filter(|k| **k != key)
                    .filter_map(|k| {
                        q.get(k)
                            .filter(|v| !v.is_empty())
                            .map(|v| ((*k).to_owned(), v))
                    })
                    .collect()
            });
            if !value.is_empty() {
                pairs.push((key.to_owned(), value));
            }
            pairs.sort();
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
        });
        Self { values, set }
    }
}
