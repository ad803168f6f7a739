#!/usr/bin/env python3
"""Writes a synthetic gazetteer FACTOR times the size of a gazetteer directory, for the start-up
benchmark: every data row is kept, and FACTOR - 1 copies of it follow with their own id and
names and aliases made distinct by a trailing number token (`रूस 2`), so that the trie grows
like a real gazetteer's would. The other files the manifest names (its rules and stoplist) are
copied as they are.

    synthetic_gazetteer.py SOURCE-DIR FACTOR OUT-DIR
"""
import json
import os
import shutil
import sys


def main():
    source, factor, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(out)
    manifest = json.load(open(os.path.join(source, "manifest.json"), encoding="utf-8"))
    shutil.copy(os.path.join(source, "manifest.json"), out)
    for key, default in (("rules", "rules.tsv"), ("stoplist", "stoplist.txt")):
        name = manifest.get(key, default)
        if os.path.exists(os.path.join(source, name)):
            shutil.copy(os.path.join(source, name), out)
    for item in manifest["files"]:
        lines = open(os.path.join(source, item["path"]), encoding="utf-8").read().splitlines()
        header = None
        rows = []
        for line in lines:
            if not line.strip() or line.startswith("#"):
                continue
            if header is None:
                header = line.split("\t")
                continue
            rows.append(line.split("\t"))
        columns = {name: index for index, name in enumerate(header)}
        with open(os.path.join(out, item["path"]), "w", encoding="utf-8") as f:
            f.write("\t".join(header) + "\n")
            for copy in range(factor):
                for row in rows:
                    row = row + [""] * (len(header) - len(row))
                    if copy:
                        row[columns["id"]] = f"{row[columns['id']]}~{copy}"
                        row[columns["name"]] = f"{row[columns['name']]} {copy + 1}"
                        if "aliases" in columns and row[columns["aliases"]]:
                            row[columns["aliases"]] = "|".join(
                                f"{alias} {copy + 1}"
                                for alias in row[columns["aliases"]].split("|"))
                    f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
