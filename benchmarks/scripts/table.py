#!/usr/bin/env python3
"""Turns JMH JSON result files into the Markdown tables of benchmarks/README.md.

Usage: python3 benchmarks/scripts/table.py results.json [more.json ...]
Ratios are throughputs (and allocations) divided by those of the same workload and database in the same files:
"x floor" against the hand-written JDBC with the same semantics (jdbcTx for Retort's transactional reads
-- library retort/retortPool/retortExpr on pointSelect, pointSelect4Threads, fetch1000 -- plain jdbc otherwise),
"x idiom" against JdbcTemplate's matching idiom (jdbcTemplateTx / jdbcTemplate). Floors missing from the files give
"n/a". listenersAndMetrics is compared with LibraryBenchmark.pointSelect.
When library retortExpr is present, a second table compares it with retort (the same workload written with
Sql.text), jooq (plain SQL templates) and jooqDsl (jOOQ's DSL, rendered on every execution), workload by workload.
CompileBenchmark results (parameter dialect) get a table of their own: each case's allocation per operation, and
for the cases that execute, that allocation above driverSql's (the no-op execution's own cost); for hitSelect and
hitInsert also above buildSelect's / buildInsert's (what remains is the compiled-cache hit and the extraction of bind
values).
"""
import json
import sys

TX_READS = {"pointSelect", "pointSelect4Threads", "fetch1000"}
ORDER = ["pointSelect", "pointSelect4Threads", "fetch1000", "batchInsert1000", "txRoundTrip", "streamAll",
         "listenersAndMetrics"]
COMPILE_ORDER = ["compileSelect", "compileInsert", "buildSelect", "hitSelect", "hitSelectBindparam", "textSelect",
                 "buildInsert", "hitInsert", "textInsert", "driverSql"]


def library_of(p):
    if "library" in p:
        return p["library"]
    if "transactionManager" in p:
        return "TransactionTemplate over " + ("EngineTransactionManager" if p["transactionManager"] == "engine"
                                              else "DataSourceTransactionManager") + ", body " + p.get("body", "?")
    if "instrumentation" in p:
        return "retort, listener+metrics " + p["instrumentation"]
    return "?"


def alloc_norm(r):
    return r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")


def floors(bench, lib):
    transactional = lib in ("retort", "retortPool", "retortExpr") or lib.startswith("retort, ")
    if bench in TX_READS and transactional:
        return "jdbcTx", "jdbcTemplateTx"
    return "jdbc", "jdbcTemplate"


def ratio(value, base):
    return f"{value / base:.2f}" if value is not None and base else "n/a"


def error(err):
    # JMH writes NaN (or the string "NaN") when there are too few iterations for an error
    return f"{err:,.0f}" if isinstance(err, (int, float)) and err == err else "n/a"


def number(value):
    return f"{value:,.0f}" if value is not None else ""


def library_table(table, score, alloc_of):
    print("| workload | db | library | ops/s | ± error (99.9%) | floor | × floor | × idiom | alloc B/op "
          "| alloc × floor |")
    print("|---|---|---|---:|---:|---|---:|---:|---:|---:|")
    for bench, db, lib, s, err, alloc in table:
        base_bench = "pointSelect" if bench == "listenersAndMetrics" else bench
        floor, idiom = floors(base_bench, lib)
        print(f"| {bench} | {db} | {lib} | {s:,.0f} | {error(err)} | {floor} "
              f"| {ratio(s, score.get((base_bench, db, floor)))} | {ratio(s, score.get((base_bench, db, idiom)))} "
              f"| {number(alloc)} | {ratio(alloc, alloc_of.get((base_bench, db, floor)))} |")


def expression_table(table, score, alloc_of):
    cases = [(bench, db) for bench, db, lib, *_ in table if lib == "retortExpr"]
    if not cases:
        return
    others = ("retort", "jooq", "jooqDsl")
    print()
    print("| workload | db | retortExpr ops/s | " + " | ".join(f"× {o}" for o in others) + " | alloc B/op | "
          + " | ".join(f"alloc × {o}" for o in others) + " |")
    print("|---|---|" + "---:|" * (2 + 2 * len(others)))
    for bench, db in cases:
        s = score[(bench, db, "retortExpr")]
        alloc = alloc_of[(bench, db, "retortExpr")]
        print(f"| {bench} | {db} | {s:,.0f} | "
              + " | ".join(ratio(s, score.get((bench, db, o))) for o in others) + f" | {number(alloc)} | "
              + " | ".join(ratio(alloc, alloc_of.get((bench, db, o))) for o in others) + " |")


def compile_table(compile_rows):
    if not compile_rows:
        return
    alloc = {(case, dialect): a for case, dialect, _, _, a in compile_rows}
    print("| case | dialect | ops/s | ± error (99.9%) | alloc B/op | alloc − driverSql "
          "| alloc − driverSql − build* |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for case, dialect, s, err, a in compile_rows:
        floor = alloc.get(("driverSql", dialect))
        build = {"hitSelect": alloc.get(("buildSelect", dialect)), "hitInsert": alloc.get(("buildInsert", dialect))}
        executes = case.startswith(("hit", "text"))
        net = number(a - floor) if executes and a is not None and floor is not None else ""
        b = build.get(case)
        net_build = number(a - floor - b) if None not in (a, floor, b) else ""
        print(f"| {case} | {dialect} | {s:,.0f} | {error(err)} | {number(a)} | {net} | {net_build} |")


def main(paths):
    rows = []
    for path in paths:
        with open(path) as f:
            rows.extend(json.load(f))
    score, alloc_of, table, compile_rows = {}, {}, [], []
    for r in rows:
        cls, bench = r["benchmark"].rsplit(".", 2)[-2:]
        p = r.get("params", {})
        pm = r["primaryMetric"]
        if cls == "CompileBenchmark":
            compile_rows.append((bench, p.get("dialect", ""), pm["score"], pm["scoreError"], alloc_norm(r)))
            continue
        db, lib = p.get("db", ""), library_of(p)
        score[(bench, db, lib)] = pm["score"]
        alloc_of[(bench, db, lib)] = alloc_norm(r)
        table.append((bench, db, lib, pm["score"], pm["scoreError"], alloc_norm(r)))
    table.sort(key=lambda t: (t[1], ORDER.index(t[0]) if t[0] in ORDER else 99))
    compile_rows.sort(key=lambda t: (t[1], COMPILE_ORDER.index(t[0]) if t[0] in COMPILE_ORDER else 99))
    if table:
        library_table(table, score, alloc_of)
        expression_table(table, score, alloc_of)
    if table and compile_rows:
        print()
    compile_table(compile_rows)


main(sys.argv[1:])
