#!/usr/bin/env python3
"""conditions_report.py TSV: bench/conditions.sh's table (medians of verified runs), the ratios
and the targets of each condition, Markdown; and where the CPU went, from the conditions-cpu.tsv
beside TSV when there is one."""
import os
import statistics
import sys
from collections import defaultdict

CONNECTOR = {"many": "connector-50", "pipeline": "connector-pipeline", "sustained": "connector-manager"}


def main():
    rows = defaultdict(list)
    order = []
    loads = []
    with open(sys.argv[1]) as fh:
        next(fh)
        for line in fh:
            condition, tool, run, wall, rss, count, size, verified, load = line.rstrip("\n").split("\t")
            key = (condition, tool)
            if key not in rows:
                order.append(key)
            rows[key].append((float(wall), int(rss), int(count), int(size), verified))
            if load != "-":
                loads.append(float(load))
    med = {}
    print("| condition | tool | runs ok | wall s (median) | msgs/s | MB/s | peak RSS MiB | time vs connector |")
    print("|---|---|---|---|---|---|---|---|")
    for key in order:
        runs = rows[key]
        ok = [r for r in runs if r[4] == "ok" or r[4].startswith("ok ")]
        use = ok or runs
        wall = statistics.median(r[0] for r in use)
        med[key] = wall
    for key in order:
        condition, tool = key
        runs = rows[key]
        ok = [r for r in runs if r[4] == "ok" or r[4].startswith("ok ")]
        wall = med[key]
        rss = max(r[1] for r in runs) / 1024
        count, size = runs[0][2], runs[0][3]
        ref = med.get((condition, CONNECTOR.get(condition, "connector")))
        ratio = f"{wall / ref:.2f}x" if ref else ""
        print(f"| {condition} | {tool} | {len(ok)}/{len(runs)} | {wall:.2f} | {count / wall:.0f} | "
              f"{size / 1e6 / wall:.1f} | {rss:.0f} | {ratio} |")
    if loads:
        print(f"\nLoad average (1 min) at the start of the timed runs: median {statistics.median(loads):.1f}, "
              f"max {max(loads):.1f}.")

    def m(c, t):
        return med.get((c, t))

    targets = []
    for c in ("steady", "seq-writer", "fsync-writer", "tls", "fresh"):
        if m(c, "connector") and m(c, "mpop"):
            targets.append((f"{c}: download at least 3x mpop", m(c, "mpop") / m(c, "connector"), 3, True))
    for c in ("seq-writer", "fsync-writer", "busy-cpu"):
        if m(c, "connector") and m("steady", "connector"):
            targets.append((f"{c}: at least 0.7 of our own speed without a neighbour",
                            m("steady", "connector") / m(c, "connector"), 0.7, True))
    for c in ("rtt20", "rtt80"):
        if m(c, "connector") and m(c, "raw"):
            targets.append((f"{c}: within 1.25x of the raw client (value: connector / raw)",
                            m(c, "connector") / m(c, "raw"), 1.25, False))
        if m(c, "connector") and m(c, "fetchmail"):
            targets.append((f"{c}: at least 10x fetchmail", m(c, "fetchmail") / m(c, "connector"), 10, True))
        if m(c, "connector") and m(c, "mpop"):
            targets.append((f"{c}: context, mpop / connector", m(c, "mpop") / m(c, "connector"), None, True))
    if m("many", "connector-50") and m("many", "raw-50"):
        targets.append(("50 mailboxes: at least 0.8 of the raw client's aggregate",
                        m("many", "raw-50") / m("many", "connector-50"), 0.8, True))
    if m("pipeline", "connector-pipeline") and m("pipeline", "raw-lmtp"):
        targets.append(("full pipeline: within 1.3x of raw LMTP (value: pipeline / raw LMTP)",
                        m("pipeline", "connector-pipeline") / m("pipeline", "raw-lmtp"), 1.3, False))
    sus = {t: rows.get(("sustained", t), []) for t in ("connector-manager", "connector-ctl", "raw-lmtp")}
    if sus["connector-ctl"] and sus["raw-lmtp"]:
        total = sum(r[0] for r in sus["connector-ctl"])
        raw = sum(r[0] for r in sus["raw-lmtp"])
        targets.append((f"pipeline in steady state, {len(sus['connector-ctl'])} cycles from pop3connectorctl, "
                        f"no manager: within 1.3x of raw LMTP (value: {total:.1f} s / {raw:.1f} s)", total / raw, 1.3, False))
    if sus["connector-manager"] and sus["raw-lmtp"]:
        total = sum(r[0] for r in sus["connector-manager"])
        raw = sum(r[0] for r in sus["raw-lmtp"])
        cycles = len(sus["connector-manager"])
        targets.append((f"pipeline in steady state, {cycles} cycles with the manager attached: within 1.3x "
                        f"of raw LMTP (value: {total:.1f} s / {raw:.1f} s)", total / raw, 1.3, False))
        stall = max(int(r[4].split("stall ")[1].split()[0]) if "stall " in r[4] else 0
                    for r in sus["connector-manager"])
        targets.append(("the same: the manager's longest UI-thread stall below 50 ms (value: ms)", stall, 50, False))
        worst = max(sus["connector-manager"], key=lambda r: int(r[4].split("stall ")[1].split()[0]) if "stall " in r[4] else 0)
        if "waited for a CPU " in worst[4]:
            ran = int(worst[4].split("(ran ")[1].split(",")[0])
            waited = int(worst[4].split("waited for a CPU ")[1].split(",")[0].split(";")[0])
            stolen = worst[4].split("stolen by the host ")[1].split(";")[0] if "stolen by the host " in worst[4] else "?"
            targets.append((f"context: during that stall the UI thread ran {ran} ms (its own work) and waited "
                            f"{waited} ms for a CPU, the rest blocked; the host took {stolen} ms of the "
                            f"machine's CPU time meanwhile (value: ms waiting)", waited, None, False))
        idle = [int(r[4].split("idle thread ")[1].split()[0]) for r in sus["connector-manager"] if "idle thread " in r[4]]
        if idle:
            targets.append(("context: the longest stall of a thread of the manager's process with no work "
                            "(what the machine's load costs any thread; value: ms)", max(idle), None, False))
        rss = [r[1] for r in sus["connector-manager"]]
        targets.append((f"context: the service's peak memory after the first and the last cycle (value: MiB, "
                        f"first {rss[0] / 1024:.0f})", rss[-1] / 1024, None, False))
    for key in order:
        limit = 128 if key[1].endswith("-50") else 64
        if key[1].startswith("connector"):
            rss = max(r[1] for r in rows[key]) / 1024
            targets.append((f"{key[0]} {key[1]}: peak RSS at most {limit} MiB", rss, limit, False))
    print("\n| target | measured | met |")
    print("|---|---|---|")
    for name, value, bound, higher in targets:
        met = "" if bound is None else ("yes" if (value >= bound if higher else value <= bound) else "NO")
        print(f"| {name} | {value:.2f} | {met} |")
    cpu_report(os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "conditions-cpu.tsv"))


def cpu_report(path):
    """Medians of each (condition, tool) over its verified runs: what the tool, the neighbour and
    the whole machine used while the tool ran. busy + idle + iowait is about the machine's CPU
    count times the wall time."""
    if not os.path.exists(path):
        return
    rows = defaultdict(list)
    order = []
    cpus = set()
    with open(path) as fh:
        if next(fh, None) is None:
            return
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) != 12 or not (f[4] == "ok" or f[4].startswith("ok ")):
                continue
            key = (f[0], f[1])
            if key not in rows:
                order.append(key)
            cpus.add(f[5])
            rows[key].append([float(f[3])] + [float(x) for x in f[6:]])
    if not rows:
        return
    print(f"\nWhere the CPU went ({'/'.join(sorted(cpus))} CPUs; seconds, medians of verified runs; the "
          "tool's time includes neither the server nor the neighbour):\n")
    print("| condition | tool | wall | tool user | tool system | neighbour | machine busy | idle | iowait |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key in order:
        cols = [statistics.median(r[i] for r in rows[key]) for i in range(7)]
        print(f"| {key[0]} | {key[1]} | " + " | ".join(f"{c:.2f}" for c in cols) + " |")


if __name__ == "__main__":
    main()
