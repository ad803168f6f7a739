"""Tag JSON Lines or plain-text files with gazetag on Apache Spark.

Each partition is piped through `gazetag tag --input jsonl` (`RDD.pipe`): every record comes out
as it went in, byte for byte, with a "spans" field added before its closing brace, and the
records are saved as JSON Lines part files in the output directory. Span offsets count in the
record's text field (code points unless --offsets says otherwise).

The gazetag binary, and any gazetteer given with --gazetteer, travel to the executors with
`SparkContext.addFile`; a bare name (no "/") instead names a file that spark-submit already
shipped with --files. See Documentation/Spark.md.

    spark-submit --files /path/to/gazetag integrations/spark/gazetag_spark.py \\
        --output-dir tagged/ articles.jsonl
"""

import argparse
import json
import os
import shlex
import shutil
import sys
import tempfile
import time
import zipfile

from pyspark import SparkContext, SparkFiles

# Exit status 1 means "some records could not be tagged; they were passed through unchanged and
# reported on stderr". Under --mode permissive that is not a failure of the task; any other
# non-zero status (2: gazetteer or output error) still fails it.
PERMISSIVE_WRAPPER = '"$@"; status=$?; if [ "$status" -eq 1 ]; then exit 0; fi; exit "$status"'


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="gazetag_spark.py",
        description="Tag named entities in JSON Lines or text files with gazetag, on Spark.",
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="input files, directories or globs (any path Spark reads: file:, hdfs:, s3a:, ...)",
    )
    parser.add_argument(
        "--output-dir",
        required=True,
        help="directory for the JSON Lines part files; it must not exist yet",
    )
    parser.add_argument(
        "--input-format",
        choices=["jsonl", "text"],
        default="jsonl",
        help="jsonl: one JSON record per line (.gz and other Hadoop codecs are read too); "
        'text: each file is one record {"id": <file URI>, "text": <contents>} (default: jsonl)',
    )
    parser.add_argument(
        "--text-field",
        default="text",
        help="the field of a jsonl record that holds the text (default: text)",
    )
    parser.add_argument(
        "--gazetag",
        default="gazetag",
        metavar="PATH",
        help="the gazetag binary: a path on the driver, shipped by this job, or the bare name "
        "of a file shipped with spark-submit --files (default: gazetag)",
    )
    parser.add_argument(
        "--gazetteer",
        action="append",
        default=[],
        metavar="PATH",
        help="a gazetteer directory or spaCy patterns .jsonl (repeatable; default: the "
        "gazetteer bundled in the binary); a path on the driver is shipped by this job, a "
        "bare name names a file shipped with --files",
    )
    parser.add_argument(
        "--offsets",
        choices=["codepoint", "utf8", "utf16"],
        default="codepoint",
        help="unit of span start and end (default: codepoint)",
    )
    parser.add_argument("--labels", metavar="L1,L2", help="only spans with these labels")
    parser.add_argument(
        "--mode",
        choices=["permissive", "failfast"],
        default="permissive",
        help="permissive: a record that cannot be tagged (not a JSON object, no text field, "
        "already has spans) is written unchanged and reported in the executor's stderr; "
        "failfast: such a record fails the task (default: permissive)",
    )
    parser.add_argument(
        "--min-partitions",
        type=int,
        help="read the input into at least this many partitions (default: Spark's)",
    )
    parser.add_argument(
        "--compress",
        choices=["none", "gzip"],
        default="none",
        help="compress the part files (default: none)",
    )
    return parser.parse_args(argv)


def is_local_master(master):
    """Whether tasks run inside the driver process ("local", "local[N]", "local[N,F]")."""
    return master == "local" or master.startswith("local[")


def executor_path(sc, name):
    """The path under which a pipe command on an executor finds a shipped file or archive.

    In local mode the executor is the driver, and shipped files live in the driver's SparkFiles
    directory. On a cluster an executor downloads them into its working directory, which is
    also the working directory of the Python worker that starts the pipe command, whereas
    SparkFiles.get on the driver would name a directory that exists on the driver only.
    """
    if is_local_master(sc.master):
        return SparkFiles.get(name)
    return os.path.join(".", name)


def ship(sc, value, scratch, index):
    """Ships a file or directory given on the command line; returns its name on executors.

    A value without "/" names a file that spark-submit already shipped with --files. A
    directory (a gazetteer) is zipped and shipped as an archive, which Spark unpacks into a
    directory of the archive's name.
    """
    if "/" not in value:
        return value
    if os.path.isdir(value):
        name = "gazetteer-{}-{}.zip".format(index, os.path.basename(os.path.normpath(value)))
        archive = os.path.join(scratch, name)
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
            for root, _, files in os.walk(value):
                for file in sorted(files):
                    full = os.path.join(root, file)
                    packed.write(full, os.path.relpath(full, value))
        sc.addArchive(archive)
        return name
    sc.addFile(value)
    return os.path.basename(value)


def gazetag_command(sc, options, binary, gazetteers):
    """The pipe command: `gazetag tag --input jsonl …`, wrapped for --mode permissive."""
    command = [executor_path(sc, binary), "tag", "--input", "jsonl", "--jobs", "1"]
    text_field = options.text_field if options.input_format == "jsonl" else "text"
    command += ["--text-field", text_field, "--offsets", options.offsets]
    for gazetteer in gazetteers:
        command += ["--gazetteer", executor_path(sc, gazetteer)]
    if options.labels:
        command += ["--labels", options.labels]
    if options.mode == "permissive":
        command = ["sh", "-c", PERMISSIVE_WRAPPER, "gazetag"] + command
    return shlex.join(command)


def text_record(item):
    """A JSON record for one whole text file: {"id": <file URI>, "text": <contents>}.

    A leading byte order mark is dropped, as `gazetag tag` does, so that offsets agree with
    tagging the file directly.
    """
    path, text = item
    if text.startswith("\ufeff"):
        text = text[1:]
    return json.dumps({"id": path, "text": text}, ensure_ascii=False)


def read_records(sc, options):
    """The input as an RDD of JSON Lines strings, one record each."""
    paths = ",".join(options.inputs)
    if options.input_format == "text":
        if options.min_partitions:
            files = sc.wholeTextFiles(paths, minPartitions=options.min_partitions)
        else:
            files = sc.wholeTextFiles(paths)
        return files.map(text_record)
    if options.min_partitions:
        return sc.textFile(paths, minPartitions=options.min_partitions)
    return sc.textFile(paths)


def main(argv):
    options = parse_arguments(argv)
    sc = SparkContext.getOrCreate()
    scratch = tempfile.mkdtemp(prefix="gazetag-spark-")
    try:
        binary = ship(sc, options.gazetag, scratch, 0)
        gazetteers = [
            ship(sc, value, scratch, index + 1) for index, value in enumerate(options.gazetteer)
        ]
        command = gazetag_command(sc, options, binary, gazetteers)
        records = read_records(sc, options)
        tagged = records.pipe(command, checkCode=True)
        written = sc.accumulator(0)

        def count(line):
            written.add(1)
            return line

        codec = "org.apache.hadoop.io.compress.GzipCodec" if options.compress == "gzip" else None
        started = time.monotonic()
        tagged.map(count).saveAsTextFile(options.output_dir, compressionCodecClass=codec)
        seconds = time.monotonic() - started
        print(
            "gazetag_spark: {} records in {} partitions tagged into {} in {:.1f} s".format(
                written.value, records.getNumPartitions(), options.output_dir, seconds
            ),
            flush=True,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        sc.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
