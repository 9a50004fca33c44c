//! Boards: where ideas are posted, with their categories, statuses (in open / active /
//! closed lanes) and settings for posting, moderation and voting.

use crate::domain::error::{check_len, FieldError, Problem};
use crate::domain::ids::{BoardId, CategoryId, StatusId};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Where a status sits in an idea's life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lane {
    /// Not decided yet; votable.
    Open,
    /// Accepted and being worked on; votable.
    Active,
    /// Finished or declined; voting closed, budget votes given back.
    Closed,
}

impl Lane {
    /// Stable text form, also the CSS modifier.
    pub fn as_str(self) -> &'static str {
        match self {
            Lane::Open => "open",
            Lane::Active => "active",
            Lane::Closed => "closed",
        }
    }
}

/// The built-in statuses; their names are translated until an admin renames them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresetStatus {
    /// Open.
    Open,
    /// Under review.
    UnderReview,
    /// Planned.
    Planned,
    /// In progress.
    InProgress,
    /// Done.
    Done,
    /// Declined.
    Declined,
}

/// A status's name: a translated preset or an admin's own text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// A built-in name, shown in the viewer's language.
    Preset(PresetStatus),
    /// A name typed by an admin, shown as typed.
    Custom(String),
}

/// A status ideas can have on a board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    /// Id, unique within the board.
    pub id: StatusId,
    /// Name.
    pub label: Label,
    /// Colour as `#rrggbb`.
    pub color: String,
    /// Lane.
    pub lane: Lane,
    /// Whether the public roadmap shows a lane for it.
    #[serde(default)]
    pub roadmap: bool,
    /// Whether reaching it means the idea shipped (a changelog entry may thank its contributors).
    #[serde(default)]
    pub shipped: bool,
}

/// A category of ideas on a board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// Id, unique within the board.
    pub id: CategoryId,
    /// Name.
    pub name: String,
}

/// Who may post ideas and comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Posting {
    /// Anyone, including anonymous visitors.
    Anyone,
    /// Signed-in members only.
    #[default]
    Members,
}

/// What happens to a new post.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Moderation {
    /// Published at once (the word filter and link rule may still hold it).
    #[default]
    Publish,
    /// Every post waits in the approval queue.
    Approve,
}

/// At most `max_posts` posts and comments per member per `minutes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlowMode {
    /// Posts allowed in the window.
    pub max_posts: u32,
    /// Window length in minutes.
    pub minutes: u32,
}

/// A board's rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct BoardSettings {
    /// Who may post.
    #[serde(default)]
    pub posting: Posting,
    /// Moderation of new posts.
    #[serde(default)]
    pub moderation: Moderation,
    /// Open votes per member (`None`: unlimited).
    #[serde(default)]
    pub vote_budget: Option<u32>,
    /// Whether anonymous (device) votes are accepted.
    #[serde(default)]
    pub anonymous_votes: bool,
    /// Slow mode, if on.
    #[serde(default)]
    pub slow_mode: Option<SlowMode>,
}

/// A feature-voting board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    /// Id.
    pub id: BoardId,
    /// URL slug (`feature-requests`).
    pub slug: String,
    /// Name.
    pub name: String,
    /// Description (plain text).
    #[serde(default)]
    pub description: String,
    /// Categories.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Statuses in display order; the first open one is given to new ideas.
    pub statuses: Vec<Status>,
    /// Rules.
    #[serde(default)]
    pub settings: BoardSettings,
    /// Created.
    pub created_at: Timestamp,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

impl Board {
    /// The six default statuses: Open, Under review, Planned, In progress, Done, Declined.
    pub fn default_statuses() -> Vec<Status> {
        use PresetStatus::*;
        let s = |id: &str, p, color: &str, lane, roadmap| Status {
            id: StatusId::from(id),
            label: Label::Preset(p),
            color: color.to_owned(),
            lane,
            roadmap,
            shipped: p == Done,
        };
        vec![
            s("open", Open, "#5b6472", Lane::Open, false),
            s("under-review", UnderReview, "#8a5a00", Lane::Open, false),
            s("planned", Planned, "#1d4ed8", Lane::Active, true),
            s("in-progress", InProgress, "#7c3aed", Lane::Active, true),
            s("done", Done, "#15803d", Lane::Closed, true),
            s("declined", Declined, "#b91c1c", Lane::Closed, false),
        ]
    }

    /// A status by id.
    pub fn status(&self, id: &StatusId) -> Option<&Status> {
        self.statuses.iter().find(|s| &s.id == id)
    }

    /// The status new ideas get: the first in the open lane (or the first at all).
    pub fn initial_status(&self) -> Option<&Status> {
        self.statuses
            .iter()
            .find(|s| s.lane == Lane::Open)
            .or(self.statuses.first())
    }

    /// A category by id.
    pub fn category(&self, id: &CategoryId) -> Option<&Category> {
        self.categories.iter().find(|c| &c.id == id)
    }

    /// Checks names, slug and statuses.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_len("name", &self.name, 2, 80, &mut errors);
        check_len("description", &self.description, 0, 2_000, &mut errors);
        if !is_slug(&self.slug) {
            errors.push(FieldError::new(
                "slug",
                Problem::Invalid {
                    expected: "1–60 lowercase letters, digits and single dashes".into(),
                },
            ));
        }
        if self.statuses.is_empty() {
            errors.push(FieldError::new("statuses", Problem::Required));
        }
        for (i, s) in self.statuses.iter().enumerate() {
            if let Label::Custom(name) = &s.label {
                check_len(&format!("statuses[{i}].name"), name, 1, 40, &mut errors);
            }
            if !is_hex_color(&s.color) {
                errors.push(FieldError::new(
                    format!("statuses[{i}].color"),
                    Problem::Invalid {
                        expected: "a colour like #1d4ed8".into(),
                    },
                ));
            }
        }
        for (i, c) in self.categories.iter().enumerate() {
            check_len(
                &format!("categories[{i}].name"),
                &c.name,
                1,
                40,
                &mut errors,
            );
        }
        errors
    }
}

/// Whether `s` is a URL slug: 1–60 of `a-z0-9`, single dashes inside.
///
/// ```
/// use gromada::domain::board::is_slug;
/// assert!(is_slug("feature-requests"));
/// assert!(!is_slug("Feature Requests"));
/// assert!(!is_slug("-x"));
/// ```
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Whether `s` is a `#rrggbb` colour.
pub fn is_hex_color(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// A slug made from a name: folded, non-alphanumerics to dashes.
///
/// ```
/// assert_eq!(gromada::domain::board::slugify("Pomysły & Życzenia!"), "pomysly-zyczenia");
/// ```
pub fn slugify(name: &str) -> String {
    let folded = crate::domain::text::fold(name);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    slug.chars()
        .take(60)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}
