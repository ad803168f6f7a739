import ArgumentParser
import Foundation
import Gazetag

extension GazetteerGroup {
  /// `gazetag gazetteer export`: write a gazetteer as spaCy patterns or as one TSV data file.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a gazetteer as spaCy EntityRuler patterns or as one TSV data file.",
      discussion: """
        spacy: one {"label", "pattern", "id"} JSON object per spelling (name and aliases); \
        a designator family alias becomes token patterns with a regular-expression slot. \
        spaCy applies none of the standard profile's Devanagari folds: each spelling matches \
        as written (Documentation/GazetteerFormat.md, "Exporting"). tsv: the gazetteer's \
        data-file format with id, label, name, aliases, english, wikidata, source and the \
        extra columns. Exit status: 0 success, 2 the gazetteer cannot be loaded or the output \
        cannot be written, 64 a usage error.
        """)

    /// The formats `gazetag gazetteer export` writes.
    enum Format: String, CaseIterable, ExpressibleByArgument {
      /// spaCy EntityRuler patterns (JSON Lines).
      case spacy
      /// One data file of the gazetteer format.
      case tsv
    }

    @Argument(
      help: ArgumentHelp(
        "A gazetteer directory, compiled file (.gzc) or spaCy patterns file (.jsonl). Default: the bundled gazetteer.",
        valueName: "path"))
    var path: String?

    @Option(help: "Output format: spacy or tsv.")
    var format: Format = .spacy

    @Option(
      name: [.customShort("o"), .customLong("output")],
      help: ArgumentHelp(
        "Write to this file (whole or not at all) instead of standard output.",
        valueName: "file"))
    var output: String?

    func run() throws {
      try reportingFatalErrors {
        let gazetteer = try Gazetteer.argument(path)
        let text =
          switch format {
          case .spacy: SpacyPatternWriter().patterns(of: gazetteer)
          case .tsv: TSVEntryWriter().table(of: gazetteer)
          }
        let sink = try output.map(OutputSink.init(path:)) ?? OutputSink()
        try sink.write(text)
        try sink.commit()
      }
    }
  }
}
