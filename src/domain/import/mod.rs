//! Importers of activity data into [`crate::domain::activity`] rows: the CSV/JSON
//! contract (`members.csv`, `events.csv`), Slack exports and DiscordChatExporter JSON,
//! and series the user supplies (visitors, conversions, tickets).
//!
//! Every importer takes bytes (the browser hands over a dropped file's contents), keeps
//! the good rows and reports each bad one with its line and a reason a user can act on.

pub mod columns;
pub mod detect;
pub mod discord;
pub mod error;
pub mod events;
pub mod json;
pub mod members;
pub mod rfc3339;
pub mod series;
pub mod slack;

pub use error::{ImportError, ImportReport, RowError};
pub use events::{read_events, CsvEvents, EventReader, JsonEvents};
pub use members::{read_members, MembersImport};
