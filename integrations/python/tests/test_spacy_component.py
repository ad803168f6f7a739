import os
import signal
import subprocess
import sys

import pytest
import spacy

from gazetag import GazetagError


@pytest.fixture
def nlp(binary):
    nlp = spacy.blank("hi")
    nlp.add_pipe("gazetag", config={"binary": binary})
    yield nlp
    nlp.get_pipe("gazetag").close()


def test_the_component_is_registered_by_entry_point(binary):
    # A fresh interpreter that never imports gazetag itself.
    code = (
        "import spacy; nlp = spacy.blank('hi'); "
        f"nlp.add_pipe('gazetag', config={{'binary': {binary!r}}}); "
        "print([(e.text, e.label_, e.kb_id_) for e in nlp('रूस और भारत').ents])"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert output.strip() == "[('रूस', 'COUNTRY', 'RU'), ('भारत', 'COUNTRY', 'IN')]"


def test_doc_ents_equal_the_command_line_spans(nlp, example_text, cli_spans):
    doc = nlp(example_text)
    assert len(cli_spans) > 10
    assert [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents] == [
        (s["start"], s["end"], s["label"], s["id"]) for s in cli_spans
    ]


def test_nlp_pipe_runs_through_one_process(nlp):
    component = nlp.get_pipe("gazetag")
    pid = component.tagger.pid
    texts = [f"बैठक {i}: रूस और भारत" if i % 2 else f"कुछ नहीं {i}" for i in range(10000)]
    docs = list(nlp.pipe(texts, batch_size=256))
    assert len(docs) == 10000
    assert component.tagger.pid == pid
    assert component.tagger.processes_started == 1
    children = subprocess.run(
        ["ps", "-o", "pid=,comm=", "--ppid", str(os.getpid())], capture_output=True, text=True
    ).stdout.splitlines()
    assert [line.split()[0] for line in children if line.split()[1] == "gazetag"] == [str(pid)]
    assert all([e.kb_id_ for e in doc.ents] == ["RU", "IN"] for doc in docs[1::2])
    assert all(not doc.ents for doc in docs[0::2])


def test_spans_key_keeps_overlaps(binary):
    nlp = spacy.blank("hi")
    nlp.add_pipe(
        "gazetag", config={"binary": binary, "overlaps": "all", "spans_key": "gazetag"}
    )
    doc = nlp("नई दिल्ली में")
    spans = [(s.text, s.label_, s.kb_id_) for s in doc.spans["gazetag"]]
    assert spans == [
        ("नई दिल्ली", "PLACE", "place:new-delhi"),
        ("दिल्ली", "PLACE", "place:sd:indl"),
    ]
    assert doc.ents == ()
    nlp.get_pipe("gazetag").close()
    with pytest.raises(ValueError, match="spans_key"):
        spacy.blank("hi").add_pipe("gazetag", config={"binary": binary, "overlaps": "all"})


def test_existing_entities_win_unless_overwritten(binary):
    def preset(doc):
        doc.ents = [doc.char_span(0, 3, label="MINE")]
        return doc

    for overwrite, expected in [(False, ["MINE", "COUNTRY"]), (True, ["COUNTRY", "COUNTRY"])]:
        nlp = spacy.blank("hi")
        spacy.language.Language.component("preset_ents", func=preset)
        nlp.add_pipe("preset_ents")
        nlp.add_pipe("gazetag", config={"binary": binary, "overwrite_ents": overwrite})
        doc = nlp("रूस और भारत")
        assert [e.label_ for e in doc.ents] == expected
        nlp.get_pipe("gazetag").close()


def test_a_dead_process_raises(nlp):
    os.kill(nlp.get_pipe("gazetag").tagger.pid, signal.SIGKILL)
    with pytest.raises(GazetagError, match="ended unexpectedly"):
        nlp("रूस")


def test_a_bad_gazetteer_raises(binary, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"label": "PLACE", "pattern": [{"SHAPE": "dd"}]}\n', encoding="utf-8")
    with pytest.raises(GazetagError, match="bad.jsonl:1: token-list patterns"):
        spacy.blank("hi").add_pipe("gazetag", config={"binary": binary, "gazetteer": str(bad)})


def test_an_abandoned_nlp_pipe_does_not_disturb_the_next_call(nlp):
    docs = nlp.pipe(["रूस"] * 10, batch_size=3)
    assert [e.kb_id_ for e in next(docs).ents] == ["RU"]
    docs.close()
    assert [e.kb_id_ for e in nlp("भारत").ents] == ["IN"]
