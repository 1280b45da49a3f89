#!/usr/bin/env bash
# Kills (SIGKILL) the leader of the etcd cluster whose members run on this machine, for failure
# runs by hand: start `run --engines etcd --etcd-members 3 ...`, then run this during the
# measurement. The leader is the member whose /metrics says etcd_server_is_leader 1.
#
# Usage: scripts/etcd-kill-leader.sh [--dry-run]
# Exit codes: 0 killed (or found, with --dry-run), 1 no etcd member is the leader, 2 bad usage.
set -euo pipefail

dry_run=false
case "${1:-}" in
  "") ;;
  --dry-run) dry_run=true ;;
  *) echo "etcd-kill-leader: unknown argument '$1'; allowed: --dry-run" >&2; exit 2 ;;
esac

for pid in $(pgrep -x etcd || true); do
  # Each member serves /metrics on its --listen-metrics-urls (or, without it, its client URLs).
  args=$(tr '\0' ' ' < "/proc/$pid/cmdline")
  urls=$(sed -n 's/.*--listen-metrics-urls[= ]\([^ ]*\).*/\1/p' <<< "$args")
  [ -n "$urls" ] || urls=$(sed -n 's/.*--listen-client-urls[= ]\([^ ]*\).*/\1/p' <<< "$args")
  for url in ${urls//,/ }; do
    metrics=$(curl -fsS --max-time 2 "$url/metrics" 2>/dev/null) || continue
    if grep -q '^etcd_server_is_leader 1' <<< "$metrics"; then
      name=$(sed -n 's/.*--name[= ]\([^ ]*\).*/\1/p' <<< "$args")
      if $dry_run; then
        echo "etcd-kill-leader: the leader is ${name:-?} (pid $pid, $url)"
      else
        kill -9 "$pid"
        echo "etcd-kill-leader: killed the leader ${name:-?} (pid $pid, $url) at $(date +%H:%M:%S.%3N)"
      fi
      exit 0
    fi
  done
done
echo "etcd-kill-leader: no running etcd member says it is the leader" >&2
exit 1
