#!/usr/bin/env bash
# `plumb serve`: what a /probe adds to running the same entry with
# `plumb doctor`, and memory while it holds 50 probes at once.
#
# 1. Latency: one entry (`endpoint` against a loopback server that answers
#    at once). `plumb doctor --config` runs it as a process (hyperfine,
#    median); `/probe?check=NAME` runs it in the server (median of
#    sequential requests on one keep-alive connection, timed in python).
#    Goal: the probe's median at most 5 ms above doctor's.
# 2. Load: 50 concurrent /probe requests on an entry whose server answers
#    after 500 ms, with --max-probes 50: every one must answer 200, and the
#    server's peak RSS (VmHWM) must stay under 64 MiB.
#
# Usage: benches/serve.sh   (needs hyperfine, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
need hyperfine
need python3
build_release
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/plumb
dir=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$dir"; }
trap cleanup EXIT
python3 benches/slow_server.py "$dir/fast" 0 & pids+=($!)
python3 benches/slow_server.py "$dir/slow" 0.5 & pids+=($!)
for _ in $(seq 100); do [ -s "$dir/fast" ] && [ -s "$dir/slow" ] && break; sleep 0.05; done
printf '[[check]]\nname = "fast"\nrun = "endpoint http://127.0.0.1:%s/fast"\n\n[[check]]\nname = "slow"\nrun = "endpoint http://127.0.0.1:%s/slow"\n' \
  "$(cat "$dir/fast")" "$(cat "$dir/slow")" > "$dir/plumb.toml"
printf '[[check]]\nname = "fast"\nrun = "endpoint http://127.0.0.1:%s/fast"\n' "$(cat "$dir/fast")" > "$dir/one.toml"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --config "$dir/plumb.toml" --listen "127.0.0.1:$port" --max-probes 50 >/dev/null & serve=$!
pids+=("$serve")
for _ in $(seq 100); do python3 -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$port/-/healthy')" 2>/dev/null && break; sleep 0.05; done

hyperfine -N --warmup 3 --runs "${RUNS:-50}" --style none --export-json "$dir/doctor.json" \
  -n "plumb doctor (1 endpoint entry)" "$bin doctor --config $dir/one.toml" >/dev/null </dev/null

python3 - "$port" "$dir/doctor.json" "$serve" "${RUNS:-50}" <<'PY'
import http.client, json, statistics, sys, threading, time
port, doctor_json, pid, runs = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
doctor = json.load(open(doctor_json))["results"][0]["median"]

conn = http.client.HTTPConnection("127.0.0.1", port)
def probe(c, name):
    c.request("GET", f"/probe?check={name}")
    r = c.getresponse()
    body = r.read()
    assert r.status == 200 and b"plumb_probe_success 1" in body, (r.status, body[:200])
for _ in range(5):
    probe(conn, "fast")
times = []
for _ in range(runs):
    t = time.perf_counter()
    probe(conn, "fast")
    times.append(time.perf_counter() - t)
probe_median = statistics.median(times)
added = (probe_median - doctor) * 1000
print(f"| serve | `plumb doctor`, 1 endpoint entry (process) | {doctor*1000:.2f} ms |")
print(f"| serve | `/probe?check=` same entry (keep-alive request) | {probe_median*1000:.2f} ms | added {added:+.2f} ms | goal ≤ +5 ms {'✓' if added <= 5 else '✗'} |")

results = []
def one():
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    t = time.perf_counter()
    c.request("GET", "/probe?check=slow")
    r = c.getresponse(); r.read()
    results.append((r.status, time.perf_counter() - t))
threads = [threading.Thread(target=one) for _ in range(50)]
t0 = time.perf_counter()
for t in threads: t.start()
for t in threads: t.join()
wall = time.perf_counter() - t0
ok = sum(1 for s, _ in results if s == 200)
hwm = next(int(l.split()[1]) for l in open(f"/proc/{pid}/status") if l.startswith("VmHWM"))
print(f"| serve | 50 concurrent `/probe` (server answers in 500 ms) | {ok}/50 answered 200 in {wall*1000:.0f} ms | peak RSS {hwm/1024:.1f} MiB | goal < 64 MiB {'✓' if hwm < 64*1024 and ok == 50 else '✗'} |")
PY
