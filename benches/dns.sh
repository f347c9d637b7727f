#!/usr/bin/env bash
# `plumb dns` against `dig` on the same loopback resolver (dnsmasq answering
# one name from an address=/…/ line, no upstream): whole-process wall time,
# medians over many runs. Usage: benches/dns.sh   (needs hyperfine, dig, dnsmasq)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
need hyperfine
need dig dnsutils
need dnsmasq dnsmasq-base
build_release
bin=$PWD/target/release/plumb
dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
start_dnsmasq "$port" "$dir"
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 50); do
  dig +short +time=1 +tries=1 @127.0.0.1 -p "$port" bench.plumb.test >/dev/null 2>&1 && break
  sleep 0.1
done
out=$dir/result.json
# dig asks one type per query; plumb asks A and AAAA by default, so the
# fair comparison is `--type A`; the default (both types) is shown too.
hyperfine -N --warmup 20 --runs "${RUNS:-300}" --style none --export-json "$out" \
  -n "ref: dig @127.0.0.1 -p PORT bench.plumb.test" "dig @127.0.0.1 -p $port bench.plumb.test" \
  -n "plumb dns bench.plumb.test --resolver 127.0.0.1:PORT --no-system --type A" \
  "$bin dns bench.plumb.test --resolver 127.0.0.1:$port --no-system --type A" \
  -n "plumb dns bench.plumb.test --resolver 127.0.0.1:PORT --no-system (A and AAAA)" \
  "$bin dns bench.plumb.test --resolver 127.0.0.1:$port --no-system" >/dev/null </dev/null
export_result dns "$out"
python3 - "$out" "$port" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
port = sys.argv[2]
base = results[0]["median"]
for r in results:
    cmd = r["command"].removeprefix("ref: ")
    print(f"| `{cmd}` | {r['median']*1000:.2f} ms | {r['min']*1000:.2f} ms | {r['median']/base:.2f}× |")
PY
