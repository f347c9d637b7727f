#!/usr/bin/env bash
# `plumb tls` against `openssl s_client` on the same loopback server
# (`openssl s_server`, a certificate from a throw-away CA): whole-process
# wall time, medians over many runs. Usage: benches/tls.sh  (needs hyperfine, openssl)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
need hyperfine
need openssl
build_release
bin=$PWD/target/release/plumb
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT
cd "$dir"
make_pki
port=$((20000 + RANDOM % 20000))
openssl s_server -quiet -accept "127.0.0.1:$port" -cert leaf.pem -key leaf.key -www >/dev/null 2>&1 &
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
out=$dir/result.json
hyperfine -N --warmup 10 --runs "${RUNS:-200}" --style none --export-json "$out" \
  -n "ref: openssl s_client" "openssl s_client -connect 127.0.0.1:$port -servername localhost -CAfile ca.pem -verify_return_error -brief" \
  -n "plumb tls" "$bin tls localhost:$port --address 127.0.0.1 --ca-file ca.pem" >/dev/null </dev/null
export_result tls "$out"
python3 - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    name = x["command"].removeprefix("ref: ")
    print(f"| {name} | {x['median']*1000:.2f} ms | {x['min']*1000:.2f} ms | {x['median']/base:.2f}× |")
PY
