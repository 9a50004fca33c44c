//! Finding ideas on a board: per-idea counts, the Trending score (with the reasons an idea
//! ranks where it does), the four sort orders, filters and diacritic-insensitive search,
//! over an index built once so each keystroke only filters.
//!
//! **Trending** = Σ over votes of ½^(vote age / 7 days) + ½ × Σ over comments of
//! ½^(comment age / 7 days). A vote counts fully today, half after a week, a quarter after
//! two; comments count half as much as votes. Ties break on newer ideas first.

use crate::domain::board::{Board, Lane};
use crate::domain::comment::Comment;
use crate::domain::idea::Idea;
use crate::domain::ids::{CategoryId, IdeaId, StatusId};
use crate::domain::member::{Actor, Viewer};
use crate::domain::text::{fold, matches_query};
use crate::domain::time::{Timestamp, DAY_MS};
use crate::domain::vote::Vote;
use std::collections::{HashMap, HashSet};

/// Half-life of a vote's or comment's weight in Trending, in days.
pub const HALF_LIFE_DAYS: f64 = 7.0;
/// Weight of a comment relative to a vote in Trending.
pub const COMMENT_WEIGHT: f64 = 0.5;

/// The weight of an interaction made at `at`, seen at `now`.
///
/// ```
/// use gromada::domain::ranking::decay;
/// use gromada::domain::time::Timestamp;
/// let now = Timestamp(30 * 86_400_000);
/// assert_eq!(decay(now, now), 1.0);
/// assert!((decay(now.plus_days(-7), now) - 0.5).abs() < 1e-12);
/// ```
pub fn decay(at: Timestamp, now: Timestamp) -> f64 {
    let age_days = ((now.0 - at.0).max(0) as f64) / DAY_MS as f64;
    0.5f64.powf(age_days / HALF_LIFE_DAYS)
}

/// How to order ideas.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Sort {
    /// By the Trending score.
    #[default]
    Trending,
    /// Most votes.
    Top,
    /// Newest.
    New,
    /// Most comments.
    Discussed,
}

impl Sort {
    /// Every order, as offered.
    pub const ALL: [Sort; 4] = [Sort::Trending, Sort::Top, Sort::New, Sort::Discussed];

    /// URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Trending => "trending",
            Sort::Top => "top",
            Sort::New => "new",
            Sort::Discussed => "discussed",
        }
    }

    /// Parses the URL form (unknown → Trending).
    pub fn parse(text: &str) -> Sort {
        Sort::ALL
            .into_iter()
            .find(|s| s.as_str() == text)
            .unwrap_or_default()
    }
}

/// Counts and score of one idea.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdeaStats {
    /// Votes by signed-in members.
    pub member_votes: u32,
    /// Anonymous (device) votes.
    pub anonymous_votes: u32,
    /// Published comments.
    pub comments: u32,
    /// Σ decayed vote weights.
    pub weighted_votes: f64,
    /// Σ decayed comment weights (before [`COMMENT_WEIGHT`]).
    pub weighted_comments: f64,
}

impl IdeaStats {
    /// All votes.
    pub fn votes(&self) -> u32 {
        self.member_votes + self.anonymous_votes
    }

    /// The Trending score.
    pub fn trending(&self) -> f64 {
        self.weighted_votes + COMMENT_WEIGHT * self.weighted_comments
    }
}

/// The first instant of 2024 (UTC): the reference point of [`growth`].
pub const TALLY_EPOCH_MS: i64 = 1_704_067_200_000;

/// `e^(k·(at − epoch))` with `k = ln 2 / half-life`: a weight that does not depend on
/// "now", so a server can sum it once (CouchDB's `_sum` reduce) and the client turns the
/// sum into Σ [`decay`] with one multiplication: `Σ growth × growth(now)⁻¹`. The exponent
/// is capped at 700 (f64 overflows past 709), which is reached in 2043: move the epoch
/// (and rebuild the view) before then.
///
/// ```
/// use gromada::domain::ranking::{decay, growth, IdeaTally};
/// use gromada::domain::time::{Timestamp, DAY_MS};
/// let now = Timestamp(1_780_000_000_000);
/// let at = Timestamp(now.0 - 3 * DAY_MS);
/// let tally = IdeaTally { member_votes: 1, vote_growth: growth(at), ..IdeaTally::default() };
/// assert!((tally.stats(now).weighted_votes - decay(at, now)).abs() < 1e-12);
/// ```
pub fn growth(at: Timestamp) -> f64 {
    let days = (at.0 - TALLY_EPOCH_MS) as f64 / DAY_MS as f64;
    (std::f64::consts::LN_2 / HALF_LIFE_DAYS * days)
        .min(700.0)
        .exp()
}

/// Counts of one idea summed by a server (votes split member / device, published
/// comments, and their [`growth`] sums), from which [`IdeaStats`] follow at any "now".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdeaTally {
    /// Votes by signed-in members.
    pub member_votes: u32,
    /// Anonymous (device) votes.
    pub anonymous_votes: u32,
    /// Σ [`growth`] of the votes' times.
    pub vote_growth: f64,
    /// Published comments.
    pub comments: u32,
    /// Σ [`growth`] of the published comments' times.
    pub comment_growth: f64,
}

impl IdeaTally {
    /// The counts and Trending weights as of `now`.
    pub fn stats(&self, now: Timestamp) -> IdeaStats {
        // growth(now) can be 0 only for instants long before the epoch (never "now").
        let scale = 1.0 / growth(now).max(f64::MIN_POSITIVE);
        IdeaStats {
            member_votes: self.member_votes,
            anonymous_votes: self.anonymous_votes,
            comments: self.comments,
            weighted_votes: (self.vote_growth * scale).max(0.0),
            weighted_comments: (self.comment_growth * scale).max(0.0),
        }
    }

    /// Counts one vote in (`added`) or out, made at `at` by an anonymous voter or not.
    pub fn count_vote(&mut self, anonymous: bool, at: Timestamp, added: bool) {
        let slot = if anonymous {
            &mut self.anonymous_votes
        } else {
            &mut self.member_votes
        };
        if added {
            *slot = slot.saturating_add(1);
            self.vote_growth += growth(at);
        } else {
            *slot = slot.saturating_sub(1);
            self.vote_growth = (self.vote_growth - growth(at)).max(0.0);
        }
    }
}

/// Which ideas to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdeaFilter {
    /// Only this status.
    pub status: Option<StatusId>,
    /// Only this category.
    pub category: Option<CategoryId>,
    /// Only ideas the viewer voted for.
    pub my_votes: bool,
    /// Only ideas the viewer posted.
    pub my_ideas: bool,
    /// Search text (any case, any diacritics).
    pub query: String,
}

/// A board's ideas with everything needed to sort, filter and search them quickly.
#[derive(Clone, Debug, Default)]
pub struct BoardIndex {
    /// Ideas (published, pending, merged: the caller filters by visibility).
    pub ideas: Vec<Idea>,
    /// Folded title + description per idea, same order as `ideas`.
    folded: Vec<String>,
    /// Counts per idea.
    pub stats: HashMap<IdeaId, IdeaStats>,
    /// The ideas each actor voted for, and when.
    voted: HashMap<Actor, HashMap<IdeaId, Timestamp>>,
    /// Lane per status (for budgets and closed checks).
    lanes: HashMap<StatusId, Lane>,
    /// Position of each idea in `ideas`.
    positions: HashMap<IdeaId, usize>,
}

impl BoardIndex {
    /// Builds the index as of `now`.
    pub fn build(
        board: &Board,
        ideas: Vec<Idea>,
        votes: &[Vote],
        comments: &[Comment],
        now: Timestamp,
    ) -> Self {
        let mut stats: HashMap<IdeaId, IdeaStats> = ideas
            .iter()
            .map(|i| (i.id.clone(), IdeaStats::default()))
            .collect();
        let mut voted: HashMap<Actor, HashMap<IdeaId, Timestamp>> = HashMap::new();
        for v in votes {
            if let Some(s) = stats.get_mut(&v.idea_id) {
                if v.voter.is_anonymous() {
                    s.anonymous_votes += 1;
                } else {
                    s.member_votes += 1;
                }
                s.weighted_votes += decay(v.created_at, now);
                voted
                    .entry(v.voter.clone())
                    .or_default()
                    .insert(v.idea_id.clone(), v.created_at);
            }
        }
        for c in comments {
            if !c.visibility.is_published() {
                continue;
            }
            if let Some(s) = stats.get_mut(&c.idea_id) {
                s.comments += 1;
                s.weighted_comments += decay(c.created_at, now);
            }
        }
        let folded = ideas
            .iter()
            .map(|i| fold(&format!("{}\n{}", i.title, i.description)))
            .collect();
        let lanes = board
            .statuses
            .iter()
            .map(|s| (s.id.clone(), s.lane))
            .collect();
        let positions = ideas
            .iter()
            .enumerate()
            .map(|(i, idea)| (idea.id.clone(), i))
            .collect();
        Self {
            ideas,
            folded,
            stats,
            voted,
            lanes,
            positions,
        }
    }

    /// Builds the index from counts a server summed ([`IdeaTally`] per idea) and only the
    /// votes of the viewer (`own_votes`), as of `now`: what a board with hundreds of
    /// thousands of votes loads instead of every vote. `has_voted`, budgets and the "my
    /// votes" filter work for the voters in `own_votes`.
    pub fn from_tallies(
        board: &Board,
        ideas: Vec<Idea>,
        tallies: &HashMap<IdeaId, IdeaTally>,
        own_votes: &[Vote],
        now: Timestamp,
    ) -> Self {
        let mut index = Self::build(board, ideas, &[], &[], now);
        for (id, s) in &mut index.stats {
            if let Some(t) = tallies.get(id) {
                *s = t.stats(now);
            }
        }
        for v in own_votes {
            if index.stats.contains_key(&v.idea_id) {
                index
                    .voted
                    .entry(v.voter.clone())
                    .or_default()
                    .insert(v.idea_id.clone(), v.created_at);
            }
        }
        index
    }

    /// An idea by id.
    pub fn idea(&self, id: &IdeaId) -> Option<&Idea> {
        self.positions.get(id).and_then(|&i| self.ideas.get(i))
    }

    /// The counts of an idea.
    pub fn stats(&self, id: &IdeaId) -> IdeaStats {
        self.stats.get(id).cloned().unwrap_or_default()
    }

    /// Whether `actor` voted for `idea`.
    pub fn has_voted(&self, actor: &Actor, idea: &IdeaId) -> bool {
        self.voted.get(actor).is_some_and(|s| s.contains_key(idea))
    }

    /// The lane of an idea's status (`Open` if the status is unknown).
    pub fn lane(&self, idea: &Idea) -> Lane {
        self.lanes
            .get(&idea.status_id)
            .copied()
            .unwrap_or(Lane::Open)
    }

    /// Votes `actor` has on ideas that are still open or active (what a budget counts).
    pub fn open_votes_of(&self, actor: &Actor) -> u32 {
        let Some(ids) = self.voted.get(actor) else {
            return 0;
        };
        self.ideas
            .iter()
            .filter(|i| {
                ids.contains_key(&i.id) && self.lane(i) != Lane::Closed && i.merged_into.is_none()
            })
            .count() as u32
    }

    /// Records a vote (or its removal) without rebuilding, for instant feedback.
    /// Idempotent: adding a vote already counted, or removing one not counted, changes nothing.
    pub fn apply_vote(&mut self, vote: &Vote, added: bool, now: Timestamp) {
        let Some(s) = self.stats.get_mut(&vote.idea_id) else {
            return;
        };
        let set = self.voted.entry(vote.voter.clone()).or_default();
        let (count, weight) = if added {
            if set.contains_key(&vote.idea_id) {
                return;
            }
            set.insert(vote.idea_id.clone(), vote.created_at);
            (1i64, decay(vote.created_at, now))
        } else {
            match set.remove(&vote.idea_id) {
                Some(at) => (-1, -decay(at, now)),
                None => return,
            }
        };
        let slot = if vote.voter.is_anonymous() {
            &mut s.anonymous_votes
        } else {
            &mut s.member_votes
        };
        *slot = (i64::from(*slot) + count).max(0) as u32;
        s.weighted_votes = (s.weighted_votes + weight).max(0.0);
    }

    /// Whether `viewer` may see `idea` in lists: published and not merged (a merged idea
    /// is reached through the one it was merged into), or held/rejected but their own or
    /// they are staff.
    pub fn listed_for(idea: &Idea, viewer: &Viewer) -> bool {
        idea.merged_into.is_none()
            && (idea.visibility.is_published()
                || viewer.role.is_staff()
                || idea.author == viewer.actor)
    }

    /// Indices into `ideas` of those passing `filter` for `viewer`, in `sort` order.
    pub fn select(&self, filter: &IdeaFilter, sort: Sort, viewer: &Viewer) -> Vec<usize> {
        let query = fold(filter.query.trim());
        let actor = &viewer.actor;
        let mine = self.voted.get(actor);
        let out: Vec<usize> = (0..self.ideas.len())
            .filter(|&i| {
                let idea = &self.ideas[i];
                Self::listed_for(idea, viewer)
                    && filter.status.as_ref().is_none_or(|s| &idea.status_id == s)
                    && filter
                        .category
                        .as_ref()
                        .is_none_or(|c| idea.category_id.as_ref() == Some(c))
                    && (!filter.my_votes || mine.is_some_and(|m| m.contains_key(&idea.id)))
                    && (!filter.my_ideas || &idea.author == actor)
                    && (query.is_empty() || matches_query(&self.folded[i], &query))
            })
            .collect();
        // Keys computed once per idea (not per comparison): a few ms for 10 000 ideas.
        let mut keyed: Vec<(f64, i64, usize)> = out
            .into_iter()
            .map(|i| {
                let idea = &self.ideas[i];
                let s = self.stats.get(&idea.id);
                let key = match sort {
                    Sort::Trending => s.map_or(0.0, IdeaStats::trending),
                    Sort::Top => f64::from(s.map_or(0, IdeaStats::votes)),
                    Sort::New => idea.created_at.0 as f64,
                    Sort::Discussed => f64::from(s.map_or(0, |s| s.comments)),
                };
                (key, idea.created_at.0, i)
            })
            .collect();
        keyed.sort_unstable_by(|a, b| {
            b.0.partial_cmp(&a.0)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(b.1.cmp(&a.1))
                .then(a.2.cmp(&b.2))
        });
        let out: Vec<usize> = keyed.into_iter().map(|(_, _, i)| i).collect();
        out
    }

    /// The ideas of `base` (indices, kept in their order) whose text matches `query`: lets
    /// a search refine an already sorted selection without sorting again per keystroke.
    pub fn matching(&self, base: &[usize], query: &str) -> Vec<usize> {
        let query = fold(query.trim());
        if query.is_empty() {
            return base.to_vec();
        }
        base.iter()
            .copied()
            .filter(|&i| self.folded.get(i).is_some_and(|t| matches_query(t, &query)))
            .collect()
    }

    /// Up to `n` ideas whose titles share the most words with `title` (duplicate hints).
    pub fn similar(&self, title: &str, n: usize) -> Vec<usize> {
        let words: HashSet<String> = crate::domain::text::words(&fold(title))
            .filter(|w| w.len() >= 3 && !STOP_WORDS.contains(w))
            .map(str::to_owned)
            .collect();
        if words.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(usize, usize)> = self
            .ideas
            .iter()
            .enumerate()
            .filter(|(_, idea)| idea.merged_into.is_none() && idea.visibility.is_published())
            .filter_map(|(i, idea)| {
                let title = fold(&idea.title);
                let hits = crate::domain::text::words(&title)
                    .filter(|w| {
                        words
                            .iter()
                            .any(|q| w.starts_with(q.as_str()) || q.starts_with(*w) && w.len() >= 4)
                    })
                    .count();
                (hits > 0).then_some((i, hits))
            })
            .collect();
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.into_iter().take(n).map(|(i, _)| i).collect()
    }
}

/// Words too common to suggest a duplicate (English and Polish).
const STOP_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "add",
    "please",
    "support",
    "option",
    "feature",
    "should",
    "would",
    "from",
    "dla",
    "oraz",
    "jak",
    "czy",
    "przez",
    "nie",
    "sie",
    "aby",
    "dodac",
    "opcja",
    "mozliwosc",
];

/// `fresh` (the whole list in its new order) in the order of `previous` (the rows shown)
/// as far as it can be: the entries of `previous` still in `fresh` first, where they were,
/// even past `limit`, then the new ones in their fresh order while fewer than `limit` are
/// shown. A list refreshed while the member points at it or works in it keeps its rows in
/// place, and keeps them all (so a click lands on the row it aimed at, and the row just
/// voted on does not drop behind "Show more" because the list grew or re-ranked); the
/// fresh order is applied once the member is done.
pub fn keep_order<K: Eq + std::hash::Hash, V>(
    previous: &[K],
    fresh: Vec<(K, V)>,
    limit: usize,
) -> Vec<(K, V)> {
    let place: std::collections::HashMap<&K, usize> =
        previous.iter().enumerate().map(|(i, k)| (k, i)).collect();
    let (mut kept, new): (Vec<_>, Vec<_>) =
        fresh.into_iter().partition(|(k, _)| place.contains_key(k));
    kept.sort_by_key(|(k, _)| place.get(k).copied());
    let room = limit.saturating_sub(kept.len());
    kept.extend(new.into_iter().take(room));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::idea::Visibility;
    use crate::domain::ids::*;

    fn t(days: i64) -> Timestamp {
        Timestamp(20_500 * DAY_MS + days * DAY_MS)
    }

    fn idea(id: &str, title: &str, status: &str, created: i64) -> Idea {
        Idea {
            id: IdeaId::from(id),
            board_id: BoardId::from("b"),
            title: title.into(),
            description: String::new(),
            category_id: None,
            author: Actor::Member(MemberId::from("author")),
            created_at: t(created),
            status_id: StatusId::from(status),
            status_history: vec![],
            visibility: Visibility::Published,
            merged_into: None,
            shipped_in: None,
            version: 1,
        }
    }

    fn viewer(id: &str) -> Viewer {
        Viewer {
            actor: Actor::Member(MemberId::from(id)),
            role: crate::domain::member::Role::Member,
            device: DeviceId::from("d"),
        }
    }

    fn vote(idea: &str, who: &str, at: i64) -> Vote {
        Vote::new(
            &IdeaId::from(idea),
            &BoardId::from("b"),
            Actor::Member(MemberId::from(who)),
            t(at),
        )
    }

    fn board() -> Board {
        Board {
            id: BoardId::from("b"),
            slug: "b".into(),
            name: "Board".into(),
            description: String::new(),
            categories: vec![],
            statuses: Board::default_statuses(),
            settings: Default::default(),
            created_at: t(-100),
            version: 1,
        }
    }

    #[test]
    fn trending_prefers_recent_votes_over_old_ones() {
        let ideas = vec![
            idea("old", "Old favourite", "open", -60),
            idea("new", "Rising star", "open", -3),
        ];
        let mut votes: Vec<Vote> = (0..10)
            .map(|i| vote("old", &format!("m{i}"), -50))
            .collect();
        votes.extend((0..4).map(|i| vote("new", &format!("n{i}"), -1)));
        let index = BoardIndex::build(&board(), ideas, &votes, &[], t(0));
        let viewer = crate::domain::member::Viewer {
            actor: Actor::Member(MemberId::from("x")),
            role: crate::domain::member::Role::Member,
            device: DeviceId::from("d"),
        };
        let trending = index.select(&IdeaFilter::default(), Sort::Trending, &viewer);
        assert_eq!(index.ideas[trending[0]].id.as_str(), "new");
        let top = index.select(&IdeaFilter::default(), Sort::Top, &viewer);
        assert_eq!(index.ideas[top[0]].id.as_str(), "old");
        // 10 votes 50 days old weigh 10 × ½^(50/7) ≈ 0.071; 4 votes a day old ≈ 3.62.
        assert!(
            (index.stats(&IdeaId::from("old")).trending() - 10.0 * 0.5f64.powf(50.0 / 7.0)).abs()
                < 1e-9
        );
    }

    #[test]
    fn tallies_give_the_same_index_as_every_vote() {
        let ideas = || {
            vec![
                idea("a", "One", "open", -90),
                idea("b", "Two", "done", -40),
                idea("c", "Three", "open", -2),
            ]
        };
        let mut votes: Vec<Vote> = (0..40)
            .map(|i| vote(["a", "b", "c"][i % 3], &format!("m{i}"), -(i as i64 * 2)))
            .collect();
        votes.push(Vote::new(
            &IdeaId::from("a"),
            &BoardId::from("b"),
            Actor::Device(DeviceId::from("dev")),
            t(-1),
        ));
        votes.push(vote("a", "me", -5));
        votes.push(vote("b", "me", -30));
        let comments: Vec<Comment> = (0..7)
            .map(|i| Comment {
                id: CommentId::from(format!("c{i}").as_str()),
                idea_id: IdeaId::from(["a", "c"][i % 2]),
                board_id: BoardId::from("b"),
                author: Actor::Member(MemberId::from("x")),
                body: "hi".into(),
                created_at: t(-(i as i64) * 3),
                official: false,
                visibility: Visibility::Published,
                version: 1,
            })
            .collect();
        let now = t(0);
        let full = BoardIndex::build(&board(), ideas(), &votes, &comments, now);
        // What a server sums: counts and growth per idea.
        let mut tallies: HashMap<IdeaId, IdeaTally> = HashMap::new();
        for v in &votes {
            tallies.entry(v.idea_id.clone()).or_default().count_vote(
                v.voter.is_anonymous(),
                v.created_at,
                true,
            );
        }
        for c in &comments {
            let e = tallies.entry(c.idea_id.clone()).or_default();
            e.comments += 1;
            e.comment_growth += growth(c.created_at);
        }
        let me = viewer("me");
        let mine: Vec<Vote> = votes
            .iter()
            .filter(|v| v.voter == me.actor)
            .cloned()
            .collect();
        let mut lean = BoardIndex::from_tallies(&board(), ideas(), &tallies, &mine, now);
        for id in ["a", "b", "c"] {
            let (x, y) = (full.stats(&IdeaId::from(id)), lean.stats(&IdeaId::from(id)));
            assert_eq!(
                (x.member_votes, x.anonymous_votes, x.comments),
                (y.member_votes, y.anonymous_votes, y.comments)
            );
            assert!((x.weighted_votes - y.weighted_votes).abs() < 1e-9 * x.weighted_votes.max(1.0));
            assert!((x.weighted_comments - y.weighted_comments).abs() < 1e-9);
        }
        for sort in Sort::ALL {
            assert_eq!(
                full.select(&IdeaFilter::default(), sort, &me),
                lean.select(&IdeaFilter::default(), sort, &me)
            );
        }
        assert!(lean.has_voted(&me.actor, &IdeaId::from("a")));
        assert!(!lean.has_voted(&me.actor, &IdeaId::from("c")));
        assert_eq!(lean.open_votes_of(&me.actor), full.open_votes_of(&me.actor));
        // Unvoting and voting again on the lean index moves the count like the full one.
        let again = vote("a", "me", -5);
        lean.apply_vote(&again, false, now);
        assert_eq!(
            lean.stats(&IdeaId::from("a")).member_votes,
            x_votes(&full, "a") - 1
        );
        lean.apply_vote(&again, true, now);
        assert_eq!(
            lean.stats(&IdeaId::from("a")).member_votes,
            x_votes(&full, "a")
        );
    }

    fn x_votes(index: &BoardIndex, id: &str) -> u32 {
        index.stats(&IdeaId::from(id)).member_votes
    }

    #[test]
    fn refining_by_a_longer_query_equals_searching_again() {
        // The board page filters the previous result when the query only grew; that is
        // right only if a longer query never matches an idea the shorter one did not.
        let titles = [
            "Źródło zasilania",
            "Night mode 1",
            "night light",
            "Widget 99",
            "widget 9",
            "Sunrise harmonogram",
            "Ściemniacz",
            "Export CSV",
            "exports-daily",
            "a-b c",
        ];
        let ideas: Vec<Idea> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| idea(&format!("i{i}"), t, "open", -(i as i64)))
            .collect();
        let index = BoardIndex::build(&board(), ideas, &[], &[], t(0));
        let base = index.select(&IdeaFilter::default(), Sort::New, &viewer("x"));
        for typed in [
            "zrodlo z",
            "Night 1",
            "night  li",
            "widget 99",
            "ŚCIEM",
            "export-d",
            "a-b c",
            "sunrise harm",
        ] {
            let chars: Vec<char> = typed.chars().collect();
            let mut previous = base.clone();
            for n in 1..=chars.len() {
                let q: String = chars[..n].iter().collect();
                let refined = index.matching(&previous, &q);
                assert_eq!(refined, index.matching(&base, &q), "{q:?}");
                previous = refined;
            }
        }
    }

    #[test]
    fn search_ignores_case_and_diacritics() {
        let ideas = vec![
            idea("a", "Źródło zasilania", "open", -1),
            idea("b", "Dark mode", "open", -1),
        ];
        let index = BoardIndex::build(&board(), ideas, &[], &[], t(0));
        let filter = IdeaFilter {
            query: "zrodlo".into(),
            ..Default::default()
        };
        let hits = index.select(&filter, Sort::New, &viewer("x"));
        assert_eq!(hits.len(), 1);
        assert_eq!(index.ideas[hits[0]].id.as_str(), "a");
    }

    #[test]
    fn matching_refines_a_selection_in_order() {
        let ideas = vec![
            idea("a", "Źródło one", "open", -3),
            idea("b", "Other", "open", -2),
            idea("c", "zrodlo two", "open", -1),
        ];
        let index = BoardIndex::build(&board(), ideas, &[], &[], t(0));
        let base = index.select(&IdeaFilter::default(), Sort::New, &viewer("x"));
        assert_eq!(base, vec![2, 1, 0]);
        assert_eq!(index.matching(&base, "ZRÓDŁO"), vec![2, 0]);
        assert_eq!(index.matching(&base, " "), base);
    }

    #[test]
    fn my_votes_and_status_filters() {
        let ideas = vec![
            idea("a", "A idea", "open", -1),
            idea("b", "B idea", "done", -1),
        ];
        let votes = vec![vote("b", "me", -1)];
        let index = BoardIndex::build(&board(), ideas, &votes, &[], t(0));
        let me = viewer("me");
        let mine = index.select(
            &IdeaFilter {
                my_votes: true,
                ..Default::default()
            },
            Sort::Top,
            &me,
        );
        assert_eq!(mine, vec![1]);
        let done = index.select(
            &IdeaFilter {
                status: Some(StatusId::from("done")),
                ..Default::default()
            },
            Sort::Top,
            &me,
        );
        assert_eq!(done, vec![1]);
        // A vote on a closed idea does not use the budget.
        assert_eq!(index.open_votes_of(&me.actor), 0);
    }

    #[test]
    fn merged_and_held_ideas_are_listed_only_for_those_who_may_see_them() {
        let mut merged = idea("m", "Merged", "open", -1);
        merged.merged_into = Some(IdeaId::from("a"));
        let mut held = idea("h", "Held", "open", -1);
        held.visibility = Visibility::Pending(crate::domain::idea::HoldReason::BoardApproval);
        let ideas = vec![idea("a", "Kept", "open", -1), merged, held];
        let index = BoardIndex::build(&board(), ideas, &[], &[], t(0));
        let ids = |v: &Viewer| index.select(&IdeaFilter::default(), Sort::New, v).len();
        assert_eq!(ids(&viewer("x")), 1);
        assert_eq!(ids(&viewer("author")), 2, "authors see their held idea");
        let staff = Viewer {
            role: crate::domain::member::Role::Moderator,
            ..viewer("x")
        };
        assert_eq!(
            ids(&staff),
            2,
            "staff see held ideas, nobody lists merged ones"
        );
    }

    #[test]
    fn apply_vote_is_idempotent() {
        let ideas = vec![idea("a", "A idea", "open", -1)];
        let mut index = BoardIndex::build(&board(), ideas, &[], &[], t(0));
        let v = vote("a", "me", 0);
        index.apply_vote(&v, true, t(0));
        index.apply_vote(&v, true, t(0));
        assert_eq!(index.stats(&IdeaId::from("a")).votes(), 1);
        index.apply_vote(&v, false, t(0));
        index.apply_vote(&v, false, t(0));
        assert_eq!(index.stats(&IdeaId::from("a")).votes(), 0);
    }

    #[test]
    fn similar_titles_are_hinted() {
        let ideas = vec![
            idea("a", "Dark mode for the mobile app", "open", -1),
            idea("b", "Export energy usage to CSV", "open", -1),
            idea("c", "Tryb ciemny w aplikacji", "open", -1),
        ];
        let index = BoardIndex::build(&board(), ideas, &[], &[], t(0));
        let hits = index.similar("dark theme in mobile", 5);
        assert_eq!(hits, vec![0]);
        assert!(index.similar("the and for", 5).is_empty());
    }

    #[test]
    fn a_held_list_keeps_its_rows_and_adds_new_ones_after_them() {
        let previous = ["a", "b", "c", "d"];
        // Fresh order after a refresh: d rose to the top, b is gone, e is new.
        let fresh = vec![("d", 4), ("e", 1), ("a", 3), ("c", 2)];
        assert_eq!(
            keep_order(&previous, fresh.clone(), 4),
            vec![("a", 3), ("c", 2), ("d", 4), ("e", 1)]
        );
        // A page of three: the rows shown stay, new ones wait behind "Show more".
        assert_eq!(
            keep_order(&previous, fresh, 3),
            vec![("a", 3), ("c", 2), ("d", 4)]
        );
        assert_eq!(
            keep_order::<&str, u8>(&[], vec![("x", 1)], 20),
            vec![("x", 1)]
        );
        assert_eq!(keep_order(&["x"], Vec::<(&str, u8)>::new(), 20), vec![]);
    }

    #[test]
    fn a_held_list_does_not_drop_a_shown_row_past_the_page() {
        // Two shown (a page of two); a new idea "n" ranks first and "b", just voted
        // down, ranks last: the list held under the pointer still shows a and b.
        let fresh = vec![("n", 0), ("a", 1), ("b", 2)];
        assert_eq!(keep_order(&["a", "b"], fresh, 2), vec![("a", 1), ("b", 2)]);
    }
}
