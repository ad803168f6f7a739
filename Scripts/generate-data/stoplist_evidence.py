"""Lists the gazetteer's names that the IL-NER Hindi training corpus shows mostly unannotated.

usage: stoplist_evidence.py GAZETTEER_DIR TRAIN_CONLL REGRESSION_JSONL OUT_TSV

For every name and alias of a PERSON, ORG, COUNTRY or PLACE entry (the labels the corpus
annotates: NEP, NEO, NEL), counted by matching key over the whole training split:
  gold   its gold spans of any of those types (the same tokens exactly);
  plain  its occurrences none of whose tokens is inside a gold span (left unannotated), counted
         only in the sentences up to the last one that has a gold span of the label's type;
  ratio  gold / (gold + plain).
A name is proposed for the stoplist when plain >= MIN_PLAIN and ratio < MAX_RATIO: the corpus
has it mostly as an ordinary word or leaves it unannotated. NORP and WEAPON names are left out
(the corpus annotates neither), and so is a name that the regression corpus (REGRESSION_JSONL)
marks: its spans were checked by hand for this gazetteer. Writes every name with plain > 0 to OUT_TSV, the proposed ones
first, and prints the proposed names, one a line, for the stoplist; Documentation/Gazetteer.md describes
how they are taken into gazetteer/stoplist.txt.
"""

import json
import os
import sys

import gazdata

MIN_PLAIN = 2
MAX_RATIO = 0.5
LABELS = ("PERSON", "ORG", "COUNTRY", "PLACE")
GOLD_TYPES = ("NEP", "NEL", "NEO")
# The gold type of each label: a name's plain occurrences count only where its type is annotated.
GOLD_TYPE = {"PERSON": "NEP", "ORG": "NEO", "COUNTRY": "NEL", "PLACE": "NEL"}


def main(argv):
    if len(argv) != 5:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 64
    gazetteer_dir, train_path, regression_path, out_path = argv[1:]
    pinned = set()
    with open(regression_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                for span in doc["spans"]:
                    pinned.add(gazdata.matching_key(doc["text"][span["start"]:span["end"]]))
    names = {}
    for path, label in gazdata.read_manifest_files(gazetteer_dir):
        if label not in LABELS:
            continue
        for row in gazdata.read_tsv(path):
            for name in gazdata.names_of(row):
                key = gazdata.matching_key(name)
                if key:
                    names.setdefault(key, (gazdata.nfc(name), label, row["id"], os.path.basename(path)))
    evidence = gazdata.Evidence(train_path)
    evidence.count(set(names))
    rows = []
    for key, (name, label, eid, filename) in names.items():
        plain = evidence.plain(key, GOLD_TYPE[label])
        if plain == 0:
            continue
        seen = evidence.entity.get(key, {})
        gold = sum(seen.get(t, 0) for t in GOLD_TYPES)
        ratio = gold / (gold + plain)
        proposed = plain >= MIN_PLAIN and ratio < MAX_RATIO and key not in pinned
        rows.append((not proposed, -plain, key, name, label, eid, filename, gold, plain, ratio, proposed))
    rows.sort()
    with open(out_path, "w", encoding="utf-8") as f:
        f.write("# Names of the gazetteer that the IL-NER Hindi training corpus has unannotated, written by\n")
        f.write("# Scripts/generate-data/stoplist_evidence.py; 'stoplist' says whether the rule proposes it.\n")
        f.write("name\tlabel\tid\tfile\tgold\tplain\tratio\tstoplist\n")
        for *_, name, label, eid, filename, gold, plain, ratio, proposed in rows:
            f.write(f"{name}\t{label}\t{eid}\t{filename}\t{gold}\t{plain}\t{ratio:.3f}\t{'yes' if proposed else 'no'}\n")
    for *_, name, label, eid, filename, gold, plain, ratio, proposed in rows:
        if proposed:
            print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
