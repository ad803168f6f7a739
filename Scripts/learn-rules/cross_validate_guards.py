"""Two-fold cross-validation of the guards that learn_guards.py learns: the training corpus is
cut into two folds of alternate blocks of BLOCK sentences, guards are learnt on one fold and
scored on the other with `gazetag coverage`, against the same gazetteer with no guards, and
the two folds are summed.

usage: cross_validate_guards.py GAZETAG TRAIN_CONLL [--no-harvest] [--grid]

The gazetteer is a copy of the bundled one (its data files linked) whose rules.tsv keeps the
rules other than guards; `--no-harvest` also leaves the `*-harvested.tsv` files out of its
manifest (they were harvested from this corpus). `--grid` scores several thresholds
(MIN_WRONG x MIN_SHARE) instead of the defaults of learn_guards.py.
"""

import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import learn_guards  # noqa: E402
from learn_rules import sentences  # noqa: E402

# The folds take alternate blocks of this many sentences: the corpus is ordered (its first
# tenth holds nearly all person names, its last four tenths no gold name at all), so its two
# halves would differ in kind, while a block keeps most of an article's sentences together.
BLOCK = 100
LABEL_MAP = "NEL=PLACE,NEL=COUNTRY,NEP=PERSON,NEO=ORG"
BUNDLED = learn_guards.BUNDLED


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


def write_conll(path, corpus):
    with open(path, "w", encoding="utf-8") as file:
        for tokens, tags in corpus:
            for token, tag in zip(tokens, tags):
                file.write(f"{token}\t{tag}\n")
            file.write("\n")


def score(gazetag, gazetteer, conll):
    """The micro (tp, fp, fn) of `gazetag coverage` on `conll`."""
    out = subprocess.run(
        [gazetag, "coverage", "--gold", conll, "--gazetteer", gazetteer, "--label-map",
         LABEL_MAP, "--report", "json"], capture_output=True, check=True).stdout
    micro = json.loads(out)["micro"]
    return micro["tp"], micro["fp"], micro["fn"]


def figures(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 0
    recall = tp / (tp + fn) if tp + fn else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return f"P {precision:.4f} R {recall:.4f} F1 {f1:.4f} (tp {tp} fp {fp} fn {fn})"


def main():
    gazetag, train = sys.argv[1], sys.argv[2]
    no_harvest = "--no-harvest" in sys.argv[3:]
    grid = "--grid" in sys.argv[3:]
    corpus = list(sentences(train))
    halves = [[s for i, s in enumerate(corpus) if (i // BLOCK) % 2 == fold] for fold in (0, 1)]
    settings = [{}]
    if grid:
        settings = [{"min_wrong": w, "min_share": s} for w in (2, 3, 5) for s in (0.7, 0.8, 0.9)]
    with tempfile.TemporaryDirectory() as work:
        conlls = []
        for index, half in enumerate(halves):
            path = os.path.join(work, f"half{index}.conll")
            write_conll(path, half)
            conlls.append(path)
        base = gazetteer_copy(os.path.join(work, "base"), [], no_harvest)
        before = [score(gazetag, base, conll) for conll in conlls]
        total_before = tuple(map(sum, zip(*before)))
        print(f"no guards:           {figures(*total_before)}")
        for setting in settings:
            after, count = [], 0
            for learn, test in ((0, 1), (1, 0)):
                guards = learn_guards.learn(gazetag, halves[learn], base, **setting)
                count += sum(len(g["words"]) for g in guards)
                directory = gazetteer_copy(
                    os.path.join(work, f"fold{learn}-{len(after)}-{id(setting)}"),
                    learn_guards.rows(guards), no_harvest)
                after.append(score(gazetag, directory, conlls[test]))
            total = tuple(map(sum, zip(*after)))
            name = " ".join(f"{k}={v}" for k, v in setting.items()) or "defaults"
            print(f"guards ({name}, {count} context words over both folds): {figures(*total)}")


if __name__ == "__main__":
    main()
