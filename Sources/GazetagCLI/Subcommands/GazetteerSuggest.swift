import ArgumentParser
import Foundation
import Gazetag

extension GazetteerGroup {
  /// `gazetag gazetteer suggest`: names the gazetteer lacks, found in raw text by its rules.
  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List names the gazetteer lacks, found in raw text by its context rules.",
      discussion: """
        Every rule of the gazetteer applies, enabled or not: the names its title rules guess, \
        the unknown words its head rules find before a head word, and the names after words \
        the text shows mostly before known people (learnt titles); words the text mostly \
        shows outside names are left out. Ranked by count, name-likeness and the rule's \
        reliability in the text, each with two contexts. Writes a gazetteer directory to review (manifest.json and \
        suggestions.tsv): delete a row (or start it with #) to drop a name, edit its label to \
        fix it, then use the directory with --extend. Exit status: 0 success, 2 a fatal \
        error, 64 a usage error.
        """)

    @Argument(help: ArgumentHelp("UTF-8 text files to read.", valueName: "path"))
    var paths: [String]

    @Option(
      name: .customLong("gazetteer"),
      help: ArgumentHelp(
        "A gazetteer directory, patterns file or compiled file. Default: the bundled gazetteer.",
        valueName: "path"))
    var gazetteerPath: String?

    @Option(help: ArgumentHelp("The most names to list.", valueName: "n"))
    var top = 200

    @Option(
      name: [.short, .customLong("output")],
      help: ArgumentHelp("The directory to write (created if missing).", valueName: "dir"))
    var output: String

    func validate() throws {
      if paths.isEmpty { throw ValidationError("give at least one text file") }
      if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
      try reportingFatalErrors {
        let suggester: NameSuggester
        let labels: [LabelDefinition]
        do {
          if let gazetteerPath {
            let url = URL(fileURLWithPath: gazetteerPath)
            if CompiledGazetteer.isCompiled(path: gazetteerPath) {
              let compiled = try CompiledGazetteer(contentsOf: gazetteerPath)
              (suggester, labels) = (try NameSuggester(compiled: compiled), compiled.labels)
            } else {
              let gazetteer = try Gazetteer(contentsOf: url)
              (suggester, labels) = (try NameSuggester(gazetteer: gazetteer), gazetteer.labels)
            }
          } else {
            (suggester, labels) = (
              try NameSuggester(compiled: .bundled), CompiledGazetteer.bundled.labels
            )
          }
        } catch let error as GazetteerError {
          throw Fatal(error)
        }
        var texts: [String] = []
        for path in paths {
          guard let data = FileManager.default.contents(atPath: path),
            let text = String(validating: data, as: UTF8.self)
          else {
            throw Fatal(message: "\(path): cannot read it as UTF-8 text")
          }
          texts.append(text)
        }
        let suggestions = Array(suggester.suggestions(in: texts).prefix(top))
        let files = NameSuggester.reviewDirectory(suggestions, labels: labels)
        do {
          try FileManager.default.createDirectory(
            atPath: output, withIntermediateDirectories: true)
          for (name, contents) in files.sorted(by: { $0.key < $1.key }) {
            let sink = try OutputSink(path: (output as NSString).appendingPathComponent(name))
            try sink.write(contents)
            try sink.commit()
          }
        } catch let fatal as Fatal {
          throw fatal
        } catch {
          throw Fatal(message: "\(output): cannot write: \(error.localizedDescription)")
        }
        report("suggested \(suggestions.count) names in \(output)/suggestions.tsv")
      }
    }
  }
}
