#!/usr/bin/env bash
# False positives of spelling/unknown-word on correct German prose.
#
# Installs German documentation packages from Debian, extracts plain prose
# paragraphs from them into article-sized files in a temporary folder (never
# into the repository: the texts belong to their authors), runs
# `schliff check --select spelling/unknown-word` on them and on our own clean
# fixtures (tests/fixtures/clean, examples/clean.txt), and prints findings
# per 1,000 words for each source and in total. The issue's bar: fewer than
# 0.5 per 1,000 words (one finding per 2,000 words) in total.
#
#   scripts/spelling-fp.sh [--list] [--keep DIR] [--no-install]
#
#   --list        print every finding with its line
#   --keep DIR    write the extracted files to DIR and keep them
#   --no-install  do not run apt-get (the packages must be installed)
#
# Sources in the total (narrative prose in current orthography):
#   handbook    debian-handbook, html/de-DE (a translated book)
#   history     debian-history, the German project history
#   devref      developers-reference-de (the Debian developer's reference)
#   fixtures    tests/fixtures/clean/*.{txt,md} and examples/clean.txt (ours)
# Reported apart, not in the total:
#   fortunes    fortunes-de, the prose collections: jokes with deliberate
#               misspellings (`ontag`, `ienstag`), colloquial speech (`nen`,
#               `funzt`, `kannste`) and pre-1996 forms the filter below
#               misses (`verpißt`, `Eßlöffel`)
#   reference   debian-reference-de, reference text dense with command and
#   manpages    option names (manpages-de: the BESCHREIBUNG sections)
#
# Extraction is by markup and language only, never by what schliff says:
# * HTML (DocBook, Sphinx): the text of paragraphs (<p>, <div class="para">)
#   without code, commands, file names, package names, options, literals,
#   user input, GUI labels, URLs and e-mail addresses (<code>, <pre>, <tt>,
#   <kbd>, and the DocBook/Sphinx classes for these). A paragraph that lost
#   such a span reads "Mit  können Sie  starten" and is about the command:
#   it is dropped whole.
# * Untranslated paragraphs (more English than German function words) are
#   dropped: the German handbook still has some English ones.
# * manpages-de: the paragraphs of the BESCHREIBUNG sections, without roff
#   requests and without lines that carry bold/italic spans (commands,
#   options, file names).
# * fortunes-de: the prose collections (not ascii art, poems or dialect),
#   without entries in the pre-1996 orthography (`daß`, `muß`), which is
#   not correct German today.
# * Paragraphs under 12 words are dropped (headings, captions, list stubs).
# Findings on pre-1996 spellings that remain (`Einfluß` inside a text in
# current orthography) are real errors of the source, not false positives.
set -euo pipefail

cd "$(dirname "$0")/.."

list=0
keep=""
install=1
while [ $# -gt 0 ]; do
    case "$1" in
        --list) list=1 ;;
        --keep) keep="$2"; shift ;;
        --no-install) install=0 ;;
        -h|--help) sed -n '2,46p' "$0"; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

packages="debian-handbook debian-history developers-reference-de fortunes-de
          debian-reference-de manpages-de"
if [ "$install" = 1 ]; then
    missing=""
    for p in $packages; do
        dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        sudo=""
        [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
    fi
fi

cargo build --release --quiet
schliff="$(pwd)/target/release/schliff"

if [ -n "$keep" ]; then
    out="$keep"
    mkdir -p "$out"
else
    out="$(mktemp -d)"
    trap 'rm -rf "$out"' EXIT
fi

python3 - "$out" tests/fixtures/clean examples/clean.txt <<'PY'
import glob, gzip, html.parser, os, re, shutil, sys

out = sys.argv[1]
fixtures = sys.argv[2:]
MIN_WORDS = 12
FILE_WORDS = 600
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
GERMAN = set("der die das und ist nicht mit von zu für auf sich es ein eine den dem "
             "des wird werden sind als auch im bei oder wenn dass kann".split())
ENGLISH = set("the and of to is are for with this that be it by on can from which "
              "you your will an as not or".split())

def words(text):
    return len(WORD.findall(text))

def is_english(text):
    toks = [w.lower() for w in WORD.findall(text)]
    return sum(t in ENGLISH for t in toks) > sum(t in GERMAN for t in toks)

def write(source, paragraphs):
    folder = os.path.join(out, source)
    os.makedirs(folder, exist_ok=True)
    n, buf, count, total = 0, [], 0, 0
    for p in paragraphs:
        p = " ".join(p.split())
        w = words(p)
        if w < MIN_WORDS or is_english(p):
            continue
        buf.append(p)
        count += w
        total += w
        if count >= FILE_WORDS:
            with open(os.path.join(folder, "%03d.txt" % n), "w") as f:
                f.write("\n\n".join(buf) + "\n")
            n, buf, count = n + 1, [], 0
    if buf:
        with open(os.path.join(folder, "%03d.txt" % n), "w") as f:
            f.write("\n\n".join(buf) + "\n")
    with open(os.path.join(folder, "WORDS"), "w") as f:
        f.write(str(total))

class Paragraphs(html.parser.HTMLParser):
    """Paragraph texts of DocBook or Sphinx HTML without code-like spans;
    paragraphs that lost such a span are dropped."""
    SKIP = {"code", "pre", "tt", "kbd", "samp", "script", "style"}
    SKIP_CLASS = {"command", "filename", "literal", "replaceable", "userinput",
                  "computeroutput", "systemitem", "package", "pkg", "option",
                  "envar", "varname", "uri", "url", "email", "keycap",
                  "refentrytitle", "citerefentry", "guibutton", "guimenu",
                  "guimenuitem", "guilabel", "programlisting", "screen", "pre"}
    VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras, self.stack = [], []
        self.cur, self.cut, self.para_depth, self.skip = None, False, None, 0

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        cls = set((dict(attrs).get("class") or "").split())
        skipping = tag in self.SKIP or bool(cls & self.SKIP_CLASS)
        self.stack.append(skipping)
        if skipping:
            self.skip += 1
            self.cut = True
        if self.cur is None and (tag == "p" or (tag == "div" and "para" in cls)):
            self.cur, self.cut, self.para_depth = [], False, len(self.stack)

    def handle_endtag(self, tag):
        if tag in self.VOID or not self.stack:
            return
        if self.cur is not None and len(self.stack) == self.para_depth:
            if not self.cut:
                self.paras.append("".join(self.cur))
            self.cur, self.para_depth = None, None
        if self.stack.pop():
            self.skip -= 1

    def handle_data(self, data):
        if self.cur is not None and self.skip == 0:
            self.cur.append(data)

def html_paragraphs(paths):
    paras = []
    for path in sorted(paths):
        p = Paragraphs()
        p.feed(open(path, encoding="utf-8").read())
        paras += p.paras
    return paras

# -- debian-handbook: every chapter and section page of the German book
write("handbook", html_paragraphs(
    glob.glob("/usr/share/doc/debian-handbook/html/de-DE/*.html")))

# -- debian-history
write("history", html_paragraphs(glob.glob("/usr/share/doc/debian-history/docs/*.de.html")))

# -- developers-reference-de (index.html repeats the chapters' tables of contents)
write("devref", html_paragraphs(
    p for p in glob.glob("/usr/share/developers-reference/de/*.html")
    if os.path.basename(p) not in ("index.html", "search.html", "developers-reference.html")))

# -- fortunes-de
OLD = re.compile(r"\b(daß|muß|mußt|mußte|mußten|müßt|müßte|wußte|wußten|läßt|laß|paßt|"
                 r"paßte|ißt|bißchen|Schluß|Fluß|Kuß|Haß|naß|Prozeß|Streß|Imbiß|Biß|Riß|"
                 r"Schuß|Genuß|Anschluß|Abschluß|Einfluß|Mißbrauch|mißt|vergißt|vergiß|"
                 r"gewiß|Photo\w*|Telephon\w*|heute abend|morgen früh)\b")
PROSE = ["anekdoten", "computer", "debian", "holenlassen", "infodrom", "kinderzitate",
         "letzteworte", "lieberals", "linuxtag", "murphy", "namen", "quiz", "regeln",
         "sicherheitshinweise", "sprichworte", "sprueche", "stilblueten", "tips",
         "translations", "unfug", "vornamen", "wusstensie", "zitate"]
fort = "/usr/share/games/fortunes/de"
paras = []
for name in PROSE:
    path = os.path.join(fort, name)
    if not os.path.exists(path):
        continue
    for entry in open(path, encoding="utf-8", errors="replace").read().split("\n%\n"):
        if OLD.search(entry) or re.search(r"[<>{}|\\]|^\s", entry, re.M):
            continue
        paras.append(entry)
write("fortunes", paras)

# -- our own clean fixtures, whole files as they are
folder = os.path.join(out, "fixtures")
os.makedirs(folder, exist_ok=True)
total = 0
for item in fixtures:
    files = (sorted(glob.glob(os.path.join(item, "*.txt")) + glob.glob(os.path.join(item, "*.md")))
             if os.path.isdir(item) else [item])
    for path in files:
        name = path.replace("/", "_")
        shutil.copy(path, os.path.join(folder, name))
        total += words(open(path, encoding="utf-8").read())
with open(os.path.join(folder, "WORDS"), "w") as f:
    f.write(str(total))

# -- debian-reference-de (reported apart)
write("reference", html_paragraphs(glob.glob("/usr/share/debian-reference/*.de.html")))

# -- manpages-de (reported apart)
def roff_paragraphs(text):
    out, cur, in_desc = [], [], False
    for line in text.splitlines():
        if line.startswith((".SH", ".Sh")):
            if cur:
                out.append(" ".join(cur)); cur = []
            in_desc = "BESCHREIBUNG" in line
            continue
        if not in_desc:
            continue
        if line.startswith((".", "'")):
            # .PP/.P/.LP/.TP/.IP/.RS... end a paragraph; a .TP tag line follows.
            if cur:
                out.append(" ".join(cur)); cur = []
            continue
        if re.search(r"\\f[BI]|\\-|\\\(|\\\*|\\\[", line):
            # options, commands, file names, special characters: not prose
            if cur:
                out.append(" ".join(cur)); cur = []
            continue
        line = re.sub(r"\\f[RP]|\\&|\\c|\\ |\\,|\\/", "", line)
        if "\\" in line or "<" in line or "@" in line:
            continue
        cur.append(line)
    if cur:
        out.append(" ".join(cur))
    return out

paras = []
for root, _, files in sorted(os.walk("/usr/share/man/de")):
    for name in sorted(files):
        if name.endswith(".gz"):
            try:
                text = gzip.open(os.path.join(root, name)).read().decode("utf-8")
            except (UnicodeDecodeError, OSError):
                continue
            paras += roff_paragraphs(text)
write("manpages", paras)
PY

total_words=0
total_findings=0
printf '%-12s %8s %9s %10s\n' source words findings per-1000
for source in handbook history devref fixtures fortunes reference manpages; do
    dir="$out/$source"
    words="$(cat "$dir/WORDS")"
    findings="$("$schliff" check --select spelling/unknown-word --format jsonl "$dir" || true)"
    count="$(printf '%s' "$findings" | grep -c . || true)"
    case "$source" in
        fortunes) printf -- '-- %s\n' "not in the total:" ;;
    esac
    awk -v s="$source" -v w="$words" -v c="$count" \
        'BEGIN { printf "%-12s %8d %9d %10.2f\n", s, w, c, w ? 1000 * c / w : 0 }'
    case "$source" in
        fortunes|reference|manpages) ;;
        *) total_words=$((total_words + words)); total_findings=$((total_findings + count)) ;;
    esac
    if [ "$source" = fixtures ]; then
        awk -v w="$total_words" -v c="$total_findings" \
            'BEGIN { printf "%-12s %8d %9d %10.2f\n", "TOTAL", w, c, w ? 1000 * c / w : 0 }'
    fi
    if [ "$list" = 1 ] && [ "$count" -gt 0 ]; then
        printf '%s\n' "$findings" | python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    print("    %s:%d: %s" % (d["path"].rsplit("/", 2)[-2] + "/" + d["path"].rsplit("/", 1)[-1], d["line"], d["message"]))
'
    fi
done
