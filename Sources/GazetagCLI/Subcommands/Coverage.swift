import ArgumentParser
import Foundation
import Gazetag

/// `gazetag coverage`: score the tagger against a gold-annotated corpus and report what the
/// gazetteer misses.
struct Coverage: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score the gazetteer against gold annotations: precision, recall, F1 and misses.",
    discussion: """
      Gold files are JSON Lines ({"text": …, "spans": [{"start", "end", "label"}]}, code-point \
      offsets), CoNLL (token … tag per line; each sentence is tagged as its tokens joined by \
      single spaces) or brat standoff (.txt with .ann). Spans count when range and label \
      match exactly (seqeval's default mode). Thresholds take a number from 0 to 1 for the \
      micro average or LABEL=number for one gold label, and may be repeated. Exit status: 0 \
      every threshold met, 1 a threshold not met (or, with --strict, a malformed gold line), \
      2 a fatal error (gazetteer, unreadable gold file, output), 64 a usage error.
      """)

  @Option(
    name: .customLong("gold"), parsing: .upToNextOption,
    help: ArgumentHelp(
      "Gold files or directories (repeatable).", valueName: "path"))
  var goldPaths: [String] = []

  @Option(help: "Format of the gold files: jsonl, conll or brat. Default: from each file's name.")
  var goldFormat: GoldFormat?

  @Option(help: "Tag scheme of CoNLL files: iob1, iob2, bioes or bilou. Default: detected.")
  var scheme: TagScheme?

  @OptionGroup var gazetteer: GazetteerOptions

  @Option(
    help: ArgumentHelp(
      "Which of our labels count as which gold label, e.g. LOC=PLACE,LOC=COUNTRY,PER=PERSON; our labels not named are ignored. Default: same names.",
      valueName: "GOLD=OURS,…"))
  var labelMap: [String] = []

  @Flag(help: "Add overlap scores: a prediction counts when it overlaps a gold span of its label.")
  var partial = false

  @Option(
    help: ArgumentHelp(
      "Minimum micro precision, or LABEL=minimum for one gold label.", valueName: "[LABEL=]value"))
  var minPrecision: [String] = []

  @Option(
    help: ArgumentHelp(
      "Minimum micro recall, or LABEL=minimum for one gold label.", valueName: "[LABEL=]value"))
  var minRecall: [String] = []

  @Option(
    help: ArgumentHelp(
      "Minimum micro F1, or LABEL=minimum for one gold label.", valueName: "[LABEL=]value"))
  var minF1: [String] = []

  @Option(name: .customLong("report"), help: "Report format: text, json, junit or github.")
  var reportFormat: ReportFormat = .text

  @Option(name: [.short, .customLong("output")], help: "Write the report to this file.")
  var output: String?

  @Option(help: "How many lines each list of findings shows.")
  var top = 20

  @Flag(help: "Fail (exit 1) when a gold file has a malformed line.")
  var strict = false

  func validate() throws {
    if goldPaths.isEmpty {
      throw ValidationError("name the gold annotations with --gold PATH")
    }
    if top < 1 {
      throw ValidationError("--top must be at least 1")
    }
    _ = try thresholds()
    _ = try labelMapPairs()
    try gazetteer.validateLabels()
    if !labelMap.isEmpty {
      _ = try labelMap(declared: try gazetteer.declaredLabels())
    }
  }

  func run() throws {
    try reportingFatalErrors {
      let tagger = try gazetteer.tagger(entries: true)
      let map = try labelMap(declared: tagger.gazetteer.labels.map(\.name))
      let corpus: GoldCorpus
      do throws(GoldError) {
        corpus = try GoldCorpus(contentsOf: goldPaths, format: goldFormat, scheme: scheme)
      } catch {
        throw Fatal(error)
      }
      corpus.diagnostics.forEach { report($0) }
      let evaluator = CoverageEvaluator(
        tagger: tagger, labelMap: map, partial: partial, thresholds: try thresholds(),
        strict: strict, findingsLimit: top)
      let result = evaluator.evaluate(corpus)
      var text = ""
      reportFormat.writer(limit: top).write(result, to: &text)
      let sink = try output.map(OutputSink.init(path:)) ?? OutputSink()
      try sink.write(text)
      try sink.commit()
      if !result.passed { throw ExitCode.failure }
    }
  }

  /// The thresholds of `--min-precision`, `--min-recall` and `--min-f1`, in that order.
  func thresholds() throws -> [Threshold] {
    let options: [(Threshold.Metric, [String], String)] = [
      (.precision, minPrecision, "--min-precision"), (.recall, minRecall, "--min-recall"),
      (.f1, minF1, "--min-f1"),
    ]
    return try options.flatMap { metric, values, name in
      try values.map { value in
        guard let threshold = Threshold(metric: metric, parsing: value) else {
          throw ValidationError(
            "\(name) \(value): give a number from 0 to 1, or LABEL=number for one gold label")
        }
        return threshold
      }
    }
  }

  /// The pairs of `--label-map`, in order: each one GOLD=OURS, no label of ours twice.
  func labelMapPairs() throws -> [LabelMap.Pair] {
    var pairs: [LabelMap.Pair] = []
    for pair in try labelPairs(labelMap) {
      if let other = pairs.first(where: { $0.ours == pair.ours && $0.gold != pair.gold }) {
        throw ValidationError(
          "--label-map: \(pair.ours) counts as both \(other.gold) and \(pair.gold); map each of our labels to one gold label"
        )
      }
      pairs.append(pair)
    }
    return pairs
  }

  /// The label map of `--label-map`, checked against the gazetteer's labels.
  func labelMap(declared: [String]) throws -> LabelMap {
    guard !labelMap.isEmpty else { return .identity }
    let pairs = try labelMapPairs()
    for pair in pairs where !declared.contains(pair.ours) {
      throw ValidationError(
        "--label-map: unknown label '\(pair.ours)'; the gazetteer declares \(declared.joined(separator: ", "))"
      )
    }
    return LabelMap(pairs: pairs)
  }
}
