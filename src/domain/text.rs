//! Text helpers shared by search, duplicate hints and validation: folding case and
//! diacritics (so "zrodlo" finds "Źródło"), and counting characters as people see them.

use unicode_normalization::UnicodeNormalization;

/// Lower-cases and strips diacritics, including letters Unicode does not decompose
/// (Polish ł, Scandinavian ø, German ß).
///
/// ```
/// use gromada::domain::text::fold;
/// assert_eq!(fold("Źródło ŁĄKA"), "zrodlo laka");
/// assert_eq!(fold("Straße Ørsted"), "strasse orsted");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        match c {
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            c if unicode_normalization::char::is_combining_mark(c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words of a folded text (letters and digits), for matching.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether every word of `query` starts a word of `text` (both folded first).
///
/// ```
/// use gromada::domain::text::{fold, matches_query};
/// assert!(matches_query(&fold("Eksport do Źródła danych"), &fold("zrod ekspo")));
/// assert!(!matches_query(&fold("Dark mode"), &fold("light")));
/// ```
pub fn matches_query(folded_text: &str, folded_query: &str) -> bool {
    words(folded_query)
        .all(|q| words(folded_text).any(|w| w.starts_with(q)) || folded_text.contains(q))
}

/// Number of characters as counted for length limits (Unicode scalar values).
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// The text with leading/trailing whitespace removed and runs of inner whitespace
/// (including newlines) collapsed to one space: how single-line fields are stored.
pub fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_polish_letters_both_cases() {
        assert_eq!(fold("ĄĆĘŁŃÓŚŹŻ ąćęłńóśźż"), "acelnoszz acelnoszz");
    }

    #[test]
    fn single_line_collapses_whitespace() {
        assert_eq!(single_line("  a\n\tb   c "), "a b c");
    }

    #[test]
    fn query_words_must_all_match() {
        let t = fold("Integracja z Google Home");
        assert!(matches_query(&t, "google inte"));
        assert!(!matches_query(&t, "google alexa"));
        assert!(matches_query(&t, ""));
    }
}
