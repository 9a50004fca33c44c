//! The demo community loaded into empty storage: "Lumo", a Kraków smart-lighting brand,
//! with 120 members, two boards (~36 ideas across every status, votes, comments),
//! a monthly pulse survey with three waves of responses, and 90 days of forum activity.
//! Deterministic: the same `now` and seed always give the same community.

use crate::domain::activity::{Event, EventKind};
use crate::domain::board::{Board, BoardSettings, Category, Moderation, Posting, SlowMode};
use crate::domain::comment::Comment;
use crate::domain::idea::{HoldReason, Idea, StatusChange, Visibility};
use crate::domain::ids::*;
use crate::domain::member::{Actor, Member, Role};
use crate::domain::rng::Rng;
use crate::domain::survey::*;
use crate::domain::time::{Timestamp, DAY_MS};
use crate::domain::vote::Vote;
use std::collections::{BTreeMap, BTreeSet};

/// Days of history the demo covers.
pub const HISTORY_DAYS: i64 = 90;

/// The member the demo signs in as at first.
pub const DEMO_MEMBER: &str = "m-ola";
/// The demo moderator.
pub const DEMO_MODERATOR: &str = "m-marta";
/// The demo admin.
pub const DEMO_ADMIN: &str = "m-piotr";
/// The main board's slug.
pub const MAIN_BOARD: &str = "feature-requests";

/// Everything the demo stores.
#[derive(Clone, Debug, Default)]
pub struct DemoCommunity {
    /// Members.
    pub members: Vec<Member>,
    /// Boards.
    pub boards: Vec<Board>,
    /// Ideas.
    pub ideas: Vec<Idea>,
    /// Votes.
    pub votes: Vec<Vote>,
    /// Comments.
    pub comments: Vec<Comment>,
    /// Surveys.
    pub surveys: Vec<Survey>,
    /// Survey responses.
    pub responses: Vec<Response>,
    /// Forum activity.
    pub events: Vec<Event>,
    /// Changelog entries for shipped ideas.
    pub changelog: Vec<crate::domain::changelog::ChangelogEntry>,
    /// Moderation settings (a starter word filter).
    pub settings: Vec<crate::domain::moderation::CommunitySettings>,
}

const FIRST: &[&str] = &[
    "Ola",
    "Kuba",
    "Zofia",
    "Anna",
    "Tomek",
    "Kasia",
    "Michał",
    "Ewa",
    "Jan",
    "Agnieszka",
    "Paweł",
    "Magda",
    "Bartek",
    "Natalia",
    "Łukasz",
    "Julia",
    "Emma",
    "Liam",
    "Sofia",
    "Noah",
    "Mia",
    "Lucas",
    "Hanna",
    "Oskar",
];
const LAST: &[&str] = &[
    "Nowak",
    "Wiśniewski",
    "Kowalczyk",
    "Wójcik",
    "Kamińska",
    "Lewandowski",
    "Zielińska",
    "Szymański",
    "Dąbrowska",
    "Król",
    "Smith",
    "Jensen",
    "Müller",
    "García",
    "O'Brien",
    "Novák",
];

/// (title, description, status, category index, popularity 0–1, age in days)
type IdeaSeed = (&'static str, &'static str, &'static str, usize, f64, i64);

const MAIN_IDEAS: &[IdeaSeed] = &[
    ("Dark mode for the mobile app", "The app is very bright at night when I switch the bedroom lights off.\n\nA dark theme that follows the system setting would be perfect.", "done", 0, 0.95, 88),
    ("Sunrise alarm: lights brighten slowly before the alarm", "Like a wake-up light: start at 1% thirty minutes before the alarm and reach 100% when it rings.", "in-progress", 1, 0.9, 84),
    ("Integracja z Google Home", "Chciałabym sterować scenami głosem przez Google Home, tak jak teraz przez Alexę.", "planned", 2, 0.85, 80),
    ("Apple HomeKit support", "Most of my home is on HomeKit. Native support would let me drop the bridge I use now.", "planned", 2, 0.8, 77),
    ("Scenes that follow the sunset time", "Evening scene should start at sunset, not at a fixed hour that drifts through the year.", "under-review", 1, 0.6, 70),
    ("Export energy usage to CSV", "I track costs in a spreadsheet. A monthly CSV export per bulb or room would help.", "open", 3, 0.35, 66),
    ("Harmonogram świateł na wakacje (symulacja obecności)", "Losowe włączanie świateł wieczorem, gdy nas nie ma — żeby dom wyglądał na zamieszkany.", "planned", 1, 0.75, 64),
    ("Group lights by room in the widget", "The home-screen widget lists every bulb. Rooms would make it usable.", "done", 0, 0.7, 62),
    ("Widget na ekran blokady iOS", "Szybkie wyłączenie wszystkich świateł bez odblokowywania telefonu.", "open", 0, 0.45, 58),
    ("Adjustable fade duration for scenes", "Let me choose how long a scene takes to fade in: 1 s, 5 s, 30 s.", "open", 1, 0.4, 55),
    ("Music sync mode", "Lights pulsing to music from the phone microphone.", "declined", 1, 0.3, 53),
    ("Matter support", "Matter would make Lumo work with every ecosystem at once.", "in-progress", 2, 0.88, 51),
    ("Polskie tłumaczenie instrukcji montażu", "Instrukcja w pudełku jest tylko po angielsku i niemiecku.", "done", 4, 0.5, 49),
    ("Share scenes with family members", "My partner has to recreate every scene on her phone. Sharing would save time.", "open", 0, 0.55, 46),
    ("Źródło zasilania awaryjnego dla hubu", "Po zaniku prądu hub startuje długo. Może opcja zasilania z powerbanka (USB-C PD)?", "open", 4, 0.25, 44),
    ("Motion sensor timeout per room", "The hallway needs 1 minute, the garage 10. One global timeout does not fit.", "under-review", 3, 0.5, 41),
    ("Better colour picker with HEX input", "I want exactly my brand colour #1d4ed8 in the office.", "open", 0, 0.2, 39),
    ("Circadian rhythm mode", "Warm light in the evening, cool light in the morning, automatically.", "planned", 1, 0.8, 36),
    ("Offline mode when Wi-Fi is down", "Switches should keep working with the hub even without internet.", "under-review", 4, 0.65, 33),
    ("Energy report per room", "Which room uses the most? A simple monthly chart.", "open", 3, 0.3, 30),
    ("Alexa routines trigger Lumo scenes", "Routines can switch bulbs but not run a scene.", "declined", 2, 0.2, 28),
    ("Tryb nocny: przyciemnione światło w korytarzu", "W nocy czujnik ruchu powinien włączać światło na 5%, nie na 100%.", "open", 1, 0.6, 26),
    ("Apple Watch app", "Turn scenes on from the watch.", "open", 0, 0.35, 24),
    ("Vacation mode with random lights", "Random lights in the evening while we are away.", "open", 1, 0.3, 22),
    ("Firmware update notes in the app", "Tell me what changed before I update the bulbs.", "done", 4, 0.45, 20),
    ("Keyboard shortcuts in the web dashboard", "Space to toggle the selected room, arrows to dim.", "open", 0, 0.15, 17),
    ("Multi-home support", "We have a flat in the city and a cottage. Two hubs, one account please.", "under-review", 4, 0.55, 14),
    ("Zdalne sterowanie przez przeglądarkę", "Panel w przeglądarce, gdy nie mam telefonu pod ręką.", "open", 0, 0.25, 10),
    ("Lower the minimum brightness to 1%", "Even the lowest setting is too bright for a night light.", "in-progress", 1, 0.7, 7),
    ("Notification when a bulb goes offline", "I only notice when a scene looks wrong.", "planned", 4, 0.4, 4),
];

const STUDIO_IDEAS: &[IdeaSeed] = &[
    (
        "Timeline editor for light shows",
        "Drag colour keyframes along a timeline, like a video editor.",
        "open",
        0,
        0.5,
        40,
    ),
    (
        "Share Studio shows with the community",
        "A gallery of shows others made, one click to try them.",
        "planned",
        1,
        0.6,
        35,
    ),
    (
        "Import palettes from Adobe Color",
        "Paste an Adobe Color link to get its five colours.",
        "open",
        0,
        0.3,
        21,
    ),
    (
        "Preview a show on screen before the lamps",
        "Save time: see it in the app first.",
        "in-progress",
        0,
        0.45,
        12,
    ),
    (
        "Loop a show until I stop it",
        "For parties the show should repeat.",
        "open",
        0,
        0.35,
        6,
    ),
];

const CATEGORIES_MAIN: &[(&str, &str)] = &[
    ("app", "Mobile app"),
    ("automation", "Automation & scenes"),
    ("integrations", "Integrations"),
    ("energy", "Energy"),
    ("hardware", "Hardware & setup"),
];

const COMMENTS: &[&str] = &[
    "+1, I would use this every day.",
    "Same here. Any update?",
    "Bardzo przydatne, popieram!",
    "This would make the app so much better for us.",
    "Is there a workaround for now?",
    "Też tego potrzebuję.",
    "We tried a script for this, it works but it's fragile.",
    "Please make it optional, I like the current behaviour.",
    "Great idea 👍",
    "Czekam na to od miesięcy.",
];

const STAFF_REPLIES: &[&str] = &[
    "Thanks for the idea! We are looking into it with the app team.",
    "Dzięki! Dodaliśmy to do planu na ten kwartał.",
    "Good news: this is now on our roadmap.",
    "We shipped this in version 4.2 — thank you all for the votes!",
    "We can't do this soon because of hardware limits, but we keep listening.",
];

const POSTS: &[(&str, &str)] = &[
    (
        "help",
        "My bulbs disconnect every night around 2 am. Anyone else?",
    ),
    (
        "help",
        "Jak sparować nowy włącznik z hubem? Instrukcja nie działa.",
    ),
    (
        "general",
        "Love the new evening scene, the living room feels so cosy 😍",
    ),
    ("general", "Pokażcie swoje ustawienia świateł w salonie!"),
    (
        "help",
        "The app crashes when I open the energy tab. Really annoying.",
    ),
    (
        "general",
        "Finally replaced every bulb in the flat. Great experience so far.",
    ),
    (
        "showcase",
        "Made a sunrise routine with the 1% trick, works great.",
    ),
    (
        "help",
        "Aktualizacja firmware zawiesiła się na 80%, co robić?",
    ),
    ("showcase", "Nasza choinka z taśmą LED Lumo w tym roku 🎄"),
    (
        "general",
        "Is the outdoor bulb waterproof enough for the balcony?",
    ),
    (
        "help",
        "Hub is offline again. This is the third time this week, terrible.",
    ),
    (
        "general",
        "Świetna obsługa klienta, wymienili mi żarówkę w dwa dni!",
    ),
];

const REPLIES: &[&str] = &[
    "Same problem here.",
    "Try resetting the hub, it helped me.",
    "Mam to samo, czekam na poprawkę.",
    "Looks amazing!",
    "Thanks, that solved it 🙏",
    "Not great, hope they fix it soon.",
    "Dzięki za podpowiedź!",
];

const STAFF_FORUM: &[&str] = &[
    "Thanks for reporting! Could you send us the hub's serial number in a private message?",
    "Dzięki za zgłoszenie, sprawdzamy to.",
    "A fix is rolling out today in firmware 3.8.1.",
];

fn id_at(rng: &mut Rng, at: Timestamp) -> String {
    crate::domain::ids::uuid_v7(at.0, rng.bytes10())
}

/// Builds the demo community as of `now`.
pub fn generate(now: Timestamp, seed: u64) -> DemoCommunity {
    let mut rng = Rng::new(seed);
    let mut demo = DemoCommunity::default();
    let start = now.plus_days(-HISTORY_DAYS);

    // Members: three named people the role switcher offers, then 117 more.
    let staff = [
        (DEMO_MODERATOR, "Marta Kowalczyk (Lumo)", Role::Moderator),
        (DEMO_ADMIN, "Piotr Zieliński (Lumo)", Role::Admin),
    ];
    for (id, name, role) in staff {
        demo.members.push(Member {
            id: MemberId::from(id),
            name: name.into(),
            role,
            joined_at: now.plus_days(-400),
            left_at: None,
            version: 0,
        });
    }
    demo.members.push(Member {
        id: MemberId::from(DEMO_MEMBER),
        name: "Ola Nowak".into(),
        role: Role::Member,
        joined_at: now.plus_days(-150),
        left_at: None,
        version: 0,
    });
    for i in 0..117u64 {
        let name = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
        // Joined over the last 300 days, more recently on average (a growing community).
        let age = (300.0 * rng.unit().powf(1.6)) as i64 + 1;
        let left_at = rng
            .chance(0.06)
            .then(|| now.plus_days(-(rng.below(60) as i64) - 1));
        demo.members.push(Member {
            id: MemberId(format!("m-{i:03}")),
            name,
            role: Role::Member,
            joined_at: now.plus_days(-age).plus_ms(rng.below(DAY_MS as u64) as i64),
            left_at,
            version: 0,
        });
    }
    let members: Vec<Member> = demo
        .members
        .iter()
        .filter(|m| m.role == Role::Member)
        .cloned()
        .collect();
    // Each member has a propensity to act; a few are very active (a long tail).
    let propensity: Vec<f64> = members
        .iter()
        .map(|_| 0.02 + 0.35 * rng.unit().powf(3.0))
        .collect();
    let staff_ids = [MemberId::from(DEMO_MODERATOR), MemberId::from(DEMO_ADMIN)];

    // Boards.
    let main = Board {
        id: BoardId::from("b-feature-requests"),
        slug: MAIN_BOARD.into(),
        name: "Feature requests".into(),
        description:
            "Tell us what Lumo should do next. Vote for the ideas you want most; we read every one."
                .into(),
        categories: CATEGORIES_MAIN
            .iter()
            .map(|(id, name)| Category {
                id: CategoryId::from(*id),
                name: (*name).into(),
            })
            .collect(),
        statuses: Board::default_statuses(),
        settings: BoardSettings {
            posting: Posting::Members,
            moderation: Moderation::Publish,
            vote_budget: None,
            anonymous_votes: true,
            slow_mode: Some(SlowMode {
                max_posts: 5,
                minutes: 10,
            }),
        },
        created_at: now.plus_days(-400),
        version: 0,
    };
    let studio = Board {
        id: BoardId::from("b-lumo-studio"),
        slug: "lumo-studio".into(),
        name: "Lumo Studio (beta)".into(),
        description:
            "Ideas for the light-show editor in beta. Posts are reviewed before they appear.".into(),
        categories: vec![
            Category {
                id: CategoryId::from("editor"),
                name: "Editor".into(),
            },
            Category {
                id: CategoryId::from("sharing"),
                name: "Sharing".into(),
            },
        ],
        statuses: Board::default_statuses(),
        settings: BoardSettings {
            posting: Posting::Members,
            moderation: Moderation::Approve,
            vote_budget: Some(10),
            anonymous_votes: false,
            slow_mode: None,
        },
        created_at: now.plus_days(-60),
        version: 0,
    };

    for (board, seeds) in [(&main, MAIN_IDEAS), (&studio, STUDIO_IDEAS)] {
        for (n, (title, description, status, category, popularity, age)) in seeds.iter().enumerate()
        {
            let created_at = now
                .plus_days(-age)
                .plus_ms(rng.below(DAY_MS as u64 / 2) as i64);
            let author = &members[rng.below(members.len() as u64) as usize];
            let author_actor = if n == 3 && board.slug == MAIN_BOARD {
                Actor::Member(MemberId::from(DEMO_MEMBER))
            } else {
                Actor::Member(author.id.clone())
            };
            let idea_id = IdeaId(id_at(&mut rng, created_at));
            // Status history along the lane order, spread between creation and now.
            let path: &[&str] = match *status {
                "under-review" => &["open", "under-review"],
                "planned" => &["open", "under-review", "planned"],
                "in-progress" => &["open", "planned", "in-progress"],
                "done" => &["open", "planned", "in-progress", "done"],
                "declined" => &["open", "under-review", "declined"],
                _ => &["open"],
            };
            let mut history = Vec::new();
            let span = (now.0 - created_at.0).max(1);
            for (k, pair) in path.windows(2).enumerate() {
                let at = created_at.plus_ms(span * (k as i64 + 1) / (path.len() as i64 + 1));
                history.push(StatusChange {
                    from: StatusId::from(pair[0]),
                    to: StatusId::from(pair[1]),
                    by: Actor::Member(staff_ids[k % 2].clone()),
                    at,
                });
            }
            let category_id = board.categories.get(*category).map(|c| c.id.clone());
            // Vacation mode duplicates the presence-simulation idea: merged.
            let merged_into = None;
            let visibility = if board.slug != MAIN_BOARD && n == seeds.len() - 1 {
                Visibility::Pending(HoldReason::BoardApproval)
            } else {
                Visibility::Published
            };
            let idea = Idea {
                id: idea_id.clone(),
                board_id: board.id.clone(),
                title: (*title).into(),
                description: (*description).into(),
                category_id,
                author: author_actor.clone(),
                created_at,
                status_id: StatusId::from(*status),
                status_history: history,
                visibility,
                merged_into,
                shipped_in: None,
                version: 0,
            };
            // Votes: popular ideas get many; the author always votes for their idea.
            let mut voters: BTreeSet<usize> = BTreeSet::new();
            let target = (popularity * members.len() as f64 * 0.45) as usize;
            for _ in 0..target * 2 {
                if voters.len() >= target {
                    break;
                }
                let i = rng.below(members.len() as u64) as usize;
                if rng.chance(0.4 + propensity[i]) {
                    voters.insert(i);
                }
            }
            let mut vote_actors: Vec<Actor> = voters
                .iter()
                .map(|&i| Actor::Member(members[i].id.clone()))
                .collect();
            if !vote_actors.contains(&author_actor) {
                vote_actors.push(author_actor.clone());
            }
            if board.settings.anonymous_votes {
                for _ in 0..(popularity * 6.0) as usize {
                    vote_actors.push(Actor::Device(DeviceId(format!(
                        "dev-{:08x}",
                        rng.next_u64() as u32
                    ))));
                }
            }
            for actor in vote_actors {
                let at = created_at.plus_ms(rng.below(span as u64) as i64);
                demo.votes.push(Vote::new(&idea_id, &board.id, actor, at));
            }
            // Comments; an official reply on ideas that moved.
            let n_comments = (popularity * 6.0 * rng.unit()) as usize;
            for _ in 0..n_comments {
                let at = created_at.plus_ms(rng.below(span as u64) as i64);
                let who = &members[rng.below(members.len() as u64) as usize];
                demo.comments.push(Comment {
                    id: CommentId(id_at(&mut rng, at)),
                    idea_id: idea_id.clone(),
                    board_id: board.id.clone(),
                    author: Actor::Member(who.id.clone()),
                    body: (*rng.pick(COMMENTS)).into(),
                    created_at: at,
                    official: false,
                    visibility: Visibility::Published,
                    version: 0,
                });
            }
            if let Some(change) = idea.status_history.last() {
                let reply = match *status {
                    "done" => STAFF_REPLIES[3],
                    "declined" => STAFF_REPLIES[4],
                    "planned" | "in-progress" => STAFF_REPLIES[1 + rng.below(2) as usize],
                    _ => STAFF_REPLIES[0],
                };
                let at = change.at.plus_ms(60_000);
                demo.comments.push(Comment {
                    id: CommentId(id_at(&mut rng, at)),
                    idea_id: idea_id.clone(),
                    board_id: board.id.clone(),
                    author: change.by.clone(),
                    body: reply.into(),
                    created_at: at,
                    official: true,
                    visibility: Visibility::Published,
                    version: 0,
                });
            }
            demo.ideas.push(idea);
        }
    }
    // Merge the vacation-mode duplicate into the presence-simulation idea, moving its
    // votes the way a moderator's merge does (nobody counted twice).
    let target = demo
        .ideas
        .iter()
        .find(|i| i.title.starts_with("Harmonogram"))
        .map(|i| (i.id.clone(), i.board_id.clone()));
    let dup = demo
        .ideas
        .iter()
        .find(|i| i.title.starts_with("Vacation mode"))
        .map(|i| i.id.clone());
    if let (Some((target, board_id)), Some(dup)) = (target, dup) {
        let on_target: BTreeSet<String> = demo
            .votes
            .iter()
            .filter(|v| v.idea_id == target)
            .map(|v| v.voter.key())
            .collect();
        let moved: Vec<Vote> = demo
            .votes
            .iter()
            .filter(|v| v.idea_id == dup && !on_target.contains(&v.voter.key()))
            .map(|v| Vote::new(&target, &board_id, v.voter.clone(), v.created_at))
            .collect();
        demo.votes.retain(|v| v.idea_id != dup);
        demo.votes.extend(moved);
        if let Some(d) = demo.ideas.iter_mut().find(|i| i.id == dup) {
            d.merged_into = Some(target);
        }
    }
    // The changelog thanked the people behind two shipped ideas.
    for (title, headline, body, days_ago) in [
        ("Dark mode for", "Dark mode is here", "The app now follows your system's dark theme. Thank you to everyone who asked for it and voted!", 30),
        ("Group lights by room", "Rooms in the widget", "The home-screen widget groups lights by room. Thanks for the votes!", 12),
    ] {
        let Some(idea) = demo.ideas.iter().find(|i| i.title.starts_with(title)).cloned() else { continue };
        let at = now.plus_days(-days_ago);
        let entry = crate::domain::changelog::ChangelogEntry {
            id: ChangelogId(id_at(&mut rng, at)),
            board_id: idea.board_id.clone(),
            title: headline.into(),
            body: body.into(),
            idea_ids: vec![idea.id.clone()],
            contributors: crate::domain::changelog::contributors(&[&idea], &demo.votes),
            published_at: at,
            published_by: Actor::Member(MemberId::from(DEMO_ADMIN)),
            version: 0,
        };
        if let Some(i) = demo.ideas.iter_mut().find(|i| i.id == idea.id) {
            i.shipped_in = Some(entry.id.clone());
        }
        demo.changelog.push(entry);
    }
    demo.boards = vec![main, studio];

    // The monthly pulse survey: three waves, the latest still open.
    let survey = pulse_survey(now);
    let respondents: Vec<&Member> = members.iter().filter(|m| m.left_at.is_none()).collect();
    let mut n_wave = 0;
    while let Some(wave_start) = survey.schedule.wave_start(n_wave) {
        if wave_start > now {
            break;
        }
        let end = survey.schedule.wave_end(n_wave).unwrap_or(now).min(now);
        let count = [24usize, 31, 17]
            .get(n_wave as usize)
            .copied()
            .unwrap_or(10);
        let mut taken = BTreeSet::new();
        while taken.len() < count.min(respondents.len()) {
            taken.insert(rng.below(respondents.len() as u64) as usize);
        }
        for i in taken {
            let at = wave_start.plus_ms(rng.below((end.0 - wave_start.0).max(1) as u64) as i64);
            demo.responses.push(pulse_response(
                &mut rng,
                &survey,
                n_wave,
                respondents[i],
                at,
            ));
        }
        n_wave += 1;
    }
    demo.surveys.push(survey);

    // 90 days of forum activity: posts, replies, reactions, and staff answers with a delay.
    let channels = ["general", "help", "showcase"];
    let mut roots: Vec<(EventId, Timestamp, &'static str)> = Vec::new();
    for day in 0..HISTORY_DAYS {
        let day_start = start.plus_days(day);
        let weekday = (day_start.day() + 3).rem_euclid(7); // 0 = Monday
        let weekday_factor = if weekday >= 5 { 0.6 } else { 1.0 };
        let growth = 0.75 + 0.5 * day as f64 / HISTORY_DAYS as f64;
        for (i, member) in members.iter().enumerate() {
            let joined = member.joined_at <= day_start.plus_days(1);
            let still = member.left_at.is_none_or(|l| l > day_start);
            if !joined || !still || !rng.chance(propensity[i] * weekday_factor * growth) {
                continue;
            }
            let actions = 1 + rng.below(3);
            for _ in 0..actions {
                let at = day_start.plus_ms(7 * 3_600_000 + rng.below(15 * 3_600_000) as i64);
                let id = EventId(id_at(&mut rng, at));
                let roll = rng.unit();
                let (kind, channel, parent, text) = if roll < 0.18 || roots.is_empty() {
                    let (channel, text) = *rng.pick(POSTS);
                    roots.push((id.clone(), at, channel));
                    (EventKind::Post, channel.to_owned(), None, text.to_owned())
                } else {
                    let recent = &roots[roots.len().saturating_sub(12)..];
                    let (parent, _, channel) = rng.pick(recent).clone();
                    if roll < 0.55 {
                        (
                            EventKind::Comment,
                            channel.to_owned(),
                            Some(parent),
                            (*rng.pick(REPLIES)).to_owned(),
                        )
                    } else {
                        (
                            EventKind::Reaction,
                            channel.to_owned(),
                            Some(parent),
                            "👍".to_owned(),
                        )
                    }
                };
                demo.events.push(Event {
                    id,
                    member_id: member.id.clone(),
                    kind,
                    channel,
                    created_at: at,
                    parent_id: parent,
                    text,
                    version: 0,
                });
            }
        }
        let _ = channels;
    }
    // Staff answer most posts in the help channel within hours; some stay unanswered.
    for (root, at, channel) in roots.clone() {
        if channel == "showcase" || !rng.chance(0.8) {
            continue;
        }
        let delay = (rng.unit().powf(2.0) * 20.0 * 3_600_000.0) as i64 + 300_000;
        let reply_at = at.plus_ms(delay);
        if reply_at > now {
            continue;
        }
        demo.events.push(Event {
            id: EventId(id_at(&mut rng, reply_at)),
            member_id: staff_ids[rng.below(2) as usize].clone(),
            kind: EventKind::Comment,
            channel: channel.to_owned(),
            created_at: reply_at,
            parent_id: Some(root),
            text: (*rng.pick(STAFF_FORUM)).to_owned(),
            version: 0,
        });
    }
    demo.events.sort_by_key(|e| e.created_at);
    let mut settings = crate::domain::moderation::CommunitySettings::default();
    settings.word_filter.insert(
        crate::domain::locale::Locale::En,
        vec!["free money".into(), "scam".into()],
    );
    settings.word_filter.insert(
        crate::domain::locale::Locale::Pl,
        vec!["darmowe pieniądze".into(), "oszustwo".into()],
    );
    demo.settings.push(settings);
    demo
}

const LARGE_WORDS: &[&str] = &[
    "scene",
    "schedule",
    "widget",
    "dimmer",
    "sensor",
    "hub",
    "bulb",
    "strip",
    "timer",
    "colour",
    "sunrise",
    "sunset",
    "voice",
    "matter",
    "zigbee",
    "energy",
    "report",
    "export",
    "room",
    "group",
    "night",
    "holiday",
    "źródło",
    "światło",
    "harmonogram",
    "czujnik",
    "ściemniacz",
    "pilot",
    "aplikacja",
    "tryb",
];

/// Adds the benchmark board `big`: `ideas` ideas and about `votes` votes from 30 000
/// members, popularity skewed like real boards (a few ideas get most votes).
pub fn add_large_board(demo: &mut DemoCommunity, now: Timestamp, ideas: usize, votes: usize) {
    let mut rng = Rng::new(0xB16);
    let board = Board {
        id: BoardId::from("b-big"),
        slug: "big".into(),
        name: "Big board (benchmark)".into(),
        description: format!(
            "{ideas} ideas and about {votes} votes, generated for the scale benchmark."
        ),
        categories: vec![Category {
            id: CategoryId::from("general"),
            name: "General".into(),
        }],
        statuses: Board::default_statuses(),
        settings: BoardSettings {
            anonymous_votes: true,
            ..Default::default()
        },
        created_at: now.plus_days(-400),
        version: 0,
    };
    const MEMBERS: u64 = 30_000;
    let statuses = [
        "open",
        "open",
        "open",
        "under-review",
        "planned",
        "in-progress",
        "done",
        "declined",
    ];
    let weights: Vec<f64> = (0..ideas)
        .map(|i| 1.0 / ((i as f64) + 10.0).powf(0.9))
        .collect();
    let total: f64 = weights.iter().sum();
    for (i, w) in weights.iter().enumerate() {
        let created = now.plus_ms(-(rng.below(365 * DAY_MS as u64) as i64));
        let title = format!(
            "{} {} {} #{i}",
            rng.pick(LARGE_WORDS),
            rng.pick(LARGE_WORDS),
            rng.pick(LARGE_WORDS)
        );
        let id = IdeaId(id_at(&mut rng, created));
        let want = ((w / total) * votes as f64).round().max(1.0) as usize;
        let mut voters = BTreeSet::new();
        while voters.len() < want.min(MEMBERS as usize) {
            voters.insert(rng.below(MEMBERS));
        }
        for m in voters {
            let at = created.plus_ms(rng.below((now.0 - created.0).max(1) as u64) as i64);
            demo.votes.push(Vote::new(
                &id,
                &board.id,
                Actor::Member(MemberId(format!("big-{m}"))),
                at,
            ));
        }
        demo.ideas.push(Idea {
            id,
            board_id: board.id.clone(),
            title,
            description: "Generated for the benchmark.".into(),
            category_id: Some(CategoryId::from("general")),
            author: Actor::Member(MemberId(format!("big-{}", rng.below(MEMBERS)))),
            created_at: created,
            status_id: StatusId::from(statuses[rng.below(statuses.len() as u64) as usize]),
            status_history: Vec::new(),
            visibility: Visibility::Published,
            merged_into: None,
            shipped_in: None,
            version: 0,
        });
    }
    demo.boards.push(board);
}

fn option(id: &str, label: &str) -> ChoiceOption {
    ChoiceOption {
        id: id.into(),
        label: label.into(),
    }
}

fn question(id: &str, text: &str, required: bool, kind: QuestionKind) -> Question {
    Question {
        id: QuestionId::from(id),
        text: text.into(),
        help: String::new(),
        required,
        kind,
        show_if: None,
    }
}

/// The monthly pulse: opens on the first Monday of each month at 09:00 Warsaw winter time.
fn pulse_survey(now: Timestamp) -> Survey {
    // First wave: the first Monday of the month after the one 95 days ago.
    let probe = Schedule {
        opens_at: now.plus_days(-95),
        open_days: 14,
        recurrence: Recurrence::Monthly { nth: 1, weekday: 1 },
        utc_offset_min: 60,
    };
    let first = probe.wave_start(1).unwrap_or(now.plus_days(-60));
    let first = Timestamp(first.0 - first.0.rem_euclid(DAY_MS) + 8 * 3_600_000);
    let mut improve = question(
        "improve",
        "What should we improve next?",
        false,
        QuestionKind::MultipleChoice {
            options: vec![
                option("reliability", "Connection reliability"),
                option("app", "The mobile app"),
                option("integrations", "Integrations"),
                option("docs", "Guides and documentation"),
            ],
            min: 1,
            max: Some(2),
            other: true,
        },
    );
    improve.help = "Pick up to two.".into();
    let mut why = question(
        "why",
        "What could we do better?",
        false,
        QuestionKind::LongText,
    );
    why.show_if = Some(Condition {
        question: QuestionId::from("nps"),
        test: ConditionTest::InRange { min: 0, max: 6 },
    });
    Survey {
        id: SurveyId::from("s-monthly-pulse"),
        title: "Monthly community pulse".into(),
        intro: "Two minutes, seven questions. Results are shared with everyone once enough of you have answered.".into(),
        thanks: "Thank you! We publish what we learn and what we will do about it.".into(),
        questions: vec![
            question("nps", "How likely are you to recommend Lumo to a friend?", true, QuestionKind::Nps),
            why,
            question("csat", "How satisfied are you with the latest app update?", true, QuestionKind::Csat),
            question("mood", "How do you feel about the community lately?", false, QuestionKind::EmojiSlider { emoji: "😊".into() }),
            question(
                "favourite",
                "Which feature do you use most?",
                true,
                QuestionKind::SingleChoice {
                    options: vec![
                        option("scenes", "Scenes"),
                        option("schedules", "Schedules"),
                        option("voice", "Voice control"),
                        option("widget", "Widget"),
                    ],
                },
            ),
            improve,
            question("event", "Did you join a community event this month?", false, QuestionKind::YesNo),
            question("else", "Anything else you want to tell us?", false, QuestionKind::LongText),
        ],
        layout: Layout::OnePage,
        anonymous: false,
        threshold: THRESHOLD_DEFAULT,
        schedule: Schedule {
            opens_at: first,
            // Open until the next wave opens (first Mondays are 28 or 35 days apart), so
            // the demo always has a wave members can answer, whatever today's date.
            open_days: 35,
            recurrence: Recurrence::Monthly { nth: 1, weekday: 1 },
            utc_offset_min: 60,
        },
        published: Vec::new(),
        created_at: first.plus_days(-3),
        version: 0,
    }
}

const FEEDBACK: &[&str] = &[
    "The app got much faster, thank you!",
    "Hub disconnects are still frustrating.",
    "Więcej integracji poproszę.",
    "Love the community events.",
    "Instrukcje mogłyby być jaśniejsze.",
    "",
    "",
];

fn pulse_response(
    rng: &mut Rng,
    survey: &Survey,
    wave: u32,
    member: &Member,
    at: Timestamp,
) -> Response {
    let mut answers = BTreeMap::new();
    // Waves improve slowly: the app update landed well.
    let mood = 0.55 + 0.08 * f64::from(wave) + 0.3 * (rng.unit() - 0.5);
    let nps = (mood * 10.0 + 3.0 * (rng.unit() - 0.5))
        .round()
        .clamp(0.0, 10.0) as i64;
    answers.insert(QuestionId::from("nps"), Answer::Score(nps));
    if nps <= 6 && rng.chance(0.7) {
        answers.insert(
            QuestionId::from("why"),
            Answer::Text((*rng.pick(&FEEDBACK[..5])).to_owned()),
        );
    }
    let csat = (mood * 5.0 + 1.5 * (rng.unit() - 0.5))
        .round()
        .clamp(1.0, 5.0) as i64;
    answers.insert(QuestionId::from("csat"), Answer::Score(csat));
    if rng.chance(0.85) {
        answers.insert(
            QuestionId::from("mood"),
            Answer::Score((mood * 100.0).round().clamp(0.0, 100.0) as i64),
        );
    }
    let fav = ["scenes", "schedules", "voice", "widget"];
    answers.insert(
        QuestionId::from("favourite"),
        Answer::Choice((*rng.pick(&fav)).to_owned()),
    );
    if rng.chance(0.8) {
        let opts = ["reliability", "app", "integrations", "docs"];
        let mut selected = vec![(*rng.pick(&opts)).to_owned()];
        let second = (*rng.pick(&opts)).to_owned();
        if !selected.contains(&second) && rng.chance(0.5) {
            selected.push(second);
        }
        let other = rng.chance(0.1).then(|| "Outdoor lights".to_owned());
        answers.insert(
            QuestionId::from("improve"),
            Answer::Choices { selected, other },
        );
    }
    if rng.chance(0.7) {
        answers.insert(QuestionId::from("event"), Answer::Bool(rng.chance(0.3)));
    }
    let text = *rng.pick(FEEDBACK);
    if !text.is_empty() {
        answers.insert(QuestionId::from("else"), Answer::Text(text.to_owned()));
    }
    Response {
        id: crate::domain::survey::response_id(
            &survey.id,
            wave,
            &Actor::Member(member.id.clone()),
            survey.anonymous,
        ),
        survey_id: survey.id.clone(),
        wave,
        respondent: (!survey.anonymous).then(|| member.id.clone()),
        answers,
        submitted_at: at,
        updated_at: None,
        version: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> DemoCommunity {
        generate(Timestamp::parse("2026-11-24T10:00:00Z").unwrap(), 7)
    }

    #[test]
    fn the_large_board_has_the_requested_size() {
        let mut d = DemoCommunity::default();
        add_large_board(
            &mut d,
            Timestamp::parse("2026-11-24T10:00:00Z").unwrap(),
            1_000,
            20_000,
        );
        assert_eq!(d.ideas.len(), 1_000);
        assert!(
            (19_000..=21_500).contains(&d.votes.len()),
            "{}",
            d.votes.len()
        );
        let ids: BTreeSet<_> = d.votes.iter().map(|v| &v.id).collect();
        assert_eq!(ids.len(), d.votes.len(), "one vote per member and idea");
    }

    #[test]
    fn is_deterministic() {
        let (a, b) = (demo(), demo());
        assert_eq!(a.ideas, b.ideas);
        assert_eq!(a.events, b.events);
    }

    #[test]
    fn main_board_has_about_thirty_ideas_in_every_status() {
        let d = demo();
        let main: Vec<_> = d
            .ideas
            .iter()
            .filter(|i| i.board_id.as_str() == "b-feature-requests")
            .collect();
        assert!((28..=36).contains(&main.len()));
        for status in [
            "open",
            "under-review",
            "planned",
            "in-progress",
            "done",
            "declined",
        ] {
            assert!(
                main.iter().any(|i| i.status_id.as_str() == status),
                "{status}"
            );
        }
        for idea in main.iter().filter(|i| i.merged_into.is_none()) {
            assert!(
                d.votes.iter().any(|v| v.idea_id == idea.id),
                "{} has no votes",
                idea.title
            );
        }
        assert!(d.comments.iter().any(|c| c.official));
    }

    #[test]
    fn votes_are_unique_per_voter_and_idea() {
        let d = demo();
        let ids: BTreeSet<_> = d.votes.iter().map(|v| &v.id).collect();
        assert_eq!(ids.len(), d.votes.len());
    }

    #[test]
    fn survey_has_responses_in_three_waves() {
        let d = demo();
        let waves: BTreeSet<_> = d.responses.iter().map(|r| r.wave).collect();
        assert!(waves.len() >= 3, "{waves:?}");
        let per_member: BTreeSet<_> = d
            .responses
            .iter()
            .map(|r| (r.wave, r.respondent.clone()))
            .collect();
        assert_eq!(
            per_member.len(),
            d.responses.len(),
            "one response per member per wave"
        );
    }

    #[test]
    fn the_pulse_has_an_open_wave_whatever_the_date() {
        // A demo opened on 2026-12-02 once found its wave closed (first Mondays 35 days apart).
        let start = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        for day in 0..800 {
            for hour in [0, 7, 8, 9, 23] {
                let now = start.plus_days(day).plus_ms(hour * 3_600_000);
                let survey = pulse_survey(now);
                assert!(
                    matches!(survey.schedule.wave_at(now), Some((_, true))),
                    "on {}: {:?}",
                    now.to_rfc3339(),
                    survey.schedule.wave_at(now)
                );
            }
        }
    }

    #[test]
    fn activity_spans_ninety_days() {
        let d = demo();
        let days: BTreeSet<_> = d.events.iter().map(|e| e.created_at.day()).collect();
        assert!(days.len() >= 85, "{} days", days.len());
        assert!(d.events.len() > 1_000);
    }
}
