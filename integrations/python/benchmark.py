#!/usr/bin/env python3
"""Times ``nlp.pipe`` with the gazetag component against the same blank ``hi`` pipeline with
spaCy's EntityRuler loaded with the bundled gazetteer exported as patterns
(``gazetag gazetteer export --format spacy``), on short documents, and counts each one's
entities against what ``gazetag tag --input jsonl`` finds alone.

Usage (from the repository's root, in an environment with spaCy and this package):

    python integrations/python/benchmark.py --binary .build/release/gazetag --mb 10

The documents are the sentences of Examples/*.txt, one to three to a document (``--sentences``), repeated
until the corpus has ``--mb`` MB of UTF-8 (or the lines of ``--corpus FILE``). Prints one JSON
object per pipeline and a summary line; Documentation/Performance.md has the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]


def documents(megabytes: float, corpus: str | None, sentences_per_doc: int = 3) -> list[str]:
    """Short documents of about `megabytes` MB in all."""
    if corpus:
        lines = pathlib.Path(corpus).read_text(encoding="utf-8").splitlines()
        sentences = [line for line in lines if line.strip()]
    else:
        sentences = []
        for path in sorted((REPOSITORY / "Examples").glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for part in re.split(r"(?<=[।?!])\s+|\n+", text):
                if part.strip():
                    sentences.append(part.strip())
    target = int(megabytes * 1_000_000)
    docs: list[str] = []
    size = 0
    index = 0
    while size < target:
        count = 1 + index % sentences_per_doc
        doc = " ".join(sentences[(index + k) % len(sentences)] for k in range(count))
        docs.append(doc)
        size += len(doc.encode("utf-8"))
        index += count
    return docs


def spans_of(doc) -> set:
    # The EntityRuler puts a pattern's id in ent.id_; the gazetag component in ent.kb_id_.
    return {(ent.start_char, ent.end_char, ent.label_, ent.kb_id_ or ent.id_) for ent in doc.ents}


def run_pipeline(name: str, nlp, docs: list[str], batch_size: int) -> tuple[dict, list[set]]:
    start = time.perf_counter()
    results = [spans_of(doc) for doc in nlp.pipe(docs, batch_size=batch_size)]
    seconds = time.perf_counter() - start
    megabytes = sum(len(doc.encode("utf-8")) for doc in docs) / 1e6
    return {
        "pipeline": name,
        "seconds": round(seconds, 3),
        "mb_per_s": round(megabytes / seconds, 2),
        "entities": sum(len(spans) for spans in results),
    }, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=os.environ.get("GAZETAG_BINARY", "gazetag"))
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--corpus", help="a text file whose lines are the documents")
    parser.add_argument(
        "--sentences", type=int, default=3, help="at most this many sentences a document (default 3)"
    )
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1, help="runs of each pipeline; best kept")
    args = parser.parse_args()

    import spacy

    import gazetag

    docs = documents(args.mb, args.corpus, args.sentences)
    megabytes = sum(len(doc.encode("utf-8")) for doc in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {megabytes:.2f} MB", file=sys.stderr)

    # gazetag alone, as the reference.
    with gazetag.Tagger(binary=args.binary) as tagger:
        start = time.perf_counter()
        reference = [
            {(s.start, s.end, s.label, s.id) for s in spans}
            for spans in tagger.tag_many(docs, batch_size=args.batch_size)
        ]
        alone = time.perf_counter() - start
    total = sum(len(spans) for spans in reference)
    print(
        json.dumps(
            {
                "pipeline": "gazetag Tagger.tag_many (no spaCy)",
                "seconds": round(alone, 3),
                "mb_per_s": round(megabytes / alone, 2),
                "entities": total,
            }
        )
    )

    # The gazetag component in a blank pipeline.
    nlp = spacy.blank("hi")
    nlp.add_pipe("gazetag", config={"binary": args.binary, "batch_size": args.batch_size})
    best = None
    for _ in range(args.runs):
        row, results = run_pipeline("spacy blank hi + gazetag", nlp, docs, args.batch_size)
        if best is None or row["seconds"] < best[0]["seconds"]:
            best = (row, results)
    row, results = best
    row["same_as_gazetag"] = sum(len(a & b) for a, b in zip(results, reference))
    print(json.dumps(row))
    nlp.get_pipe("gazetag").close()
    gazetag_row = row

    # spaCy's EntityRuler with the exported bundled gazetteer.
    with tempfile.TemporaryDirectory() as scratch:
        patterns_path = os.path.join(scratch, "bundled.jsonl")
        subprocess.run(
            [args.binary, "gazetteer", "export", "--format", "spacy", "-o", patterns_path],
            check=True,
        )
        with open(patterns_path, encoding="utf-8") as file:
            patterns = [json.loads(line) for line in file]
    ruler_rows = []
    for name, chosen in [
        ("spacy blank hi + EntityRuler", patterns),
        (
            "spacy blank hi + EntityRuler, phrase patterns only (no designator families)",
            [p for p in patterns if isinstance(p["pattern"], str)],
        ),
    ]:
        ruler_nlp = spacy.blank("hi")
        start = time.perf_counter()
        ruler = ruler_nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(chosen)
        load = time.perf_counter() - start
        best = None
        for _ in range(args.runs):
            row, results = run_pipeline(name, ruler_nlp, docs, args.batch_size)
            if best is None or row["seconds"] < best[0]["seconds"]:
                best = (row, results)
        row, results = best
        row["patterns"] = len(chosen)
        row["load_seconds"] = round(load, 3)
        row["same_as_gazetag"] = sum(len(a & b) for a, b in zip(results, reference))
        print(json.dumps(row))
        ruler_rows.append(row)

    # spaCy's tokenizer alone: the floor of any blank pipeline.
    tokenizer_nlp = spacy.blank("hi")
    start = time.perf_counter()
    for _ in tokenizer_nlp.pipe(docs, batch_size=args.batch_size):
        pass
    tokenizer_seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "pipeline": "spacy blank hi (tokenizer only)",
                "seconds": round(tokenizer_seconds, 3),
                "mb_per_s": round(megabytes / tokenizer_seconds, 2),
            }
        )
    )
    for row in ruler_rows:
        print(
            f"gazetag component {row['seconds'] / gazetag_row['seconds']:.1f}x faster than "
            f"{row['pipeline']}; of gazetag's {total} entities the component finds "
            f"{gazetag_row['same_as_gazetag']}, the EntityRuler {row['same_as_gazetag']} "
            f"({row['entities']} in all)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
