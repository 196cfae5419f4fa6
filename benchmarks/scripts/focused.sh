#!/bin/sh
# The focused run behind the targets in benchmarks/README.md: Retort against its same-semantics floors, one database.
# Usage (after building benchmarks/target/benchmarks.jar; run from any directory):
#   benchmarks/scripts/focused.sh [h2|postgres] [forks] [extra libraries, e.g. retortExpr,jooq]
# (defaults: h2, 3 forks, none). Writes focused-<db>-reads.json and focused-<db>-writes.json into the current
# directory and prints their table.
# Extra libraries join both parts. retortExpr (Retort's SQL expression language, statements built per call) with jooq
# and jooqDsl is the expression language's comparison: table.py then adds a table of retortExpr against retort (the
# same workload with Sql.text), jooq and jooqDsl: focused.sh h2 3 retortExpr,jooq,jooqDsl (about 22 minutes).
# Reads (pointSelect, pointSelect4Threads, fetch1000): jdbc, jdbcTx, jdbcTemplate, jdbcTemplateTx, retort,
# retortAutocommit. Writes and streaming (streamAll, txRoundTrip, batchInsert1000), which run in a transaction in every
# library: jdbc, jdbcTemplate, retort. Per fork 2 x 1 s warm-up and 3 x 2 s measured (about 9.5 s with JVM start and
# set-up): 27 cases x 3 forks = 81 forks, about 13 minutes on 2 cores; each extra library adds 6 cases (~3 minutes).
set -eu
db=${1:-h2}
forks=${2:-3}
extra=${3:+,$3}
jar="$(dirname "$0")/../target/benchmarks.jar"
run() {
    java -jar "$jar" "$1" -p db="$db" -p library="$2" -f "$forks" -wi 2 -w 1s -i 3 -r 2s -prof gc \
        -rf json -rff "$3"
}
run 'LibraryBenchmark\.(pointSelect|pointSelect4Threads|fetch1000)$' \
    "jdbc,jdbcTx,jdbcTemplate,jdbcTemplateTx,retort,retortAutocommit$extra" "focused-$db-reads.json"
run 'LibraryBenchmark\.(streamAll|txRoundTrip|batchInsert1000)$' "jdbc,jdbcTemplate,retort$extra" \
    "focused-$db-writes.json"
python3 "$(dirname "$0")/table.py" "focused-$db-reads.json" "focused-$db-writes.json"
