#!/usr/bin/env python3
"""Turns bench/run's measurements (one JSON object a line) into the printed table, the target checks and the
saved JSON. Standard library only.

    report.py MEASUREMENTS.jsonl META.json OUTPUT.json
"""
import json
import sys

W1_P99_LIMIT_MS = 150
RSS_LIMIT_MB = 300
W5_CREATES_PER_S = 1500


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def derive(m):
    w = m["wrk"]
    seconds = w["duration_us"] / 1e6
    m["req_per_s"] = round(w["requests"] / seconds, 1) if seconds else 0.0
    m["p50_ms"] = round(w["p50_us"] / 1000, 2)
    m["p99_ms"] = round(w["p99_us"] / 1000, 2)
    m["timeouts"] = w["timeouts"]
    m["socket_errors"] = w["connect_errors"] + w["read_errors"] + w["write_errors"]
    m["non_2xx"] = w["non_2xx"]
    m["graphql_errors"] = w["graphql_errors"]
    return m


def find(ms, target, workload, connections):
    for m in ms:
        if m["target"] == target and m["workload"] == workload and m["connections"] == connections:
            return m
    return None


def errors(m):
    return m["timeouts"] + m["socket_errors"] + m["non_2xx"] + m["graphql_errors"]


def checks(ms, meta):
    out = []

    def check(name, measured, ok, note=""):
        out.append({"target": name, "measured": measured, "met": bool(ok), "note": note})

    base = find(ms, "baseline", "W1", 400)
    for target, floor in (("server cache=on", 1.0), ("server cache=off", 0.8)):
        w1 = find(ms, target, "W1", 400)
        if not w1 or not base:
            continue
        check(f"W1@400 {target}: 0 timeouts, 0 errors", f"{w1['timeouts']} timeouts, {errors(w1)} errors",
              errors(w1) == 0)
        check(f"W1@400 {target}: p99 <= {W1_P99_LIMIT_MS} ms", f"{w1['p99_ms']} ms",
              w1["p99_ms"] <= W1_P99_LIMIT_MS)
        check(f"W1@400 {target}: >= {floor}x baseline", f"{w1['ratio_to_baseline']}x",
              w1["ratio_to_baseline"] >= floor)
        check(f"W1 {target}: server RSS <= {RSS_LIMIT_MB} MB", f"{w1['rss_mb']} MB",
              w1["rss_mb"] is not None and w1["rss_mb"] <= RSS_LIMIT_MB)
    # The read workloads' targets, with the result cache (W2-W4 are fixed requests, so they are cache hits too)
    # and without it (every request executed).
    for target in ("server cache=on", "server cache=off"):
        w1 = find(ms, target, "W1", 400)
        w2 = find(ms, target, "W2", 400)
        if w2 and base:
            check(f"W2@400 {target}: >= 0.6x the W1 baseline", f"{w2['ratio_to_baseline']}x",
                  w2["ratio_to_baseline"] >= 0.6)
        for name in ("W3", "W4"):
            w = find(ms, target, name, 400)
            if w and w1:
                check(f"{name}@400 {target}: p99 within 2x of W1's ({w1['p99_ms']} ms)",
                      f"{w['p99_ms']} ms, {w['timeouts']} timeouts",
                      w["p99_ms"] <= 2 * w1["p99_ms"] and w["timeouts"] == 0)
    target = "server cache=on"
    for connections in sorted({m["connections"] for m in ms}, reverse=True):
        w5 = find(ms, target, "W5", connections)
        if w5:
            history = w5.get("creates_with_history")
            created = w5.get("movies_created")
            check(f"W5@{connections} >= {W5_CREATES_PER_S} creates/s, 0 errors, each with its history row",
                  f"{w5['req_per_s']}/s, {errors(w5)} errors, {created} movies, {history} with history",
                  w5["req_per_s"] >= W5_CREATES_PER_S and errors(w5) == 0 and created == history
                  and created is not None and created >= w5["wrk"]["requests"])
    return out


def table(ms):
    header = ("target", "load", "conns", "req/s", "p50 ms", "p99 ms", "timeouts", "non-2xx", "errors*",
              "RSS MB", "SQL/req", "x base")
    rows = [header]
    for m in ms:
        rows.append((m["target"], m["workload"], str(m["connections"]), f"{m['req_per_s']:.0f}",
                     f"{m['p50_ms']:.1f}", f"{m['p99_ms']:.1f}", str(m["timeouts"]), str(m["non_2xx"]),
                     str(m["socket_errors"] + m["graphql_errors"]),
                     "-" if m["rss_mb"] is None else f"{m['rss_mb']:.0f}",
                     "-" if m["sql_per_request"] is None else f"{m['sql_per_request']:.2f}",
                     "-" if m["ratio_to_baseline"] is None else f"{m['ratio_to_baseline']:.2f}"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(r)) + " |")
        if n == 0:
            lines.append("| " + " | ".join("-" * widths[i] for i in range(len(header))) + " |")
    return "\n".join(lines)


def main():
    ms = [derive(m) for m in load(sys.argv[1])]
    with open(sys.argv[2], encoding="utf-8") as f:
        meta = json.load(f)
    for m in ms:
        base = find(ms, "baseline", "W1", m["connections"])
        m["ratio_to_baseline"] = round(m["req_per_s"] / base["req_per_s"], 2) if base and base["req_per_s"] else None
    result = {"meta": meta, "measurements": ms, "targets": checks(ms, meta)}
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(table(ms))
    print("errors* = socket errors (connect/read/write) + 200 answers carrying GraphQL \"errors\"; "
          "x base = req/s over the baseline's W1 at the same connections")
    if not meta.get("result_cache_in_server"):
        print("This server has no result cache yet: it ignores RESULT_CACHE_ENABLED, so cache=on and cache=off "
              "are the same server measured twice.")
    print()
    for c in result["targets"]:
        print(f"{'MET   ' if c['met'] else 'MISSED'} {c['target']}: {c['measured']}")


if __name__ == "__main__":
    main()
