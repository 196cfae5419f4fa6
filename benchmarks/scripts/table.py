#!/usr/bin/env python3
"""Turns a JMH JSON result file into the Markdown table of benchmarks/README.md.

Usage: python3 benchmarks/scripts/table.py results.json
Ratio = throughput / raw JDBC's throughput for the same workload and database, in the same run;
listenersAndMetrics is compared with LibraryBenchmark.pointSelect library=jdbc.
"""
import json
import sys

rows = json.load(open(sys.argv[1]))
score = {}
table = []
for r in rows:
    bench = r["benchmark"].rsplit(".", 1)[1]
    p = r.get("params", {})
    db = p.get("db", "")
    if "library" in p:
        lib = p["library"]
    elif "transactionManager" in p:
        lib = "TransactionTemplate over " + ("EngineTransactionManager" if p["transactionManager"] == "engine"
                                              else "DataSourceTransactionManager") + ", body " + p.get("body", "?")
    elif "instrumentation" in p:
        lib = "retort, listener+metrics " + p["instrumentation"]
    else:
        lib = "?"
    pm = r["primaryMetric"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    score[(bench, db, lib)] = pm["score"]
    table.append((bench, db, lib, pm["score"], pm["scoreError"], alloc))

order = ["pointSelect", "fetch1000", "batchInsert1000", "txRoundTrip", "streamAll", "listenersAndMetrics"]
table.sort(key=lambda t: (t[1], order.index(t[0]) if t[0] in order else 99))
print("| workload | db | library | ops/s | ± error (99.9%) | × raw JDBC | alloc B/op |")
print("|---|---|---|---:|---:|---:|---:|")
for bench, db, lib, s, err, alloc in table:
    base_bench = "pointSelect" if bench == "listenersAndMetrics" else bench
    base = score.get((base_bench, db, "jdbc"))
    ratio = f"{s / base:.2f}" if base else "n/a"
    err_s = f"{err:,.0f}" if err == err else "n/a"  # NaN when only one iteration
    alloc_s = f"{alloc:,.0f}" if alloc is not None else ""
    print(f"| {bench} | {db} | {lib} | {s:,.0f} | {err_s} | {ratio} | {alloc_s} |")
