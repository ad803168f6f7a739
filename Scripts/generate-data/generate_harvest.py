"""Writes gazetteer/people-harvested.tsv, organisations-harvested.tsv and places-harvested.tsv:
the names that the gold annotation of the IL-NER Hindi training corpus marks and that the
gazetteer does not know yet.

Run it through Scripts/generate-harvest.sh; Documentation/Gazetteer.md describes the rule.

usage: generate_harvest.py GAZETTEER_DIR TRAIN_CONLL

A gold span (NEP person, NEO organisation, NEL location; other types are ignored) becomes a name
when, counted over the whole corpus by matching key:
  - one type has at least two thirds of its gold spans (otherwise it is contested);
  - it is that type's gold span at least MIN_COUNT times (MIN_COUNT_ONE_TOKEN for one token);
  - one token: it is not more often a part of longer names of that type than a name alone;
  - named / (named + plain) >= MIN_RATIO (MIN_RATIO_ONE_TOKEN for one token), where plain counts
    its occurrences with no token inside any gold span: the same words, not annotated;
  - it neither starts nor ends with a postposition or a conjunction, has no token that is
    punctuation, and is neither on the stoplist nor in harvest-exclude.txt beside this script;
  - no file of the gazetteer already has it (with a leading title such as श्री or डॉ. removed);
  - it is not a country, place or nationality word followed by सरकार (पश्चिम बंगाल सरकार is a
    place and a common noun, as the regression corpus pins; भारत सरकार is curated).
"""

import os
import sys
import unicodedata

import gazdata
import icu

MIN_COUNT = 1
MIN_COUNT_ONE_TOKEN = 2
MIN_RATIO = 0.5
MIN_RATIO_ONE_TOKEN = 0.75
MAJORITY = 2 / 3

TYPES = {"NEP": ("PERSON", "person", "people-harvested.tsv"),
         "NEO": ("ORG", "org", "organisations-harvested.tsv"),
         "NEL": ("PLACE", "place", "places-harvested.tsv")}

# Function words that a name neither starts nor ends with (keys: no nukta, anusvara folded).
EDGE_WORDS = {gazdata.matching_key(w) for w in (
    "का की के को में से ने पर तक ओर द्वारा लिए हेतु और एवं तथा या व है हैं था थी थे "
    "वाला वाली वाले यह वह ये वे इस उस इन उन जो जिस कि भी ही तो एक").split()}
# Titles that the gazetteer's spans leave out (Documentation/Gazetteer-curated.md).
TITLES = {gazdata.matching_key(w) for w in (
    "श्री श्रीमती सुश्री कुमारी डॉ डॉ. डा. डॉक्टर प्रो. प्रोफेसर श्रीमान माननीय स्वर्गीय स्व. "
    "मिस्टर मिसेज जनाब पंडित").split()}

GOVERNMENT = gazdata.matching_key("सरकार")
PLACE_LABELS = ("COUNTRY", "PLACE", "NORP")

_TRANSLIT = icu.Transliterator.createInstance("Devanagari-Latin; Latin-ASCII; Lower")


def slug(name):
    text = _TRANSLIT.transliterate(unicodedata.normalize("NFC", name))
    out = "".join(c if c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-") or "x"


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[2], file=sys.stderr)
        return 64
    gazetteer_dir, train_path = argv[1:]
    outputs = tuple(t[2] for t in TYPES.values())
    ids = set()
    owned = gazdata.owned_keys(gazetteer_dir, skip=outputs, ids=ids)
    stop = gazdata.read_stoplist(os.path.join(gazetteer_dir, "stoplist.txt"))
    excluded = gazdata.read_stoplist(os.path.join(os.path.dirname(os.path.abspath(__file__)), "harvest-exclude.txt"))
    evidence = gazdata.Evidence(train_path)
    evidence.count(set(evidence.entity))

    harvested = {t: [] for t in TYPES}
    counts = {"descriptive": 0, "contested": 0, "part": 0, "rare": 0, "ordinary": 0, "edge": 0, "stoplist": 0, "known": 0}
    for key in sorted(evidence.entity):
        seen = {t: n for t, n in evidence.entity[key].items() if t in TYPES}
        if not seen:
            continue
        kind, named = max(sorted(seen.items()), key=lambda item: item[1])
        tokens = key.split(" ")
        if named < MAJORITY * sum(evidence.entity[key].values()):
            counts["contested"] += 1
            continue
        one = len(tokens) == 1
        if named < (MIN_COUNT_ONE_TOKEN if one else MIN_COUNT):
            counts["rare"] += 1
            continue
        if one and evidence.token_in.get(key, {}).get(kind, 0) - named > named:
            counts["part"] += 1  # mostly a part of longer names (a given name): not a name alone
            continue
        plain = evidence.plain(key)
        if named / (named + plain) < (MIN_RATIO_ONE_TOKEN if one else MIN_RATIO):
            counts["ordinary"] += 1
            continue
        if any(not gazdata.has_devanagari(t) and not gazdata.has_latin(t) and not t.isdigit() for t in tokens) or \
                tokens[0] in EDGE_WORDS or tokens[-1] in EDGE_WORDS:
            counts["edge"] += 1
            continue
        if key in stop or key in excluded:
            counts["stoplist"] += 1
            continue
        if len(tokens) > 1 and tokens[-1] == GOVERNMENT and owned.get(" ".join(tokens[:-1]), ("",))[0] in PLACE_LABELS:
            counts["descriptive"] += 1  # पश्चिम बंगाल सरकार: a place and a common noun, not a name
            continue
        bare = tokens
        while len(bare) > 1 and bare[0] in TITLES:
            bare = bare[1:]
        if key in owned or " ".join(bare) in owned or len(bare) < len(tokens):
            counts["known"] += 1  # a title plus a name: the name's own entry, or none
            continue
        text = gazdata.nfc(evidence.first_seen[(key, kind)])
        harvested[kind].append((text, key, named, plain))

    for kind, (label, prefix, filename) in TYPES.items():
        rows = []
        used = set(ids)
        for text, key, named, plain in harvested[kind]:
            base = f"{prefix}:ilner:{slug(text)}"
            eid = base
            n = 2
            while eid in used:
                eid = f"{base}-{n}"
                n += 1
            used.add(eid)
            rows.append((eid, text, named, plain))
        rows.sort()
        lines = [
            f"# {label} names harvested from the gold annotation of the IL-NER Hindi training corpus",
            "# (CC BY 4.0; see LICENSE-IL-NER.md): 'gold' counts the name's gold spans, 'plain' its",
            "# occurrences outside any gold span. Generated by Scripts/generate-harvest.sh; do not edit:",
            "# to correct a name, add it to the stoplist or to a curated file and re-run the script.",
            "id\tname\tenglish\tgold\tplain\tsource",
        ]
        for eid, text, named, plain in rows:
            lines.append(f"{eid}\t{text}\t\t{named}\t{plain}\til-ner")
        with open(os.path.join(gazetteer_dir, filename), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"{filename}: {len(rows)} entries")
    print("not harvested: " + ", ".join(f"{n} {why}" for why, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
