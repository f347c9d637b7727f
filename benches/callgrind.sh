#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind) for representative plumb
# runs: start-up, `tls` and `dns` against loopback servers, HMAC over 4 MiB
# and `records validate` over 20,000 rows. Counts barely move on a noisy
# machine, so this is the way to compare two builds (a profile setting, a
# dependency change) where wall-clock medians would drown in noise.
#
# Usage: benches/callgrind.sh [BINARY...]   default: target/release/plumb
#   e.g. cp target/release/plumb /tmp/before; …change…; cargo build --release
#        benches/callgrind.sh /tmp/before target/release/plumb
# Needs valgrind, openssl, dnsmasq, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
need valgrind
need openssl
need dnsmasq dnsmasq-base
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
  build_release
  bins=("$PWD/target/release/plumb")
fi
for b in "${bins[@]}"; do
  [ -x "$b" ] || { echo "callgrind.sh: $b is not an executable" >&2; exit 2; }
done
for i in "${!bins[@]}"; do
  case ${bins[$i]} in /*) ;; *) bins[$i]=$PWD/${bins[$i]} ;; esac
done
dir=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT
cd "$dir"
make_pki
tls_port=$((20000 + RANDOM % 20000))
dns_port=$((tls_port + 1))
openssl s_server -quiet -accept "127.0.0.1:$tls_port" -cert leaf.pem -key leaf.key -www >/dev/null 2>&1 &
start_dnsmasq "$dns_port" "$dir"
for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$tls_port) 2>/dev/null && break; sleep 0.1; done
sleep 0.3
head -c 3000000 /dev/urandom | base64 > payload.txt
python3 -c '
print("id,email,phone,first_name,last_name")
for i in range(20000):
    print(f"{i},user{i}@example.com,+1415555{i % 10000:04d},Ann{i},Lee")' > records.csv

count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
    | awk '/Collected/ { printf "%.2f M", $4 / 1e6 }'
}
echo "| binary | --help | explain 429 | tls | dns --type A | hmac 4 MiB | records 20k rows |"
echo "|---|---|---|---|---|---|---|"
for b in "${bins[@]}"; do
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$b" \
    "$(count "$b" --help)" \
    "$(count "$b" explain 429)" \
    "$(count "$b" tls localhost:$tls_port --address 127.0.0.1 --ca-file ca.pem)" \
    "$(count "$b" dns bench.plumb.test --resolver 127.0.0.1:$dns_port --no-system --type A)" \
    "$(count "$b" verify-signature hmac --secret bench-secret-0001 --signature 00 --payload payload.txt)" \
    "$(count "$b" records validate records.csv)"
done
