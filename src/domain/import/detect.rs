//! What a dropped file is, from its name and first bytes, so the dashboard can take
//! several files at once in any order: the members and events of the CSV/JSON contract,
//! a daily series CSV, a Slack export archive or a DiscordChatExporter channel.

/// The kind of an activity file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `id, name, role, joined_at, left_at` as CSV or a JSON array.
    Members,
    /// `id, member_id, kind, channel, created_at, parent_id, text` as CSV or a JSON array.
    Events,
    /// A CSV with a `date` column and numeric series.
    Series,
    /// A Slack workspace export (`.zip`).
    SlackZip,
    /// One DiscordChatExporter channel (a JSON object with `messages`).
    Discord,
    /// None of these.
    Unknown,
}

fn first_non_space(bytes: &[u8]) -> Option<u8> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.iter().copied().find(|b| !b.is_ascii_whitespace())
}

fn has_all(names: &[String], wanted: &[&str]) -> bool {
    wanted.iter().all(|w| names.iter().any(|n| n == w))
}

fn by_columns(names: &[String]) -> FileKind {
    if has_all(names, &["member_id", "kind", "created_at"]) {
        FileKind::Events
    } else if has_all(names, &["id", "role", "joined_at"]) {
        FileKind::Members
    } else if has_all(names, &["date"]) && names.len() > 1 {
        FileKind::Series
    } else {
        FileKind::Unknown
    }
}

/// The keys of the first object of a JSON array (a bounded look at the start).
fn first_object_keys(bytes: &[u8]) -> Vec<String> {
    let start = bytes.iter().position(|&b| b == b'{');
    let Some(start) = start else {
        return Vec::new();
    };
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start).take(1 << 20) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(
                        &bytes[start..=i],
                    )
                    .map(|m| m.keys().map(|k| k.to_ascii_lowercase()).collect())
                    .unwrap_or_default();
                }
            }
            _ => {}
        }
    }
    Vec::new()
}

/// Detects the kind of a file from its contents.
///
/// ```
/// use gromada::domain::import::detect::{detect, FileKind};
/// assert_eq!(detect(b"id,name,role,joined_at,left_at\n"), FileKind::Members);
/// assert_eq!(detect(b"\"id\",member_id,kind,channel,created_at\n"), FileKind::Events);
/// assert_eq!(detect(b"date,tickets\n2025-01-01,3\n"), FileKind::Series);
/// assert_eq!(detect(b"PK\x03\x04rest"), FileKind::SlackZip);
/// assert_eq!(detect(br#"{"guild":{},"messages":[]}"#), FileKind::Discord);
/// assert_eq!(detect(br#"[{"id":"e1","member_id":"m","kind":"post","created_at":"x"}]"#), FileKind::Events);
/// assert_eq!(detect(b"hello"), FileKind::Unknown);
/// ```
pub fn detect(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(b"PK\x03\x04") {
        return FileKind::SlackZip;
    }
    match first_non_space(bytes) {
        Some(b'{') => {
            let head = &bytes[..bytes.len().min(1 << 16)];
            if head.windows(10).any(|w| w == b"\"messages\"") {
                FileKind::Discord
            } else {
                FileKind::Unknown
            }
        }
        Some(b'[') => by_columns(&first_object_keys(bytes)),
        Some(_) => {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
            let mut record = csv::ByteRecord::new();
            match reader.read_byte_record(&mut record) {
                Ok(true) => by_columns(
                    &record
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).trim().to_ascii_lowercase())
                        .collect::<Vec<_>>(),
                ),
                _ => FileKind::Unknown,
            }
        }
        None => FileKind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_members_and_headers_with_bom_and_case_are_recognised() {
        assert_eq!(
            detect(br#" [ {"id":"m1","role":"member","joined_at":"2025-01-01T00:00:00Z","name":"A {b}"} ]"#),
            FileKind::Members
        );
        assert_eq!(
            detect(b"\xEF\xBB\xBFID,Member_ID,Kind,Created_At\r\n"),
            FileKind::Events
        );
        assert_eq!(detect(b""), FileKind::Unknown);
        assert_eq!(detect(b"date\n"), FileKind::Unknown);
        assert_eq!(detect(br#"{"a":1}"#), FileKind::Unknown);
        assert_eq!(detect(br#"[{"id":"#), FileKind::Unknown);
    }
}
