//! Times the metrics engine natively doing exactly the dashboard's work on an import
//! (sentiment on, every channel): read members and events, push every event, finish, and
//! compute the year's daily series. For `scripts/bench/dashboard.mjs`; not part of the app.
//!
//! ```text
//! cargo run --release --example engine_time -- MEMBERS.csv EVENTS.csv FROM TO
//! ```
//! Prints the elapsed milliseconds.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use gromada::domain::import::{read_members, EventReader};
    use gromada::domain::metrics::{Engine, EngineOptions};
    use gromada::domain::time::Day;
    use std::time::Instant;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [members, events, from, to] = args.as_slice() else {
        eprintln!("usage: engine_time MEMBERS.csv EVENTS.csv FROM TO");
        std::process::exit(2);
    };
    let (Some(from), Some(to)) = (Day::parse(from), Day::parse(to)) else {
        eprintln!("engine_time: FROM and TO are YYYY-MM-DD");
        std::process::exit(2);
    };
    let started = Instant::now();
    let run = || -> Result<usize, String> {
        let m = std::fs::read(members).map_err(|e| e.to_string())?;
        let e = std::fs::read(events).map_err(|e| e.to_string())?;
        let members = read_members(members, &m).map_err(|e| e.to_string())?;
        let options = EngineOptions {
            sentiment: true,
            channels: None,
        };
        let metrics = Engine::compute(&members.members, options, |engine| {
            let mut reader = EventReader::new(events, &e).map_err(|e| e.to_string())?;
            while reader
                .read_chunk(50_000, |e| engine.push(e))
                .map_err(|e| e.to_string())?
            {}
            Ok::<_, String>(())
        })?;
        Ok(metrics.daily(from, to).len())
    };
    match run() {
        Ok(days) => println!("{} {days}", started.elapsed().as_millis()),
        Err(e) => {
            eprintln!("engine_time: {e}");
            std::process::exit(1);
        }
    }
}
