#!/usr/bin/env python3
"""Draw documents at random from ../shared/corpus/bulk for blind annotation.

usage: draw.py [--bulk DIR] [--seed N] > corpus/draw.tsv

The draw is not hand-picked: every document of a pool has the same chance, the
seed is fixed and written in the output, and documents with no claims stay in.
Pools: feedx-waimei items (Chinese news, some English), State Department press
releases (one per unique item link over all feed versions), UN General Debate
speeches. Items already in ../shared/corpus/dev are left out. Each batch takes
12 feedx items, 10 press releases and 2 speeches.

Output, one row per document: batch, id, pool, bulk path (relative to the bulk
folder), item link (press releases: which item of the feed file).
"""
import argparse
import glob
import json
import os
import random
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
BATCHES = ["b1", "b2", "b3"]
# batches drawn later, one at a time from what the earlier draws left, so that
# adding one never changes the documents of those before it
LATER = ["b4", "b5", "b6", "b7", "b8", "b9", "b10", "b11", "b12", "b13", "b14", "b15", "b16", "b17", "b18", "b19", "b20", "b21", "b22", "b23", "b24", "b25", "b26", "b27", "b28", "b29", "b30", "b31", "b32", "b33", "b34", "b35", "b36", "b37", "b38", "b39", "b40", "b41", "b42", "b43", "b44", "b45", "b46", "b47", "b48", "b49", "b50", "b51", "b52", "b53", "b54", "b55", "b56", "b57", "b58", "b59", "b60", "b61", "b62", "b63", "b64", "b65", "b66", "b67", "b68", "b69", "b70", "b71", "b72", "b73", "b74"]
PER_BATCH = {"feedx": 12, "state": 10, "ungdc": 2}


def state_items(bulk):
    items = {}
    for f in sorted(glob.glob(os.path.join(bulk, "state-dept-press-rss", "*", "data.rss"))):
        for it in ET.parse(f).getroot().iter("item"):
            link = (it.findtext("link") or "").strip()
            if link and link not in items:
                items[link] = os.path.relpath(f, bulk)
    return items


def feed_link(path):
    """The item link of a feed-item dump: the target of its [title](url) line."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\[.*\]\((\S+)\)\s*$", line)
            if m:
                return m.group(1).rstrip("/")
    return ""


def dev_links(dev):
    links = set()
    for f in glob.glob(os.path.join(dev, "*.gold.json")):
        u = json.load(open(f, encoding="utf-8")).get("source_url") or ""
        links.add(u.rstrip("/"))
    return links


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bulk", default=os.path.join(HERE, "..", "..", "..", "shared", "corpus", "bulk"))
    ap.add_argument("--dev", default=os.path.join(HERE, "..", "..", "..", "shared", "corpus", "dev"))
    ap.add_argument("--seed", type=int, default=20261203)
    a = ap.parse_args()
    if not os.path.isdir(a.bulk):
        sys.exit(f"draw.py: no bulk corpus at {a.bulk}")
    skip = dev_links(a.dev)
    feedx = sorted(os.path.relpath(p, a.bulk) for p in glob.glob(os.path.join(a.bulk, "feedx-waimei", "**", "*.md"), recursive=True)
                   if not p.endswith("SOURCE.md"))
    feedx = [p for p in feedx if feed_link(os.path.join(a.bulk, p)) not in skip]
    state = state_items(a.bulk)
    state_links = sorted(l for l in state if l.rstrip("/") not in skip)
    ungdc = sorted(os.path.relpath(p, a.bulk) for p in glob.glob(os.path.join(a.bulk, "ungdc", "*", "*.txt")))
    rng = random.Random(a.seed)
    picks = {"feedx": rng.sample(feedx, PER_BATCH["feedx"] * len(BATCHES)),
             "state": rng.sample(state_links, PER_BATCH["state"] * len(BATCHES)),
             "ungdc": rng.sample(ungdc, PER_BATCH["ungdc"] * len(BATCHES))}
    pools = {"feedx": feedx, "state": state_links, "ungdc": ungdc}
    for b in LATER:
        for pool, n in PER_BATCH.items():
            taken = set(picks[pool])
            picks[pool] += rng.sample([p for p in pools[pool] if p not in taken], n)
    print(f"# draw.py --seed {a.seed}: {len(feedx)} feedx items, {len(state_links)} press releases, {len(ungdc)} speeches")
    print("batch\tid\tpool\tbulk\titem")
    for bi, b in enumerate(BATCHES + LATER):
        for pool, n in PER_BATCH.items():
            for k in range(n):
                pick = picks[pool][bi * n + k]
                doc = f"{b}-{pool}-{k:02d}"
                if pool == "state":
                    print(f"{b}\t{doc}\t{pool}\t{state[pick]}\t{pick}")
                else:
                    print(f"{b}\t{doc}\t{pool}\t{pick}\t")


if __name__ == "__main__":
    main()
