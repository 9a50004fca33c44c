//! The i18n layer: every visible string comes from a [`Messages`] table, complete in
//! English and Polish (a missing entry does not compile), with plural rules per language.
//! Formatting of numbers and dates per locale lives in `ui::format` (browser `Intl`).

mod en;
mod errors;
mod pl;

use crate::domain::board::PresetStatus;
use crate::domain::locale::Locale;
use crate::domain::member::Role;

pub use en::EN;
pub use errors::wait_text;
pub use pl::PL;

/// Which plural form a count takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralForm {
    /// 1 (EN, PL).
    One,
    /// PL: 2–4, 22–24, … (not 12–14).
    Few,
    /// Everything else.
    Many,
}

/// The plural form of `n` in `locale` (CLDR rules for integers).
///
/// ```
/// use gromada::ui::i18n::{plural, PluralForm};
/// use gromada::domain::locale::Locale;
/// assert_eq!(plural(Locale::Pl, 22), PluralForm::Few);
/// assert_eq!(plural(Locale::Pl, 12), PluralForm::Many);
/// assert_eq!(plural(Locale::En, 2), PluralForm::Many);
/// ```
pub fn plural(locale: Locale, n: u64) -> PluralForm {
    match locale {
        Locale::En => {
            if n == 1 {
                PluralForm::One
            } else {
                PluralForm::Many
            }
        }
        Locale::Pl => {
            if n == 1 {
                PluralForm::One
            } else if (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100)) {
                PluralForm::Few
            } else {
                PluralForm::Many
            }
        }
    }
}

/// Three forms of a counted noun: one, few (Polish 2–4), many.
#[derive(Clone, Copy, Debug)]
pub struct Plural(pub &'static str, pub &'static str, pub &'static str);

impl Plural {
    /// The form for `n`, without the number.
    pub fn pick(&self, locale: Locale, n: u64) -> &'static str {
        match plural(locale, n) {
            PluralForm::One => self.0,
            PluralForm::Few => self.1,
            PluralForm::Many => self.2,
        }
    }
}

/// Every string of the UI in one language. Templates use `{n}`, `{name}` … placeholders
/// filled by [`fill`].
#[derive(Debug)]
pub struct Messages {
    /// The language of this table.
    pub locale: Locale,

    // Shell
    /// Skip link.
    pub skip_to_content: &'static str,
    /// Label of the main navigation.
    pub nav_label: &'static str,
    /// Nav: home.
    pub nav_home: &'static str,
    /// Nav: roadmap.
    pub nav_roadmap: &'static str,
    /// Nav: changelog.
    pub nav_changelog: &'static str,
    /// Nav: surveys.
    pub nav_surveys: &'static str,
    /// Nav: dashboard.
    pub nav_dashboard: &'static str,
    /// Nav: moderation.
    pub nav_moderation: &'static str,
    /// Language switcher label.
    pub language: &'static str,
    /// Role switcher label.
    pub acting_as: &'static str,
    /// Role switcher explanation.
    pub demo_roles_note: &'static str,
    /// An anonymous visitor.
    pub anonymous_visitor: &'static str,
    /// Footer: where data is kept, local.
    pub storage_local: &'static str,
    /// Footer: in memory.
    pub storage_memory: &'static str,
    /// Footer: on a server.
    pub storage_remote: &'static str,
    /// "Powered by Gromada".
    pub powered_by: &'static str,
    /// Loading…
    pub loading: &'static str,
    /// Close button.
    pub close: &'static str,
    /// Dismiss button.
    pub dismiss: &'static str,
    /// Retry button.
    pub retry: &'static str,
    /// Cancel button.
    pub cancel: &'static str,
    /// Save button.
    pub save: &'static str,

    // Errors
    /// Heading of the crash panel.
    pub crash_title: &'static str,
    /// Body of the crash panel.
    pub crash_body: &'static str,
    /// Reload button.
    pub reload: &'static str,
    /// Generic error heading.
    pub error_title: &'static str,
    /// Heading: invalid configuration.
    pub config_error_title: &'static str,
    /// Intro: invalid configuration.
    pub config_error_intro: &'static str,
    /// Column: field.
    pub config_field: &'static str,
    /// Column: expected.
    pub config_expected: &'static str,
    /// Column: found.
    pub config_found: &'static str,
    /// Column: source.
    pub config_source: &'static str,
    /// Heading: data problem.
    pub storage_problem_title: &'static str,
    /// Body: `{n}` records moved aside.
    pub storage_problem_body: &'static str,
    /// Download the kept raw data.
    pub download_backup: &'static str,
    /// Delete the kept raw data.
    pub discard_backup: &'static str,
    /// Some records could not be shown: `{n}`.
    pub unreadable_records: &'static str,
    /// Page not found.
    pub not_found_title: &'static str,
    /// Page not found body.
    pub not_found_body: &'static str,
    /// Back to home.
    pub back_home: &'static str,
    /// Storage is read-only.
    pub read_only_note: &'static str,

    // Home
    /// Home heading: `{community}`.
    pub home_title: &'static str,
    /// Home intro.
    pub home_intro: &'static str,
    /// Boards heading.
    pub boards_heading: &'static str,
    /// Ideas, counted.
    pub ideas: Plural,
    /// Votes, counted.
    pub votes: Plural,
    /// Comments, counted.
    pub comments: Plural,
    /// Members, counted.
    pub members: Plural,
    /// Responses, counted.
    pub responses: Plural,
    /// Open the board.
    pub open_board: &'static str,
    /// No boards yet.
    pub no_boards: &'static str,

    // Board
    /// Sort label.
    pub sort_by: &'static str,
    /// Trending.
    pub sort_trending: &'static str,
    /// Top.
    pub sort_top: &'static str,
    /// New.
    pub sort_new: &'static str,
    /// Most discussed.
    pub sort_discussed: &'static str,
    /// Search label.
    pub search: &'static str,
    /// Search placeholder.
    pub search_placeholder: &'static str,
    /// Status filter label.
    pub filter_status: &'static str,
    /// Category filter label.
    pub filter_category: &'static str,
    /// All (filter option).
    pub all: &'static str,
    /// My votes.
    pub my_votes: &'static str,
    /// My ideas.
    pub my_ideas: &'static str,
    /// No ideas match.
    pub no_matching_ideas: &'static str,
    /// Shown `{shown}` of `{total}` ideas.
    pub showing_ideas: &'static str,
    /// Show more.
    pub show_more: &'static str,
    /// Vote toggle's accessible name: `{title}`, `{votes}` (e.g. "37 votes"). Its pressed
    /// state says whether the viewer has voted.
    pub vote_for: &'static str,
    /// Voting closed.
    pub voting_closed: &'static str,
    /// Votes left: `{left}` of `{budget}`.
    pub votes_left: &'static str,
    /// Anonymous votes: `{n}`.
    pub anonymous_votes_count: &'static str,
    /// Merged into: shown before a link.
    pub merged_into: &'static str,
    /// Posted by `{name}`.
    pub posted_by: &'static str,
    /// Category label.
    pub category: &'static str,
    /// Status label.
    pub status: &'static str,
    /// Waiting for approval.
    pub pending_approval: &'static str,
    /// Description heading.
    pub description: &'static str,
    /// Comments heading.
    pub comments_heading: &'static str,
    /// No comments.
    pub no_comments: &'static str,
    /// Official answer badge.
    pub official: &'static str,
    /// Back to board.
    pub back_to_board: &'static str,
    /// Idea not found.
    pub idea_not_found: &'static str,
    /// Board not found.
    pub board_not_found: &'static str,
    /// Your vote was not saved: `{reason}`.
    pub vote_failed: &'static str,
}

impl Messages {
    /// The table for `locale`.
    pub fn get(locale: Locale) -> &'static Messages {
        match locale {
            Locale::En => &EN,
            Locale::Pl => &PL,
        }
    }

    /// `n` followed by the right form of `noun`, with the number formatted by `fmt`.
    pub fn count(&self, noun: Plural, n: u64, formatted: &str) -> String {
        format!("{formatted} {}", noun.pick(self.locale, n))
    }

    /// A role's name.
    pub fn role(&self, role: Role) -> &'static str {
        match (self.locale, role) {
            (Locale::En, Role::Member) => "Member",
            (Locale::En, Role::Moderator) => "Moderator",
            (Locale::En, Role::Admin) => "Admin",
            (Locale::Pl, Role::Member) => "Członek",
            (Locale::Pl, Role::Moderator) => "Moderator",
            (Locale::Pl, Role::Admin) => "Administrator",
        }
    }

    /// A built-in status's name.
    pub fn preset_status(&self, status: PresetStatus) -> &'static str {
        use PresetStatus::*;
        match (self.locale, status) {
            (Locale::En, Open) => "Open",
            (Locale::En, UnderReview) => "Under review",
            (Locale::En, Planned) => "Planned",
            (Locale::En, InProgress) => "In progress",
            (Locale::En, Done) => "Done",
            (Locale::En, Declined) => "Declined",
            (Locale::Pl, Open) => "Otwarte",
            (Locale::Pl, UnderReview) => "W analizie",
            (Locale::Pl, Planned) => "Zaplanowane",
            (Locale::Pl, InProgress) => "W realizacji",
            (Locale::Pl, Done) => "Zrobione",
            (Locale::Pl, Declined) => "Odrzucone",
        }
    }
}

/// Fills `{key}` placeholders in `template`.
///
/// ```
/// use gromada::ui::i18n::fill;
/// assert_eq!(fill("{left} of {budget}", &[("left", "3"), ("budget", "10")]), "3 of 10");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `&'static str` field of a table, by debug output (keeps the test in step
    /// with the struct without listing fields twice).
    fn strings(m: &Messages) -> Vec<(String, String)> {
        let debug = format!("{m:#?}");
        debug
            .lines()
            .filter_map(|l| {
                let (k, v) = l.trim().split_once(": ")?;
                let v = v.trim_end_matches(',');
                v.starts_with('"').then(|| (k.to_owned(), v.to_owned()))
            })
            .collect()
    }

    #[test]
    fn polish_uses_the_same_placeholders_as_english() {
        for ((k, en), (_, pl)) in strings(&EN).iter().zip(strings(&PL).iter()) {
            let holes = |s: &str| {
                let mut h: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}'))
                    .map(|(a, _)| a.to_owned())
                    .collect();
                h.sort();
                h
            };
            assert_eq!(holes(en), holes(pl), "placeholders differ in {k}");
        }
    }

    #[test]
    fn polish_is_translated() {
        // Identical strings are allowed only where the words are the same in both languages.
        let same_ok = ["Moderator", "Gromada", "Status"];
        let untranslated: Vec<_> = strings(&EN)
            .into_iter()
            .zip(strings(&PL))
            .filter(|((_, en), (_, pl))| en == pl && !same_ok.iter().any(|s| en.contains(s)))
            .map(|((k, _), _)| k)
            .collect();
        assert!(untranslated.is_empty(), "not translated: {untranslated:?}");
    }

    #[test]
    fn polish_plurals() {
        let p = PL.votes;
        assert_eq!(p.pick(Locale::Pl, 1), "głos");
        assert_eq!(p.pick(Locale::Pl, 3), "głosy");
        assert_eq!(p.pick(Locale::Pl, 5), "głosów");
        assert_eq!(p.pick(Locale::Pl, 112), "głosów");
        assert_eq!(p.pick(Locale::Pl, 1_002), "głosy");
    }
}
