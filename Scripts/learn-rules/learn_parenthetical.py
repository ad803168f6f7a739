"""Counts, on a CoNLL training corpus, how often a gazetteer match followed by a bracketed part
(`संघ लोक सेवा आयोग ( यूपीएससी )`) is one gold span with it, per label of the match, and prints
the labels that pass the thresholds of the context rules (Documentation/Rules.md).

usage: learn_parenthetical.py GAZETAG TRAIN_CONLL [--gazetteer DIR] [--limit N] [--examples]
       learn_parenthetical.py GAZETAG TRAIN_CONLL --effect LABELS [--gazetteer DIR] [--limit N]

The corpus's sentences are tagged by `GAZETAG tag --input jsonl --overlaps all --rules none`
(every gazetteer match, before any rule). Then:
  - outer (the rule considered): a match followed right after by `(`, at most LIMIT (default
    8) tokens without `(`, and `)`; right when a gold span of the match's type covers exactly
    the match and the brackets. Only matches that no other match ending at the same token contains are counted
    (the longest name before the bracket is the one that competes). `name` counts how often
    gold has the match alone instead.
  - inner (the variant not made a rule): a match inside brackets, `(` … match … `)`, right
    after a word that no match covers; `whole` counts how often a gold span of the match's
    type starts before the `(` (at unknown words) and ends at the `)`, `name` how often gold
    has the match alone.
  - gold: how many gold spans of each type end with `)`, and how many tokens their brackets
    hold.
A label would be kept when the rule was seen at least MIN_COUNT times with precision at least
MIN_PRECISION (none is on the IL-NER Hindi training corpus, so the bundled gazetteer has no such
rule: Documentation/Rules.md). The figures of each half of the corpus (alternate blocks of BLOCK
sentences, as the sentences of a document are consecutive and the file has NEL and NEP spans
only in its first half) show whether a label holds on text that it was not chosen on. `content`
splits the outer figures by what the brackets hold: exactly one match (and its label), digits,
one unknown token or several.

`--effect ORG,PLACE` instead scores the tagger's own output (`GAZETAG tag`, rules enabled,
overlaps resolved) against the gold NEL, NEO and NEP spans (exact match, as `gazetag coverage
--label-map NEL=PLACE,NEL=COUNTRY,NEP=PERSON,NEO=ORG` does), as it is and with the rule applied
to the spans of those labels (the spans inside the brackets are then dropped).
"""

import json
import subprocess
import sys
from collections import Counter

from learn_rules import MIN_COUNT, MIN_PRECISION, gold_spans, jsonl_of, sentences, token_starts

# Sentences per block of the two halves: about a document or a few.
BLOCK = 200

GOLD_TYPE = {"PLACE": "NEL", "COUNTRY": "NEL", "ORG": "NEO", "PERSON": "NEP"}


def bracket_end(tokens, start, limit):
    """The index of the `)` that closes a `(` at `start`, if at most `limit` tokens lie between
    and none of them is another `(`."""
    for index in range(start + 1, min(len(tokens), start + limit + 2)):
        if tokens[index] == "(":
            return None
        if tokens[index] == ")":
            return index if index > start + 1 else None
    return None


def effect(gazetag, corpus, extra, labels, limit):
    """Micro tp, fp, fn, precision, recall and F1 of the tagger's output, without and with the
    rule for `labels`."""
    text = jsonl_of(corpus)
    out = subprocess.run(
        [gazetag, "tag", "--input", "jsonl", *extra, "-"],
        input=text.encode(), capture_output=True, check=True).stdout.decode().splitlines()
    for apply in (False, True):
        tp = fp = fn = 0
        for (tokens, tags), line in zip(corpus, out):
            starts = token_starts(tokens)
            index_of = {start: index for index, start in enumerate(starts)}
            spans = []
            for span in json.loads(line)["spans"]:
                first = index_of.get(span["start"])
                ends = [i for i, s in enumerate(starts) if s + len(tokens[i]) == span["end"]]
                if first is None or not ends or span["label"] not in GOLD_TYPE:
                    continue
                spans.append((first, ends[0] + 1, span["label"]))
            if apply:
                made, dropped = [], set()
                for s, e, label in sorted(spans):
                    if (s, e) in dropped:
                        continue
                    close = None
                    if label in labels and e < len(tokens) and tokens[e] == "(":
                        close = bracket_end(tokens, e, limit)
                    if close is None:
                        made.append((s, e, label))
                        continue
                    dropped.update((s2, e2) for s2, e2, _ in spans if s2 > e and e2 <= close)
                    made.append((s, close + 1, label))
                spans = made
            predicted = {(s, e, GOLD_TYPE[label]) for s, e, label in spans}
            gold = {span for span in gold_spans(tags) if span[2] in ("NEL", "NEO", "NEP")}
            tp += len(predicted & gold)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
        precision, recall = tp / (tp + fp), tp / (tp + fn)
        f1 = 2 * precision * recall / (precision + recall)
        print(f"{'with' if apply else 'without'}\t{','.join(sorted(labels))}\ttp {tp} fp {fp}"
              f" fn {fn}\tP {precision:.4f} R {recall:.4f} F1 {f1:.4f}")


def main():
    args = sys.argv[1:]
    gazetag, train = args[0], args[1]
    limit = int(args[args.index("--limit") + 1]) if "--limit" in args else 8
    extra = ["--gazetteer", args[args.index("--gazetteer") + 1]] if "--gazetteer" in args else []
    show = "--examples" in args
    corpus = list(sentences(train))
    if "--effect" in args:
        labels = set(args[args.index("--effect") + 1].split(","))
        effect(gazetag, corpus, extra, labels, limit)
        return
    records = [token_starts(tokens) for tokens, _ in corpus]
    text = jsonl_of(corpus)
    out = subprocess.run(
        [gazetag, "tag", "--input", "jsonl", "--overlaps", "all", "--rules", "none", *extra,
         "-"],
        input=text.encode(), capture_output=True, check=True).stdout.decode()
    outer = {}  # label -> [seen, right, name-only] for all, even, odd sentences
    inner = Counter()
    content = Counter()
    gold_end = Counter()
    lengths = Counter()
    examples = []

    def count(table, label, half, right, name):
        for key in ((label, "all"), (label, half)):
            row = table.setdefault(key, [0, 0, 0])
            row[0] += 1
            row[1] += right
            row[2] += name

    for number, ((tokens, tags), starts, line) in enumerate(
            zip(corpus, records, out.splitlines())):
        half = "first" if number // BLOCK % 2 == 0 else "second"
        gold = gold_spans(tags)
        for s, e, kind in gold:
            if tokens[e - 1] == ")" and "(" in tokens[s:e]:
                gold_end[kind] += 1
                lengths[e - 1 - tokens.index("(", s) - 1] += 1
        index_of = {start: index for index, start in enumerate(starts)}
        matches = set()
        for span in json.loads(line)["spans"]:
            first = index_of.get(span["start"])
            ends = [i for i, s in enumerate(starts) if s + len(tokens[i]) == span["end"]]
            if first is None or not ends:
                continue
            matches.add((first, ends[0] + 1, span["label"]))
        covered = {i for s, e, _ in matches for i in range(s, e)}
        for s, e, label in matches:
            gold_type = GOLD_TYPE.get(label)
            if gold_type is None:
                continue
            # outer: the longest match ending right before the bracket
            if e < len(tokens) and tokens[e] == "(" and not any(
                    s2 < s and e2 == e for s2, e2, _ in matches):
                close = bracket_end(tokens, e, limit)
                if close is not None:
                    right = (s, close + 1, gold_type) in gold
                    name = (s, e, gold_type) in gold
                    count(outer, label, half, right, name)
                    held = sorted(l2 for s2, e2, l2 in matches if s2 == e + 1 and e2 == close)
                    if held:
                        what = "match " + held[-1]
                    elif any(c.isdigit() for token in tokens[e + 1:close] for c in token):
                        what = "digits"
                    else:
                        what = "one unknown" if close == e + 2 else "several unknown"
                    content[label, what, "right" if right else "name" if name else "other"] += 1
                    if show:
                        mark = "+" if right else ("=" if name else "-")
                        examples.append(f"{mark} {label} {' '.join(tokens[s:close + 1])}")
            # inner: a match inside brackets after unknown words
            opens = [i for i in range(max(0, s - limit - 1), s) if tokens[i] == "("]
            if not opens:
                continue
            o = opens[-1]
            if ")" in tokens[o:s] or o == 0 or (o - 1) in covered:
                continue
            close = bracket_end(tokens, o, limit)
            if close is None or close < e:
                continue
            inner["seen", label] += 1
            if any(g < o and ge == close + 1 and k == gold_type for g, ge, k in gold):
                inner["whole", label] += 1
            if (s, e, gold_type) in gold:
                inner["name", label] += 1
            if show:
                whole = [(g, ge) for g, ge, k in gold if g < o and ge == close + 1]
                mark = "W" if whole else ("=" if (s, e, gold_type) in gold else "-")
                left = max(0, o - 5)
                examples.append(f"{mark} inner {label} … {' '.join(tokens[left:close + 1])}")

    print("gold spans ending with a bracketed part:", dict(gold_end))
    print("tokens inside their brackets:", dict(sorted(lengths.items())))
    print("outer (match + bracket, limit %d): label, right/seen, precision, gold has the name"
          " alone; first half, second half" % limit)
    for label in sorted({label for label, _ in outer}):
        seen, right, name = outer[label, "all"]
        halves = []
        for half in ("first", "second"):
            h = outer.get((label, half), [0, 0, 0])
            halves.append(f"{h[1]}/{h[0]}")
        precision = right / seen
        kept = seen >= MIN_COUNT and precision >= MIN_PRECISION
        print(f"parenthetical\t{label}\t{right}/{seen}\t{precision:.2f}\tname {name}"
              f"\t{' '.join(halves)}\t{'keep' if kept else '-'}")
    print("outer by content: label, what the brackets hold, right/seen, gold has the name alone")
    for label, what in sorted({(label, what) for label, what, _ in content}):
        right, name, other = (content[label, what, x] for x in ("right", "name", "other"))
        print(f"content\t{label}\t{what}\t{right}/{right + name + other}\tname {name}")
    print("inner (match inside brackets after unknown words): label, seen, gold whole span"
          " from before the bracket, gold name alone")
    for label in sorted({label for _, label in inner}):
        print(f"inner\t{label}\t{inner['seen', label]}\twhole {inner['whole', label]}"
              f"\tname {inner['name', label]}")
    for example in examples:
        print("  " + example)


if __name__ == "__main__":
    main()
