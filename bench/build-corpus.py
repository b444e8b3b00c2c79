#!/usr/bin/env python3
"""Builds the benchmark corpus under bench/corpus/ (git-ignored).

Sources, all public and reproducible:

* Debian packages with human-written German prose, fetched with
  `apt-get download` (no root, nothing installed) and unpacked with
  `dpkg-deb -x` into bench/corpus/.debs/:
  - fortunes-de          (anecdotes, jokes, quotes)
  - debian-reference-de  (the Debian Reference, plain-text edition)
  - manpages-de          (German manual pages, troff stripped to prose)
* schliff's own MT-style example articles: examples/*.txt and
  tests/fixtures/artifacts/*.txt (these carry the artifacts the rules find).

The paragraphs are shuffled with a fixed seed and cut into article-sized
files (2-6 KB, one paragraph per line block, blank line between), with
about one paragraph in eight taken from the MT-style articles. Output:

  bench/corpus/articles-1mb/     ~1 MB in ~350 files
  bench/corpus/articles-10mb/    ~10 MB
  bench/corpus/articles-100mb/   ~100 MB in ~25,000 files
  bench/corpus/single-100mb.txt  the 100 MB articles as one file
  bench/corpus/articles-10mb.jsonl  the 10 MB articles as JSON Lines
                                    ({"id": ..., "text": ...})
  bench/corpus/article-5kb.txt   one ~5 KB article (cold-start benchmark)

Sizes count UTF-8 bytes. The same seed gives the same bytes on every
machine with the same package versions (recorded in corpus/SOURCES.txt).

Usage: python3 bench/build-corpus.py [--sizes 1,10,100] [--no-single]
"""

import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "corpus"
DEBS = OUT / ".debs"
PACKAGES = ["fortunes-de", "debian-reference-de", "manpages-de"]
SEED = 20240501
MB = 1_000_000

# Fortune files that are not prose (ASCII art, word lists, recipes as lists).
SKIP_FORTUNES = {"asciiart", "woerterbuch", "vornamen", "namen", "translations"}


def fetch_packages():
    """Downloads and unpacks the Debian packages once (cached)."""
    DEBS.mkdir(parents=True, exist_ok=True)
    root = DEBS / "root"
    versions = []
    for pkg in PACKAGES:
        debs = sorted(DEBS.glob(f"{pkg}_*.deb"))
        if not debs:
            print(f"apt-get download {pkg}", file=sys.stderr)
            subprocess.run(["apt-get", "download", pkg], cwd=DEBS, check=True)
            debs = sorted(DEBS.glob(f"{pkg}_*.deb"))
        deb = debs[-1]
        versions.append(deb.name)
        marker = DEBS / (deb.name + ".unpacked")
        if not marker.exists():
            subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
            marker.touch()
    return root, versions


WS = re.compile(r"[ \t]+")


def unwrap(par):
    """A paragraph as one line with single spaces."""
    return WS.sub(" ", " ".join(l.strip() for l in par.splitlines())).strip()


def is_prose(par, min_len=80):
    """Mostly letters and spaces, long enough, ends like a sentence."""
    if len(par) < min_len:
        return False
    letters = sum(c.isalpha() or c == " " for c in par)
    if letters < 0.85 * len(par):
        return False
    return par[-1] in ".!?\"“«»:"


def fortunes(root):
    base = root / "usr/share/games/fortunes/de"
    for f in sorted(base.iterdir()):
        if f.is_symlink() or f.suffix == ".dat" or f.name in SKIP_FORTUNES:
            continue
        text = f.read_text(encoding="utf-8", errors="replace")
        for entry in re.split(r"^%\s*$", text, flags=re.M):
            for par in re.split(r"\n\s*\n", entry):
                par = unwrap(par)
                if is_prose(par, 60):
                    yield par


def debian_reference(root):
    path = root / "usr/share/debian-reference/debian-reference.de.txt.gz"
    text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
    for par in re.split(r"\n\s*\n", text):
        # Code, tables and lists are indented or start with a marker.
        lines = par.splitlines()
        if not lines or any(l.startswith(("    ", "\t", "$ ", "# ")) for l in lines[1:]):
            continue
        par = unwrap(par)
        if is_prose(par, 120):
            yield par


TROFF_ESCAPES = [
    (re.compile(r"\\f(\[[^\]]*\]|\(..|.)"), ""),  # font changes
    (re.compile(r"\\[/,&]"), ""),  # italic corrections, zero-width
    (re.compile(r"\\-"), "-"),
    (re.compile(r"\\\(em"), "—"),
    (re.compile(r"\\\(en"), "–"),
    (re.compile(r"\\\(Fo"), "«"),
    (re.compile(r"\\\(Fc"), "»"),
    (re.compile(r"\\\(lq"), "“"),
    (re.compile(r"\\\(rq"), "”"),
    (re.compile(r"\\\(bu"), "•"),
    (re.compile(r"\\\(co"), "©"),
    (re.compile(r"\\\(..|\\\[[^\]]*\]"), ""),  # other named characters
    (re.compile(r"\\s[-+]?\d"), ""),  # size changes
    (re.compile(r"\\e"), "\\"),
    (re.compile(r"\\ "), " "),
    (re.compile(r"\\\*\(..|\\\*."), ""),  # strings
]


def manpages(root):
    base = root / "usr/share/man/de"
    for f in sorted(base.rglob("*.gz")):
        try:
            text = gzip.open(f, "rt", encoding="utf-8").read()
        except (UnicodeDecodeError, OSError, EOFError):
            continue
        par, in_example = [], False
        for line in text.splitlines() + [".PP"]:
            if line.startswith((".nf", ".EX")):
                in_example = True
            if line.startswith((".fi", ".EE")):
                in_example = False
                continue
            if line.startswith((".", "'")):
                # Any request ends the running paragraph (.PP, .TP, .SH ...)
                # except inline font requests, whose argument is text.
                m = re.match(r"\.(B|I|BR|IR|RB|RI|BI|IB)\s+(.*)", line)
                if m and not in_example:
                    par.append(m.group(2).replace('"', ""))
                    continue
                p = unwrap("\n".join(par))
                if is_prose(p, 120):
                    yield p
                par = []
                continue
            if in_example:
                continue
            for pattern, repl in TROFF_ESCAPES:
                line = pattern.sub(lambda _m, r=repl: r, line)
            par.append(line)


def mt_articles():
    """Paragraphs of schliff's own MT-style articles, artifacts included."""
    files = sorted((REPO / "examples").glob("*.txt")) + sorted(
        (REPO / "tests/fixtures/artifacts").glob("*.txt")
    )
    for f in files:
        text = f.read_text(encoding="utf-8")
        for par in re.split(r"\n[ \t\u00a0]*\n", text):
            if par.strip():
                yield par.strip("\n")


def articles(prose, mt, rng):
    """An endless stream of articles of 2-6 KB (UTF-8 bytes)."""
    pool, mt_pool = [], []
    while True:
        target = rng.randint(2000, 6000)
        parts, size = [], 0
        while size < target:
            if rng.random() < 0.125:
                if not mt_pool:
                    mt_pool = list(mt)
                    rng.shuffle(mt_pool)
                par = mt_pool.pop()
            else:
                if not pool:
                    pool = list(prose)
                    rng.shuffle(pool)
                par = pool.pop()
            parts.append(par)
            size += len(par.encode("utf-8")) + 2
        yield "\n\n".join(parts) + "\n"


def write_set(name, total, stream, single=None, jsonl=None):
    folder = OUT / name
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written, n = 0, 0
    single_f = open(single, "w", encoding="utf-8") if single else None
    jsonl_f = open(jsonl, "w", encoding="utf-8") if jsonl else None
    while written < total:
        art = next(stream)
        n += 1
        sub = folder / f"{(n - 1) // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"article-{n:06d}.txt").write_text(art, encoding="utf-8")
        if single_f:
            single_f.write(art + "\n")
        if jsonl_f:
            jsonl_f.write(json.dumps({"id": f"article-{n:06d}", "text": art}, ensure_ascii=False) + "\n")
        written += len(art.encode("utf-8"))
    for f in (single_f, jsonl_f):
        if f:
            f.close()
    print(f"{name}: {n} files, {written / MB:.1f} MB", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,10,100", help="folder sizes in MB")
    ap.add_argument("--no-single", action="store_true", help="skip single-100mb.txt")
    args = ap.parse_args()

    root, versions = fetch_packages()
    prose = list(fortunes(root)) + list(debian_reference(root)) + list(manpages(root))
    mt = list(mt_articles())
    size = sum(len(p.encode("utf-8")) for p in prose)
    print(f"{len(prose)} prose paragraphs ({size / MB:.1f} MB), {len(mt)} MT paragraphs", file=sys.stderr)
    (OUT / "SOURCES.txt").write_text(
        "\n".join(versions + [f"seed {SEED}", f"{len(prose)} prose paragraphs, {size} bytes", f"{len(mt)} MT paragraphs", ""]),
        encoding="utf-8",
    )

    rng = random.Random(SEED)
    stream = articles(prose, mt, rng)
    one = next(a for a in stream if 4500 <= len(a.encode("utf-8")) <= 5500)
    (OUT / "article-5kb.txt").write_text(one, encoding="utf-8")
    for mb in [int(s) for s in args.sizes.split(",") if s]:
        single = OUT / f"single-{mb}mb.txt" if mb == 100 and not args.no_single else None
        jsonl = OUT / f"articles-{mb}mb.jsonl" if mb == 10 else None
        write_set(f"articles-{mb}mb", mb * MB, articles(prose, mt, random.Random(SEED + mb)), single, jsonl)


if __name__ == "__main__":
    main()
