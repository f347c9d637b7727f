#!/usr/bin/env bash
# The whole performance suite in one go: every benches/*.sh comparison,
# side by side, summed up as one markdown table of medians and ratios
# (plumb against the tool a user would otherwise run), plus the binary
# size and peak memory notes. Servers run on loopback, started by the
# scripts; a missing tool is installed with apt-get when possible,
# otherwise its case is skipped with a message.
#
# Usage: benches/run.sh [CASE...]   cases: startup tls dns hmac doctor records logs
#        QUICK=1 benches/run.sh      fewer runs per case (a rough look)
# benches/logs.sh is picked up when it exists.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v python3 >/dev/null || { echo "benches/run.sh needs python3" >&2; exit 2; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  cases=(startup tls dns hmac doctor records)
  [ -f benches/logs.sh ] && cases+=(logs)
fi
echo "building the release binary…" >&2
cargo build --release --quiet || exit 1
export BENCH_BUILT=1
BENCH_OUT=$(mktemp -d)
export BENCH_OUT
trap 'rm -rf "$BENCH_OUT"' EXIT
if [ -n "${QUICK:-}" ]; then quick_runs=(startup=50 tls=30 dns=30 hmac=3 doctor=3 records=2); else quick_runs=(); fi
for name in "${cases[@]}"; do
  script=benches/$name.sh
  [ -f "$script" ] || { echo "no $script" >&2; continue; }
  runs=
  for kv in "${quick_runs[@]}"; do [ "${kv%%=*}" = "$name" ] && runs=${kv#*=}; done
  echo "== $name" >&2
  if ! RUNS=${runs:-${RUNS:-}} bash "$script" > "$BENCH_OUT/$name.out" 2> "$BENCH_OUT/$name.err"; then
    echo "$name failed:" >&2
    tail -5 "$BENCH_OUT/$name.err" >&2
    echo "$name: failed (see above)" >> "$BENCH_OUT/skipped.txt"
  fi
  # A script that exports no hyperfine JSON (logs.sh from another branch,
  # say) is shown as it printed.
  if [ ! -f "$BENCH_OUT/$name.json" ] && [ -s "$BENCH_OUT/$name.out" ]; then
    cp "$BENCH_OUT/$name.out" "$BENCH_OUT/$name.raw"
  fi
done
size=$(stat -c %s target/release/plumb)
python3 - "$BENCH_OUT" "$size" "${cases[@]}" <<'PY'
import json, os, platform, sys, datetime
out, size, cases = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
goals = {
    "startup": ("< 5 ms", lambda r, ratio: r < 0.005),
    "tls": ("≤ 1.0×", lambda r, ratio: ratio is not None and ratio <= 1.0),
    "dns": ("≤ 1.0×", lambda r, ratio: ratio is not None and ratio <= 1.0),
    "hmac": ("≤ 1.2×", lambda r, ratio: ratio is not None and ratio <= 1.2),
    "doctor": ("< 1 s", lambda r, ratio: r < 1.0),
    "logs": ("≤ 1.0× grep", lambda r, ratio: ratio is not None and ratio <= 1.0),
}
def ms(s):
    return f"{s*1000:.0f} ms" if s >= 0.1 else f"{s*1000:.2f} ms"
cpu = "unknown CPU"
try:
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip(); break
except OSError:
    pass
print(f"Measured {datetime.date.today()} on {os.cpu_count()} × {cpu} ({platform.system()} {platform.release()}); whole-process wall time, hyperfine medians.\n")
print("| case | command | median | fastest | reference median | ratio | goal |")
print("|---|---|---|---|---|---|---|")
raw = []
for case in cases:
    path = os.path.join(out, case + ".json")
    if not os.path.exists(path):
        if os.path.exists(os.path.join(out, case + ".raw")):
            raw.append(case)
        continue
    results = json.load(open(path))["results"]
    refs = [r for r in results if r["command"].startswith("ref: ")]
    base = refs[0]["median"] if refs else None
    goal, ok = goals.get(case, ("", None))
    for r in results:
        name = r["command"]
        if name.startswith("ref: "):
            print(f"| {case} | {name[5:]} (reference) | {ms(r['median'])} | {ms(r['min'])} | | 1.00× | |")
            continue
        ratio = r["median"] / base if base else None
        verdict = ""
        if ok is not None and goal:
            verdict = goal + (" ✓" if ok(r["median"], ratio) else " ✗")
        ratio_s = f"{ratio:.2f}×" if ratio is not None else ""
        ref_s = ms(base) if base else ""
        print(f"| {case} | {name.replace(os.getcwd() + '/', '')} | {ms(r['median'])} | {ms(r['min'])} | {ref_s} | {ratio_s} | {verdict} |")
print(f"| size | release binary, stripped | {size / 1e6:.2f} MB | | | | report |")
notes = []
for case in cases:
    p = os.path.join(out, case + ".notes")
    if os.path.exists(p):
        notes += [l.strip() for l in open(p) if l.strip()]
p = os.path.join(out, "skipped.txt")
if os.path.exists(p):
    notes += [l.strip() for l in open(p) if l.strip()]
if notes:
    print()
    for n in notes:
        print(f"- {n}")
for case in raw:
    print(f"\n{case} (as benches/{case}.sh printed it):\n")
    print(open(os.path.join(out, case + ".raw")).read().rstrip())
PY
