#!/usr/bin/env python3
"""Runs Turnaround's benchmark suite and writes docs/performance.md.

Called by `bash .ci/bench`, which installs what is missing, builds the release binary
and the bare eframe window, and generates the 200-trainee / 100,000-attempt data set
first. Every figure comes from the release binary's own bench subcommands (JSON), from
callgrind, or from timing whole commands here. The budgets are issue 11's; nothing
here decides a figure, it only reports medians and compares them with the budgets.
"""

import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "turnaround")
BARE = os.path.join(ROOT, "target", "release", "examples", "bare_window")
DATA = os.path.join(ROOT, "target", "bench-data")
OUT = os.path.join(ROOT, "target", "bench")
PIN = os.environ.get("BENCH_MANAGER_PIN", "2468")
STARTUP_RUNS = 11


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run_json(args, env=None):
    """Runs the binary with `args`, returns its JSON output."""
    full_env = dict(os.environ, **(env or {}))
    run = subprocess.run([BIN] + args, capture_output=True, text=True, env=full_env)
    if run.returncode != 0:
        raise SystemExit(
            f"bench: `turnaround {' '.join(args)}` exited {run.returncode}:\n{run.stderr}"
        )
    return json.loads(run.stdout.strip().splitlines()[-1])


def engine():
    log("engine: load + validate and random playthroughs over a 10,000-node scenario")
    figures = run_json(["bench-engine", "--json"])
    log("engine: instructions per step under callgrind")
    cg_out = os.path.join(OUT, "callgrind.engine.out")
    cg = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={cg_out}",
            "--collect-atstart=no",
            "--toggle-collect=turnaround::cli::bench_engine::step_once",
            BIN,
            "bench-engine",
            "--loads",
            "0",
            "--steps",
            "20000",
            "--rounds",
            "1",
            "--json",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    steps = json.loads(cg.stdout.strip().splitlines()[-1])["steps"]
    total = None
    with open(cg_out) as f:
        for line in f:
            m = re.match(r"(?:summary|totals):\s+(\d+)", line)
            if m:
                total = int(m.group(1))
    if not total:
        raise SystemExit("bench: callgrind counted nothing in step_once")
    figures["instructions_per_step"] = total / steps
    figures["callgrind_steps"] = steps
    return figures


def authoring():
    log("authoring: 1,000 generated scenarios, and the trainer's 500-node graph")
    return run_json(["bench-authoring", "--json"])


def scorer():
    dev = os.path.join(ROOT, "..", "shared", "scoring", "dev.jsonl")
    own = os.path.join(ROOT, "tests", "data", "scoring", "labelled.jsonl")
    path = dev if os.path.exists(dev) else own
    log(f"scorer: {os.path.relpath(path, ROOT)}, and 10 KB replies")
    figures = run_json(["bench", path, "--seconds", "5", "--json"])
    figures["set"] = os.path.relpath(path, ROOT)
    return figures


def timed(args, runs, env=None):
    """Median wall time of a whole command, in ms."""
    full_env = dict(os.environ, **(env or {}))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [BIN] + args, check=True, stdout=subprocess.DEVNULL, env=full_env
        )
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), times


def progress():
    log("progress: the manager's views and every screen's frame CPU time")
    pin_env = {"TURNAROUND_MANAGER_PIN": PIN}
    # One unmeasured read first: the figures are for a warm page cache. (A cold one is
    # the disk's speed; the manager area reads on a thread and shows its progress.)
    run_json(["--data-dir", DATA, "bench-views", "--frames", "1", "--json"], pin_env)
    views = run_json(["--data-dir", DATA, "bench-views", "--json"], pin_env)
    log("progress: CSV exports")
    attempts_csv = timed(["--data-dir", DATA, "report", "--csv"], 3, pin_env)
    turns_csv = timed(["--data-dir", DATA, "report", "--csv", "--turns"], 3, pin_env)
    views["attempts_csv_ms"] = attempts_csv[0]
    views["turns_csv_ms"] = turns_csv[0]
    return views


class Xvfb:
    """A private X display for the real windows."""

    def __enter__(self):
        self.runtime = tempfile.mkdtemp(prefix="turnaround-xdg-")
        os.chmod(self.runtime, 0o700)
        for n in range(90, 140):
            if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(
                f"/tmp/.X{n}-lock"
            ):
                self.display = f":{n}"
                break
        self.proc = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1.0)
        return self

    def env(self):
        return dict(os.environ, DISPLAY=self.display, XDG_RUNTIME_DIR=self.runtime)

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait()
        shutil.rmtree(self.runtime, ignore_errors=True)


def measure_window(cmd, env, what="first frame"):
    """Runs a window that measures itself; returns (ms to WHAT, peak RSS KiB)."""
    out = subprocess.run(
        cmd, check=True, capture_output=True, text=True, env=env, timeout=120
    ).stdout
    frame = re.search(rf"^{what}: (\d+) ms", out, re.MULTILINE)
    rss = re.search(r"peak RSS: (\d+) KiB", out)
    if not frame:
        raise SystemExit(f"bench: {cmd[0]} printed no \"{what}\": {out!r}")
    return int(frame.group(1)), int(rss.group(1)) if rss else None


def app():
    log(f"app: first frame and peak RSS, real windows under Xvfb, {STARTUP_RUNS} runs each")
    fig = {
        "app": [], "app_rss": [], "bare": [], "bare_rss": [], "bare_small": [],
        "manager": [], "manager_rss": [],
    }
    small = [BARE, "--eframe-default-size"]
    # eframe restores a window size it finds in the app's storage; the app opens at its
    # own size here, like the bare window, and not at one an earlier run was left at.
    try:
        os.remove(os.path.join(DATA, "ui-state"))
    except FileNotFoundError:
        pass
    with Xvfb() as x:
        env = x.env()
        # One unmeasured run each warms the page cache and Mesa's shader cache.
        measure_window([BARE], env)
        measure_window(small, env)
        measure_window([BIN, "--data-dir", DATA, "--measure-startup"], env)
        for _ in range(STARTUP_RUNS):
            ms, rss = measure_window([BARE], env)
            fig["bare"].append(ms)
            fig["bare_rss"].append(rss)
            fig["bare_small"].append(measure_window(small, env)[0])
            ms, rss = measure_window([BIN, "--data-dir", DATA, "--measure-startup"], env)
            fig["app"].append(ms)
            fig["app_rss"].append(rss)
        manager_env = dict(env, TURNAROUND_MANAGER_PIN=PIN)
        for _ in range(3):
            ms, rss = measure_window(
                [BIN, "--data-dir", DATA, "--measure-manager"], manager_env, "manager list"
            )
            fig["manager"].append(ms)
            fig["manager_rss"].append(rss)
    return fig


def machine():
    def first(path, key):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return line.split(":", 1)[1].strip() if ":" in line else line.split("=", 1)[1].strip().strip('"')
        except OSError:
            pass
        return "unknown"

    mem_kb = first("/proc/meminfo", "MemTotal").split()[0]
    rustc = subprocess.run(["rustc", "-V"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return {
        "cpu": first("/proc/cpuinfo", "model name"),
        "cores": os.cpu_count(),
        "memory_gib": round(int(mem_kb) / 1024 / 1024, 1) if mem_kb.isdigit() else None,
        "os": first("/etc/os-release", "PRETTY_NAME="),
        "kernel": platform.release(),
        "rustc": rustc,
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
    }


def verdict(ok):
    return "met" if ok else "**missed**"


def write(results):
    e, a, s, p, w, m = (results[k] for k in ("engine", "authoring", "scorer", "progress", "app", "machine"))
    med = statistics.median
    step_us = e["step_ns"] / 1000
    instr = e["instructions_per_step"]
    screens = p["views"] + p["trainee_views"] + a["frames"]
    worst_screen = max(screens, key=lambda v: v["median_ms"])
    app_ms, bare_ms, small_ms = med(w["app"]), med(w["bare"]), med(w["bare_small"])
    app_rss, bare_rss = med(w["app_rss"]), med(w["bare_rss"])
    worst_reply = max(s["long_replies"], key=lambda r: r["microseconds"])
    rows = [
        ("engine step", "under 20k instructions and under 2 µs",
         f"{instr:,.0f} instructions, {step_us:.2f} µs", instr < 20000 and step_us < 2),
        ("10k-node scenario load+validate", "under 80 ms",
         f"{e['load_validate_ms']:.1f} ms", e["load_validate_ms"] < 80),
        ("1,000 scenarios load+validate", "under 1 s",
         f"{a['folder_play_ms'] / 1000:.2f} s", a["folder_play_ms"] < 1000),
        ("one reply scored", "under 50 µs",
         f"{s['microseconds_per_reply']:.1f} µs", s["microseconds_per_reply"] < 50),
        ("manager list on 100k attempts", "under 1 s",
         f"{p['unlock_ms'] / 1000:.2f} s", p["unlock_ms"] < 1000),
        ("any screen's frame CPU time (the screens measured)", "under 4 ms",
         f"{worst_screen['median_ms']:.2f} ms (slowest: {worst_screen['view']})",
         worst_screen["median_ms"] < 4),
        ("first frame", "within 1.25× of a bare eframe window",
         f"{app_ms:.0f} ms vs {bare_ms:.0f} ms: {app_ms / bare_ms:.2f}× (same window size; "
         f"{app_ms / small_ms:.2f}× against eframe's default size, see below)",
         app_ms <= 1.25 * bare_ms),
        ("peak RSS", "within 1.25× of a bare eframe window",
         f"{app_rss / 1024:.0f} MiB vs {bare_rss / 1024:.0f} MiB: {app_rss / bare_rss:.2f}×",
         app_rss <= 1.25 * bare_rss),
    ]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Performance",
        "",
        "<!-- Written by `bash .ci/bench`; run it again rather than editing by hand. -->",
        "",
        f"Measured {now} on: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; "
        f"{m['os']}, Linux {m['kernel']}; {m['rustc']}; commit {m['commit']}. "
        "Release build. Windows ran under Xvfb with Mesa's software renderer.",
        "",
        "## Budgets",
        "",
        "Medians. Budgets from issue 11; a missed budget is fixed, never loosened.",
        "",
        "| What | Budget | Measured | |",
        "|---|---|---|---|",
    ]
    lines += [f"| {w_} | {b} | {v} | {verdict(ok)} |" for w_, b, v, ok in rows]
    lines += [
        "",
        "## Engine",
        "",
        f"A generated scenario of {e['nodes']:,} nodes (`bench-engine`).",
        "",
        "| Measure | Median | Runs |",
        "|---|---|---|",
        f"| Load + validate, as the app loads a scenario | {e['load_validate_ms']:.1f} ms | "
        + ", ".join(f"{x:.1f}" for x in e["load_validate_runs"]) + " |",
        f"| The same file with one warning (a node nothing links to), which is located in the text | "
        f"{e['load_validate_warning_ms']:.1f} ms | "
        + ", ".join(f"{x:.1f}" for x in e["load_validate_warning_runs"]) + " |",
        f"| Load + validate + the recovery lints, as `turnaround validate` checks it | "
        f"{e['load_validate_lints_ms']:.1f} ms | "
        + ", ".join(f"{x:.1f}" for x in e["load_validate_lints_runs"]) + " |",
        f"| One step of a random playthrough | {e['step_ns']:.0f} ns | "
        + ", ".join(f"{x:.0f}" for x in e["step_ns_rounds"]) + " |",
        f"| Instructions per step (callgrind, {e['callgrind_steps']:,} steps) | {instr:,.0f} | one run: callgrind counts the same each time |",
        "",
        f"{e['steps']:,} steps over {e['playthroughs']:,} playthroughs, "
        f"{e['steps_per_playthrough']:.0f} steps each on average. A step is one customer line "
        "passed or one reply picked, with its transcript entry and the debrief at the end.",
        "",
        f"1,000 generated scenarios of {a['nodes_each']} nodes each (`bench-authoring`), "
        "spread over the cores as the library loads them:",
        "",
        "| Measure | Time |",
        "|---|---|",
        f"| Load + validate | {a['folder_play_ms']:.0f} ms |",
        f"| Load + validate + the recovery lints (`turnaround validate`) | {a['folder_ms']:.0f} ms |",
        f"| The same, one file after another on one core | {a['folder_one_core_ms']:.0f} ms |",
        "",
        "## Scorer",
        "",
        f"`turnaround bench` over `{s['set']}` ({s['distinct']} replies, scored again and again "
        f"for {s['seconds']:.0f} s, {s['rounds']:,} rounds of the whole set): "
        f"{s['microseconds_per_reply']:.1f} µs a reply, the median round; "
        f"{s['replies_per_second']:,.0f} replies a second. Stems are cached per thread, so "
        f"later rounds find the set's words already stemmed; the first round, before that, "
        f"took {s['first_round_microseconds_per_reply']:.1f} µs a reply.",
        "",
        "| Long reply | Bytes | Median of 101 |",
        "|---|---|---|",
    ]
    lines += [f"| {r['reply']} | {r['bytes']:,} | {r['microseconds']:,.0f} µs |" for r in s["long_replies"]]
    lines += [
        "",
        f"The worst case is {worst_reply['microseconds']:,.0f} µs ({worst_reply['reply']}). "
        "The scorer reads the first 8 KB of a reply and says so.",
        "",
        "## Progress",
        "",
        f"The generated data set: {p['trainees']} trainees, {p['attempts']:,} attempts "
        "(`demo-data --trainees 200 --attempts 100000`), read after one unmeasured read, "
        "so from a warm page cache. With a cold disk the first read waits on the disk; the "
        "Manager area reads on a thread and shows its progress meanwhile.",
        "",
        "| Measure | Time |",
        "|---|---|",
        f"| Opening the manager's trainee list: PIN check and every trainee's rows (`bench-views`) | {p['unlock_ms']:.0f} ms |",
        f"| The same in the real window, from `main()` to the list presented (`--measure-manager`, median of 3) | {med(w['manager']):.0f} ms |",
        f"| Peak RSS of that window once the list is shown | {med(w['manager_rss']) / 1024:.0f} MiB |",
        f"| `report --csv` (every attempt) | {p['attempts_csv_ms']:.0f} ms |",
        f"| `report --csv --turns` (every turn) | {p['turns_csv_ms']:.0f} ms |",
        "",
        "## App",
        "",
        f"First frame and peak RSS: {STARTUP_RUNS} runs each of `turnaround --measure-startup` "
        "(the real start screen, with the built-in library and the 200-trainee data dir) and "
        "of `examples/bare_window.rs`, alternating, after one unmeasured run of each. "
        "Both print the time from the start of `main()` to the first presented frame, and "
        "`VmHWM` right after it. Both open at Turnaround's window size (1100×760), never at "
        "a size restored from an earlier run, so the two are compared like for like; the "
        "bare window was also measured at eframe's default size (800×600). (eframe "
        "restores a stored window size even with `persist_window` off. Until 2026-11-22 "
        "the bare window here restored a stale 800×600, which made the app look 1.22-1.27× "
        "slower than it was.)",
        "",
        "| | Median | Runs |",
        "|---|---|---|",
        f"| Turnaround, first frame | {app_ms:.0f} ms | {', '.join(map(str, w['app']))} |",
        f"| Bare eframe window, first frame | {bare_ms:.0f} ms | {', '.join(map(str, w['bare']))} |",
        f"| Bare eframe window at eframe's default size, first frame | {small_ms:.0f} ms | {', '.join(map(str, w['bare_small']))} |",
        f"| Turnaround, peak RSS | {app_rss / 1024:.1f} MiB | {', '.join(f'{x / 1024:.0f}' for x in w['app_rss'])} |",
        f"| Bare eframe window, peak RSS | {bare_rss / 1024:.1f} MiB | {', '.join(f'{x / 1024:.0f}' for x in w['bare_rss'])} |",
        "",
        "The screens measured are below; the trainer area's panels other than the graph "
        "are not yet among them. "
        "Frame CPU time is the app's own work per frame: building the UI and tessellating "
        "it, with the real views driven headlessly at 1100×760 (`bench-views`, "
        "`bench-authoring`). Rasterising is not part of it.",
        "",
        "| Screen | Frames | Median | Mean | p95 |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| {v['view']} | {v['frames']} | {v['median_ms']:.2f} ms | {v['mean_ms']:.2f} ms | {v['p95_ms']:.2f} ms |"
        for v in p["trainee_views"] + p["views"] + a["frames"]
    ]
    lines += [
        "",
        "## Running it",
        "",
        "`bash .ci/bench` installs what is missing (Xvfb, valgrind), builds the release "
        "binary and the bare window, generates the data set into `target/bench-data` the "
        "first time (2.8 GB; 2.5 to 20 minutes here, depending on the disk), runs everything "
        "above (about 6 minutes), prints this "
        "table and rewrites this file. The raw figures are kept in `target/bench/`.",
        "",
        "The instructions per step come from callgrind, which counts instructions rather "
        "than time, so the figure is the same on a busy machine. To count them by hand:",
        "",
        "```sh",
        "cargo build --release",
        "valgrind --tool=callgrind --collect-atstart=no \\",
        "    --toggle-collect='turnaround::cli::bench_engine::step_once' \\",
        "    target/release/turnaround bench-engine --loads 0 --steps 20000 --rounds 1 --json",
        "callgrind_annotate callgrind.out.*   # total Ir / the steps printed",
        "```",
        "",
        "These are benchmark figures. No test asserts a time.",
        "",
    ]
    text = "\n".join(lines)
    with open(os.path.join(ROOT, "docs", "performance.md"), "w") as f:
        f.write(text)
    print("\n".join(lines[lines.index("## Budgets"):lines.index("## Engine")]))


def main():
    os.makedirs(OUT, exist_ok=True)
    for path in (BIN, BARE):
        if not os.access(path, os.X_OK):
            raise SystemExit(f"bench: {path} is missing; run `bash .ci/bench`")
    results = {
        "machine": machine(),
        "engine": engine(),
        "authoring": authoring(),
        "scorer": scorer(),
        "progress": progress(),
        "app": app(),
    }
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(results, f, indent=1)
    write(results)


if __name__ == "__main__":
    main()
