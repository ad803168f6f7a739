import Foundation

/// Finds every problem in a gazetteer, where loading it for tagging stops at the first: the
/// structural ones the loader refuses (bad manifest or header, empty required fields, unknown
/// labels, aliases the matcher cannot compile) and those it lets through (duplicate ids, one
/// spelling under two labels of equal priority, text not in NFC, aliases that are ordinary
/// words of the stoplist).
///
/// Spellings are compared by matching key under the gazetteer's profile, token by token, as the
/// matcher compares them: `मॉस्को` and `मास्को` are the same alias under `standard`.
public struct GazetteerLinter: Sendable {
  public init() {}

  /// Lints a gazetteer directory (with its stoplist: the file its manifest names, or else
  /// `stoplist.txt`) or a spaCy patterns file (`.jsonl`). Findings name files by the path
  /// `url` was made from (its `relativePath`).
  ///
  /// - Parameter stoplist: a stoplist file to use instead of the directory's own.
  /// - Parameter base: the gazetteer this one is layered over (`tag --extend`): its labels
  ///   count as declared, and the report adds how the layer clashes with it (ids it replaces,
  ///   spellings a base entry already has), leaving out findings about the base itself.
  public func lint(contentsOf url: URL, stoplist: URL? = nil, extending base: Gazetteer? = nil)
    -> LintReport
  {
    var isDirectory: ObjCBool = false
    let shown = url.relativePath
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      return LintReport(
        findings: [.gazetteer(.unreadable(path: shown, reason: "no such file or directory"))],
        entryCount: 0)
    }
    if isDirectory.boolValue {
      return lintDirectory(named: shown, stoplist: stoplist, base: base) {
        name throws(GazetteerError) in
        try Gazetteer.readText(
          url.appendingPathComponent(name).path, shownAs: Gazetteer.displayPath(name, in: shown))
      }
    }
    var log = ProblemLog.lenient
    var gazetteer = Gazetteer(labels: [], entries: [], profile: .standard)
    do {
      if CompiledGazetteer.isCompiled(path: url.path) {
        gazetteer = try CompiledGazetteer(contentsOf: url.path, shownAs: shown).gazetteer()
        return report(
          gazetteer, stoplist: Self.stoplist(at: stoplist, log: &log), problems: log,
          files: [shown], base: base)
      }
      gazetteer = try SpacyPatternReader(file: shown).gazetteer(
        from: try Gazetteer.readText(url.path, shownAs: shown), log: &log)
    } catch {
      try? log.record(error)
    }
    return report(
      gazetteer, stoplist: Self.stoplist(at: stoplist, log: &log), problems: log, files: [shown],
      base: base)
  }

  /// Lints the gazetteer compiled into the library, with its stoplist.
  ///
  /// - Parameter stoplist: a stoplist file to use instead of the bundled one.
  public func lintBundled(stoplist: URL? = nil) -> LintReport {
    // The bundled gazetteer compiled, so it has no structural problems: what is left are the
    // findings about its entries, named by their bundled:FILE:LINE.
    var log = ProblemLog.lenient
    let words = stoplist == nil ? Stoplist.bundled : Self.stoplist(at: stoplist, log: &log)
    return report(
      .bundled, stoplist: words, problems: log,
      files: CompiledGazetteer.bundled.metadata.locationFiles)
  }

  private func lintDirectory(
    named name: String, stoplist url: URL?, base: Gazetteer? = nil,
    read: (String) throws(GazetteerError) -> String
  ) -> LintReport {
    var log = ProblemLog.lenient
    var gazetteer = Gazetteer(labels: [], entries: [], profile: .standard)
    var stoplist: Stoplist?
    var files = [Gazetteer.displayPath("manifest.json", in: name)]
    do {
      let (loaded, manifest) = try Gazetteer.directory(
        named: name, read: read, log: &log, extending: base)
      gazetteer = loaded
      files += manifest?.files.map { Gazetteer.displayPath($0.path, in: name) } ?? []
      if url != nil {
        stoplist = Self.stoplist(at: url, log: &log)
      } else if manifest != nil {
        stoplist = loaded.stoplist
      }
    } catch {
      preconditionFailure("a lenient problem log never throws: \(error)")
    }
    return report(gazetteer, stoplist: stoplist, problems: log, files: files, base: base)
  }

  private static func stoplist(at url: URL?, log: inout ProblemLog) -> Stoplist? {
    guard let url else { return nil }
    do {
      let shown = url.relativePath
      return Stoplist(
        parsing: try Gazetteer.readText(url.path, shownAs: shown), file: shown)
    } catch {
      try? log.record(error)
      return nil
    }
  }

  /// The report on a gazetteer read with `problems`: findings ordered by file (in the order of
  /// `files`, then any others) and line, and by when they were found.
  private func report(
    _ gazetteer: Gazetteer, stoplist: Stoplist?, problems: ProblemLog, files: [String],
    base: Gazetteer? = nil
  ) -> LintReport {
    var all = problems.problems.map(LintFinding.gazetteer)
    if let base {
      all += layerFindings(gazetteer, over: base, stoplist: stoplist, files: Set(files))
    } else {
      all += findings(in: gazetteer, stoplist: stoplist)
    }
    var fileRank: [String: Int] = [:]
    for file in files + all.compactMap(\.location?.file) where fileRank[file] == nil {
      fileRank[file] = fileRank.count
    }
    let ordered = all.enumerated().sorted {
      func key(_ item: (offset: Int, element: LintFinding)) -> (Int, Int, Int) {
        let location = item.element.location
        return (location.flatMap { fileRank[$0.file] } ?? -1, location?.line ?? 0, item.offset)
      }
      return key($0) < key($1)
    }
    return LintReport(findings: ordered.map(\.element), entryCount: gazetteer.entries.count)
  }

  /// The findings about the entries of a loaded gazetteer, in entry order: duplicate ids,
  /// spellings shared across entries, text not in NFC, stoplist words and aliases that cannot
  /// be compiled.
  ///
  /// - Complexity: O(*p*) in the total length of the patterns, plus the pairs of entries that
  ///   share a spelling.
  public func findings(in gazetteer: Gazetteer, stoplist: Stoplist? = nil) -> [LintFinding] {
    findings(in: gazetteer, stoplist: stoplist, layerStart: nil)
  }

  /// The findings about `layer` put over `base` (``Gazetteer/init(layering:over:profile:)``):
  /// those of its own entries, the ids it replaces and the spellings a base entry has.
  /// Findings located outside `files` (about the base itself) are left out.
  func layerFindings(
    _ layer: Gazetteer, over base: Gazetteer, stoplist: Stoplist?, files: Set<String>
  ) -> [LintFinding] {
    var found: [LintFinding] = []
    if layer.profile != base.profile {
      found.append(
        .gazetteer(
          .profileConflict(first: base.profile.rawValue, second: layer.profile.rawValue)))
    }
    var baseByID: [String: SourceLocation] = [:]
    for entry in base.entries where !entry.id.isEmpty && baseByID[entry.id] == nil {
      baseByID[entry.id] = entry.location
    }
    var reported: Set<String> = []
    for entry in layer.entries where !entry.id.isEmpty {
      if let first = baseByID[entry.id], reported.insert(entry.id).inserted {
        found.append(.replacesEntry(entry.location, id: entry.id, base: first))
      }
    }
    guard
      let layered = try? Gazetteer(layering: layer, over: base, profile: layer.profile)
    else { return found }
    let layerStart = layered.entries.count - layer.entries.count
    found += findings(in: layered, stoplist: stoplist, layerStart: layerStart).filter {
      $0.location.map { files.contains($0.file) } ?? true
    }
    return found
  }

  /// ``findings(in:stoplist:)``; entries from `layerStart` on are a layer over the ones before,
  /// whose spellings they are also checked against under labels of other priorities.
  private func findings(in gazetteer: Gazetteer, stoplist: Stoplist?, layerStart: Int?)
    -> [LintFinding]
  {
    let normalizer = Normalizer(profile: gazetteer.profile)
    let tokenizer = Tokenizer()
    func steps(_ text: String) -> [PhraseTrie.Step] {
      Matcher.steps(of: text, tokenizer: tokenizer, normalizer: normalizer)
    }
    var stopwords: [[PhraseTrie.Step]: Stoplist.Word] = [:]
    for word in stoplist?.words ?? [] where stopwords[steps(word.text)] == nil {
      stopwords[steps(word.text)] = word
    }
    let priorities = Dictionary(
      gazetteer.labels.map { ($0.name, $0.priority) }, uniquingKeysWith: { first, _ in first })
    let entries = gazetteer.entries
    var firstByID: [String: SourceLocation] = [:]
    var entriesBySteps: [[PhraseTrie.Step]: [Int]] = [:]
    var found: [LintFinding] = []
    for (index, entry) in entries.enumerated() {
      found += Self.nfcFindings(entry)
      if !entry.id.isEmpty {
        if let first = firstByID[entry.id] {
          found.append(.duplicateID(entry.location, id: entry.id, first: first))
        } else {
          firstByID[entry.id] = entry.location
        }
      }
      for pattern in entry.patterns where !pattern.isEmpty {
        let key: [PhraseTrie.Step]
        do {
          key = try Matcher.compilableSteps(
            of: pattern, at: entry.location, tokenizer: tokenizer, normalizer: normalizer)
        } catch {
          found.append(.gazetteer(error))
          continue
        }
        if let word = stopwords[key] {
          found.append(.ordinaryWord(entry.location, alias: pattern, word: word))
        }
        let earlier = entriesBySteps[key, default: []]
        if let overlap = Self.overlapFinding(
          pattern, of: index, earlier: earlier, entries: entries, priorities: priorities)
        {
          found.append(overlap)
        } else if let layerStart, index >= layerStart,
          let other = earlier.lazy.filter({ $0 < layerStart }).map({ entries[$0] }).first,
          let priority = priorities[entry.label], let otherPriority = priorities[other.label]
        {
          found.append(
            .baseAlias(
              entry.location, alias: pattern, label: entry.label, other: other.id,
              otherLabel: other.label, otherLocation: other.location,
              winner: priority > otherPriority ? entry.label : other.label))
        }
        if earlier.last != index { entriesBySteps[key, default: []].append(index) }
      }
    }
    return found
  }

  /// The finding for a spelling of `entries[index]` that earlier entries share, if any: an
  /// error when one of them has another label of the same priority, else a warning when one
  /// has the same label. Rows with the same id are left to the duplicate-id finding, and a
  /// label the manifest does not declare to the unknown-label finding.
  private static func overlapFinding(
    _ pattern: String, of index: Int, earlier: [Int], entries: [GazetteerEntry],
    priorities: [String: Int]
  ) -> LintFinding? {
    let entry = entries[index]
    guard let priority = priorities[entry.label] else { return nil }
    let others = earlier.lazy.filter { $0 != index }.map { entries[$0] }.filter {
      $0.id.isEmpty || $0.id != entry.id
    }
    if let other = others.first(where: {
      $0.label != entry.label && priorities[$0.label] == priority
    }) {
      return .aliasConflict(
        entry.location, alias: pattern, label: entry.label, other: other.id,
        otherLabel: other.label, otherLocation: other.location, priority: priority)
    }
    if let other = others.first(where: { $0.label == entry.label }) {
      return .sharedAlias(
        entry.location, alias: pattern, label: entry.label, other: other.id,
        otherLocation: other.location)
    }
    return nil
  }

  /// One finding for each column of `entry` with text that is not in NFC.
  private static func nfcFindings(_ entry: GazetteerEntry) -> [LintFinding] {
    var columns: [(String, [String])] = [
      ("id", [entry.id]), ("label", [entry.label]), ("name", [entry.name]),
      ("aliases", entry.aliases), ("english", [entry.englishName ?? ""]),
      ("wikidata", [entry.wikidata ?? ""]), ("source", [entry.source ?? ""]),
    ]
    columns += entry.attributes.sorted { $0.key < $1.key }.map { ($0.key, [$0.value]) }
    var found: [LintFinding] = []
    for (column, values) in columns {
      for value in values {
        guard let (original, nfc) = nfcDifference(value) else { continue }
        found.append(
          .notNFC(entry.location, column: column, value: value, found: original, nfc: nfc))
        break
      }
    }
    return found
  }

  /// The code points where `text` and its NFC form differ (`U+0958`, `U+0915 U+093C`), or
  /// `nil` when `text` is in NFC.
  static func nfcDifference(_ text: String) -> (found: String, nfc: String)? {
    let scalars = Array(text.unicodeScalars)
    guard Normalizer.needsNFC(scalars) else { return nil }
    let nfc = Array(Normalizer.nfc(text).unicodeScalars)
    guard scalars != nfc else { return nil }
    let prefix = zip(scalars, nfc).prefix { $0 == $1 }.count
    let suffix = zip(scalars[prefix...].reversed(), nfc[prefix...].reversed())
      .prefix { $0 == $1 }.count
    func codePoints(_ slice: ArraySlice<Unicode.Scalar>) -> String {
      slice.isEmpty
        ? "nothing"
        : slice.map { "U+" + String($0.value, radix: 16, uppercase: true).paddedTo4 }
          .joined(separator: " ")
    }
    return (
      codePoints(scalars[prefix..<(scalars.count - suffix)]),
      codePoints(nfc[prefix..<(nfc.count - suffix)])
    )
  }
}

extension String {
  fileprivate var paddedTo4: String { String(repeating: "0", count: max(0, 4 - count)) + self }
}
