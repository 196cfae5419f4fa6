#!/bin/sh
# The focused run behind the targets in benchmarks/README.md: Retort against its same-semantics floors, one database.
# Usage (from the repository root, after building benchmarks/target/benchmarks.jar):
#   benchmarks/scripts/focused.sh [h2|postgres] [forks]      (defaults: h2, 3 forks)
# Writes focused-<db>-reads.json and focused-<db>-writes.json and prints their table (scripts/table.py).
# Reads: 6 libraries x 4 workloads; writes: 3 libraries x 2 workloads; per fork 2 x 1 s warm-up, 4 x 2 s measured
# (about 12 s with JVM start and set-up). On 2 cores with 3 forks: 90 forks, about 18 minutes per database.
set -eu
db=${1:-h2}
forks=${2:-3}
jar=benchmarks/target/benchmarks.jar
run() {
    java -jar "$jar" "$1" -p db="$db" -p library="$2" -f "$forks" -wi 2 -w 1s -i 4 -r 2s -prof gc \
        -rf json -rff "$3"
}
run 'LibraryBenchmark\.(pointSelect|pointSelect4Threads|fetch1000|streamAll)$' \
    jdbc,jdbcTx,jdbcTemplate,jdbcTemplateTx,retort,retortAutocommit "focused-$db-reads.json"
run 'LibraryBenchmark\.(txRoundTrip|batchInsert1000)$' jdbc,jdbcTemplate,retort "focused-$db-writes.json"
python3 "$(dirname "$0")/table.py" "focused-$db-reads.json" "focused-$db-writes.json"
