#!/usr/bin/env python3
"""Reads a sandbox request log (GET /_sandbox/requests, saved as JSON) of one scan and prints where
its wall time went, as seen from the endpoint: the process start to the first request (JVM and SDK
start, sign-in), each phase's first and last request, requests in flight over time (each entry's
time is when its answer was ready; micros is how long the sandbox held it, injected latency
included), and the last answer to the process's end (building and writing the capture).
Usage: python3 bench/request_log_profile.py LOG.json LABEL [PROCESS_START_EPOCH PROCESS_END_EPOCH]
"""
import collections
import datetime
import json
import sys


def epoch(ts):
    # 2026-12-07T12:24:06.275735461Z: Python parses microseconds only
    main, frac = ts.rstrip("Z").split(".") if "." in ts else (ts.rstrip("Z"), "0")
    t = datetime.datetime.fromisoformat(main).replace(tzinfo=datetime.timezone.utc).timestamp()
    return t + float("0." + frac)


def phase(r):
    s, op = r["service"], r["operation"]
    if s in ("sts", "organizations") and op != "AssumeRole":
        return "1 sign-in and organization"
    if op in ("AssumeRole", "ListRegions"):
        return "2 role assumption and regions"
    if s == "kms":
        return "4 keys"
    if op == "DescribeProtectedResource":
        return "3b per-item DescribeProtectedResource"
    if op == "ListRecoveryPointsByBackupVault":
        return "3a recovery point pages"
    return "3c other backup and mpa reads"


def main():
    log, label = sys.argv[1], sys.argv[2]
    start = float(sys.argv[3]) if len(sys.argv) > 3 else None
    end = float(sys.argv[4]) if len(sys.argv) > 4 else None
    rs = json.load(open(log))["requests"]
    if not rs:
        print(f"BENCH-INFO {label}: the request log is empty")
        return
    spans = [(epoch(r["time"]) - r["micros"] / 1e6, epoch(r["time"]), r) for r in rs]
    first = min(s for s, _, _ in spans)
    last = max(e for _, e, _ in spans)
    held = sum(e - s for s, e, _ in spans)
    print(f"BENCH-INFO {label}: {len(rs)} requests from first sent to last answered {last - first:.1f} s; "
          f"average in flight {held / (last - first):.1f}; "
          f"outcomes {dict(collections.Counter(r['outcome'] for r in rs))}")
    if start is not None:
        print(f"BENCH-INFO {label}: process start to first request {first - start:.1f} s (JVM, SDK, sign-in, clients)")
    if end is not None:
        print(f"BENCH-INFO {label}: last answer to process end {end - last:.1f} s (assemble, write the capture, exit)")
    by = collections.defaultdict(list)
    for s, e, r in spans:
        by[phase(r)].append((s, e))
    for name in sorted(by):
        v = by[name]
        s0, e1 = min(s for s, _ in v), max(e for _, e in v)
        held = sum(e - s for s, e in v)
        print(f"BENCH-INFO {label}: phase {name[2:].strip()}: {len(v)} requests, {s0 - first:.1f} s to {e1 - first:.1f} s "
              f"after the first request; average in flight while it ran {held / max(e1 - s0, 1e-6):.1f}")
    # requests in flight, averaged over one-second buckets
    buckets = collections.defaultdict(float)
    for s, e, _ in spans:
        t = s
        while t < e:
            b = int(t - first)
            nxt = min(e, first + b + 1)
            buckets[b] += nxt - t
            t = nxt
    series = " ".join(f"{buckets.get(i, 0.0):.0f}" for i in range(int(last - first) + 1))
    print(f"BENCH-INFO {label}: requests in flight per second of the scan: {series}")


if __name__ == "__main__":
    main()
