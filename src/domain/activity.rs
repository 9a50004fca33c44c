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

impl Event {
    /// A borrowed view of this event, as the metrics engine takes it.
    pub fn as_ref(&self) -> EventRef<'_> {
        EventRef {
            id: self.id.as_str(),
            member_id: self.member_id.as_str(),
            kind: self.kind,
            channel: &self.channel,
            created_at: self.created_at,
            parent_id: self.parent_id.as_ref().map(EventId::as_str),
            text: &self.text,
        }
    }
}

/// An activity event borrowed from its source (a CSV record, a JSON object, an
/// [`Event`]), so that a million of them can be read without a million allocations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EventRef<'a> {
    /// Id.
    pub id: &'a str,
    /// Who (a member id of the same import).
    pub member_id: &'a str,
    /// What.
    pub kind: EventKind,
    /// Where (channel, board, survey); may be empty.
    pub channel: &'a str,
    /// When.
    pub created_at: Timestamp,
    /// The post or idea it belongs to.
    pub parent_id: Option<&'a str>,
    /// Text, for sentiment; may be empty.
    pub text: &'a str,
}

impl EventRef<'_> {
    /// An owned copy.
    pub fn to_event(&self) -> Event {
        Event {
            id: EventId::from(self.id),
            member_id: MemberId::from(self.member_id),
            kind: self.kind,
            channel: self.channel.to_owned(),
            created_at: self.created_at,
            parent_id: self.parent_id.map(EventId::from),
            text: self.text.to_owned(),
            version: 0,
        }
    }
}

/// Who a member of imported activity data is, for the metrics: only `member` rows are
/// the community (DAU, MAU, UGC); `staff` answer (first response); `bot` never counts.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ActivityRole {
    /// A community member.
    #[default]
    Member,
    /// The brand's staff.
    Staff,
    /// An automated account.
    Bot,
}

impl ActivityRole {
    /// Every role.
    pub const ALL: [ActivityRole; 3] =
        [ActivityRole::Member, ActivityRole::Staff, ActivityRole::Bot];

    /// Stable text form, as in `members.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityRole::Member => "member",
            ActivityRole::Staff => "staff",
            ActivityRole::Bot => "bot",
        }
    }

    /// Parses the text form (surrounding spaces ignored, exact lower case).
    pub fn parse(text: &str) -> Option<Self> {
        ActivityRole::ALL
            .into_iter()
            .find(|r| r.as_str() == text.trim())
    }
}

/// A row of `members.csv`: a person (or bot) whose events are imported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActivityMember {
    /// Id, referenced by events' `member_id`.
    pub id: MemberId,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Member, staff or bot.
    pub role: ActivityRole,
    /// When they joined.
    pub joined_at: Timestamp,
    /// When they left, if they did.
    #[serde(default)]
    pub left_at: Option<Timestamp>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_roles_round_trip_their_text() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        for role in ActivityRole::ALL {
            assert_eq!(ActivityRole::parse(role.as_str()), Some(role));
        }
        assert_eq!(ActivityRole::parse(" staff "), Some(ActivityRole::Staff));
        assert_eq!(ActivityRole::parse("admin"), None);
        assert_eq!(EventKind::parse("like"), None);
    }

    #[test]
    fn a_borrowed_event_converts_back_to_the_same_event() {
        let event = Event {
            id: EventId::from("e1"),
            member_id: MemberId::from("m1"),
            kind: EventKind::Comment,
            channel: "help".into(),
            created_at: Timestamp(1_700_000_000_000),
            parent_id: Some(EventId::from("e0")),
            text: "thanks".into(),
            version: 0,
        };
        assert_eq!(event.as_ref().to_event(), event);
    }
}
