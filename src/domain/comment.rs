//! Comments on ideas: plain text, chronological, staff replies marked official.

use crate::domain::error::{check_len, FieldError};
use crate::domain::idea::Visibility;
use crate::domain::ids::{BoardId, CommentId, IdeaId};
use crate::domain::member::Actor;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Comment length limit in characters.
pub const COMMENT_MAX: usize = 5_000;

/// A comment on an idea.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    /// Id.
    pub id: CommentId,
    /// The idea.
    pub idea_id: IdeaId,
    /// The idea's board (for per-board queries).
    pub board_id: BoardId,
    /// Author.
    pub author: Actor,
    /// Plain text.
    pub body: String,
    /// Posted.
    pub created_at: Timestamp,
    /// Written by staff in their role: shown as the official answer.
    #[serde(default)]
    pub official: bool,
    /// Moderation state.
    #[serde(default)]
    pub visibility: Visibility,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

/// Checks a comment's text.
pub fn validate_body(body: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check_len("body", body, 1, COMMENT_MAX, &mut errors);
    errors
}
