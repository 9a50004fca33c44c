//! Ideas: what members propose on a board, with their status history, moderation
//! state, merge and shipping records, and the validation of what members type.

use crate::domain::error::{check_len, FieldError};
use crate::domain::ids::{BoardId, CategoryId, ChangelogId, IdeaId, StatusId};
use crate::domain::member::Actor;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Title length limits, in characters, after trimming.
pub const TITLE_MIN: usize = 3;
/// See [`TITLE_MIN`].
pub const TITLE_MAX: usize = 120;
/// Description limit, in characters.
pub const DESCRIPTION_MAX: usize = 5_000;

/// Whether a post is visible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Visible to everyone.
    #[default]
    Published,
    /// Waiting in the approval queue.
    Pending(HoldReason),
    /// Rejected by a moderator; visible only to its author and staff.
    Rejected,
}

impl Visibility {
    /// Whether everyone sees it.
    pub fn is_published(&self) -> bool {
        matches!(self, Visibility::Published)
    }
}

/// Why a post waits for approval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HoldReason {
    /// The board approves every post.
    BoardApproval,
    /// It contains a word from the filter.
    WordFilter(String),
    /// It is mostly a link without context.
    BareLink,
    /// Members reported it.
    Reported,
}

/// One change of an idea's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// Previous status.
    pub from: StatusId,
    /// New status.
    pub to: StatusId,
    /// Who changed it.
    pub by: Actor,
    /// When.
    pub at: Timestamp,
}

/// An idea on a board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Idea {
    /// Id.
    pub id: IdeaId,
    /// Board.
    pub board_id: BoardId,
    /// Title (single line, 3–120 characters).
    pub title: String,
    /// Description: plain text, paragraphs separated by blank lines.
    #[serde(default)]
    pub description: String,
    /// Category.
    #[serde(default)]
    pub category_id: Option<CategoryId>,
    /// Author.
    pub author: Actor,
    /// Posted.
    pub created_at: Timestamp,
    /// Current status.
    pub status_id: StatusId,
    /// Status changes, oldest first.
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
    /// Moderation state.
    #[serde(default)]
    pub visibility: Visibility,
    /// When merged into another idea: that idea.
    #[serde(default)]
    pub merged_into: Option<IdeaId>,
    /// The changelog entry that announced it shipped.
    #[serde(default)]
    pub shipped_in: Option<ChangelogId>,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

/// What a member types to propose an idea.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct IdeaDraft {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Category.
    pub category_id: Option<CategoryId>,
}

impl IdeaDraft {
    /// Checks the draft; the title is judged after trimming and collapsing whitespace.
    ///
    /// ```
    /// use gromada::domain::idea::IdeaDraft;
    /// let d = IdeaDraft { title: "  ok ".into(), ..Default::default() };
    /// assert_eq!(d.validate()[0].field, "title");
    /// ```
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        check_len(
            "title",
            &crate::domain::text::single_line(&self.title),
            TITLE_MIN,
            TITLE_MAX,
            &mut errors,
        );
        check_len(
            "description",
            &self.description,
            0,
            DESCRIPTION_MAX,
            &mut errors,
        );
        errors
    }

    /// The title as stored: trimmed, single line.
    pub fn clean_title(&self) -> String {
        crate::domain::text::single_line(&self.title)
    }

    /// The description as stored: trimmed, Windows newlines normalised.
    pub fn clean_description(&self) -> String {
        self.description.replace("\r\n", "\n").trim().to_owned()
    }
}
