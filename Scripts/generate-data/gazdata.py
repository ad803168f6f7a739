"""Shared pieces of the Python gazetteer generators (generate_places.py, generate_harvest.py).

- matching keys computed the way gazetag computes them under the `standard` profile (ICU word
  break, NFC, nukta/chandrabindu/candra-o/nasal folds; see Documentation/GazetteerFormat.md),
  a port of Scripts/generate-cldr/matching_key.cpp;
- reading gazetteer TSV files and the stoplist;
- the evidence of an IOB2 CoNLL training corpus: how often a token sequence is a gold name of
  each type, and how often it occurs at all.

Needs PyICU (Debian's python3-icu).
"""

import collections
import os
import re
import unicodedata

import icu

_WORDS = icu.BreakIterator.createWordInstance(icu.Locale("hi"))
_DROP = {0x200C, 0x200D, 0x00AD, 0x2060, 0xFEFF, 0x093C, 0x002D, 0x2010, 0x2011, 0x2012,
         0x2013, 0x2014, 0x2015, 0x2212}
_MAP = {0x0929: 0x0928, 0x0931: 0x0930, 0x0934: 0x0933, 0x0901: 0x0902, 0x0949: 0x093E,
        0x0911: 0x0906}
_NASALS = {0x0919, 0x091E, 0x0923, 0x0928, 0x092E}


def _is_consonant(c):
    return 0x0915 <= c <= 0x0939 or 0x0958 <= c <= 0x095F


def _consonant_follows(token, i):
    while i < len(token):
        c = ord(token[i])
        if c in (0x200C, 0x200D, 0x093C):
            i += 1
            continue
        return _is_consonant(c)
    return False


def token_key(raw):
    """One token's key under the standard profile; mirrors gazetag's Normalizer."""
    token = unicodedata.normalize("NFC", raw)
    key = []
    only_space = True
    for i, ch in enumerate(token):
        c = ord(ch)
        if not ch.isspace():
            only_space = False
        if c in _DROP:
            continue
        if c in _MAP:
            key.append(chr(_MAP[c]))
            continue
        if c == 0x094D and key and ord(key[-1]) in _NASALS and _consonant_follows(token, i + 1):
            key[-1] = "\u0902"
            continue
        if 0x0966 <= c <= 0x096F:
            key.append(chr(c - 0x0966 + ord("0")))
        elif ord("A") <= c <= ord("Z"):
            key.append(chr(c + 0x20))
        elif 0xC0 <= c < 0x250:
            key.append(ch.lower())
        else:
            key.append(ch)
    if only_space:
        return ""
    return "".join(key)


def word_spans(text):
    """The ICU word-break segments of `text` as (start, end) in code points."""
    ustr = icu.UnicodeString(text)
    _WORDS.setText(ustr)
    bounds = [0]
    # ICU works in UTF-16; convert its boundaries to code-point offsets.
    utf16_to_cp = {}
    cp = 0
    u16 = 0
    for ch in text:
        utf16_to_cp[u16] = cp
        u16 += 2 if ord(ch) > 0xFFFF else 1
        cp += 1
    utf16_to_cp[u16] = cp
    b = _WORDS.first()
    bounds = []
    while b != icu.BreakIterator.DONE:
        bounds.append(utf16_to_cp[b])
        b = _WORDS.nextBoundary()
    return list(zip(bounds, bounds[1:]))


def key_tokens(text):
    """The matching-key tokens of `text` (separators left out), with their code-point spans."""
    out = []
    for start, end in word_spans(text):
        k = token_key(text[start:end])
        if k:
            out.append((k, start, end))
    return out


def matching_key(name):
    """The matching key of a name: its token keys joined by single spaces."""
    return " ".join(k for k, _, _ in key_tokens(name))


def nfc(text):
    return unicodedata.normalize("NFC", text)


_DEVANAGARI_LETTER = re.compile("[\u0904-\u0939\u093D\u0950\u0958-\u0961\u0972-\u097F]")
_LATIN_LETTER = re.compile("[A-Za-z\u00C0-\u024F]")


def has_devanagari(text):
    return bool(_DEVANAGARI_LETTER.search(text))


def has_latin(text):
    return bool(_LATIN_LETTER.search(text))


def read_tsv(path):
    """The rows of a gazetteer TSV file as dicts (comment and blank lines skipped)."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = [x.strip() for x in line.split("\t")]
            if header is None:
                header = fields
                continue
            if len(fields) > len(header):
                raise SystemExit(f"{path}:{number}: more fields than the header has")
            row = dict(zip(header, fields + [""] * (len(header) - len(fields))))
            row["_where"] = f"{path}:{number}"
            rows.append(row)
    return rows


def names_of(row):
    """The name and aliases of a row, in order, without duplicates."""
    out = []
    for n in [row.get("name", "")] + row.get("aliases", "").split("|"):
        n = n.strip()
        if n and n not in out:
            out.append(n)
    return out


def read_stoplist(path):
    """The matching keys of the stoplist's words."""
    keys = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            word = line.split("#", 1)[0].strip()
            if word:
                keys.add(matching_key(word))
    return keys


def read_manifest_files(gazetteer_dir):
    """(path, label) of every data file the manifest names, in order."""
    import json

    with open(os.path.join(gazetteer_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    return [(os.path.join(gazetteer_dir, e["path"]), e.get("label", "")) for e in manifest["files"]]


def owned_keys(gazetteer_dir, skip=(), ids=None):
    """key -> (label, id) of every name and alias in the gazetteer, except the files in `skip`.

    Adds every entry's id to the set `ids` when one is given."""
    owned = {}
    for path, label in read_manifest_files(gazetteer_dir):
        if os.path.basename(path) in skip or not os.path.exists(path):
            continue
        for row in read_tsv(path):
            if ids is not None:
                ids.add(row["id"])
            for n in names_of(row):
                owned.setdefault(matching_key(n), (row.get("label") or label, row["id"]))
    return owned


# --- training-corpus evidence ---

def read_conll(path):
    """Sentences of an IOB2 CoNLL file as lists of (token, tag). Malformed tags read as O."""
    sentences = []
    current = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split("\t") if "\t" in line else line.split()
            token, tag = parts[0], parts[-1] if len(parts) > 1 else "O"
            if not re.fullmatch(r"[BI]-[A-Z]+", tag):
                tag = "O"
            current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


class Evidence:
    """What a training corpus says about token sequences (by matching key).

    `entity[key][type]` counts the gold spans of that type whose text has the key; for the
    keys that `count()` was asked about, `total[key]` counts every occurrence of the key's token
    sequence and `plain(key)` those with no token inside any gold span (the ordinary word).
    `plain(key, type)` counts only in the sentences up to the last one with a gold span of that
    type: the IL-NER Hindi training split is annotated only in part (NEP spans stop after its
    774th sentence, NEL after the 5,099th, NEO after the 5,575th, and its last 5,386 sentences
    have none), and a name in the unannotated part is no evidence of an ordinary word.
    Sentences are tagged as their tokens joined by single spaces, as `gazetag coverage` does.
    """

    MAX_TOKENS = 12

    def __init__(self, path):
        self.path = path
        self.sentences = []  # lists of key tokens
        self.entity = collections.defaultdict(collections.Counter)
        self.first_seen = {}  # key -> the gold text first seen for it, by type
        self.token_in = collections.defaultdict(collections.Counter)  # token key -> type -> count
        self.last = {}  # type -> index of the last sentence with a gold span of that type
        for sentence in read_conll(path):
            text = ""
            spans = []  # (start, end, type) in code points
            open_span = None
            for token, tag in sentence:
                if text:
                    text += " "
                start = len(text)
                text += token
                if tag.startswith("B-") or (tag.startswith("I-") and (open_span is None or open_span[2] != tag[2:])):
                    if open_span:
                        spans.append(open_span)
                    open_span = [start, len(text), tag[2:]]
                elif tag.startswith("I-"):
                    open_span[1] = len(text)
                else:
                    if open_span:
                        spans.append(open_span)
                    open_span = None
            if open_span:
                spans.append(open_span)
            tokens = key_tokens(text)
            inside = tuple(any(s >= a and e <= b for a, b, _ in spans) for _, s, e in tokens)
            self.sentences.append((tuple(k for k, _, _ in tokens), inside))
            for start, end, kind in spans:
                self.last[kind] = len(self.sentences) - 1
                keys = tuple(k for k, s, e in tokens if s >= start and e <= end)
                for k in keys:
                    self.token_in[k][kind] += 1
                if keys:
                    key = " ".join(keys)
                    self.entity[key][kind] += 1
                    self.first_seen.setdefault((key, kind), text[start:end])
        self.total = {}
        self.plain_count = {}
        self.plain_at = collections.defaultdict(list)  # key -> sentence indices of plain occurrences

    def count(self, keys):
        """Counts the occurrences of each key (a space-joined token-key sequence) in the corpus."""
        wanted = collections.defaultdict(set)
        for key in keys:
            parts = tuple(key.split(" "))
            if 0 < len(parts) <= self.MAX_TOKENS:
                wanted[parts[0]].add(parts)
        counts = collections.Counter()
        plain = collections.Counter()
        for index, (tokens, inside) in enumerate(self.sentences):
            for i, tok in enumerate(tokens):
                for parts in wanted.get(tok, ()):
                    if tokens[i:i + len(parts)] == parts:
                        counts[" ".join(parts)] += 1
                        if not any(inside[i:i + len(parts)]):
                            plain[" ".join(parts)] += 1
                            self.plain_at[" ".join(parts)].append(index)
        for key in keys:
            self.total[key] = counts.get(key, 0)
            self.plain_count[key] = plain.get(key, 0)

    def named(self, key):
        return sum(self.entity[key].values()) if key in self.entity else 0

    def plain(self, key, kind=None):
        """Occurrences of the key none of whose tokens is inside a gold name: the ordinary word;
        with `kind`, only those in the part of the corpus where that type is annotated."""
        if kind is None:
            return self.plain_count.get(key, 0)
        last = self.last.get(kind, -1)
        return sum(1 for index in self.plain_at.get(key, ()) if index <= last)
