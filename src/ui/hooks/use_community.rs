//! Community-wide data many pages need: the changelog (for Contributor badges), the
//! moderation settings, and how many posts wait in the moderation queue.

use super::use_store;
use crate::domain::changelog::ChangelogEntry;
use crate::domain::comment::Comment;
use crate::domain::idea::Idea;
use crate::domain::ids::MemberId;
use crate::domain::moderation::{CommunitySettings, Report, COMMUNITY_SETTINGS_ID};
use crate::store::{Query, StoreExt};
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
    /// Posts waiting for a moderator (held posts and reported posts).
    pub pending: RwSignal<usize>,
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
    let loaded = LocalResource::new(move || {
        store_ctx.version();
        let store = store_ctx.store();
        async move {
            let mut entries = store
                .list_as::<ChangelogEntry>(&Query::all())
                .await
                .map(|l| l.items)
                .unwrap_or_default();
            entries.sort_by_key(|e| std::cmp::Reverse(e.published_at));
            let s = store
                .get_as::<CommunitySettings>(COMMUNITY_SETTINGS_ID)
                .await
                .ok()
                .flatten()
                .unwrap_or_default();
            let mut queue = 0;
            if with_queue {
                let held = Query::all();
                let ideas = store
                    .list_as::<Idea>(&held)
                    .await
                    .map(|l| l.items)
                    .unwrap_or_default();
                let comments = store
                    .list_as::<Comment>(&held)
                    .await
                    .map(|l| l.items)
                    .unwrap_or_default();
                let reports = store
                    .list_as::<Report>(&held)
                    .await
                    .map(|l| l.items)
                    .unwrap_or_default();
                let mut posts: HashSet<String> = ideas
                    .iter()
                    .filter(|i| matches!(i.visibility, crate::domain::idea::Visibility::Pending(_)))
                    .map(|i| format!("i.{}", i.id))
                    .collect();
                posts.extend(
                    comments
                        .iter()
                        .filter(|c| {
                            matches!(c.visibility, crate::domain::idea::Visibility::Pending(_))
                        })
                        .map(|c| format!("c.{}", c.id)),
                );
                posts.extend(
                    reports
                        .iter()
                        .filter(|r| !r.resolved)
                        .map(|r| match &r.post {
                            crate::domain::moderation::PostRef::Idea(i) => format!("i.{i}"),
                            crate::domain::moderation::PostRef::Comment(c, _) => format!("c.{c}"),
                        }),
                );
                queue = posts.len();
            }
            (entries, s, queue)
        }
    });
    Effect::new(move |_| {
        if let Some((entries, s, queue)) = loaded.get() {
            changelog.set(entries);
            settings.set(s);
            pending.set(queue);
        }
    });
    let _ = COMMUNITY_SETTINGS_ID;
    let ctx = CommunityData {
        changelog,
        contributors,
        settings,
        pending,
    };
    provide_context(ctx);
    ctx
}

/// The community data context.
pub fn use_community() -> CommunityData {
    expect_context()
}
