import ArgumentParser
import Foundation
import Gazetag

extension GazetteerGroup {
  /// `gazetag gazetteer harvest`: turn the names a gold corpus marks into a gazetteer.
  struct Harvest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Turn the names of gold annotations into a gazetteer, with the evidence.",
      discussion: """
        Every name the gold files mark (CoNLL, brat or JSON Lines, as for coverage) becomes a \
        candidate with its label, how often gold marks it and how often the same words stand \
        in the text unmarked; ratio = marked / (marked + unmarked). Left out, each with its \
        reason: names below --min-ratio or --min-count, stoplist words, names that start or \
        end with punctuation or end in a postposition, and names gold marks under several \
        labels with none at 80% of the marks. -o DIR writes a gazetteer directory (one TSV \
        file per label, with the counts as columns) and DIR/excluded.tsv; -o FILE.jsonl \
        writes spaCy patterns and FILE.excluded.tsv. A summary goes to standard error. Exit \
        status: 0 success, 2 a gold file or the output cannot be read or written, 64 a \
        usage error.
        """)

    @Option(
      name: .customLong("gold"), parsing: .upToNextOption,
      help: ArgumentHelp("Gold files or directories (repeatable).", valueName: "path"))
    var goldPaths: [String] = []

    @Option(help: "Format of the gold files: jsonl, conll or brat. Default: from each file's name.")
    var goldFormat: GoldFormat?

    @Option(help: "Tag scheme of CoNLL files: iob1, iob2, bioes or bilou. Default: detected.")
    var scheme: TagScheme?

    @Option(
      help: ArgumentHelp(
        "Our label for each gold label, e.g. NEP=PERSON,NEL=PLACE; gold labels not named are left out. Default: the gold labels.",
        valueName: "GOLD=OURS,…"))
    var labelMap: [String] = []

    @Option(
      help: ArgumentHelp(
        "The least share of a name's occurrences that gold must mark, 0 to 1.",
        valueName: "ratio"))
    var minRatio: Double = 0.5

    @Option(help: ArgumentHelp("The least number of times gold must mark a name.", valueName: "n"))
    var minCount: Int = 1

    @Flag(
      help: ArgumentHelp(
        "The gold files are annotated only in part: count a name's unmarked occurrences only up to the last document of its file that marks the name's label."
      ))
    var partialAnnotation = false

    @Option(
      help: ArgumentHelp(
        "Ordinary words no name may be, one per line. Default: the bundled gazetteer's stoplist.",
        valueName: "file"))
    var stoplist: String?

    @Option(
      name: [.customShort("o"), .customLong("output")],
      help: ArgumentHelp(
        "A gazetteer directory to write, or a spaCy patterns file (.jsonl).", valueName: "path"))
    var output: String

    func validate() throws {
      if goldPaths.isEmpty { throw ValidationError("give the gold files with --gold PATH") }
      if !(0...1).contains(minRatio) { throw ValidationError("--min-ratio must be from 0 to 1") }
      if minCount < 1 { throw ValidationError("--min-count must be at least 1") }
      _ = try pairs()
    }

    /// Our label for each gold label, or `nil` without `--label-map`.
    func pairs() throws -> [String: String]? {
      guard !labelMap.isEmpty else { return nil }
      var map: [String: String] = [:]
      for pair in try labelPairs(labelMap) {
        if let other = map[pair.gold], other != pair.ours {
          throw ValidationError(
            "--label-map: \(pair.gold) is mapped to both \(other) and \(pair.ours); give each gold label one label"
          )
        }
        map[pair.gold] = pair.ours
      }
      return map
    }

    func run() throws {
      try reportingFatalErrors {
        let corpus: GoldCorpus
        do {
          corpus = try GoldCorpus(contentsOf: goldPaths, format: goldFormat, scheme: scheme)
        } catch {
          throw Fatal(error)
        }
        corpus.diagnostics.forEach { report($0) }
        var words = Stoplist.bundled
        if let stoplist {
          do {
            words = Stoplist(
              parsing: try String(contentsOfFile: stoplist, encoding: .utf8), file: stoplist)
          } catch {
            throw Fatal(message: "\(stoplist): cannot read the stoplist; give a UTF-8 text file")
          }
        }
        let harvester = GazetteerHarvester(
          options: .init(
            minimumRatio: minRatio, minimumCount: minCount, labelMap: try pairs(),
            stoplist: words, partialAnnotation: partialAnnotation))
        let candidates = harvester.candidates(in: corpus)
        let excludedPath: String
        if output.lowercased().hasSuffix(".jsonl") {
          excludedPath = String(output.dropLast(".jsonl".count)) + ".excluded.tsv"
          try write(GazetteerHarvester.patterns(candidates), to: output)
          try write(GazetteerHarvester.exclusionTable(candidates), to: excludedPath)
        } else {
          excludedPath = (output as NSString).appendingPathComponent("excluded.tsv")
          let name =
            "harvested from "
            + corpus.files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
          var files = GazetteerHarvester.directoryFiles(
            candidates, name: name, known: Gazetteer.bundled.labels)
          files.append(("excluded.tsv", GazetteerHarvester.exclusionTable(candidates)))
          try writeDirectory(files)
        }
        report(summary(candidates, excludedPath: excludedPath))
      }
    }

    /// `harvested N entries (L n, …) from M names; left out K (reason n, …), listed in FILE`.
    private func summary(_ candidates: [HarvestCandidate], excludedPath: String) -> String {
      let kept = candidates.filter { $0.exclusion == nil }
      var perLabel: [(String, Int)] = []
      for candidate in kept {
        if let index = perLabel.firstIndex(where: { $0.0 == candidate.label }) {
          perLabel[index].1 += 1
        } else {
          perLabel.append((candidate.label, 1))
        }
      }
      let labels = perLabel.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
      let reasons = GazetteerHarvester.exclusionCounts(candidates).map { "\($0.0) \($0.1)" }
        .joined(separator: ", ")
      return
        "harvested \(kept.count) entries (\(labels)) from \(candidates.count) gold names; left out \(candidates.count - kept.count) (\(reasons)), listed in \(excludedPath)"
    }

    private func write(_ text: String, to path: String) throws {
      do {
        let sink = try OutputSink(path: path)
        try sink.write(text)
        try sink.commit()
      } catch let fatal as Fatal {
        throw fatal
      } catch {
        throw Fatal(message: "\(path): cannot write: \(error.localizedDescription)")
      }
    }

    /// Writes `files` into a new directory beside `output` and then moves it into place, so
    /// that the directory appears complete or not at all; an existing one is replaced.
    private func writeDirectory(_ files: [(name: String, contents: String)]) throws {
      let manager = FileManager.default
      let target = URL(fileURLWithPath: output)
      let parent = target.deletingLastPathComponent()
      let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
      let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(getpid())")
      do {
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        for (name, contents) in files {
          try Data(contents.utf8).write(to: staging.appendingPathComponent(name))
        }
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory) {
          guard isDirectory.boolValue else {
            throw Fatal(
              message: "\(output): exists and is not a directory; give a directory or a .jsonl file"
            )
          }
          try manager.moveItem(at: target, to: old)
        }
        try manager.moveItem(at: staging, to: target)
        try? manager.removeItem(at: old)
      } catch let fatal as Fatal {
        try? manager.removeItem(at: staging)
        throw fatal
      } catch {
        try? manager.removeItem(at: staging)
        throw Fatal(message: "\(output): cannot write the gazetteer: \(error.localizedDescription)")
      }
    }
  }
}
