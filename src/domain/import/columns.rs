//! Finding the columns of a CSV header by name: any order, extra columns ignored,
//! surrounding spaces, a byte-order mark and upper case tolerated.

use super::error::ImportError;

/// Positions of named columns in a header; `None` for an optional column that is absent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    positions: Vec<Option<usize>>,
    /// The number of fields in the header.
    pub width: usize,
}

impl Columns {
    /// Maps `required` then `optional` column names onto `header`, in that order.
    pub fn find(
        file: &str,
        header: &csv::ByteRecord,
        required: &[&str],
        optional: &[&str],
    ) -> Result<Self, ImportError> {
        let names: Vec<String> = header
            .iter()
            .map(|field| {
                let text = String::from_utf8_lossy(field);
                text.trim_start_matches('\u{feff}').trim().to_lowercase()
            })
            .collect();
        let needed = required.join(", ");
        if names.iter().all(String::is_empty) {
            return Err(ImportError::Empty {
                file: file.to_owned(),
                needed,
            });
        }
        let mut positions = Vec::with_capacity(required.len() + optional.len());
        for column in required {
            match names.iter().position(|n| n == column) {
                Some(i) => positions.push(Some(i)),
                None => {
                    return Err(ImportError::MissingColumn {
                        file: file.to_owned(),
                        column: (*column).to_owned(),
                        found: names.join(", "),
                        needed,
                    })
                }
            }
        }
        for column in optional {
            positions.push(names.iter().position(|n| n == column));
        }
        Ok(Self {
            positions,
            width: names.len(),
        })
    }

    /// The raw bytes of column `slot` (in the order given to [`Columns::find`]) in
    /// `record`; empty for an absent optional column.
    pub fn get<'r>(&self, record: &'r csv::ByteRecord, slot: usize) -> &'r [u8] {
        match self.positions.get(slot).copied().flatten() {
            Some(i) => field(record, i),
            None => &[],
        }
    }
}

/// A CSV reader for the importers: records end at `\n` (a `\r` before it is removed by
/// [`field`]), so the line numbers csv reports are physical lines for LF and CRLF files
/// alike (with the default terminator they lag one line behind after each CRLF).
pub fn csv_reader<R: std::io::Read>(source: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(1 << 16)
        .from_reader(source)
}

/// Field `i` of a record read by [`csv_reader`], without the `\r` of a CRLF line end.
pub fn field(record: &csv::ByteRecord, i: usize) -> &[u8] {
    let value = record.get(i).unwrap_or_default();
    if i + 1 == record.len() {
        value.strip_suffix(b"\r").unwrap_or(value)
    } else {
        value
    }
}

/// Whether a record is a blank line (CRLF files give a lone `\r`).
pub fn is_blank(record: &csv::ByteRecord) -> bool {
    record.len() == 1 && field(record, 0).is_empty()
}

/// A field as trimmed UTF-8 text, or a reason naming the column.
pub fn text<'r>(bytes: &'r [u8], column: &str) -> Result<&'r str, String> {
    std::str::from_utf8(bytes)
        .map(str::trim)
        .map_err(|_| format!("{column} is not valid UTF-8 text"))
}

/// A required field: trimmed, non-empty UTF-8 text.
pub fn required<'r>(bytes: &'r [u8], column: &str) -> Result<&'r str, String> {
    let value = text(bytes, column)?;
    if value.is_empty() {
        Err(format!("{column} is empty"))
    } else {
        Ok(value)
    }
}

/// A value shortened for an error message (long texts would flood the report).
pub fn shown(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX {
        value.to_owned()
    } else {
        let cut: String = value.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(fields: &[&str]) -> csv::ByteRecord {
        csv::ByteRecord::from(fields.to_vec())
    }

    #[test]
    fn finds_columns_in_any_order_ignoring_extras_case_and_bom() {
        let h = header(&["\u{feff}Name", " extra ", "ID", "role"]);
        let c = Columns::find("m.csv", &h, &["id", "role"], &["name", "left_at"]).unwrap();
        let row = header(&["Ann", "x", "m1", "member"]);
        assert_eq!(c.get(&row, 0), b"m1");
        assert_eq!(c.get(&row, 1), b"member");
        assert_eq!(c.get(&row, 2), b"Ann");
        assert_eq!(c.get(&row, 3), b"");
        assert_eq!(c.width, 4);
    }

    #[test]
    fn names_the_missing_column_and_what_was_found() {
        let err =
            Columns::find("m.csv", &header(&["id", "nam"]), &["id", "role"], &[]).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("no 'role' column"), "{text}");
        assert!(text.contains("it has: id, nam"), "{text}");
    }
}
