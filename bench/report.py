#!/usr/bin/env python3
"""Turns bench/run's measurements (one JSON object a line) into the printed table, the targets (each with its
yardstick from the same run, met or missed) and the saved JSON. Standard library only.

    report.py MEASUREMENTS.jsonl META.json OUTPUT.json
"""
import json
import sys

BASELINE = "baseline"
MINIMAL = "minimal graphql-java"
CACHE_ON = "server cache=on"
CACHE_OFF = "server cache=off"

RSS_LIMIT_MB = 300
P99_LIMIT_MS = 100
W7_P99_LIMIT_MS = 200
RAMP_SHARE = 0.9
RAMP_WINDOW_S = 3


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
    # userErrors other than CONFLICT count as errors; CONFLICTs (W6's updates racing) are reported apart.
    m["graphql_errors"] = w["graphql_errors"] + w.get("user_errors", 0)
    m["conflicts"] = w.get("conflicts", 0)
    return m


def find(ms, target, workload, connections, kind=None):
    for m in ms:
        if (m.get("kind") == kind and m["target"] == target and m["workload"] == workload
                and m["connections"] == connections):
            return m
    return None


def errors(m):
    return m["timeouts"] + m["socket_errors"] + m["non_2xx"] + m["graphql_errors"]


def rate(m):
    return f"{m['req_per_s']:,.0f} req/s"


def time_to_share(ramp, steady):
    """Seconds from the start of load until a RAMP_WINDOW_S window first averages RAMP_SHARE of `steady`, or None.
    wrk's first and last seconds are partial, so they are left out; second 1 is the first whole one."""
    series = [int(n) for n in ramp["wrk"]["per_second"]][1:-1]
    for i in range(len(series) - RAMP_WINDOW_S + 1):
        if sum(series[i:i + RAMP_WINDOW_S]) / RAMP_WINDOW_S >= RAMP_SHARE * steady:
            return i + 1
    return None


def checks(ms):
    out = []
    conns = sorted({m["connections"] for m in ms if m.get("kind") is None}, reverse=True)

    def check(name, yardstick, measured, ok, report_only=False):
        out.append({"target": name, "yardstick": yardstick, "measured": measured,
                    "met": None if report_only else bool(ok)})

    def at_least(name, m, share, yard, yard_name, extra_ok=True, extra=""):
        ratio = m["req_per_s"] / yard["req_per_s"] if yard["req_per_s"] else 0.0
        check(name, f"{yard_name} {rate(yard)}", f"{rate(m)} = {ratio:.2f}x{extra}", ratio >= share and extra_ok)

    for c in conns:
        base, minimal = find(ms, BASELINE, "W1", c), find(ms, MINIMAL, "W1", c)
        w1 = find(ms, CACHE_OFF, "W1", c)
        if w1 and minimal:
            at_least(f"W1@{c} cache off >= 0.9x minimal graphql-java W1, 0 timeouts, 0 errors", w1, 0.9, minimal,
                     "minimal", errors(w1) == 0, f", {w1['timeouts']} timeouts, {errors(w1)} errors")
        w1g = find(ms, CACHE_OFF, "W1G", c)
        if w1g and minimal:
            at_least(f"W1G@{c} cache off (W1 + genres, directors) >= 0.7x minimal graphql-java W1", w1g, 0.7,
                     minimal, "minimal")
        w2 = find(ms, CACHE_OFF, "W2", c)
        if w2 and base:
            at_least(f"W2@{c} cache off >= 0.10x baseline W1", w2, 0.10, base, "baseline")
    for c in conns[:1]:
        for target in (CACHE_OFF, MINIMAL):
            ramp, steady = find(ms, target, "W1", c, "ramp"), find(ms, target, "W1", c)
            if ramp and steady:
                t = time_to_share(ramp, steady["req_per_s"])
                check(f"W1@{c} {target}, fresh process: time to reach {RAMP_SHARE:.0%} of its steady W1 "
                      f"({RAMP_WINDOW_S} s average)", f"steady {rate(steady)}",
                      f"{t} s" if t is not None else f"not within {len(ramp['wrk']['per_second'])} s", True,
                      report_only=True)
    for c in conns:
        w1 = find(ms, CACHE_OFF, "W1", c)
        for name, what in (("W3", "filtered search"), ("W3R", "rare word"), ("W3C", "common word")):
            w = find(ms, CACHE_OFF, name, c)
            if w and w1:
                at_least(f"{name}@{c} cache off ({what}) >= 0.10x W1 cache off, p99 <= {P99_LIMIT_MS} ms", w, 0.10,
                         w1, "W1 cache off", w["p99_ms"] <= P99_LIMIT_MS and w["timeouts"] == 0,
                         f", p99 {w['p99_ms']} ms, {w['timeouts']} timeouts")
    for c in conns:
        w5, inserts = find(ms, CACHE_ON, "W5", c), find(ms, "pgbench", "insert", c, "pgbench")
        if w5 and inserts:
            ratio = w5["req_per_s"] / inserts["tps"] if inserts["tps"] else 0.0
            created, history = w5.get("movies_created"), w5.get("creates_with_history")
            check(f"W5@{c} >= 0.4x PostgreSQL's one-row inserts, 0 errors, each create with its history row",
                  f"pgbench {inserts['tps']:,.0f} inserts/s ({inserts['clients']} clients)",
                  f"{w5['req_per_s']:,.0f} creates/s = {ratio:.2f}x, {errors(w5)} errors, {created} created, "
                  f"{history} with history",
                  ratio >= 0.4 and errors(w5) == 0 and created is not None and created == history
                  and created >= w5["wrk"]["requests"])
    for c in conns[:1]:
        w6, base = find(ms, CACHE_ON, "W6", c), find(ms, BASELINE, "W1", c)
        if w6 and base:
            at_least(f"W6@{c} cache on (real traffic) >= 1.0x baseline W1, p99 <= {P99_LIMIT_MS} ms, 0 errors", w6,
                     1.0, base, "baseline", w6["p99_ms"] <= P99_LIMIT_MS and errors(w6) == 0,
                     f", p99 {w6['p99_ms']} ms, {errors(w6)} errors ({w6['timeouts']} timeouts), "
                     f"{w6['conflicts']} CONFLICTs")
    for target, workload in ((CACHE_OFF, "W1"), (CACHE_ON, "W1"), (CACHE_ON, "W6")):
        peaks = [m["rss_mb"] for m in ms if m.get("kind") is None and m["target"] == target
                 and m["workload"] == workload and m["rss_mb"] is not None]
        if peaks:
            check(f"{workload} {target}: peak RSS <= {RSS_LIMIT_MB} MB (as the README's run command starts it)",
                  "", f"{max(peaks):.0f} MB", max(peaks) <= RSS_LIMIT_MB)
    for c in conns:
        w1, w4 = find(ms, CACHE_OFF, "W1", c), find(ms, CACHE_OFF, "W4", c)
        if w1 and w4:
            at_least(f"W4@{c} cache off (900,000 rows deep) within 10% of W1 cache off", w4, 0.9, w1, "W1 cache off")
    for m in ms:
        if m.get("kind") != "live":
            continue
        w7 = m["live"]
        n = w7["subscribers"]
        check(f"W7 {n} SSE subscribers on B, {w7['writes_per_s_asked']} creates/s through A: "
              f"p99 delivery <= {W7_P99_LIMIT_MS} ms", "-",
              f"p50 {w7['p50_ms']} ms, p99 {w7['p99_ms']} ms, max {w7['max_ms']} ms over "
              f"{w7['latencies_measured']:,} deliveries ({w7['writes_per_s']} creates/s sent)",
              0 <= w7["p99_ms"] <= W7_P99_LIMIT_MS)
        check(f"W7 events lost = 0 (each of {n} subscribers receives every create)", "-",
              f"{w7['events_lost']:,} lost of {w7['events_expected']:,}, {n - w7['streams_open']} streams not "
              f"opened, {w7['streams_ended_early']} ended early",
              w7["events_lost"] == 0 and w7["streams_open"] == n and w7["streams_ended_early"] == 0
              and w7["writes_acknowledged"] > 0)
        for instance in ("a", "b"):
            if w7.get(f"rss_{instance}_mb") is not None:
                check(f"W7 instance {instance.upper()}: peak RSS <= {RSS_LIMIT_MB} MB (as the README's run command "
                      f"starts it)", "", f"{w7[f'rss_{instance}_mb']:.0f} MB",
                      w7[f"rss_{instance}_mb"] <= RSS_LIMIT_MB)
    return out


def table(ms):
    header = ("target", "load", "conns", "req/s", "p50 ms", "p99 ms", "timeouts", "non-2xx", "errors*",
              "RSS MB", "SQL/req", "x base", "x min")
    rows = [header]
    for m in ms:
        if m.get("kind") is not None:
            continue
        rows.append((m["target"], m["workload"], str(m["connections"]), f"{m['req_per_s']:.0f}",
                     f"{m['p50_ms']:.1f}", f"{m['p99_ms']:.1f}", str(m["timeouts"]), str(m["non_2xx"]),
                     str(m["socket_errors"] + m["graphql_errors"]),
                     "-" if m["rss_mb"] is None else f"{m['rss_mb']:.0f}",
                     "-" if m["sql_per_request"] is None else f"{m['sql_per_request']:.2f}",
                     "-" if m["ratio_to_baseline"] is None else f"{m['ratio_to_baseline']:.2f}",
                     "-" if m["ratio_to_minimal"] is None else f"{m['ratio_to_minimal']:.2f}"))
    return markdown(rows)


def markdown(rows):
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        lines.append("| " + " | ".join(c.ljust(widths[i]) for i, c in enumerate(r)) + " |")
        if n == 0:
            lines.append("| " + " | ".join("-" * widths[i] for i in range(len(rows[0]))) + " |")
    return "\n".join(lines)


def targets_table(targets):
    rows = [("target", "yardstick (same run)", "measured", "met?")]
    for t in targets:
        rows.append((t["target"], t["yardstick"] or "-", t["measured"],
                     "report" if t["met"] is None else "met" if t["met"] else "MISSED"))
    return markdown(rows)


def main():
    ms = load(sys.argv[1])
    for m in ms:
        if m.get("kind") not in ("pgbench", "live"):
            derive(m)
    with open(sys.argv[2], encoding="utf-8") as f:
        meta = json.load(f)
    for m in ms:
        if m.get("kind") is not None:
            continue
        for key, yard in (("ratio_to_baseline", BASELINE), ("ratio_to_minimal", MINIMAL)):
            y = find(ms, yard, "W1", m["connections"])
            m[key] = round(m["req_per_s"] / y["req_per_s"], 2) if y and y["req_per_s"] else None
    result = {"meta": meta, "measurements": ms, "targets": checks(ms)}
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    print(table(ms))
    print("errors* = socket errors (connect/read/write) + 200 answers carrying GraphQL \"errors\" or userErrors "
          "other than CONFLICT; x base, x min = req/s over the baseline's, the minimal graphql-java's W1 at the "
          "same connections")
    for m in ms:
        if m.get("kind") == "pgbench":
            print(f"pgbench one-row inserts for W5@{m['connections']}: {m['tps']:,.0f}/s with {m['clients']} "
                  f"clients")
    for m in ms:
        if m.get("kind") == "live":
            w7 = m["live"]
            print(f"W7: {w7['streams_open']} of {w7['subscribers']} SSE streams open in {w7['open_s']} s, "
                  f"{w7['writes_acknowledged']} creates acknowledged ({w7['writes_failed']} failed), "
                  f"{w7['frames']:,} frames received, client CPU {w7['client_cpu_s']} s"
                  + (f"; first refusal: {w7['first_refusal']}" if w7.get("first_refusal") else ""))
    for m in ms:
        if m.get("kind") == "ramp":
            print(f"{m['target']} W1@{m['connections']} from a fresh start, completed requests second by second: "
                  + " ".join(str(n) for n in m["wrk"]["per_second"]))
    print(f"load average (1, 5, 15 min) at the start {meta.get('load_average_at_start')}, at the end "
          f"{meta.get('load_average_at_end')}, on {meta.get('cores')} cores")
    if not meta.get("result_cache_in_server"):
        print("This server has no result cache yet: it ignores RESULT_CACHE_ENABLED, so cache=on and cache=off "
              "are the same server measured twice.")
    print()
    print("Targets")
    print(targets_table(result["targets"]))


if __name__ == "__main__":
    main()
