"""Measures the one-token rule of generate_harvest.py for PERSON names by 2-fold cross-validation
on the IL-NER Hindi training corpus: harvest from one half, score the other.

usage: harvest_cv.py GAZETAG TRAIN_CONLL [FILTER ...]

The training file is sorted by what its sentences carry: the sentences with a person span come
first (774 of them), and person names after them are left unmarked (Documentation/Gazetteer.md,
"Harvested names"). So the cross-validation uses only those first sentences (up to the last
sentence with a B-NEP tag), cut into blocks of BLOCK consecutive sentences that alternate between
the halves (neighbouring sentences share names). For each half and each filter
(generate_harvest.PERSON_FILTERS; all of them by default) it runs `gazetag gazetteer harvest` on
that half as Scripts/generate-harvest.sh does, writes people-harvested.tsv into a copy of
gazetteer/ with generate_harvest.py (the other files, the harvested organisations and places too,
stay as they are), and runs `gazetag coverage` with that copy on the other half (NEP=PERSON,
context rules enabled). Prints PERSON precision and recall summed over both halves and how many
PERSON entries were harvested. Needs python3-icu.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BLOCK = 40
# The harvest's --min-ratio (Scripts/generate-harvest.sh); HARVEST_MIN_RATIO overrides it.
MIN_RATIO = os.environ.get("HARVEST_MIN_RATIO", "0.5")


def sentences(path):
    out, block = [], []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            block.append(line)
        elif block:
            out.append(block)
            block = []
    if block:
        out.append(block)
    return out


def labelled_prefix(all_sentences, label):
    """The sentences up to the last one with a B-label tag."""
    last = max(i for i, lines in enumerate(all_sentences)
               if any(line.split()[-1] == "B-" + label for line in lines))
    return all_sentences[:last + 1]


def write(path, blocks):
    with open(path, "w", encoding="utf-8") as f:
        for lines in blocks:
            f.write("".join(lines) + "\n")


def score(gazetag, gazetteer, gold):
    run = subprocess.run([gazetag, "coverage", "--gold", gold, "--gazetteer", gazetteer,
                          "--label-map", "NEP=PERSON", "--top", "1"],
                         capture_output=True, text=True)
    for line in run.stdout.splitlines():
        m = re.match(r"^NEP\s+\S+\s+\S+\s+\S+\s+(\d+)\s+(\d+)\s+(\d+)", line)
        if m:
            return tuple(int(x) for x in m.group(1, 2, 3))
    sys.exit(f"harvest_cv.py: no NEP row in the coverage report:\n{run.stdout}{run.stderr}")


def main(argv):
    if len(argv) < 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 64
    gazetag, train = argv[1], argv[2]
    sys.path.insert(0, HERE)
    import generate_harvest
    filters = argv[3:] or list(generate_harvest.PERSON_FILTERS)
    part = labelled_prefix(sentences(train), "NEP")
    halves = ([], [])
    for i, lines in enumerate(part):
        halves[(i // BLOCK) % 2].append(lines)
    work = tempfile.mkdtemp()
    try:
        paths = []
        for h, blocks in enumerate(halves):
            path = os.path.join(work, f"half{h}.conll")
            write(path, blocks)
            paths.append(path)
            harvest = os.path.join(work, f"harvest{h}")
            subprocess.run([gazetag, "gazetteer", "harvest", "--gold", path, "--min-ratio", MIN_RATIO,
                            "--stoplist", os.path.join(ROOT, "gazetteer", "stoplist.txt"), "-o", harvest],
                           check=True, capture_output=True)
        print(f"{len(part)} sentences, halves of {len(halves[0])} and {len(halves[1])}")
        print("filter\ttp\tfp\tfn\tP\tR\tF1\tPERSON entries")
        for name in filters:
            total = [0, 0, 0]
            entries = 0
            for h in (0, 1):
                gazetteer = os.path.join(work, "gazetteer")
                shutil.rmtree(gazetteer, ignore_errors=True)
                shutil.copytree(os.path.join(ROOT, "gazetteer"), gazetteer)
                subprocess.run(["/usr/bin/python3", os.path.join(HERE, "generate_harvest.py"), gazetteer,
                                os.path.join(work, f"harvest{h}"), "--person-filter", name],
                               check=True, capture_output=True)
                for kept in ("organisations-harvested.tsv", "places-harvested.tsv"):
                    shutil.copy(os.path.join(ROOT, "gazetteer", kept), os.path.join(gazetteer, kept))
                with open(os.path.join(gazetteer, "people-harvested.tsv"), encoding="utf-8") as f:
                    entries += sum(1 for line in f if line.startswith("person:"))
                total = [a + b for a, b in zip(total, score(gazetag, gazetteer, paths[1 - h]))]
            tp, fp, fn = total
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{name}\t{tp}\t{fp}\t{fn}\t{p:.4f}\t{r:.4f}\t{f1:.4f}\t{entries}", flush=True)
    finally:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
