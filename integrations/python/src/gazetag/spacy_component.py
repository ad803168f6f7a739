"""The ``gazetag`` spaCy pipeline component (registered through the ``spacy_factories``
entry point, so ``nlp.add_pipe("gazetag", config={...})`` works once the package is
installed)."""

from __future__ import annotations

import itertools
from typing import Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ._tagger import Span, Tagger

__all__ = ["GazetagComponent", "make_gazetag"]


class GazetagComponent:
    """Sets ``doc.ents`` (or ``doc.spans[spans_key]``) from gazetag's spans.

    Each span is aligned to spaCy's tokens with ``doc.char_span(start, end,
    alignment_mode="expand")`` and gets ``label_`` = gazetag's label and ``kb_id_`` = the
    gazetteer entry's id. Writing ``doc.ents``, a span that overlaps an entity already in
    ``doc.ents`` (from an earlier component) is skipped, unless ``overwrite_ents`` is true,
    in which case the existing entity is removed instead; a span that, once expanded to whole
    tokens, overlaps an earlier gazetag span of the same document is skipped. With
    ``spans_key``, every span goes to ``doc.spans[spans_key]`` (overlaps allowed, as with
    ``overlaps="all"``) and ``doc.ents`` is left alone.

    ``nlp.pipe`` sends its documents through the one gazetag process in batches of
    ``batch_size``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "gazetag",
        *,
        gazetteer=None,
        labels=None,
        extend=None,
        binary: Optional[str] = None,
        overlaps: str = "none",
        fold: Optional[str] = None,
        spans_key: Optional[str] = None,
        overwrite_ents: bool = False,
        batch_size: int = 1000,
    ):
        if overlaps == "all" and not spans_key:
            raise ValueError(
                "overlaps='all' gives overlapping spans, which doc.ents cannot hold; "
                "set spans_key to write them to doc.spans[spans_key]"
            )
        self.name = name
        self.spans_key = spans_key
        self.overwrite_ents = overwrite_ents
        self.batch_size = batch_size
        self.tagger = Tagger(
            gazetteer=gazetteer,
            labels=labels,
            extend=extend,
            binary=binary,
            overlaps=overlaps,
            fold=fold,
        )

    def __call__(self, doc: Doc) -> Doc:
        return self.set_annotations(doc, self.tagger.tag(doc.text))

    def pipe(self, stream: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        """Tags the documents a batch at a time through the one process. Each batch is sent
        before the one before it is finished, so that gazetag tags it while spaCy tokenizes
        the next documents and this component sets the last batch's entities."""
        size = batch_size or self.batch_size
        iterator = iter(stream)
        pending = None
        try:
            while True:
                batch = list(itertools.islice(iterator, size))
                sent = (
                    self.tagger._send([doc.text for doc in batch])
                    if batch
                    else None
                )
                previous, pending = pending, ((batch, sent) if sent is not None else None)
                if previous is not None:
                    docs, handle = previous
                    for doc, spans in zip(docs, self.tagger._receive(handle)):
                        yield self.set_annotations(doc, spans)
                if sent is None:
                    return
        finally:
            if pending is not None:
                self.tagger._discard(pending[1])

    def set_annotations(self, doc: Doc, spans: List[Span]) -> Doc:
        """Writes `spans` (gazetag's, in text order) to `doc` as the component does."""
        aligned: List[SpacySpan] = []
        for span in spans:
            entity = doc.char_span(
                span.start, span.end, label=span.label, kb_id=span.id, alignment_mode="expand"
            )
            if entity is not None:
                aligned.append(entity)
        if self.spans_key:
            doc.spans[self.spans_key] = aligned
            return doc
        kept: List[SpacySpan] = []
        last_end = -1
        for entity in aligned:
            if entity.start >= last_end:
                kept.append(entity)
                last_end = entity.end
        if not doc.to_array("ENT_IOB").any():
            # No earlier entities (the usual case): reading doc.ents would make every token.
            doc.set_ents(kept, default="outside")
            return doc
        existing = list(doc.ents)
        if self.overwrite_ents:
            existing = [ent for ent in existing if not _overlaps_any(ent, kept)]
        else:
            kept = [entity for entity in kept if not _overlaps_any(entity, existing)]
        doc.ents = sorted(existing + kept, key=lambda entity: entity.start)
        return doc

    def close(self) -> None:
        """Ends the gazetag process."""
        self.tagger.close()


def _overlaps_any(span: SpacySpan, others: List[SpacySpan]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)


@Language.factory(
    "gazetag",
    default_config={
        "gazetteer": None,
        "labels": None,
        "extend": None,
        "binary": None,
        "overlaps": "none",
        "fold": None,
        "spans_key": None,
        "overwrite_ents": False,
        "batch_size": 1000,
    },
)
def make_gazetag(
    nlp: Language,
    name: str,
    gazetteer,
    labels,
    extend,
    binary: Optional[str],
    overlaps: str,
    fold: Optional[str],
    spans_key: Optional[str],
    overwrite_ents: bool,
    batch_size: int,
) -> GazetagComponent:
    """The factory behind ``nlp.add_pipe("gazetag", config={...})``."""
    return GazetagComponent(
        nlp,
        name,
        gazetteer=gazetteer,
        labels=labels,
        extend=extend,
        binary=binary,
        overlaps=overlaps,
        fold=fold,
        spans_key=spans_key,
        overwrite_ents=overwrite_ents,
        batch_size=batch_size,
    )
