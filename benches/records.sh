#!/usr/bin/env bash
# Throughput of `plumb records validate` on a generated 1,000,000-row CSV
# (~150 MB), next to `wc -l` as the floor (and xsv/qsv when installed).
# Medians with hyperfine. Usage: benches/records.sh   (needs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
need hyperfine
build_release
bin=$PWD/target/release/plumb
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
csv=$dir/customers.csv
# 1 in 1000 rows carries a problem, as real exports do.
awk 'BEGIN {
  srand(1);
  print "id,email,first_name,last_name,phone,birthday,created_at,address1,city,zip,country,notes";
  for (i = 1; i <= 1000000; i++) {
    email = (i % 1000 == 0) ? "customer" i "example.com" : "customer" i "@example.com";
    phone = (i % 997 == 0) ? "(415) 555-" sprintf("%04d", i % 10000) : "+1415" sprintf("%07d", i % 10000000);
    printf "%d,%s,First%d,\"Last, %d\",%s,19%02d-%02d-%02d,2024-%02d-%02dT10:00:00Z,%d Main Street,Springfield,%05d,US,\"note for record number %d\"\n",
      i, email, i, i, phone, 50 + i % 50, 1 + i % 12, 1 + i % 28, 1 + i % 12, 1 + i % 28, i % 9999, i % 99999, i
  }
}' > "$csv"
echo "input: $(wc -l < "$csv") lines, $(du -m "$csv" | cut -f1) MB"
cmds=(-n "ref: wc -l (1M-row CSV)" "wc -l $csv" -n "plumb records validate (1M-row CSV)" "$bin records validate $csv --format json -o /dev/null")
command -v xsv >/dev/null && cmds+=(-n "xsv count" "xsv count $csv")
command -v qsv >/dev/null && cmds+=(-n "qsv count" "qsv count $csv")
hyperfine -N -i --warmup 1 --runs "${RUNS:-5}" --style basic --export-json "$dir/out.json" "${cmds[@]}"
export_result records "$dir/out.json"
if [ -x /usr/bin/time ]; then
  # GNU time writes "Command exited with non-zero status 1" before the
  # figure when plumb exits 1 (it finds the planted problems): keep the
  # last line only.
  /usr/bin/time -o "$dir/rss" -f "%M" "$bin" records validate "$csv" -q -o /dev/null || true
  rss=$(tail -n 1 "$dir/rss")
  echo "plumb peak RSS: $rss KiB"
  note records "plumb records validate peak RSS: $(( rss / 1024 )) MiB"
fi
