"""Checks that gazetag_spark.py on Spark tags exactly what gazetag tags alone.

Run by test_spark_pipe.sh with the Python of a virtual environment that has pyspark. It
generates records of Hindi news-like text from the names in the repository's gazetteer and
filler words of its own, then:

1. JSON Lines on local[2]: the Spark job and a direct `gazetag tag --input jsonl` run on the same
   file must give equal records (compared by record id, as parsed JSON objects) and the same
   lines without an id; records that cannot be tagged pass through both unchanged.
2. Text files with custom gazetteers (a spaCy patterns file shipped with spark-submit --files,
   and a gazetteer directory shipped by the job) and the binary shipped with --files, on
   local-cluster[2,1,1024], whose executors are separate processes that fetch the shipped files
   into their own working directories: the spans of each file must equal those of
   `gazetag tag` on the same files.
3. --mode failfast on local[2]: a record without the text field fails the job.

Prints a summary line per check, then `spark: N passed, N failed`, and exits non-zero on any
difference.
"""

import argparse
import glob
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JOB = os.path.join(HERE, "gazetag_spark.py")
# A Spark run that takes longer than this has hung; the test fails instead of waiting on.
SPARK_TIMEOUT = 900

FILLER = (
    "ने में से को और के की का पर है था थी थे कहा बताया गया गई आज कल सोमवार मंगलवार बुधवार "
    "गुरुवार शुक्रवार बैठक हमला मिसाइल परीक्षण सेना सरकार राष्ट्रपति प्रधानमंत्री विदेश मंत्री "
    "सीमा युद्ध शांति वार्ता समझौता रिपोर्ट अधिकारी सैनिक हथियार आपूर्ति बयान दौरा नेता "
    "उत्तर दक्षिण पूर्व पश्चिम नई दिल्ली अनुसार लगभग हजार लाख 2024 ३१ 15"
).split()
PUNCTUATION = ["।", ",", "॥", "(", ")", '"', ":", "?", "—"]
SEPARATORS = [" "] * 40 + ["  ", "\t", "\n", "\u00a0", "-", " \n\n ", "\u2028"]
DESIGNATORS = ["11", "१७", "23ए", "15", "२३", "24M"]
# Suffixes glued to a name make a longer word that must not yield the name.
SUFFIXES = ["ी", "ों", "वासी", "-स्थित"]


def gazetteer_names():
    """Every name and alias of the data files of the repository's gazetteer (its manifest's
    files; `rules.tsv` holds no names)."""
    names = []
    with open(os.path.join(ROOT, "gazetteer", "manifest.json"), encoding="utf-8") as manifest:
        files = [entry["path"] for entry in json.load(manifest)["files"]]
    for path in [os.path.join(ROOT, "gazetteer", name) for name in files]:
        header = None
        with open(path, encoding="utf-8") as file:
            for line in file:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                fields = line.split("\t")
                if header is None:
                    header = fields
                    continue
                row = dict(zip(header, fields))
                names.append(row["name"])
                names += [alias for alias in row.get("aliases", "").split("|") if alias]
    return names


def sentence(rng, names, words):
    """Hindi-like text of `words` tokens, about one in four a gazetteer name."""
    parts = []
    for _ in range(words):
        roll = rng.random()
        if roll < 0.25:
            token = rng.choice(names)
            while "#" in token:
                token = token.replace("#", rng.choice(DESIGNATORS), 1)
            if rng.random() < 0.3:
                token = "".join(rng.choice(SEPARATORS) if c == " " else c for c in token)
            if rng.random() < 0.05:
                token += rng.choice(SUFFIXES)
        elif roll < 0.32:
            token = rng.choice(PUNCTUATION)
        elif roll < 0.33:
            token = rng.choice(["😀", "✓", "Zelensky", "ज़ेलेंस्की", "किम"])
        else:
            token = rng.choice(FILLER)
        parts.append(token)
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts).strip()


def record_line(number, text, shape):
    """One JSON Lines record in one of several shapes, all with an "id"."""
    identifier = "r{:06d}".format(number)
    if shape == 0:
        return json.dumps({"id": identifier, "body": text}, ensure_ascii=False)
    if shape == 1:
        return json.dumps(
            {"id": identifier, "source": "wire", "n": number, "body": text},
            ensure_ascii=False,
            separators=(",", ":"),
        )
    if shape == 2:
        return json.dumps({"id": identifier, "body": text})  # \uXXXX escapes throughout
    meta = {"tags": ["रूस", 1.5, None, True], "score": -0.25}
    return "{{ \"body\" : {} , \"id\":\"{}\", \"meta\": {} }}  ".format(
        json.dumps(text, ensure_ascii=False), identifier, json.dumps(meta, ensure_ascii=False)
    )


def generate_records(path, count, rng, names):
    """Writes `count` records plus lines gazetag cannot tag; returns (lines, untaggable)."""
    lines = []
    untaggable = 0
    for number in range(1, count + 1):
        if number % 1000 == 500:
            lines.append(json.dumps({"id": "r{:06d}".format(number), "title": "no body"}))
            untaggable += 1
        elif number % 1000 == 700:
            lines.append(
                json.dumps(
                    {"id": "r{:06d}".format(number), "body": "रूस", "spans": []},
                    ensure_ascii=False,
                )
            )
            untaggable += 1
        else:
            words = 3000 if number == 42 else rng.randint(10, 120)
            lines.append(record_line(number, sentence(rng, names, words), number % 4))
    lines.insert(len(lines) // 2, '["not", "an", "object"]')
    untaggable += 1
    lines.insert(len(lines) // 3, "")
    lines.insert(2 * len(lines) // 3, "")
    with open(path, "wb") as file:
        for line in lines:
            file.write(line.encode("utf-8") + b"\n")
    return len(lines), untaggable


def read_lines(paths):
    """The lines of the files, split on "\\n" only (U+2028 is part of a line)."""
    lines = []
    for path in paths:
        with open(path, "rb") as file:
            data = file.read()
        if data:
            lines += data.decode("utf-8").rstrip("\n").split("\n")
    return lines


def by_id(lines):
    """Records with an id as {id: object}; other lines as a sorted list; duplicate ids."""
    records, others, duplicates = {}, [], []
    for line in lines:
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        if isinstance(value, dict) and "id" in value:
            if value["id"] in records:
                duplicates.append(value["id"])
            records[value["id"]] = value
        else:
            others.append(line)
    return records, sorted(others), duplicates


def spark_submit(args, master, log_path, work, submit_options=()):
    """Runs the Spark job under spark-submit in `work`; returns (exit status, its summary)."""
    command = [
        os.path.join(os.path.dirname(sys.executable), "spark-submit"),
        "--master",
        master,
        "--conf",
        "spark.driver.host=127.0.0.1",
        "--conf",
        "spark.driver.bindAddress=127.0.0.1",
        "--conf",
        "spark.ui.enabled=false",
        "--conf",
        "spark.local.dir=" + os.path.join(work, "spark-local"),
    ]
    command += list(submit_options) + [JOB] + args
    with open(log_path, "wb") as log:
        try:
            status = subprocess.run(
                command, stdout=log, stderr=subprocess.STDOUT, cwd=work, timeout=SPARK_TIMEOUT
            ).returncode
        except subprocess.TimeoutExpired:
            log.write("\nkilled after {} s\n".format(SPARK_TIMEOUT).encode())
            status = "killed after {} s".format(SPARK_TIMEOUT)
    summary = ""
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if line.startswith("gazetag_spark:"):
                summary = line.strip()
    return status, summary


def children_cpu_seconds():
    """User and system CPU seconds of the finished child processes that have been waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def remove_worker_directories(log_path, show_logs):
    """Removes what a local-cluster run's workers left under SPARK_HOME/work (executor logs)."""
    import pyspark

    work = os.path.join(os.path.dirname(os.path.abspath(pyspark.__file__)), "work")
    marker = "Registered app gazetag_spark.py with ID "
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if marker in line:
                application = line.split(marker, 1)[1].strip()
                if show_logs:
                    for path in glob.glob(os.path.join(work, application, "*", "stderr")):
                        show_log_tail(path)
                shutil.rmtree(os.path.join(work, application), ignore_errors=True)
    if os.path.isdir(work) and not os.listdir(work):
        os.rmdir(work)


def show_log_tail(log_path, lines=40):
    with open(log_path, encoding="utf-8", errors="replace") as log:
        tail = log.readlines()[-lines:]
    sys.stderr.write("--- last lines of {}\n{}".format(log_path, "".join(tail)))


def check_jsonl(options, names, rng):
    """Check 1: JSON Lines through Spark equal JSON Lines through gazetag alone."""
    work = options.work
    records_path = os.path.join(work, "records.jsonl")
    line_count, untaggable = generate_records(records_path, options.records, rng, names)
    megabytes = os.path.getsize(records_path) / 1e6
    print(
        "spark-pipe: {} lines, {} records ({} not taggable), {:.1f} MB".format(
            line_count, options.records, untaggable, megabytes
        ),
        flush=True,
    )

    started, before = time.monotonic(), children_cpu_seconds()
    direct = subprocess.run(
        [options.gazetag, "tag", "--input", "jsonl", "--text-field", "body", records_path],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    seconds, cpu = time.monotonic() - started, children_cpu_seconds() - before
    reported = direct.stderr.decode("utf-8").splitlines()
    print(
        "spark-pipe: gazetag alone: exit {}, {} lines reported, {:.1f} s, {:.1f} s CPU".format(
            direct.returncode, len(reported), seconds, cpu
        ),
        flush=True,
    )
    failures = []
    if direct.returncode != 1 or len(reported) != untaggable:
        failures.append(
            "gazetag alone: expected exit 1 and {} reported lines, got {} and:\n{}".format(
                untaggable, direct.returncode, "\n".join(reported)
            )
        )
    expected_lines = direct.stdout.decode("utf-8").rstrip("\n").split("\n")

    output = os.path.join(work, "spark-jsonl")
    log_path = os.path.join(work, "spark-jsonl.log")
    args = ["--gazetag", options.gazetag, "--text-field", "body", "--output-dir", "spark-jsonl"]
    args += ["--min-partitions", str(options.partitions), "records.jsonl"]
    status, summary = spark_submit(args, options.master, log_path, work)
    print("spark-pipe: spark-submit --master {}: exit {}".format(options.master, status))
    print(summary, flush=True)
    if status != 0:
        show_log_tail(log_path)
        return failures + ["the Spark job failed (exit {})".format(status)]
    parts = sorted(glob.glob(os.path.join(output, "part-*")))
    actual_lines = read_lines(parts)

    expected, expected_others, _ = by_id(expected_lines)
    actual, actual_others, duplicates = by_id(actual_lines)
    equal = sum(1 for key, value in expected.items() if actual.get(key) == value)
    identical = len(set(expected_lines) & set(actual_lines))
    spans = sum(len(value.get("spans", [])) for value in actual.values())
    print(
        "spark: {} records, {} equal, {} spans ({} part files, {} of {} distinct lines "
        "byte-identical)".format(
            len(actual), equal, spans, len(parts), identical, len(set(expected_lines))
        ),
        flush=True,
    )
    if len(parts) < 2:
        failures.append("expected several part files, got {}".format(len(parts)))
    if len(expected) != options.records or len(actual) != len(expected) or duplicates:
        failures.append(
            "record counts: generated {}, gazetag alone {}, Spark {} (duplicates: {})".format(
                options.records, len(expected), len(actual), duplicates[:5]
            )
        )
    for key in sorted(set(expected) | set(actual)):
        if expected.get(key) != actual.get(key):
            failures.append(
                "record {} differs:\n  alone: {}\n  spark: {}".format(
                    key, json.dumps(expected.get(key))[:300], json.dumps(actual.get(key))[:300]
                )
            )
            if len(failures) > 10:
                break
    if expected_others != actual_others:
        failures.append(
            "lines without an id differ: alone {!r}, spark {!r}".format(
                expected_others, actual_others
            )
        )
    if identical != len(set(expected_lines)):
        failures.append("only {} lines are byte-identical".format(identical))
    return failures


def check_text(options, names, rng):
    """Check 2: whole text files with custom gazetteers on a local cluster."""
    work = options.work
    texts = os.path.join(work, "texts")
    os.makedirs(texts)
    for number in range(1, 41):
        text = sentence(rng, names, rng.randint(20, 400))
        if number % 10 == 3:
            text = "\ufeff" + text
        if number % 10 == 7:
            text = text.replace("\n", "\r\n")
        with open(os.path.join(texts, "article-{:02d}.txt".format(number)), "wb") as file:
            file.write(text.encode("utf-8"))
    patterns = os.path.join(work, "topics.jsonl")
    with open(patterns, "w", encoding="utf-8") as file:
        for word, identifier in [("वार्ता", "topic:talks"), ("मिसाइल परीक्षण", "topic:test")]:
            record = {"label": "TOPIC", "pattern": word, "id": identifier}
            file.write(json.dumps(record, ensure_ascii=False) + "\n")
    gazetteer_dir = os.path.join(ROOT, "gazetteer")

    direct = subprocess.run(
        [options.gazetag, "tag", "--gazetteer", patterns, "--gazetteer", gazetteer_dir, texts],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    if direct.returncode != 0:
        return ["gazetag alone on text files: exit {}".format(direct.returncode)]
    expected = {}
    for line in direct.stdout.decode("utf-8").splitlines():
        value = json.loads(line)
        expected[os.path.basename(value["source"])] = value["spans"]

    output = os.path.join(work, "spark-text")
    log_path = os.path.join(work, "spark-text.log")
    # The binary and the patterns file travel with --files and are named by their bare names;
    # the gazetteer directory is given as a path and shipped by the job.
    shipped = ["--files", options.gazetag + "," + patterns]
    args = ["--input-format", "text", "--gazetteer", "topics.jsonl"]
    args += ["--gazetteer", gazetteer_dir, "--output-dir", "spark-text", "texts"]
    master = "local-cluster[2,1,1024]"
    status, summary = spark_submit(args, master, log_path, work, shipped)
    remove_worker_directories(log_path, show_logs=status != 0)
    print("spark-pipe: spark-submit --master {} (text files): exit {}".format(master, status))
    print(summary, flush=True)
    if status != 0:
        show_log_tail(log_path)
        return ["the Spark job on text files failed (exit {})".format(status)]
    actual = {}
    texts_equal = 0
    for line in read_lines(sorted(glob.glob(os.path.join(output, "part-*")))):
        value = json.loads(line)
        name = os.path.basename(value["id"])
        actual[name] = value["spans"]
        with open(os.path.join(texts, name), "rb") as file:
            original = file.read().decode("utf-8").lstrip("\ufeff")
        texts_equal += value["text"] == original
    equal = sum(1 for name, spans in expected.items() if actual.get(name) == spans)
    topics = sum(1 for spans in actual.values() for span in spans if span["label"] == "TOPIC")
    print(
        "spark text: {} files, {} equal, {} spans ({} TOPIC from the patterns file)".format(
            len(actual), equal, sum(len(spans) for spans in actual.values()), topics
        ),
        flush=True,
    )
    failures = []
    if len(expected) != 40 or equal != 40 or len(actual) != 40 or texts_equal != 40:
        failures.append(
            "text files: {} tagged alone, {} by Spark, {} equal, {} texts intact".format(
                len(expected), len(actual), equal, texts_equal
            )
        )
    if topics == 0:
        failures.append("no TOPIC span: the patterns file was not used")
    return failures


def check_failfast(options):
    """Check 3: under --mode failfast a record without the text field fails the job."""
    work = options.work
    path = os.path.join(work, "failfast.jsonl")
    with open(path, "w", encoding="utf-8") as file:
        file.write('{"id": 1, "body": "किम जोंग उन"}\n{"id": 2, "title": "no body"}\n')
    output = os.path.join(work, "spark-failfast")
    log_path = os.path.join(work, "spark-failfast.log")
    args = ["--gazetag", options.gazetag, "--text-field", "body", "--mode", "failfast"]
    args += ["--output-dir", "spark-failfast", "failfast.jsonl"]
    status, _ = spark_submit(args, "local[2]", log_path, work)
    with open(log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    reported = "no string field 'body'" in text and "exited with error code 1" in text
    print(
        "spark failfast: exit {}, gazetag's report in the log: {}, output committed: {}".format(
            status, "yes" if reported else "no", os.path.exists(os.path.join(output, "_SUCCESS"))
        ),
        flush=True,
    )
    failed_itself = isinstance(status, int) and status != 0
    if not failed_itself or not reported or os.path.exists(os.path.join(output, "_SUCCESS")):
        show_log_tail(log_path)
        return ["--mode failfast did not fail the job on a record without the text field"]
    return []


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetag", required=True, help="the gazetag binary (absolute path)")
    parser.add_argument("--work", required=True, help="an empty scratch directory")
    parser.add_argument("--records", type=int, default=3000, help="records to generate")
    parser.add_argument("--master", default="local[2]", help="Spark master of check 1")
    parser.add_argument("--partitions", type=int, default=4, help="minimum input partitions")
    parser.add_argument(
        "--only-jsonl", action="store_true", help="run check 1 only (to measure throughput)"
    )
    options = parser.parse_args()
    rng = random.Random(20240613)
    names = gazetteer_names()
    checks = [lambda: check_jsonl(options, names, rng)]
    if not options.only_jsonl:
        checks += [lambda: check_text(options, names, rng), lambda: check_failfast(options)]
    failed = 0
    for check in checks:
        failures = check()
        for failure in failures:
            sys.stderr.write("FAIL: " + failure + "\n")
        failed += 1 if failures else 0
    print("spark: {} passed, {} failed".format(len(checks) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
