#!/usr/bin/env bash
# Start-up cost of offline commands: whole-process wall time, medians over
# many runs (hyperfine). Usage: benches/startup.sh   (needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
need hyperfine
build_release
bin=target/release/plumb
out=$(mktemp)
hyperfine -N --warmup 20 --runs "${RUNS:-500}" --style none --export-json "$out" \
  "$bin explain 429" \
  "$bin --help" \
  "$bin credential sk_live_51HxYzAbCdEfGhIjKlMnOpQrSt" >/dev/null
export_result startup "$out"
python3 - "$out" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| `{r['command'].replace('target/release/', '')}` | {r['median']*1000:.2f} ms | {r['min']*1000:.2f} ms |")
PY
rm -f "$out"
echo "binary size (release, stripped): $(stat -c %s "$bin") bytes"
