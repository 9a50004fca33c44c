//! Slack workspace export (`.zip`): `users.json`, `channels.json`, one folder per channel
//! with `YYYY-MM-DD.json` message arrays. Messages become posts, thread replies
//! (`thread_ts` ≠ `ts`) comments on the thread root, reactions one reaction event per
//! reacting user on the message. Bot messages, joins and other system subtypes are
//! left out; workspace admins and owners are staff unless the role mapping says otherwise.

use super::error::{ImportError, RowError};
use crate::domain::activity::{ActivityMember, ActivityRole, Event, EventKind};
use crate::domain::ids::{EventId, MemberId};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;

/// Subtypes that are a person's own message (everything else is a system message).
const HUMAN_SUBTYPES: [&str; 3] = ["thread_broadcast", "file_share", "me_message"];

/// How users map to roles: by default bots are `bot`, admins and owners `staff`, the
/// rest `member`; `roles` overrides that per Slack user id or user name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SlackOptions {
    /// Role by user id (`U0BMQB6JE`) or name (`hamza`).
    pub roles: BTreeMap<String, ActivityRole>,
}

/// What the import read, kept and left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlackReport {
    /// Channel folders read.
    pub channels: u32,
    /// Messages read.
    pub messages: u64,
    /// Posts kept.
    pub posts: u64,
    /// Thread replies kept as comments.
    pub comments: u64,
    /// Reaction events kept.
    pub reactions: u64,
    /// Messages left out because a bot wrote them.
    pub bot_messages: u64,
    /// System messages left out, by subtype (`channel_join`, `bot_add`, …).
    pub system_messages: BTreeMap<String, u64>,
    /// Messages and reactions of users missing from `users.json`, left out.
    pub unknown_users: u64,
    /// Files or messages that could not be read (file name in `reason`).
    pub problems: Vec<RowError>,
}

/// Members, events and the report of one export.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SlackImport {
    /// One per user of `users.json`.
    pub members: Vec<ActivityMember>,
    /// Posts, comments and reactions, ordered by time.
    pub events: Vec<Event>,
    /// What happened.
    pub report: SlackReport,
}

/// Imports a Slack export archive (named `file` in messages).
pub fn import_slack(
    file: &str,
    bytes: &[u8],
    options: &SlackOptions,
) -> Result<SlackImport, ImportError> {
    let archive_error = |reason: String| ImportError::Archive {
        file: file.to_owned(),
        reason,
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| archive_error(format!("is not a readable .zip file ({e})")))?;
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let users_path = names
        .iter()
        .filter(|n| n.rsplit('/').next() == Some("users.json"))
        .min_by_key(|n| n.len())
        .ok_or_else(|| {
            archive_error("has no users.json: is it a Slack workspace export?".to_owned())
        })?
        .clone();
    let root = &users_path[..users_path.len() - "users.json".len()];
    let mut read = |name: &str| -> Result<Value, String> {
        let mut entry = zip.by_name(name).map_err(|e| e.to_string())?;
        let mut text = Vec::new();
        entry.read_to_end(&mut text).map_err(|e| e.to_string())?;
        serde_json::from_slice(&text).map_err(|e| format!("is not valid JSON: {e}"))
    };
    let users = read(&users_path).map_err(|e| archive_error(format!("{users_path} {e}")))?;
    let mut out = SlackImport::default();
    let mut people = People::new(&users, options);

    let mut channel_files: Vec<(&str, &str)> = names
        .iter()
        .filter_map(|n| {
            let rest = n.strip_prefix(root)?;
            let (channel, day) = rest.split_once('/')?;
            is_day_file(day).then_some((n.as_str(), channel))
        })
        .collect();
    channel_files.sort_unstable();
    let mut channels: Vec<&str> = channel_files.iter().map(|(_, c)| *c).collect();
    channels.dedup();
    out.report.channels = channels.len() as u32;
    for (path, channel) in channel_files {
        match read(path) {
            Ok(Value::Array(messages)) => {
                for message in &messages {
                    add_message(channel, message, &mut people, &mut out);
                }
            }
            Ok(_) => out.report.problems.push(RowError {
                line: 1,
                reason: format!("{path} is not a JSON array of messages"),
            }),
            Err(e) => out.report.problems.push(RowError {
                line: 1,
                reason: format!("{path} {e}"),
            }),
        }
    }
    out.events
        .sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    out.members = people.into_members();
    Ok(out)
}

fn is_day_file(name: &str) -> bool {
    let b = name.as_bytes();
    name.len() == 15
        && name.ends_with(".json")
        && b[4] == b'-'
        && b[7] == b'-'
        && b[..10]
            .iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Slack's `ts` (`"1459154014.000018"`: seconds and a sequence in microseconds).
fn slack_time(ts: &str) -> Option<Timestamp> {
    let (secs, frac) = ts.split_once('.').unwrap_or((ts, "0"));
    let secs: i64 = secs.parse().ok()?;
    let micros: i64 = format!("{frac:0<6}").get(..6)?.parse().ok()?;
    Some(Timestamp(secs * 1000 + micros / 1000))
}

fn add_message(channel: &str, m: &Value, people: &mut People, out: &mut SlackImport) {
    let text = |key: &str| m.get(key).and_then(Value::as_str);
    if text("type").is_some_and(|t| t != "message") {
        return;
    }
    out.report.messages += 1;
    let Some((ts, at)) = text("ts").and_then(|ts| Some((ts, slack_time(ts)?))) else {
        out.report.problems.push(RowError {
            line: 1,
            reason: format!("{channel}: a message without a valid ts was skipped"),
        });
        return;
    };
    let id = format!("{channel}:{ts}");
    if let Some(user) = text("user") {
        // Any message of a user, joins included, dates their membership.
        people.saw(user, at);
    }
    for reaction in m
        .get("reactions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = reaction.get("name").and_then(Value::as_str).unwrap_or("");
        for user in reaction
            .get("users")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !people.saw(user, at) {
                out.report.unknown_users += 1;
                continue;
            }
            out.report.reactions += 1;
            out.events.push(event(
                format!("{id}:{name}:{user}"),
                user,
                EventKind::Reaction,
                channel,
                at,
                Some(id.clone()),
                format!(":{name}:"),
            ));
        }
    }
    let subtype = text("subtype");
    let bot_id = m.get("bot_id").is_some_and(|b| !b.is_null());
    if subtype == Some("bot_message") || (bot_id && subtype.is_none()) {
        out.report.bot_messages += 1;
        return;
    }
    if let Some(s) = subtype.filter(|s| !HUMAN_SUBTYPES.contains(s)) {
        *out.report.system_messages.entry(s.to_owned()).or_default() += 1;
        return;
    }
    let Some(user) = text("user") else {
        out.report.unknown_users += 1;
        return;
    };
    if people.is_bot(user) {
        out.report.bot_messages += 1;
        return;
    }
    if !people.saw(user, at) {
        out.report.unknown_users += 1;
        return;
    }
    let root = text("thread_ts").filter(|t| *t != ts);
    let kind = if root.is_some() {
        out.report.comments += 1;
        EventKind::Comment
    } else {
        out.report.posts += 1;
        EventKind::Post
    };
    let parent = root.map(|t| format!("{channel}:{t}"));
    let body = text("text").unwrap_or("").to_owned();
    out.events
        .push(event(id, user, kind, channel, at, parent, body));
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

/// The users of `users.json` with their roles and first activity.
struct People {
    order: Vec<String>,
    users: HashMap<String, Person>,
}

struct Person {
    name: String,
    role: ActivityRole,
    first_seen: Option<Timestamp>,
}

impl People {
    fn new(users: &Value, options: &SlackOptions) -> Self {
        let mut people = People {
            order: Vec::new(),
            users: HashMap::new(),
        };
        for u in users.as_array().into_iter().flatten() {
            let Some(id) = u.get("id").and_then(Value::as_str) else {
                continue;
            };
            let flag = |k: &str| u.get(k).and_then(Value::as_bool).unwrap_or(false);
            let name = u.get("name").and_then(Value::as_str).unwrap_or(id);
            let role = if flag("is_bot") || id == "USLACKBOT" {
                ActivityRole::Bot
            } else if flag("is_admin") || flag("is_owner") || flag("is_primary_owner") {
                ActivityRole::Staff
            } else {
                ActivityRole::Member
            };
            let role = options
                .roles
                .get(id)
                .or_else(|| options.roles.get(name))
                .copied()
                .unwrap_or(role);
            let real = u.get("real_name").and_then(Value::as_str).unwrap_or("");
            people.order.push(id.to_owned());
            people.users.insert(
                id.to_owned(),
                Person {
                    name: if real.is_empty() { name } else { real }.to_owned(),
                    role,
                    first_seen: None,
                },
            );
        }
        people
    }

    fn is_bot(&self, id: &str) -> bool {
        self.users
            .get(id)
            .is_some_and(|p| p.role == ActivityRole::Bot)
    }

    /// Notes activity of `id` at `at`; false for users missing from `users.json`.
    fn saw(&mut self, id: &str, at: Timestamp) -> bool {
        let Some(p) = self.users.get_mut(id) else {
            return false;
        };
        p.first_seen = Some(p.first_seen.map_or(at, |f| f.min(at)));
        true
    }

    /// Members joined at their first activity (Slack exports carry no join date; users
    /// without activity get the earliest activity of the workspace).
    fn into_members(mut self) -> Vec<ActivityMember> {
        let earliest = self
            .users
            .values()
            .filter_map(|p| p.first_seen)
            .min()
            .unwrap_or_default();
        self.order
            .iter()
            .filter_map(|id| {
                let p = self.users.remove(id)?;
                Some(ActivityMember {
                    id: MemberId::from(id.as_str()),
                    name: p.name,
                    role: p.role,
                    joined_at: p.first_seen.unwrap_or(earliest),
                    left_at: None,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_slack_timestamps_and_day_files() {
        assert_eq!(
            slack_time("1459154014.000018"),
            Some(Timestamp(1_459_154_014_000))
        );
        assert_eq!(
            slack_time("1459154014.123456"),
            Some(Timestamp(1_459_154_014_123))
        );
        assert_eq!(slack_time("1459154014"), Some(Timestamp(1_459_154_014_000)));
        assert_eq!(slack_time("soon"), None);
        assert!(is_day_file("2016-03-28.json"));
        assert!(!is_day_file("users.json"));
        assert!(!is_day_file("2016-03-28.txt"));
    }
}
