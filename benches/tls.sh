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
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
  -subj /CN=bench-ca -keyout ca.key -out ca.pem 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost \
  -keyout leaf.key -out leaf.csr 2>/dev/null
printf 'subjectAltName=DNS:localhost\n' > ext
openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
  -extfile ext -out leaf.pem 2>/dev/null
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
