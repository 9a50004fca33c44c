//! Small per-browser preferences (language, acting member, device id) kept in
//! localStorage beside the data, never inside it. Failures to read or write them are
//! harmless: the app falls back to defaults.

/// Preference storage for one namespace.
#[derive(Clone, Debug)]
pub struct Prefs {
    prefix: String,
}

impl Prefs {
    /// Preferences of `namespace`.
    pub fn new(namespace: &str) -> Self {
        Self {
            prefix: format!("gromada:{namespace}:pref:"),
        }
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    /// A stored preference.
    pub fn get(&self, name: &str) -> Option<String> {
        Self::storage()?
            .get_item(&format!("{}{name}", self.prefix))
            .ok()
            .flatten()
    }

    /// Stores a preference (best effort).
    pub fn set(&self, name: &str, value: &str) {
        if let Some(s) = Self::storage() {
            let _ = s.set_item(&format!("{}{name}", self.prefix), value);
        }
    }

    /// Removes a preference (best effort).
    pub fn remove(&self, name: &str) {
        if let Some(s) = Self::storage() {
            let _ = s.remove_item(&format!("{}{name}", self.prefix));
        }
    }

    /// This browser's device id, created on first use.
    pub fn device_id(&self) -> String {
        if let Some(id) = self.get("device") {
            return id;
        }
        let id = crate::ui::hooks::use_store::new_id();
        self.set("device", &id);
        id
    }
}
