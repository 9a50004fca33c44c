//! The `gromada-metrics` command line on generated data: the output contract (keys, order,
//! one row per day), values against a naive recomputation from the definitions, CSV and
//! JSON input, skipped rows on stderr, and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use gromada::domain::rng::Rng;
use gromada::domain::time::{Day, Timestamp, DAY_MS};
use serde_json::Value;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const KEYS: [&str; 11] = [
    "date",
    "dau",
    "wau",
    "mau",
    "members",
    "engagement_rate",
    "stickiness",
    "ugc",
    "first_response_median_s",
    "first_response_p90_s",
    "unanswered",
];

struct M {
    id: String,
    role: &'static str,
    joined: i64,
    left: Option<i64>,
}

struct E {
    id: String,
    member: String,
    kind: &'static str,
    at: i64,
    parent: String,
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("gromada-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// RFC 3339 text of `ms` in a UTC offset of `minutes`.
fn local(ms: i64, minutes: i64) -> String {
    let text = Timestamp(ms + minutes * 60_000).to_rfc3339();
    if minutes == 0 {
        return format!("{}Z", &text[..19]);
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    format!(
        "{}{sign}{:02}:{:02}",
        &text[..19],
        minutes.abs() / 60,
        minutes.abs() % 60
    )
}

fn generate(seed: u64) -> (Vec<M>, Vec<E>) {
    let mut rng = Rng::new(seed);
    let start = Day::parse("2025-01-01").unwrap().start().0;
    let members: Vec<M> = (0..40)
        .map(|i| M {
            id: format!("u{i}"),
            role: match i {
                0..=5 => "staff",
                6..=9 => "bot",
                _ => "member",
            },
            joined: start + (rng.below(80) as i64 - 20) * DAY_MS + rng.below(86_400) as i64 * 1000,
            left: rng
                .chance(0.2)
                .then(|| start + rng.below(90) as i64 * DAY_MS + rng.below(86_400) as i64 * 1000),
        })
        .collect();
    let kinds = [
        "post",
        "comment",
        "reaction",
        "vote",
        "survey_response",
        "idea",
    ];
    let mut events: Vec<E> = Vec::new();
    for i in 0..700 {
        let m = &members[rng.below(members.len() as u64) as usize];
        let kind = *rng.pick(&kinds);
        let at = start + (rng.below(90) as i64 - 10) * DAY_MS + rng.below(86_400) as i64 * 1000;
        let roots: Vec<&E> = events
            .iter()
            .filter(|e| e.kind == "post" || e.kind == "idea")
            .collect();
        let parent = if kind == "comment" || kind == "reaction" {
            if m.role == "staff" && !roots.is_empty() && rng.chance(0.8) {
                // Staff answer a recent root, mostly after it.
                let root = roots[roots.len() - 1 - rng.below(roots.len().min(5) as u64) as usize];
                let e = E {
                    id: format!("e{i}"),
                    member: m.id.clone(),
                    kind,
                    at: root.at + (rng.below(20_000) as i64 - 1_000) * 1000,
                    parent: root.id.clone(),
                };
                events.push(e);
                continue;
            }
            roots.last().map(|r| r.id.clone()).unwrap_or_default()
        } else {
            String::new()
        };
        events.push(E {
            id: format!("e{i}"),
            member: m.id.clone(),
            kind,
            at,
            parent,
        });
    }
    events.push(E {
        id: "ghost1".into(),
        member: "nobody".into(),
        kind: "post",
        at: start,
        parent: String::new(),
    });
    (members, events)
}

fn write_csv(d: &Path, members: &[M], events: &[E], rng: &mut Rng) -> (PathBuf, PathBuf) {
    let offsets = [0, 60, -300, 330, 120];
    let mut m = String::from("role,id,joined_at,name,left_at\n");
    for x in members {
        let left = x
            .left
            .map(|l| local(l, *rng.pick(&offsets)))
            .unwrap_or_default();
        m.push_str(&format!(
            "{},{},{},\"{}, \"\"the\"\" one\",{}\n",
            x.role,
            x.id,
            local(x.joined, *rng.pick(&offsets)),
            x.id,
            left
        ));
    }
    let mut e = String::from("created_at,id,member_id,kind,channel,parent_id,text,extra\n");
    for x in events {
        e.push_str(&format!(
            "{},{},{},{},general,{},\"text, with \"\"quotes\"\"\nand a newline\",1\n",
            local(x.at, *rng.pick(&offsets)),
            x.id,
            x.member,
            x.kind,
            x.parent
        ));
    }
    let (mp, ep) = (d.join("members.csv"), d.join("events.csv"));
    std::fs::write(&mp, m).unwrap();
    std::fs::write(&ep, e).unwrap();
    (mp, ep)
}

/// Writes `m.csv` and `e.csv` into `d`; the arguments for 2025-01-02 on them.
fn files_for_one_day(d: &Path, members: &str, events: &str) -> Vec<&'static str> {
    std::fs::write(d.join("m.csv"), members).unwrap();
    std::fs::write(d.join("e.csv"), events).unwrap();
    vec![
        "--members",
        d.join("m.csv").to_str().unwrap().to_owned().leak(),
        "--events",
        d.join("e.csv").to_str().unwrap().to_owned().leak(),
        "--from",
        "2025-01-02",
        "--to",
        "2025-01-02",
    ]
}

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gromada-metrics"))
        .args(args)
        .output()
        .unwrap()
}

fn run_ok(members: &Path, events: &Path, from: &str, to: &str) -> (Vec<Value>, String) {
    let out = cli(&[
        "--members",
        members.to_str().unwrap(),
        "--events",
        events.to_str().unwrap(),
        "--from",
        from,
        "--to",
        to,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    (
        json["days"].as_array().unwrap().clone(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The definitions of issue 5, computed the slow obvious way.
fn naive(members: &[M], events: &[E], day: i64) -> Vec<(String, Option<f64>)> {
    let role = |id: &str| members.iter().find(|m| m.id == id).map(|m| m.role);
    let known: Vec<&E> = events
        .iter()
        .filter(|e| role(&e.member).is_some())
        .collect();
    let active = |from: i64, to: i64| -> usize {
        known
            .iter()
            .filter(|e| {
                role(&e.member) == Some("member") && (from..=to).contains(&e.at.div_euclid(DAY_MS))
            })
            .map(|e| e.member.as_str())
            .collect::<HashSet<_>>()
            .len()
    };
    let (dau, wau, mau) = (
        active(day, day),
        active(day - 6, day),
        active(day - 27, day),
    );
    let count = members
        .iter()
        .filter(|m| {
            m.role == "member"
                && m.joined.div_euclid(DAY_MS) <= day
                && m.left.is_none_or(|l| l.div_euclid(DAY_MS) > day)
        })
        .count();
    let ugc = known
        .iter()
        .filter(|e| {
            role(&e.member) == Some("member")
                && e.at.div_euclid(DAY_MS) == day
                && matches!(e.kind, "post" | "comment" | "idea")
        })
        .count();
    let mut times = Vec::new();
    let mut unanswered = 0;
    for r in known.iter().filter(|e| {
        role(&e.member) == Some("member")
            && matches!(e.kind, "post" | "idea")
            && e.at.div_euclid(DAY_MS) == day
    }) {
        let first = known
            .iter()
            .filter(|c| {
                role(&c.member) == Some("staff")
                    && c.kind == "comment"
                    && c.parent == r.id
                    && c.at > r.at
            })
            .map(|c| c.at)
            .min();
        match first {
            Some(at) => times.push((at - r.at) as f64 / 1000.0),
            None => unanswered += 1,
        }
    }
    times.sort_by(f64::total_cmp);
    let q = |p: f64| {
        (!times.is_empty()).then(|| {
            let pos = (times.len() - 1) as f64 * p;
            let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
            times[lo] + (times[hi] - times[lo]) * (pos - lo as f64)
        })
    };
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    vec![
        ("dau".into(), Some(dau as f64)),
        ("wau".into(), Some(wau as f64)),
        ("mau".into(), Some(mau as f64)),
        ("members".into(), Some(count as f64)),
        ("engagement_rate".into(), Some(ratio(mau, count))),
        ("stickiness".into(), Some(ratio(dau, mau))),
        ("ugc".into(), Some(ugc as f64)),
        ("first_response_median_s".into(), q(0.5)),
        ("first_response_p90_s".into(), q(0.9)),
        ("unanswered".into(), Some(unanswered as f64)),
    ]
}

#[test]
fn prints_the_contract_and_the_values_of_the_definitions() {
    let (members, events) = generate(7);
    let d = dir("values");
    let (mp, ep) = write_csv(&d, &members, &events, &mut Rng::new(1));
    let (days, stderr) = run_ok(&mp, &ep, "2025-01-15", "2025-03-20");
    assert_eq!(days.len(), 65);
    assert!(
        stderr.contains("skipped 1 events whose member_id is not in"),
        "{stderr}"
    );
    assert!(stderr.contains("'nobody'"), "{stderr}");
    let mut answered_days = 0;
    for (i, row) in days.iter().enumerate() {
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted_keys = KEYS.to_vec();
        sorted_keys.sort_unstable();
        assert_eq!(keys, sorted_keys); // serde_json's map is sorted; the order is checked below
        let day = Day::parse("2025-01-15").unwrap().0 + i as i64;
        assert_eq!(row["date"], Day(day).to_string());
        for (key, expected) in naive(&members, &events, day) {
            match (expected, row[&key].as_f64()) {
                (None, None) => assert!(row[&key].is_null()),
                (Some(e), Some(got)) => assert!(
                    (e - got).abs() <= 1e-9 * e.abs().max(1.0),
                    "{} {key}: {got} vs {e}",
                    row["date"]
                ),
                (e, got) => panic!("{} {key}: {got:?} vs {e:?}", row["date"]),
            }
        }
        answered_days += usize::from(row["first_response_median_s"].is_number());
    }
    // The data exercise every part of the definitions.
    assert!(answered_days > 5, "{answered_days}");
    assert!(days.iter().any(|r| r["unanswered"].as_u64() > Some(0)));
    assert!(days.iter().any(|r| r["wau"] != r["mau"]));
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn the_output_is_one_json_object_with_keys_in_contract_order() {
    let d = dir("order");
    std::fs::write(
        d.join("m.csv"),
        "id,role,joined_at\nm1,member,2025-01-01T00:00:00Z\n",
    )
    .unwrap();
    std::fs::write(
        d.join("e.csv"),
        "id,member_id,kind,created_at\ne1,m1,post,2025-01-02T00:00:00Z\n",
    )
    .unwrap();
    let out = cli(&[
        "--members",
        d.join("m.csv").to_str().unwrap(),
        "--events",
        d.join("e.csv").to_str().unwrap(),
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-02",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"days\":[\
{\"date\":\"2025-01-01\",\"dau\":0,\"wau\":0,\"mau\":0,\"members\":1,\"engagement_rate\":0.0,\"stickiness\":0.0,\"ugc\":0,\"first_response_median_s\":null,\"first_response_p90_s\":null,\"unanswered\":0},\
{\"date\":\"2025-01-02\",\"dau\":1,\"wau\":1,\"mau\":1,\"members\":1,\"engagement_rate\":1.0,\"stickiness\":1.0,\"ugc\":1,\"first_response_median_s\":null,\"first_response_p90_s\":null,\"unanswered\":1}]}\n"
    );
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn json_input_gives_the_same_series_as_csv() {
    let (members, events) = generate(11);
    let d = dir("json");
    let (mp, ep) = write_csv(&d, &members, &events, &mut Rng::new(2));
    let m_json: Vec<Value> = members
        .iter()
        .map(|m| serde_json::json!({"id": m.id, "role": m.role, "joined_at": local(m.joined, 0), "left_at": m.left.map(|l| local(l, 60))}))
        .collect();
    let e_json: Vec<Value> = events
        .iter()
        .map(|e| serde_json::json!({"id": e.id, "member_id": e.member, "kind": e.kind, "created_at": local(e.at, -300), "parent_id": e.parent, "text": "a, \"b\"\nc"}))
        .collect();
    let (mj, ej) = (d.join("members.json"), d.join("events.json"));
    std::fs::write(&mj, serde_json::to_string_pretty(&m_json).unwrap()).unwrap();
    std::fs::write(&ej, serde_json::to_string_pretty(&e_json).unwrap()).unwrap();
    let (from_csv, _) = run_ok(&mp, &ep, "2025-01-01", "2025-03-31");
    let (from_json, _) = run_ok(&mj, &ej, "2025-01-01", "2025-03-31");
    assert_eq!(from_csv, from_json);
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn bad_rows_are_listed_on_stderr_and_the_good_rows_used() {
    let d = dir("bad");
    let args = files_for_one_day(
        &d,
        "id,role,joined_at\nm1,member,2025-01-01T00:00:00Z\nm2,owner,2025-01-01T00:00:00Z\n",
        "id,member_id,kind,created_at\ne1,m1,post,2025-01-02T00:00:00Z\ne2,m1,post,yesterday\ne3,m2,post,2025-01-02T00:00:00Z\n",
    );
    let out = cli(&args);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("m.csv: skipped 1 of 2 rows"), "{stderr}");
    assert!(
        stderr.contains("line 3: role 'owner' is not one of member, staff, bot"),
        "{stderr}"
    );
    assert!(
        stderr.contains("line 3: created_at 'yesterday' is not an RFC 3339 time"),
        "{stderr}"
    );
    assert!(
        stderr.contains("skipped 1 events whose member_id is not in"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["days"][0]["ugc"], 1);
    // --strict: same output, exit code 3.
    let mut strict = args.to_vec();
    strict.push("--strict");
    let out = cli(&strict);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(serde_json::from_slice::<Value>(&out.stdout).unwrap(), json);
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn wrong_arguments_and_unreadable_files_fail_with_a_message() {
    let d = dir("errors");
    std::fs::write(d.join("m.csv"), "id,joined_at\nm1,2025-01-01T00:00:00Z\n").unwrap();
    std::fs::write(d.join("e.csv"), "id,member_id,kind,created_at\n").unwrap();
    let m = d.join("m.csv").to_str().unwrap().to_owned();
    let e = d.join("e.csv").to_str().unwrap().to_owned();
    let cases: [(Vec<&str>, i32, &str); 6] = [
        (vec![], 2, "--from is required"),
        (
            vec![
                "--members",
                &m,
                "--events",
                &e,
                "--from",
                "2025-02-30",
                "--to",
                "2025-03-01",
            ],
            2,
            "--from '2025-02-30' is not a date",
        ),
        (
            vec![
                "--members",
                &m,
                "--events",
                &e,
                "--from",
                "2025-03-02",
                "--to",
                "2025-03-01",
            ],
            2,
            "--to 2025-03-01 is before --from 2025-03-02",
        ),
        (
            vec![
                "--members",
                &m,
                "--events",
                &e,
                "--from",
                "2025-03-01",
                "--to",
                "2025-03-01",
                "--verbose",
            ],
            2,
            "unknown argument '--verbose'",
        ),
        (
            vec![
                "--members",
                "/nonexistent/m.csv",
                "--events",
                &e,
                "--from",
                "2025-03-01",
                "--to",
                "2025-03-01",
            ],
            1,
            "/nonexistent/m.csv: cannot be read",
        ),
        (
            vec![
                "--members",
                &m,
                "--events",
                &e,
                "--from",
                "2025-03-01",
                "--to",
                "2025-03-01",
            ],
            1,
            "the header has no 'role' column",
        ),
    ];
    for (args, code, message) in cases {
        let out = cli(&args);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let help = cli(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8(help.stdout)
        .unwrap()
        .starts_with("usage: gromada-metrics"));
    std::fs::remove_dir_all(d).unwrap();
}

#[test]
fn a_repeated_event_id_is_reported_and_counted_once() {
    let d = dir("dup");
    let args = files_for_one_day(
        &d,
        "id,role,joined_at\nm1,member,2025-01-01T00:00:00Z\nm2,member,2025-01-01T00:00:00Z\n",
        "id,member_id,kind,created_at\ne1,m1,post,2025-01-02T00:00:00Z\ne2,m2,post,2025-01-02T01:00:00Z\ne1,m2,post,2025-01-02T02:00:00Z\n",
    );
    let out = cli(&args);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("skipped 1 events whose id repeats an earlier event's (the first one counts; e.g. 'e1')"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            json["days"][0]["dau"].clone(),
            json["days"][0]["ugc"].clone()
        ),
        (2.into(), 2.into())
    );
    let mut strict = args.to_vec();
    strict.push("--strict");
    assert_eq!(cli(&strict).status.code(), Some(3));
    std::fs::remove_dir_all(d).unwrap();
}
