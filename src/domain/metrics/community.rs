//! Gromada's own activity as engine input: members become activity members (moderators
//! and admins are staff), and ideas, votes, comments and identified survey responses
//! become events next to the stored forum events, so the dashboard needs no import to
//! show the community it runs.
//!
//! Anonymous votes and anonymous survey answers belong to no member, so they count
//! in no member metric (they are reported as `anonymous` instead of vanishing).

use crate::domain::activity::{ActivityMember, ActivityRole, Event, EventKind};
use crate::domain::board::Board;
use crate::domain::comment::Comment;
use crate::domain::idea::Idea;
use crate::domain::ids::EventId;
use crate::domain::member::{Member, Role};
use crate::domain::survey::{wave_results, QuestionKind, Response, Survey, Tone};
use crate::domain::time::{Day, Timestamp};
use crate::domain::vote::Vote;

/// The community's stored data, borrowed.
#[derive(Clone, Copy, Debug, Default)]
pub struct CommunityData<'a> {
    /// Members and staff.
    pub members: &'a [Member],
    /// Ideas.
    pub ideas: &'a [Idea],
    /// Votes.
    pub votes: &'a [Vote],
    /// Comments.
    pub comments: &'a [Comment],
    /// Survey responses.
    pub responses: &'a [Response],
    /// Stored activity events (forum posts, imported history).
    pub events: &'a [Event],
}

/// The engine's input built from the community.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommunityActivity {
    /// Everyone, with activity roles.
    pub members: Vec<ActivityMember>,
    /// Every event, in time order.
    pub events: Vec<Event>,
    /// Votes and answers left without a member (anonymous), not counted.
    pub anonymous: u32,
}

fn role(role: Role) -> ActivityRole {
    match role {
        Role::Member => ActivityRole::Member,
        Role::Moderator | Role::Admin => ActivityRole::Staff,
    }
}

/// Converts the community's data into engine input.
pub fn community_activity(data: CommunityData<'_>) -> CommunityActivity {
    let members = data
        .members
        .iter()
        .map(|m| ActivityMember {
            id: m.id.clone(),
            name: m.name.clone(),
            role: role(m.role),
            joined_at: m.joined_at,
            left_at: m.left_at,
        })
        .collect();
    let mut anonymous = 0;
    let mut events: Vec<Event> = data.events.to_vec();
    let mut push = |id: String,
                    member: Option<&crate::domain::ids::MemberId>,
                    kind,
                    channel: &str,
                    at,
                    parent: Option<String>,
                    text: &str| {
        let Some(member) = member else {
            anonymous += 1;
            return;
        };
        events.push(Event {
            id: EventId::from(id.as_str()),
            member_id: member.clone(),
            kind,
            channel: channel.to_owned(),
            created_at: at,
            parent_id: parent.map(|p| EventId::from(p.as_str())),
            text: text.to_owned(),
            version: 0,
        });
    };
    for idea in data.ideas.iter().filter(|i| i.visibility.is_published()) {
        let text = format!("{}\n{}", idea.title, idea.description);
        push(
            idea.id.to_string(),
            idea.author.member(),
            EventKind::Idea,
            idea.board_id.as_str(),
            idea.created_at,
            None,
            &text,
        );
    }
    for vote in data.votes {
        push(
            vote.id.to_string(),
            vote.voter.member(),
            EventKind::Vote,
            vote.board_id.as_str(),
            vote.created_at,
            Some(vote.idea_id.to_string()),
            "",
        );
    }
    for comment in data.comments.iter().filter(|c| c.visibility.is_published()) {
        push(
            comment.id.to_string(),
            comment.author.member(),
            EventKind::Comment,
            comment.board_id.as_str(),
            comment.created_at,
            Some(comment.idea_id.to_string()),
            &comment.body,
        );
    }
    for response in data.responses {
        push(
            response.id.to_string(),
            response.respondent.as_ref(),
            EventKind::SurveyResponse,
            "surveys",
            response.submitted_at,
            None,
            "",
        );
    }
    events.sort_by_key(|e| e.created_at);
    CommunityActivity {
        members,
        events,
        anonymous,
    }
}

/// Ideas moved from a status off the roadmap into one on it (Planned, In progress …)
/// between `from` and `to` (inclusive days), counted once per idea.
pub fn ideas_into_roadmap(ideas: &[Idea], boards: &[Board], from: Day, to: Day) -> u32 {
    let on_roadmap = |board: &crate::domain::ids::BoardId,
                      status: &crate::domain::ids::StatusId| {
        boards
            .iter()
            .find(|b| &b.id == board)
            .and_then(|b| b.statuses.iter().find(|s| &s.id == status))
            .is_some_and(|s| s.roadmap)
    };
    ideas
        .iter()
        .filter(|idea| {
            idea.status_history.iter().any(|change| {
                (from.0..=to.0).contains(&change.at.day())
                    && on_roadmap(&idea.board_id, &change.to)
                    && !on_roadmap(&idea.board_id, &change.from)
            })
        })
        .count() as u32
}

/// The newest survey wave, closed by `now`, whose NPS can be shown (at least the
/// survey's anonymity threshold of responses): (survey title, wave, NPS).
pub fn latest_nps(
    surveys: &[Survey],
    responses: &[Response],
    now: Timestamp,
) -> Option<(String, u32, f64)> {
    let mut best: Option<(Timestamp, String, u32, f64)> = None;
    for survey in surveys {
        let Some(question) = survey
            .questions
            .iter()
            .find(|q| matches!(q.kind, QuestionKind::Nps))
        else {
            continue;
        };
        let Some((current, _)) = survey.schedule.wave_at(now) else {
            continue;
        };
        for wave in (0..=current).rev() {
            let Some(end) = survey.schedule.wave_end(wave).filter(|end| *end <= now) else {
                continue;
            };
            let results = wave_results(survey, wave, responses, None, false, &|_| Tone::Neutral);
            let nps = results
                .questions
                .iter()
                .find(|r| r.question == question.id)
                .and_then(|r| r.nps());
            if let Some((_, _, _, score)) = nps {
                if best.as_ref().is_none_or(|b| end > b.0) {
                    best = Some((end, survey.title.clone(), wave, score));
                }
                break;
            }
        }
    }
    best.map(|(_, title, wave, score)| (title, wave, score))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::demo;
    use crate::domain::metrics::{Engine, EngineOptions};

    #[test]
    fn roadmap_entries_and_the_latest_nps_come_from_the_demo() {
        let now = Timestamp::parse("2026-11-24T12:00:00Z").unwrap();
        let d = demo::generate(now, 7);
        let all = ideas_into_roadmap(&d.ideas, &d.boards, Day(0), Day(now.day()));
        assert!(all > 0, "demo ideas were planned");
        assert_eq!(ideas_into_roadmap(&d.ideas, &d.boards, Day(0), Day(1)), 0);
        let (title, _wave, nps) =
            latest_nps(&d.surveys, &d.responses, now).expect("the demo pulse has NPS");
        assert!(!title.is_empty());
        assert!((-100.0..=100.0).contains(&nps));
    }

    #[test]
    fn the_demo_community_feeds_the_engine_with_staff_answers_and_anonymous_left_out() {
        let now = Timestamp::parse("2026-11-24T12:00:00Z").unwrap();
        let d = demo::generate(now, 7);
        let a = community_activity(CommunityData {
            members: &d.members,
            ideas: &d.ideas,
            votes: &d.votes,
            comments: &d.comments,
            responses: &d.responses,
            events: &d.events,
        });
        assert_eq!(a.members.len(), d.members.len());
        let staff = a
            .members
            .iter()
            .filter(|m| m.role == ActivityRole::Staff)
            .count();
        assert!(staff >= 2, "the demo moderator and admin are staff");
        let kinds = |k| a.events.iter().filter(|e| e.kind == k).count();
        let identified_votes = d
            .votes
            .iter()
            .filter(|v| v.voter.member().is_some())
            .count();
        assert_eq!(kinds(EventKind::Vote), identified_votes);
        assert_eq!(
            kinds(EventKind::Idea),
            d.ideas
                .iter()
                .filter(|i| i.visibility.is_published())
                .count()
        );
        let anonymous_answers = d
            .responses
            .iter()
            .filter(|r| r.respondent.is_none())
            .count();
        assert_eq!(
            a.anonymous as usize,
            (d.votes.len() - identified_votes)
                + anonymous_answers
                + d.ideas
                    .iter()
                    .filter(|i| i.visibility.is_published() && i.author.member().is_none())
                    .count()
                + d.comments
                    .iter()
                    .filter(|c| c.visibility.is_published() && c.author.member().is_none())
                    .count()
        );
        assert!(a
            .events
            .windows(2)
            .all(|w| w[0].created_at <= w[1].created_at));
        let m = Engine::of_events(&a.members, EngineOptions::default(), &a.events);
        let (first, last) = m.activity_span().expect("the demo has activity");
        assert!(last.0 - first.0 >= 80, "about 90 days of activity");
        let rows = m.daily(last, last);
        assert!(rows[0].mau > 0 && rows[0].members > 0);
        assert!(
            m.first_response_over(first, last).0.is_some(),
            "staff answer in the demo"
        );
    }
}
