"""Learns guard rules from a CoNLL training corpus: neighbour words before or after which a
match of the gazetteer is mostly not a gold name (`स्वच्छ भारत`, `भारत अभियान`), and prints them
as rows for gazetteer/rules.tsv. Documentation/Rules.md describes the guards and thresholds.

usage: learn_guards.py GAZETAG TRAIN_CONLL [--gazetteer DIR] [--all]   (or Scripts/learn-rules.sh)

The corpus's sentences are tagged (tokens joined by spaces) by
`GAZETAG tag --input jsonl --rules IDS`, IDS the gazetteer's enabled rules other than guards:
the spans gazetag reports with the rules it ships, since guards run before the other rules
and only a match that survives them and overlap resolution can be a false positive (the भारत
of `भारत सरकार`, which the head rule takes, is none). The guards already in the gazetteer are
left out, so that a second run learns the same guards again.

Every reported span that is a plain match of the gazetteer (no rule made it) with a scored
label (PLACE, COUNTRY -> NEL, PERSON -> NEP, ORG -> NEO), in a sentence of the part of the
corpus where that gold label is annotated (annotated_types), is *right* when a gold span of a
label that maps to it covers exactly its tokens, and *wrong* otherwise. For the word right
before it and the word right after it, the script counts right and wrong twice: for the
match's alias (its tokens, with its label) and for its label class (PLACE and COUNTRY
together, ORG, PERSON).

A guard is kept when its evidence is strong:
  - alias guard (one alias, one side, one word): wrong >= MIN_WRONG and wrong / seen >=
    MIN_SHARE;
  - label-wide guard (any alias of the class): the same over the class, and wrong matches of at
    least MIN_ALIASES different aliases, so that the word, not one alias, carries the evidence;
  - a punctuation token or one of the COMMON most frequent tokens of the corpus is a context
    word only with overwhelming evidence: wrong >= COMMON_MIN_WRONG and share >=
    COMMON_MIN_SHARE.
Guards are chosen one context word at a time, the most precise first (the highest share of
wrong matches, then the most wrong matches, a label-wide guard before an alias guard), and
the evidence of the next is counted only over the matches that the guards chosen before do
not drop: a word that adds little beyond them (स्वच्छ, when अभियान after भारत is a guard
already) must pass on what is left. The `train` column records each word's figures at the time it was chosen. Guards of one
alias (or class) and side are one rule (`not-before` or `not-after`).

`--all` also prints, as comments, every context seen with at least 2 wrong matches.
"""

import collections
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from learn_rules import PUNCTUATION, gold_spans, jsonl_of, sentences, token_starts  # noqa: E402

MIN_WRONG = 3
MIN_SHARE = 0.8
MIN_ALIASES = 3
COMMON = 100
COMMON_MIN_WRONG = 20
COMMON_MIN_SHARE = 0.95

# Gold labels of IL-NER and the gazetteer's labels they are scored against (the label map of
# `gazetag coverage --label-map NEL=PLACE,NEL=COUNTRY,NEP=PERSON,NEO=ORG`).
GOLD_OF = {"PLACE": "NEL", "COUNTRY": "NEL", "PERSON": "NEP", "ORG": "NEO"}
# The label classes of label-wide guards: the labels one gold label is scored against.
CLASSES = {"PLACE": "PLACE,COUNTRY", "COUNTRY": "PLACE,COUNTRY", "PERSON": "PERSON", "ORG": "ORG"}

SIDES = {"before": "not-before", "after": "not-after"}


BUNDLED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "gazetteer")


def rules_file(gazetteer):
    """The rows (dicts) of the gazetteer's rules.tsv; the bundled one when `gazetteer` is None."""
    path = os.path.join(gazetteer or BUNDLED, "rules.tsv")
    if not os.path.exists(path):
        return []
    rows, header = [], None
    with open(path, encoding="utf-8") as file:
        for line in file:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            rows.append(dict(zip(header, fields)))
    return rows


def non_guard_rules(gazetteer):
    """The `--rules` value that chooses the enabled rules other than guards."""
    ids = [row["id"] for row in rules_file(gazetteer)
           if row.get("kind") != "guard" and row.get("enabled", "") != "no"]
    return ",".join(ids) if ids else "none"


def tag(gazetag, corpus, gazetteer=None, rules="enabled"):
    """For each sentence, the reported spans as (first token, end token, label, rule or None)."""
    records = [token_starts(tokens) for tokens, _ in corpus]
    text = jsonl_of(corpus)
    command = [gazetag, "tag", "--input", "jsonl", "--rules", rules]
    if gazetteer:
        command += ["--gazetteer", gazetteer]
    out = subprocess.run(command + ["-"], input=text.encode(), capture_output=True,
                         check=True).stdout.decode()
    tagged = []
    for (tokens, _), starts, line in zip(corpus, records, out.splitlines()):
        first_of = {start: index for index, start in enumerate(starts)}
        end_of = {start + len(token): index + 1
                  for index, (start, token) in enumerate(zip(starts, tokens))}
        spans = []
        for span in json.loads(line)["spans"]:
            first, end = first_of.get(span["start"]), end_of.get(span["end"])
            if first is None or end is None:
                first = end = -1  # Not on token boundaries: never a gold span.
            spans.append((first, end, span["label"], span.get("rule")))
        tagged.append(spans)
    return tagged


def annotated_types(corpus):
    """For each sentence, the gold types annotated in it: a type counts up to the last sentence
    that has a span of it. The IL-NER training file is annotated in parts: person names only
    in its first 774 sentences, places in its first 5,099, organisations in its first 5,575,
    nothing after sentence 5,690, so a name after that part is no false positive."""
    last = {}
    for index, (_, tags) in enumerate(corpus):
        for _, _, kind in gold_spans(tags):
            last[kind] = index
    return [{kind for kind, end in last.items() if index <= end} for index in range(len(corpus))]


def plain_matches(corpus, tagged, annotated):
    """The reported plain matches of a scored label in sentences where its gold label is
    annotated (`annotated`, from annotated_types), as (label, alias, word before or None, word
    after or None, right)."""
    found = []
    for (tokens, tags), spans, types in zip(corpus, tagged, annotated):
        gold = gold_spans(tags)
        for first, end, label, rule in spans:
            if rule is not None or GOLD_OF.get(label) not in types or first < 0:
                continue
            found.append((label, " ".join(tokens[first:end]),
                          tokens[first - 1] if first > 0 else None,
                          tokens[end] if end < len(tokens) else None,
                          (first, end, GOLD_OF[label]) in gold))
    return found


def evidence(matches):
    """Counts of right and wrong matches per context: a dict from (scope, target, side, word)
    to [right, wrong, set of wrong aliases], where scope is `alias` (target: (label, alias)) or
    `class` (target: the class's labels)."""
    counts = collections.defaultdict(lambda: [0, 0, set()])
    for label, alias, before, after, right in matches:
        for side, word in (("before", before), ("after", after)):
            if word is None:
                continue
            for key in (("alias", (label, alias), side, word),
                        ("class", CLASSES[label], side, word)):
                entry = counts[key]
                entry[0 if right else 1] += 1
                if not right:
                    entry[2].add(alias)
    return counts


def drops(key, match):
    """Whether the guard of `key` (scope, target, side, word) drops `match`."""
    scope, target, side, word = key
    label, alias, before, after, _ = match
    if (before if side == "before" else after) != word:
        return False
    return CLASSES[label] == target if scope == "class" else (label, alias) == target


def common_words(corpus):
    """The COMMON most frequent tokens of the corpus."""
    frequency = collections.Counter(token for tokens, _ in corpus for token in tokens)
    return {word for word, _ in frequency.most_common(COMMON)}


def is_punctuation(word):
    return all(c in PUNCTUATION or not c.isalnum() for c in word)


def strong(right, wrong, word, common, min_wrong=MIN_WRONG, min_share=MIN_SHARE):
    """Whether `wrong` wrong and `right` right matches beside `word` make a guard."""
    share = wrong / (right + wrong)
    if word in common or is_punctuation(word):
        return wrong >= max(min_wrong, COMMON_MIN_WRONG) and share >= max(min_share,
                                                                           COMMON_MIN_SHARE)
    return wrong >= min_wrong and share >= min_share


def choose(matches, common, min_wrong=MIN_WRONG, min_share=MIN_SHARE,
           min_aliases=MIN_ALIASES):
    """The kept guards, chosen one context at a time: the strongest (most wrong matches, then
    the highest share, label-wide before alias) among those that pass on the matches no guard
    chosen before drops. A list of dicts with `labels`, `alias` (None for label-wide), `side`
    and `words` (word, right, wrong), label-wide guards first."""
    remaining = list(matches)
    chosen = []
    while True:
        best = None
        for key, (right, wrong, aliases) in evidence(remaining).items():
            if key[0] == "class" and len(aliases) < min_aliases:
                continue
            if not strong(right, wrong, key[3], common, min_wrong, min_share):
                continue
            rank = (wrong / (right + wrong), wrong, key[0] == "class")
            if best is None or rank > best[0]:
                best = (rank, key, right, wrong)
        if best is None:
            break
        _, key, right, wrong = best
        chosen.append((key, right, wrong))
        remaining = [match for match in remaining if not drops(key, match)]
    grouped = collections.defaultdict(list)
    for (scope, target, side, word), right, wrong in chosen:
        grouped[(scope, target, side)].append((word, right, wrong))
    order = lambda words: sorted(words, key=lambda w: (-w[2], w[1], w[0]))  # noqa: E731
    guards = [{"labels": target, "alias": None, "side": side, "words": order(words)}
              for (scope, target, side), words in sorted(grouped.items(), key=str)
              if scope == "class"]
    narrow = [(target, side, words) for (scope, target, side), words in grouped.items()
              if scope == "alias"]
    narrow.sort(key=lambda item: (-sum(w[2] for w in item[2]), str(item[0]), item[1]))
    guards += [{"labels": label, "alias": alias, "side": side, "words": order(words)}
               for (label, alias), side, words in narrow]
    return guards


def rows(guards):
    """The guards as lines of rules.tsv (columns id, kind, labels, label, words, entity,
    context, condition, enabled, train)."""
    lines, ids = [], set()
    for guard in guards:
        side = "next" if guard["side"] == "after" else "prev"
        if guard["alias"] is None:
            base = "guard-" + guard["labels"].replace(",", "-").lower() + "-" + side
        else:
            base = "guard-" + guard["alias"].replace(" ", "-") + "-" + side
        rule_id, n = base, 2
        while rule_id in ids:
            rule_id, n = f"{base}-{n}", n + 1
        ids.add(rule_id)
        words = [w for w, _, _ in guard["words"]]
        # The train column: per context word, how often the dropped match was wrong / seen.
        train = "; ".join(f"{w} {wrong}/{right + wrong} {wrong / (right + wrong):.2f}"
                          for w, right, wrong in guard["words"])
        lines.append("\t".join([
            rule_id, "guard", guard["labels"], "", guard["alias"] or "", "", "|".join(words),
            SIDES[guard["side"]], "", train]))
    return lines


def learn(gazetag, corpus, annotated, gazetteer=None, **thresholds):
    """The guards learnt from `corpus` (`annotated`: its annotated_types)."""
    tagged = tag(gazetag, corpus, gazetteer, non_guard_rules(gazetteer))
    return choose(plain_matches(corpus, tagged, annotated), common_words(corpus), **thresholds)


def main():
    args = sys.argv[1:]
    show_all = "--all" in args
    gazetteer = None
    if "--gazetteer" in args:
        gazetteer = args[args.index("--gazetteer") + 1]
        del args[args.index("--gazetteer"):args.index("--gazetteer") + 2]
    gazetag, train = [a for a in args if a != "--all"][:2]
    corpus = list(sentences(train))
    tagged = tag(gazetag, corpus, gazetteer, non_guard_rules(gazetteer))
    matches = plain_matches(corpus, tagged, annotated_types(corpus))
    counts = evidence(matches)
    common = common_words(corpus)
    for line in rows(choose(matches, common)):
        print(line)
    if show_all:
        seen = sorted(((k, v) for k, v in counts.items() if v[1] >= 2),
                      key=lambda item: (-item[1][1], item[0][0], str(item[0][1])))
        for (scope, target, side, word), (right, wrong, aliases) in seen:
            what = target if scope == "class" else f"{target[0]} {target[1]}"
            print(f"# {scope}\t{what}\t{side}\t{word}\twrong {wrong}/{right + wrong}"
                  f"\t{wrong / (right + wrong):.2f}\taliases {len(aliases)}")


if __name__ == "__main__":
    main()
