//! Board scenarios end to end through the community operations and the memory store:
//! post, vote, status, changelog and contributors; merge; approval queue; word filter;
//! slow mode; reports; anonymous votes claimed after signing in; permissions.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use futures::executor::block_on;
use gromada::domain::board::{Board, BoardSettings, Lane, Moderation, SlowMode};
use gromada::domain::demo;
use gromada::domain::error::DomainError;
use gromada::domain::idea::{HoldReason, Idea, IdeaDraft, Visibility};
use gromada::domain::ids::*;
use gromada::domain::locale::Locale;
use gromada::domain::member::{Actor, Role, Viewer};
use gromada::domain::moderation::{
    CommunitySettings, Decision, ModLogEntry, PostRef, ReportReason,
};
use gromada::domain::time::Timestamp;
use gromada::domain::vote::Vote;
use gromada::store::community::{Community, OpError};
use gromada::store::memory::MemoryStore;
use gromada::store::{Query, Store, StoreExt};
use std::cell::Cell;
use std::rc::Rc;

fn now() -> Timestamp {
    Timestamp::parse("2026-11-24T10:00:00Z").unwrap()
}

fn member(id: &str, role: Role) -> Viewer {
    Viewer {
        actor: Actor::Member(MemberId::from(id)),
        role,
        device: DeviceId::from(format!("dev-{id}")),
    }
}

fn board(settings: BoardSettings) -> Board {
    Board {
        id: BoardId::from("b"),
        slug: "ideas".into(),
        name: "Ideas".into(),
        description: String::new(),
        categories: vec![],
        statuses: Board::default_statuses(),
        settings,
        created_at: now().plus_days(-10),
        version: 0,
    }
}

struct World {
    store: Rc<MemoryStore>,
    counter: Rc<Cell<u32>>,
}

impl World {
    fn new(settings: BoardSettings) -> (Self, Board) {
        let w = World {
            store: Rc::new(MemoryStore::new()),
            counter: Rc::new(Cell::new(0)),
        };
        let b = block_on(w.store.create_as(&board(settings))).unwrap();
        (w, b)
    }

    fn with<T>(&self, viewer: &Viewer, at: Timestamp, f: impl FnOnce(&Community) -> T) -> T {
        let counter = self.counter.clone();
        let new_id = move || {
            counter.set(counter.get() + 1);
            format!("id{:04}", counter.get())
        };
        let c = Community {
            store: self.store.clone(),
            viewer: viewer.clone(),
            now: at,
            new_id: Rc::new(new_id),
        };
        f(&c)
    }

    fn votes_on(&self, idea: &IdeaId) -> Vec<Vote> {
        block_on(
            self.store
                .list_as::<Vote>(&Query::all().eq("idea_id", idea.as_str())),
        )
        .unwrap()
        .items
    }

    fn idea(&self, id: &IdeaId) -> Idea {
        block_on(self.store.get_as::<Idea>(id.as_str()))
            .unwrap()
            .unwrap()
    }
}

fn draft(title: &str) -> IdeaDraft {
    IdeaDraft {
        title: title.into(),
        description: "Details.".into(),
        category_id: None,
    }
}

#[test]
fn post_vote_ship_and_thank_contributors() {
    let (w, b) = World::new(BoardSettings::default());
    let (ola, kuba, admin) = (
        member("ola", Role::Member),
        member("kuba", Role::Member),
        member("piotr", Role::Admin),
    );
    let idea = w
        .with(&ola, now(), |c| {
            block_on(c.post_idea(&b, &draft("Dark mode")))
        })
        .unwrap();
    assert!(idea.visibility.is_published());
    for v in [&ola, &kuba] {
        w.with(v, now(), |c| {
            block_on(c.set_vote(&b, &idea, Lane::Open, true, 0))
        })
        .unwrap();
    }
    // A replayed vote (double click, second tab) changes nothing.
    w.with(&kuba, now(), |c| {
        block_on(c.set_vote(&b, &idea, Lane::Open, true, 0))
    })
    .unwrap();
    assert_eq!(w.votes_on(&idea.id).len(), 2);

    // Not shipped yet: the changelog refuses it.
    let err = w.with(&admin, now(), |c| {
        block_on(c.publish_changelog(&b, "Dark mode is here", "", std::slice::from_ref(&idea)))
    });
    assert!(matches!(err, Err(OpError::Rule(DomainError::Invalid(_)))));

    let done = w
        .with(&admin, now(), |c| {
            block_on(c.change_status(&idea, &StatusId::from("done")))
        })
        .unwrap();
    assert_eq!(done.status_history.last().unwrap().to.as_str(), "done");
    let entry = w
        .with(&admin, now(), |c| {
            block_on(c.publish_changelog(
                &b,
                "Dark mode is here",
                "Thanks!",
                std::slice::from_ref(&done),
            ))
        })
        .unwrap();
    assert_eq!(
        entry.contributors,
        vec![MemberId::from("kuba"), MemberId::from("ola")]
    );
    assert_eq!(w.idea(&idea.id).shipped_in, Some(entry.id.clone()));
    // Closed: no more votes, and the status change is in the log.
    let closed = w.with(&kuba, now(), |c| {
        block_on(c.set_vote(&b, &done, Lane::Closed, false, 0))
    });
    assert_eq!(closed, Err(OpError::Rule(DomainError::VotingClosed)));
    let log = block_on(w.store.list_as::<ModLogEntry>(&Query::all()))
        .unwrap()
        .items;
    assert!(log
        .iter()
        .any(|l| l.decision == Decision::Status("open".into(), "done".into())));
}

#[test]
fn merge_moves_votes_once_and_keeps_comments() {
    let (w, b) = World::new(BoardSettings::default());
    let admin = member("piotr", Role::Moderator);
    let a = w
        .with(&member("x", Role::Member), now(), |c| {
            block_on(c.post_idea(&b, &draft("Vacation mode")))
        })
        .unwrap();
    let target = w
        .with(&member("y", Role::Member), now(), |c| {
            block_on(c.post_idea(&b, &draft("Presence simulation")))
        })
        .unwrap();
    for who in ["m1", "m2", "m3"] {
        w.with(&member(who, Role::Member), now(), |c| {
            block_on(c.set_vote(&b, &a, Lane::Open, true, 0))
        })
        .unwrap();
    }
    w.with(&member("m2", Role::Member), now(), |c| {
        block_on(c.set_vote(&b, &target, Lane::Open, true, 0))
    })
    .unwrap();
    let comment = w
        .with(&member("m1", Role::Member), now(), |c| {
            block_on(c.post_comment(&a, "Same as the other one"))
        })
        .unwrap();
    let merged = w
        .with(&admin, now(), |c| block_on(c.merge(&a, &target)))
        .unwrap();
    assert_eq!(merged.merged_into, Some(target.id.clone()));
    assert!(w.votes_on(&a.id).is_empty());
    let voters: Vec<String> = w
        .votes_on(&target.id)
        .iter()
        .map(|v| v.voter.key())
        .collect();
    assert_eq!(voters, ["m:m1", "m:m2", "m:m3"], "m2 is counted once");
    // A's comments stay reachable; A takes no more votes or comments.
    let kept = block_on(
        w.store
            .get_as::<gromada::domain::comment::Comment>(comment.id.as_str()),
    )
    .unwrap();
    assert!(kept.is_some());
    let a_now = w.idea(&a.id);
    let vote = w.with(&member("m4", Role::Member), now(), |c| {
        block_on(c.set_vote(&b, &a_now, Lane::Open, true, 0))
    });
    assert_eq!(vote, Err(OpError::Rule(DomainError::VotingClosed)));
}

#[test]
fn approval_queue_word_filter_and_bare_links() {
    let (w, b) = World::new(BoardSettings {
        moderation: Moderation::Approve,
        ..Default::default()
    });
    let (ola, marta) = (
        member("ola", Role::Member),
        member("marta", Role::Moderator),
    );
    let held = w
        .with(&ola, now(), |c| {
            block_on(c.post_idea(&b, &draft("Dark mode")))
        })
        .unwrap();
    assert_eq!(
        held.visibility,
        Visibility::Pending(HoldReason::BoardApproval)
    );
    let forbidden = w.with(&ola, now(), |c| {
        block_on(c.decide(
            &PostRef::Idea(held.id.clone()),
            &b.id,
            Decision::Approve,
            "",
        ))
    });
    assert!(matches!(
        forbidden,
        Err(OpError::Rule(DomainError::Forbidden { .. }))
    ));
    w.with(&marta, now(), |c| {
        block_on(c.decide(
            &PostRef::Idea(held.id.clone()),
            &b.id,
            Decision::Approve,
            "looks fine",
        ))
    })
    .unwrap();
    assert!(w.idea(&held.id).visibility.is_published());
    let log = block_on(w.store.list_as::<ModLogEntry>(&Query::all()))
        .unwrap()
        .items;
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].note, "looks fine");

    let (w, b) = World::new(BoardSettings::default());
    let mut settings = CommunitySettings::default();
    settings
        .word_filter
        .insert(Locale::Pl, vec!["oszustwo".into(), "  ".into()]);
    let saved = w
        .with(&marta, now(), |c| block_on(c.save_settings(&settings)))
        .unwrap();
    assert_eq!(
        saved.word_filter[&Locale::Pl],
        vec!["oszustwo".to_owned()],
        "blank entries dropped"
    );
    let filtered = w
        .with(&ola, now(), |c| {
            block_on(c.post_idea(&b, &draft("To OSZUSTWO jest")))
        })
        .unwrap();
    assert_eq!(
        filtered.visibility,
        Visibility::Pending(HoldReason::WordFilter("oszustwo".into()))
    );
    let link = w
        .with(&ola, now(), |c| {
            block_on(c.post_idea(
                &b,
                &IdeaDraft {
                    title: "Look".into(),
                    description: "https://x.example".into(),
                    category_id: None,
                },
            ))
        })
        .unwrap();
    assert_eq!(link.visibility, Visibility::Pending(HoldReason::BareLink));
    // Staff posts are never held.
    let staff = w
        .with(&marta, now(), |c| {
            block_on(c.post_idea(&b, &draft("oszustwo warning for all")))
        })
        .unwrap();
    assert!(staff.visibility.is_published());
}

#[test]
fn slow_mode_counts_ideas_and_comments() {
    let (w, b) = World::new(BoardSettings {
        slow_mode: Some(SlowMode {
            max_posts: 2,
            minutes: 10,
        }),
        ..Default::default()
    });
    let ola = member("ola", Role::Member);
    let idea = w
        .with(&ola, now(), |c| {
            block_on(c.post_idea(&b, &draft("First idea")))
        })
        .unwrap();
    w.with(&ola, now().plus_ms(60_000), |c| {
        block_on(c.post_comment(&idea, "And a comment"))
    })
    .unwrap();
    let blocked = w.with(&ola, now().plus_ms(120_000), |c| {
        block_on(c.post_comment(&idea, "Another"))
    });
    assert_eq!(
        blocked,
        Err(OpError::Rule(DomainError::SlowMode { wait_s: 480 }))
    );
    w.with(&ola, now().plus_ms(600_000), |c| {
        block_on(c.post_comment(&idea, "Later is fine"))
    })
    .unwrap();
}

#[test]
fn reports_hide_after_three_and_a_decision_resolves_them() {
    let (w, b) = World::new(BoardSettings::default());
    let idea = w
        .with(&member("spammer", Role::Member), now(), |c| {
            block_on(c.post_idea(&b, &draft("Buy followers cheap")))
        })
        .unwrap();
    let post = PostRef::Idea(idea.id.clone());
    for who in ["a", "b", "b", "c"] {
        w.with(&member(who, Role::Member), now(), |c| {
            block_on(c.report(post.clone(), &b.id, ReportReason::Spam, "ads"))
        })
        .unwrap();
        if who == "b" {
            assert!(
                w.idea(&idea.id).visibility.is_published(),
                "two distinct reports do not hide it"
            );
        }
    }
    assert_eq!(
        w.idea(&idea.id).visibility,
        Visibility::Pending(HoldReason::Reported)
    );
    w.with(&member("marta", Role::Moderator), now(), |c| {
        block_on(c.decide(&post, &b.id, Decision::Reject, "spam"))
    })
    .unwrap();
    assert_eq!(w.idea(&idea.id).visibility, Visibility::Rejected);
    let reports = block_on(
        w.store
            .list_as::<gromada::domain::moderation::Report>(&Query::all()),
    )
    .unwrap()
    .items;
    assert_eq!(reports.len(), 3);
    assert!(reports.iter().all(|r| r.resolved));
}

#[test]
fn anonymous_votes_become_the_members_after_signing_in() {
    let (w, b) = World::new(BoardSettings {
        anonymous_votes: true,
        ..Default::default()
    });
    let idea1 = w
        .with(&member("x", Role::Member), now(), |c| {
            block_on(c.post_idea(&b, &draft("One idea")))
        })
        .unwrap();
    let idea2 = w
        .with(&member("y", Role::Member), now(), |c| {
            block_on(c.post_idea(&b, &draft("Two idea")))
        })
        .unwrap();
    let device = DeviceId::from("dev-1");
    let anon = Viewer::anonymous(device.clone());
    for i in [&idea1, &idea2] {
        w.with(&anon, now(), |c| {
            block_on(c.set_vote(&b, i, Lane::Open, true, 0))
        })
        .unwrap();
    }
    let ola = Viewer {
        device: device.clone(),
        ..member("ola", Role::Member)
    };
    w.with(&ola, now(), |c| {
        block_on(c.set_vote(&b, &idea2, Lane::Open, true, 0))
    })
    .unwrap();
    let moved = w
        .with(&ola, now(), |c| block_on(c.claim_device_votes(&device)))
        .unwrap();
    assert_eq!(moved, 2);
    for i in [&idea1, &idea2] {
        let voters: Vec<String> = w.votes_on(&i.id).iter().map(|v| v.voter.key()).collect();
        assert_eq!(voters, ["m:ola"]);
    }
}

#[test]
fn only_admins_configure_boards_and_slugs_are_unique() {
    let (w, b) = World::new(BoardSettings::default());
    let mut other = board(BoardSettings::default());
    other.id = BoardId::from("b2");
    let member_try = w.with(&member("ola", Role::Moderator), now(), |c| {
        block_on(c.save_board(&other))
    });
    assert!(matches!(
        member_try,
        Err(OpError::Rule(DomainError::Forbidden { .. }))
    ));
    let taken = w.with(&member("piotr", Role::Admin), now(), |c| {
        block_on(c.save_board(&other))
    });
    match taken {
        Err(OpError::Rule(DomainError::Invalid(errors))) => assert_eq!(errors[0].field, "slug"),
        other => panic!("expected a taken slug, got {other:?}"),
    }
    other.slug = "other".into();
    w.with(&member("piotr", Role::Admin), now(), |c| {
        block_on(c.save_board(&other))
    })
    .unwrap();
    let mut renamed = block_on(w.store.get_as::<Board>(b.id.as_str()))
        .unwrap()
        .unwrap();
    renamed.name = "Renamed".into();
    w.with(&member("piotr", Role::Admin), now(), |c| {
        block_on(c.save_board(&renamed))
    })
    .unwrap();
}

#[test]
fn the_demo_board_is_consistent() {
    let d = demo::generate(now(), 5);
    let store = MemoryStore::new();
    block_on(gromada::store::seed::seed_if_empty(&store, &d)).unwrap();
    let merged: Vec<Idea> = block_on(store.list_as::<Idea>(&Query::all()))
        .unwrap()
        .items
        .into_iter()
        .filter(|i| i.merged_into.is_some())
        .collect();
    assert_eq!(merged.len(), 1, "the demo shows one merged duplicate");
    let on_merged =
        block_on(store.list_as::<Vote>(&Query::all().eq("idea_id", merged[0].id.as_str())))
            .unwrap()
            .items;
    assert!(
        on_merged.is_empty(),
        "a merged idea's votes moved to its target"
    );
    let entries =
        block_on(store.list_as::<gromada::domain::changelog::ChangelogEntry>(&Query::all()))
            .unwrap()
            .items;
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| !e.contributors.is_empty()));
    let _ = store.kind();
}
