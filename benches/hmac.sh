#!/usr/bin/env bash
# Streaming HMAC speed: `plumb verify-signature hmac` on a 128 MiB payload
# against `openssl dgst -sha256 -hmac` on the same file (hyperfine medians
# and their ratio; the goal is within 1.3x). Also prints plumb's peak RSS.
# Usage: benches/hmac.sh   (needs hyperfine and openssl)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
need hyperfine
need openssl
build_release
bin=target/release/plumb
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
head -c $((128 * 1024 * 1024)) /dev/urandom > "$dir/payload"
secret=bench-secret-value
sig=$(openssl dgst -sha256 -hmac "$secret" -r "$dir/payload" | cut -d' ' -f1)
export PLUMB_WEBHOOK_SECRET=$secret
"$bin" verify-signature hmac --payload "$dir/payload" --signature "$sig" -q >/dev/null
hyperfine -N --warmup 2 --runs 10 --style none --export-json "$dir/out.json" \
  -n "ref: openssl dgst -sha256 -hmac (128 MiB)" "openssl dgst -sha256 -hmac $secret $dir/payload" \
  -n "plumb verify-signature hmac (128 MiB)" "$bin verify-signature hmac --payload $dir/payload --signature $sig" >/dev/null
export_result hmac "$dir/out.json"
python3 - "$dir/out.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
o, p = r[0]["median"], r[1]["median"]
print(f"| openssl dgst -sha256 -hmac | {o*1000:.0f} ms |")
print(f"| plumb verify-signature hmac | {p*1000:.0f} ms |")
print(f"ratio plumb/openssl: {p/o:.2f}x")
PY
if [ -x /usr/bin/time ]; then
  /usr/bin/time -o "$dir/rss" -f "%M" "$bin" verify-signature hmac --payload "$dir/payload" --signature "$sig" -q >/dev/null
  echo "plumb peak RSS: $(cat "$dir/rss") KiB"
  note hmac "plumb verify-signature hmac peak RSS: $(( $(cat "$dir/rss") / 1024 )) MiB"
fi
