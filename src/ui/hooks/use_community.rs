//! Community-wide data many pages need: the changelog (for Contributor badges), the
//! moderation settings, and how many posts wait in the moderation queue.

use super::use_store;
use crate::domain::changelog::ChangelogEntry;
use crate::domain::comment::Comment;
use crate::domain::idea::Idea;
use crate::domain::idea::Visibility;
use crate::domain::ids::MemberId;
use crate::domain::moderation::PostRef;
use crate::domain::moderation::{CommunitySettings, Report, COMMUNITY_SETTINGS_ID};
use crate::store::{Query, Store, StoreError, StoreExt};
use leptos::prelude::*;
use std::collections::HashSet;

/// The community data context.
#[derive(Clone, Copy)]
pub struct CommunityData {
    /// Changelog entries, newest first.
    pub changelog: RwSignal<Vec<ChangelogEntry>>,
    /// Members thanked in the changelog.
    pub contributors: Memo<HashSet<MemberId>>,
    /// Moderation settings.
    pub settings: RwSignal<CommunitySettings>,
    /// Whether `settings` were read from the store (else they are the defaults).
    pub settings_read: RwSignal<bool>,
    /// Posts waiting for a moderator (held posts and reported posts).
    pub pending: RwSignal<usize>,
    /// Why the latest read failed, if it did (the values above are then from the read
    /// before).
    pub error: RwSignal<Option<StoreError>>,
}

impl CommunityData {
    /// Whether `member` is a Contributor (tracked).
    pub fn is_contributor(&self, member: &MemberId) -> bool {
        self.contributors.with(|c| c.contains(member))
    }
}

/// Provides the context and keeps it loaded. `with_queue` also counts the moderation
/// queue (the full app's navigation shows it; embeds do not need it).
pub fn provide_community(with_queue: bool) -> CommunityData {
    let store_ctx = use_store();
    let changelog = RwSignal::new(Vec::new());
    let settings = RwSignal::new(CommunitySettings::default());
    let pending = RwSignal::new(0usize);
    let contributors = Memo::new(move |_| {
        changelog.with(|c: &Vec<ChangelogEntry>| {
            c.iter()
                .flat_map(|e| e.contributors.iter().cloned())
                .collect()
        })
    });
    let error = RwSignal::new(None::<StoreError>);
    let settings_read = RwSignal::new(false);
    // Each part read keeps its last value when a read fails; the failure is kept in
    // `error` for the pages to show.
    let loaded = super::use_async(move || {
        store_ctx.version();
        let store = store_ctx.store();
        async move {
            let entries = store
                .list_as::<ChangelogEntry>(&Query::all())
                .await
                .map(|l| {
                    let mut entries = l.items;
                    entries.sort_by_key(|e| std::cmp::Reverse(e.published_at));
                    entries
                });
            let s = store
                .get_as::<CommunitySettings>(COMMUNITY_SETTINGS_ID)
                .await
                .map(Option::unwrap_or_default);
            let queue = if with_queue {
                Some(queue_length(&*store).await)
            } else {
                None
            };
            (entries, s, queue)
        }
    });
    Effect::new(move |_| {
        if let Some((entries, s, queue)) = loaded.get() {
            let mut failed = None;
            match entries {
                Ok(entries) => changelog.set(entries),
                Err(e) => failed = Some(e),
            }
            match s {
                Ok(s) => {
                    settings.set(s);
                    settings_read.set(true);
                }
                Err(e) => failed = failed.or(Some(e)),
            }
            match queue {
                Some(Ok(n)) => pending.set(n),
                Some(Err(e)) => failed = failed.or(Some(e)),
                None => {}
            }
            error.set(failed);
        }
    });
    let ctx = CommunityData {
        changelog,
        contributors,
        settings,
        settings_read,
        pending,
        error,
    };
    provide_context(ctx);
    ctx
}

/// The community data context.
pub fn use_community() -> CommunityData {
    expect_context()
}

/// How many posts wait for a moderator: held ideas and comments, and reported posts
/// (each counted once).
async fn queue_length(store: &dyn Store) -> Result<usize, StoreError> {
    let all = Query::all();
    let ideas = store.list_as::<Idea>(&all).await?.items;
    let comments = store.list_as::<Comment>(&all).await?.items;
    let reports = store.list_as::<Report>(&all).await?.items;
    let mut posts: HashSet<String> = ideas
        .iter()
        .filter(|i| matches!(i.visibility, Visibility::Pending(_)))
        .map(|i| format!("i.{}", i.id))
        .collect();
    posts.extend(
        comments
            .iter()
            .filter(|c| matches!(c.visibility, Visibility::Pending(_)))
            .map(|c| format!("c.{}", c.id)),
    );
    posts.extend(
        reports
            .iter()
            .filter(|r| !r.resolved)
            .map(|r| match &r.post {
                PostRef::Idea(i) => format!("i.{i}"),
                PostRef::Comment(c, _) => format!("c.{c}"),
            }),
    );
    Ok(posts.len())
}
