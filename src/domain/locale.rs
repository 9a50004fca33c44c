//! The languages Gromada speaks and how one is chosen: configuration first,
//! then the browser's preferred languages, then English.

use serde::{Deserialize, Serialize};

/// A supported UI language.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Polish.
    Pl,
}

impl Locale {
    /// Every supported locale, in the order the language switcher lists them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Pl];

    /// The BCP 47 tag (`en`, `pl`), used for `<html lang>` and `Intl` formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Pl => "pl",
        }
    }

    /// The language's own name, as shown in the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Pl => "Polski",
        }
    }

    /// Parses a language tag such as `pl`, `pl-PL` or `en_GB` (case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "pl" => Some(Locale::Pl),
            _ => None,
        }
    }

    /// Chooses the language: an explicit choice wins, then the first supported browser
    /// language, then English.
    ///
    /// ```
    /// use gromada::domain::locale::Locale;
    /// assert_eq!(Locale::negotiate(None, &["de-DE", "pl-PL", "en"]), Locale::Pl);
    /// assert_eq!(Locale::negotiate(Some(Locale::En), &["pl"]), Locale::En);
    /// assert_eq!(Locale::negotiate(None, &["fr"]), Locale::En);
    /// ```
    pub fn negotiate(chosen: Option<Locale>, browser: &[&str]) -> Locale {
        chosen
            .or_else(|| browser.iter().find_map(|t| Locale::from_tag(t)))
            .unwrap_or_default()
    }
}
