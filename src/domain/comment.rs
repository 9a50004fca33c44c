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

/// A new comment on `idea`, or why it cannot be posted. Staff comments are official.
pub fn submit(
    ctx: &crate::domain::idea::PostContext,
    idea: &crate::domain::idea::Idea,
    body: &str,
    id: CommentId,
) -> Result<Comment, crate::domain::error::DomainError> {
    use crate::domain::error::DomainError;
    if idea.merged_into.is_some() {
        return Err(DomainError::VotingClosed);
    }
    ctx.check_may_post()?;
    let body = body.replace("\r\n", "\n").trim().to_owned();
    let errors = validate_body(&body);
    if !errors.is_empty() {
        return Err(DomainError::Invalid(errors));
    }
    Ok(Comment {
        id,
        idea_id: idea.id.clone(),
        board_id: idea.board_id.clone(),
        author: ctx.viewer.actor.clone(),
        visibility: ctx.visibility_for(&body),
        body,
        created_at: ctx.now,
        official: ctx.viewer.role.is_staff(),
        version: 0,
    })
}
