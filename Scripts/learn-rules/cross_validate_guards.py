"""Two-fold cross-validation of the guards that learn_guards.py learns: the training corpus is
cut into two folds of alternate blocks of BLOCK sentences, guards are learnt on one fold and
scored on the other, against the same gazetteer with no guards, and the two folds are summed.

usage: cross_validate_guards.py GAZETAG TRAIN_CONLL [--no-harvest] [--grid] [--detail]

The gazetteer is a copy of the bundled one (its data files linked) whose rules.tsv keeps the
rules other than guards; `--no-harvest` also leaves the `*-harvested.tsv` files out of its
manifest (they were harvested from this corpus). `--grid` scores several thresholds
(MIN_WRONG x MIN_SHARE) instead of the defaults of learn_guards.py; `--detail` lists, per
fold, the spans that the guards removed (as right or wrong).

Scoring is exact match, as `gazetag coverage --label-map NEL=PLACE,NEL=COUNTRY,NEP=PERSON,
NEO=ORG` counts it, but each gold label only over the sentences where the corpus annotates it
(learn_guards.annotated_types): a predicted place after the last sentence with a gold place is
neither right nor wrong.
"""

import collections
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import learn_guards  # noqa: E402
from learn_rules import gold_spans, sentences  # noqa: E402

# The folds take alternate blocks of this many sentences: the corpus is ordered (its first
# part holds all the person names, its second half no gold name at all), so its two halves
# would differ in kind, while a block keeps most of an article's sentences together.
BLOCK = 100
BUNDLED = learn_guards.BUNDLED
GOLD_OF = learn_guards.GOLD_OF
SCORED = set(GOLD_OF.values())


def gazetteer_copy(directory, guard_rows, no_harvest):
    """Writes a gazetteer to `directory`: the bundled one, its guards replaced by
    `guard_rows`, without the harvested files when `no_harvest`."""
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(BUNDLED, "manifest.json"), encoding="utf-8") as file:
        manifest = json.load(file)
    if no_harvest:
        manifest["files"] = [f for f in manifest["files"]
                             if not f["path"].endswith("-harvested.tsv")]
    for entry in manifest["files"]:
        target = os.path.join(directory, entry["path"])
        if not os.path.exists(target):
            os.symlink(os.path.abspath(os.path.join(BUNDLED, entry["path"])), target)
    with open(os.path.join(directory, "manifest.json"), "w", encoding="utf-8") as file:
        json.dump(manifest, file, ensure_ascii=False)
    lines = []
    with open(os.path.join(BUNDLED, "rules.tsv"), encoding="utf-8") as file:
        for line in file:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 2 or fields[1] != "guard":
                lines.append(line.rstrip("\n"))
    with open(os.path.join(directory, "rules.tsv"), "w", encoding="utf-8") as file:
        file.write("\n".join(lines + guard_rows) + "\n")
    return directory


def score(corpus, annotated, tagged):
    """The micro (tp, fp, fn) of the tagged spans, each gold label counted where annotated."""
    tp = fp = fn = 0
    for (_, tags), types, spans in zip(corpus, annotated, tagged):
        gold = {span for span in gold_spans(tags) if span[2] in types and span[2] in SCORED}
        predicted = {(first, end, GOLD_OF[label]) for first, end, label, _ in spans
                     if GOLD_OF.get(label) in types}
        tp += len(gold & predicted)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
    return tp, fp, fn


def removed(corpus, annotated, before, after):
    """The spans scored before and not after, as counts of (right or wrong, text in context)."""
    found = collections.Counter()
    for (tokens, tags), types, old, new in zip(corpus, annotated, before, after):
        gold = gold_spans(tags)
        for first, end, label, _ in set(old) - set(new):
            if GOLD_OF.get(label) not in types or first < 0:
                continue
            right = (first, end, GOLD_OF[label]) in gold
            context = " ".join(tokens[max(0, first - 1):first] + ["[" + " ".join(
                tokens[first:end]) + "]"] + tokens[end:end + 1])
            found[("right" if right else "wrong", context)] += 1
    return found


def figures(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return f"P {precision:.4f} R {recall:.4f} F1 {f1:.4f} (tp {tp} fp {fp} fn {fn})"


def main():
    gazetag, train = sys.argv[1], sys.argv[2]
    options = sys.argv[3:]
    no_harvest = "--no-harvest" in options
    corpus = list(sentences(train))
    annotated = learn_guards.annotated_types(corpus)
    folds = [[i for i in range(len(corpus)) if (i // BLOCK) % 2 == fold] for fold in (0, 1)]
    parts = [([corpus[i] for i in fold], [annotated[i] for i in fold]) for fold in folds]
    settings = [{}]
    if "--grid" in options:
        settings = [{"min_wrong": w, "min_share": s} for w in (2, 3, 5) for s in (0.7, 0.8, 0.9)]
    with tempfile.TemporaryDirectory() as work:
        base = gazetteer_copy(os.path.join(work, "base"), [], no_harvest)
        before = [learn_guards.tag(gazetag, part[0], base) for part in parts]
        total = tuple(map(sum, zip(*(score(*part, tagged)
                                     for part, tagged in zip(parts, before)))))
        print(f"no guards: {figures(*total)}")
        for number, setting in enumerate(settings):
            scores, count = [], 0
            for learn, test in ((0, 1), (1, 0)):
                guards = learn_guards.learn(gazetag, *parts[learn], base, **setting)
                count += sum(len(g["words"]) for g in guards)
                directory = gazetteer_copy(os.path.join(work, f"fold{learn}-{number}"),
                                           learn_guards.rows(guards), no_harvest)
                after = learn_guards.tag(gazetag, parts[test][0], directory)
                scores.append(score(*parts[test], after))
                if "--detail" in options:
                    print(f"  learnt on fold {learn}, removed from fold {test}:")
                    for (kind, context), n in sorted(
                            removed(*parts[test], before[test], after).items(),
                            key=lambda item: (item[0][0], -item[1])):
                        print(f"    {kind} {n} {context}")
            total = tuple(map(sum, zip(*scores)))
            name = " ".join(f"{k}={v}" for k, v in setting.items()) or "defaults"
            print(f"guards ({name}; {count} context words over both folds): {figures(*total)}")


if __name__ == "__main__":
    main()
