//! `events.csv` (or the same rows as JSON): `id, member_id, kind, channel, created_at,
//! parent_id, text`. Read in chunks, so a browser can show progress between them, and
//! handed to a sink as borrowed [`EventRef`]s, so a million rows cost no allocations.

use super::columns::{csv_reader, is_blank, required, shown, text, Columns};
use super::error::{ImportError, ImportReport};
use super::json::{field, looks_like_json, object, JsonItems};
use super::members::malformed;
use super::rfc3339::parse_time;
use crate::domain::activity::{Event, EventKind, EventRef};
use std::io::Read;

/// The columns `events.csv` must have.
pub const REQUIRED: [&str; 4] = ["id", "member_id", "kind", "created_at"];
/// The columns it may have (empty when absent).
pub const OPTIONAL: [&str; 3] = ["channel", "parent_id", "text"];

const ID: usize = 0;
const MEMBER: usize = 1;
const KIND: usize = 2;
const CREATED: usize = 3;
const CHANNEL: usize = 4;
const PARENT: usize = 5;
const TEXT: usize = 6;

/// [`EventKind::parse`] as one `match` (it runs a million times per import).
fn kind_of(text: &str) -> Option<EventKind> {
    Some(match text {
        "post" => EventKind::Post,
        "comment" => EventKind::Comment,
        "reaction" => EventKind::Reaction,
        "vote" => EventKind::Vote,
        "survey_response" => EventKind::SurveyResponse,
        "idea" => EventKind::Idea,
        _ => return None,
    })
}

/// Checks one row's fields and borrows them as an event.
fn parse_event<'a>(
    id: &'a str,
    member_id: &'a str,
    kind: &str,
    created_at: &str,
    channel: &'a str,
    parent_id: &'a str,
    text: &'a str,
) -> Result<EventRef<'a>, String> {
    let kind = kind_of(kind).ok_or_else(|| {
        format!(
            "kind '{}' is not one of post, comment, reaction, vote, survey_response, idea",
            shown(kind)
        )
    })?;
    let created_at = parse_time(created_at).map_err(|_| {
        format!(
            "created_at '{}' is not an RFC 3339 time (e.g. 2025-01-31T09:30:00Z)",
            shown(created_at)
        )
    })?;
    Ok(EventRef {
        id,
        member_id,
        kind,
        channel,
        created_at,
        parent_id: (!parent_id.is_empty()).then_some(parent_id),
        text,
    })
}

/// Events read from CSV in chunks, from any reader (a byte slice, a file).
pub struct CsvEvents<R: Read> {
    file: String,
    reader: csv::Reader<R>,
    record: csv::ByteRecord,
    columns: Columns,
    keep_text: bool,
    report: ImportReport,
    done: bool,
}

impl<R: Read> CsvEvents<R> {
    /// Reads the header of `source` (named `file` in messages).
    pub fn new(file: &str, source: R) -> Result<Self, ImportError> {
        let mut reader = csv_reader(source);
        let mut record = csv::ByteRecord::new();
        let header = match reader.read_byte_record(&mut record) {
            Ok(true) => record.clone(),
            Ok(false) => csv::ByteRecord::new(),
            Err(e) => return Err(malformed(file, &e)),
        };
        let columns = Columns::find(file, &header, &REQUIRED, &OPTIONAL)?;
        Ok(Self {
            file: file.to_owned(),
            reader,
            record,
            columns,
            keep_text: true,
            report: ImportReport::default(),
            done: false,
        })
    }

    /// Skips the `text` column (faster when no sentiment is wanted): events get `""`.
    pub fn without_text(mut self) -> Self {
        self.keep_text = false;
        self
    }

    /// Reads up to `max_rows` rows, handing each good one to `sink` and recording the
    /// bad ones; returns whether rows remain.
    pub fn read_chunk<F: FnMut(EventRef<'_>)>(
        &mut self,
        max_rows: usize,
        mut sink: F,
    ) -> Result<bool, ImportError> {
        for _ in 0..max_rows {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => {
                    self.done = true;
                    return Ok(false);
                }
                Err(e) => return Err(malformed(&self.file, &e)),
            }
            if is_blank(&self.record) {
                continue;
            }
            self.report.rows += 1;
            let record = &self.record;
            let columns = &self.columns;
            let line = || record.position().map_or(0, csv::Position::line);
            if record.len() != columns.width {
                let reason = format!(
                    "has {} fields but the header has {} (a quote not closed, or a comma in an unquoted text?)",
                    record.len(),
                    columns.width
                );
                self.report.skip(line(), reason);
                continue;
            }
            let get = |slot| columns.get(record, slot);
            let keep_text = self.keep_text;
            let row = (|| {
                parse_event(
                    required(get(ID), "id")?,
                    required(get(MEMBER), "member_id")?,
                    text(get(KIND), "kind")?,
                    text(get(CREATED), "created_at")?,
                    text(get(CHANNEL), "channel")?,
                    text(get(PARENT), "parent_id")?,
                    if keep_text {
                        std::str::from_utf8(get(TEXT))
                            .map_err(|_| "text is not valid UTF-8 text".to_owned())?
                    } else {
                        ""
                    },
                )
            })();
            match row {
                Ok(event) => {
                    self.report.kept += 1;
                    sink(event);
                }
                Err(reason) => self.report.skip(line(), reason),
            }
        }
        Ok(!self.done)
    }

    /// Bytes read so far (for a progress bar).
    pub fn position(&self) -> u64 {
        self.reader.position().byte()
    }

    /// What was read, kept and skipped so far.
    pub fn report(&self) -> &ImportReport {
        &self.report
    }
}

/// Events read from a JSON array of objects in chunks.
pub struct JsonEvents<'a> {
    items: JsonItems<'a>,
    keep_text: bool,
    report: ImportReport,
}

impl<'a> JsonEvents<'a> {
    /// Starts reading `bytes` (named `file` in messages).
    pub fn new(file: &str, bytes: &'a [u8]) -> Self {
        Self {
            items: JsonItems::new(file, bytes),
            keep_text: true,
            report: ImportReport::default(),
        }
    }

    /// Reads up to `max_rows` items; see [`CsvEvents::read_chunk`].
    pub fn read_chunk<F: FnMut(EventRef<'_>)>(
        &mut self,
        max_rows: usize,
        mut sink: F,
    ) -> Result<bool, ImportError> {
        for _ in 0..max_rows {
            let Some(item) = self.items.next() else {
                return Ok(false);
            };
            let (line, raw) = item?;
            self.report.rows += 1;
            let keep_text = self.keep_text;
            let parsed = object(raw).and_then(|o| {
                let get = |name| field(&o, name);
                let (id, member_id) = (get("id")?, get("member_id")?);
                let (id, member_id) = (id.trim(), member_id.trim());
                if id.is_empty() {
                    return Err("id is empty".to_owned());
                }
                if member_id.is_empty() {
                    return Err("member_id is empty".to_owned());
                }
                let text = if keep_text { get("text")? } else { "".into() };
                let (channel, parent) = (get("channel")?, get("parent_id")?);
                let event = parse_event(
                    id,
                    member_id,
                    &get("kind")?,
                    &get("created_at")?,
                    channel.trim(),
                    parent.trim(),
                    &text,
                )?;
                sink(event);
                Ok(())
            });
            match parsed {
                Ok(()) => self.report.kept += 1,
                Err(reason) => self.report.skip(line, reason),
            }
        }
        Ok(true)
    }

    /// Bytes read so far (for a progress bar).
    pub fn position(&self) -> u64 {
        self.items.position() as u64
    }

    /// What was read, kept and skipped so far.
    pub fn report(&self) -> &ImportReport {
        &self.report
    }
}

/// Events from an in-memory file, CSV or JSON (detected from the first character):
/// what the browser uses after a file was dropped.
pub enum EventReader<'a> {
    /// CSV input.
    Csv(Box<CsvEvents<&'a [u8]>>),
    /// JSON input.
    Json(JsonEvents<'a>),
}

impl<'a> EventReader<'a> {
    /// Starts reading `bytes` (named `file` in messages).
    pub fn new(file: &str, bytes: &'a [u8]) -> Result<Self, ImportError> {
        Ok(if looks_like_json(bytes) {
            EventReader::Json(JsonEvents::new(file, bytes))
        } else {
            EventReader::Csv(Box::new(CsvEvents::new(file, bytes)?))
        })
    }

    /// Skips the `text` field: events get `""`.
    pub fn without_text(self) -> Self {
        match self {
            EventReader::Csv(c) => EventReader::Csv(Box::new(c.without_text())),
            EventReader::Json(mut j) => {
                j.keep_text = false;
                EventReader::Json(j)
            }
        }
    }

    /// Reads up to `max_rows` rows into `sink`; returns whether rows remain.
    pub fn read_chunk<F: FnMut(EventRef<'_>)>(
        &mut self,
        max_rows: usize,
        sink: F,
    ) -> Result<bool, ImportError> {
        match self {
            EventReader::Csv(c) => c.read_chunk(max_rows, sink),
            EventReader::Json(j) => j.read_chunk(max_rows, sink),
        }
    }

    /// Bytes read so far.
    pub fn position(&self) -> u64 {
        match self {
            EventReader::Csv(c) => c.position(),
            EventReader::Json(j) => j.position(),
        }
    }

    /// What was read, kept and skipped so far.
    pub fn report(&self) -> &ImportReport {
        match self {
            EventReader::Csv(c) => c.report(),
            EventReader::Json(j) => j.report(),
        }
    }
}

/// Reads every event of an in-memory CSV or JSON file into owned [`Event`]s (for small
/// files and tests; the metrics engine takes the borrowed rows chunk by chunk).
pub fn read_events(file: &str, bytes: &[u8]) -> Result<(Vec<Event>, ImportReport), ImportError> {
    let mut reader = EventReader::new(file, bytes)?;
    let mut events = Vec::new();
    while reader.read_chunk(usize::MAX, |e| events.push(e.to_event()))? {}
    Ok((events, reader.report().clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_like_the_domain_parser() {
        for kind in EventKind::ALL {
            assert_eq!(kind_of(kind.as_str()), EventKind::parse(kind.as_str()));
        }
        assert_eq!(kind_of("Post"), None);
    }
}
