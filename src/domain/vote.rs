//! Votes: one per voter per idea, whatever happens, because a vote's id is derived
//! from (idea, voter) and a second create of the same id is a conflict.

use crate::domain::board::{Board, Lane};
use crate::domain::error::DomainError;
use crate::domain::idea::Idea;
use crate::domain::ids::{BoardId, IdeaId, VoteId};
use crate::domain::member::{Actor, Viewer};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A vote for an idea.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vote {
    /// Derived id: see [`Vote::id_for`].
    pub id: VoteId,
    /// The idea.
    pub idea_id: IdeaId,
    /// The idea's board (for budgets and per-board queries).
    pub board_id: BoardId,
    /// Who voted.
    pub voter: Actor,
    /// When.
    pub created_at: Timestamp,
    /// Optimistic-concurrency version (set by the store).
    #[serde(default)]
    pub version: u64,
}

impl Vote {
    /// The id of `voter`'s vote on `idea`: the same inputs always give the same id.
    ///
    /// ```
    /// use gromada::domain::{vote::Vote, member::Actor, ids::*};
    /// let id = Vote::id_for(&IdeaId::from("i1"), &Actor::Member(MemberId::from("m1")));
    /// assert_eq!(id.as_str(), "vote:i1:m:m1");
    /// ```
    pub fn id_for(idea: &IdeaId, voter: &Actor) -> VoteId {
        VoteId(format!("vote:{idea}:{}", voter.key()))
    }

    /// A new vote of `voter` on `idea` at `now`.
    pub fn new(idea: &IdeaId, board: &BoardId, voter: Actor, now: Timestamp) -> Self {
        Self {
            id: Self::id_for(idea, &voter),
            idea_id: idea.clone(),
            board_id: board.clone(),
            voter,
            created_at: now,
            version: 0,
        }
    }
}

/// Whether `viewer` may vote for (or withdraw a vote from) `idea` in `lane`, given the
/// votes they already have on open ideas of the board (`open_votes`, for budgets).
///
/// Closed, merged and unpublished ideas take no votes; anonymous votes need the board's
/// permission; a budget limits adding votes, never removing them.
pub fn check_vote(
    board: &Board,
    idea: &Idea,
    lane: Lane,
    viewer: &Viewer,
    adding: bool,
    open_votes: u32,
) -> Result<(), DomainError> {
    if lane == Lane::Closed || idea.merged_into.is_some() || !idea.visibility.is_published() {
        return Err(DomainError::VotingClosed);
    }
    if viewer.actor.is_anonymous() && !board.settings.anonymous_votes {
        return Err(DomainError::SignInRequired);
    }
    if let (true, Some(budget)) = (adding, board.settings.vote_budget) {
        if open_votes >= budget {
            return Err(DomainError::BudgetExhausted { budget });
        }
    }
    Ok(())
}

/// What to write when a device that voted anonymously signs in as `member`: each device
/// vote becomes the member's vote (unless the member already voted for that idea), and
/// the device votes are removed. Returns (votes to create, vote ids to delete).
pub fn claim_device_votes(
    device_votes: &[Vote],
    member: &crate::domain::ids::MemberId,
    member_votes: &[Vote],
) -> (Vec<Vote>, Vec<VoteId>) {
    let member_actor = Actor::Member(member.clone());
    let voted: std::collections::HashSet<&IdeaId> = member_votes
        .iter()
        .filter(|v| v.voter == member_actor)
        .map(|v| &v.idea_id)
        .collect();
    let mut create = Vec::new();
    let mut delete = Vec::new();
    for v in device_votes.iter().filter(|v| v.voter.is_anonymous()) {
        if !voted.contains(&v.idea_id) {
            create.push(Vote::new(
                &v.idea_id,
                &v.board_id,
                member_actor.clone(),
                v.created_at,
            ));
        }
        delete.push(v.id.clone());
    }
    (create, delete)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::board::BoardSettings;
    use crate::domain::idea::Visibility;
    use crate::domain::ids::*;
    use crate::domain::time::Timestamp;

    fn board(settings: BoardSettings) -> Board {
        Board {
            id: BoardId::from("b"),
            slug: "b".into(),
            name: "B".into(),
            description: String::new(),
            categories: vec![],
            statuses: Board::default_statuses(),
            settings,
            created_at: Timestamp(0),
            version: 1,
        }
    }

    fn idea() -> Idea {
        Idea {
            id: IdeaId::from("i"),
            board_id: BoardId::from("b"),
            title: "Idea".into(),
            description: String::new(),
            category_id: None,
            author: Actor::Member(MemberId::from("a")),
            created_at: Timestamp(0),
            status_id: StatusId::from("open"),
            status_history: vec![],
            visibility: Visibility::Published,
            merged_into: None,
            shipped_in: None,
            version: 1,
        }
    }

    fn member() -> Viewer {
        Viewer {
            actor: Actor::Member(MemberId::from("m")),
            role: crate::domain::member::Role::Member,
            device: DeviceId::from("d"),
        }
    }

    #[test]
    fn closed_and_merged_ideas_take_no_votes() {
        let b = board(BoardSettings::default());
        assert_eq!(
            check_vote(&b, &idea(), Lane::Closed, &member(), true, 0),
            Err(DomainError::VotingClosed)
        );
        let merged = Idea {
            merged_into: Some(IdeaId::from("x")),
            ..idea()
        };
        assert_eq!(
            check_vote(&b, &merged, Lane::Open, &member(), true, 0),
            Err(DomainError::VotingClosed)
        );
        assert_eq!(
            check_vote(&b, &idea(), Lane::Active, &member(), true, 0),
            Ok(())
        );
    }

    #[test]
    fn anonymous_votes_need_the_board_setting() {
        let anon = Viewer::anonymous(DeviceId::from("d"));
        let closed = board(BoardSettings {
            anonymous_votes: false,
            ..Default::default()
        });
        assert_eq!(
            check_vote(&closed, &idea(), Lane::Open, &anon, true, 0),
            Err(DomainError::SignInRequired)
        );
        let open = board(BoardSettings {
            anonymous_votes: true,
            ..Default::default()
        });
        assert_eq!(
            check_vote(&open, &idea(), Lane::Open, &anon, true, 0),
            Ok(())
        );
    }

    #[test]
    fn device_votes_become_the_members_without_duplicates() {
        let device = Actor::Device(DeviceId::from("d1"));
        let dv = |i: &str| {
            Vote::new(
                &IdeaId::from(i),
                &BoardId::from("b"),
                device.clone(),
                Timestamp(1),
            )
        };
        let mv = Vote::new(
            &IdeaId::from("i2"),
            &BoardId::from("b"),
            Actor::Member(MemberId::from("m")),
            Timestamp(2),
        );
        let (create, delete) =
            claim_device_votes(&[dv("i1"), dv("i2")], &MemberId::from("m"), &[mv]);
        assert_eq!(create.len(), 1);
        assert_eq!(create[0].idea_id.as_str(), "i1");
        assert_eq!(create[0].voter, Actor::Member(MemberId::from("m")));
        assert_eq!(delete.len(), 2);
    }

    #[test]
    fn budget_limits_adding_not_removing() {
        let b = board(BoardSettings {
            vote_budget: Some(3),
            ..Default::default()
        });
        assert_eq!(
            check_vote(&b, &idea(), Lane::Open, &member(), true, 2),
            Ok(())
        );
        assert_eq!(
            check_vote(&b, &idea(), Lane::Open, &member(), true, 3),
            Err(DomainError::BudgetExhausted { budget: 3 })
        );
        assert_eq!(
            check_vote(&b, &idea(), Lane::Open, &member(), false, 3),
            Ok(())
        );
    }
}
