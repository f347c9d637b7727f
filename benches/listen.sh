#!/usr/bin/env bash
# `plumb webhook listen` speed, on loopback only:
# - deliveries/s verified (and verified and recorded with --record), with
#   examples/listen-load.rs sending signed GitHub deliveries over 8
#   keep-alive connections (goal: >= 5,000/s on a 2-core machine);
# - the median latency --forward-to adds over a direct request to the same
#   loopback application (goal: <= 1 ms), from 2,000 interleaved requests.
# Usage: benches/listen.sh   (RUNS=3 by default; N deliveries per run;
#        PROFILE=debug to check the script itself without a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
target=${CARGO_TARGET_DIR:-target}
profile=${PROFILE:-release}
flag=--release
[ "$profile" = debug ] && flag=
if [ -z "${BENCH_BUILT:-}" ]; then
  cargo build $flag --quiet --locked --bin plumb --example listen-load
else
  cargo build $flag --quiet --locked --example listen-load
fi
bin=$target/$profile/plumb
load=$target/$profile/examples/listen-load
runs=${RUNS:-3}
n=${N:-20000}
dir=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$dir" "${shm:-}"
}
trap cleanup EXIT
secret="It's a Secret to Everybody"

# Starts a listen with the given flags; sets $addr and $lpid.
start_listen() {
  : > "$dir/err"
  "$bin" webhook listen --provider github --secret "$secret" --port 0 "$@" >/dev/null 2>"$dir/err" &
  lpid=$!
  for _ in $(seq 100); do
    grep -q 'ready' "$dir/err" && break
    sleep 0.05
  done
  addr=$(grep -o '127\.0\.0\.1:[0-9]*' "$dir/err" | head -1)
}

stop_listen() {
  kill -INT "$lpid"
  wait "$lpid" || true
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One row per mode. Each recording run writes into a directory of its own
# and nothing is deleted until the script ends: ext4 skips inodes freed in
# the last minute or more when it allocates new ones, so creating 20,000
# files right after deleting 20,000 measures the kernel's allocator (perf:
# find_inode_bit, recently_deleted), not plumb. The disk row records under
# TMPDIR; the memory row under /dev/shm when that is a tmpfs, which shows
# plumb's own cost of writing a file per delivery.
modes=("verify:" "record:$dir")
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
  shm=$(mktemp -d -p /dev/shm plumb-listen-bench.XXXXXX)
  modes+=("record:$shm")
fi
for spec in "${modes[@]}"; do
  mode=${spec%%:*}
  where=${spec#*:}
  label=$mode
  [ -n "$where" ] && label="$mode on $(stat -f -c %T "$where")"
  : > "$dir/rates"
  for i in $(seq "$runs"); do
    if [ "$mode" = record ]; then start_listen --record "$where/rec-$i"; else start_listen; fi
    "$load" deliveries "$addr" "$n" 8 | tee -a "$dir/$mode.log" | awk '{print $8}' >> "$dir/rates"
    stop_listen
  done
  rate=$(median < "$dir/rates")
  echo "| webhook listen ($label), $n deliveries, 8 connections | $rate deliveries/s (median of $runs: $(tr '\n' ' ' < "$dir/rates")) | goal >= 5000/s |"
  note listen "webhook listen ($label): $rate deliveries/s"
done

"$load" app "$dir/app.port" & pids+=($!)
for _ in $(seq 100); do [ -s "$dir/app.port" ] && break; sleep 0.05; done
app=$(cat "$dir/app.port")
start_listen --forward-to "http://$app/"
out=$("$load" latency "$app/" "$addr/hooks" 2000)
stop_listen
added=$(echo "$out" | awk '{print $6}')
echo "| --forward-to: direct median $(echo "$out" | awk '{print $2}') µs, forwarded median $(echo "$out" | awk '{print $4}') µs | added $added µs | goal <= 1000 µs |"
note listen "webhook listen --forward-to adds $added µs (median)"
