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

  @Option(name: [.short, .customLong("output")], help: "Write all output to this file.")
  var output: String?

  @Option(help: "Write one output file per input into this directory.")
  var outputDir: String?

  @Option(help: "Unit of start and end: codepoint, utf8 or utf16.")
  var offsets: OffsetUnit = .codePoint

  @Option(help: "Input format: text, or jsonl (one record per line, spans added to each).")
  var input: InputFormat = .text

  @Option(help: "With --input jsonl: the field that holds the text.")
  var textField: String = "text"

  func validate() throws {
    if output != nil && outputDir != nil {
      throw ValidationError("give either --output or --output-dir, not both")
    }
    if input == .jsonl && format != .jsonl {
      throw ValidationError("--input jsonl writes JSON Lines; drop --format \(format.rawValue)")
    }
    let inputs = Set(paths.filter { $0 != "-" }.map(Self.canonical))
    if let output, inputs.contains(Self.canonical(output)) {
      throw ValidationError("--output \(output) is also an input; choose another output path")
    }
  }

  func run() throws {
    try reportingFatalErrors {
      let tagger = try gazetteer.tagger()
      let (inputs, errors) = InputItem.collect(paths)
      var failed = !errors.isEmpty
      errors.forEach { report($0.description) }
      if format == .html {
        let output = HTMLOutput(tagger: tagger, offsets: offsets)
        let allTagged = try output.write(inputs, to: self.output, directory: outputDir)
        if failed || !allTagged { throw ExitCode.failure }
        return
      }
      let shared = outputDir == nil ? try output.map(OutputSink.init(path:)) ?? OutputSink() : nil
      if let outputDir {
        try FileManager.default.createDirectory(
          atPath: outputDir, withIntermediateDirectories: true)
      }
      for item in inputs {
        let sink = try shared ?? OutputSink(path: outputPath(for: item))
        do {
          switch input {
          case .text: try tagText(item, tagger: tagger, into: sink)
          case .jsonl: failed = try !tagRecords(item, tagger: tagger, into: sink) || failed
          }
          if shared == nil { try sink.commit() }
        } catch let error as InputError {
          report(error.description)
          failed = true
        }
      }
      try shared?.commit()
      if failed { throw ExitCode.failure }
    }
  }

  private func tagText(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws {
    let text = try TextDecoding.decode(try item.readAll(), path: item.source)
    let document = TaggedDocument(
      source: item.source, text: text, spans: tagger.spans(in: text))
    var serialized = ""
    format.writer(offsets: offsets).write(document, to: &serialized)
    try sink.write(serialized)
    try sink.flush()
  }

  /// Tags each line of a JSON Lines input; a bad line is reported and passed through unchanged.
  /// - Returns: whether every line was tagged.
  private func tagRecords(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws
    -> Bool
  {
    let descriptor = item.isStandardInput ? STDIN_FILENO : open(item.source, O_RDONLY)
    guard descriptor >= 0 else {
      throw InputError.unreadable(path: item.source, reason: String(cString: strerror(errno)))
    }
    defer { if !item.isStandardInput { close(descriptor) } }
    let annotator = JSONLRecordAnnotator(
      tagger: tagger, textField: textField, offsets: offsets)
    var reader = LineReader(descriptor: descriptor)
    var number = 0
    var allTagged = true
    while let bytes = try reader.nextLine() {
      number += 1
      var line = String(decoding: bytes, as: UTF8.self)
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        // Blank lines pass through, so that one line comes out per line in.
      } else if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
        report("\(item.source):\(number): byte \(offset) of the line: invalid UTF-8")
        allTagged = false
      } else {
        do {
          line = try annotator.annotate(line)
        } catch {
          report(
            InputError.invalidRecord(
              path: item.source, line: number, reason: error.description
            ).description)
          allTagged = false
        }
      }
      try sink.write(line + "\n")
      try sink.flush()
    }
    return allTagged
  }

  private func outputPath(for item: InputItem) -> String {
    let base =
      item.relativePath.hasSuffix(".txt")
      ? String(item.relativePath.dropLast(4)) : item.relativePath
    let path = URL(fileURLWithPath: outputDir!).appendingPathComponent(
      "\(base).\(format.fileExtension)")
    try? FileManager.default.createDirectory(
      at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
    return path.path
  }

  private static func canonical(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
