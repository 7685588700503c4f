"""The soak's arithmetic (bench/soak, bench/run --soak); standard library only.

  soak.py sample METRICS_NOW METRICS_BEFORE RSS_KB FDS   one JSON line: the interval between two /metrics scrapes
                                                       (files named metrics.<epoch ns>) and the process's RSS, fds
  soak.py line                                         that line (stdin) as text
  soak.py summary SAMPLES WRK_RESULT OUT COMMIT ...    the whole run: table, verdicts, JSON in OUT
"""
import json
import math
import os
import sys
import time


def scrape(path):
    """Prometheus text as {(name, frozenset(labels)): value}."""
    values = {}
    try:
        lines = open(path).read().splitlines()
    except OSError:
        return values
    for line in lines:
        if not line or line.startswith("#"):
            continue
        head, _, value = line.rpartition(" ")
        name, _, labels = head.partition("{")
        pairs = []
        for part in labels.rstrip("}").split(","):
            if "=" in part:
                key, _, val = part.partition("=")
                pairs.append((key.strip(), val.strip().strip('"')))
        try:
            values[(name, frozenset(pairs))] = float(value)
        except ValueError:
            pass
    return values


def total(values, name, **match):
    return sum(v for (n, labels), v in values.items()
               if n == name and all((k, w) in labels for k, w in match.items()))


def p99_ms(now, before):
    """The 99th percentile of the interval's requests from the server's latency histogram: the upper bound of the
    bucket it falls in; past the histogram's last bound (10 s), that bound as a negative number (over it)."""
    name = "mymoviedb_graphql_request_duration_seconds_bucket"
    buckets = {}
    for (n, labels), v in now.items():
        if n == name:
            le = dict(labels)["le"]
            buckets[le] = buckets.get(le, 0) + v - before.get((n, labels), 0)
    if not buckets:
        return None
    ordered = sorted(buckets.items(), key=lambda kv: math.inf if kv[0] == "+Inf" else float(kv[0]))
    count = ordered[-1][1]
    if count <= 0:
        return None
    for i, (le, n) in enumerate(ordered):
        if n >= 0.99 * count:
            if le == "+Inf":
                return -round(float(ordered[i - 1][0]) * 1000, 1) if i > 0 else None
            return round(float(le) * 1000, 1)
    return None


def sample(now_path, before_path, rss_kb, fds):
    now, before = scrape(now_path), scrape(before_path)
    if not now:  # the scrape failed (bench/run keeps the last good one as the base)
        before = now
    t_now = int(now_path.rsplit(".", 1)[1]) / 1e9
    t_before = int(before_path.rsplit(".", 1)[1]) / 1e9
    dt = t_now - t_before

    def delta(name, **match):
        return total(now, name, **match) - total(before, name, **match)

    requests = delta("mymoviedb_graphql_requests_total")
    hits, misses = delta("mymoviedb_result_cache_hits_total"), delta("mymoviedb_result_cache_misses_total")
    count = "mymoviedb_graphql_request_duration_seconds_count"
    return {
        "t": round(t_now, 3), "dt": round(dt, 3), "scraped": bool(now),
        "requests": int(requests), "rps": round(requests / dt, 1) if dt > 0 else None,
        "p99_ms": p99_ms(now, before),
        "status": {c: int(delta(count, status=c)) for c in ("2xx", "4xx", "5xx")},
        "cache_hit_rate": round(hits / (hits + misses), 3) if hits + misses > 0 else None,
        "open_connections": int(total(now, "mymoviedb_http_connections_open")),
        "pool_waiting": int(total(now, "mymoviedb_db_connections_waiting")),
        "rss_mb": round(int(rss_kb or 0) / 1024, 1), "fds": int(fds),
    }


def text(s, errors=None, non_2xx=None):
    extra = "" if errors is None else ", %d non-2xx, %d errors*" % (non_2xx, errors)
    return ("%s  %6.0f req/s  p99 %s ms  2xx %d 4xx %d 5xx %d%s  cache hits %s  conns %d  RSS %.0f MB  fds %d" % (
        time.strftime("%H:%M:%S", time.gmtime(s["t"])), s["rps"] or 0,
        "-" if s["p99_ms"] is None else ">%.0f" % -s["p99_ms"] if s["p99_ms"] < 0 else s["p99_ms"], s["status"]["2xx"], s["status"]["4xx"],
        s["status"]["5xx"], extra, "-" if s["cache_hit_rate"] is None else "%.0f%%" % (100 * s["cache_hit_rate"]),
        s["open_connections"], s["rss_mb"], s["fds"]))


def per_interval(series, first, t_before, t_now):
    """wrk's per-second counts (from second `first`) falling in (t_before, t_now]."""
    return sum(n for i, n in enumerate(series) if t_before < first + i + 0.5 <= t_now)


def summary(args):
    (samples_path, result, out, commit, command, connections, minutes, write_share, movies, acknowledged,
     stored, with_history, titled, titled_history, load) = args
    samples = [json.loads(line) for line in open(samples_path) if line.strip()]
    wrk = json.loads(result)
    first = wrk.get("first_second", 0)
    print()
    print("soak, commit %s: %s, %s connections, %s min, %s writes (editor), %s movies" % (
        commit, command, connections, minutes, write_share, movies))
    print()
    loaded = [s for s in samples[1:] if s["requests"] > 0]
    for s in samples[1:]:
        s["errors"] = per_interval(wrk.get("errors_per_second", []), first, s["t"] - s["dt"], s["t"])
        s["non_2xx"] = per_interval(wrk.get("non_2xx_per_second", []), first, s["t"] - s["dt"], s["t"])
        print(text(s, s["errors"], s["non_2xx"]))
    seconds = wrk["duration_us"] / 1e6
    # Past the histogram's range (negative, see p99_ms) sorts as the longest.
    p99s = sorted((s["p99_ms"] for s in loaded if s["p99_ms"] is not None), key=lambda v: math.inf if v < 0 else v)
    over = [s for s in loaded if s["p99_ms"] is not None and s["p99_ms"] < 0]
    rss = [s["rss_mb"] for s in samples if s["rss_mb"]]
    fds = [s["fds"] for s in samples if s["fds"]]
    third = max(1, len(loaded) // 3)
    verdict = {
        "requests": wrk["requests"], "rps": round(wrk["requests"] / seconds, 1),
        "p50_ms": wrk["p50_us"] / 1000, "p99_ms": wrk["p99_us"] / 1000, "max_ms": wrk["max_us"] / 1000,
        "timeouts": wrk["timeouts"], "non_2xx": wrk["non_2xx"],
        "socket_errors": wrk["connect_errors"] + wrk["read_errors"] + wrk["write_errors"],
        "errors": wrk["graphql_errors"] + wrk["user_errors"], "conflicts": wrk["conflicts"],
        "server_5xx": sum(s["status"]["5xx"] for s in samples),
        "rps_first_third": round(sum(s["rps"] for s in loaded[:third]) / third, 1) if loaded else None,
        "rps_last_third": round(sum(s["rps"] for s in loaded[-third:]) / third, 1) if loaded else None,
        "interval_p99_ms_median": p99s[len(p99s) // 2] if p99s else None,
        "interval_p99_ms_max": p99s[-1] if p99s else None,
        "intervals": len(loaded), "intervals_p99_over_10s": len(over),
        "rss_mb_first": rss[0] if rss else None, "rss_mb_max": max(rss) if rss else None,
        "rss_mb_last": rss[-1] if rss else None,
        "fds_first": fds[0] if fds else None, "fds_max": max(fds) if fds else None, "fds_last": fds[-1] if fds else None,
        "creates_acknowledged": int(acknowledged), "acknowledged_stored": int(stored),
        "acknowledged_with_history": int(with_history),
        "creates_stored_by_title": int(titled), "stored_by_title_with_history": int(titled_history),
    }
    print()
    print("wrk over the whole run: %(requests)d requests, %(rps).0f req/s, p50 %(p50_ms).1f ms, p99 %(p99_ms).1f ms,"
          " max %(max_ms).0f ms; %(timeouts)d timeouts, %(non_2xx)d non-2xx, %(socket_errors)d socket errors,"
          " %(errors)d errors*, %(conflicts)d update conflicts (expected, not errors)" % verdict)
    print("server: %(server_5xx)d 5xx; req/s first third %(rps_first_third)s, last third %(rps_last_third)s;"
          " p99 per interval median %(interval_p99_ms_median)s ms, max %(interval_p99_ms_max)s ms (negative: over that"
          " bound, in %(intervals_p99_over_10s)d of %(intervals)d intervals)" % verdict)
    print("RSS MB first %(rss_mb_first)s, max %(rss_mb_max)s, last %(rss_mb_last)s; open fds first %(fds_first)s,"
          " max %(fds_max)s, last %(fds_last)s" % verdict)
    ok = verdict["acknowledged_stored"] == verdict["creates_acknowledged"] == verdict["acknowledged_with_history"] \
        and verdict["stored_by_title_with_history"] == verdict["creates_stored_by_title"]
    print("creates: %(creates_acknowledged)d acknowledged, %(acknowledged_stored)d of them stored,"
          " %(acknowledged_with_history)d with their history row; %(creates_stored_by_title)d stored under the"
          " run's titles, %(stored_by_title_with_history)d with history" % verdict
          + (" -- every acknowledged create is stored with its history" if ok else " -- MISSING WRITES"))
    json.dump({"commit": commit, "server_command": command, "connections": int(connections),
               "minutes": float(minutes), "write_share": float(write_share), "movies": int(movies),
               "load_average_start_end": load, "cores": os.cpu_count(), "summary": verdict, "samples": samples,
               "wrk": wrk}, open(out, "w"))
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "sample":
        print(json.dumps(sample(*sys.argv[2:6])))
    elif command == "line":
        s = json.loads(sys.stdin.read())
        if s["dt"] > 0:
            print("[soak] " + text(s))
    elif command == "summary":
        summary(sys.argv[2:])
    else:
        sys.exit(__doc__)
