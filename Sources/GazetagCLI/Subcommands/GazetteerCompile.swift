import ArgumentParser
import Foundation
import Gazetag

extension GazetteerGroup {
  /// `gazetag gazetteer compile`: write a gazetteer's matcher tables once, to load instantly.
  struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compile a gazetteer into one file that loads without parsing.",
      discussion: """
        Writes the matcher's tables and the entries' details to FILE, which tag, html, \
        coverage and the gazetteer commands accept wherever they take a gazetteer. The file \
        records its format version and the files it was compiled from; a file of another \
        version, a truncated or damaged one, or one whose sources changed since (same path, \
        other size or time) is refused with exit status 2. Exit status: 0 success, 2 the \
        gazetteer cannot be loaded or the file cannot be written, 64 a usage error.
        """)

    @Argument(
      help: ArgumentHelp(
        "A gazetteer directory or a spaCy patterns file (.jsonl).", valueName: "path"))
    var path: String

    @Option(
      name: [.customShort("o"), .customLong("output")],
      help: ArgumentHelp("The compiled file to write.", valueName: "file"))
    var output: String

    @Flag(
      help:
        "Record no modification times: the same sources always give the same bytes, and the file is never refused as stale."
    )
    var reproducible = false

    func run() throws {
      try reportingFatalErrors {
        let bytes: [UInt8]
        do {
          bytes = try CompiledGazetteer.compile(
            contentsOf: URL(fileURLWithPath: path), reproducible: reproducible)
        } catch {
          throw Fatal(error)
        }
        let sink = try OutputSink(path: output)
        try sink.write(bytes: bytes)
        try sink.commit()
      }
    }
  }
}
