#!/usr/bin/env python3
"""Benchmark of the metrics CLI against DuckDB (a benchmark, not a test).

Generates 1 000 000 events from 50 000 members over 2025 (examples/metrics_data.rs) into a
temporary directory, runs `gromada-metrics` and DuckDB's SQL of the same definitions
(metrics_duckdb.sql) on the same CSVs, checks that every day and field is identical, and
times both side by side (CSV reading included), several repetitions each, reporting the
median and the ratio, and the CLI's peak resident memory.

    python3 scripts/bench/metrics.py [--events N] [--members N] [--reps N]

DuckDB (PyPI `duckdb`, pinned below) is installed into .tools/bench-venv on first use.
Comparison rule: integers equal; floats equal as IEEE doubles (the CLI's JSON is read
back with Python's float parser, which round-trips shortest representations exactly);
nulls equal. No tolerance.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

DUCKDB_VERSION = "2.0.1"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VENV = os.path.join(ROOT, ".tools", "bench-venv")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
FROM, TO = "2025-01-01", "2025-12-31"
TIME = "/usr/bin/time"  # GNU time (Debian package `time`), for the peak memory
FIELDS = ["date", "dau", "wau", "mau", "members", "engagement_rate", "stickiness", "ugc",
          "first_response_median_s", "first_response_p90_s", "unanswered"]


def ensure_duckdb():
    """Re-runs this script inside the venv with the pinned duckdb."""
    python = os.path.join(VENV, "bin", "python")
    if sys.prefix == VENV:
        return
    check = [python, "-c", f"import duckdb, sys; sys.exit(duckdb.__version__ != '{DUCKDB_VERSION}')"]
    if not os.path.exists(python) or subprocess.run(check, capture_output=True).returncode != 0:
        print(f"installing duckdb=={DUCKDB_VERSION} into {VENV} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", f"duckdb=={DUCKDB_VERSION}"], check=True)
    os.execv(python, [python] + sys.argv)


def build():
    subprocess.run(["cargo", "build", "--release", "--bin", "gromada-metrics",
                    "--example", "metrics_data"], cwd=ROOT, check=True)
    return (os.path.join(TARGET, "release", "gromada-metrics"),
            os.path.join(TARGET, "release", "examples", "metrics_data"))


def run_cli(cli, members, events):
    """Runs the CLI once; returns (seconds, parsed days, peak RSS in KiB of this child)."""
    cmd = [cli, "--members", members, "--events", events, "--from", FROM, "--to", TO]
    # Peak RSS through GNU time: a child forked from this (large, DuckDB-holding) Python
    # process would inherit its high-water mark, which survives exec.
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = os.path.join(tmp, "rss")
        start = time.perf_counter()
        done = subprocess.run([TIME, "-o", rss_file, "-f", "%M"] + cmd, capture_output=True)
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"gromada-metrics failed: {done.stderr.decode()}")
        with open(rss_file) as f:
            peak_kib = int(f.read().split()[-1])
    return seconds, json.loads(done.stdout)["days"], peak_kib, done.stderr.decode()


def run_duckdb(sql):
    import duckdb
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    rows = con.execute(sql).fetchall()
    columns = [d[0] for d in con.description]
    con.close()
    seconds = time.perf_counter() - start
    return seconds, [dict(zip(columns, r)) for r in rows]


def compare(cli_days, db_days):
    problems = []
    if len(cli_days) != len(db_days):
        problems.append(f"{len(cli_days)} days from the CLI, {len(db_days)} from DuckDB")
    for c, d in zip(cli_days, db_days):
        if list(c.keys()) != FIELDS:
            problems.append(f"CLI keys {list(c.keys())} differ from the contract")
        for f in FIELDS:
            a, b = c.get(f), d.get(f)
            same = (a is None and b is None) or (a is not None and b is not None and a == b
                                                 and type(a) is type(b))
            if not same:
                problems.append(f"{c.get('date')} {f}: CLI {a!r}, DuckDB {b!r}")
    return problems


def main():
    if not os.path.exists(TIME):
        sys.exit("needs GNU time for the memory figure: apt-get install time")
    ensure_duckdb()
    import duckdb
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    cli, gen = build()
    with tempfile.TemporaryDirectory(prefix="gromada-bench-") as tmp:
        subprocess.run([gen, tmp, str(args.events), str(args.members)], check=True)
        members, events = os.path.join(tmp, "members.csv"), os.path.join(tmp, "events.csv")
        size = os.path.getsize(events) / 1e6
        with open(os.path.join(ROOT, "scripts", "bench", "metrics_duckdb.sql")) as f:
            sql = f.read()
        for key, value in {"{members}": members, "{events}": events, "{from}": FROM, "{to}": TO}.items():
            sql = sql.replace(key, value)
        cli_times, db_times, peak = [], [], 0
        cli_days = db_days = None
        # Alternate the two so that both see the same machine state.
        for rep in range(args.reps):
            seconds, cli_days, rss, stderr = run_cli(cli, members, events)
            cli_times.append(seconds)
            peak = max(peak, rss)
            seconds, db_days = run_duckdb(sql)
            db_times.append(seconds)
            print(f"rep {rep + 1}: CLI {cli_times[-1]:.3f} s, DuckDB {db_times[-1]:.3f} s", file=sys.stderr)
        problems = compare(cli_days, db_days)
        cli_med, db_med = statistics.median(cli_times), statistics.median(db_times)
        print(f"data: {args.events} events ({size:.1f} MB CSV), {args.members} members, {FROM} … {TO}")
        print(f"CLI stderr: {stderr.strip() or '(empty)'}")
        print(f"gromada-metrics: median {cli_med:.3f} s over {args.reps} runs "
              f"(min {min(cli_times):.3f}, max {max(cli_times):.3f})")
        print(f"DuckDB {duckdb.__version__}: median {db_med:.3f} s over {args.reps} runs "
              f"(min {min(db_times):.3f}, max {max(db_times):.3f}), {os.cpu_count()} threads")
        print(f"ratio DuckDB / CLI: {db_med / cli_med:.1f}x")
        print(f"CLI peak resident memory: {peak / 1024:.1f} MiB")
        if problems:
            print(f"MISMATCH: {len(problems)} differences, first ones:")
            for p in problems[:20]:
                print("  " + p)
            sys.exit(1)
        print(f"exact match: {len(cli_days)} days x {len(FIELDS)} fields identical")


if __name__ == "__main__":
    main()
