//! Survey scenarios through the community operations and the memory store: one response
//! per member and wave (a second answer edits it), closed waves, anonymous surveys that
//! store no member id, the anonymity threshold, publishing results.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use futures::executor::block_on;
use gromada::domain::demo;
use gromada::domain::error::DomainError;
use gromada::domain::ids::*;
use gromada::domain::member::{Actor, Role, Viewer};
use gromada::domain::survey::{wave_results, Answer, Response, Survey, Tone};
use gromada::domain::time::Timestamp;
use gromada::store::community::{Community, OpError};
use gromada::store::memory::MemoryStore;
use gromada::store::{Query, Store, StoreExt};
use std::collections::BTreeMap;
use std::rc::Rc;

fn now() -> Timestamp {
    Timestamp::parse("2026-11-24T10:00:00Z").unwrap()
}

fn setup(anonymous: bool) -> (Rc<MemoryStore>, Survey) {
    let store = Rc::new(MemoryStore::new());
    let mut s = demo::generate(now(), 1).surveys.remove(0);
    s.anonymous = anonymous;
    let s = block_on(store.create_as(&s)).unwrap();
    (store, s)
}

fn as_(store: &Rc<MemoryStore>, viewer: Viewer, at: Timestamp) -> Community {
    Community {
        store: store.clone(),
        viewer,
        now: at,
        new_id: Rc::new(|| "x".to_owned()),
    }
}

fn member(id: &str, role: Role) -> Viewer {
    Viewer {
        actor: Actor::Member(MemberId::from(id)),
        role,
        device: DeviceId::from(format!("dev-{id}")),
    }
}

fn answers(nps: i64) -> BTreeMap<QuestionId, Answer> {
    [
        ("nps", Answer::Score(nps)),
        ("csat", Answer::Score(4)),
        ("favourite", Answer::Choice("scenes".into())),
    ]
    .into_iter()
    .map(|(k, v)| (QuestionId::from(k), v))
    .collect()
}

#[test]
fn one_response_per_member_and_wave_editable_while_open() {
    let (store, s) = setup(false);
    let wave = s.schedule.wave_at(now()).unwrap();
    assert!(wave.1, "the demo's latest wave is open");
    let ola = as_(&store, member("ola", Role::Member), now());
    let first = block_on(ola.answer(&s, &answers(9))).unwrap();
    assert_eq!(first.respondent, Some(MemberId::from("ola")));
    let second = block_on(ola.answer(&s, &answers(3))).unwrap();
    assert_eq!(second.id, first.id, "the second answer edits the first");
    assert_eq!(second.answers[&QuestionId::from("nps")], Answer::Score(3));
    assert!(second.updated_at.is_some());
    let all = block_on(store.list_as::<Response>(&Query::all()))
        .unwrap()
        .items;
    assert_eq!(all.len(), 1);
    // Required questions are enforced.
    let mut missing = answers(9);
    missing.remove(&QuestionId::from("csat"));
    let err = block_on(ola.answer(&s, &missing)).unwrap_err();
    assert!(matches!(err, OpError::Rule(DomainError::Invalid(e)) if e[0].field == "answers.csat"));
    // The demo's waves run back to back: after this wave closes an answer starts a new
    // response in the next wave, and the closed wave's response stays as it was.
    let closed_at = s.schedule.wave_end(wave.0).unwrap().plus_ms(1);
    let late = as_(&store, member("ola", Role::Member), closed_at);
    let next = block_on(late.answer(&s, &answers(10))).unwrap();
    assert_eq!(next.wave, wave.0 + 1);
    assert_ne!(next.id, first.id);
    let kept = block_on(store.get_as::<Response>(first.id.as_str()))
        .unwrap()
        .unwrap();
    assert_eq!(kept.answers[&QuestionId::from("nps")], Answer::Score(3));
    // With a gap between waves: after the wave closes, no more answers or edits.
    let mut short = s.clone();
    short.schedule.open_days = 7;
    let closed_at = short.schedule.wave_end(wave.0).unwrap().plus_ms(1);
    assert!(closed_at < short.schedule.wave_start(wave.0 + 1).unwrap());
    let late = as_(&store, member("ola", Role::Member), closed_at);
    assert_eq!(
        block_on(late.answer(&short, &answers(10))).unwrap_err(),
        OpError::Rule(DomainError::VotingClosed)
    );
}

#[test]
fn anonymous_surveys_store_no_member_and_guard_per_device() {
    let (store, s) = setup(true);
    let ola = as_(&store, member("ola", Role::Member), now());
    let r = block_on(ola.answer(&s, &answers(7))).unwrap();
    assert_eq!(r.respondent, None);
    let stored = serde_json::to_string(
        &block_on(store.list(gromada::store::Collection::Responses, &Query::all())).unwrap(),
    )
    .unwrap();
    assert!(
        !stored.contains("ola") && !stored.contains("dev-ola"),
        "no member or device id is stored: {stored}"
    );
    // The same device answering again edits; another device is another response.
    block_on(ola.answer(&s, &answers(8))).unwrap();
    let anon = as_(&store, Viewer::anonymous(DeviceId::from("dev-x")), now());
    block_on(anon.answer(&s, &answers(2))).unwrap();
    assert_eq!(
        block_on(store.list_as::<Response>(&Query::all()))
            .unwrap()
            .items
            .len(),
        2
    );
}

#[test]
fn results_stay_hidden_below_the_threshold_until_enough_answered() {
    let (store, s) = setup(false);
    let wave = s.schedule.wave_at(now()).unwrap().0;
    for i in 0..5 {
        let c = as_(&store, member(&format!("m{i}"), Role::Member), now());
        block_on(c.answer(&s, &answers(10))).unwrap();
        let rs = block_on(store.list_as::<Response>(&Query::all()))
            .unwrap()
            .items;
        let r = wave_results(&s, wave, &rs, None, false, &|_| Tone::Neutral);
        assert_eq!(r.withheld, i < 4, "after {} responses", i + 1);
    }
}

#[test]
fn only_admins_publish_results_and_the_summary_is_kept() {
    let (store, s) = setup(false);
    let member_try = block_on(
        as_(&store, member("ola", Role::Member), now()).publish_summary(
            &s,
            0,
            "We heard you loud and clear.",
            "",
        ),
    );
    assert!(matches!(
        member_try,
        Err(OpError::Rule(DomainError::Forbidden { .. }))
    ));
    let admin = as_(&store, member("piotr", Role::Admin), now());
    let published = block_on(admin.publish_summary(
        &s,
        1,
        "Reliability is your top wish.",
        "We fix hub reconnects in December.",
    ))
    .unwrap();
    assert_eq!(published.published.len(), 1);
    assert_eq!(published.published[0].wave, 1);
    let again =
        block_on(admin.publish_summary(&published, 1, "Reliability is still your top wish.", ""))
            .unwrap();
    assert_eq!(
        again.published.len(),
        1,
        "republishing a wave replaces its summary"
    );
}
