"""The Tagger: one long-running ``gazetag tag --input jsonl`` process, fed record by record."""

from __future__ import annotations

import collections
import itertools
import json
import os
import queue
import shutil
import subprocess
import threading
from dataclasses import dataclass
from typing import Deque, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

__all__ = ["GazetagError", "Span", "Tagger", "find_binary"]

#: Names given as a string or a list of strings.
Names = Union[str, Sequence[str], None]


class GazetagError(RuntimeError):
    """The gazetag process could not start, died, or refused its gazetteer.

    ``stderr`` holds what the process wrote to standard error (its ``file:line: …``
    diagnostics), ``returncode`` its exit status when it has ended (2: a bad gazetteer).
    """

    def __init__(self, message: str, stderr: str = "", returncode: Optional[int] = None):
        super().__init__(message)
        self.stderr = stderr
        self.returncode = returncode


@dataclass(frozen=True)
class Span:
    """One entity found in a text.

    ``start`` and ``end`` are Python string offsets (code points, end exclusive), so
    ``text[span.start:span.end] == span.text``. ``id`` is the gazetteer entry's id, ``name``
    its canonical name, ``designator`` the matching key of a designator family's number
    (``"17"`` for ``ह्वासोंग-१७``), else ``None``.
    """

    start: int
    end: int
    label: str
    text: str
    id: str
    name: str
    designator: Optional[str] = None


def find_binary(binary: Optional[str] = None) -> str:
    """The gazetag executable: ``binary`` if given, else ``$GAZETAG_BINARY``, else ``gazetag``
    on ``PATH``. Raises GazetagError when none is found."""
    candidate = binary or os.environ.get("GAZETAG_BINARY")
    if candidate:
        if os.path.sep in candidate or os.path.exists(candidate):
            if not (os.path.isfile(candidate) and os.access(candidate, os.X_OK)):
                raise GazetagError(f"gazetag binary {candidate!r} is not an executable file")
            return os.path.abspath(candidate)
        found = shutil.which(candidate)
        if found is None:
            raise GazetagError(f"gazetag binary {candidate!r} not found on PATH")
        return found
    found = shutil.which("gazetag")
    if found is None:
        raise GazetagError(
            "gazetag binary not found: put it on PATH, set GAZETAG_BINARY, or pass binary="
        )
    return found


def _names(value: Names) -> List[str]:
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        return [os.fspath(value)]
    return [os.fspath(item) for item in value]


class Tagger:
    """Tags texts with one ``gazetag`` process that stays running until :meth:`close`.

    ``gazetteer`` (a path or a list of paths: directories, compiled ``.gzc`` files or spaCy
    patterns files) replaces the bundled gazetteer; ``extend`` layers gazetteers over it;
    ``labels`` keeps only those labels; ``overlaps`` is ``"none"`` (the longest span wins)
    or ``"all"``; ``fold`` overrides the matching profile (``"standard"`` or ``"exact"``).
    The gazetteer is loaded and checked when the Tagger is made: a bad one raises
    GazetagError with gazetag's message.

    Use it as a context manager, or call :meth:`close`. One Tagger is not safe to use from
    several threads at once.
    """

    def __init__(
        self,
        gazetteer: Names = None,
        labels: Names = None,
        extend: Names = None,
        binary: Optional[str] = None,
        overlaps: str = "none",
        fold: Optional[str] = None,
        extra_args: Sequence[str] = (),
    ):
        if overlaps not in ("none", "all"):
            raise ValueError(f"overlaps must be 'none' or 'all', not {overlaps!r}")
        self.binary = find_binary(binary)
        args = [self.binary, "tag", "--input", "jsonl", "--offsets", "codepoint"]
        for path in _names(gazetteer):
            args += ["--gazetteer", path]
        for path in _names(extend):
            args += ["--extend", path]
        wanted = _names(labels)
        if len(wanted) == 1 and "," in wanted[0]:
            wanted = [label.strip() for label in wanted[0].split(",")]
        if wanted:
            args += ["--labels", ",".join(wanted)]
        if overlaps != "none":
            args += ["--overlaps", overlaps]
        if fold is not None:
            args += ["--fold", fold]
        args += list(extra_args)
        args.append("-")
        self.args = args
        #: How many gazetag processes this Tagger has started (1 unless it was reopened).
        self.processes_started = 0
        self._process: Optional[subprocess.Popen] = None
        self._stderr: List[bytes] = []
        self._stderr_thread: Optional[threading.Thread] = None
        self._start()

    # -- process ---------------------------------------------------------------------------

    def _start(self) -> None:
        try:
            self._process = subprocess.Popen(
                self.args,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                bufsize=1 << 16,
            )
        except OSError as error:
            raise GazetagError(f"cannot start {self.binary}: {error}") from error
        self.processes_started += 1
        self._stderr = []
        stream = self._process.stderr

        def drain() -> None:
            for chunk in iter(lambda: stream.read1(1 << 16), b""):
                self._stderr.append(chunk)

        self._stderr_thread = threading.Thread(target=drain, name="gazetag-stderr", daemon=True)
        self._stderr_thread.start()
        # Records are written by one thread, batch after batch in order, while the caller reads
        # the answers: neither pipe can then fill up and stall both processes.
        self._in_flight: Deque[_Pending] = collections.deque()
        self._writes: "queue.Queue[Optional[Tuple[bytes, _Pending]]]" = queue.Queue()
        process = self._process
        writes = self._writes

        def write() -> None:
            failed = False
            while True:
                item = writes.get()
                if item is None:
                    return
                payload, pending = item
                if failed:
                    continue
                try:
                    process.stdin.write(payload)
                    process.stdin.flush()
                except (BrokenPipeError, OSError, ValueError) as error:
                    pending.error = error
                    failed = True

        self._writer_thread = threading.Thread(target=write, name="gazetag-writer", daemon=True)
        self._writer_thread.start()
        # One empty record: the reply comes once the gazetteer is loaded, or the process ends
        # with its message (a bad gazetteer, an unknown label).
        self._exchange([""])

    @property
    def pid(self) -> Optional[int]:
        """The process id of the running gazetag process, or None once closed."""
        return self._process.pid if self._process is not None else None

    @property
    def stderr(self) -> str:
        """What the process has written to standard error so far."""
        return b"".join(self._stderr).decode("utf-8", "replace")

    def _failure(self, what: str) -> GazetagError:
        process = self._process
        returncode = None
        if process is not None:
            try:
                returncode = process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                returncode = process.wait()
            if self._stderr_thread is not None:
                self._stderr_thread.join(timeout=5)
        stderr = self.stderr.strip()
        self._close_pipes()
        self._stop_writer()
        self._process = None
        message = f"gazetag {what}"
        if returncode is not None:
            message += f" (exit status {returncode})"
        if stderr:
            message += ": " + stderr
        return GazetagError(message, stderr=stderr, returncode=returncode)

    def _close_pipes(self) -> None:
        process = self._process
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass

    def _stop_writer(self) -> None:
        thread = getattr(self, "_writer_thread", None)
        if thread is not None and thread.is_alive():
            self._writes.put(None)
            thread.join(timeout=30)

    def close(self) -> None:
        """Ends the process (closing its input lets it finish) and waits for it."""
        process = self._process
        if process is None:
            return
        self._process = None
        if self._in_flight and process.stdout is not None:
            # Answers nobody will read: gazetag stops quietly once its output is closed.
            process.stdout.close()
        self._stop_writer()
        try:
            if process.stdin is not None:
                process.stdin.close()
        except OSError:
            pass
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
        if self._stderr_thread is not None:
            self._stderr_thread.join(timeout=5)

    def __enter__(self) -> "Tagger":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    # -- tagging ---------------------------------------------------------------------------

    def tag(self, text: str) -> List[Span]:
        """The spans of one text, in text order."""
        return self._exchange([text])[0]

    def tag_many(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[List[Span]]:
        """The spans of each text, in order, sent through the process ``batch_size`` at a
        time. The next batch is read from the iterable and sent while gazetag tags the one
        before, so the iterable is read up to two batches ahead of what has been yielded."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        iterator = iter(texts)
        pending: Optional[_Pending] = None
        try:
            while True:
                batch = list(itertools.islice(iterator, batch_size))
                sent = self._send(batch) if batch else None
                previous, pending = pending, sent
                if previous is not None:
                    yield from self._receive(previous)
                if sent is None:
                    return
        finally:
            self._discard(pending)

    def _discard(self, pending: Optional["_Pending"]) -> None:
        """Reads and drops the answers of a batch nobody will read (an iterator abandoned
        midway), so that the next call reads its own answers."""
        if pending is None or self._process is None:
            return
        try:
            self._receive(pending)
        except GazetagError:
            pass

    def _exchange(self, texts: Sequence[str]) -> List[List[Span]]:
        """Writes one record per text and reads as many lines back."""
        return self._receive(self._send(texts))

    def _send(self, texts: Sequence[str]) -> "_Pending":
        """Queues one record per text for the writer thread and returns at once; the answers
        are read with :meth:`_receive`. Several batches may be in flight: their answers come
        back in sending order."""
        if self._process is None:
            raise GazetagError("the gazetag process is closed")
        for text in texts:
            if not isinstance(text, str):
                raise TypeError(f"texts must be str, not {type(text).__name__}")
        payload = "".join(json.dumps({"text": text}) + "\n" for text in texts).encode("utf-8")
        pending = _Pending(count=len(texts))
        self._in_flight.append(pending)
        self._writes.put((payload, pending))
        return pending

    def _receive(self, pending: "_Pending") -> List[List[Span]]:
        """The answers to the records of `pending`. The answers of batches sent before it are
        read first and kept for their own :meth:`_receive`."""
        while pending.results is None:
            process = self._process
            if process is None:
                raise GazetagError("the gazetag process is closed")
            head = self._in_flight[0]
            results: List[List[Span]] = []
            for _ in range(head.count):
                line = process.stdout.readline()
                if not line:
                    raise self._failure("ended unexpectedly")
                results.append(self._spans(line))
            head.results = results
            self._in_flight.popleft()
        return pending.results

    def _spans(self, line: bytes) -> List[Span]:
        try:
            record = json.loads(line)
            spans = record["spans"]
        except (ValueError, KeyError, TypeError):
            raise self._failure(f"wrote an unexpected line {line[:200]!r}") from None
        return [
            Span(
                start=span["start"],
                end=span["end"],
                label=span["label"],
                text=span["text"],
                id=span["id"],
                name=span["name"],
                designator=span.get("designator"),
            )
            for span in spans
        ]


class _Pending:
    """A batch queued for the process, and its answers once they are read."""

    __slots__ = ("count", "error", "results")

    def __init__(self, count: int):
        self.count = count
        self.error: Optional[BaseException] = None
        self.results: Optional[List[List[Span]]] = None
