"""Add the details of new checks to the JSON schema, from reports the tests made.
usage: PLUMB_SCHEMA_DUMP=/tmp/reports.jsonl cargo test --test e2e; python3 schema/update.py schema/plumb.report.v1.json docs/checks.md /tmp/reports.jsonl
New details keys and wider types are printed for review; a family id ({...}) needs a clause by hand."""
import json, re, sys, collections
schema_p, checks_md, *reports = sys.argv[1:]
schema = json.load(open(schema_p))
clauses = schema["$defs"]["check"]["allOf"]
have = {c["title"] for c in clauses}
declared = set(re.findall(r'^\| `([^`]+)` \|', open(checks_md).read(), re.M))
missing = sorted(declared - have)
stale = sorted(have - declared)
def jtype(v):
    if v is None: return "null"
    if isinstance(v, bool): return "boolean"
    if isinstance(v, int): return "integer"
    if isinstance(v, float): return "number"
    if isinstance(v, str): return "string"
    if isinstance(v, list): return "array"
    return "object"
def strip(cid, section):
    if section and cid.startswith(section + "/"): cid = cid[len(section)+1:]
    return re.sub(r'\[.*\]$', '', cid, flags=re.S)
keys = collections.defaultdict(lambda: collections.defaultdict(set))
seen = collections.Counter()
def walk(r):
    for c in r.get("checks", []):
        cid = strip(c["id"], c.get("section"))
        seen[cid] += 1
        for k, v in (c.get("details") or {}).items():
            keys[cid][k].add(jtype(v))
for p in reports:
    txt = open(p).read()
    for line in [txt] if txt.lstrip().startswith("{\n") or txt.count("\n{") == 0 else txt.splitlines():
        line = line.strip()
        if not line: continue
        try: walk(json.loads(line))
        except Exception: pass
PRE = r'^(?:[A-Za-z0-9._-]+/)?'
SUF = r'(?:\[[\s\S]*\])?$'
for i in missing:
    if '{' in i:
        print("family needs hand work:", i, file=sys.stderr); continue
    props = {}
    for k in sorted(keys[i]):
        ts = sorted(keys[i][k])
        props[k] = {"type": ts[0]} if len(ts) == 1 else {"type": ts}
    if not seen[i]: print("unseen (empty details):", i, file=sys.stderr)
    clauses.append({"title": i, "if": {"properties": {"id": {"pattern": PRE + re.escape(i) + SUF}}},
                    "then": {"properties": {"details": {"type": "object", "properties": props, "additionalProperties": False}}}})
for c in clauses:
    i = c["title"]
    if i in missing or i not in keys: continue
    det = c["then"]["properties"]["details"]
    if det.get("additionalProperties") is not False: continue
    props = det["properties"]
    for k, ts in keys[i].items():
        if k not in props:
            ts = sorted(ts); props[k] = {"type": ts[0]} if len(ts) == 1 else {"type": ts}
            print("new key", i, k, ts, file=sys.stderr)
        elif "type" in props[k]:
            old = props[k]["type"]; old = [old] if isinstance(old, str) else old
            add = set(ts) - set(old)
            if "number" in old: add.discard("integer")  # an integer is a number
            new = sorted(set(old) | add)
            if new != sorted(old):
                print("wider type", i, k, old, "->", new, file=sys.stderr)
                props[k]["type"] = new[0] if len(new) == 1 else new
    det["properties"] = dict(sorted(props.items()))
clauses[:] = [c for c in clauses if c["title"] not in stale]
clauses.sort(key=lambda c: c["title"])
print("added", missing, "removed", stale, file=sys.stderr)
open(schema_p, "w").write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
