//! Members and roles, and the actor behind an action: a signed-in member or an
//! anonymous device.

use crate::domain::ids::{DeviceId, MemberId};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What a member may do. Moderators moderate; admins also configure boards and surveys.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A community member.
    #[default]
    Member,
    /// May approve, reject and edit posts and comments.
    Moderator,
    /// May also change statuses, merge ideas, configure boards and surveys.
    Admin,
}

impl Role {
    /// Every role, lowest first.
    pub const ALL: [Role; 3] = [Role::Member, Role::Moderator, Role::Admin];

    /// Stable text form (`member`, `moderator`, `admin`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// Moderators and admins are staff: their replies are official.
    pub fn is_staff(self) -> bool {
        self >= Role::Moderator
    }
}

/// A person of the community.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Id.
    pub id: MemberId,
    /// Display name.
    pub name: String,
    /// Role.
    #[serde(default)]
    pub role: Role,
    /// When they joined.
    pub joined_at: Timestamp,
    /// When they left, if they did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_at: Option<Timestamp>,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

/// Who performs an action. Stored as text: `m:<member id>` or `d:<device id>`, so it is
/// compact, easy to query (`author == "m:m1"`) and easy to check in server-side rules.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Actor {
    /// A signed-in member.
    Member(MemberId),
    /// An anonymous browser, identified only by a random id kept on that device.
    Device(DeviceId),
}

impl Actor {
    /// The stored text form, unique across members and devices (`m:<id>` / `d:<id>`).
    ///
    /// ```
    /// use gromada::domain::{ids::MemberId, member::Actor};
    /// let a = Actor::Member(MemberId::from("m1"));
    /// assert_eq!(a.key(), "m:m1");
    /// assert_eq!(Actor::parse("m:m1"), Some(a));
    /// assert_eq!(Actor::parse("x:1"), None);
    /// ```
    pub fn key(&self) -> String {
        match self {
            Actor::Member(id) => format!("m:{id}"),
            Actor::Device(id) => format!("d:{id}"),
        }
    }

    /// Parses the stored text form.
    pub fn parse(text: &str) -> Option<Actor> {
        match text.split_once(':')? {
            ("m", id) if !id.is_empty() => Some(Actor::Member(MemberId::from(id))),
            ("d", id) if !id.is_empty() => Some(Actor::Device(DeviceId::from(id))),
            _ => None,
        }
    }

    /// The member, when signed in.
    pub fn member(&self) -> Option<&MemberId> {
        match self {
            Actor::Member(id) => Some(id),
            Actor::Device(_) => None,
        }
    }

    /// Whether this is an anonymous device.
    pub fn is_anonymous(&self) -> bool {
        matches!(self, Actor::Device(_))
    }
}

impl Serialize for Actor {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key())
    }
}

impl<'de> Deserialize<'de> for Actor {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Actor::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("'{text}' is not 'm:<member>' or 'd:<device>'"))
        })
    }
}

/// The person using the app right now: who they are and what they may do.
#[derive(Clone, Debug, PartialEq)]
pub struct Viewer {
    /// The actor (member or device).
    pub actor: Actor,
    /// The role; anonymous devices are members.
    pub role: Role,
    /// The device, also known when signed in (to claim anonymous votes).
    pub device: DeviceId,
}

impl Viewer {
    /// An anonymous viewer on `device`.
    pub fn anonymous(device: DeviceId) -> Self {
        Self {
            actor: Actor::Device(device.clone()),
            role: Role::Member,
            device,
        }
    }

    /// A signed-in member on `device`.
    pub fn member(member: &Member, device: DeviceId) -> Self {
        Self {
            actor: Actor::Member(member.id.clone()),
            role: member.role,
            device,
        }
    }

    /// The signed-in member's id.
    pub fn member_id(&self) -> Option<&MemberId> {
        self.actor.member()
    }
}
