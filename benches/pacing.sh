#!/usr/bin/env bash
# How closely `rate-limit probe` keeps its pace: a loopback server records
# every arrival; the busiest one-second window must not exceed the rate.
# Usage: benches/pacing.sh [RATE_PER_SECOND] [REQUESTS]   (needs python3)
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${1:-20}
requests=${2:-200}
cargo build --quiet
log=$(mktemp)
python3 - "$log" <<'PY' &
import http.server, sys, time
log = open(sys.argv[1], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        log.write(f"{time.monotonic()}\n")
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
open(sys.argv[1] + ".port", "w").write(str(s.server_address[1]))
s.serve_forever()
PY
server=$!
trap 'kill $server; rm -f "$log" "$log.port"' EXIT
while [ ! -s "$log.port" ]; do sleep 0.1; done
target/debug/plumb rate-limit probe "http://127.0.0.1:$(cat "$log.port")/" \
  --rate "$rate/s" --requests "$requests" --json >/dev/null || true
python3 - "$log" "$rate" <<'PY'
import sys
t = [float(l) for l in open(sys.argv[1])]
rate = float(sys.argv[2])
busiest = max(sum(1 for b in t if a <= b < a + 1.0) for a in t)
gaps = [b - a for a, b in zip(t, t[1:])]
print(f"requests {len(t)} at {rate:g}/s: busiest 1 s window {busiest}, "
      f"achieved {(len(t) - 1) / (t[-1] - t[0]):.2f}/s, "
      f"smallest gap {min(gaps) * 1000:.1f} ms (interval {1000 / rate:.1f} ms)")
PY
