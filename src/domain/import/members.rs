//! `members.csv` (or the same rows as JSON): `id, name, role, joined_at, left_at`, role
//! `member|staff|bot`. Bad rows are reported with their line; the good ones are kept.

use super::columns::{csv_reader, is_blank, required, shown, text, Columns};
use super::error::{ImportError, ImportReport};
use super::json::{field, looks_like_json, object, JsonItems};
use super::rfc3339::parse_time;
use crate::domain::activity::{ActivityMember, ActivityRole};
use crate::domain::ids::MemberId;
use std::collections::HashMap;

/// The columns `members.csv` must have.
pub const REQUIRED: [&str; 3] = ["id", "role", "joined_at"];
/// The columns it may have.
pub const OPTIONAL: [&str; 2] = ["name", "left_at"];

/// The members read from a file, and what was skipped.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MembersImport {
    /// The good rows, in file order.
    pub members: Vec<ActivityMember>,
    /// Counts and skipped rows.
    pub report: ImportReport,
}

/// Reads members from CSV or JSON (detected from the first character), named `file`
/// in messages.
///
/// ```
/// use gromada::domain::import::members::read_members;
/// let csv = "id,role,joined_at\nm1,member,2025-01-01T00:00:00Z\nm2,boss,2025-01-01T00:00:00Z\n";
/// let import = read_members("members.csv", csv.as_bytes()).unwrap();
/// assert_eq!(import.members.len(), 1);
/// assert_eq!(import.report.bad_rows[0].to_string(),
///     "line 3: role 'boss' is not one of member, staff, bot");
/// ```
pub fn read_members(file: &str, bytes: &[u8]) -> Result<MembersImport, ImportError> {
    let mut out = Builder::default();
    if looks_like_json(bytes) {
        for item in JsonItems::new(file, bytes) {
            let (line, raw) = item?;
            out.report.rows += 1;
            let row = object(raw).and_then(|o| {
                let get = |name| field(&o, name);
                parse_row(
                    &get("id")?,
                    &get("name")?,
                    &get("role")?,
                    &get("joined_at")?,
                    &get("left_at")?,
                )
            });
            out.add(line, row);
        }
        return Ok(out.finish());
    }
    let mut reader = csv_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let header = match reader.read_byte_record(&mut record) {
        Ok(true) => record.clone(),
        Ok(false) => csv::ByteRecord::new(),
        Err(e) => return Err(malformed(file, &e)),
    };
    let columns = Columns::find(file, &header, &REQUIRED, &OPTIONAL)?;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(malformed(file, &e)),
        }
        if is_blank(&record) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        out.report.rows += 1;
        if record.len() != columns.width {
            let reason = format!(
                "has {} fields but the header has {} (a quote not closed, or a comma in an unquoted name?)",
                record.len(),
                columns.width
            );
            out.report.skip(line, reason);
            continue;
        }
        let get = |slot| columns.get(&record, slot);
        let row = (|| {
            parse_row(
                required(get(0), "id")?,
                text(get(3), "name")?,
                text(get(1), "role")?,
                text(get(2), "joined_at")?,
                text(get(4), "left_at")?,
            )
        })();
        out.add(line, row);
    }
    Ok(out.finish())
}

pub(super) fn malformed(file: &str, e: &csv::Error) -> ImportError {
    let line = e.position().map_or(0, csv::Position::line);
    ImportError::Malformed {
        file: file.to_owned(),
        line,
        reason: e.to_string(),
    }
}

fn parse_row(
    id: &str,
    name: &str,
    role: &str,
    joined_at: &str,
    left_at: &str,
) -> Result<ActivityMember, String> {
    let id = id.trim();
    if id.is_empty() {
        return Err("id is empty".to_owned());
    }
    let role = ActivityRole::parse(role)
        .ok_or_else(|| format!("role '{}' is not one of member, staff, bot", shown(role)))?;
    let joined_at = parse_time(joined_at).map_err(|_| {
        format!(
            "joined_at '{}' is not an RFC 3339 time (e.g. 2025-01-31T09:30:00Z)",
            shown(joined_at)
        )
    })?;
    let left_at = match left_at.trim() {
        "" => None,
        text => Some(parse_time(text).map_err(|_| {
            format!(
                "left_at '{}' is not an RFC 3339 time (e.g. 2025-01-31T09:30:00Z) nor empty",
                shown(text)
            )
        })?),
    };
    Ok(ActivityMember {
        id: MemberId::from(id),
        name: name.trim().to_owned(),
        role,
        joined_at,
        left_at,
    })
}

#[derive(Default)]
struct Builder {
    members: Vec<ActivityMember>,
    report: ImportReport,
    seen: HashMap<String, u64>,
}

impl Builder {
    fn add(&mut self, line: u64, row: Result<ActivityMember, String>) {
        match row {
            Ok(member) => {
                if let Some(first) = self.seen.get(member.id.as_str()) {
                    let reason = format!(
                        "member id '{}' appears again (first on line {first}); the first row is kept",
                        shown(member.id.as_str())
                    );
                    self.report.skip(line, reason);
                } else {
                    self.seen.insert(member.id.0.clone(), line);
                    self.report.kept += 1;
                    self.members.push(member);
                }
            }
            Err(reason) => self.report.skip(line, reason),
        }
    }

    fn finish(self) -> MembersImport {
        MembersImport {
            members: self.members,
            report: self.report,
        }
    }
}
