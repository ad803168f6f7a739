import ArgumentParser
import Foundation
import Gazetag

extension GazetteerGroup {
  /// `gazetag gazetteer stats`: count a gazetteer's entries per label and source.
  struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Count a gazetteer's entries per label and per source, its aliases and families.",
      discussion: """
        text: an aligned table. json: {"labels": {"PERSON": 312, …}, "sources": {"cldr": …, \
        "curated": …}, "entries": N, "aliases": N, "families": N}, labels in declaration \
        order, sources sorted by name. Exit status: 0 success, 2 the gazetteer cannot be \
        loaded, 64 a usage error.
        """)

    /// The formats `gazetag gazetteer stats` writes.
    enum Format: String, CaseIterable, ExpressibleByArgument {
      /// An aligned table for people.
      case text
      /// One JSON object for programs.
      case json
    }

    @Argument(
      help: ArgumentHelp(
        "A gazetteer directory, compiled file (.gzc) or spaCy patterns file (.jsonl). Default: the bundled gazetteer.",
        valueName: "path"))
    var path: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
      try reportingFatalErrors {
        let gazetteer = try Gazetteer.argument(path)
        let statistics = GazetteerStatistics(gazetteer)
        let sink = OutputSink()
        switch format {
        case .text: try sink.write(statistics.table)
        case .json: try sink.write(statistics.json + "\n")
        }
        try sink.commit()
      }
    }
  }
}
