import ArgumentParser
import Foundation
import Gazetag

/// `gazetag tag`: tag files, directories or standard input and write the spans.
struct Tag: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Tag named entities and write the spans.",
    discussion: """
      PATH is a file, a directory (searched recursively for *.txt) or - for standard input \
      (the default). Offsets count in the original text, end exclusive. Exit status: 0 \
      success, 1 some inputs failed (the others were still tagged), 2 a fatal error \
      (gazetteer or output), 64 a usage error.
      """)

  @Argument(help: ArgumentHelp("Files, directories or - (standard input).", valueName: "path"))
  var paths: [String] = []

  @OptionGroup var gazetteer: GazetteerOptions

  @Option(help: "Output format: jsonl, tsv, html, conll, brat, spacy or label-studio.")
  var format: OutputFormat = .jsonl

  @Option(help: "With --format conll: the tag scheme, iob1, iob2, bioes or bilou (default: iob2).")
  var scheme: TagScheme?

  @Flag(help: "With --format jsonl: add each document's text (\"text\") to its object.")
  var includeText = false

  @Option(
    help:
      "With --format label-studio: the from_name of results, the name of the labels control (default: label)."
  )
  var lsFromName: String?

  @Option(
    help:
      "With --format label-studio: the to_name of results, the name of the text object (default: text)."
  )
  var lsToName: String?

  @OptionGroup var labelMap: LabelMapOptions

  @OptionGroup var destination: OutputOptions

  @Option(help: "Unit of start and end: codepoint, utf8 or utf16.")
  var offsets: OffsetUnit = .codePoint

  @Option(
    help:
      "Input format: text, or jsonl (one record per line: spans added to each, or each a document of another --format)."
  )
  var input: InputFormat = .text

  @Option(help: "With --input jsonl: the field that holds the text.")
  var textField: String = "text"

  @Option(
    help: "Invalid UTF-8: error skips the input, replace substitutes U+FFFD and warns.")
  var invalid: TextDecoding.InvalidPolicy = .error

  @Option(
    name: .customLong("jobs"),
    help: ArgumentHelp(
      "Parallel jobs, across files and across pieces of a large file: 1 to \(Self.maximumJobs) (default: the number of cores).",
      valueName: "n"))
  var requestedJobs: Int?

  /// The most `--jobs` accepted: more threads than cores gain nothing, and a streamed input
  /// buffers `jobs` chunks.
  static let maximumJobs = 1024

  /// The number of parallel jobs: `--jobs`, or the number of cores.
  var jobs: Int {
    requestedJobs ?? min(ProcessInfo.processInfo.activeProcessorCount, Self.maximumJobs)
  }

  @Flag(
    inversion: .prefixedNo,
    help: ArgumentHelp(
      "Show inputs and bytes done, rate and time left on one line of standard error.",
      discussion:
        "By default shown when standard error is a terminal and standard output is not, for more than one input or one of over 64 MB."
    ))
  var progress: Bool?

  /// With --format html: pages of more bytes than this get a warning (for tests).
  @Option(help: .hidden)
  var largePageSize = HTMLOutput.largePageSize

  /// Bytes per streamed chunk and per parallel piece; small values exercise streaming in tests.
  @Option(help: .hidden)
  var chunkSize: Int = 4 << 20

  func validate() throws {
    try destination.validate(inputs: paths)
    if let requestedJobs, !(1...Self.maximumJobs).contains(requestedJobs) {
      throw ValidationError("--jobs \(requestedJobs): give a number from 1 to \(Self.maximumJobs)")
    }
    if !(1...(1 << 30)).contains(chunkSize) {
      throw ValidationError("--chunk-size \(chunkSize): give a number of bytes from 1 to 2^30")
    }
    if input == .jsonl && !format.readsRecords {
      throw ValidationError(
        "--input jsonl: --format \(format.rawValue) cannot hold records; choose jsonl, tsv, conll, spacy or label-studio"
      )
    }
    try validateFormatOptions()
    if format == .brat && destination.outputDir == nil && paths.count > 1 {
      throw ValidationError(
        "--format brat writes one document per output; give one input, or --output-dir DIR")
    }
    try gazetteer.validateLabels()
    try labelMap.validate(with: gazetteer)
  }

  /// Refuses the options of one format given with another.
  private func validateFormatOptions() throws {
    if offsets != .codePoint && !format.hasOffsetChoice {
      throw ValidationError(
        "--offsets \(offsets.rawValue): --format \(format.rawValue) counts code points, as its readers do; drop --offsets"
      )
    }
    if scheme != nil && format != .conll {
      throw ValidationError("--scheme is for --format conll")
    }
    if includeText && format != .jsonl {
      throw ValidationError("--include-text is for --format jsonl")
    }
    if (lsFromName != nil || lsToName != nil) && format != .labelStudio {
      throw ValidationError("--ls-from-name and --ls-to-name are for --format label-studio")
    }
  }

  /// The writer of `--format` and its options, for spans of `tagger`.
  func writer(for tagger: Tagger) -> any DocumentWriter {
    format.writer(
      OutputFormat.Settings(
        offsets: offsets, labels: tagger.spanLabels, scheme: scheme ?? .iob2,
        includeText: includeText, fromName: lsFromName ?? "label", toName: lsToName ?? "text"))
  }

  func run() throws {
    try reportingFatalErrors {
      let (inputs, errors) = InputItem.collect(paths)
      if format == .brat && destination.outputDir == nil && inputs.count > 1 {
        throw ValidationError(
          "--format brat writes one document per output, and \(inputs.count) inputs were found; give one input, or --output-dir DIR"
        )
      }
      // Checked against the gazetteer's labels in validate().
      let renamed = try labelMap.renamed()
      let tagger: Tagger
      var ahead: DecodedAhead?
      if jobs > 1 && input == .text && format != .html {
        // The main thread reads and decodes the first inputs while the gazetteer loads.
        let options = SendableOptions(gazetteer)
        (tagger, ahead) = try DecodedAhead.loading(
          { try options.value.tagger(renamedLabels: renamed) }, decoding: inputs,
          maximumSize: streamingThreshold,
          budget: 16 * streamingThreshold, invalid: invalid)
      } else {
        tagger = try gazetteer.tagger(renamedLabels: renamed)
      }
      errors.forEach { report($0) }
      if format != .html && progress ?? ProgressLine.isWanted(for: inputs) {
        ProgressLine.start(inputs)
      }
      defer { ProgressLine.end() }
      if format == .html {
        let output = HTMLOutput(
          tagger: tagger, offsets: offsets, invalid: invalid, largePageSize: largePageSize)
        let allTagged = try output.write(
          inputs, to: destination.output, directory: destination.outputDir)
        if !errors.isEmpty || !allTagged { throw ExitCode.failure }
        return
      }
      let outputs = try Outputs(
        file: destination.output, directory: destination.outputDir, inputs: inputs,
        writer: writer(for: tagger))
      var allTagged = errors.isEmpty
      switch input {
      case .text:
        allTagged =
          try tagTexts(inputs, tagger: tagger, outputs: outputs, ahead: ahead) && allTagged
      case .jsonl where format != .jsonl:
        for item in inputs {
          do {
            let sink = try outputs.open(item, startingDocument: false)
            allTagged =
              try tagRecordDocuments(item, tagger: tagger, outputs: outputs, into: sink)
              && allTagged
            try outputs.close(sink)
          } catch let error as InputError {
            report(error)
            allTagged = false
          }
        }
      case .jsonl:
        for item in inputs {
          do {
            let sink = try outputs.open(item)
            allTagged = try tagRecords(item, tagger: tagger, into: sink) && allTagged
            try outputs.close(sink)
          } catch let error as InputError {
            report(error)
            allTagged = false
          }
          ProgressLine.finishInput()
        }
      }
      try outputs.finish()
      if !allTagged { throw ExitCode.failure }
    }
  }
}

/// The gazetteer options, read on the thread that loads the gazetteer while the main thread
/// waits for it: only one thread uses them at a time.
private struct SendableOptions: @unchecked Sendable {
  let value: GazetteerOptions
  init(_ value: GazetteerOptions) { self.value = value }
}
