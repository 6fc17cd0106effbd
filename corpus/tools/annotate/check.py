#!/usr/bin/env python3
"""check.py out/<id>.gold.json ...: checks an annotation file's format, ids and evidence."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
PRED = {"oppose", "support", "condemn", "concern", "call_on", "welcome", "agree", "commit"}
ids = set()
for v in ("vocab.tsv", "vocab-extra.tsv"):
    for line in open(os.path.join(HERE, v), encoding="utf-8"):
        ids.add(line.split("\t")[0])
ISO = re.compile(r"^[A-Z]{3}$")
def norm(s): return re.sub(r"\s+", "", s)
bad = 0
for path in sys.argv[1:]:
    errs = []
    try:
        d = json.load(open(path, encoding="utf-8"))
    except Exception as e:
        print(f"{path}: not valid JSON: {e}"); bad += 1; continue
    doc = os.path.basename(path)[: -len(".gold.json")]
    view = os.path.join(HERE, "docs", doc + ".view.txt")
    raw = os.path.join(HERE, "docs", doc + ".txt")
    if not os.path.exists(view):
        errs.append(f"no docs/{doc}.view.txt: is the file name <id>.gold.json?")
        text = ""
    else:
        text = norm(open(view, encoding="utf-8").read()) + norm(open(raw, encoding="utf-8").read())
    if d.get("id") != doc: errs.append(f"id is {d.get('id')!r}, expected {doc!r}")
    if d.get("lang") not in ("en", "zh"): errs.append("lang must be en or zh")
    for k in ("title", "date", "source_url", "entities", "claims"):
        if k not in d: errs.append(f"missing field {k}")
    new = {}
    for n in d.get("new_ids") or []:
        if not isinstance(n, dict) or not n.get("id") or n.get("kind") not in ("country", "org", "person", "place", "topic"):
            errs.append(f"new_ids entry {n!r} needs id and kind (country, org, person, place, topic)")
        else:
            new[n["id"]] = n
    known = ids | set(new)
    def known_id(x, where):
        if x is None: return
        if not isinstance(x, str): errs.append(f"{where}: {x!r} is not a string id"); return
        if ISO.match(x): return
        if not re.match(r"^(org|person|place|topic):[a-z0-9][a-z0-9-]*$", x):
            errs.append(f"{where}: {x!r} is not an id of the forms in the guidelines"); return
        if x not in known: errs.append(f"{where}: {x!r} is in neither vocabulary; add it to new_ids")
    ents = d.get("entities") or []
    for e in ents: known_id(e, "entities")
    for p, names in (d.get("person_names") or {}).items():
        known_id(p, "person_names")
        for nm in names or []:
            if text and norm(nm) not in text: errs.append(f"person_names: {nm!r} does not occur in the text")
    for i, c in enumerate(d.get("claims") or []):
        w = f"claim {i+1}"
        if c.get("predicate") not in PRED: errs.append(f"{w}: predicate {c.get('predicate')!r} is not one of {sorted(PRED)}")
        acts = c.get("actors")
        if not acts or not isinstance(acts, list): errs.append(f"{w}: actors must be a non-empty list")
        for a in acts or []:
            known_id(a, w + " actors")
            if a not in ents: errs.append(f"{w}: actor {a} is not in entities")
        known_id(c.get("target"), w + " target")
        if c.get("target") and c.get("target").split(":")[0] not in ("place", "topic") and c["target"] not in ents:
            errs.append(f"{w}: target {c['target']} is not in entities")
        t = c.get("topic")
        if t is not None and not str(t).startswith("topic:"): errs.append(f"{w}: topic {t!r} must be a topic: id or null")
        known_id(t, w + " topic")
        if not c.get("target") and not t: errs.append(f"{w}: needs a target or a topic")
        for s in c.get("speakers") or []: known_id(s, w + " speakers")
        ev = c.get("evidence")
        evs = ev if isinstance(ev, list) else [ev]
        for e in evs:
            if not isinstance(e, str) or not e.strip(): errs.append(f"{w}: evidence missing"); continue
            if text and norm(e) not in text: errs.append(f"{w}: evidence does not occur in the text: {e[:60]!r}")
        if c.get("when") is not None and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", str(c["when"])):
            errs.append(f"{w}: when {c['when']!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    if errs:
        bad += 1
        print(f"{path}: {len(errs)} problem(s)")
        for e in errs: print("  " + e)
    else:
        print(f"{path}: OK ({len(d.get('claims') or [])} claims, {len(ents)} entities)")
sys.exit(1 if bad else 0)
