import ArgumentParser
import Foundation
import Gazetag

extension GazetteerGroup {
  /// `gazetag gazetteer lint`: report every problem of a gazetteer with its file and line.
  struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Report every problem of a gazetteer, each with its file and line.",
      discussion: """
        Reports what would stop the gazetteer from loading (bad manifest or header, empty id, \
        name or label, unknown labels, aliases the matcher cannot use) and what loading lets \
        through: duplicate ids, a spelling under two labels of the same priority, text not in \
        NFC, aliases that are ordinary words of the stoplist (the manifest's "stoplist" file, \
        else stoplist.txt). With --extends, the gazetteer is checked as a layer over another \
        (as tag --extend uses it): the base's labels count as declared, and it also reports \
        the ids it replaces (warnings), spellings a base entry already has, and labels \
        neither declares. One line per finding on standard output, then a summary line. \
        Exit status: 0 no errors (warnings allowed), 1 errors, 2 the gazetteer cannot be \
        found, 64 a usage error.
        """)

    @Argument(
      help: ArgumentHelp(
        "A gazetteer directory or a spaCy patterns file (.jsonl). Default: the bundled gazetteer.",
        valueName: "path"))
    var path: String?

    @Option(
      help: ArgumentHelp(
        "A stoplist to use instead of the gazetteer's own: one word per line, # comments.",
        valueName: "file"))
    var stoplist: String?

    @Option(
      help: ArgumentHelp(
        "Check the gazetteer as a layer over this one: 'bundled', or a gazetteer directory or patterns file.",
        valueName: "base"))
    var extends: String?

    func validate() throws {
      if extends != nil && path == nil {
        throw ValidationError(
          "--extends needs the gazetteer to check, e.g. lint my-gazetteer --extends bundled")
      }
      if let stoplist, !FileManager.default.fileExists(atPath: stoplist) {
        throw ValidationError("--stoplist \(stoplist): no such file")
      }
    }

    func run() throws {
      try reportingFatalErrors {
        let linter = GazetteerLinter()
        let stoplistURL = stoplist.map { URL(fileURLWithPath: $0) }
        let report: LintReport
        if let path {
          guard FileManager.default.fileExists(atPath: path) else {
            throw Fatal(
              message: GazetteerError.unreadable(path: path, reason: "no such file or directory")
                .description)
          }
          report = linter.lint(
            contentsOf: URL(fileURLWithPath: path), stoplist: stoplistURL, extending: try base())
        } else {
          report = linter.lintBundled(stoplist: stoplistURL)
        }
        let sink = OutputSink()
        for finding in report.findings {
          try sink.write(finding.description + "\n")
        }
        try sink.write(report.summary + "\n")
        try sink.commit()
        if report.errorCount > 0 { throw ExitCode.failure }
      }
    }

    /// The gazetteer `--extends` names, if any.
    private func base() throws -> Gazetteer? {
      guard let extends else { return nil }
      if extends == "bundled" { return .bundled }
      do {
        return try Gazetteer(contentsOf: URL(fileURLWithPath: extends))
      } catch {
        throw Fatal(error)
      }
    }
  }
}
