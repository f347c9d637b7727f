#!/usr/bin/env bash
# `plumb logs` against `grep -c -F -f patterns` (and `rg`, when installed) on
# a generated plain-text log, plus peak memory.
# Usage: benches/logs.sh [SIZE_MIB]   (default 500; needs hyperfine and
# /usr/bin/time; apt-get install ripgrep time hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-500}
command -v hyperfine >/dev/null || { echo "install hyperfine" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "install time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/plumb
work=${TMPDIR:-/tmp}/plumb-logs-bench
mkdir -p "$work"
log=$work/integration-$size_mib.log
patterns=$work/patterns
words=$work/words
# Fourteen everyday words a support engineer would grep for.
printf '%s\n' timeout 401 403 429 500 502 503 signature refused reset expired denied invalid error >"$words"

# The literals plumb looks for, read from its own table (one per line).
sed -n 's/^    ("\([^"]*\)", \(Phrase\|Status\)(.*/\1/p' src/probes/logs/classes.rs >"$patterns"
[ -s "$patterns" ] || { echo "no patterns found in classes.rs" >&2; exit 2; }

if [ ! -s "$log" ]; then
  # An 8 MiB block of realistic lines (about 3% problems, the rest clean
  # lines full of ids, durations and numbers), repeated to the size asked.
  python3 - "$work/block" <<'PY'
import random, sys
random.seed(7)
clean = [
    "INFO sync worker={w} synced order {n} for store shop-{s} in {ms} ms",
    "DEBUG GET /admin/api/2024-10/products.json?page_info={h} took {ms} ms",
    "INFO webhook orders/create id={n} delivered to https://example.com/hooks/{s}",
    "INFO batch {n} done: {w} records upserted, {s} unchanged, queue depth {ms}",
    "DEBUG cache hit key=customer:{n} ttl={ms}s shard={w}",
]
problems = [
    "ERROR request to api.example.com timed out after {ms} ms (attempt {w})",
    "ERROR HTTP 401 Unauthorized: invalid credentials for store shop-{s}",
    "ERROR 403 Forbidden: insufficient permissions for write_orders",
    "WARN status 429 Too Many Requests, retry after {w}s",
    "ERROR Record validation failed for record {n}: email is invalid",
    "ERROR webhook {h} rejected: invalid signature",
    "ERROR upstream answered 502 Bad Gateway for request {h}",
    "ERROR x509: certificate has expired or is not yet valid",
    "ERROR getaddrinfo ENOTFOUND shop-{s}.example.com",
]
out = []
size = 0
sec = 0
while size < 8 * 1024 * 1024:
    sec += random.randint(0, 3)
    t = f"2026-11-{20 + sec // 86400 % 8:02d}T{sec // 3600 % 24:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}.{random.randint(0, 999):03d}Z"
    tpl = random.choice(problems) if random.random() < 0.03 else random.choice(clean)
    line = t + " " + tpl.format(
        w=random.randint(1, 64), n=random.randint(1000, 999999), s=random.randint(1, 500),
        ms=random.randint(1, 30000), h="%016x" % random.getrandbits(64)) + "\n"
    out.append(line)
    size += len(line)
open(sys.argv[1], "w").write("".join(out))
PY
  : >"$log"
  while [ "$(stat -c %s "$log")" -lt $((size_mib * 1024 * 1024)) ]; do
    cat "$work/block" >>"$log"
  done
fi
echo "log: $log ($(($(stat -c %s "$log") / 1024 / 1024)) MiB), $(wc -l <"$patterns") patterns"

cmds=("$bin logs $log --format json -o /dev/null" "grep -c -F -f $words $log" "grep -c -F -f $patterns $log")
command -v rg >/dev/null && cmds+=("rg -c -F -f $patterns $log")
out=$(mktemp)
# Warm runs: the file is in the page cache, so this measures the scan, not
# the disk. Output goes to a pipe: GNU grep stops at the first match when
# its output is /dev/null.
set +e
hyperfine -N -i --output=pipe --warmup 1 --runs 5 --style none --export-json "$out" "${cmds[@]}" >/dev/null
set -e
python3 - "$out" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))["results"]
base = res[0]["median"]
print("| command | median | user CPU | vs plumb | exit codes |")
print("|---|---|---|---|---|")
for r in res:
    parts = r["command"].split()
    cmd = parts[0].split("/")[-1]
    if cmd in ("grep", "rg"):
        cmd += " -f " + parts[-2].split("/")[-1]
    codes = sorted(set(r.get("exit_codes", [])))
    print(f"| `{cmd}` | {r['median']:.3f} s | {r['user']:.3f} s | {r['median'] / base:.2f}× | {codes} |")
PY
rm -f "$out"
for c in "${cmds[@]}"; do
  # shellcheck disable=SC2086
  rss=$( { /usr/bin/time -v $c | cat >/dev/null || true; } 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')
  echo "peak RSS $(echo "$c" | cut -d' ' -f1 | xargs basename): $((rss / 1024)) MiB"
done
