//! The metrics engine on small hand-computed cases: window edges, time zones, members
//! who left, roles, first response and its quantiles, unanswered roots, churn,
//! retention, sentiment, channels, chunked input.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use gromada::domain::activity::{ActivityMember, ActivityRole, Event, EventKind};
use gromada::domain::ids::{EventId, MemberId};
use gromada::domain::metrics::{DailyRow, Engine, EngineOptions, Finish, Metrics};
use gromada::domain::time::{Day, Timestamp};

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn member(id: &str, role: ActivityRole, joined: &str, left: Option<&str>) -> ActivityMember {
    ActivityMember {
        id: MemberId::from(id),
        name: id.to_uppercase(),
        role,
        joined_at: Timestamp::parse(joined).unwrap(),
        left_at: left.map(|l| Timestamp::parse(l).unwrap()),
    }
}

fn ev(id: &str, who: &str, kind: EventKind, at: &str, parent: Option<&str>) -> Event {
    Event {
        id: EventId::from(id),
        member_id: MemberId::from(who),
        kind,
        channel: "general".into(),
        created_at: Timestamp::parse(at).unwrap(),
        parent_id: parent.map(EventId::from),
        text: String::new(),
        version: 0,
    }
}

fn community() -> Vec<ActivityMember> {
    vec![
        member("a", ActivityRole::Member, "2024-12-01T00:00:00Z", None),
        member("b", ActivityRole::Member, "2024-12-01T00:00:00Z", None),
        member(
            "c",
            ActivityRole::Member,
            "2025-01-10T12:00:00Z",
            Some("2025-01-20T08:00:00Z"),
        ),
        member("s", ActivityRole::Staff, "2024-01-01T00:00:00Z", None),
        member("bot", ActivityRole::Bot, "2024-01-01T00:00:00Z", None),
    ]
}

fn run(members: &[ActivityMember], events: &[Event]) -> Metrics {
    Engine::of_events(members, EngineOptions::default(), events)
}

fn row<'a>(rows: &'a [DailyRow], date: &str) -> &'a DailyRow {
    rows.iter().find(|r| r.date == day(date)).unwrap()
}

#[test]
fn windows_include_their_first_and_last_day_and_look_back_before_from() {
    let events = [ev("1", "a", EventKind::Vote, "2025-01-01T12:00:00Z", None)];
    let m = run(&community(), &events);
    let rows = m.daily(day("2025-01-01"), day("2025-02-01"));
    let dwm = |d: &str| {
        let r = row(&rows, d);
        (r.dau, r.wau, r.mau)
    };
    assert_eq!(dwm("2025-01-01"), (1, 1, 1));
    assert_eq!(dwm("2025-01-02"), (0, 1, 1));
    assert_eq!(dwm("2025-01-07"), (0, 1, 1)); // d−6 = 01-01
    assert_eq!(dwm("2025-01-08"), (0, 0, 1));
    assert_eq!(dwm("2025-01-28"), (0, 0, 1)); // d−27 = 01-01
    assert_eq!(dwm("2025-01-29"), (0, 0, 0));
    // A range starting later still sees activity before it.
    let later = m.daily(day("2025-01-20"), day("2025-01-20"));
    assert_eq!((later[0].dau, later[0].wau, later[0].mau), (0, 0, 1));
    assert_eq!(later.len(), 1);
    assert!(m.daily(day("2025-01-02"), day("2025-01-01")).is_empty());
}

#[test]
fn days_are_utc_whatever_offset_the_input_uses() {
    let events = [
        // 23:30 at −02:00 is 01:30 UTC the next day.
        ev("1", "a", EventKind::Post, "2025-01-01T23:30:00-02:00", None),
        // 00:30 at +01:00 is 23:30 UTC the day before.
        ev("2", "b", EventKind::Post, "2025-01-02T00:30:00+01:00", None),
    ];
    let rows = run(&community(), &events).daily(day("2025-01-01"), day("2025-01-02"));
    assert_eq!((rows[0].dau, rows[0].ugc), (1, 1));
    assert_eq!((rows[1].dau, rows[1].ugc), (1, 1));
    assert_eq!(rows[1].wau, 2);
}

#[test]
fn members_count_from_join_day_until_the_day_they_leave() {
    let rows = run(&community(), &[]).daily(day("2025-01-09"), day("2025-01-21"));
    assert_eq!(row(&rows, "2025-01-09").members, 2);
    assert_eq!(row(&rows, "2025-01-10").members, 3); // c joined at noon: the whole day
    assert_eq!(row(&rows, "2025-01-19").members, 3);
    assert_eq!(row(&rows, "2025-01-20").members, 2); // c left that day
                                                     // Staff and bots are never members; no activity: rates are 0, not NaN.
    assert_eq!(row(&rows, "2025-01-21").engagement_rate, 0.0);
    assert_eq!(row(&rows, "2025-01-21").stickiness, 0.0);
    let nobody = run(&[], &[]).daily(day("2025-01-01"), day("2025-01-01"));
    assert_eq!((nobody[0].members, nobody[0].engagement_rate), (0, 0.0));
}

#[test]
fn a_member_who_left_still_counts_as_active_when_they_act() {
    let events = [ev(
        "1",
        "c",
        EventKind::Comment,
        "2025-01-25T10:00:00Z",
        Some("x"),
    )];
    let rows = run(&community(), &events).daily(day("2025-01-25"), day("2025-01-25"));
    assert_eq!((rows[0].dau, rows[0].members, rows[0].ugc), (1, 2, 1));
    assert_eq!(rows[0].engagement_rate, 0.5);
}

#[test]
fn only_members_count_for_activity_and_ugc_and_bots_never() {
    let t = "2025-01-05T10:00:00Z";
    let events = [
        ev("1", "a", EventKind::Post, t, None),
        ev("2", "a", EventKind::Reaction, t, Some("1")),
        ev("3", "b", EventKind::Idea, t, None),
        ev("4", "b", EventKind::Vote, t, Some("3")),
        ev("5", "b", EventKind::SurveyResponse, t, None),
        ev("6", "a", EventKind::Comment, t, Some("3")),
        ev("7", "s", EventKind::Post, t, None),
        ev("8", "bot", EventKind::Post, t, None),
        ev("9", "ghost", EventKind::Post, t, None),
    ];
    let m = run(&community(), &events);
    let rows = m.daily(day("2025-01-05"), day("2025-01-05"));
    // a and b; UGC = post 1, idea 3, comment 6.
    assert_eq!((rows[0].dau, rows[0].ugc), (2, 3));
    // members on 01-05: a and b → engagement 2/2; stickiness 2/2.
    assert_eq!((rows[0].engagement_rate, rows[0].stickiness), (1.0, 1.0));
    assert_eq!(m.counts().unknown_member, 1);
    assert_eq!(m.counts().unknown_member_examples, vec!["ghost".to_owned()]);
    assert_eq!(m.counts().by_bots, 1);
    let kinds = m.kinds(day("2025-01-05"), day("2025-01-05"));
    assert_eq!((kinds[0].post, kinds[0].idea, kinds[0].comment), (1, 1, 1));
    assert_eq!(
        (kinds[0].reaction, kinds[0].vote, kinds[0].survey_response),
        (1, 1, 1)
    );
}

#[test]
fn first_response_is_the_earliest_later_staff_comment_per_root_day() {
    let events = [
        // Four roots on 01-06 answered after 60, 120, 180 and 600 s.
        ev("r1", "a", EventKind::Post, "2025-01-06T10:00:00Z", None),
        ev(
            "c1",
            "s",
            EventKind::Comment,
            "2025-01-06T10:01:00Z",
            Some("r1"),
        ),
        ev(
            "c1b",
            "s",
            EventKind::Comment,
            "2025-01-06T09:00:00Z",
            Some("r1"),
        ), // before: ignored
        ev(
            "c1c",
            "s",
            EventKind::Comment,
            "2025-01-06T12:00:00Z",
            Some("r1"),
        ), // later: not first
        ev(
            "r2",
            "b",
            EventKind::Idea,
            "2025-01-06T11:00:00+01:00",
            None,
        ), // 10:00 UTC
        ev(
            "c2",
            "s",
            EventKind::Comment,
            "2025-01-06T10:02:00Z",
            Some("r2"),
        ),
        ev("r3", "a", EventKind::Post, "2025-01-06T23:59:00Z", None),
        ev(
            "c3",
            "s",
            EventKind::Comment,
            "2025-01-07T00:02:00Z",
            Some("r3"),
        ), // next day
        ev("r4", "b", EventKind::Post, "2025-01-06T08:00:00Z", None),
        ev(
            "c4",
            "s",
            EventKind::Comment,
            "2025-01-06T08:10:00Z",
            Some("r4"),
        ),
        // Unanswered on 01-06: only a member's, a bot's, a simultaneous and an earlier
        // staff comment; a staff reaction is not a comment.
        ev("u1", "a", EventKind::Post, "2025-01-06T13:00:00Z", None),
        ev(
            "m1",
            "b",
            EventKind::Comment,
            "2025-01-06T13:05:00Z",
            Some("u1"),
        ),
        ev(
            "x1",
            "bot",
            EventKind::Comment,
            "2025-01-06T13:06:00Z",
            Some("u1"),
        ),
        ev("u2", "a", EventKind::Post, "2025-01-06T14:00:00Z", None),
        ev(
            "x2",
            "s",
            EventKind::Comment,
            "2025-01-06T14:00:00Z",
            Some("u2"),
        ),
        ev(
            "x3",
            "s",
            EventKind::Comment,
            "2025-01-06T13:59:59Z",
            Some("u2"),
        ),
        ev(
            "x4",
            "s",
            EventKind::Reaction,
            "2025-01-06T14:05:00Z",
            Some("u2"),
        ),
        // Staff posts are not roots; a reply to a comment is not a root's answer.
        ev("sp", "s", EventKind::Post, "2025-01-06T15:00:00Z", None),
        ev(
            "sc",
            "s",
            EventKind::Comment,
            "2025-01-06T15:01:00Z",
            Some("sp"),
        ),
    ];
    let rows = run(&community(), &events).daily(day("2025-01-06"), day("2025-01-07"));
    let r = &rows[0];
    assert_eq!(r.unanswered, 2);
    assert_eq!(r.first_response_median_s, Some(150.0));
    // pos = 3 × 0.9 = 2.7 between 180 and 600: 180 + 0.7 × 420 = 474.
    let p90 = r.first_response_p90_s.unwrap();
    assert!((p90 - 474.0).abs() < 1e-9, "{p90}");
    // Nothing was posted on 01-07: no quantiles, nothing unanswered.
    assert_eq!(rows[1].first_response_median_s, None);
    assert_eq!(rows[1].first_response_p90_s, None);
    assert_eq!(rows[1].unanswered, 0);
}

#[test]
fn milliseconds_make_fractional_response_times() {
    let events = [
        ev("r", "a", EventKind::Post, "2025-01-06T10:00:00.250Z", None),
        ev(
            "c",
            "s",
            EventKind::Comment,
            "2025-01-06T10:00:01.000Z",
            Some("r"),
        ),
    ];
    let rows = run(&community(), &events).daily(day("2025-01-06"), day("2025-01-06"));
    assert_eq!(rows[0].first_response_median_s, Some(0.75));
}

#[test]
fn engagement_and_stickiness_are_exact_ratios() {
    // On 01-12: a active on 01-12, b on 01-01 (within 28 days), c not.
    let events = [
        ev("1", "a", EventKind::Vote, "2025-01-12T10:00:00Z", None),
        ev("2", "b", EventKind::Vote, "2025-01-01T10:00:00Z", None),
    ];
    let rows = run(&community(), &events).daily(day("2025-01-12"), day("2025-01-12"));
    let r = &rows[0];
    assert_eq!((r.dau, r.wau, r.mau, r.members), (1, 1, 2, 3));
    assert_eq!(r.engagement_rate, 2.0 / 3.0);
    assert_eq!(r.stickiness, 0.5);
}

#[test]
fn chunks_of_any_size_and_order_give_the_same_result() {
    let mut events = Vec::new();
    for i in 0..60 {
        let who = ["a", "b", "c", "s"][i % 4];
        let kind = [EventKind::Post, EventKind::Comment, EventKind::Vote][i % 3];
        let at = format!("2025-01-{:02}T{:02}:00:00Z", 1 + i % 28, i % 24);
        let parent = (kind == EventKind::Comment).then(|| format!("{}", i - 1));
        events.push(ev(&i.to_string(), who, kind, &at, parent.as_deref()));
    }
    let whole = run(&community(), &events).daily(day("2025-01-01"), day("2025-02-05"));
    for size in [1, 7, 59] {
        let mut reversed = events.clone();
        reversed.reverse();
        let m = Engine::compute(&community(), EngineOptions::default(), |engine| {
            for chunk in reversed.chunks(size) {
                engine.push_events(chunk);
            }
            Ok::<_, ()>(())
        })
        .unwrap();
        assert_eq!(m.daily(day("2025-01-01"), day("2025-02-05")), whole);
    }
}

#[test]
fn churn_counts_members_active_before_but_not_in_the_last_28_days() {
    let events = [
        ev("1", "a", EventKind::Vote, "2025-01-05T10:00:00Z", None),
        ev("2", "b", EventKind::Vote, "2025-01-05T10:00:00Z", None),
        ev("3", "b", EventKind::Vote, "2025-02-10T10:00:00Z", None),
    ];
    let m = run(&community(), &events);
    // On 02-15: previous window 12-22 … 01-18 has a and b; last 01-19 … 02-15 has b.
    let c = m.churn(day("2025-02-01"), day("2025-03-05"));
    let on = |d: &str| c.iter().find(|r| r.date == day(d)).unwrap();
    assert_eq!(
        (on("2025-02-15").previously_active, on("2025-02-15").churned),
        (2, 1)
    );
    assert_eq!(on("2025-02-15").churn_rate, 0.5);
    // On 02-01 (previous window 12-08 … 01-04): 01-05 is still in the last 28 days.
    assert_eq!(
        (on("2025-02-01").previously_active, on("2025-02-01").churned),
        (0, 0)
    );
    assert_eq!(on("2025-02-01").churn_rate, 0.0);
    // On 03-04 the previous window 01-07 … 02-03 has nobody (a and b acted on 01-05).
    assert_eq!(on("2025-03-04").previously_active, 0);
}

#[test]
fn retention_groups_members_by_their_first_active_week() {
    // Weeks start on Monday: 2025-01-06, 01-13, 01-20.
    let events = [
        ev("1", "a", EventKind::Vote, "2025-01-06T10:00:00Z", None),
        ev("2", "b", EventKind::Vote, "2025-01-12T23:00:00Z", None), // Sunday, same week
        ev("3", "a", EventKind::Vote, "2025-01-14T10:00:00Z", None),
        ev("4", "a", EventKind::Vote, "2025-01-15T10:00:00Z", None),
        ev("5", "b", EventKind::Vote, "2025-01-21T10:00:00Z", None),
        ev("6", "c", EventKind::Vote, "2025-01-13T10:00:00Z", None),
        ev("7", "s", EventKind::Vote, "2025-01-13T10:00:00Z", None), // staff: not a cohort
    ];
    let cohorts = run(&community(), &events).retention(day("2025-01-08"), day("2025-01-22"));
    assert_eq!(cohorts.len(), 3);
    assert_eq!(cohorts[0].week_start, day("2025-01-06"));
    assert_eq!(
        (cohorts[0].size, cohorts[0].active.clone()),
        (2, vec![2, 1, 1])
    );
    assert_eq!(
        (cohorts[1].size, cohorts[1].active.clone()),
        (1, vec![1, 0])
    );
    assert_eq!((cohorts[2].size, cohorts[2].active.clone()), (0, vec![0]));
}

#[test]
fn sentiment_share_of_members_posts_and_comments_per_day() {
    let mut events = vec![
        ev("1", "a", EventKind::Post, "2025-01-05T10:00:00Z", None),
        ev(
            "2",
            "b",
            EventKind::Comment,
            "2025-01-05T11:00:00Z",
            Some("1"),
        ),
        ev(
            "3",
            "a",
            EventKind::Comment,
            "2025-01-05T12:00:00Z",
            Some("1"),
        ),
        ev(
            "4",
            "s",
            EventKind::Comment,
            "2025-01-05T12:00:00Z",
            Some("1"),
        ),
        ev(
            "5",
            "a",
            EventKind::Reaction,
            "2025-01-05T12:00:00Z",
            Some("1"),
        ),
    ];
    let texts = [
        "Love the new scenes!",
        "Nie działa, tragedia",
        "Meeting on Monday",
        "Terrible",
        "👎",
    ];
    for (e, t) in events.iter_mut().zip(texts) {
        e.text = t.to_owned();
    }
    let options = EngineOptions {
        sentiment: true,
        channels: None,
    };
    let s = Engine::of_events(&community(), options, &events)
        .sentiment(day("2025-01-05"), day("2025-01-05"));
    // Staff comment and the reaction are not counted.
    assert_eq!((s[0].positive, s[0].negative, s[0].neutral), (1, 1, 1));
    let (p, n, u) = s[0].shares();
    assert!((p + n + u - 1.0).abs() < 1e-12);
}

#[test]
fn a_channel_filter_keeps_only_those_channels() {
    let mut events = vec![
        ev("1", "a", EventKind::Post, "2025-01-05T10:00:00Z", None),
        ev("2", "b", EventKind::Post, "2025-01-05T10:00:00Z", None),
    ];
    events[1].channel = "help".into();
    let options = EngineOptions {
        sentiment: false,
        channels: Some(vec!["help".into()]),
    };
    let m = Engine::of_events(&community(), options, &events);
    assert_eq!(m.daily(day("2025-01-05"), day("2025-01-05"))[0].ugc, 1);
    assert_eq!(m.counts().other_channel, 1);
}

#[test]
fn a_repeated_event_id_counts_once_the_first_time_across_chunks() {
    let first = [
        ev("p1", "a", EventKind::Post, "2025-01-05T10:00:00Z", None),
        ev(
            "r1",
            "s",
            EventKind::Comment,
            "2025-01-05T11:00:00Z",
            Some("p1"),
        ),
    ];
    // An overlapping second file: p1 again (on another day, by another member), its
    // staff reply again, and one new event; then more repeats than examples kept.
    let second = [
        ev("p1", "b", EventKind::Post, "2025-01-06T10:00:00Z", None),
        ev(
            "r1",
            "s",
            EventKind::Comment,
            "2025-01-06T11:00:00Z",
            Some("p1"),
        ),
        ev("p2", "b", EventKind::Idea, "2025-01-06T12:00:00Z", None),
    ];
    let feed = |engine: &mut Engine| {
        engine.push_events(&first);
        engine.push_events(&second);
        for id in ["x1", "x2", "x3", "x4", "x5", "x6"] {
            let e = ev(id, "a", EventKind::Vote, "2025-01-07T10:00:00Z", Some("p1"));
            engine.push_events(&[e.clone(), e.clone(), e]);
        }
    };
    // The first pass finds repeated fingerprints and asks for the events again.
    let mut engine = Engine::new(&community(), EngineOptions::default());
    feed(&mut engine);
    let Finish::Again(mut engine) = engine.finish() else {
        panic!("repeated ids need a second pass")
    };
    feed(&mut engine);
    let Finish::Done(m) = engine.finish() else {
        panic!("the second pass ends")
    };
    let rows = m.daily(day("2025-01-05"), day("2025-01-07"));
    assert_eq!((rows[0].dau, rows[0].ugc), (1, 1));
    assert_eq!(rows[0].first_response_median_s, Some(3600.0));
    // Only p2 on the 6th: the repeated p1 is neither b's activity nor a second root.
    assert_eq!((rows[1].dau, rows[1].ugc, rows[1].unanswered), (1, 1, 1));
    assert_eq!(rows[2].dau, 1);
    let counts = m.counts();
    assert_eq!(counts.pushed, 5 + 18);
    assert_eq!(counts.duplicate_id, 2 + 12);
    assert_eq!(
        counts.duplicate_id_examples,
        ["p1", "r1", "x1", "x2", "x3"].map(String::from)
    );
    assert_eq!(counts.unknown_member, 0);
}

#[test]
fn without_repeated_ids_one_pass_is_enough() {
    let events = [
        ev("1", "a", EventKind::Post, "2025-01-05T10:00:00Z", None),
        ev("2", "b", EventKind::Post, "2025-01-05T10:00:00Z", None),
    ];
    let mut engine = Engine::new(&community(), EngineOptions::default());
    engine.push_events(&events);
    let Finish::Done(m) = engine.finish() else {
        panic!("distinct ids need no second pass")
    };
    assert_eq!(m.counts().duplicate_id, 0);
    assert_eq!(m.daily(day("2025-01-05"), day("2025-01-05"))[0].dau, 2);
}
