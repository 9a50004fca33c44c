//! Moderation rules: what sends a new post to the approval queue (board approval, the
//! per-language word filter, a bare link without context), slow mode, reports, and the
//! log of every moderator decision.

use crate::domain::board::{Board, Moderation, SlowMode};
use crate::domain::error::DomainError;
use crate::domain::idea::HoldReason;
use crate::domain::ids::{CommentId, IdeaId, ModLogId, ReportId};
use crate::domain::locale::Locale;
use crate::domain::member::Actor;
use crate::domain::text::{fold, words};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The id of the one community settings record.
pub const COMMUNITY_SETTINGS_ID: &str = "community";

/// Community-wide moderation settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunitySettings {
    /// Always [`COMMUNITY_SETTINGS_ID`].
    pub id: String,
    /// Words and phrases that send a post to the queue, per language (all lists apply to
    /// every post: members do not declare their language).
    #[serde(default)]
    pub word_filter: BTreeMap<Locale, Vec<String>>,
    /// Whether a post that is mostly a link without context goes to the queue.
    #[serde(default = "yes")]
    pub hold_bare_links: bool,
    /// Distinct reports that hide a post until a moderator decides.
    #[serde(default = "three")]
    pub reports_to_hide: u32,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

fn yes() -> bool {
    true
}

fn three() -> u32 {
    3
}

impl Default for CommunitySettings {
    fn default() -> Self {
        Self {
            id: COMMUNITY_SETTINGS_ID.into(),
            word_filter: BTreeMap::new(),
            hold_bare_links: true,
            reports_to_hide: 3,
            version: 0,
        }
    }
}

impl CommunitySettings {
    /// The first filtered word or phrase found in `text` (whole words, any case, any
    /// diacritics), if any.
    ///
    /// ```
    /// use gromada::domain::moderation::CommunitySettings;
    /// use gromada::domain::locale::Locale;
    /// let mut s = CommunitySettings::default();
    /// s.word_filter.insert(Locale::Pl, vec!["głupi".into(), "kup teraz".into()]);
    /// assert_eq!(s.filtered_word("To GLUPI pomysł"), Some("głupi".into()));
    /// assert_eq!(s.filtered_word("Kup  teraz!"), Some("kup teraz".into()));
    /// assert_eq!(s.filtered_word("głupio"), None);
    /// ```
    pub fn filtered_word(&self, text: &str) -> Option<String> {
        let folded = fold(text);
        let text_words: Vec<&str> = words(&folded).collect();
        self.word_filter.values().flatten().find_map(|entry| {
            let folded_entry = fold(entry);
            let needle: Vec<&str> = words(&folded_entry).collect();
            if needle.is_empty() {
                return None;
            }
            text_words
                .windows(needle.len())
                .any(|w| w == needle.as_slice())
                .then(|| entry.clone())
        })
    }
}

/// Whether a post is mostly a link without context: it contains a URL and, without its
/// URLs, fewer than 20 letters or digits remain.
///
/// ```
/// use gromada::domain::moderation::is_bare_link;
/// assert!(is_bare_link("https://spam.example/deal"));
/// assert!(is_bare_link("see https://spam.example/deal"));
/// assert!(!is_bare_link("The export fails on large boards, details: https://example.com/log"));
/// assert!(!is_bare_link("No link here"));
/// ```
pub fn is_bare_link(text: &str) -> bool {
    let mut has_link = false;
    let mut context = 0usize;
    for token in text.split_whitespace() {
        let lower = token.to_ascii_lowercase();
        if lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www.")
        {
            has_link = true;
        } else {
            context += token.chars().filter(|c| c.is_alphanumeric()).count();
        }
    }
    has_link && context < 20
}

/// Why a new post (idea or comment) must wait for approval, if it must.
pub fn hold_reason(board: &Board, settings: &CommunitySettings, text: &str) -> Option<HoldReason> {
    if board.settings.moderation == Moderation::Approve {
        return Some(HoldReason::BoardApproval);
    }
    if let Some(word) = settings.filtered_word(text) {
        return Some(HoldReason::WordFilter(word));
    }
    if settings.hold_bare_links && is_bare_link(text) {
        return Some(HoldReason::BareLink);
    }
    None
}

/// Slow mode: `Err(SlowMode { wait_s })` when the member already posted `max_posts` times
/// in the last `minutes`; `recent` are the times of their posts and comments on the board.
///
/// ```
/// use gromada::domain::{board::SlowMode, moderation::check_slow_mode, time::Timestamp};
/// let rule = Some(SlowMode { max_posts: 2, minutes: 10 });
/// let now = Timestamp(1_000_000_000);
/// let recent = [now.plus_ms(-9 * 60_000), now.plus_ms(-60_000)];
/// assert!(check_slow_mode(rule, &recent, now).is_err());
/// assert!(check_slow_mode(rule, &recent[1..], now).is_ok());
/// ```
pub fn check_slow_mode(
    rule: Option<SlowMode>,
    recent: &[Timestamp],
    now: Timestamp,
) -> Result<(), DomainError> {
    let Some(rule) = rule else { return Ok(()) };
    if rule.max_posts == 0 {
        return Ok(());
    }
    let window = i64::from(rule.minutes) * 60_000;
    let mut inside: Vec<Timestamp> = recent
        .iter()
        .copied()
        .filter(|t| now.0 - t.0 < window && t.0 <= now.0)
        .collect();
    if inside.len() < rule.max_posts as usize {
        return Ok(());
    }
    inside.sort();
    // The post that frees a slot is the oldest one still counted.
    let frees_at = inside[inside.len() - rule.max_posts as usize].0 + window;
    let wait_s = ((frees_at - now.0) as f64 / 1000.0).ceil() as i64;
    Err(DomainError::SlowMode {
        wait_s: wait_s.max(1),
    })
}

/// A post a report or a decision is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostRef {
    /// An idea.
    Idea(IdeaId),
    /// A comment (and the idea it is on).
    Comment(CommentId, IdeaId),
}

impl PostRef {
    /// The idea the post is or belongs to.
    pub fn idea(&self) -> &IdeaId {
        match self {
            PostRef::Idea(i) | PostRef::Comment(_, i) => i,
        }
    }
}

/// Why a member reports a post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportReason {
    /// Advertising or spam.
    Spam,
    /// Insulting or abusive.
    Abuse,
    /// Not about this board.
    OffTopic,
    /// Something else (see the note).
    Other,
}

impl ReportReason {
    /// Every reason, as offered.
    pub const ALL: [ReportReason; 4] = [
        ReportReason::Spam,
        ReportReason::Abuse,
        ReportReason::OffTopic,
        ReportReason::Other,
    ];

    /// Stable text form.
    pub fn as_str(self) -> &'static str {
        match self {
            ReportReason::Spam => "spam",
            ReportReason::Abuse => "abuse",
            ReportReason::OffTopic => "off_topic",
            ReportReason::Other => "other",
        }
    }
}

/// A member's report of a post. One per reporter and post (the id is derived).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// `report:<post>:<reporter>`.
    pub id: ReportId,
    /// The post.
    pub post: PostRef,
    /// The board.
    pub board_id: crate::domain::ids::BoardId,
    /// Why.
    pub reason: ReportReason,
    /// Optional note (plain text, up to 500 characters).
    #[serde(default)]
    pub note: String,
    /// Who reported.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
    /// Set when a moderator decided.
    #[serde(default)]
    pub resolved: bool,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

impl Report {
    /// The id of `by`'s report of `post`: reporting twice collides.
    pub fn id_for(post: &PostRef, by: &Actor) -> ReportId {
        let post = match post {
            PostRef::Idea(i) => format!("i.{i}"),
            PostRef::Comment(c, _) => format!("c.{c}"),
        };
        ReportId(format!("report:{post}:{}", by.key()))
    }
}

/// What a moderator decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Published a held post.
    Approve,
    /// Rejected a post.
    Reject,
    /// Edited a post's text.
    Edit,
    /// Dismissed the reports on a post.
    DismissReports,
    /// Changed an idea's status (from, to).
    Status(String, String),
    /// Merged an idea into another.
    Merge(IdeaId),
    /// Changed the word filter.
    WordFilter,
}

/// One logged moderation decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModLogEntry {
    /// Id.
    pub id: ModLogId,
    /// The post (none for settings changes).
    #[serde(default)]
    pub post: Option<PostRef>,
    /// The board (none for community-wide changes).
    #[serde(default)]
    pub board_id: Option<crate::domain::ids::BoardId>,
    /// What was decided.
    pub decision: Decision,
    /// Who decided.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
    /// Optional note.
    #[serde(default)]
    pub note: String,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::BoardSettings;
    use crate::domain::ids::BoardId;

    fn board(moderation: Moderation) -> Board {
        Board {
            id: BoardId::from("b"),
            slug: "b".into(),
            name: "B".into(),
            description: String::new(),
            categories: vec![],
            statuses: Board::default_statuses(),
            settings: BoardSettings {
                moderation,
                ..Default::default()
            },
            created_at: Timestamp(0),
            version: 1,
        }
    }

    #[test]
    fn approval_board_holds_everything() {
        let s = CommunitySettings::default();
        assert_eq!(
            hold_reason(&board(Moderation::Approve), &s, "A fine idea"),
            Some(HoldReason::BoardApproval)
        );
        assert_eq!(
            hold_reason(&board(Moderation::Publish), &s, "A fine idea"),
            None
        );
    }

    #[test]
    fn word_filter_uses_every_language_and_whole_words() {
        let mut s = CommunitySettings::default();
        s.word_filter.insert(Locale::En, vec!["scam".into()]);
        s.word_filter.insert(Locale::Pl, vec!["oszustwo".into()]);
        let b = board(Moderation::Publish);
        assert_eq!(
            hold_reason(&b, &s, "This is a SCAM."),
            Some(HoldReason::WordFilter("scam".into()))
        );
        assert_eq!(
            hold_reason(&b, &s, "Totalne OSZUSTWO"),
            Some(HoldReason::WordFilter("oszustwo".into()))
        );
        assert_eq!(hold_reason(&b, &s, "Scampi recipe"), None);
    }

    #[test]
    fn bare_links_are_held_unless_disabled() {
        let mut s = CommunitySettings::default();
        let b = board(Moderation::Publish);
        assert_eq!(
            hold_reason(&b, &s, "http://cheap.example"),
            Some(HoldReason::BareLink)
        );
        s.hold_bare_links = false;
        assert_eq!(hold_reason(&b, &s, "http://cheap.example"), None);
    }

    #[test]
    fn slow_mode_counts_down_to_the_oldest_post_leaving_the_window() {
        let rule = Some(SlowMode {
            max_posts: 3,
            minutes: 10,
        });
        let now = Timestamp(10_000_000);
        let recent = [
            now.plus_ms(-8 * 60_000),
            now.plus_ms(-5 * 60_000),
            now.plus_ms(-60_000),
            now.plus_ms(-30 * 60_000),
        ];
        // The oldest of the last three (8 minutes ago) leaves the window in 2 minutes.
        assert_eq!(
            check_slow_mode(rule, &recent, now),
            Err(DomainError::SlowMode { wait_s: 120 })
        );
        assert!(check_slow_mode(rule, &recent, now.plus_ms(120_000)).is_ok());
        assert!(check_slow_mode(None, &recent, now).is_ok());
    }

    #[test]
    fn one_report_per_member_and_post() {
        let post = PostRef::Idea(IdeaId::from("i1"));
        let a = Report::id_for(&post, &Actor::Member("m1".into()));
        assert_eq!(a, Report::id_for(&post, &Actor::Member("m1".into())));
        assert_ne!(a, Report::id_for(&post, &Actor::Member("m2".into())));
    }
}
