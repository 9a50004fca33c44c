//! The engagement-metrics engine shared by the browser dashboard and the
//! `gromada-metrics` command line: one pass over the events into compact per-day facts,
//! then any date range is answered from them (definitions: issue 5, README).
//!
//! Members' ids are interned to `u32`; each event by a role-`member` row becomes one
//! packed `(day, member)` number, roots and staff replies two small pairs, so a million
//! events take a few tens of megabytes. Distinct counts over 7 and 28 days slide a
//! window of per-member counters over per-day sorted member lists.
//!
//! The browser runs it in chunks, yielding to the page between them:
//!
//! ```
//! use gromada::domain::import::{read_members, EventReader};
//! use gromada::domain::metrics::{Engine, EngineOptions};
//! use gromada::domain::time::Day;
//!
//! let members = "id,role,joined_at\nm1,member,2025-01-01T00:00:00Z\ns1,staff,2025-01-01T00:00:00Z\n";
//! let events = "id,member_id,kind,created_at,parent_id\n\
//!     e1,m1,post,2025-01-02T10:00:00Z,\n\
//!     e2,s1,comment,2025-01-02T10:30:00+00:00,e1\n";
//! let members = read_members("members.csv", members.as_bytes()).unwrap();
//! // `feed` pushes every event; it runs a second time when some event ids may repeat.
//! let metrics = Engine::compute(&members.members, EngineOptions::default(), |engine| {
//!     let mut reader = EventReader::new("events.csv", events.as_bytes())?;
//!     // 50 000 rows per step; between steps the page can paint a progress bar
//!     // (reader.position() of the file's length).
//!     while reader.read_chunk(50_000, |e| engine.push(e))? {}
//!     Ok::<_, gromada::domain::import::ImportError>(())
//! })
//! .unwrap();
//! let day = Day::parse("2025-01-02").unwrap();
//! let rows = metrics.daily(day, day);
//! assert_eq!((rows[0].dau, rows[0].ugc), (1, 1));
//! assert_eq!(rows[0].first_response_median_s, Some(1800.0));
//! ```

pub mod breakdown;
pub mod churn;
pub mod community;
pub mod daily;
pub mod day_series;
pub mod day_text;
pub mod directory;
pub mod engine;
pub mod hash;
pub mod id_key;
pub mod indexed;
pub mod quantile;
pub mod retention;
pub mod summary;
pub mod supplied;
pub mod window;

pub use breakdown::{KindsDay, SentimentDay};
pub use churn::ChurnDay;
pub use community::{
    community_activity, ideas_into_roadmap, latest_nps, CommunityActivity, CommunityData,
};
pub use daily::DailyRow;
pub use engine::{Engine, EngineOptions, Finish, PushCounts};
pub use indexed::Metrics;
pub use retention::Cohort;
pub use summary::{Comparison, Kpis};
pub use supplied::{ConversionDay, SuppliedSeries};
