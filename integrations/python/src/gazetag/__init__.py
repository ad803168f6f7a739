"""gazetag: Hindi named entities from a gazetteer, through the ``gazetag`` command-line tool.

    >>> from gazetag import Tagger
    >>> with Tagger() as tagger:
    ...     tagger.tag("रूस के राष्ट्रपति व्लादिमीर पुतिन")

The spaCy component is registered as ``gazetag`` (``nlp.add_pipe("gazetag")``); see
:mod:`gazetag.spacy_component`.
"""

from ._tagger import GazetagError, Span, Tagger, find_binary

__all__ = ["GazetagError", "Span", "Tagger", "find_binary"]
__version__ = "0.1.0"
