//! Errors of the importers: a whole file that cannot be read ([`ImportError`]) and one
//! row that was skipped ([`RowError`]), both with text a user can act on.

use serde::{Deserialize, Serialize};

/// A file (or archive) that cannot be imported at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(rename_all = "snake_case")]
pub enum ImportError {
    /// The file has no header row (or no content).
    #[error("{file}: the file is empty; expected a header row with the columns {needed}")]
    Empty {
        /// Which file.
        file: String,
        /// The columns expected.
        needed: String,
    },
    /// A required column is missing from the header.
    #[error("{file}: the header has no '{column}' column (it has: {found}); the required columns are {needed}")]
    MissingColumn {
        /// Which file.
        file: String,
        /// The missing column.
        column: String,
        /// The header as found.
        found: String,
        /// The required columns.
        needed: String,
    },
    /// The CSV or JSON structure itself is broken, so no further rows can be found.
    #[error("{file}: line {line}: {reason}")]
    Malformed {
        /// Which file.
        file: String,
        /// The physical line (1-based) where reading failed.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// The file could not be read.
    #[error("{file}: cannot be read: {reason}")]
    Unreadable {
        /// Which file.
        file: String,
        /// Why.
        reason: String,
    },
    /// An archive (Slack export) does not have the expected layout.
    #[error("{file}: {reason}")]
    Archive {
        /// Which archive.
        file: String,
        /// What is wrong or missing.
        reason: String,
    },
}

/// One row (or JSON item, or message) that was skipped; the rest of the file is kept.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct RowError {
    /// The physical line (1-based) where the record starts.
    pub line: u64,
    /// What is wrong, naming the field and the value.
    pub reason: String,
}

/// How many skipped rows a report keeps with their reasons (all are counted).
pub const MAX_REPORTED_ROWS: usize = 1000;

/// What an import read, kept and skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Data rows read (header excluded).
    pub rows: u64,
    /// Rows kept.
    pub kept: u64,
    /// The first [`MAX_REPORTED_ROWS`] skipped rows with their reasons.
    pub bad_rows: Vec<RowError>,
    /// Every skipped row, counted.
    pub bad_row_count: u64,
}

impl ImportReport {
    /// Records a skipped row.
    pub fn skip(&mut self, line: u64, reason: String) {
        self.bad_row_count += 1;
        if self.bad_rows.len() < MAX_REPORTED_ROWS {
            self.bad_rows.push(RowError { line, reason });
        }
    }
}
