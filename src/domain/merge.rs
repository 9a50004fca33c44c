//! Merging duplicate ideas: A's votes move to B without counting anyone twice, A keeps
//! its comments and points to B, and A can no longer be voted on.

use crate::domain::error::DomainError;
use crate::domain::idea::Idea;
use crate::domain::ids::VoteId;
use crate::domain::member::{Actor, Viewer};
use crate::domain::permissions::{require, Action};
use crate::domain::time::Timestamp;
use crate::domain::vote::Vote;
use std::collections::HashSet;

/// What merging A into B writes.
#[derive(Clone, Debug, PartialEq)]
pub struct MergePlan {
    /// A, marked as merged into B.
    pub from: Idea,
    /// Votes to create on B (voters of A who had not voted for B).
    pub new_votes: Vec<Vote>,
    /// A's votes to delete.
    pub removed_votes: Vec<VoteId>,
}

/// Plans merging `from` (A) into `into` (B), given each one's votes.
pub fn plan(
    from: &Idea,
    into: &Idea,
    votes_from: &[Vote],
    votes_into: &[Vote],
    viewer: &Viewer,
    now: Timestamp,
) -> Result<MergePlan, DomainError> {
    require(viewer.role, Action::Merge)?;
    if from.id == into.id {
        return Err(DomainError::Invalid(vec![
            crate::domain::error::FieldError::new(
                "target",
                crate::domain::error::Problem::Invalid {
                    expected: "another idea".into(),
                },
            ),
        ]));
    }
    if from.board_id != into.board_id {
        return Err(DomainError::Invalid(vec![
            crate::domain::error::FieldError::new(
                "target",
                crate::domain::error::Problem::Invalid {
                    expected: "an idea on the same board".into(),
                },
            ),
        ]));
    }
    if from.merged_into.is_some() || into.merged_into.is_some() {
        return Err(DomainError::VotingClosed);
    }
    let already: HashSet<&Actor> = votes_into.iter().map(|v| &v.voter).collect();
    let new_votes = votes_from
        .iter()
        .filter(|v| v.idea_id == from.id && !already.contains(&v.voter))
        .map(|v| {
            Vote::new(
                &into.id,
                &into.board_id,
                v.voter.clone(),
                v.created_at.min(now),
            )
        })
        .collect();
    let removed_votes = votes_from
        .iter()
        .filter(|v| v.idea_id == from.id)
        .map(|v| v.id.clone())
        .collect();
    let mut merged = from.clone();
    merged.merged_into = Some(into.id.clone());
    Ok(MergePlan {
        from: merged,
        new_votes,
        removed_votes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::idea::Visibility;
    use crate::domain::ids::*;
    use crate::domain::member::Role;

    fn idea(id: &str) -> Idea {
        Idea {
            id: IdeaId::from(id),
            board_id: BoardId::from("b"),
            title: id.into(),
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

    fn vote(idea: &str, who: &str) -> Vote {
        Vote::new(
            &IdeaId::from(idea),
            &BoardId::from("b"),
            Actor::Member(MemberId::from(who)),
            Timestamp(3),
        )
    }

    fn admin() -> Viewer {
        Viewer {
            actor: Actor::Member(MemberId::from("boss")),
            role: Role::Moderator,
            device: DeviceId::from("d"),
        }
    }

    #[test]
    fn votes_move_without_double_counting() {
        let (a, b) = (idea("a"), idea("b"));
        let votes_a = vec![vote("a", "m1"), vote("a", "m2"), vote("a", "m3")];
        let votes_b = vec![vote("b", "m2"), vote("b", "m9")];
        let plan = plan(&a, &b, &votes_a, &votes_b, &admin(), Timestamp(10)).unwrap();
        let movers: Vec<_> = plan.new_votes.iter().map(|v| v.voter.key()).collect();
        assert_eq!(movers, ["m:m1", "m:m3"]);
        assert!(plan
            .new_votes
            .iter()
            .all(|v| v.idea_id.as_str() == "b" && v.id == Vote::id_for(&v.idea_id, &v.voter)));
        assert_eq!(plan.removed_votes.len(), 3);
        assert_eq!(
            plan.from.merged_into.as_ref().map(|i| i.as_str()),
            Some("b")
        );
        // B ends with m2, m9 + m1, m3: four distinct voters, m2 counted once.
        assert_eq!(votes_b.len() + plan.new_votes.len(), 4);
    }

    #[test]
    fn refuses_self_other_boards_chains_and_members() {
        let (a, b) = (idea("a"), idea("b"));
        assert!(plan(&a, &a, &[], &[], &admin(), Timestamp(0)).is_err());
        let other = Idea {
            board_id: BoardId::from("x"),
            ..idea("c")
        };
        assert!(plan(&a, &other, &[], &[], &admin(), Timestamp(0)).is_err());
        let merged = Idea {
            merged_into: Some(IdeaId::from("z")),
            ..idea("b")
        };
        assert_eq!(
            plan(&a, &merged, &[], &[], &admin(), Timestamp(0)),
            Err(DomainError::VotingClosed)
        );
        let member = Viewer {
            role: Role::Member,
            ..admin()
        };
        assert!(matches!(
            plan(&a, &b, &[], &[], &member, Timestamp(0)),
            Err(DomainError::Forbidden { .. })
        ));
    }
}
