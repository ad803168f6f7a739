"""Measures the precision of the spans one context rule makes on a CoNLL corpus: the share of
them that a gold span of the expected type covers exactly.

usage: rule_precision.py GAZETAG CONLL RULE_ID GOLD_TYPE [GAZETTEER_DIR]

Sentences are tagged (tokens joined by spaces) with `GAZETAG tag --input jsonl --rules all`
(and `--gazetteer GAZETTEER_DIR` when given: a fold gazetteer of `learn_rules.py --keep`);
spans whose "rule" is RULE_ID are compared with the gold spans of type GOLD_TYPE (e.g. NEP).
"""

import json
import subprocess
import sys

from learn_rules import gold_spans, jsonl_of, sentences, token_starts


def main():
    gazetag, path, rule, gold_type = sys.argv[1:5]
    gazetteer = ["--gazetteer", sys.argv[5]] if len(sys.argv) > 5 else []
    corpus = list(sentences(path))
    text = jsonl_of(corpus)
    out = subprocess.run(
        [gazetag, "tag", "--input", "jsonl", "--rules", "all"] + gazetteer + ["-"],
        input=text.encode(), capture_output=True, check=True).stdout.decode()
    made = right = 0
    examples = []
    for (tokens, tags), line in zip(corpus, out.splitlines()):
        starts = token_starts(tokens)
        gold = gold_spans(tags)
        for span in json.loads(line)["spans"]:
            if span.get("rule") != rule:
                continue
            made += 1
            first = starts.index(span["start"]) if span["start"] in starts else None
            ends = [i + 1 for i, s in enumerate(starts) if s + len(tokens[i]) == span["end"]]
            ok = first is not None and ends and (first, ends[0], gold_type) in gold
            right += 1 if ok else 0
            examples.append(("+" if ok else "-") + " " + span["text"])
    print(f"{rule}: {right}/{made} = {right / made if made else 0:.2f}")
    for example in examples:
        print("  " + example)


if __name__ == "__main__":
    main()
