# Shared by the benches/*.sh scripts (sourced, not run).
#
# need TOOL [PACKAGE]: make sure TOOL is on PATH. When it is absent and
# apt-get can run (as root), install PACKAGE (default: TOOL) quietly;
# otherwise say what to install and end the script with status 0 after
# writing a "skipped" marker, so benches/run.sh carries on with the rest.
#
# export_result NAME JSON: when BENCH_OUT is set (benches/run.sh sets it),
# keep hyperfine's JSON as $BENCH_OUT/NAME.json for the summary table.
# note NAME TEXT: an extra line (peak RSS, a size) for the summary.

need() {
  local tool=$1 pkg=${2:-$1}
  command -v "$tool" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ -z "${BENCH_NO_INSTALL:-}" ]; then
    echo "installing $pkg (for $tool) with apt-get…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1 \
      || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1; } || true
    command -v "$tool" >/dev/null 2>&1 && return 0
  fi
  local why="skipped $(basename "$0"): needs $tool (apt-get install $pkg)"
  echo "$why" >&2
  if [ -n "${BENCH_OUT:-}" ]; then echo "$why" >> "$BENCH_OUT/skipped.txt"; fi
  exit 0
}

export_result() {
  if [ -n "${BENCH_OUT:-}" ]; then cp "$2" "$BENCH_OUT/$1.json"; fi
}

note() {
  if [ -n "${BENCH_OUT:-}" ]; then echo "$2" >> "$BENCH_OUT/$1.notes"; fi
}

# The release binary, built once (benches/run.sh builds before starting).
build_release() {
  if [ -z "${BENCH_BUILT:-}" ]; then cargo build --release --quiet; fi
}

# make_pki: in the current directory, a throw-away CA (ca.pem) and a
# localhost leaf it signed (leaf.pem, leaf.key), for loopback TLS servers.
make_pki() {
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj /CN=bench-ca -keyout ca.key -out ca.pem 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=localhost \
    -keyout leaf.key -out leaf.csr 2>/dev/null
  printf 'subjectAltName=DNS:localhost\n' > ext
  openssl x509 -req -in leaf.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile ext -out leaf.pem 2>/dev/null
}

# start_dnsmasq PORT DIR: a loopback dnsmasq in the background answering
# bench.plumb.test (A and AAAA) and nothing else, no upstream; its pid is
# in $! afterwards and its pid file in DIR.
start_dnsmasq() {
  dnsmasq --keep-in-foreground --no-daemon --conf-file=/dev/null --no-resolv --no-hosts \
    --listen-address=127.0.0.1 --bind-interfaces --port="$1" --pid-file="$2/pid" \
    --user="$(id -un)" --address=/bench.plumb.test/93.184.216.34 \
    --address=/bench.plumb.test/2606:2800:220:1::1 >/dev/null 2>&1 &
}
