//! JSON input in the activity contract: a top-level array of objects with the same
//! field names as the CSV columns. Items are split without parsing the whole file,
//! so each bad item is reported with its line and the others are kept.

use super::error::ImportError;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Whether `bytes` look like JSON (first non-blank character `[`) rather than CSV.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'[')
}

/// The items of a top-level JSON array, as raw bytes with the line each starts on.
pub struct JsonItems<'a> {
    file: String,
    bytes: &'a [u8],
    pos: usize,
    line: u64,
    state: State,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Items,
    Done,
}

impl<'a> JsonItems<'a> {
    /// Starts reading `bytes` (named `file` in errors).
    pub fn new(file: &str, bytes: &'a [u8]) -> Self {
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        Self {
            file: file.to_owned(),
            bytes,
            pos: 0,
            line: 1,
            state: State::Start,
        }
    }

    /// Bytes consumed so far (for a progress bar).
    pub fn position(&self) -> usize {
        self.pos
    }

    fn skip_blank(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if b == b'\n' {
                self.line += 1;
            } else if !b.is_ascii_whitespace() {
                break;
            }
            self.pos += 1;
        }
    }

    fn malformed(&mut self, reason: &str) -> Option<Result<(u64, &'a [u8]), ImportError>> {
        self.state = State::Done;
        Some(Err(ImportError::Malformed {
            file: self.file.clone(),
            line: self.line,
            reason: reason.to_owned(),
        }))
    }
}

impl<'a> Iterator for JsonItems<'a> {
    type Item = Result<(u64, &'a [u8]), ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.state == State::Done {
            return None;
        }
        self.skip_blank();
        if self.state == State::Start {
            if self.bytes.get(self.pos) != Some(&b'[') {
                return self.malformed("expected a JSON array of objects starting with '['");
            }
            self.pos += 1;
            self.state = State::Items;
            self.skip_blank();
        }
        if self.bytes.get(self.pos) == Some(&b']') {
            self.state = State::Done;
            return None;
        }
        let (start, line) = (self.pos, self.line);
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return self.malformed("the array is not closed (missing ']' at the end)");
            };
            if b == b'\n' {
                self.line += 1;
            }
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' if depth > 0 => depth -= 1,
                    b']' | b',' if depth == 0 => break,
                    _ => {}
                }
            }
            self.pos += 1;
        }
        let item = self.bytes[start..self.pos].trim_ascii_end();
        if self.bytes[self.pos] == b',' {
            self.pos += 1;
        }
        Some(Ok((line, item)))
    }
}

/// Parses one item as an object, or says why it is not one.
pub fn object(item: &[u8]) -> Result<Map<String, Value>, String> {
    if item.is_empty() {
        return Err("empty item (two commas in a row?)".to_owned());
    }
    serde_json::from_slice(item).map_err(|e| format!("not a JSON object: {e}"))
}

/// A field of an object as text: strings as they are, numbers and booleans written
/// out, null or absent as empty; arrays and objects are an error naming the field.
pub fn field<'m>(object: &'m Map<String, Value>, name: &str) -> Result<Cow<'m, str>, String> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(Cow::Borrowed("")),
        Some(Value::String(s)) => Ok(Cow::Borrowed(s)),
        Some(Value::Number(n)) => Ok(Cow::Owned(n.to_string())),
        Some(Value::Bool(b)) => Ok(Cow::Owned(b.to_string())),
        Some(_) => Err(format!("{name} must be text, not a list or an object")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(text: &str) -> Vec<Result<(u64, String), String>> {
        JsonItems::new("f.json", text.as_bytes())
            .map(|r| {
                r.map(|(l, b)| (l, String::from_utf8_lossy(b).into_owned()))
                    .map_err(|e| e.to_string())
            })
            .collect()
    }

    #[test]
    fn splits_items_with_their_lines_ignoring_brackets_in_strings() {
        let got = items("[\n {\"a\": \"x,]}\\\"\"},\n {\"b\": [1, {\"c\": 2}]}\n]\n");
        assert_eq!(
            got,
            vec![
                Ok((2, "{\"a\": \"x,]}\\\"\"}".to_owned())),
                Ok((3, "{\"b\": [1, {\"c\": 2}]}".to_owned()))
            ]
        );
        assert!(items("[]").is_empty());
        assert!(items("\u{feff} [ ] ").is_empty());
    }

    #[test]
    fn reports_an_unclosed_array_and_a_missing_array() {
        let got = items("[\n{\"a\": 1},\n{\"b\": 2");
        assert_eq!(got.len(), 2);
        assert!(got[1]
            .clone()
            .unwrap_err()
            .contains("line 3: the array is not closed"));
        assert!(items("{\"a\":1}")[0]
            .clone()
            .unwrap_err()
            .contains("expected a JSON array"));
    }

    #[test]
    fn fields_are_text_numbers_or_empty() {
        let o = object(br#"{"id": 7, "name": "Ann", "left_at": null, "x": [1]}"#).unwrap();
        assert_eq!(field(&o, "id").unwrap(), "7");
        assert_eq!(field(&o, "name").unwrap(), "Ann");
        assert_eq!(field(&o, "left_at").unwrap(), "");
        assert_eq!(field(&o, "missing").unwrap(), "");
        assert!(field(&o, "x").unwrap_err().contains("x must be text"));
        assert!(object(b"").is_err());
        assert!(object(b"[1]").unwrap_err().contains("not a JSON object"));
    }
}
