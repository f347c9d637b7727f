#!/usr/bin/env bash
# `plumb doctor` with 20 entries (`endpoint` checks) against one loopback
# HTTP server that answers every request after 500 ms. The entries run
# concurrently, so the goal is well under 1 s in total (20 × 500 ms would
# be 10 s in a row). Usage: benches/doctor.sh   (needs hyperfine, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
need hyperfine
need python3
build_release
bin=$PWD/target/release/plumb
dir=$(mktemp -d)
python3 benches/slow_server.py "$dir/port" "${DELAY:-0.5}" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.05; done
port=$(cat "$dir/port")
for i in $(seq -w 1 20); do
  printf '[[check]]\nname = "slow-%s"\nrun = "endpoint http://127.0.0.1:%s/entry/%s"\n\n' "$i" "$port" "$i"
done > "$dir/plumb.toml"
"$bin" doctor --config "$dir/plumb.toml" -q >/dev/null || { echo "doctor failed on the bench config" >&2; "$bin" doctor --config "$dir/plumb.toml"; exit 1; }
hyperfine -N --warmup 1 --runs "${RUNS:-10}" --style none --export-json "$dir/out.json" \
  -n "plumb doctor (20 entries, server answers in 500 ms)" \
  "$bin doctor --config $dir/plumb.toml" >/dev/null </dev/null
export_result doctor "$dir/out.json"
python3 - "$dir/out.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| {r['command']} | {r['median']*1000:.0f} ms | {r['min']*1000:.0f} ms |")
PY
