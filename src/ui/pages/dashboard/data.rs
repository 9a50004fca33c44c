//! Where the dashboard's numbers come from: the community's own data in the store, or
//! files imported into this tab. Either way the one metrics engine of `domain` runs over
//! the events, in chunks with a pause between them so the page keeps painting (and the
//! progress bar moves) while a million-event file is read.

use crate::domain::activity::{ActivityMember, Event};
use crate::domain::board::Board;
use crate::domain::comment::Comment;
use crate::domain::idea::Idea;
use crate::domain::import::{EventReader, ImportReport};
use crate::domain::member::Member;
use crate::domain::metrics::supplied::SuppliedSeries;
use crate::domain::metrics::{
    community_activity, latest_nps, CommunityData, Engine, EngineOptions, Finish, Metrics,
};
use crate::domain::survey::{Response, Survey};
use crate::domain::time::Timestamp;
use crate::domain::vote::Vote;
use crate::store::{Query, Store, StoreError, StoreExt};
use leptos::prelude::*;
use std::collections::BTreeSet;
use std::rc::Rc;

/// Events read per step before the page gets a turn.
const CHUNK: usize = 50_000;

/// Activity imported into this tab (never stored: it can be far larger than storage).
pub struct Imported {
    /// The files, for the page and the report.
    pub label: String,
    /// People.
    pub members: Vec<ActivityMember>,
    /// Events files (CSV or JSON), read again when the channel filter changes.
    pub files: Vec<(String, Rc<Vec<u8>>)>,
    /// Events from chat exports (Slack, Discord).
    pub events: Vec<Event>,
}

/// How far a long computation is.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// What is being read.
    pub label: String,
    /// 0…1.
    pub done: f64,
}

/// The dashboard's state, kept for the whole visit so imported data survives a look at
/// another page.
#[derive(Clone, Copy)]
pub struct DashboardState {
    /// Imported activity, or `None` for the community's own.
    pub imported: RwSignal<Option<Rc<Imported>>, LocalStorage>,
    /// Supplied daily series (tickets, visitors, conversions).
    pub series: RwSignal<Rc<Vec<SuppliedSeries>>, LocalStorage>,
    /// What the last import said (each line a message).
    pub import_notes: RwSignal<Vec<(bool, String)>>,
    /// Progress of the running computation.
    pub progress: RwSignal<Option<Progress>>,
    /// Staff names or ids for chat exports.
    pub staff: RwSignal<String>,
}

/// Provides the dashboard state (once, for the full app).
pub fn provide_dashboard_state() {
    provide_context(DashboardState {
        imported: RwSignal::new_local(None),
        series: RwSignal::new_local(Rc::new(Vec::new())),
        import_notes: RwSignal::new(Vec::new()),
        progress: RwSignal::new(None),
        staff: RwSignal::new(String::new()),
    });
}

/// The dashboard state.
pub fn use_dashboard_state() -> DashboardState {
    expect_context()
}

/// Figures only the community's own data has.
pub struct AppData {
    /// Ideas (for "taken into the roadmap").
    pub ideas: Vec<Idea>,
    /// Boards (their statuses, and names for channels).
    pub boards: Vec<Board>,
    /// The latest NPS that may be shown: (survey, wave, score).
    pub nps: Option<(String, u32, f64)>,
}

/// The engine's answer and what it needs to be shown.
pub struct Computed {
    /// The indexed metrics.
    pub metrics: Metrics,
    /// Every channel seen (unfiltered), sorted.
    pub channels: Vec<String>,
    /// The community's own figures (`None` for imported data).
    pub app: Option<AppData>,
    /// Skipped rows of the events files, per file.
    pub reports: Vec<(String, ImportReport)>,
    /// Events that were neither members' nor staff's (anonymous) and so left out.
    pub anonymous: u32,
}

impl Computed {
    /// A channel's label (a board's name for a board id).
    pub fn channel_label(&self, channel: &str) -> String {
        self.app
            .as_ref()
            .and_then(|a| a.boards.iter().find(|b| b.id.as_str() == channel))
            .map(|b| b.name.clone())
            .unwrap_or_else(|| channel.to_owned())
    }
}

/// Lets the page paint between chunks.
async fn yield_to_page() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

fn options(channels: &[String]) -> EngineOptions {
    EngineOptions {
        sentiment: true,
        channels: (!channels.is_empty()).then(|| channels.to_vec()),
    }
}

/// The community's own activity.
pub async fn compute_community(
    store: Rc<dyn Store>,
    channels: Vec<String>,
    now: Timestamp,
) -> Result<Computed, StoreError> {
    let all = Query::all();
    let members = store.list_as::<Member>(&all).await?.items;
    let ideas = store.list_as::<Idea>(&all).await?.items;
    let votes = store.list_as::<Vote>(&all).await?.items;
    let comments = store.list_as::<Comment>(&all).await?.items;
    let responses = store.list_as::<Response>(&all).await?.items;
    let events = store.list_as::<Event>(&all).await?.items;
    let boards = store.list_as::<Board>(&all).await?.items;
    let surveys = store.list_as::<Survey>(&all).await?.items;
    let activity = community_activity(CommunityData {
        members: &members,
        ideas: &ideas,
        votes: &votes,
        comments: &comments,
        responses: &responses,
        events: &events,
    });
    let seen: BTreeSet<&str> = activity.events.iter().map(|e| e.channel.as_str()).collect();
    let seen: Vec<String> = seen.into_iter().map(str::to_owned).collect();
    let mut engine = Engine::new(&activity.members, options(&channels));
    let metrics = loop {
        for chunk in activity.events.chunks(CHUNK) {
            engine.push_events(chunk);
            yield_to_page().await;
        }
        match engine.finish() {
            Finish::Done(metrics) => break *metrics,
            Finish::Again(again) => engine = *again,
        }
    };
    Ok(Computed {
        metrics,
        channels: seen,
        app: Some(AppData {
            nps: latest_nps(&surveys, &responses, now),
            ideas,
            boards,
        }),
        reports: Vec::new(),
        anonymous: activity.anonymous,
    })
}

/// Marks the start of a timed stretch in the browser's performance timeline (read by
/// `scripts/bench/dashboard.mjs`).
fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Records the time since `start` as the measure `name`.
fn measure(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
    }
}

/// Imported activity, reading events files in chunks and reporting progress.
pub async fn compute_imported(
    imported: Rc<Imported>,
    channels: Vec<String>,
    progress: RwSignal<Option<Progress>>,
    reading: impl Fn(&str, bool) -> String,
) -> Result<Computed, String> {
    mark("gromada-compute-start");
    let mut engine = Engine::new(&imported.members, options(&channels));
    let mut seen: BTreeSet<String> = BTreeSet::new();
    let mut reports = Vec::new();
    let total: usize = imported
        .files
        .iter()
        .map(|(_, b)| b.len())
        .sum::<usize>()
        .max(1);
    // A second pass over the same data when some event ids may repeat (see `Engine`).
    let mut again = false;
    let metrics = loop {
        reports.clear();
        let mut before = 0usize;
        for (name, bytes) in &imported.files {
            let label = reading(name, again);
            progress.set(Some(Progress {
                label: label.clone(),
                done: before as f64 / total as f64,
            }));
            yield_to_page().await;
            let mut reader = EventReader::new(name, bytes).map_err(|e| e.to_string())?;
            let mut last = String::new();
            loop {
                let more = reader
                    .read_chunk(CHUNK, |e| {
                        if e.channel != last {
                            last.clear();
                            last.push_str(e.channel);
                            if !seen.contains(e.channel) {
                                seen.insert(e.channel.to_owned());
                            }
                        }
                        engine.push(e);
                    })
                    .map_err(|e| e.to_string())?;
                progress.set(Some(Progress {
                    label: label.clone(),
                    done: (before as f64 + reader.position() as f64) / total as f64,
                }));
                yield_to_page().await;
                if !more {
                    break;
                }
            }
            reports.push((name.clone(), reader.report().clone()));
            before += bytes.len();
        }
        for chunk in imported.events.chunks(CHUNK) {
            for e in chunk {
                if !seen.contains(&e.channel) {
                    seen.insert(e.channel.clone());
                }
            }
            engine.push_events(chunk);
            yield_to_page().await;
        }
        match engine.finish() {
            Finish::Done(metrics) => break *metrics,
            Finish::Again(next) => {
                engine = *next;
                again = true;
            }
        }
    };
    measure("gromada-compute", "gromada-compute-start");
    progress.set(None);
    Ok(Computed {
        metrics,
        channels: seen.into_iter().collect(),
        app: None,
        reports,
        anonymous: 0,
    })
}
