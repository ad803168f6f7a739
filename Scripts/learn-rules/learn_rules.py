"""Counts, on a CoNLL training corpus, how often each candidate word of a context rule makes
the span that the gold annotation has, and prints the words that pass the thresholds as rows
for gazetteer/rules.tsv. Documentation/Rules.md describes the rules, the method and the
thresholds.

usage: learn_rules.py GAZETAG TRAIN_CONLL [--all] [--method cv|no-harvest|bundled] [--keep DIR]
       (or Scripts/learn-rules.sh)

The rules must be learnt as they behave on text the gazetteer has not seen. The bundled
gazetteer's `*-harvested.tsv` files hold names taken from the training corpus itself, so on it
every such name is already a match and the rules that would find it rarely apply. Methods:
  - cv (default): 2-fold cross-validation. The corpus is cut into two halves by alternating
    blocks of BLOCK sentences (IL-NER's training file is ordered by entity type, not by article,
    so a first and a second half would not do; blocks keep an article's neighbouring sentences,
    which share names, mostly in one half). For each half,
    the harvested files are made again from the *other* half (`GAZETAG gazetteer harvest` and
    Scripts/generate-data/generate_harvest.py, as Scripts/generate-harvest.sh does) and the half
    is tagged with that gazetteer; the counts of both halves are added up.
  - no-harvest: the whole corpus, tagged with a copy of the gazetteer whose manifest lists no
    `*-harvested.tsv` file (as Scripts/suggest-train.sh does).
  - bundled: the whole corpus, tagged with the bundled gazetteer (names of train known).
`--keep DIR` leaves the fold gazetteers and corpus halves there (fold1/, fold2/: gazetteer/,
test.conll and, for each type, test-NEP.conll … with the sentences where it is annotated), to
measure rules on the held-out halves with `GAZETAG coverage`.

IL-NER's training file is annotated only in part: each type only up to some sentence (NEP in
the first 774 sentences, NEL in the first 5,099, NEO in the first 5,575; the last 5,386
sentences carry no annotation at all). A type is taken to be annotated up to the last sentence
that has a span of it, and a rule is counted only in the sentences where the type of the span
it makes is annotated (elsewhere every span it made would look wrong).

Sentences are tagged by `GAZETAG tag --input jsonl --overlaps all --rules none` (every
gazetteer match, before any rule). Then, for every candidate word W (of one or two tokens for
heads and qualifiers):
  - head: W right after a match, the longest of its group ending there (group `place`: PLACE,
    COUNTRY or NORP; `org`: ORG; `person`: PERSON); right when a gold NEO span covers exactly
    the match and W;
  - qualifier: W right before a match, the longest of its group (but no NORP) starting there;
    right when a
    gold span of the group's type (NEL for `place`, NEO for `org`, NEP for `person`) covers
    exactly W and the match;
  - title: W (one of TITLE_SEEDS) followed by one to three name-like tokens (no gazetteer
    match, starting with a letter, no stop, ordinary or title word) and then a stop word, an
    ordinary word or punctuation, but not a full stop right after an initial (`एस.`); right when
    a gold NEP span covers exactly the name-like tokens. The ordinary words are learnt from the
    learning data (ordinary_words(): words seen at least 3 times and seldom inside a gold span
    in the sentences where every type is annotated); the last line printed lists those of the
    whole corpus, to follow the stop words in the title rule's `context` column.
A head or qualifier that would make a span a gazetteer name already covers is not counted (the
rule stage makes none). A word is kept when it was seen at least MIN_COUNT times with precision
at least MIN_PRECISION, right with at least MIN_NAMES different names. `--all` prints every word
seen at least twice, kept or not.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

MIN_COUNT = 3
MIN_PRECISION = 0.6
# A head or qualifier word must have been right with this many different names: right with one
# name only, it is that name, which belongs in the gazetteer (आईआईटी रुड़की), not a rule.
MIN_NAMES = 2
# Sentences per block of the cross-validation's alternating halves.
BLOCK = 50

# Title and office words worth trying; the corpus decides which are kept.
TITLE_SEEDS = [
    "श्री", "श्रीमती", "सुश्री", "कुमारी", "डॉ.", "डॉ", "डा.", "प्रो.", "प्रोफेसर", "राष्ट्रपति",
    "न्यायमूर्ति", "प्रधानमंत्री", "मुख्यमंत्री", "मंत्री", "राज्यपाल", "सांसद", "विधायक", "स्वामी",
    "संत", "महात्मा", "पंडित", "पं.", "मौलाना", "जनरल", "कर्नल", "कप्तान", "राजा", "रानी", "सम्राट",
    "महाराजा", "महाराज", "गुरु", "बाबा", "सेठ", "बाबू", "महर्षि", "ऋषि", "कवि", "लेखक", "अभिनेता",
    "अभिनेत्री", "उपराष्ट्रपति", "सर", "मिस्टर", "शेख", "सुल्तान", "नवाब", "सन्त", "मुनि", "आचार्य",
]

# Words that end a name after a title: postpositions, conjunctions and verbs of news text.
STOP_WORDS = [
    "ने", "को", "से", "में", "का", "की", "के", "पर", "और", "तथा", "एवं", "या", "है", "हैं", "था",
    "थे", "थी", "ही", "भी", "तो", "जी", "द्वारा", "लिए", "साथ", "बाद", "कहा", "एक", "यह", "वह",
    "जो", "कि", "इस", "उस", "अपने", "अपनी", "नहीं", "गए", "गया", "गई", "हुए", "हुआ", "रहे",
]

PUNCTUATION = set("।॥.,;:!?\"'()[]{}-–—/|‘’“”")

GROUPS = {"PLACE": "place", "COUNTRY": "place", "NORP": "place", "ORG": "org", "PERSON": "person"}
# A qualifier reads no NORP match: `दक्षिण भारतीय` is no place.
QUALIFIED = {"PLACE": "place", "COUNTRY": "place", "ORG": "org", "PERSON": "person"}
QUALIFIER_GOLD = {"place": "NEL", "org": "NEO", "person": "NEP"}

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# generate_harvest.py needs PyICU, which Debian's python3-icu gives the system Python.
PYTHON_ICU = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable


def sentences(path):
    tokens, tags = [], []
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.rstrip("\n")
            if not line.strip():
                if tokens:
                    yield tokens, tags
                tokens, tags = [], []
                continue
            parts = line.split("\t")
            tokens.append(parts[0])
            tags.append(parts[1] if len(parts) > 1 else "O")
    if tokens:
        yield tokens, tags


def write_conll(path, corpus):
    with open(path, "w", encoding="utf-8") as file:
        for tokens, tags in corpus:
            for token, tag in zip(tokens, tags):
                file.write(f"{token}\t{tag}\n")
            file.write("\n")


def gold_spans(tags):
    spans = set()
    start, kind = None, None
    for index, tag in enumerate(tags + ["O"]):
        if tag.startswith("I-") and kind == tag[2:]:
            continue
        if kind is not None:
            spans.add((start, index, kind))
        start, kind = (index, tag[2:]) if tag.startswith(("B-", "I-")) else (None, None)
    return spans


def starts_with_letter(token):
    c = ord(token[0]) if token else 0
    return 0x0904 <= c <= 0x0939 or 0x0958 <= c <= 0x0961 or 0x0972 <= c <= 0x097F


# Ordinary words learnt from the training corpus (ordinary_words()); they end a name after a
# title as the stop words do.
ORDINARY = set()
# An ordinary word occurs at least this often in the corpus, and at most this share of its
# occurrences in the sentences where every type is annotated inside a gold span of any type.
ORDINARY_MIN_COUNT = 3
ORDINARY_MAX_INSIDE = 0.1


def ordinary_words(corpus, last):
    """The words of `corpus` seen at least ORDINARY_MIN_COUNT times in it and at most
    ORDINARY_MAX_INSIDE of their occurrences in `corpus[:last + 1]` (the sentences where every
    type is annotated) inside a gold span, starting with a letter and not already stop words:
    जैसे, वैज्ञानिक, आवास, कृषि … A word the annotated part lacks counts as never inside a name:
    its frequency alone makes it ordinary."""
    seen, annotated, inside = {}, {}, {}
    for number, (tokens, tags) in enumerate(corpus):
        covered = set()
        for start, end, _ in gold_spans(tags):
            covered.update(range(start, end))
        for index, token in enumerate(tokens):
            seen[token] = seen.get(token, 0) + 1
            if number <= last:
                annotated[token] = annotated.get(token, 0) + 1
                inside[token] = inside.get(token, 0) + (1 if index in covered else 0)
    return sorted(token for token, count in seen.items()
                  if count >= ORDINARY_MIN_COUNT
                  and inside.get(token, 0) <= ORDINARY_MAX_INSIDE * annotated.get(token, 0)
                  and token not in STOP_WORDS and token not in TITLE_SEEDS
                  and starts_with_letter(token))


def is_name_like(token):
    if token in STOP_WORDS or token in TITLE_SEEDS or token in ORDINARY:
        return False
    return starts_with_letter(token)


def is_stop(token):
    return token in STOP_WORDS or token in ORDINARY or all(c in PUNCTUATION for c in token)


def is_initial(token):
    """One or two Devanagari code points, or one Latin letter: an initial before a full stop."""
    if len(token) == 1 and token.isascii():
        return token.isalpha()
    return starts_with_letter(token) and len(token) <= 2


def without_harvest(gazetteer):
    path = os.path.join(gazetteer, "manifest.json")
    with open(path, encoding="utf-8") as file:
        manifest = json.load(file)
    manifest["files"] = [f for f in manifest["files"] if not f["path"].endswith("-harvested.tsv")]
    with open(path, "w", encoding="utf-8") as file:
        json.dump(manifest, file, ensure_ascii=False, indent=2)


def harvest_from(gazetag, gazetteer, conll, work):
    """Makes gazetteer's *-harvested.tsv files again from conll (Scripts/generate-harvest.sh)."""
    out = os.path.join(work, "harvest")
    subprocess.run(
        [gazetag, "gazetteer", "harvest", "--gold", conll, "--partial-annotation",
         "--min-ratio", "0.5", "--stoplist",
         os.path.join(gazetteer, "stoplist.txt"), "-o", out],
        capture_output=True, check=True)
    subprocess.run(
        [PYTHON_ICU, os.path.join(ROOT, "Scripts/generate-data/generate_harvest.py"),
         gazetteer, out], capture_output=True, check=True)
    shutil.rmtree(out)


def token_starts(tokens):
    """Where each token starts, in code points, in the tokens joined by single spaces."""
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token) + 1
    return starts


def jsonl_of(corpus):
    """The corpus's sentences as `gazetag tag --input jsonl` reads them, one record a line."""
    return "".join(
        json.dumps({"text": " ".join(tokens)}, ensure_ascii=False) + "\n" for tokens, _ in corpus)


def tag(gazetag, gazetteer, corpus):
    records = [(" ".join(tokens), token_starts(tokens)) for tokens, _ in corpus]
    text = jsonl_of(corpus)
    command = [gazetag, "tag", "--input", "jsonl", "--overlaps", "all", "--rules", "none"]
    if gazetteer:
        command += ["--gazetteer", gazetteer]
    out = subprocess.run(command + ["-"], input=text.encode(), capture_output=True,
                         check=True).stdout.decode()
    return records, out.splitlines()


def annotated_ends(corpus):
    """The index of the last sentence that has a span of each gold type."""
    ends = {}
    for index, (_, tags) in enumerate(corpus):
        for tag in tags:
            if tag.startswith(("B-", "I-")):
                ends[tag[2:]] = index
    return ends


def count_corpus(corpus, records, lines, counts, indices, ends):
    def count(kind, word, right, name="", gold_type="NEO"):
        if index > ends.get(gold_type, -1):
            return  # the type is not annotated in this sentence
        seen, good, names = counts[kind].get(word, (0, 0, set()))
        if right:
            names.add(name)
        counts[kind][word] = (seen + 1, good + (1 if right else 0), names)

    for (tokens, tags), (_, starts), line, index in zip(corpus, records, lines, indices):
        gold = gold_spans(tags)
        index_of = {start: i for i, start in enumerate(starts)}
        end_of = {s + len(tokens[i]): i for i, s in enumerate(starts)}
        matches = set()
        covered = set()
        for span in json.loads(line)["spans"]:
            first = index_of.get(span["start"])
            last = end_of.get(span["end"])
            if first is None or last is None:
                continue
            matches.add((first, last + 1, span["label"]))
            covered.update(range(first, last + 1))
        extents = {(s, e) for s, e, _ in matches}
        for group in ("place", "org", "person"):
            longest_ending, longest_starting = {}, {}
            for s, e, label in matches:
                if GROUPS.get(label) == group and (e not in longest_ending or s < longest_ending[e]):
                    longest_ending[e] = s
                if QUALIFIED.get(label) == group and \
                        (s not in longest_starting or e > longest_starting[s]):
                    longest_starting[s] = e
            for e, s in longest_ending.items():
                for n in (1, 2):
                    if e + n <= len(tokens) and (s, e + n) not in extents:
                        word = " ".join(tokens[e:e + n])
                        count("head", (group, word), (s, e + n, "NEO") in gold,
                              " ".join(tokens[s:e]))
            for s, e in longest_starting.items():
                for n in (1, 2):
                    if s - n >= 0 and (s - n, e) not in extents:
                        word = " ".join(tokens[s - n:s])
                        count("qualifier", (group, word),
                              (s - n, e, QUALIFIER_GOLD[group]) in gold, " ".join(tokens[s:e]),
                              QUALIFIER_GOLD[group])
        for at, token in enumerate(tokens):
            if token not in TITLE_SEEDS:
                continue
            end = at + 1
            while end < len(tokens) and end - at <= 3 and end not in covered \
                    and is_name_like(tokens[end]):
                end += 1
            if end == at + 1 or end >= len(tokens) or not is_stop(tokens[end]):
                continue
            if tokens[end] == "." and is_initial(tokens[end - 1]):
                continue  # a full stop after an initial does not end the name
            count("title", ("-", token), (at + 1, end, "NEP") in gold,
                  " ".join(tokens[at + 1:end]), "NEP")


def main():
    args = sys.argv[1:]
    gazetag, train = args[0], args[1]
    show_all = "--all" in args
    method = args[args.index("--method") + 1] if "--method" in args else "cv"
    keep = args[args.index("--keep") + 1] if "--keep" in args else None
    corpus = list(sentences(train))
    ends = annotated_ends(corpus)
    counts = {"head": {}, "qualifier": {}, "title": {}}
    work = keep or tempfile.mkdtemp()
    try:
        ORDINARY.clear()
        if method == "bundled":
            ORDINARY.update(ordinary_words(corpus, ends.get("NEP", -1)))
            records, lines = tag(gazetag, None, corpus)
            count_corpus(corpus, records, lines, counts, range(len(corpus)), ends)
        elif method == "no-harvest":
            ORDINARY.update(ordinary_words(corpus, ends.get("NEP", -1)))
            gazetteer = os.path.join(work, "gazetteer")
            shutil.copytree(os.path.join(ROOT, "gazetteer"), gazetteer)
            without_harvest(gazetteer)
            records, lines = tag(gazetag, gazetteer, corpus)
            count_corpus(corpus, records, lines, counts, range(len(corpus)), ends)
        elif method == "cv":
            halves = [[i for i in range(len(corpus)) if i // BLOCK % 2 == fold] for fold in (0, 1)]
            for fold in (0, 1):
                indices = halves[fold]
                test = [corpus[i] for i in indices]
                learn = [corpus[i] for i in halves[1 - fold]]
                ORDINARY.clear()
                ORDINARY.update(ordinary_words(
                    learn, sum(1 for i in halves[1 - fold] if i <= ends.get("NEP", -1)) - 1))
                directory = os.path.join(work, f"fold{fold + 1}")
                os.makedirs(directory, exist_ok=True)
                gazetteer = os.path.join(directory, "gazetteer")
                shutil.rmtree(gazetteer, ignore_errors=True)
                shutil.copytree(os.path.join(ROOT, "gazetteer"), gazetteer)
                write_conll(os.path.join(directory, "learn.conll"), learn)
                write_conll(os.path.join(directory, "test.conll"), test)
                for gold_type in ("NEP", "NEL", "NEO"):
                    write_conll(os.path.join(directory, f"test-{gold_type}.conll"),
                                [corpus[i] for i in indices if i <= ends.get(gold_type, -1)])
                harvest_from(gazetag, gazetteer, os.path.join(directory, "learn.conll"), directory)
                records, lines = tag(gazetag, gazetteer, test)
                count_corpus(test, records, lines, counts, indices, ends)
        else:
            sys.exit(f"learn_rules.py: unknown method {method} (cv, no-harvest or bundled)")
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)

    print(f"# method: {method}")
    # The title rule's ordinary words, learnt from the whole corpus: its 'context' column is the
    # stop words followed by these.
    print("ordinary\t-\t" + "|".join(ordinary_words(corpus, ends.get("NEP", -1))))
    for kind in ("head", "qualifier", "title"):
        rows = sorted(counts[kind].items(), key=lambda item: (item[0][0], -item[1][0], item[0][1]))
        for (group, word), (seen, good, names) in rows:
            precision = good / seen
            kept = seen >= MIN_COUNT and precision >= MIN_PRECISION and len(names) >= MIN_NAMES
            if kept or (show_all and seen >= 2):
                print(f"{kind}\t{group}\t{word}\t{good}/{seen}\t{precision:.2f}\t"
                      f"{'keep' if kept else '-'}")


if __name__ == "__main__":
    main()
