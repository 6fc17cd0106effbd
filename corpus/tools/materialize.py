#!/usr/bin/env python3
"""Write the documents of corpus/draw.tsv as input files, read from the bulk corpus.

usage: materialize.py --out DIR [--bulk DIR] [--batch b1 ...] [--view]

The project keeps only the gold annotations (corpus/gold/<batch>/<id>.gold.json);
the texts stay in ../shared/corpus/bulk and are written out here at run time:
  feedx items and speeches   the bulk file as it stands (<id>.txt)
  press releases             the item of the feed file as a feed-item dump:
                             <!--EPOCH_MS-->, [title](link), ------, the item's HTML
--view also writes <id>.view.txt, the visible text (tags removed, entities decoded,
one paragraph a line), which is what annotators read and copy evidence from.
A document that cannot be found is an error: the run stops and names it.
"""
import argparse
import email.utils
import html
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def read_draw(path, batches):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("batch\t") or not line.strip():
                continue
            b, doc, pool, bulk, item = (line.rstrip("\n").split("\t") + [""])[:5]
            if not batches or b in batches:
                rows.append((b, doc, pool, bulk, item))
    return rows


def press_release(path, link):
    for it in ET.parse(path).getroot().iter("item"):
        if (it.findtext("link") or "").strip() == link:
            title = (it.findtext("title") or "").strip()
            body = it.findtext(CONTENT) or it.findtext("description") or ""
            ms = 0
            if it.findtext("pubDate"):
                ms = int(email.utils.parsedate_to_datetime(it.findtext("pubDate")).timestamp() * 1000)
            return f"<!--{ms}-->\n[{title}]({link})\n------\n\n{body.strip()}\n"
    raise LookupError(f"{path}: no item with link {link}")


def raw_text(bulk, pool, path, item):
    """The input text of a drawn document: the bulk file, or for a press release
    its feed item as a feed-item dump."""
    full = os.path.join(bulk, path)
    return press_release(full, item) if pool == "state" else open(full, encoding="utf-8").read()


def visible(raw):
    """The text a reader sees: front matter and tags removed, one block a line."""
    raw = re.sub(r"\A---\n.*?\n---\n", "", raw, flags=re.S)
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    raw = re.sub(r"(?m)^\[(.*)\]\(\S+\)\s*\n-{3,}\s*$", r"\1\n", raw, count=1)
    raw = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", raw)
    raw = re.sub(r"(?i)<br\s*/?>|</(p|div|h\d|li|tr|blockquote|figcaption)>", "\n", raw)
    raw = html.unescape(re.sub(r"<[^>]+>", "", raw))
    lines = [re.sub(r"[ \t\u00a0]+", " ", l).strip() for l in raw.split("\n")]
    return "\n\n".join(l for l in lines if l) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--bulk", default=os.path.join(HERE, "..", "..", "..", "shared", "corpus", "bulk"))
    ap.add_argument("--draw", default=os.path.join(HERE, "..", "draw.tsv"))
    ap.add_argument("--batch", nargs="*", default=[])
    ap.add_argument("--view", action="store_true")
    a = ap.parse_args()
    if not os.path.isdir(a.bulk):
        sys.exit(f"materialize.py: no bulk corpus at {a.bulk}")
    os.makedirs(a.out, exist_ok=True)
    for b, doc, pool, bulk, item in read_draw(a.draw, set(a.batch)):
        path = os.path.join(a.bulk, bulk)
        if not os.path.exists(path):
            sys.exit(f"materialize.py: {doc}: {path} is missing")
        raw = raw_text(a.bulk, pool, bulk, item)
        with open(os.path.join(a.out, doc + ".txt"), "w", encoding="utf-8") as f:
            f.write(raw)
        if a.view:
            with open(os.path.join(a.out, doc + ".view.txt"), "w", encoding="utf-8") as f:
                f.write(visible(raw))


if __name__ == "__main__":
    main()
