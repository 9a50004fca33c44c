//! DiscordChatExporter JSON (one file per channel: `guild`, `channel`, `messages[]` with
//! `id`, `type`, `timestamp`, `content`, `author{id,name,nickname,isBot,roles[]}`,
//! `reference{messageId}`, `reactions[{emoji{name},count,users[]}]`). Messages become
//! posts, replies comments on the root of their reply chain, reactions one event per
//! listed reacting user. Bots and system messages (joins, pins, calls, …) are left out;
//! authors with a staff-like server role (`Admin`, `Moderator`, `Staff`, …) are staff.

use super::error::{ImportError, RowError};
use super::rfc3339::parse_time;
use crate::domain::activity::{ActivityMember, ActivityRole, Event, EventKind};
use crate::domain::ids::{EventId, MemberId};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// Message types that are a person's own message.
const HUMAN_TYPES: [&str; 2] = ["Default", "Reply"];

/// How authors map to roles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiscordOptions {
    /// Server roles (case-insensitive) that make an author staff.
    pub staff_roles: Vec<String>,
    /// Role by user id or name, overriding everything else.
    pub roles: BTreeMap<String, ActivityRole>,
}

impl Default for DiscordOptions {
    fn default() -> Self {
        Self {
            staff_roles: [
                "admin",
                "administrator",
                "moderator",
                "mod",
                "staff",
                "team",
            ]
            .map(str::to_owned)
            .to_vec(),
            roles: BTreeMap::new(),
        }
    }
}

/// What the import read, kept and left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiscordReport {
    /// Channel files read.
    pub channels: u32,
    /// Messages read.
    pub messages: u64,
    /// Posts kept.
    pub posts: u64,
    /// Replies kept as comments.
    pub comments: u64,
    /// Reaction events kept.
    pub reactions: u64,
    /// Messages by bots, left out.
    pub bot_messages: u64,
    /// Reactions by bots, left out.
    pub bot_reactions: u64,
    /// Reactions counted by Discord but without the list of users (older exports).
    pub reactions_without_users: u64,
    /// System messages left out, by type (`GuildMemberJoin`, `ChannelPinnedMessage`, …).
    pub system_messages: BTreeMap<String, u64>,
    /// Files or messages that could not be read.
    pub problems: Vec<RowError>,
}

/// Members, events and the report of the imported channels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DiscordImport {
    /// Every author and reacting user seen.
    pub members: Vec<ActivityMember>,
    /// Posts, comments and reactions, ordered by time.
    pub events: Vec<Event>,
    /// What happened.
    pub report: DiscordReport,
}

/// Imports DiscordChatExporter JSON files, given as (file name, contents).
pub fn import_discord(
    files: &[(&str, &[u8])],
    options: &DiscordOptions,
) -> Result<DiscordImport, ImportError> {
    let mut out = DiscordImport::default();
    let mut people: BTreeMap<String, (String, ActivityRole, Timestamp)> = BTreeMap::new();
    for (file, bytes) in files {
        let root: Value = serde_json::from_slice(bytes).map_err(|e| ImportError::Malformed {
            file: (*file).to_owned(),
            line: e.line() as u64,
            reason: format!("not DiscordChatExporter JSON: {e}"),
        })?;
        let Some(messages) = root.get("messages").and_then(Value::as_array) else {
            return Err(ImportError::Archive {
                file: (*file).to_owned(),
                reason:
                    "has no \"messages\" list: export the channel as JSON with DiscordChatExporter"
                        .to_owned(),
            });
        };
        let channel = root
            .pointer("/channel/name")
            .and_then(Value::as_str)
            .unwrap_or(file);
        out.report.channels += 1;
        // Replies point at the message they answer; comments belong to the chain's root.
        let reply_to: HashMap<&str, &str> = messages
            .iter()
            .filter_map(|m| {
                Some((
                    m.get("id")?.as_str()?,
                    m.pointer("/reference/messageId")?.as_str()?,
                ))
            })
            .collect();
        for m in messages {
            out.report.messages += 1;
            let text = |p: &str| m.pointer(p).and_then(Value::as_str);
            let (Some(id), Some(at)) = (
                text("/id"),
                text("/timestamp").and_then(|t| parse_time(t).ok()),
            ) else {
                out.report.problems.push(RowError {
                    line: 1,
                    reason: format!("{file}: a message without id or valid timestamp was skipped"),
                });
                continue;
            };
            let author = m.get("author").unwrap_or(&Value::Null);
            let Some(author_id) = author.get("id").and_then(Value::as_str) else {
                out.report.problems.push(RowError {
                    line: 1,
                    reason: format!("{file}: message {id} has no author id"),
                });
                continue;
            };
            let author_role = role_of(author, options);
            note(&mut people, author, author_role, at);
            for reaction in m
                .get("reactions")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let emoji = reaction
                    .pointer("/emoji/name")
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let users = reaction.get("users").and_then(Value::as_array);
                let Some(users) = users.filter(|u| !u.is_empty()) else {
                    out.report.reactions_without_users +=
                        reaction.get("count").and_then(Value::as_u64).unwrap_or(0);
                    continue;
                };
                for user in users {
                    let Some(user_id) = user.get("id").and_then(Value::as_str) else {
                        continue;
                    };
                    let role = role_of(user, options);
                    note(&mut people, user, role, at);
                    if role == ActivityRole::Bot {
                        out.report.bot_reactions += 1;
                        continue;
                    }
                    out.report.reactions += 1;
                    out.events.push(event(
                        format!("{id}:{emoji}:{user_id}"),
                        user_id,
                        EventKind::Reaction,
                        channel,
                        at,
                        Some(id.to_owned()),
                        emoji.to_owned(),
                    ));
                }
            }
            let kind_text = text("/type").unwrap_or("Default");
            if author_role == ActivityRole::Bot {
                out.report.bot_messages += 1;
                continue;
            }
            if !HUMAN_TYPES.contains(&kind_text) {
                *out.report
                    .system_messages
                    .entry(kind_text.to_owned())
                    .or_default() += 1;
                continue;
            }
            let parent = reply_to.get(id).map(|p| root_of(&reply_to, p));
            let kind = if parent.is_some() {
                out.report.comments += 1;
                EventKind::Comment
            } else {
                out.report.posts += 1;
                EventKind::Post
            };
            let content = text("/content").unwrap_or("").to_owned();
            out.events.push(event(
                id.to_owned(),
                author_id,
                kind,
                channel,
                at,
                parent.map(str::to_owned),
                content,
            ));
        }
    }
    out.events
        .sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    out.members = people
        .into_iter()
        .map(|(id, (name, role, first))| ActivityMember {
            id: MemberId(id),
            name,
            role,
            joined_at: first,
            left_at: None,
        })
        .collect();
    Ok(out)
}

/// The first message of a reply chain (a cycle or a very long chain stops the walk).
fn root_of<'a>(reply_to: &HashMap<&'a str, &'a str>, mut id: &'a str) -> &'a str {
    for _ in 0..1000 {
        match reply_to.get(id) {
            Some(parent) => id = parent,
            None => break,
        }
    }
    id
}

fn role_of(user: &Value, options: &DiscordOptions) -> ActivityRole {
    let get = |k: &str| user.get(k).and_then(Value::as_str).unwrap_or("");
    if let Some(role) = options
        .roles
        .get(get("id"))
        .or_else(|| options.roles.get(get("name")))
    {
        return *role;
    }
    if user.get("isBot").and_then(Value::as_bool).unwrap_or(false) {
        return ActivityRole::Bot;
    }
    let staff = user
        .get("roles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| r.get("name").and_then(Value::as_str))
        .any(|name| {
            options
                .staff_roles
                .iter()
                .any(|s| s.eq_ignore_ascii_case(name))
        });
    if staff {
        ActivityRole::Staff
    } else {
        ActivityRole::Member
    }
}

/// Records a user (first time seen, display name); a role seen with a message wins over
/// the plain one of a reaction list, which carries no server roles.
fn note(
    people: &mut BTreeMap<String, (String, ActivityRole, Timestamp)>,
    user: &Value,
    role: ActivityRole,
    at: Timestamp,
) {
    let Some(id) = user.get("id").and_then(Value::as_str) else {
        return;
    };
    let name = ["nickname", "name"]
        .iter()
        .find_map(|k| {
            user.get(*k)
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
        })
        .unwrap_or(id);
    let entry = people
        .entry(id.to_owned())
        .or_insert_with(|| (name.to_owned(), role, at));
    entry.2 = entry.2.min(at);
    if role != ActivityRole::Member {
        entry.1 = role;
    }
}

fn event(
    id: String,
    user: &str,
    kind: EventKind,
    channel: &str,
    at: Timestamp,
    parent: Option<String>,
    text: String,
) -> Event {
    Event {
        id: EventId(id),
        member_id: MemberId::from(user),
        kind,
        channel: channel.to_owned(),
        created_at: at,
        parent_id: parent.map(EventId),
        text,
        version: 0,
    }
}
