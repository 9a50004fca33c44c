//! The DiscordChatExporter importer on a hand-written two-channel sample in that
//! exporter's JSON format (`tests/data/discord-*.json`).
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use gromada::domain::activity::{ActivityRole, EventKind};
use gromada::domain::import::discord::{import_discord, DiscordImport, DiscordOptions};
use gromada::domain::metrics::{Engine, EngineOptions};
use gromada::domain::time::Day;

const HELP: &[u8] = include_bytes!("data/discord-help.json");
const GENERAL: &[u8] = include_bytes!("data/discord-general.json");

fn sample(options: &DiscordOptions) -> DiscordImport {
    import_discord(&[("help.json", HELP), ("general.json", GENERAL)], options).unwrap()
}

#[test]
fn keeps_people_and_leaves_out_bots_and_system_messages() {
    let import = sample(&DiscordOptions::default());
    let r = &import.report;
    assert_eq!((r.channels, r.messages), (2, 9));
    // Posts: Ania's question, Marek's question, Sam's release note.
    assert_eq!(r.posts, 3);
    // Comments: Sam's answer and Ania's thanks (the bot's reply is left out).
    assert_eq!(r.comments, 2);
    assert_eq!(r.bot_messages, 1);
    // 👍 by Marek and Sam (LumoBot's left out), 🎉 by Ania and Marek.
    assert_eq!((r.reactions, r.bot_reactions), (4, 1));
    assert_eq!(r.reactions_without_users, 2);
    assert_eq!(r.system_messages.get("GuildMemberJoin"), Some(&1));
    assert_eq!(r.system_messages.get("ChannelPinnedMessage"), Some(&1));
    assert_eq!(r.system_messages.get("ThreadCreated"), Some(&1));
    assert_eq!(import.events.len(), 9);

    // A reply to a reply belongs to the root of the chain.
    let thanks = import
        .events
        .iter()
        .find(|e| e.id.as_str() == "1100000000000000005")
        .unwrap();
    assert_eq!(thanks.kind, EventKind::Comment);
    assert_eq!(
        thanks.parent_id.as_ref().unwrap().as_str(),
        "1100000000000000002"
    );
    assert_eq!(thanks.channel, "help");
    // Offsets are read: 10:15:30.123+01:00 is 09:15:30.123 UTC.
    let question = import
        .events
        .iter()
        .find(|e| e.id.as_str() == "1100000000000000002")
        .unwrap();
    assert_eq!(question.created_at.to_rfc3339(), "2025-03-01T09:15:30.123Z");

    let role = |id: &str| {
        import
            .members
            .iter()
            .find(|m| m.id.as_str() == id)
            .unwrap()
            .role
    };
    assert_eq!(role("500000000000000001"), ActivityRole::Member);
    assert_eq!(role("500000000000000003"), ActivityRole::Staff);
    assert_eq!(role("600000000000000001"), ActivityRole::Bot);
    assert_eq!(import.members.len(), 4);
}

#[test]
fn first_response_and_activity_from_the_sample() {
    let import = sample(&DiscordOptions::default());
    let metrics = Engine::of_events(&import.members, EngineOptions::default(), &import.events);
    let (d1, d3) = (
        Day::parse("2025-03-01").unwrap(),
        Day::parse("2025-03-03").unwrap(),
    );
    let rows = metrics.daily(d1, d3);
    // Sam (Moderator) answered Ania's question 09:15:30.123 → 09:45:30.123: 1800 s.
    assert_eq!(rows[0].first_response_median_s, Some(1800.0));
    assert_eq!(rows[0].unanswered, 0);
    // 03-01: Ania (post, reply) and Marek (reaction); 03-02: Marek's question, unanswered.
    assert_eq!((rows[0].dau, rows[0].ugc), (2, 2));
    assert_eq!((rows[1].dau, rows[1].ugc, rows[1].unanswered), (1, 1, 1));
    // 03-03: reactions by Ania and Marek to the staff's release note; no UGC.
    assert_eq!((rows[2].dau, rows[2].ugc, rows[2].wau), (2, 0, 2));
}

#[test]
fn staff_roles_and_overrides_are_parameters() {
    let mut options = DiscordOptions {
        staff_roles: vec!["beta tester".into()],
        ..DiscordOptions::default()
    };
    options
        .roles
        .insert("sam.lumo".into(), ActivityRole::Member);
    let import = sample(&options);
    let role = |id: &str| {
        import
            .members
            .iter()
            .find(|m| m.id.as_str() == id)
            .unwrap()
            .role
    };
    assert_eq!(role("500000000000000001"), ActivityRole::Staff);
    assert_eq!(role("500000000000000003"), ActivityRole::Member);
}

#[test]
fn a_file_that_is_not_an_export_is_refused_with_a_reason() {
    let err = import_discord(
        &[("x.json", b"{\"guild\": {}}")],
        &DiscordOptions::default(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("x.json: has no \"messages\" list"),
        "{err}"
    );
    let err = import_discord(&[("y.json", b"{oops")], &DiscordOptions::default()).unwrap_err();
    assert!(err.to_string().starts_with("y.json: line 1:"), "{err}");
}
