//! Activity events: what members do (posts, comments, reactions, votes, survey
//! responses, ideas), imported from other platforms or recorded by Gromada itself.

use crate::domain::ids::{EventId, MemberId};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The kind of an activity event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A top-level post.
    Post,
    /// A reply.
    Comment,
    /// A reaction (emoji, like).
    Reaction,
    /// A vote on an idea.
    Vote,
    /// A survey response.
    SurveyResponse,
    /// An idea.
    Idea,
}

impl EventKind {
    /// Every kind.
    pub const ALL: [EventKind; 6] = [
        EventKind::Post,
        EventKind::Comment,
        EventKind::Reaction,
        EventKind::Vote,
        EventKind::SurveyResponse,
        EventKind::Idea,
    ];

    /// Stable text form, as in `events.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Post => "post",
            EventKind::Comment => "comment",
            EventKind::Reaction => "reaction",
            EventKind::Vote => "vote",
            EventKind::SurveyResponse => "survey_response",
            EventKind::Idea => "idea",
        }
    }

    /// Parses the text form.
    pub fn parse(text: &str) -> Option<Self> {
        EventKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text.trim())
    }

    /// Whether it is user-generated content (post, comment, idea).
    pub fn is_ugc(self) -> bool {
        matches!(self, EventKind::Post | EventKind::Comment | EventKind::Idea)
    }
}

/// One activity event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id.
    pub id: EventId,
    /// Who.
    pub member_id: MemberId,
    /// What.
    pub kind: EventKind,
    /// Where (channel, board, survey).
    #[serde(default)]
    pub channel: String,
    /// When.
    pub created_at: Timestamp,
    /// The post or idea it belongs to.
    #[serde(default)]
    pub parent_id: Option<EventId>,
    /// Text, for sentiment.
    #[serde(default)]
    pub text: String,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}
