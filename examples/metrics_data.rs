//! Deterministic activity data for the metrics benchmark (not part of the app): writes
//! `members.csv` and `events.csv` in the issue-5 contract into a directory.
//!
//! ```text
//! cargo run --release --example metrics_data -- OUT_DIR [EVENTS] [MEMBERS] [SEED]
//! ```
//!
//! Defaults: 1 000 000 events from 50 000 members over 2025. Realistic skew (a few very
//! active members, a long tail), weekday rhythm and growth, staff replies after delays
//! from a minute to days (some never, some before the root, some in the same second),
//! bots, members joining before and during the year and some leaving, texts with commas,
//! quotes, newlines, Polish and emoji, times in several UTC offsets, some with
//! milliseconds, and a few events of members missing from `members.csv`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = native::run() {
        eprintln!("metrics_data: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use gromada::domain::rng::Rng;
    use gromada::domain::time::{Day, Timestamp, DAY_MS};
    use std::error::Error;

    const OFFSETS_MIN: [i64; 7] = [0, 60, 120, -300, 330, -480, 540];
    const TEXTS: &[&str] = &[
        "Great update, thanks!",
        "The app crashes when I open settings",
        "Is there a way to export my data?",
        "I said \"it works\", but it doesn't, really",
        "Świetna aplikacja, polecam 👍",
        "Nie działa synchronizacja od wczoraj",
        "first line\nsecond line, with a comma",
        "Love it ❤️",
        "meh",
        "Could you add dark mode?",
        "Terrible support, waited three days",
        "Dzięki za szybką odpowiedź!",
        "",
        "quote \"\" inside, and \"more\"\r\nand a CRLF",
    ];

    struct Member {
        id: String,
        role: &'static str,
        joined: i64,
        left: Option<i64>,
        weight: f64,
    }

    pub fn run() -> Result<(), Box<dyn Error>> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let dir = args
            .first()
            .ok_or("usage: metrics_data OUT_DIR [EVENTS] [MEMBERS] [SEED]")?;
        let n_events: usize = args.get(1).map_or(Ok(1_000_000), |s| s.parse())?;
        let n_members: usize = args.get(2).map_or(Ok(50_000), |s| s.parse())?;
        let seed: u64 = args.get(3).map_or(Ok(2025), |s| s.parse())?;
        std::fs::create_dir_all(dir)?;
        let mut rng = Rng::new(seed);
        let start = Day::parse("2025-01-01").ok_or("date")?.start().0;
        let year_ms = 365 * DAY_MS;

        let members = make_members(&mut rng, n_members, start, year_ms);
        let mut w = csv::Writer::from_path(format!("{dir}/members.csv"))?;
        w.write_record(["id", "name", "role", "joined_at", "left_at"])?;
        for (i, m) in members.iter().enumerate() {
            let name = match i % 5 {
                0 => format!("Smith, Jo {i}"),
                1 => format!("Ann \"Nan\" {i}"),
                2 => format!("Zoë Łukasz {i}"),
                _ => format!("member {i}"),
            };
            let left = m.left.map(|l| local_time(&mut rng, l)).unwrap_or_default();
            w.write_record([&m.id, &name, m.role, &local_time(&mut rng, m.joined), &left])?;
        }
        w.flush()?;

        // Events: members chosen by weight (rejection keeps them within their membership).
        let cumulative: Vec<f64> = members
            .iter()
            .scan(0.0, |acc, m| {
                *acc += m.weight;
                Some(*acc)
            })
            .collect();
        let total = cumulative.last().copied().unwrap_or(1.0);
        let staff: Vec<usize> = (0..members.len())
            .filter(|&i| members[i].role == "staff")
            .collect();
        let bots: Vec<usize> = (0..members.len())
            .filter(|&i| members[i].role == "bot")
            .collect();
        let mut w = csv::Writer::from_path(format!("{dir}/events.csv"))?;
        w.write_record([
            "id",
            "member_id",
            "kind",
            "channel",
            "created_at",
            "parent_id",
            "text",
        ])?;
        let mut roots: Vec<(String, i64)> = Vec::new();
        let mut written = 0usize;
        let mut next_id = 0u64;
        let channels = ["general", "help", "ideas", "showcase", "off-topic"];
        let mut write = |w: &mut csv::Writer<std::fs::File>,
                         rng: &mut Rng,
                         member: &str,
                         kind: &str,
                         at: i64,
                         parent: &str|
         -> Result<String, Box<dyn Error>> {
            next_id += 1;
            let id = format!("e{next_id}");
            let text = *rng.pick(TEXTS);
            let channel = *rng.pick(&channels);
            w.write_record([
                &id,
                member,
                kind,
                channel,
                &local_time(rng, at),
                parent,
                text,
            ])?;
            Ok(id)
        };
        while written < n_events {
            let pick = rng.unit() * total;
            let i = cumulative
                .partition_point(|&c| c < pick)
                .min(members.len() - 1);
            let m = &members[i];
            if m.role != "member" {
                continue;
            }
            // A day in 2025, more on weekdays and later in the year.
            let day = loop {
                let d = rng.below(365) as i64;
                let weekday = (start / DAY_MS + d + 3).rem_euclid(7);
                let factor = if weekday >= 5 { 0.55 } else { 1.0 } * (0.6 + 0.4 * d as f64 / 365.0);
                if rng.chance(factor) {
                    break d;
                }
            };
            // Whole seconds, a few with milliseconds.
            let ms = if rng.chance(0.03) {
                rng.below(1000) as i64
            } else {
                0
            };
            let mut at = start + day * DAY_MS + rng.below(86_400) as i64 * 1000 + ms;
            // Members act within their membership, mostly (a few events after leaving).
            if at < m.joined {
                at = m.joined + rng.below(3 * 86_400) as i64 * 1000;
            }
            if m.left.is_some_and(|l| at > l) && rng.chance(0.9) {
                continue;
            }
            if at >= start + year_ms {
                continue;
            }
            let roll = rng.unit();
            let kind = match roll {
                r if r < 0.12 => "post",
                r if r < 0.42 => "comment",
                r if r < 0.72 => "reaction",
                r if r < 0.88 => "vote",
                r if r < 0.93 => "survey_response",
                _ => "idea",
            };
            let parent = if matches!(kind, "comment" | "reaction" | "vote") && !roots.is_empty() {
                let recent = roots.len().saturating_sub(500);
                roots[recent + rng.below((roots.len() - recent) as u64) as usize]
                    .0
                    .clone()
            } else {
                String::new()
            };
            let id = write(&mut w, &mut rng, &m.id, kind, at, &parent)?;
            written += 1;
            if matches!(kind, "post" | "idea") {
                roots.push((id.clone(), at));
                // Staff answer most roots, after a minute to a few days.
                if written < n_events && rng.chance(0.75) {
                    let s = &members[staff[rng.below(staff.len() as u64) as usize]];
                    let delay = match rng.below(20) {
                        0 => 0,                                 // same instant: not a response
                        1 => -(rng.below(3_600) as i64) * 1000, // before the root: not a response
                        _ => (60.0 * (4_000.0f64).powf(rng.unit())) as i64 * 1000,
                    };
                    let ms = if rng.chance(0.05) {
                        rng.below(1000) as i64
                    } else {
                        0
                    };
                    write(&mut w, &mut rng, &s.id, "comment", at + delay + ms, &id)?;
                    written += 1;
                    if written < n_events && rng.chance(0.2) {
                        let later = at + delay + 1000 * (1 + rng.below(86_400) as i64);
                        write(&mut w, &mut rng, &s.id, "comment", later, &id)?;
                        written += 1;
                    }
                }
                // Bots comment too; that never counts as a response.
                if written < n_events && rng.chance(0.05) {
                    let b = &members[bots[rng.below(bots.len() as u64) as usize]];
                    write(&mut w, &mut rng, &b.id, "comment", at + 30_000, &id)?;
                    written += 1;
                }
            }
            // Staff and bots post on their own as well.
            if written < n_events && rng.chance(0.01) {
                let s = &members[staff[rng.below(staff.len() as u64) as usize]];
                write(&mut w, &mut rng, &s.id, "post", at, "")?;
                written += 1;
            }
            if written < n_events && rng.chance(0.0002) {
                write(&mut w, &mut rng, "ghost-member", "post", at, "")?;
                written += 1;
            }
        }
        w.flush()?;
        eprintln!(
            "wrote {} members and {written} events to {dir}",
            members.len()
        );
        Ok(())
    }

    fn make_members(rng: &mut Rng, n: usize, start: i64, year_ms: i64) -> Vec<Member> {
        (0..n)
            .map(|i| {
                let role = match i % 1000 {
                    0..=2 => "staff",
                    3 => "bot",
                    _ => "member",
                };
                // A third joined before 2025; the rest during the year.
                let joined = if rng.chance(0.33) {
                    start - rng.below(400 * 86_400) as i64 * 1000
                } else {
                    start + rng.below(year_ms as u64 / 1000) as i64 * 1000
                };
                let left = (role == "member" && rng.chance(0.15))
                    .then(|| joined + rng.below(300 * 86_400) as i64 * 1000);
                // Zipf-like activity: weight 1 / rank^0.9 over a shuffled rank.
                let rank = 1 + rng.below(n as u64);
                Member {
                    id: format!("m{i:05}"),
                    role,
                    joined,
                    left,
                    weight: 1.0 / (rank as f64).powf(0.9),
                }
            })
            .collect()
    }

    /// The instant as RFC 3339 text in one of several UTC offsets.
    fn local_time(rng: &mut Rng, ms: i64) -> String {
        let offset = *rng.pick(&OFFSETS_MIN);
        let local = Timestamp(ms + offset * 60_000);
        let text = local.to_rfc3339(); // 2025-01-02T03:04:05.678Z in "local" time
        let base = &text[..19];
        let millis = &text[19..23];
        let zone = if offset == 0 {
            "Z".to_owned()
        } else {
            let sign = if offset < 0 { '-' } else { '+' };
            format!("{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60)
        };
        if millis == ".000" {
            format!("{base}{zone}")
        } else {
            format!("{base}{millis}{zone}")
        }
    }
}
