#!/usr/bin/env python3
"""Orders the log prefilter's anchors (ANCHORS in src/probes/logs/classes.rs)
so that aho-corasick's Teddy searcher wastes the least time on false
candidates, and prints the block to paste back.

Why order matters: Teddy puts the pattern with index k in bucket
15 - k % 16 (16 buckets in its AVX2 "fat" form), except that a pattern whose
first four bytes have the same low nybbles as an earlier one's joins that
one's bucket. A position is a candidate for a bucket when each of its next
four bytes has a low nybble and a high nybble seen at that place in some
pattern of the bucket; every candidate costs a verification. Anchors whose
first bytes are alike, put in one bucket, keep each bucket's nybble sets
small and the false candidates few. No anchor is a prefix of another, so
the order changes no match.

The cost model: the chance that a byte of text passes a bucket's nybble sets
at each of four places, from byte frequencies of the text given (lowercased,
as the scan searches it), multiplied, summed over buckets. The search is
simulated annealing with a fixed seed, so the result is repeatable.

Usage: benches/anchor-order.py TEXT_FILE... (a mix of log lines and prose)
"""
import math
import random
import re
import sys

src = open("src/probes/logs/classes.rs").read()
block = re.search(r"const ANCHORS: &\[&str\] = &\[(.*?)\];", src, re.S).group(1)
anchors = re.findall(r'"((?:[^"\\]|\\.)*)"', block)
anchors = [a.encode().decode("unicode_escape").encode() for a in anchors]
n = len(anchors)
for a in anchors:
    for b in anchors:
        if a != b and b.startswith(a):
            sys.exit(f"{a!r} is a prefix of {b!r}: order would change matches")

freq = [1] * 256
for path in sys.argv[1:]:
    data = open(path, "rb").read(32 << 20).lower()
    for b in range(256):
        freq[b] += data.count(bytes([b]))
total = sum(freq)
p = [f / total for f in freq]


def pass_rate(lo, hi):
    return sum(p[b] for b in range(256) if (b & 15) in lo and (b >> 4) in hi)


cache = {}


def bucket_cost(members):
    key = tuple(sorted(members))
    if key not in cache:
        c = 1.0 if members else 0.0
        for j in range(4):
            c *= pass_rate({anchors[i][j] & 15 for i in members}, {anchors[i][j] >> 4 for i in members})
        cache[key] = c
    return cache[key]


def buckets(order):
    out = [[] for _ in range(16)]
    seen = {}
    for k, i in enumerate(order):
        lo = tuple(x & 15 for x in anchors[i][:4])
        if lo not in seen:
            seen[lo] = 15 - k % 16
        out[seen[lo]].append(i)
    return out


def cost(order):
    return sum(bucket_cost(b) for b in buckets(order))


rng = random.Random(7)
current = list(range(n))
now = cost(current)
best, best_cost = current[:], now
heat = now * 0.1
for _ in range(60000):
    i, j = rng.sample(range(n), 2)
    current[i], current[j] = current[j], current[i]
    c = cost(current)
    if c < now or rng.random() < math.exp((now - c) / heat):
        now = c
        if c < best_cost:
            best, best_cost = current[:], c
    else:
        current[i], current[j] = current[j], current[i]
    heat *= 0.9999

print(f"// estimated false candidates per byte: {cost(list(range(n))):.5f} as listed, {best_cost:.5f} reordered", file=sys.stderr)
for row in range(0, n, 8):
    print("    " + " ".join(f'"{anchors[i].decode()}",' for i in best[row:row + 8]))
