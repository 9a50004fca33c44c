//! Per-idea counts a server sums for a whole board ([`BoardTallies`]), so a board with
//! hundreds of thousands of votes lists without transferring them: the counts, plus the
//! votes of the one voter who is looking (for "you voted", budgets and "my votes").

use crate::domain::ranking::IdeaTally;
use crate::domain::time::Timestamp;
use serde_json::Value;
use std::collections::BTreeMap;

/// A board's tallies as a store answers them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardTallies {
    /// Counts per idea id (ideas without votes or comments may be missing).
    pub ideas: BTreeMap<String, IdeaTally>,
    /// The asking voter's votes on the board, as stored documents.
    pub own_votes: Vec<Value>,
}

impl BoardTallies {
    /// Counts the voter's vote `doc` in: added to `own_votes` and to its idea's tally,
    /// unless a vote with its id is already there (so applying it twice changes nothing).
    pub fn add_own_vote(&mut self, doc: Value) {
        let Some(id) = doc.get("id").and_then(Value::as_str) else {
            return;
        };
        if self.own_votes.iter().any(|v| same_id(v, id)) {
            return;
        }
        if let Some((idea, anonymous, at)) = vote_parts(&doc) {
            self.ideas
                .entry(idea)
                .or_default()
                .count_vote(anonymous, at, true);
        }
        self.own_votes.push(doc);
    }

    /// Counts the voter's vote with id `id` out, if it is among `own_votes`.
    pub fn remove_own_vote(&mut self, id: &str) {
        let Some(i) = self.own_votes.iter().position(|v| same_id(v, id)) else {
            return;
        };
        let doc = self.own_votes.remove(i);
        if let Some((idea, anonymous, at)) = vote_parts(&doc) {
            if let Some(t) = self.ideas.get_mut(&idea) {
                t.count_vote(anonymous, at, false);
            }
        }
    }
}

fn same_id(doc: &Value, id: &str) -> bool {
    doc.get("id").and_then(Value::as_str) == Some(id)
}

/// (idea, anonymous, time) of a vote document.
fn vote_parts(doc: &Value) -> Option<(String, bool, Timestamp)> {
    let idea = doc.get("idea_id")?.as_str()?.to_owned();
    let anonymous = doc.get("voter")?.as_str()?.starts_with("d:");
    let at = Timestamp::parse(doc.get("created_at")?.as_str()?).ok()?;
    Some((idea, anonymous, at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn vote(idea: &str, voter: &str) -> Value {
        json!({"id": format!("vote:{idea}:{voter}"), "idea_id": idea, "board_id": "b",
               "voter": voter, "created_at": "2026-11-30T10:00:00Z", "version": 1})
    }

    #[test]
    fn own_votes_are_counted_once_in_and_out() {
        let mut t = BoardTallies::default();
        t.add_own_vote(vote("i1", "m:me"));
        t.add_own_vote(vote("i1", "m:me"));
        t.add_own_vote(vote("i2", "d:dev"));
        assert_eq!(t.ideas["i1"].member_votes, 1);
        assert_eq!(t.ideas["i2"].anonymous_votes, 1);
        assert!(t.ideas["i1"].vote_growth > 0.0);
        t.remove_own_vote("vote:i1:m:me");
        t.remove_own_vote("vote:i1:m:me");
        assert_eq!(t.ideas["i1"].member_votes, 0);
        assert_eq!(t.ideas["i1"].vote_growth, 0.0);
        assert_eq!(t.own_votes.len(), 1);
    }
}
