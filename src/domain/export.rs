//! CSV exports of ideas and votes: RFC 4180 quoting, UTF-8 with a byte-order mark (so
//! spreadsheet programs read Polish letters right), and cells that a spreadsheet would
//! run as a formula (starting with `= + - @`, tab or carriage return) neutralised with a
//! leading apostrophe.

use std::borrow::Cow;

/// The UTF-8 byte-order mark put first in every export.
pub const BOM: &str = "\u{FEFF}";

/// A text cell made safe from formula injection.
///
/// ```
/// use gromada::domain::export::neutralize;
/// assert_eq!(neutralize("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(neutralize("@SUM(A1)"), "'@SUM(A1)");
/// assert_eq!(neutralize("Dark mode"), "Dark mode");
/// ```
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// A CSV cell: text (neutralised) or a number (written as is).
pub enum Cell<'a> {
    /// User or admin text.
    Text(&'a str),
    /// A count.
    Number(u64),
}

/// Writes a CSV document (with BOM) from a header and rows.
pub fn write<'a>(header: &[&str], rows: impl IntoIterator<Item = Vec<Cell<'a>>>) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = writer.write_record(header);
    for row in rows {
        let cells: Vec<Cow<str>> = row
            .iter()
            .map(|c| match c {
                Cell::Text(t) => neutralize(t),
                Cell::Number(n) => Cow::Owned(n.to_string()),
            })
            .collect();
        let _ = writer.write_record(cells.iter().map(|c| c.as_ref()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8_lossy(&bytes))
}

/// Header of the ideas export.
pub const IDEAS_HEADER: [&str; 8] = [
    "id", "title", "status", "category", "votes", "comments", "author", "created",
];
/// Header of the votes export.
pub const VOTES_HEADER: [&str; 6] = [
    "idea_id",
    "idea_title",
    "voter_id",
    "voter",
    "anonymous",
    "created",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_quotes_newlines_and_neutralises_formulas() {
        let csv = write(
            &["id", "title", "votes"],
            vec![
                vec![
                    Cell::Text("a"),
                    Cell::Text("Hello, \"world\"\nagain"),
                    Cell::Number(3),
                ],
                vec![Cell::Text("b"), Cell::Text("=1+2"), Cell::Number(0)],
                vec![Cell::Text("c"), Cell::Text("Źródło 😀"), Cell::Number(12)],
            ],
        );
        assert!(csv.starts_with(BOM));
        let body = &csv[BOM.len()..];
        assert_eq!(
            body,
            "id,title,votes\r\na,\"Hello, \"\"world\"\"\nagain\",3\r\nb,'=1+2,0\r\nc,Źródło 😀,12\r\n"
        );
        // And it reads back as the same cells.
        let mut reader = csv::Reader::from_reader(body.as_bytes());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
        assert_eq!(&rows[0][1], "Hello, \"world\"\nagain");
        assert_eq!(&rows[1][1], "'=1+2");
    }
}
