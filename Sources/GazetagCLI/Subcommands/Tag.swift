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

  @Option(help: "Output format.")
  var format: OutputFormat = .jsonl

  @OptionGroup var destination: OutputOptions

  @Option(help: "Unit of start and end: codepoint, utf8 or utf16.")
  var offsets: OffsetUnit = .codePoint

  @Option(help: "Input format: text, or jsonl (one record per line, spans added to each).")
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
    if input == .jsonl && format != .jsonl {
      throw ValidationError("--input jsonl writes JSON Lines; drop --format \(format.rawValue)")
    }
    try gazetteer.validateLabels()
  }

  func run() throws {
    try reportingFatalErrors {
      let (inputs, errors) = InputItem.collect(paths)
      let tagger: Tagger
      var ahead: DecodedAhead?
      if jobs > 1 && input == .text && format != .html {
        // The main thread reads and decodes the first inputs while the gazetteer loads.
        let options = SendableOptions(gazetteer)
        (tagger, ahead) = try DecodedAhead.loading(
          { try options.value.tagger() }, decoding: inputs, maximumSize: streamingThreshold,
          budget: 16 * streamingThreshold, invalid: invalid)
      } else {
        tagger = try gazetteer.tagger()
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
        writer: format.writer(offsets: offsets, gazetteer: tagger.gazetteer))
      var allTagged = errors.isEmpty
      switch input {
      case .text:
        allTagged =
          try tagTexts(inputs, tagger: tagger, outputs: outputs, ahead: ahead) && allTagged
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
