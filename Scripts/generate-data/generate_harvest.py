"""Writes gazetteer/people-harvested.tsv, organisations-harvested.tsv and places-harvested.tsv:
the names that the gold annotation of the IL-NER Hindi training corpus marks and that the
gazetteer does not know yet.

Run it through Scripts/generate-harvest.sh; Documentation/Gazetteer.md describes the rule.

usage: generate_harvest.py GAZETTEER_DIR HARVEST_DIR [--person-filter NAME]

--person-filter picks another one-token rule for PERSON names (ORG and PLACE keep theirs), for
measuring the rule (Scripts/generate-data/harvest_cv.py); the default is the bundled one.

HARVEST_DIR is what `gazetag gazetteer harvest` wrote from the training corpus with the gold
labels kept (so that a name the corpus also marks as a number or a time, NEN or NETI, is
contested): the counting (gold_count, unannotated, ratio), the 80% label majority, the least
ratio of 0.5, the stoplist, edge punctuation and trailing postpositions are gazetag's. This script
reads its NEP (PERSON), NEO (ORG) and NEL (PLACE) files and only chooses, from those names and
their counts, the ones the bundled gazetteer takes:
  - one token: gold_count >= MIN_COUNT_ONE_TOKEN and ratio >= MIN_RATIO_ONE_TOKEN (a single word
    must be a name far more often than not), and the word is not more often a part of the longer
    harvested names of its type (counted by their gold_count) than a name alone (a given name
    such as कृष्ण);
  - it does not start with a function word (का, और, यह, …: the harvest only checks the end) and
    has no token that is punctuation (बी. शिवरामन, आईआईटी , दिल्ली: initials and lists whose
    spelling varies);
  - it is not in harvest-exclude.txt beside this script;
  - no file of the gazetteer already has it (with a leading title such as श्री or डॉ. removed:
    a title plus a name is the name's own entry, or none);
  - it is not a country, place or nationality word followed by सरकार (पश्चिम बंगाल सरकार is a
    place and a common noun, as the regression corpus pins; भारत सरकार is curated).
Aliases that another file has are dropped from the alias list.
"""

import os
import sys
import unicodedata

import gazdata
import icu

MIN_COUNT_ONE_TOKEN = 2
MIN_RATIO_ONE_TOKEN = 0.75

# One-token rules for PERSON names that harvest_cv.py compares: (least gold_count, least ratio,
# whether a word more often inside longer names than alone is left out). "bundled" is the rule
# of the gazetteer (Documentation/Gazetteer.md, "Harvested names").
PERSON_FILTERS = {
    "bundled": (MIN_COUNT_ONE_TOKEN, MIN_RATIO_ONE_TOKEN, True),
    "no-part-of": (MIN_COUNT_ONE_TOKEN, MIN_RATIO_ONE_TOKEN, False),
    "count-1": (1, MIN_RATIO_ONE_TOKEN, True),
    "ratio-0.5": (MIN_COUNT_ONE_TOKEN, 0.5, True),
    "count-1-no-part-of": (1, MIN_RATIO_ONE_TOKEN, False),
    "ratio-0.5-no-part-of": (MIN_COUNT_ONE_TOKEN, 0.5, False),
    "count-3": (3, MIN_RATIO_ONE_TOKEN, True),
    "ratio-0.9": (MIN_COUNT_ONE_TOKEN, 0.9, True),
    "count-3-no-part-of": (3, MIN_RATIO_ONE_TOKEN, False),
    "no-one-token": (10**9, 1.0, True),
}

# harvest file -> (label, id prefix, gazetteer file)
TYPES = {"nep.tsv": ("PERSON", "person", "people-harvested.tsv"),
         "neo.tsv": ("ORG", "org", "organisations-harvested.tsv"),
         "nel.tsv": ("PLACE", "place", "places-harvested.tsv")}

# Function words that a name does not start with (keys: no nukta, anusvara folded).
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
    person_filter = "bundled"
    if len(argv) == 5 and argv[3] == "--person-filter" and argv[4] in PERSON_FILTERS:
        person_filter = argv[4]
    elif len(argv) != 3:
        print(__doc__.split("\n\n")[2], file=sys.stderr)
        return 64
    gazetteer_dir, harvest_dir = argv[1:3]
    outputs = tuple(t[2] for t in TYPES.values())
    ids = set()
    owned = gazdata.owned_keys(gazetteer_dir, skip=outputs, ids=ids)
    excluded = gazdata.read_stoplist(os.path.join(os.path.dirname(os.path.abspath(__file__)), "harvest-exclude.txt"))

    counts = {"rare or ordinary one-token": 0, "part of longer names": 0, "leading function word or punctuation": 0, "excluded": 0, "known": 0,
              "descriptive": 0}
    taken = set()
    for source, (label, prefix, filename) in TYPES.items():
        min_count, min_ratio, part_of_rule = MIN_COUNT_ONE_TOKEN, MIN_RATIO_ONE_TOKEN, True
        if label == "PERSON":
            min_count, min_ratio, part_of_rule = PERSON_FILTERS[person_filter]
        rows = []
        used = set(ids)
        harvested = gazdata.read_tsv(os.path.join(harvest_dir, source))
        part_of = {}  # token key -> gold spans of longer names of this type that hold it
        for row in harvested:
            tokens = gazdata.matching_key(row["name"]).split(" ")
            if len(tokens) > 1:
                for token in set(tokens):
                    part_of[token] = part_of.get(token, 0) + int(row["gold_count"])
        for row in harvested:
            name = gazdata.nfc(row["name"])
            key = gazdata.matching_key(name)
            tokens = key.split(" ")
            gold, plain, ratio = int(row["gold_count"]), int(row["unannotated"]), float(row["ratio"])
            if len(tokens) == 1 and (gold < min_count or ratio < min_ratio):
                counts["rare or ordinary one-token"] += 1
                continue
            if len(tokens) == 1 and part_of_rule and part_of.get(key, 0) > gold:
                counts["part of longer names"] += 1
                continue
            if tokens[0] in EDGE_WORDS or \
                    any(not gazdata.has_devanagari(t) and not gazdata.has_latin(t) and not t.isdigit() for t in tokens):
                counts["leading function word or punctuation"] += 1
                continue
            if key in excluded:
                counts["excluded"] += 1
                continue
            if len(tokens) > 1 and tokens[-1] == GOVERNMENT and \
                    owned.get(" ".join(tokens[:-1]), ("",))[0] in PLACE_LABELS:
                counts["descriptive"] += 1  # पश्चिम बंगाल सरकार: a place and a common noun, not a name
                continue
            bare = tokens
            while len(bare) > 1 and bare[0] in TITLES:
                bare = bare[1:]
            if key in owned or key in taken or " ".join(bare) in owned or len(bare) < len(tokens):
                counts["known"] += 1  # a title plus a name: the name's own entry, or none
                continue
            taken.add(key)
            aliases = []
            for alias in gazdata.names_of({"aliases": row.get("aliases", "")}):
                k = gazdata.matching_key(alias)
                if k and k not in owned and k not in taken:
                    taken.add(k)
                    aliases.append(gazdata.nfc(alias))
            base = f"{prefix}:ilner:{slug(name)}"
            eid = base
            n = 2
            while eid in used:
                eid = f"{base}-{n}"
                n += 1
            used.add(eid)
            rows.append((eid, name, "|".join(aliases), gold, plain))
        rows.sort()
        lines = [
            f"# {label} names harvested from the gold annotation of the IL-NER Hindi training corpus",
            "# (CC BY 4.0; see LICENSE-IL-NER.md): 'gold' counts the name's gold spans, 'plain' its",
            "# occurrences outside any gold span. Generated by Scripts/generate-harvest.sh; do not edit:",
            "# to correct a name, add it to the stoplist or to a curated file and re-run the script.",
            "id\tname\taliases\tenglish\tgold\tplain\tsource",
        ]
        for eid, name, aliases, gold, plain in rows:
            lines.append(f"{eid}\t{name}\t{aliases}\t\t{gold}\t{plain}\til-ner")
        with open(os.path.join(gazetteer_dir, filename), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"{filename}: {len(rows)} entries")
    print("not taken: " + ", ".join(f"{n} {why}" for why, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
