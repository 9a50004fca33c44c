//! `gromada-metrics`: the engagement metrics of a members/events export as JSON, with
//! the same engine as the browser dashboard (contract and exit codes: README).
//!
//! ```text
//! gromada-metrics --members M.csv --events E.csv --from YYYY-MM-DD --to YYYY-MM-DD [--strict]
//! ```
//!
//! Exit codes: 0 the series was printed (skipped rows, if any, are listed on stderr);
//! 1 a file cannot be read or lacks a required column; 2 wrong arguments;
//! 3 with `--strict`, the series was printed but rows were skipped.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(native::run(std::env::args().skip(1).collect()));
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // The command line is native only; the browser runs the same engine from the UI.
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use gromada::domain::import::{read_members, CsvEvents, ImportError, ImportReport, JsonEvents};
    use gromada::domain::metrics::{Engine, EngineOptions, Finish, PushCounts};
    use gromada::domain::time::Day;
    use std::io::{BufRead, BufReader, Write};

    const USAGE: &str = "usage: gromada-metrics --members MEMBERS.csv --events EVENTS.csv \
--from YYYY-MM-DD --to YYYY-MM-DD [--strict]\n\
Prints {\"days\":[…]} with one object per day (CSV or JSON input, see README).";

    /// How many skipped rows are listed on stderr per file.
    const SHOWN_ROWS: usize = 20;

    struct Args {
        members: String,
        events: String,
        from: Day,
        to: Day,
        strict: bool,
    }

    fn parse_args(args: &[String]) -> Result<Args, String> {
        let (mut members, mut events, mut from, mut to, mut strict) =
            (None, None, None, None, false);
        let mut it = args.iter();
        while let Some(flag) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match flag.as_str() {
                "--members" => members = Some(value("--members")?),
                "--events" => events = Some(value("--events")?),
                "--from" => from = Some(value("--from")?),
                "--to" => to = Some(value("--to")?),
                "--strict" => strict = true,
                other => return Err(format!("unknown argument '{other}'")),
            }
        }
        let day = |name: &str, v: Option<String>| {
            let v = v.ok_or_else(|| format!("{name} is required"))?;
            Day::parse(&v).ok_or_else(|| format!("{name} '{v}' is not a date (YYYY-MM-DD)"))
        };
        let (from, to) = (day("--from", from)?, day("--to", to)?);
        if to < from {
            return Err(format!("--to {to} is before --from {from}"));
        }
        Ok(Args {
            members: members.ok_or("--members is required")?,
            events: events.ok_or("--events is required")?,
            from,
            to,
            strict,
        })
    }

    pub fn run(args: Vec<String>) -> i32 {
        if args.iter().any(|a| a == "--help" || a == "-h") {
            println!("{USAGE}");
            return 0;
        }
        let args = match parse_args(&args) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("gromada-metrics: {e}\n{USAGE}");
                return 2;
            }
        };
        match compute(&args) {
            Ok(skipped) if skipped && args.strict => 3,
            Ok(_) => 0,
            Err(e) => {
                eprintln!("gromada-metrics: {e}");
                1
            }
        }
    }

    /// Prints the series; returns whether any row or event was skipped.
    fn compute(args: &Args) -> Result<bool, ImportError> {
        let bytes = std::fs::read(&args.members).map_err(|e| unreadable(&args.members, e))?;
        let members = read_members(&args.members, &bytes)?;
        drop(bytes);
        report_rows(&args.members, &members.report);
        let mut engine = Engine::new(&members.members, EngineOptions::default());
        drop(members.members);

        // A second pass reads the file again when some event ids may repeat.
        let (metrics, report) = loop {
            let report = push_events(&args.events, &mut engine)?;
            match engine.finish() {
                Finish::Done(metrics) => break (metrics, report),
                Finish::Again(again) => engine = *again,
            }
        };
        report_rows(&args.events, &report);
        report_skipped(&args.events, &args.members, metrics.counts());
        let skipped = members.report.bad_row_count > 0
            || report.bad_row_count > 0
            || metrics.counts().unknown_member > 0
            || metrics.counts().duplicate_id > 0;

        let days = metrics.daily(args.from, args.to);
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let written = serde_json::to_writer(&mut out, &Output { days: &days })
            .map_err(|e| e.to_string())
            .and_then(|()| {
                writeln!(out)
                    .and_then(|()| out.flush())
                    .map_err(|e| e.to_string())
            });
        written.map_err(|reason| ImportError::Unreadable {
            file: "standard output".to_owned(),
            reason,
        })?;
        Ok(skipped)
    }

    fn unreadable(file: &str, e: std::io::Error) -> ImportError {
        ImportError::Unreadable {
            file: file.to_owned(),
            reason: e.to_string(),
        }
    }

    /// Reads the events file (CSV or JSON) into the engine; returns what was skipped.
    fn push_events(path: &str, engine: &mut Engine) -> Result<ImportReport, ImportError> {
        let fail = |e| unreadable(path, e);
        let file = std::fs::File::open(path).map_err(fail)?;
        let mut input = BufReader::with_capacity(1 << 16, file);
        let head = input.fill_buf().map_err(fail)?;
        Ok(if gromada::domain::import::json::looks_like_json(head) {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut input, &mut bytes).map_err(fail)?;
            let mut reader = JsonEvents::new(path, &bytes);
            while reader.read_chunk(usize::MAX, |e| engine.push(e))? {}
            reader.report().clone()
        } else {
            let mut reader = CsvEvents::new(path, input)?.without_text();
            while reader.read_chunk(usize::MAX, |e| engine.push(e))? {}
            reader.report().clone()
        })
    }

    /// The printed object: `{"days":[…]}` (a struct keeps the contract's key order).
    #[derive(serde::Serialize)]
    struct Output<'a> {
        days: &'a [gromada::domain::metrics::DailyRow],
    }

    fn report_rows(file: &str, report: &ImportReport) {
        if report.bad_row_count == 0 {
            return;
        }
        eprintln!(
            "{file}: skipped {} of {} rows (the other rows are used):",
            report.bad_row_count, report.rows
        );
        for row in report.bad_rows.iter().take(SHOWN_ROWS) {
            eprintln!("  {row}");
        }
        let shown = report.bad_rows.len().min(SHOWN_ROWS) as u64;
        if report.bad_row_count > shown {
            eprintln!("  … and {} more", report.bad_row_count - shown);
        }
    }

    /// Events the engine skipped: by unknown members, with a repeated id.
    fn report_skipped(file: &str, members_file: &str, counts: &PushCounts) {
        let skips = [
            (
                counts.unknown_member,
                format!("whose member_id is not in {members_file}"),
                "",
                &counts.unknown_member_examples,
            ),
            (
                counts.duplicate_id,
                "whose id repeats an earlier event's".to_owned(),
                "the first one counts; ",
                &counts.duplicate_id_examples,
            ),
        ];
        for (n, why, note, examples) in skips {
            if n == 0 {
                continue;
            }
            let examples: Vec<String> = examples.iter().map(|e| format!("'{e}'")).collect();
            eprintln!(
                "{file}: skipped {n} events {why} ({note}e.g. {})",
                examples.join(", ")
            );
        }
    }
}
