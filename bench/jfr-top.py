#!/usr/bin/env python3
"""Where the time goes in a JFR recording: execution samples by thread group, by the package of the top frame,
the hottest methods (self) and the methods most often on the stack (inclusive).

    jfr-top.py RECORDING.jfr
"""
import collections
import json
import re
import subprocess
import sys

GROUPS = [("graphql", "graphql-java"), ("org.dataloader", "graphql-java (DataLoader)"), ("org.jooq", "jOOQ"),
          ("org.postgresql", "PostgreSQL JDBC"), ("com.zaxxer", "HikariCP"), ("tools.jackson", "Jackson"),
          ("io.undertow", "Undertow"), ("org.xnio", "XNIO"), ("org.mymoviedb", "mymoviedb"),
          ("com.github.benmanes", "Caffeine"), ("java.util.concurrent", "JDK concurrency"),
          ("sun.nio", "JDK NIO"), ("java.", "JDK other"), ("jdk.", "JDK other"), ("sun.", "JDK other")]


def group(class_name):
    for prefix, name in GROUPS:
        if class_name.startswith(prefix):
            return name
    return class_name.rsplit(".", 1)[0]


def frame_name(frame):
    method = frame["method"]
    return f"{method['type']['name']}.{method['name']}"


def main():
    raw = subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", sys.argv[1]],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    total = len(events)
    threads, top_group, self_time, inclusive = (collections.Counter() for _ in range(4))
    for event in events:
        values = event["values"]
        thread = (values.get("sampledThread") or {}).get("javaName") or "?"
        threads[re.sub(r"[-_ ]?\d+$", "-N", thread)] += 1
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        top = frames[0]
        self_time[frame_name(top)] += 1
        top_group[group(top["method"]["type"]["name"])] += 1
        for name in {frame_name(f) for f in frames}:
            inclusive[name] += 1

    def show(title, counter, n):
        print(f"\n{title}")
        for name, count in counter.most_common(n):
            print(f"  {100.0 * count / total:5.1f}%  {name}")

    print(f"{total} execution samples")
    show("By thread", threads, 10)
    show("By the top frame's library (self time)", top_group, 15)
    show("Hottest methods (self)", self_time, 25)
    show("Most often on the stack (inclusive)", inclusive, 40)


if __name__ == "__main__":
    main()
