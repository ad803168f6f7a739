import json
import os
import signal
import subprocess

import pytest

from gazetag import GazetagError, Span, Tagger


def test_tag_gives_the_spans_of_the_command_line(binary, example_text, cli_spans):
    with Tagger(binary=binary) as tagger:
        spans = tagger.tag(example_text)
    assert spans, "the example text has entities"
    assert [
        (s.start, s.end, s.label, s.text, s.id, s.name) for s in spans
    ] == [(s["start"], s["end"], s["label"], s["text"], s["id"], s["name"]) for s in cli_spans]
    for span in spans:
        assert example_text[span.start : span.end] == span.text


def test_offsets_are_python_string_offsets(binary):
    text = "😀\U0001F1EE\U0001F1F3 \ud800 रूस ने ह्वासोंग-१७ दागी"
    with Tagger(binary=binary) as tagger:
        spans = tagger.tag(text)
    assert [(text[s.start : s.end], s.label, s.id) for s in spans] == [
        ("रूस", "COUNTRY", "RU"),
        ("ह्वासोंग-१७", "WEAPON", "weapon:hwasong"),
    ]
    assert spans[1].designator == "17"
    assert spans[0].designator is None
    assert isinstance(spans[0], Span)


def test_labels_and_overlaps_are_passed_on(binary):
    text = "उत्तर कोरिया के किम जोंग उन"
    with Tagger(binary=binary, labels=["PERSON"]) as tagger:
        assert [s.label for s in tagger.tag(text)] == ["PERSON"]
    with Tagger(binary=binary, labels="PERSON,COUNTRY") as tagger:
        assert {s.label for s in tagger.tag(text)} == {"PERSON", "COUNTRY"}


def test_tag_many_streams_large_batches_without_deadlock(binary):
    texts = [f"{i} रूस और भारत की बैठक" for i in range(30000)]
    texts.append("किम जोंग उन " * 200000)  # one text of several MB
    with Tagger(binary=binary) as tagger:
        results = list(tagger.tag_many(iter(texts), batch_size=len(texts)))
        assert tagger.processes_started == 1
    assert len(results) == len(texts)
    assert all([s.id for s in spans] == ["RU", "IN"] for spans in results[:-1])
    assert len(results[-1]) == 200000


def test_tag_many_keeps_order_across_batches(binary):
    texts = ["रूस", "", "भारत", "कुछ नहीं", "चीन"] * 7
    with Tagger(binary=binary) as tagger:
        results = list(tagger.tag_many(texts, batch_size=3))
    assert [[s.id for s in spans] for spans in results] == [["RU"], [], ["IN"], [], ["CN"]] * 7


def test_a_dead_process_raises(binary):
    tagger = Tagger(binary=binary)
    os.kill(tagger.pid, signal.SIGKILL)
    with pytest.raises(GazetagError) as raised:
        tagger.tag("रूस")
    assert raised.value.returncode == -signal.SIGKILL
    with pytest.raises(GazetagError):
        tagger.tag("रूस")
    tagger.close()


def test_a_bad_gazetteer_raises_with_gazetags_message(binary, tmp_path):
    (tmp_path / "manifest.json").write_text(
        '{"format": 1, "labels": [{"name": "PLACE"}], "files": [{"path": "p.tsv"}]}',
        encoding="utf-8",
    )
    (tmp_path / "p.tsv").write_text("id\tname\tlabel\nx\tरूस\tPLACX\n", encoding="utf-8")
    with pytest.raises(GazetagError) as raised:
        Tagger(binary=binary, gazetteer=str(tmp_path))
    assert raised.value.returncode == 2
    assert "p.tsv:2: unknown label 'PLACX'" in str(raised.value)
    assert "p.tsv:2: unknown label 'PLACX'" in raised.value.stderr

    with pytest.raises(GazetagError, match="no such file or directory"):
        Tagger(binary=binary, gazetteer=str(tmp_path / "missing"))
    with pytest.raises(GazetagError, match="unknown label 'NOPE'"):
        Tagger(binary=binary, labels=["NOPE"])


def test_a_missing_binary_raises(tmp_path, monkeypatch):
    with pytest.raises(GazetagError, match="not an executable"):
        Tagger(binary=str(tmp_path / "gazetag"))
    monkeypatch.delenv("GAZETAG_BINARY", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GazetagError, match="not found"):
        Tagger()


def test_the_binary_is_found_through_the_environment_and_path(binary, monkeypatch):
    monkeypatch.setenv("GAZETAG_BINARY", binary)
    with Tagger() as tagger:
        assert tagger.binary == os.path.abspath(binary)
    monkeypatch.delenv("GAZETAG_BINARY")
    monkeypatch.setenv("PATH", os.path.dirname(os.path.abspath(binary)))
    with Tagger() as tagger:
        assert [s.id for s in tagger.tag("रूस")] == ["RU"]


def test_the_context_manager_ends_the_process(binary):
    with Tagger(binary=binary) as tagger:
        process = tagger._process
        assert process.poll() is None
    assert process.poll() == 0
    assert tagger.pid is None
    with pytest.raises(GazetagError, match="closed"):
        tagger.tag("रूस")


def test_an_abandoned_tag_many_does_not_disturb_the_next_call(binary):
    with Tagger(binary=binary) as tagger:
        results = tagger.tag_many(["रूस"] * 10, batch_size=3)
        assert [s.id for s in next(results)] == ["RU"]
        results.close()
        assert [s.id for s in tagger.tag("भारत")] == ["IN"]
        assert [[s.id for s in spans] for spans in tagger.tag_many(["चीन"] * 5, batch_size=2)] == [
            ["CN"]
        ] * 5


def test_tag_between_the_batches_of_a_suspended_tag_many(binary):
    with Tagger(binary=binary) as tagger:
        results = tagger.tag_many(["रूस", "भारत"] * 3, batch_size=2)
        first = next(results)
        assert [s.id for s in tagger.tag("चीन")] == ["CN"]
        rest = list(results)
    assert [[s.id for s in spans] for spans in [first] + rest] == [["RU"], ["IN"]] * 3
