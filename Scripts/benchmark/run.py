#!/usr/bin/env python3
"""Runs the gazetag benchmark scenarios; called by Scripts/benchmark.sh.

Every gazetag figure is a whole process (start, gazetteer load, tagging, JSON Lines written to a
file), the median of --runs runs after one warm-up run, with the largest peak RSS of those runs;
before each run the corpus and the patterns are read through, so that they are in the page cache.
The load alone is timed the same way on an empty input, so that the tagging phase can be
compared with peers.py, whose MB/s count tagging only. The bare ICU pass and the peers run on
the same bytes in the same session. Results are printed as a Markdown table and written to
WORK/results.jsonl.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time

SCENARIOS = [
    "sparse", "bundled", "dense", "million", "jobs", "line", "pathological", "pathological-jsonl",
    "jsonl-jobs", "startup", "compiled"]
DEFAULT_SCENARIOS = ["sparse", "bundled", "dense", "million", "jobs"]


def log(message):
    print(message, file=sys.stderr, flush=True)


# Every timed command is started by this small launcher, which times it and reads its peak RSS
# itself. A child that the benchmark started directly would report at least the benchmark's own
# peak RSS: Linux keeps, across exec, the high-water mark of the memory the process had before
# (a vfork child has its parent's, a fork child a copy of it), and this script holds corpora and
# results. The launcher holds no data (about 9 MB, the floor of every figure).
LAUNCHER = """\
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(sys.argv[1], "w") as report:
    report.write(f"{seconds} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_once(command, stdout=subprocess.DEVNULL, stdin=None):
    """Runs a command through the launcher; returns (wall seconds, peak RSS in KB)."""
    import tempfile
    with tempfile.NamedTemporaryFile("r") as report:
        process = subprocess.Popen([sys.executable, "-S", "-c", LAUNCHER, report.name, *command],
                                   stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
        error = process.communicate()[1].decode(errors="replace")
        if process.returncode != 0:
            sys.exit(f"benchmark: {' '.join(command)} failed:\n{error}")
        seconds, rss = report.read().split()
    return float(seconds), int(rss)


def read_through(paths):
    """Reads every file of `paths` (files or directories) to the end, so that a timed run finds
    them in the page cache: this machine's memory balloon slowly takes cached pages back, and
    the peers too read the corpus into memory before their clock starts."""
    for path in paths:
        files = [path] if not os.path.isdir(path) else [
            os.path.join(root, name) for root, _, names in os.walk(path) for name in names]
        for name in files:
            with open(name, "rb") as f:
                while f.read(1 << 20):
                    pass


def measure(command, runs, inputs=(), stdin=None):
    """Median wall time and largest peak RSS of `runs` runs after a warm-up run, each run
    after reading `inputs` through, with the file `stdin` (if given) on standard input."""
    def run():
        read_through(inputs)
        if stdin is None:
            return run_once(command)
        with open(stdin, "rb") as f:
            return run_once(command, stdin=f)

    run()
    samples = [run() for _ in range(runs)]
    times = [seconds for seconds, _ in samples]
    return statistics.median(times), max(rss for _, rss in samples), times


def run_with_input(command, input_path):
    """Runs a command with a file on standard input; returns wall seconds."""
    with open(input_path, "rb") as stdin:
        start = time.perf_counter()
        process = subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)
        seconds = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"benchmark: {' '.join(command)} failed:\n{process.stderr.decode()}")
    return seconds


def loadavg():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def machine():
    model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True)
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "kernel": platform.release(),
        "swift": (swift.stdout or swift.stderr).splitlines()[0] if swift.returncode == 0 else "",
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
    }


class Bench:
    def __init__(self, args):
        self.args = args
        self.kit = os.path.abspath(args.kit)
        self.binary = os.path.abspath(args.binary)
        self.work = os.path.abspath(args.work)
        os.makedirs(self.work, exist_ok=True)
        self.results = []
        self.extra = []
        self.icu = self.build_icu()

    def path(self, name):
        return os.path.join(self.work, name)

    def kit_script(self, name):
        return os.path.join(self.kit, name)

    # Inputs, generated once and kept in the work directory.

    def corpus(self, name, size_mb, names=None):
        path = self.path(name)
        if not os.path.exists(path):
            log(f"generating {name} ({size_mb} MB)")
            command = [sys.executable, self.kit_script("make_corpus.py"), str(size_mb), path]
            if names:
                command += ["--names", names]
            subprocess.run(command, check=True)
        return path

    def patterns(self, name, corpus, count):
        path = self.path(name)
        if not os.path.exists(path):
            log(f"generating {name} ({count} patterns)")
            subprocess.run(
                [sys.executable, self.kit_script("make_patterns.py"), corpus, str(count), path],
                check=True)
        return path

    def empty(self):
        path = self.path("empty.txt")
        open(path, "w").close()
        return path

    def build_icu(self):
        binary = self.path("icu_wb")
        source = self.kit_script("icu_wb.c")
        if not os.path.exists(binary) or os.path.getmtime(binary) < os.path.getmtime(source):
            subprocess.run(["cc", "-O2", "-o", binary, source, "-licuuc"], check=True)
        return binary

    # Measurements.

    def icu_pass(self, corpus):
        """Median MB/s of the bare ICU word-break pass, as it reports it."""
        rates = []
        for _ in range(self.args.runs):
            read_through([corpus])
            output = subprocess.run([self.icu, corpus], capture_output=True, text=True,
                                    check=True).stdout
            rates.append(json.loads(output)["mb_per_s"])
        return statistics.median(rates)

    def peers(self, corpus, patterns):
        python = self.args.peers_python
        if not python:
            return {}
        check = subprocess.run([python, "-c", "import spacy, flashtext, ahocorasick"],
                               capture_output=True)
        if check.returncode != 0:
            log("peers skipped: PEERS_PYTHON lacks spacy, flashtext or ahocorasick")
            return {}
        log(f"running the peers on {os.path.basename(corpus)}")
        output = subprocess.run([python, self.kit_script("peers.py"), corpus, patterns],
                                capture_output=True, text=True, check=True).stdout
        return {row["tool"]: row for row in map(json.loads, output.splitlines()) if row}

    def row(self, scenario, patterns_count, size, command, total, rss, times, load, load_rss,
            spans, icu, load_before):
        """The result of one timed scenario: whole runs and load as `measure` gives them."""
        return {
            "scenario": scenario,
            "patterns": patterns_count,
            "corpus_mb": round(size / 1e6, 2),
            "command": command,
            "runs": self.args.runs,
            "seconds": round(total, 4),
            "seconds_all": [round(t, 4) for t in times],
            "mb_per_s": round(size / 1e6 / total, 1),
            "load_seconds": round(load, 4),
            "load_rss_mb": round(load_rss / 1024, 1),
            "tag_mb_per_s": round(size / 1e6 / max(total - load, 1e-9), 1),
            "peak_rss_mb": round(rss / 1024, 1),
            "spans": spans,
            "icu_mb_per_s": icu,
            "vs_icu": round(size / 1e6 / total / icu, 2),
            "load_average": [load_before, loadavg()],
        }

    def tag(self, scenario, corpus, gazetteer, patterns_count, peers=True, extra=()):
        """Times one gazetag scenario and records it."""
        load_before = loadavg()
        size = self.size(corpus)
        output = self.path(f"{scenario}.jsonl")
        options = ["--gazetteer", gazetteer] if gazetteer else []
        if "--jobs" not in extra and self.supports_jobs():
            extra = ["--jobs", "1", *extra]  # one thread, as the peers run
        command = [self.binary, "tag", corpus, *options, *extra, "-o", output]
        log(f"{scenario}: {' '.join(command)}")
        inputs = [corpus, *([gazetteer] if gazetteer else [])]
        total, rss, times = measure(command, self.args.runs, inputs)
        load, load_rss, _ = measure(
            [self.binary, "tag", self.empty(), *options, "-o", self.path("empty.jsonl")],
            self.args.runs, inputs[1:])
        with open(output, "rb") as f:
            spans = f.read().count(b'"start":')
        icu = self.icu_pass(self.concatenated(corpus))
        row = self.row(scenario, patterns_count, size, " ".join(command), total, rss, times,
                       load, load_rss, spans, icu, load_before)
        if peers and gazetteer:
            for tool, result in self.peers(corpus, gazetteer).items():
                row[f"{tool}_mb_per_s"] = result["mb_per_s"]
                row[f"{tool}_load_s"] = result["load_s"]
                row[f"{tool}_spans"] = result["spans"]
                # Our whole run against their tagging alone; our tagging phase against theirs;
                # and whole against whole, their pattern loading counted (but not Python's
                # start or reading the corpus, which peers.py does before its clock starts).
                row[f"vs_{tool}"] = round(row["mb_per_s"] / result["mb_per_s"], 1)
                row[f"tag_vs_{tool}"] = round(row["tag_mb_per_s"] / result["mb_per_s"], 1)
                whole = size / 1e6 / (result["load_s"] + result["tag_s"])
                row[f"whole_vs_{tool}"] = round(row["mb_per_s"] / whole, 1)
        self.results.append(row)
        return row

    @staticmethod
    def size(corpus):
        """The bytes of a corpus file, or of all the files of a corpus directory."""
        if not os.path.isdir(corpus):
            return os.path.getsize(corpus)
        return sum(os.path.getsize(os.path.join(root, name))
                   for root, _, names in os.walk(corpus) for name in names)

    def concatenated(self, corpus):
        """A file holding the corpus's bytes, for the bare ICU pass: the corpus itself, or the
        files of a corpus directory joined in sorted order."""
        if not os.path.isdir(corpus):
            return corpus
        joined = corpus.rstrip("/") + ".joined.txt"
        if not os.path.exists(joined):
            with open(joined, "wb") as out:
                for root, _, names in sorted(os.walk(corpus)):
                    for name in sorted(names):
                        with open(os.path.join(root, name), "rb") as f:
                            out.write(f.read())
        return joined

    def supports_jobs(self):
        help_text = subprocess.run([self.binary, "tag", "--help"], capture_output=True,
                                   text=True).stdout
        return "--jobs" in help_text

    # Scenarios.

    def startup(self):
        """`echo रूस | gazetag tag`, whole process, median of 20 runs: with the bundled
        gazetteer, and with a compiled synthetic gazetteer five times its size."""
        stdin = self.path("russia.txt")
        with open(stdin, "w", encoding="utf-8") as f:
            f.write("रूस\n")
        repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        synthetic = self.path("bundled-5x")
        subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__),
                                                     "synthetic_gazetteer.py"),
                        os.path.join(repository, "gazetteer"), "5", synthetic], check=True)
        compiled = self.path("bundled-5x.gzc")
        subprocess.run([self.binary, "gazetteer", "compile", synthetic, "-o", compiled],
                       check=True)
        for name, options in [("startup bundled", []),
                              ("startup 5x compiled", ["--gazetteer", compiled]),
                              ("startup 5x source", ["--gazetteer", synthetic])]:
            command = [self.binary, "tag", *options]
            run_with_input(command, stdin)
            times = sorted(run_with_input(command, stdin) for _ in range(20))
            self.extra.append({"scenario": name, "median_ms": round(statistics.median(times) * 1000, 1),
                               "min_ms": round(times[0] * 1000, 1), "command": " ".join(command)})

    def compiled(self):
        """Loading and tagging with compiled pattern files against their sources: the load on
        an empty input, and the outputs compared byte for byte."""
        dense_corpus = self.corpus("plain.txt", 10)
        cases = [("100k", dense_corpus, self.patterns("ngrams-100k.jsonl", dense_corpus, 100_000))]
        source = self.corpus("plain-60.txt", 60)
        cases.append(("1m", self.corpus("sparse.txt", 10, names=os.path.join(
            self.kit, "data", "cldr-places.jsonl")),
            self.patterns("ngrams-1m.jsonl", source, 1_000_000)))
        for name, corpus, patterns in cases:
            compiled = self.path(f"ngrams-{name}.gzc")
            start = time.perf_counter()
            subprocess.run([self.binary, "gazetteer", "compile", patterns, "-o", compiled],
                           check=True)
            compile_s = time.perf_counter() - start
            row = {"scenario": f"compiled {name}", "compile_s": round(compile_s, 2),
                   "bytes": os.path.getsize(compiled)}
            outputs = []
            for kind, gazetteer in [("source", patterns), ("compiled", compiled)]:
                output = self.path(f"compiled-{name}-{kind}.jsonl")
                load, _, _ = measure([self.binary, "tag", self.empty(), "--gazetteer", gazetteer,
                                      "-o", self.path("empty.jsonl")], self.args.runs, [gazetteer])
                whole, rss, _ = measure([self.binary, "tag", corpus, "--gazetteer", gazetteer,
                                         "--jobs", "1", "-o", output], self.args.runs,
                                        [corpus, gazetteer])
                row[f"{kind}_load_s"] = round(load, 4)
                row[f"{kind}_whole_s"] = round(whole, 4)
                row[f"{kind}_peak_rss_mb"] = round(rss / 1024, 1)
                outputs.append(open(output, "rb").read())
            row["identical"] = outputs[0] == outputs[1]
            self.extra.append(row)

    def sparse(self):
        places = os.path.join(self.kit, "data", "cldr-places.jsonl")
        corpus = self.corpus("sparse.txt", 10, names=places)
        count = sum(1 for line in open(places, encoding="utf-8") if line.strip())
        self.tag("sparse", corpus, places, count)

    def bundled(self):
        places = os.path.join(self.kit, "data", "cldr-places.jsonl")
        self.tag("bundled", self.corpus("sparse.txt", 10, names=places), None, "bundled")

    def dense(self):
        corpus = self.corpus("plain.txt", 10)
        self.tag("dense", corpus, self.patterns("ngrams-100k.jsonl", corpus, 100_000), 100_000)

    def million(self):
        places = os.path.join(self.kit, "data", "cldr-places.jsonl")
        source = self.corpus("plain-60.txt", 60)
        patterns = self.patterns("ngrams-1m.jsonl", source, 1_000_000)
        corpus = self.corpus("sparse.txt", 10, names=places)
        # The n-grams come from the corpus's own vocabulary, so they match densely.
        self.tag("million", corpus, patterns, 1_000_000, peers=False)
        # The same million patterns made unmatchable (a Latin letter glued to every word keeps
        # each word one token), plus the place names: a sparse text against a huge gazetteer.
        sparse = self.path("ngrams-1m-sparse.jsonl")
        if not os.path.exists(sparse):
            log("generating ngrams-1m-sparse.jsonl")
            with open(sparse, "w", encoding="utf-8") as out:
                out.writelines(open(places, encoding="utf-8"))
                for line in open(patterns, encoding="utf-8"):
                    row = json.loads(line)
                    row["pattern"] = " ".join(word + "q" for word in row["pattern"].split())
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count = sum(1 for _ in open(sparse, encoding="utf-8"))
        # 50 MB, so that the tagging phase stands out against a load of over a second; the
        # place names alone on the same 50 MB are the sparse case to compare with.
        large = self.corpus("sparse-50.txt", 50, names=places)
        self.tag("million-sparse", large, sparse, count, peers=False)
        places_count = sum(1 for line in open(places, encoding="utf-8") if line.strip())
        self.tag("sparse-50", large, places, places_count, peers=False)

    def jobs(self):
        if not self.supports_jobs():
            log("jobs skipped: this gazetag has no --jobs option")
            return
        places = os.path.join(self.kit, "data", "cldr-places.jsonl")
        # 200 files of the 50 MB corpus: long enough that start-up and loading do not hide
        # the parallel part.
        directory = self.path("files-50")
        if not os.path.isdir(directory):
            os.makedirs(directory)
            corpus = self.corpus("sparse-50.txt", 50, names=places)
            lines = open(corpus, encoding="utf-8").readlines()
            step = (len(lines) + 199) // 200
            for index in range(200):
                with open(os.path.join(directory, f"{index:03}.txt"), "w", encoding="utf-8") as f:
                    f.writelines(lines[index * step:(index + 1) * step])
        one = self.tag("jobs-1", directory, places, "cldr", peers=False, extra=["--jobs", "1"])
        two = self.tag("jobs-2", directory, places, "cldr", peers=False, extra=["--jobs", "2"])
        # The speed-up is taken from further runs in turns (--jobs 1, --jobs 2, 1, 2, …), so
        # that the machine's drift weighs on both alike; twice --runs of each.
        commands = [[self.binary, "tag", directory, "--gazetteer", places, "--jobs", str(jobs),
                     "-o", self.path(f"jobs-{jobs}.jsonl")] for jobs in (1, 2)]
        turns = {1: [], 2: []}
        for _ in range(2 * self.args.runs):
            for jobs, command in zip((1, 2), commands):
                read_through([directory, places])
                turns[jobs].append(run_once(command)[0])
        two["speedup"] = round(statistics.median(turns[1]) / statistics.median(turns[2]), 2)
        two["speedup_runs"] = {jobs: [round(t, 4) for t in times] for jobs, times in turns.items()}
        two["speedup_of_medians_above"] = round(one["seconds"] / two["seconds"], 2)

    # The jsonl-jobs scenario: --input jsonl on 100,000 short records, --jobs 1 against --jobs 2.

    JSONL_RECORDS = 100_000

    def jsonl_jobs(self):
        """Times `--input jsonl` on 100,000 short records (one sentence of the sparse corpus
        each) with `--jobs 1` and `--jobs 2`; the target is at least 1.6x at `--jobs 2`."""
        places = os.path.join(self.kit, "data", "cldr-places.jsonl")
        records = self.path(f"jsonl-short-{self.JSONL_RECORDS}.jsonl")
        if not os.path.exists(records):
            log(f"generating {os.path.basename(records)}")
            corpus = self.corpus("sparse-50.txt", 50, names=places)
            written = 0
            with open(corpus, encoding="utf-8") as source, \
                    open(records, "w", encoding="utf-8") as f:
                for paragraph in source:
                    for sentence in paragraph.strip().split("।"):
                        if written == self.JSONL_RECORDS:
                            break
                        if sentence.strip():
                            written += 1
                            f.write(json.dumps({"id": written, "text": sentence.strip() + "।"},
                                               ensure_ascii=False) + "\n")
        count = sum(1 for row in open(places, encoding="utf-8") if row.strip())
        one = self.tag("jsonl-jobs-1", records, places, count, peers=False,
                       extra=["--input", "jsonl", "--jobs", "1"])
        two = self.tag("jsonl-jobs-2", records, places, count, peers=False,
                       extra=["--input", "jsonl", "--jobs", "2"])
        # As in the jobs scenario, the speed-up is taken from runs in turns.
        commands = [[self.binary, "tag", records, "--gazetteer", places, "--input", "jsonl",
                     "--jobs", str(jobs), "-o", self.path(f"jsonl-jobs-{jobs}.jsonl")]
                    for jobs in (1, 2)]
        turns = {1: [], 2: []}
        for _ in range(2 * self.args.runs):
            for jobs, command in zip((1, 2), commands):
                read_through([records, places])
                turns[jobs].append(run_once(command)[0])
        two["speedup"] = round(statistics.median(turns[1]) / statistics.median(turns[2]), 2)
        two["speedup_runs"] = {jobs: [round(t, 4) for t in times] for jobs, times in turns.items()}
        two["speedup_of_medians_above"] = round(one["seconds"] / two["seconds"], 2)
        verdict = "met" if two["speedup"] >= 1.6 else "NOT MET"
        log(f"jsonl-jobs: --jobs 2 is {two['speedup']}x --jobs 1 (target at least 1.6x: "
            f"{verdict})")

    def line(self):
        path = self.path(f"line-{self.args.line_mb}.txt")
        if not os.path.exists(path):
            log(f"generating a single {self.args.line_mb} MB line")
            text = open(self.corpus("plain.txt", 10), encoding="utf-8").read().replace("\n", " ")
            chunk = text.encode("utf-8")
            with open(path, "wb") as f:
                written = 0
                while written < self.args.line_mb * 1_000_000:
                    f.write(chunk)
                    written += len(chunk)
                f.write(b"\n")
        places = os.path.join(self.kit, "data", "cldr-places.jsonl")
        self.tag("line", path, places, "cldr", peers=False)

    # The pathological-jsonl scenario: --input jsonl on one record line of 64 MB, against the
    # same text as ordinary records.

    JSONL_MB = 64

    def pathological_jsonl(self):
        """Times `--input jsonl` on one 64 MB record line (the corpus as one text field, its line
        breaks escaped) and on the same text as one record per paragraph. The line must take at
        most twice as long as the records, and its peak RSS may exceed theirs by the line,
        which is held whole, and the chunked tagging of a long text (as in text mode)."""
        places = os.path.join(self.kit, "data", "cldr-places.jsonl")
        corpus = self.corpus(f"sparse-{self.JSONL_MB}.txt", self.JSONL_MB, names=places)
        line = self.path(f"jsonl-line-{self.JSONL_MB}.jsonl")
        records = self.path(f"jsonl-records-{self.JSONL_MB}.jsonl")
        if not os.path.exists(line) or not os.path.exists(records):
            log(f"generating {os.path.basename(line)} and {os.path.basename(records)}")
            paragraphs = [p for p in open(corpus, encoding="utf-8").read().split("\n") if p]
            with open(records, "w", encoding="utf-8") as f:
                for number, paragraph in enumerate(paragraphs, 1):
                    f.write(json.dumps({"id": number, "text": paragraph}, ensure_ascii=False))
                    f.write("\n")
            with open(line, "w", encoding="utf-8") as f:
                f.write(json.dumps({"id": 1, "text": "\n".join(paragraphs)}, ensure_ascii=False))
                f.write("\n")
        count = sum(1 for row in open(places, encoding="utf-8") if row.strip())
        options = dict(peers=False, extra=["--input", "jsonl"])
        prose = self.tag("jsonl-records", records, places, count, **options)
        whole = self.tag("jsonl-one-line", line, places, count, **options)
        whole["vs_records"] = round(whole["seconds"] / prose["seconds"], 2)
        whole["rss_over_records_mb"] = round(whole["peak_rss_mb"] - prose["peak_rss_mb"], 1)
        verdict = "met" if whole["vs_records"] <= 2 else "NOT MET"
        log(f"pathological-jsonl: one {whole['corpus_mb']} MB line {whole['seconds']} s, "
            f"{prose['corpus_mb']} MB of records {prose['seconds']} s: "
            f"{whole['vs_records']}x (target at most 2x: {verdict}); peak RSS "
            f"{whole['peak_rss_mb']} MB against {prose['peak_rss_mb']} MB, "
            f"{whole['rss_over_records_mb']} MB more for a {whole['corpus_mb']} MB line")

    # pathological: the inputs that once made streaming slow or memory grow, each 50 MB through
    # standard input (so it is streamed) against the same 50 MB of ordinary prose.

    def pathological(self):
        places = os.path.join(self.kit, "data", "cldr-places.jsonl")
        prose = self.corpus("sparse-50.txt", 50, names=places)
        inputs = self.pathological_inputs(prose)
        alias = self.path("places-long-alias.jsonl")
        if not os.path.exists(alias):
            # One alias of 4,000 words (about 25 KB, more tokens than the planner's window
            # holds) that the text never contains.
            with open(alias, "w", encoding="utf-8") as out:
                out.writelines(open(places, encoding="utf-8"))
                pattern = " ".join(f"शब्द{index}" for index in range(4000))
                out.write(json.dumps({"label": "ORG", "pattern": pattern, "id": "LONG"},
                                     ensure_ascii=False) + "\n")
        count = sum(1 for line in open(places, encoding="utf-8") if line.strip())
        runs = [("prose", prose, places, count), *[(name, path, places, count)
                                                   for name, path in inputs],
                ("long-alias", prose, alias, count + 1)]
        for name, corpus, gazetteer, patterns in runs:
            self.tag_stdin(f"pathological-{name}", corpus, gazetteer, patterns)

    def pathological_inputs(self, prose):
        """50 MB without white space (the prose with its white space removed); 40 MB of base64
        between two 5 MB stretches of the prose; one 40 MB word of ASCII letters and digits
        between the same two stretches. Made in a child process, so that this one stays small
        (a child's peak RSS counts the pages it was forked with)."""
        names = ("no-whitespace", "base64", "one-word")
        made = [(name, self.path(f"pathological-{name}.txt")) for name in names]
        missing = [(name, path) for name, path in made if not os.path.exists(path)]
        if missing:
            log("generating " + ", ".join(os.path.basename(path) for _, path in missing))
            child = __import__("multiprocessing").Process(
                target=make_pathological_inputs, args=(prose, missing))
            child.start()
            child.join()
            if child.exitcode != 0:
                sys.exit("benchmark: generating the pathological inputs failed")
        return made

    def tag_stdin(self, scenario, corpus, gazetteer, patterns_count):
        """Times `gazetag tag -` with the corpus on standard input, as `tag` times a file."""
        load_before = loadavg()
        size = self.size(corpus)
        output = self.path(f"{scenario}.jsonl")
        command = [self.binary, "tag", "-", "--gazetteer", gazetteer, "--jobs", "1",
                   "-o", output]
        log(f"{scenario}: {' '.join(command)} < {corpus}")

        total, rss, times = measure(command, self.args.runs, [corpus, gazetteer], stdin=corpus)
        load, load_rss, _ = measure(
            [*command[:-1], self.path("empty.jsonl")], self.args.runs, [gazetteer],
            stdin=self.empty())
        with open(output, "rb") as f:
            spans = f.read().count(b'"start":')
        icu = self.icu_pass(corpus)
        self.results.append(self.row(
            scenario, patterns_count, size, " ".join(command) + f" < {corpus}", total, rss, times,
            load, load_rss, spans, icu, load_before))


def make_pathological_inputs(prose, missing):
    """Writes the inputs of the pathological scenario named in `missing` ((name, path) pairs),
    from the ordinary prose at `prose`."""
    import base64
    import random
    text = open(prose, "rb").read()
    head = text[:text.index(b"\n", 5_000_000) + 1]
    tail = text[len(head):text.index(b"\n", len(head) + 5_000_000) + 1]
    generator = random.Random(50)
    for name, path in missing:
        if name == "no-whitespace":
            content = b"".join(text.split())
        elif name == "base64":
            content = head + base64.b64encode(generator.randbytes(30_000_000)) + b"\n" + tail
        else:
            alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
            word = bytes(generator.choice(alphabet) for _ in range(1_000_000)) * 40
            content = head + word + b"\n" + tail
        with open(path, "wb") as f:
            f.write(content)



def table(results):
    header = ("| scenario | patterns | corpus MB | load s | whole run s | MB/s | tag-phase MB/s "
              "| peak RSS MB | spans | × ICU pass | × spaCy PM | × pyahocorasick |")
    lines = [header, "|" + "---|" * 12]

    def ratios(row, tool):
        # whole run / tag phase / whole against whole, as in `tag`.
        if f"vs_{tool}" not in row:
            return None
        return (f"{row[f'vs_{tool}']} / {row[f'tag_vs_{tool}']} / "
                f"{row[f'whole_vs_{tool}']}")

    for row in results:
        spacy = ratios(row, "spacy-phrasematcher")
        aho = ratios(row, "pyahocorasick+boundary")
        lines.append(
            f"| {row['scenario']} | {row['patterns']} | {row['corpus_mb']} "
            f"| {row['load_seconds']} | {row['seconds']} | {row['mb_per_s']} "
            f"| {row['tag_mb_per_s']} | {row['peak_rss_mb']} | {row['spans']} "
            f"| {row['vs_icu']} (ICU {row['icu_mb_per_s']} MB/s) "
            f"| {spacy if spacy is not None else '–'} "
            f"| {aho if aho is not None else '–'} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kit", required=True)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--peers-python", default="")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scenarios", default=",".join(DEFAULT_SCENARIOS),
                        help=f"comma-separated, from {', '.join(SCENARIOS)}")
    parser.add_argument("--line-mb", type=int, default=1000,
                        help="size of the single-line input of the line scenario")
    args = parser.parse_args()
    bench = Bench(args)
    info = machine()
    log(f"machine: {info}")
    for scenario in args.scenarios.split(","):
        if scenario not in SCENARIOS:
            sys.exit(f"benchmark: unknown scenario '{scenario}'; choose from {SCENARIOS}")
        getattr(bench, scenario.replace("-", "_"))()
    with open(bench.path("results.jsonl"), "w") as f:
        f.write(json.dumps({"machine": info}) + "\n")
        for row in bench.results + bench.extra:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{info['date']}, {info['cpus']} CPUs ({info['cpu']}), {info['swift']}")
    print(table(bench.results))
    for row in bench.extra:
        print(json.dumps(row, ensure_ascii=False))
    for row in bench.results:
        extra = {key: value for key, value in row.items()
                 if key.endswith("_mb_per_s") and key not in ("mb_per_s", "tag_mb_per_s")}
        if "speedup" in row:
            extra["speedup over --jobs 1 (runs in turns)"] = row["speedup"]
            extra["of the medians above"] = row["speedup_of_medians_above"]
        print(f"{row['scenario']}: runs {row['seconds_all']}, load average "
              f"{row['load_average'][0]} → {row['load_average'][1]}, {extra}")


if __name__ == "__main__":
    main()
