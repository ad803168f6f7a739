"""Makes the name rule's row of gazetteer/rules.tsv: its given names and surnames, taken from
the gazetteer's own PERSON names, and measures the rule by 2-fold cross-validation on a CoNLL
training corpus (Documentation/Rules.md, "Given names and surnames").

usage: learn_names.py GAZETAG TRAIN_CONLL [--row-only]

Given names are the first tokens, surnames the last tokens, of the gazetteer's PERSON names and
aliases of two to four tokens (every file of its manifest with the label PERSON) and of the
corpus's gold person spans of two to four tokens. A token is
left out when it cannot be a part of a name that the rule reads as one: it does not start with
a Devanagari letter, it is an initial (one or two code points), a stop word or title word of
learn_rules.py, or an ordinary word learnt from the corpus (learn_rules.ordinary_words: seen at
least 3 times and seldom inside a gold span), which would end a name anyway, or a word of the
gazetteer's head, qualifier or title rules (सरकार: `नरेंद्र मोदी सरकार` is no person).

Without `--row-only`, the rule is measured first, as learn_rules.py measures the other rules:
the corpus is cut into halves of alternating blocks of learn_rules.BLOCK sentences; for each
half, the harvested files are made again from the other half, the row is made from that
gazetteer and the other half's ordinary words, and the half is scored by `GAZETAG coverage`
(NEP=PERSON, only the sentences up to the last one with a person span, where persons are
annotated) with the rule and without it. Needs python3-icu for the harvest (as learn_rules.py).
The row for the bundled gazetteer, made from it and the whole corpus, is printed last.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from learn_guards import rules_file  # noqa: E402
from learn_rules import (  # noqa: E402
    BLOCK, ROOT, STOP_WORDS, TITLE_SEEDS, annotated_ends, gold_spans, harvest_from,
    ordinary_words,
    sentences, starts_with_letter, write_conll)

RULE_ID = "name-person"


def person_names(gazetteer):
    """The names and aliases of the gazetteer's PERSON files, as lists of tokens."""
    with open(os.path.join(gazetteer, "manifest.json"), encoding="utf-8") as file:
        manifest = json.load(file)
    names = []
    for entry in manifest["files"]:
        if entry.get("label") != "PERSON":
            continue
        header = None
        for line in open(os.path.join(gazetteer, entry["path"]), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if header is None:
                header = fields
                continue
            row = dict(zip(header, fields))
            for name in [row.get("name", "")] + row.get("aliases", "").split("|"):
                names.append(name.split())
    return names


def rule_words(gazetteer):
    """The words of the gazetteer's head, qualifier and title rules (सरकार, दक्षिण, श्री)."""
    return {word for rule in rules_file(gazetteer)
            if rule.get("kind") in ("head", "qualifier", "title")
            for word in rule.get("words", "").split("|") if word}


def is_part(token, ordinary):
    """Whether `token` can be a given name or surname of the rule."""
    return (starts_with_letter(token) and len(token) > 2 and token not in STOP_WORDS
            and token not in TITLE_SEEDS and token not in ordinary
            and re.fullmatch(r"[\u0900-\u0963\u0971-\u097F]+", token) is not None)


def gold_names(corpus):
    """The tokens of the corpus's gold person spans."""
    return [tokens[first:end] for tokens, tags in corpus
            for first, end, label in gold_spans(tags) if label == "NEP"]


def parts(gazetteer, ordinary, corpus):
    """The given names and surnames, each sorted."""
    given, surnames = set(), set()
    ordinary = set(ordinary) | rule_words(gazetteer)
    for tokens in person_names(gazetteer) + gold_names(corpus):
        if 2 <= len(tokens) <= 4:
            if is_part(tokens[0], ordinary):
                given.add(tokens[0])
            if is_part(tokens[-1], ordinary):
                surnames.add(tokens[-1])
    return sorted(given), sorted(surnames)


def row(given, surnames, train=""):
    return "\t".join([RULE_ID, "name", "", "PERSON", "|".join(given), "person:guessed",
                      "|".join(surnames), "", "", train])


def with_row(gazetteer, line):
    """Replaces the name rule's row of `gazetteer`'s rules.tsv by `line` (or adds it)."""
    path = os.path.join(gazetteer, "rules.tsv")
    with open(path, encoding="utf-8") as file:
        lines = [x for x in file.read().splitlines() if not x.startswith(RULE_ID + "\t")]
    with open(path, "w", encoding="utf-8") as file:
        file.write("\n".join(lines + [line]) + "\n")


def person_scores(gazetag, gazetteer, gold, rules):
    """(tp, fp, fn) of PERSON on `gold` with `rules` (a --rules value)."""
    run = subprocess.run(
        [gazetag, "coverage", "--gold", gold, "--gazetteer", gazetteer, "--rules", rules,
         "--label-map", "NEP=PERSON", "--report", "json"], capture_output=True, text=True)
    report = json.loads(run.stdout)
    label = report["labels"]["NEP"]
    return label["tp"], label["fp"], label["fn"]


def enabled_rules(gazetteer):
    """The ids of the gazetteer's enabled rules other than the name rule."""
    return [rule["id"] for rule in rules_file(gazetteer)
            if rule["id"] != RULE_ID and rule.get("enabled", "") != "no"]


def figures(tp, fp, fn):
    return (f"P {tp / max(1, tp + fp):.4f} R {tp / max(1, tp + fn):.4f} "
            f"(tp {tp} fp {fp} fn {fn})")


def main():
    gazetag, train = sys.argv[1], sys.argv[2]
    corpus = list(sentences(train))
    last = annotated_ends(corpus).get("NEP", -1)
    train_note = ""
    if "--row-only" not in sys.argv:
        totals = {"without": [0, 0, 0], "with": [0, 0, 0]}
        with tempfile.TemporaryDirectory() as work:
            for fold in (0, 1):
                test = [corpus[i] for i in range(last + 1) if i // BLOCK % 2 == fold]
                indices = [i for i in range(len(corpus)) if i // BLOCK % 2 != fold]
                learn = [corpus[i] for i in indices]
                gazetteer = os.path.join(work, f"fold{fold}", "gazetteer")
                shutil.copytree(os.path.join(ROOT, "gazetteer"), gazetteer)
                write_conll(os.path.join(work, f"fold{fold}", "learn.conll"), learn)
                gold = os.path.join(work, f"fold{fold}", "test.conll")
                write_conll(gold, test)
                harvest_from(gazetag, gazetteer, os.path.join(work, f"fold{fold}", "learn.conll"),
                             os.path.join(work, f"fold{fold}"))
                ordinary = set(ordinary_words(learn, sum(1 for i in indices if i <= last) - 1))
                with_row(gazetteer, row(*parts(gazetteer, ordinary, learn)))
                others = ",".join(enabled_rules(gazetteer))
                for name, rules in (("without", others), ("with", others + "," + RULE_ID)):
                    scores = person_scores(gazetag, gazetteer, gold, rules)
                    totals[name] = [a + b for a, b in zip(totals[name], scores)]
        for name in ("without", "with"):
            print(f"# cv, PERSON, {name} the name rule: {figures(*totals[name])}")
        (tp0, fp0, _), (tp1, fp1, _) = totals["without"], totals["with"]
        train_note = f"cv: {tp1 - tp0} more right, {fp1 - fp0} more wrong"
    ordinary = set(ordinary_words(corpus, last))
    given, surnames = parts(os.path.join(ROOT, "gazetteer"), ordinary, corpus)
    print(f"# {len(given)} given names, {len(surnames)} surnames")
    print(row(given, surnames, train_note))


if __name__ == "__main__":
    main()
