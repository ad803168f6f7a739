import ArgumentParser
import Foundation
import Gazetag

/// `gazetag html`: write annotated HTML to read in a browser and share; the same as
/// `gazetag tag --format html`.
struct HTML: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "html",
    abstract: "Write the text with its entities highlighted, as one self-contained HTML page.",
    discussion: """
      The same as `gazetag tag --format html`. One page holds every input, with a table of \
      contents; --output-dir writes one page per input (a.txt → DIR/a.html) and an \
      index.html. The page needs nothing but a browser: inline CSS, no script, no fonts or \
      other files from the network. Exit status: 0 success, 1 some inputs failed (the others \
      are on the page), 2 a fatal error (gazetteer or output), 64 a usage error.
      """)

  @Argument(help: ArgumentHelp("Files, directories or - (standard input).", valueName: "path"))
  var paths: [String] = []

  @OptionGroup var gazetteer: GazetteerOptions

  @OptionGroup var labelMap: LabelMapOptions

  @OptionGroup var destination: OutputOptions

  @Option(help: "Unit of the marks' data-start and data-end: codepoint, utf8 or utf16.")
  var offsets: OffsetUnit = .codePoint

  @Option(
    help: "Invalid UTF-8: error skips the input, replace substitutes U+FFFD and warns.")
  var invalid: TextDecoding.InvalidPolicy = .error

  /// Pages of more bytes than this get a warning; small values exercise it in tests.
  @Option(help: .hidden)
  var largePageSize = HTMLOutput.largePageSize

  func validate() throws {
    try destination.validate(inputs: paths)
    try gazetteer.validateLabels()
    try labelMap.validate(with: gazetteer)
  }

  func run() throws {
    try reportingFatalErrors {
      let tagger = try gazetteer.tagger(renamedLabels: try labelMap.renamed())
      let (inputs, errors) = InputItem.collect(paths)
      errors.forEach { report($0) }
      let allTagged = try HTMLOutput(
        tagger: tagger, offsets: offsets, invalid: invalid, largePageSize: largePageSize
      )
      .write(inputs, to: destination.output, directory: destination.outputDir)
      if !errors.isEmpty || !allTagged { throw ExitCode.failure }
    }
  }
}
