//! Typed identifiers, so an idea id cannot be passed where a member id is expected.
//! New ids are UUID v7 text (time-ordered), made by the caller from a clock and randomness.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }
    )*};
}

id_type!(
    /// A community member (or staff account).
    MemberId,
    /// A browser that acts without signing in (anonymous votes, anonymous survey guard).
    DeviceId,
    /// A feature-voting board.
    BoardId,
    /// An idea on a board.
    IdeaId,
    /// A vote; derived from (idea, voter) so a repeated vote collides.
    VoteId,
    /// A comment on an idea.
    CommentId,
    /// A status defined by a board.
    StatusId,
    /// A category defined by a board.
    CategoryId,
    /// A pulse survey.
    SurveyId,
    /// A question of a survey.
    QuestionId,
    /// A survey response.
    ResponseId,
    /// An activity event (imported or recorded).
    EventId,
    /// A changelog entry.
    ChangelogId,
    /// A report of a post by a member.
    ReportId,
    /// An entry of the moderation log.
    ModLogId,
);

/// Makes a UUID v7 text id from a time (ms since epoch) and 10 random bytes.
///
/// ```
/// let id = gromada::domain::ids::uuid_v7(1_700_000_000_000, [7; 10]);
/// assert_eq!(id.len(), 36);
/// assert_eq!(&id[14..15], "7");
/// ```
pub fn uuid_v7(unix_ms: i64, random: [u8; 10]) -> String {
    uuid::Builder::from_unix_timestamp_millis(unix_ms.max(0) as u64, &random)
        .into_uuid()
        .to_string()
}
