#!/usr/bin/env python3
"""Turns JMH JSON result files into the Markdown table of benchmarks/README.md.

Usage: python3 benchmarks/scripts/table.py results.json [more.json ...]
Ratios are throughputs (and allocations) divided by those of the same workload and database in the same files:
"x floor" against the hand-written JDBC with the same semantics (jdbcTx for Retort's transactional reads
-- library retort/retortPool on pointSelect, pointSelect4Threads, fetch1000 -- plain jdbc otherwise), "x idiom"
against JdbcTemplate's matching idiom (jdbcTemplateTx / jdbcTemplate). Floors missing from the files give "n/a".
listenersAndMetrics is compared with LibraryBenchmark.pointSelect.
"""
import json
import sys

TX_READS = {"pointSelect", "pointSelect4Threads", "fetch1000"}
rows = []
for path in sys.argv[1:]:
    rows.extend(json.load(open(path)))
score = {}
alloc_of = {}
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
    alloc_of[(bench, db, lib)] = alloc
    table.append((bench, db, lib, pm["score"], pm["scoreError"], alloc, r.get("forks", "?")))


def floors(bench, lib):
    transactional = lib in ("retort", "retortPool") or lib.startswith("retort, ")
    if bench in TX_READS and transactional:
        return "jdbcTx", "jdbcTemplateTx"
    return "jdbc", "jdbcTemplate"


def ratio(value, base):
    return f"{value / base:.2f}" if value is not None and base else "n/a"


order = ["pointSelect", "pointSelect4Threads", "fetch1000", "batchInsert1000", "txRoundTrip", "streamAll",
         "listenersAndMetrics"]
table.sort(key=lambda t: (t[1], order.index(t[0]) if t[0] in order else 99))
print("| workload | db | library | ops/s | ± error (99.9%) | floor | × floor | × idiom | alloc B/op | alloc × floor |")
print("|---|---|---|---:|---:|---|---:|---:|---:|---:|")
for bench, db, lib, s, err, alloc, forks in table:
    base_bench = "pointSelect" if bench == "listenersAndMetrics" else bench
    floor, idiom = floors(base_bench, lib)
    # JMH writes NaN (or the string "NaN") when there are too few iterations for an error
    err_s = f"{err:,.0f}" if isinstance(err, (int, float)) and err == err else "n/a"
    alloc_s = f"{alloc:,.0f}" if alloc is not None else ""
    print(f"| {bench} | {db} | {lib} | {s:,.0f} | {err_s} | {floor} | {ratio(s, score.get((base_bench, db, floor)))} "
          f"| {ratio(s, score.get((base_bench, db, idiom)))} | {alloc_s} "
          f"| {ratio(alloc, alloc_of.get((base_bench, db, floor)))} |")
