//! Programmatic navigation that also works where there is no router (embeds) and from
//! async callbacks (where leptos's `use_navigate` cannot be called): take the navigator
//! while rendering, use it later.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::rc::Rc;

/// A function that navigates to a path.
type Go = Rc<dyn Fn(&str)>;

/// Goes to an in-app path (already including the base path).
#[derive(Clone, Copy)]
pub struct Navigator(StoredValue<Go, LocalStorage>);

impl Navigator {
    /// Navigates to `path`.
    pub fn go(&self, path: &str) {
        self.0.with_value(|f| f(path));
    }
}

/// Provides the navigator (call inside the `<Router>`).
pub fn provide_navigator() {
    let navigate = use_navigate();
    let go: Go = Rc::new(move |path: &str| {
        navigate(
            path,
            NavigateOptions {
                resolve: false,
                ..Default::default()
            },
        )
    });
    provide_context(Navigator(StoredValue::new_local(go)));
}

/// The navigator, when running inside the full app's router.
pub fn use_navigator() -> Option<Navigator> {
    use_context()
}
