"""Computes the expected scores of SeqevalCrossCheckTests with seqeval, independently of
gazetag's own scoring: it reads the CoNLL file itself, joins each sentence's tokens with single
spaces, has `gazetag tag --input jsonl` tag the sentences, turns the spans back into IOB2 tags
of the tokens they touch (our labels renamed by the label map, unmapped ones dropped) and lets
seqeval score those tags against the gold column in its default mode.

Usage (from the repository root, after `swift build`):
    python3 Tests/GazetagTests/Fixtures/evaluation/seqeval/crosscheck.py \
        .build/debug/gazetag > Tests/GazetagTests/Fixtures/evaluation/seqeval/news.iob2.seqeval.json
"""

import importlib.metadata
import json
import os
import platform
import subprocess
import sys

from seqeval.metrics import classification_report, f1_score, precision_score, recall_score
from seqeval.metrics.sequence_labeling import get_entities

HERE = os.path.dirname(os.path.abspath(__file__))
CONLL = os.path.join(HERE, "..", "news.iob2.conll")
GAZETTEER = os.path.join(HERE, "..", "gazetteer")
LABEL_MAP = {"PERSON": "PER", "PLACE": "LOC", "COUNTRY": "LOC", "ORG": "ORG", "NORP": "NORP"}

# Tag sequences whose decoding differs between careless readers; BILOU's L and U are given to
# seqeval as E and S, which it knows.
EDGE_CASES = [
    ["O", "I-PER", "I-PER", "O"],
    ["B-PER", "I-LOC", "I-LOC"],
    ["B-PER", "B-PER", "I-PER"],
    ["I-PER", "B-PER", "I-PER"],
    ["I-LOC", "I-LOC", "B-LOC", "O", "I-ORG"],
    ["B-PER", "I-PER", "E-PER", "S-LOC", "O", "E-ORG", "I-ORG"],
    ["S-PER", "I-PER", "E-PER"],
    ["E-PER", "E-PER"],
    ["B-PER", "O", "I-PER", "E-PER"],
    ["B-MISC-X", "I-MISC-X", "I-MISC"],
    ["B-PER", "L-PER", "U-LOC", "I-LOC", "L-LOC"],
]


def read_conll(path):
    sentences, current = [], []
    with open(path, encoding="utf-8") as file:
        for line in file:
            fields = line.rstrip("\n").split("\t")
            if not line.strip() or fields[0] == "-DOCSTART-":
                if current:
                    sentences.append(current)
                current = []
                continue
            current.append((fields[0], fields[-1]))
    if current:
        sentences.append(current)
    return sentences


def predicted_tags(binary, sentences):
    records = [{"text": " ".join(token for token, _ in sentence)} for sentence in sentences]
    tagged = subprocess.run(
        [binary, "tag", "--input", "jsonl", "--gazetteer", GAZETTEER],
        input="".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records),
        capture_output=True, text=True, check=True).stdout.splitlines()
    result = []
    for sentence, line in zip(sentences, tagged):
        starts, offset = [], 0
        for token, _ in sentence:
            starts.append((offset, offset + len(token)))
            offset += len(token) + 1
        tags = ["O"] * len(sentence)
        for span in json.loads(line)["spans"]:
            label = LABEL_MAP.get(span["label"])
            if label is None:
                continue
            touched = [i for i, (s, e) in enumerate(starts) if s < span["end"] and span["start"] < e]
            for position, index in enumerate(touched):
                tags[index] = ("B-" if position == 0 else "I-") + label
        result.append(tags)
    return result


def main():
    sentences = read_conll(CONLL)
    y_true = [[tag for _, tag in sentence] for sentence in sentences]
    y_pred = predicted_tags(sys.argv[1], sentences)
    report = classification_report(y_true, y_pred, digits=4, output_dict=True)
    labels = {
        name: {"precision": values["precision"], "recall": values["recall"],
               "f1": values["f1-score"], "support": int(values["support"])}
        for name, values in report.items() if not name.endswith(" avg")
    }
    chunks = []
    for tags in EDGE_CASES:
        spelled = [{"L": "E", "U": "S"}.get(tag[0], tag[0]) + tag[1:] for tag in tags]
        chunks.append({"tags": tags, "entities": [list(entity) for entity in get_entities(spelled)]})
    json.dump({
        "command": "python3 Tests/GazetagTests/Fixtures/evaluation/seqeval/crosscheck.py .build/debug/gazetag",
        "setup": "pip install seqeval==1.2.2",
        "seqeval": importlib.metadata.version("seqeval"),
        "scikit-learn": importlib.metadata.version("scikit-learn"),
        "python": platform.python_version(),
        "mode": "default (conlleval rules), zero_division 0",
        "label_map": LABEL_MAP,
        "labels": labels,
        "micro": {"precision": precision_score(y_true, y_pred), "recall": recall_score(y_true, y_pred),
                  "f1": f1_score(y_true, y_pred)},
        "macro": {"precision": report["macro avg"]["precision"], "recall": report["macro avg"]["recall"],
                  "f1": report["macro avg"]["f1-score"]},
        "report": classification_report(y_true, y_pred, digits=4),
        "y_pred": y_pred,
        "chunks": chunks,
    }, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
