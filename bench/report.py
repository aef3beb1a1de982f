#!/usr/bin/env python3
"""report.py RUNS_TSV: the benchmark table (medians of verified runs) and the targets, Markdown."""
import os
import platform
import statistics
import subprocess
import sys
from collections import defaultdict

REFERENCE = {"pipeline": "connector-pipeline"}


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    fs = subprocess.run(["df", "-T", os.path.dirname(os.path.abspath(sys.argv[1]))],
                        capture_output=True, text=True).stdout.splitlines()[-1].split()
    return (f"{os.cpu_count()} cores ({cpu}), {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') // 2**30} GiB, "
            f"kernel {platform.release()}, spool on {fs[1]} ({fs[0]})")


def main():
    rows = defaultdict(list)
    order = []
    with open(sys.argv[1]) as fh:
        next(fh)
        for line in fh:
            scenario, tool, run, wall, rss, count, size, verified = line.rstrip("\n").split("\t")
            key = (scenario, tool)
            if key not in rows:
                order.append(key)
            rows[key].append((float(wall), int(rss), int(count), int(size), verified))
    print("# Benchmark results\n")
    print(f"Machine: {machine()}. Server, clients and disk share the machine; compare ratios from one run.")
    print("`bench/run.sh` writes this file; every run is in `bench/work/runs.tsv`.\n")
    print("| scenario | tool | runs ok | wall s (median) | msgs/s | MB/s | peak RSS MiB | time vs connector |")
    print("|---|---|---|---|---|---|---|---|")
    medians = {}
    for key in order:
        ok = [r for r in rows[key] if r[4].startswith("ok")]
        if not ok:
            print(f"| {key[0]} | {key[1]} | 0/{len(rows[key])} | failed: {rows[key][-1][4]} | | | | |")
            continue
        wall = statistics.median(r[0] for r in ok)
        rss = max(r[1] for r in ok) / 1024
        count, size = ok[0][2], ok[0][3]
        medians[key] = (wall, rss, count, size)
    for key in order:
        if key not in medians:
            continue
        wall, rss, count, size = medians[key]
        ref = medians.get((key[0], REFERENCE.get(key[0], "connector")))
        ratio = f"{wall / ref[0]:.1f}x" if ref else ""
        ok = len([r for r in rows[key] if r[4].startswith("ok")])
        print(f"| {key[0]} | {key[1]} | {ok}/{len(rows[key])} | {wall:.2f} | {count / wall:.0f} | "
              f"{size / wall / 1e6:.1f} | {rss:.0f} | {ratio} |")

    def get(scenario, tool):
        return medians.get((scenario, tool))

    checks = []
    c, m, raw = get("main", "connector"), get("main", "mpop"), get("main", "raw")
    if c and m:
        checks.append(("download: at least 3x mpop's throughput", m[0] / c[0], 3))
    if c and raw:
        checks.append(("download: at least half of the raw limit", raw[0] / c[0], 0.5))
    c, m = get("small", "connector"), get("small", "mpop")
    if c and m:
        checks.append(("many small messages: at least 3x mpop", m[0] / c[0], 3))
    c = get("big", "connector")
    if c:
        checks.append(("100 MB message: peak RSS at most 64 MB (value: MB)", c[1] * 1.048576, -64))
    one, four = get("parallel", "connector"), get("parallel", "connector-4-mailboxes")
    if one and four:
        checks.append(("4 mailboxes at once: at least 1.6x one", one[0] / four[0], 1.6))
    r1, r4 = get("parallel", "raw"), get("parallel", "raw-4-mailboxes")
    if r1 and r4:
        checks.append(("context: raw client, 4 mailboxes at once / one", r1[0] / r4[0], 0))
    p, d, f = get("pipeline", "connector-pipeline"), get("pipeline", "connector-download"), get("pipeline", "fetchmail-lmtp")
    if p and f:
        checks.append(("full pipeline: at least 10x fetchmail to LMTP", f[0] / p[0], 10))
    if p and d:
        checks.append(("full pipeline: within 3x of download alone (value: pipeline/download)", p[0] / d[0], -3))
    rl = get("pipeline", "raw-lmtp")
    if rl and d:
        checks.append(("context: the LMTP server's own limit (raw client) / download alone", rl[0] / d[0], 0))
    if rl and p:
        checks.append(("context: full pipeline / the LMTP server's limit", p[0] / rl[0], 0))
    for scenario, now, before in (("main", "connector", "connector-baseline"),
                                  ("pipeline", "connector-pipeline", "connector-baseline-pipeline")):
        n, b = get(scenario, now), get(scenario, before)
        if n and b:
            checks.append((f"{scenario}: this build's time / BASELINE's (below 1.05: not slower)", n[0] / b[0], -1.05))
    gui = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "gui.txt")
    if os.path.exists(gui):
        values = dict(line.split() for line in open(gui) if len(line.split()) == 2)
        print("\n## The manager\n")
        print("| measurement | value |\n|---|---|")
        labels = {
            "spool_listed_ms": f"Spool tab, {values.get('spool_messages', '?')} messages: folder listed (ms)",
            "spool_first_rows_ms": "Spool tab: first rows with sender and subject (ms)",
            "spool_scroll_to_end_ms": "Spool tab: jump to the last message, its row filled (ms)",
            "spool_longest_ui_stall_ms": "Spool tab: longest UI-thread stall while opening (ms)",
            "retrieve_cycle_ms": f"Retrieve now, {values.get('retrieve_messages', '?')} messages, all stages (ms)",
            "retrieve_longest_ui_stall_ms": "Retrieve now: longest UI-thread stall (ms)",
        }
        for key, label in labels.items():
            if key in values:
                print(f"| {label} | {values[key]} |")
    print("\n## Targets\n")
    print("| target | measured | met |\n|---|---|---|")
    for text, value, goal in checks:
        met = "" if goal == 0 else "yes" if (value <= -goal if goal < 0 else value >= goal) else "NO"
        print(f"| {text} | {value:.2f} | {met} |")


if __name__ == "__main__":
    main()
