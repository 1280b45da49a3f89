#!/usr/bin/env bash
# badger with value-log GC off and on, one command: two runs of the same write-heavy workload
# whose 1 KB values all go to the value log (value-threshold 256), with small value-log files and
# memtables so that GC has whole files to rewrite and compactions to find garbage within a
# benchmark-length run; then `compare` of the two. Usage: scripts/badger-vlog-gc.sh [OUT_DIR]
# (default results/<date>-badger-vlog-gc); extra arguments after OUT_DIR go to both runs.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-results/$(date +%F)-badger-vlog-gc}"
shift || true
jar=bench/target/benchmarks.jar
common=(run --engines badger --badger-value-threshold 256 --badger-value-log-file-mb 16 --badger-memtable-mb 4
        --read 0.1 --update 0.9 --records 20000 --profile smoke --iteration-time 5s "$@")
mkdir -p "$out"
java -jar "$jar" "${common[@]}" --badger-vlog-gc-seconds 0 --out "$out/gc-off" | tee "$out/gc-off.console.txt"
java -jar "$jar" "${common[@]}" --badger-vlog-gc-seconds 1 --out "$out/gc-on" | tee "$out/gc-on.console.txt"
java -jar "$jar" compare "$out/gc-off" "$out/gc-on" | tee "$out/compare.txt"
