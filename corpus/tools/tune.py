#!/usr/bin/env python3
"""Measure a rule change on everything annotated, and on the whole bulk corpora.

usage:
  tune.py prep [--blind bN ...]     write the gold batches' texts (corpus/gold/b*) and
                                    the whole corpora (feedx, state, ungdc) to WORK,
                                    leaving out the blind batches and their texts
  tune.py run BIN TAG               extract dev and every prepared batch with BIN
  tune.py score TAG                 dev, the batches pooled, by language and by kind
  tune.py diff A B [--show N]       triples right/wrong gained and lost from run A to B
  tune.py wc BIN TAG                extract the whole corpora with BIN
  tune.py wcdiff A B [--show N]     (triple, evidence) pairs gained and lost on them
  tune.py table TAG [--start TAG0]   the After-tuning table of docs/quality.md
  tune.py misses TAG [--lang en|zh] [--by-pred] [--show N]
                                    the gold triples missed, by what the span got instead
  tune.py rules TAG [--by rule|pred|lang|obj|topic]
                                    right and wrong claims per rule on the batches

WORK is $DIPLOGRAPH_TUNE, or diplograph-tune in the temporary folder. A claim is
right when its (actor, predicate, object) triple is in the document's gold, as
../shared/eval/score.py counts it; this tool imports its functions.
"""
import argparse
import collections
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
sys.path.insert(0, os.path.join(SHARED, "eval"))
sys.path.insert(0, HERE)
import score  # noqa: E402  (../shared/eval/score.py)
import draw  # noqa: E402
import materialize  # noqa: E402

WORK = os.environ.get("DIPLOGRAPH_TUNE") or os.path.join(tempfile.gettempdir(), "diplograph-tune")
BATCH = re.compile(r"^b(\d+)$")


def batches():
    bx = os.path.join(WORK, "bx")
    if not os.path.isdir(bx):
        sys.exit(f"tune.py: nothing prepared in {bx}: run `tune.py prep` first")
    return sorted((d for d in os.listdir(bx) if BATCH.match(d)), key=lambda d: int(d[1:]))


def kind(doc):
    m = re.match(r"^b\d+-(feedx|state|ungdc)-", doc)
    return m.group(1) if m else "dev"


def prep(a):
    blind = set(a.blind)
    gold = sorted((d for d in os.listdir(os.path.join(ROOT, "corpus", "gold")) if BATCH.match(d)), key=lambda d: int(d[1:]))
    bx = os.path.join(WORK, "bx")
    shutil.rmtree(bx, ignore_errors=True)
    rows = materialize.read_draw(os.path.join(ROOT, "corpus", "draw.tsv"), set())
    bulk = os.path.join(SHARED, "corpus", "bulk")
    blind_files, blind_links = set(), set()
    for b, doc, pool, path, item in rows:
        if b in blind:
            (blind_links if pool == "state" else blind_files).add(item if pool == "state" else path)
    for b in gold:
        if b in blind:
            continue
        out = os.path.join(bx, b)
        os.makedirs(out)
        for rb, doc, pool, path, item in rows:
            if rb != b:
                continue
            open(os.path.join(out, doc + ".txt"), "w", encoding="utf-8").write(materialize.raw_text(bulk, pool, path, item))
        for g in glob.glob(os.path.join(ROOT, "corpus", "gold", b, "*.gold.json")):
            shutil.copy(g, out)
    print(f"tune.py: {len(gold) - len(blind & set(gold))} batches in {bx}")
    whole = os.path.join(WORK, "whole")
    shutil.rmtree(whole, ignore_errors=True)
    n = collections.Counter()
    for p in sorted(glob.glob(os.path.join(bulk, "feedx-waimei", "**", "*.md"), recursive=True)):
        rel = os.path.relpath(p, bulk)
        if p.endswith("SOURCE.md") or rel in blind_files:
            continue
        os.makedirs(os.path.join(whole, "feedx"), exist_ok=True)
        name = re.sub(r"[^\w.-]", "_", os.path.splitext(os.path.basename(p))[0])
        shutil.copy(p, os.path.join(whole, "feedx", f"{n['feedx']:04d}-{name}.md"))
        n["feedx"] += 1
    for link, rel in draw.state_items(bulk).items():  # each press release once, from the first feed that has it
        if link in blind_links:
            continue
        os.makedirs(os.path.join(whole, "state"), exist_ok=True)
        open(os.path.join(whole, "state", f"{n['state']:04d}.md"), "w", encoding="utf-8").write(materialize.raw_text(bulk, "state", rel, link))
        n["state"] += 1
    for p in sorted(glob.glob(os.path.join(bulk, "ungdc", "*", "*.txt"))):
        if os.path.relpath(p, bulk) in blind_files:
            continue
        os.makedirs(os.path.join(whole, "ungdc"), exist_ok=True)
        shutil.copy(p, os.path.join(whole, "ungdc", f"{n['ungdc']:04d}-{os.path.basename(p)}"))
        n["ungdc"] += 1
    print(f"tune.py: whole corpora in {whole}: " + ", ".join(f"{k} {v}" for k, v in n.items()))


def extract(binary, paths, out):
    with open(out, "w", encoding="utf-8") as f:
        r = subprocess.run([binary, "extract", "--format", "jsonl", *paths], stdout=f, stderr=subprocess.PIPE, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"tune.py: {binary} extract failed: {r.stderr[-2000:]}")


def run(a):
    out = os.path.join(WORK, "out", a.tag)
    os.makedirs(out, exist_ok=True)
    paths = sorted(glob.glob(os.path.join(SHARED, "corpus", "dev", "*.txt")))
    for b in batches():
        paths += sorted(glob.glob(os.path.join(WORK, "bx", b, "*.txt")))
    tmp = os.path.join(out, "all.jsonl")
    extract(a.bin, paths, tmp)
    split = collections.defaultdict(list)
    for line in open(tmp, encoding="utf-8"):
        doc = json.loads(line).get("doc", "")
        m = re.match(r"^(b\d+)-", doc)
        split[m.group(1) if m else "dev"].append(line)
    for k, lines in split.items():
        open(os.path.join(out, k + ".jsonl"), "w", encoding="utf-8").writelines(lines)
    os.remove(tmp)
    score_tag(a.tag)


def load(tag):
    """(gold, pred) pairs per document, for dev and every prepared batch."""
    out = os.path.join(WORK, "out", tag)
    docs = []
    for b in ["dev"] + batches():
        gdir = os.path.join(SHARED, "corpus", "dev") if b == "dev" else os.path.join(WORK, "bx", b)
        pf = os.path.join(out, b + ".jsonl")
        if not os.path.exists(pf):
            sys.exit(f"tune.py: {pf} is missing: run `tune.py run BIN {tag}`")
        preds, _ = score.load_pred(pf)
        for g in score.load_gold(gdir):
            docs.append((b, g, preds.get(g["id"])))
    return docs


def fmt(t):
    s = t.summary()
    c = s["claim"]
    return f"{c['p']:.4f} / {c['r']:.4f} / {c['f1']:.4f}  ent {s['entity']['f1']:.4f}  gold {c['gold_triples']}"


def score_tag(tag):
    tallies = collections.defaultdict(score.Tally)
    for b, g, p in load(tag):
        keys = ["dev", "dev-" + g.get("lang", "?")] if b == "dev" else ["pooled", "pooled-" + g.get("lang", "?"), "kind-" + kind(g["id"])]
        for k in keys:
            score.score_doc(g, p, tallies[k], False, [])
    for k in ["dev", "dev-en", "dev-zh", "pooled", "pooled-en", "pooled-zh", "kind-feedx", "kind-state", "kind-ungdc"]:
        if k in tallies:
            print(f"{k:<11} {fmt(tallies[k])}")


def triples_of(g, p):
    gt = set().union(*[score.triples(c) for c in g["claims"]]) if g["claims"] else set()
    ev = {}
    for c in (p or {}).get("claims") or []:
        for tr in score.triples(c):
            ev.setdefault(tr, (c.get("rule"), (c.get("evidence") or {}).get("text", "")))
    return gt, ev


def diff(a):
    la, lb = load(a.a), load(a.b)
    A = {(b, g["id"]): (g, p) for b, g, p in la if b != "dev"}
    B = {(b, g["id"]): (g, p) for b, g, p in lb if b != "dev"}
    cnt = collections.Counter()
    shown = collections.defaultdict(list)
    ent = collections.Counter()
    for key, (g, pa) in A.items():
        pb = B[key][1]
        gt, ea = triples_of(g, pa)
        _, eb = triples_of(g, pb)
        for tr in set(ea) ^ set(eb):
            gained = tr in eb
            right = tr in gt
            label = ("+" if gained else "-") + ("R" if right else "W")
            cnt[label] += 1
            rule, text = (eb if gained else ea)[tr]
            shown[label].append(f"{key[1]} {tr[0]} {tr[1]} {tr[2]} [{rule}] {text[:150]}")
        ge = score.ids_of(g.get("entities"))
        ia, ib = score.ids_of((pa or {}).get("entities")), score.ids_of((pb or {}).get("entities"))
        for e in ib - ia:
            ent["+E" if e in ge else "+e"] += 1
        for e in ia - ib:
            ent["-E" if e in ge else "-e"] += 1
    for label in ["+R", "-R", "+W", "-W"]:
        print(f"== {label} {cnt[label]}")
        for line in shown[label][: a.show]:
            print("  " + line)
    print("entities (E right, e wrong): " + " ".join(f"{k}{v}" for k, v in sorted(ent.items())))
    print(f"SUMMARY +R{cnt['+R']} -R{cnt['-R']} +W{cnt['+W']} -W{cnt['-W']}")
    print(f"{a.a:<8} " + pooled(la))
    print(f"{a.b:<8} " + pooled(lb))


def pooled(docs):
    t, d = score.Tally(), score.Tally()
    for b, g, p in docs:
        score.score_doc(g, p, d if b == "dev" else t, False, [])
    return f"pooled {fmt(t)} | dev {fmt(d)}"


def wc(a):
    out = os.path.join(WORK, "wc", a.tag)
    os.makedirs(out, exist_ok=True)
    for k in ["feedx", "state", "ungdc"]:
        d = os.path.join(WORK, "whole", k)
        if not os.path.isdir(d):
            sys.exit(f"tune.py: no {d}: run `tune.py prep` first")
        extract(a.bin, [d], os.path.join(out, k + ".jsonl"))
        print(f"tune.py: {k} extracted")


def pairs(tag, k):
    s = set()
    for line in open(os.path.join(WORK, "wc", tag, k + ".jsonl"), encoding="utf-8"):
        o = json.loads(line)
        for c in o.get("claims") or []:
            for tr in score.triples(c):
                s.add((o.get("doc"), tr, (c.get("evidence") or {}).get("text", ""), c.get("rule")))
    return s


def wcdiff(a):
    for k in ["feedx", "state", "ungdc"]:
        pa, pb = pairs(a.a, k), pairs(a.b, k)
        ka = {x[:3] for x in pa}
        kb = {x[:3] for x in pb}
        lost = [x for x in pa if x[:3] not in kb]
        won = [x for x in pb if x[:3] not in ka]
        print(f"== {k}: -{len(lost)} +{len(won)}")
        for sign, xs in (("-", lost), ("+", won)):
            for doc, tr, text, rule in sorted(xs)[: a.show]:
                print(f"  {sign} {doc[-30:]} {tr[0]} {tr[1]} {tr[2]} [{rule}] {text[:140]}")


def rules(a):
    cnt = collections.defaultdict(collections.Counter)
    for b, g, p in load(a.tag):
        if b == "dev":
            continue
        gt, ev = triples_of(g, p)
        for tr, (rule, _) in ev.items():
            obj = tr[2] if tr[2].startswith("topic:") else re.sub(r":.*", "", tr[2]) if ":" in tr[2] else "country"
            key = {"rule": rule, "pred": tr[1], "lang": g.get("lang", "?") + " " + str(rule),
                   "obj": f"{rule} {obj}", "topic": f"{tr[1]} {obj}"}[a.by]
            cnt[key]["R" if tr in gt else "W"] += 1
    for k, c in sorted(cnt.items(), key=lambda kv: -(kv[1]["R"] + kv[1]["W"])):
        n = c["R"] + c["W"]
        if n < a.min or c["R"] / n > a.max_p:
            continue
        print(f"{n:6d} {c['R'] / n:6.3f}  R{c['R']:<5d} W{c['W']:<5d} {k}")


def misses(a):
    """Each missed gold triple, put in the first class that fits it."""
    cnt = collections.Counter()
    ex = collections.defaultdict(list)
    for b, g, p in load(a.tag):
        if b == "dev" or (a.lang and g.get("lang") != a.lang):
            continue
        gt, ev = triples_of(g, p)
        pcl = [c for c in (p or {}).get("claims") or []]
        for gc in g["claims"]:
            for tr in score.triples(gc):
                if tr in ev:
                    continue
                gev = score.evidence_texts(gc.get("evidence"))
                near = [c for c in pcl if any(score.overlaps(x, y) for x in gev for y in score.evidence_texts(c.get("evidence")))]
                ts = {t for c in near for t in score.triples(c)}
                if not near:
                    k = "no claim on the span"
                elif any(t[1:] == tr[1:] for t in ts):
                    k = "wrong actor"
                elif any(t[0] == tr[0] and t[1] == tr[1] for t in ts):
                    k = "wrong object"
                elif any(t[0] == tr[0] and t[2] == tr[2] for t in ts):
                    k = "wrong predicate"
                else:
                    k = "other claim on the span"
                key = f"{k} | {tr[1]}" if a.by_pred else k
                cnt[key] += 1
                ex[key].append(f"{g['id']} {tr} :: {(gev or [''])[0][:120]} :: " + "; ".join(sorted(f"{t[0]} {t[1]} {t[2]}" for t in ts))[:160])
    for k, v in cnt.most_common():
        print(f"{v:6d} {k}")
        for line in ex[k][: a.show]:
            print("    " + line)


def table(a):
    """The After-tuning table of docs/quality.md: one row per set."""
    def tallies(tag):
        T = collections.defaultdict(score.Tally)
        for b, g, p in load(tag):
            for k in (b, b + "-" + g.get("lang", "?")) + (() if b == "dev" else ("pooled", "pooled-" + g.get("lang", "?"))):
                score.score_doc(g, p, T[k], False, [])
        return T
    T = tallies(a.tag)
    S = tallies(a.start) if a.start else T
    f1 = lambda t, k: f"{t[k].summary()['claim']['f1']:.3f}" if k in t else "—"
    bs = batches()
    for k in ["dev"] + bs + ["pooled"]:
        s_, c = T[k].summary(), T[k].summary()["claim"]
        name = "`../shared/corpus/dev` (29 docs, %d gold triples)" % c["gold_triples"] if k == "dev" else \
            ("%s–%s pooled (%d)" % (bs[0], bs[-1], c["gold_triples"]) if k == "pooled" else "%s (%d)" % (k, c["gold_triples"]))
        print(f"| {name} | {c['p']:.3f} / {c['r']:.3f} / **{c['f1']:.3f}** | {s_['entity']['f1']:.3f} | {f1(T, k + '-en')} | {f1(T, k + '-zh')} | {f1(S, k)} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prep")
    p.add_argument("--blind", nargs="*", default=[])
    p = sub.add_parser("run")
    p.add_argument("bin")
    p.add_argument("tag")
    p = sub.add_parser("score")
    p.add_argument("tag")
    for name in ("diff", "wcdiff"):
        p = sub.add_parser(name)
        p.add_argument("a")
        p.add_argument("b")
        p.add_argument("--show", type=int, default=30)
    p = sub.add_parser("wc")
    p.add_argument("bin")
    p.add_argument("tag")
    p = sub.add_parser("rules")
    p.add_argument("tag")
    p.add_argument("--min", type=int, default=1)
    p.add_argument("--max-p", type=float, default=1.0)
    p.add_argument("--by", choices=["rule", "pred", "lang", "obj", "topic"], default="rule")
    p = sub.add_parser("table")
    p.add_argument("tag")
    p.add_argument("--start", default="", help="a run of the session's first binary, for the last column")
    p = sub.add_parser("misses")
    p.add_argument("tag")
    p.add_argument("--lang", default="")
    p.add_argument("--by-pred", action="store_true")
    p.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    {"misses": misses, "table": table, "prep": prep, "run": run, "score": lambda a: score_tag(a.tag), "diff": diff, "wc": wc, "wcdiff": wcdiff, "rules": rules}[a.cmd](a)


if __name__ == "__main__":
    main()
