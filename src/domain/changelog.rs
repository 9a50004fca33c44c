//! The changelog that closes the loop: when ideas ship, an admin publishes an entry that
//! thanks everyone who posted or voted for them; those members carry a Contributor badge.

use crate::domain::error::{check_len, DomainError, FieldError, Problem};
use crate::domain::idea::Idea;
use crate::domain::ids::{BoardId, ChangelogId, IdeaId, MemberId};
use crate::domain::member::Actor;
use crate::domain::time::Timestamp;
use crate::domain::vote::Vote;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A published changelog entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangelogEntry {
    /// Id.
    pub id: ChangelogId,
    /// Board of the shipped ideas.
    pub board_id: BoardId,
    /// Headline.
    pub title: String,
    /// What changed (plain text).
    #[serde(default)]
    pub body: String,
    /// The shipped ideas.
    pub idea_ids: Vec<IdeaId>,
    /// Members thanked: authors and voters of those ideas, when published.
    pub contributors: Vec<MemberId>,
    /// When.
    pub published_at: Timestamp,
    /// By whom.
    pub published_by: Actor,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

/// The members who posted or voted for `ideas` (anonymous devices are not named).
pub fn contributors(ideas: &[&Idea], votes: &[Vote]) -> Vec<MemberId> {
    let ids: BTreeSet<&IdeaId> = ideas.iter().map(|i| &i.id).collect();
    let mut out: BTreeSet<MemberId> = ideas
        .iter()
        .filter_map(|i| i.author.member().cloned())
        .collect();
    out.extend(
        votes
            .iter()
            .filter(|v| ids.contains(&v.idea_id))
            .filter_map(|v| v.voter.member().cloned()),
    );
    out.into_iter().collect()
}

/// Checks an entry before publishing: a title, a body within limits, at least one idea,
/// and every idea shipped (`shipped(idea)` tells whether its status counts as shipped).
pub fn validate(
    title: &str,
    body: &str,
    ideas: &[&Idea],
    shipped: impl Fn(&Idea) -> bool,
) -> Result<(), DomainError> {
    let mut errors: Vec<FieldError> = Vec::new();
    check_len("title", title, 3, 120, &mut errors);
    check_len("body", body, 0, 5_000, &mut errors);
    if ideas.is_empty() {
        errors.push(FieldError::new("ideas", Problem::Required));
    }
    for idea in ideas {
        if !shipped(idea) {
            errors.push(FieldError::new(
                "ideas",
                Problem::Invalid {
                    expected: format!("only shipped ideas (“{}” is not done yet)", idea.title),
                },
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Invalid(errors))
    }
}

/// Whether `member` is thanked in any entry.
pub fn is_contributor(entries: &[ChangelogEntry], member: &MemberId) -> bool {
    entries.iter().any(|e| e.contributors.contains(member))
}
