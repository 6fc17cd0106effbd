#!/usr/bin/env python3
"""Import a batch's blind annotations into the project.

usage: import.py KIT BATCH

Reads KIT/out/<id>.gold.json for every document of BATCH in corpus/draw.tsv
(a missing one is an error), adds the bulk path of its text ("bulk", and
"bulk_item" for a press release), moves the ids the annotator made
("new_ids") to corpus/vocab-extra.tsv when no vocabulary has them yet, and
writes corpus/gold/BATCH/<id>.gold.json.
"""
import json, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    kit, batch = sys.argv[1], sys.argv[2]
    draw = {}
    with open(os.path.join(ROOT, "corpus", "draw.tsv"), encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) >= 4 and c[0] == batch:
                draw[c[1]] = c + [""] * (5 - len(c))
    if not draw:
        sys.exit(f"import.py: no batch {batch} in corpus/draw.tsv")
    vx = os.path.join(ROOT, "corpus", "vocab-extra.tsv")
    have = set()
    for path in (vx, os.path.join(ROOT, "..", "shared", "corpus", "vocab.tsv")):
        with open(path, encoding="utf-8") as f:
            have |= {line.split("\t")[0] for line in f}
    outdir = os.path.join(ROOT, "corpus", "gold", batch)
    os.makedirs(outdir, exist_ok=True)
    added, claims = [], 0
    for doc in sorted(draw):
        src = os.path.join(kit, "out", doc + ".gold.json")
        if not os.path.exists(src):
            sys.exit(f"import.py: {src} is missing")
        with open(src, encoding="utf-8") as f:
            d = json.load(f)
        for x in d.pop("new_ids", None) or []:
            if x.get("id") and x["id"] not in have:
                have.add(x["id"])
                added.append("\t".join([x["id"], x.get("kind") or "", x.get("en") or "", x.get("zh") or "",
                                        (x.get("note") or "").replace("\t", " ")]))
        d["bulk"] = draw[doc][3]
        if draw[doc][2] == "state":
            d["bulk_item"] = draw[doc][4]
        with open(os.path.join(outdir, doc + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(d, f, ensure_ascii=False, indent=1)
        claims += len(d.get("claims") or [])
    with open(vx, "a", encoding="utf-8") as f:
        for a in added:
            f.write(a + "\n")
    print(f"import.py: {len(draw)} documents, {claims} claims, {len(added)} new ids into corpus/vocab-extra.tsv")


if __name__ == "__main__":
    main()
