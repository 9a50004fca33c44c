//! A lexicon-based sentiment scorer for English and Polish community posts, in the
//! manner of VADER (Hutto & Gilbert, 2014), small enough for the browser build.
//!
//! How a text is scored:
//! - It is lower-cased and folded (`świetny` → `swietny`, see [`crate::domain::text::fold`])
//!   and split into words, emoji and emoticons (`:)`, `:(`, `<3`).
//! - Each word found in the lexicon ([`lexicon`]) has a valence from −4 to +4. Polish
//!   entries are stems that match every inflected form (`dobr*` → dobry, dobra, dobrze).
//! - Negation: a negator among the three words before, within the clause (`not`, `never`,
//!   `don't`, `nie`, `nigdy`, `bez`) flips and damps the valence (× −0.74); so does a Polish `nie-`
//!   prefix on a known word (`niedobry`), except for words listed as such (`niezły`).
//! - Intensifiers just before a word (`very`, `really`, `bardzo`, `naprawdę`) add
//!   ±0.293 to its size, dampeners (`slightly`, `trochę`) remove as much.
//! - After a contrast (`but`, `however`, `ale`, `jednak`) words count 1.5×, before it 0.5×.
//! - Exclamation marks (up to three) add 0.292 each to the size of the total; a word in
//!   capitals in a text that is not all capitals counts +0.733.
//! - The sum `s` is normalised to `s / √(s² + 15)` in −1…1; ≥ 0.05 is positive,
//!   ≤ −0.05 negative, anything between neutral.
//!
//! Accuracy on a labelled public data set is measured by `scripts/bench/sentiment.sh`
//! (figures in the README).

pub mod lexicon;
mod tokens;

use lexicon::{Lexicon, Modifier};
use tokens::tokens;

/// The polarity of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// Compound score ≥ 0.05.
    Positive,
    /// Compound score ≤ −0.05.
    Negative,
    /// In between (or no sentiment words).
    Neutral,
}

const NEGATION: f64 = -0.74;
const BOOST: f64 = 0.293;
const CAPS: f64 = 0.733;
const EXCLAMATION: f64 = 0.292;

/// The compound score of `text`, from −1 (most negative) to +1 (most positive).
///
/// ```
/// use gromada::domain::sentiment::score;
/// assert!(score("This update is great, thanks!") > 0.5);
/// assert!(score("This is not good") < 0.0);
/// assert!(score("Bardzo dobra aplikacja") > score("Dobra aplikacja"));
/// assert!(score("Nie jest dobre") < 0.0);
/// assert!(score("Crashes every time 😡") < 0.0);
/// assert_eq!(score("The meeting is on Tuesday"), 0.0);
/// ```
pub fn score(text: &str) -> f64 {
    let lexicon = Lexicon::get();
    let folded = crate::domain::text::fold(text);
    let words = tokens(&folded);
    let raw_words = tokens(text);
    // Capitals are judged on the original words when folding kept the word boundaries.
    let raw_words = if raw_words.len() == words.len() {
        raw_words
    } else {
        Vec::new()
    };
    let shouting_everywhere =
        text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    let mut valences = vec![0.0f64; words.len()];
    let mut contrast_at = None;
    for (i, word) in words.iter().enumerate() {
        if lexicon.modifier(word) == Some(Modifier::Contrast) {
            contrast_at = Some(i);
            continue;
        }
        let Some(mut v) = lexicon.valence(word) else {
            continue;
        };
        if !shouting_everywhere && raw_words.get(i).is_some_and(|w| is_caps(w)) {
            v += CAPS * v.signum();
        }
        if let Some(prev) = i.checked_sub(1).map(|j| words[j]) {
            match lexicon.modifier(prev) {
                Some(Modifier::Booster) => v += BOOST * v.signum(),
                Some(Modifier::Dampener) => v -= BOOST * v.signum(),
                _ => {}
            }
        }
        let negated = words[i.saturating_sub(3)..i]
            .iter()
            .rev()
            .take_while(|w| !tokens::is_clause_token(w))
            .any(|w| lexicon.modifier(w) == Some(Modifier::Negator));
        if negated {
            v *= NEGATION;
        }
        valences[i] = v;
    }
    if let Some(c) = contrast_at {
        for (i, v) in valences.iter_mut().enumerate() {
            *v *= if i < c { 0.5 } else { 1.5 };
        }
    }
    let mut sum: f64 = valences.iter().sum();
    if sum != 0.0 {
        let bangs = text.matches('!').count().min(3) as f64;
        sum += bangs * EXCLAMATION * sum.signum();
    }
    if sum == 0.0 {
        0.0
    } else {
        sum / (sum * sum + 15.0).sqrt()
    }
}

/// The polarity of `text` (see [`score`]).
pub fn polarity(text: &str) -> Polarity {
    let s = score(text);
    if s >= 0.05 {
        Polarity::Positive
    } else if s <= -0.05 {
        Polarity::Negative
    } else {
        Polarity::Neutral
    }
}

fn is_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests;
