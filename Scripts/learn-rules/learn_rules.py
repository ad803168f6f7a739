"""Counts, on a CoNLL training corpus, how often each candidate word of a context rule makes
the span that the gold annotation has, and prints the words that pass the thresholds as rows
for gazetteer/rules.tsv. Documentation/Rules.md describes the rules and the thresholds.

usage: learn_rules.py GAZETAG TRAIN_CONLL [--all]   (or Scripts/learn-rules.sh)

The corpus's sentences are tagged by `GAZETAG tag --input jsonl --overlaps all --rules none`
(every gazetteer match, before any rule). Then, for every candidate word W:
  - head: W right after a PLACE, COUNTRY or NORP match; right when a gold NEO span covers
    exactly the match and W;
  - qualifier: W right before a PLACE or COUNTRY match; right when a gold NEL span covers
    exactly W and the match;
  - title: W (one of TITLE_SEEDS) followed by one to three name-like tokens (no gazetteer
    match, letters only, not a stop word) and then a stop word or punctuation; right when a
    gold NEP span covers exactly the name-like tokens.
A word is kept when it was seen at least MIN_COUNT times with precision at least
MIN_PRECISION. `--all` prints every word seen at least twice, kept or not.
"""

import json
import subprocess
import sys
import unicodedata

MIN_COUNT = 3
MIN_PRECISION = 0.6

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


def is_name_like(token):
    if token in STOP_WORDS or token in TITLE_SEEDS:
        return False
    return all(unicodedata.category(c)[0] in "LM" for c in token)


def is_stop(token):
    return token in STOP_WORDS or all(c in PUNCTUATION for c in token)


def main():
    gazetag, train = sys.argv[1], sys.argv[2]
    show_all = "--all" in sys.argv[3:]
    corpus = list(sentences(train))
    records = []
    for tokens, _ in corpus:
        starts, position = [], 0
        for token in tokens:
            starts.append(position)
            position += len(token) + 1
        records.append((" ".join(tokens), starts))
    text = "".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t, _ in records)
    out = subprocess.run(
        [gazetag, "tag", "--input", "jsonl", "--overlaps", "all", "--rules", "none", "-"],
        input=text.encode(), capture_output=True, check=True).stdout.decode()
    counts = {"head": {}, "qualifier": {}, "title": {}}

    def count(kind, word, right):
        seen, good = counts[kind].get(word, (0, 0))
        counts[kind][word] = (seen + 1, good + (1 if right else 0))

    for (tokens, tags), (_, starts), line in zip(corpus, records, out.splitlines()):
        gold = gold_spans(tags)
        index_of = {start: index for index, start in enumerate(starts)}
        matches = set()
        covered = set()
        for span in json.loads(line)["spans"]:
            first = index_of.get(span["start"])
            ends = [i for i, s in enumerate(starts) if s + len(tokens[i]) == span["end"]]
            if first is None or not ends:
                continue
            matches.add((first, ends[0] + 1, span["label"]))
            covered.update(range(first, ends[0] + 1))
        heads = {(s, e) for s, e, label in matches if label in ("PLACE", "COUNTRY", "NORP")}
        for s, e in heads:
            if e < len(tokens):
                count("head", tokens[e], (s, e + 1, "NEO") in gold)
        places = {(s, e) for s, e, label in matches if label in ("PLACE", "COUNTRY")}
        for s, e in places:
            if s > 0:
                count("qualifier", tokens[s - 1], (s - 1, e, "NEL") in gold)
        for index, token in enumerate(tokens):
            if token not in TITLE_SEEDS:
                continue
            end = index + 1
            while end < len(tokens) and end - index <= 3 and end not in covered \
                    and is_name_like(tokens[end]):
                end += 1
            if end == index + 1 or end >= len(tokens) or not is_stop(tokens[end]):
                continue
            count("title", token, (index + 1, end, "NEP") in gold)

    for kind in ("head", "qualifier", "title"):
        rows = sorted(counts[kind].items(), key=lambda item: (-item[1][0], item[0]))
        for word, (seen, good) in rows:
            precision = good / seen
            kept = seen >= MIN_COUNT and precision >= MIN_PRECISION
            if kept or (show_all and seen >= 2):
                print(f"{kind}\t{word}\t{good}/{seen}\t{precision:.2f}\t{'keep' if kept else '-'}")


if __name__ == "__main__":
    main()
