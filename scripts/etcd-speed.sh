#!/usr/bin/env bash
# The etcd speed table of the README: put and get throughput and p99 with 1, 16 and 64 requests
# in flight (benchmark threads, each with one synchronous request), against one managed member
# and against three, with etcd's default durability (strict: WAL fsync before the ack); then
# `etcdctl check perf` against one member on the same disk, for comparison.
#
# Usage: scripts/etcd-speed.sh [OUT_DIR]      (default results/<date>-etcd-speed; about 15 minutes)
# Needs: bench/target/benchmarks.jar (mvn verify), etcd and etcdctl on the PATH.
# Exit codes: 0 done, 1 a run or check perf failed, 2 bad usage or something missing.
set -euo pipefail

cd "$(dirname "$0")/.."
out=${1:-results/$(date +%Y-%m-%d)-etcd-speed}
jar=bench/target/benchmarks.jar
[ $# -le 1 ] || { echo "etcd-speed: one argument at most, OUT_DIR" >&2; exit 2; }
[ -f "$jar" ] || { echo "etcd-speed: $jar is missing: run mvn verify first" >&2; exit 2; }
for tool in etcd etcdctl; do
  command -v "$tool" >/dev/null || { echo "etcd-speed: $tool is not on the PATH (Debian: apt-get install etcd-server etcd-client)" >&2; exit 2; }
done
mkdir -p "$out"

summary="$out/summary.txt"
printf '%-8s %-9s %-4s %s\n' members in-flight op "engine forks throughput-ops/s operation p50-us p99-us p99.9-us errors integrity" > "$summary"
for members in 1 3; do
  for threads in 1 16 64; do
    for op in get put; do
      mix=$([ "$op" = get ] && echo "--read 1" || echo "--update 1")
      name="m$members-t$threads-$op"
      echo "etcd-speed: $name"
      # shellcheck disable=SC2086
      java -jar "$jar" run --engines etcd --etcd-members "$members" --durability strict --threads "$threads" \
        $mix --records 10000 --forks 3 --warmup-iterations 1 --warmup-time 2s --iterations 3 \
        --iteration-time 2s --out "$out/$name" > "$out/$name.log" 2>&1 \
        || { echo "etcd-speed: $name failed, see $out/$name.log" >&2; exit 1; }
      printf '%-8s %-9s %-4s %s\n' "$members" "$threads" "$op" "$(grep -E '^etcd +[0-9]' "$out/$name.log")" >> "$summary"
    done
  done
done

# etcdctl check perf: etcd's own 60-second load test, against one member with default durability.
data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
etcd --name perf --data-dir "$data/perf" --listen-client-urls "http://127.0.0.1:$port" \
  --advertise-client-urls "http://127.0.0.1:$port" --listen-peer-urls "http://127.0.0.1:$((port + 1))" \
  --log-level error > "$data/etcd.log" 2>&1 &
etcd_pid=$!
trap 'kill $etcd_pid 2>/dev/null; wait $etcd_pid 2>/dev/null || true; rm -rf "$data"' EXIT
sleep 2
ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$port" check perf --load=s > "$out/check-perf.txt" 2>&1 \
  || { cat "$out/check-perf.txt" >&2; echo "etcd-speed: etcdctl check perf failed" >&2; exit 1; }
cat "$summary"
echo
# check perf draws a progress bar with carriage returns: keep its verdict lines.
tr '\r' '\n' < "$out/check-perf.txt" | sed -n 's/.*\(PASS\|FAIL\)/\1/p'

