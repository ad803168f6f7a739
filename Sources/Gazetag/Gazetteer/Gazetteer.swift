import Foundation

/// A curated list of named entities with their labels and spellings: what the tagger matches.
///
/// Load one from a gazetteer directory or a spaCy patterns file with
/// ``init(contentsOf:)``, take the one compiled into the library with ``bundled``, or combine
/// several with ``init(merging:profile:)``.
public struct Gazetteer: Sendable {
  /// The labels in declaration order.
  public var labels: [LabelDefinition]
  /// The entries in gazetteer order, which breaks the last ties between candidate spans.
  public var entries: [GazetteerEntry]
  /// How aliases and text tokens are keyed for matching.
  public var profile: MatchingProfile
  /// Whether, under the standard profile, a name of several Devanagari words also matches
  /// written as one word (`आन्ध्रप्रदेश` for `आन्ध्र प्रदेश`). Gazetteer directories join
  /// compounds; spaCy patterns files, which match as spaCy's `PhraseMatcher` does, do not.
  public var joinsCompounds: Bool
  /// The ordinary words that a name must not be (a directory's stoplist): `lint` checks
  /// names against them, and no joined compound is one of them.
  public var stoplist: Stoplist?
  /// The context rules applied to the matches (Documentation/Rules.md), in order.
  public var rules: [ContextRule]

  public init(
    labels: [LabelDefinition], entries: [GazetteerEntry], profile: MatchingProfile,
    joinsCompounds: Bool = false, stoplist: Stoplist? = nil, rules: [ContextRule] = []
  ) {
    self.labels = labels
    self.entries = entries
    self.profile = profile
    self.rules = rules
    self.joinsCompounds = joinsCompounds
    self.stoplist = stoplist
  }

  /// The words no joined compound may be, or `nil` when compounds are not joined.
  var compoundExceptions: [String]? {
    joinsCompounds ? (stoplist?.words.map(\.text) ?? []) : nil
  }

  /// Loads a gazetteer directory (with `manifest.json`), a spaCy EntityRuler patterns file
  /// (`.jsonl`) or a compiled gazetteer (``CompiledGazetteer``, every entry decoded).
  ///
  /// - Parameter base: the gazetteer a directory extends, if it is a layer: the labels of
  ///   `base` count as declared, and its profile is the default. The result is the layer
  ///   alone; ``init(layering:over:profile:)`` puts it over `base`.
  /// - Throws: ``GazetteerError`` naming the file and line of the first problem; files are
  ///   named by the path `url` was made from (its `relativePath`).
  public init(contentsOf url: URL, extending base: Gazetteer? = nil) throws(GazetteerError) {
    var isDirectory: ObjCBool = false
    let path = url.path
    let shown = url.isFileURL ? url.relativePath : url.path
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: shown, reason: "no such file or directory")
    }
    if isDirectory.boolValue {
      var log = ProblemLog.strict
      self = try Self.directory(
        named: shown,
        read: { name throws(GazetteerError) in
          try Self.readText(
            url.appendingPathComponent(name).path, shownAs: Self.displayPath(name, in: shown))
        }, log: &log, extending: base
      ).gazetteer
    } else if CompiledGazetteer.isCompiled(path: path) {
      self = try CompiledGazetteer(contentsOf: path, shownAs: shown).gazetteer()
    } else {
      var log = ProblemLog.strict
      self = try Self.withValidUTF8(ofFile: path, shownAs: shown) { bytes throws(GazetteerError) in
        try SpacyPatternReader(file: shown).gazetteer(fromUTF8: bytes, log: &log)
      }
    }
  }

  /// Combines gazetteers in order: labels keep their first declaration, entries are
  /// concatenated (so earlier gazetteers win ties).
  ///
  /// - Parameter profile: the profile of the result; `nil` requires all profiles to agree.
  /// - Throws: ``GazetteerError/profileConflict(first:second:)`` when they do not.
  public init(merging gazetteers: [Gazetteer], profile: MatchingProfile? = nil)
    throws(GazetteerError)
  {
    if gazetteers.count == 1 {
      // Nothing to combine: keep the entries array as it is rather than copy it.
      self = gazetteers[0]
      if let profile { self.profile = profile }
      return
    }
    var labels: [LabelDefinition] = []
    var entries: [GazetteerEntry] = []
    var rules: [ContextRule] = []
    for gazetteer in gazetteers {
      rules += gazetteer.rules
      if profile == nil, let first = gazetteers.first, gazetteer.profile != first.profile {
        throw .profileConflict(
          first: first.profile.rawValue, second: gazetteer.profile.rawValue)
      }
      for label in gazetteer.labels where !labels.contains(where: { $0.name == label.name }) {
        labels.append(label)
      }
      entries += gazetteer.entries
    }
    let stoplists = gazetteers.compactMap(\.stoplist)
    self.init(
      labels: labels, entries: entries,
      profile: profile ?? gazetteers.first?.profile ?? .standard,
      joinsCompounds: gazetteers.contains { $0.joinsCompounds },
      stoplist: stoplists.isEmpty ? nil : Stoplist(words: stoplists.flatMap(\.words)),
      rules: rules)
  }

  /// The definition of `label`, if declared.
  public func label(named label: String) -> LabelDefinition? {
    labels.first { $0.name == label }
  }

  /// Reads a gazetteer directory through `read`, which returns a file's text given its path
  /// relative to the directory; `name` prefixes paths in diagnostics.
  static func directory(
    named name: String, read: (String) throws(GazetteerError) -> String
  ) throws(GazetteerError) -> Gazetteer {
    var log = ProblemLog.strict
    return try directory(named: name, read: read, log: &log).gazetteer
  }

  /// Reads a gazetteer directory, sending every problem to `log`. A lenient log yields what
  /// could be read, and the manifest unless it could not be parsed.
  ///
  /// - Parameter base: the gazetteer this one extends: its labels count as declared, and its
  ///   profile is the default (see ``init(layering:over:profile:)``).
  static func directory(
    named name: String, read: (String) throws(GazetteerError) -> String, log: inout ProblemLog,
    extending base: Gazetteer? = nil
  ) throws(GazetteerError) -> (gazetteer: Gazetteer, manifest: GazetteerManifest?) {
    let manifestLocation = SourceLocation(file: displayPath("manifest.json", in: name), line: 0)
    let manifest: GazetteerManifest
    do {
      manifest = try GazetteerManifest.parse(
        try read("manifest.json"), location: manifestLocation)
    } catch {
      try log.record(error)
      return (Gazetteer(labels: [], entries: [], profile: .standard), nil)
    }
    let profileName = manifest.profile ?? (base?.profile ?? .standard).rawValue
    let profile = MatchingProfile(rawValue: profileName) ?? .standard
    if MatchingProfile(rawValue: profileName) == nil {
      try log.record(.unknownProfile(manifest.location(of: profileName), profile: profileName))
    }
    let inherited = (base?.labels ?? []).filter { label in
      !manifest.labels.contains { $0.name == label.name }
    }
    let declared = (manifest.labels + inherited).map(\.name)
    // Everything wrong in the manifest comes first: labels of files, then unreadable files.
    var readers: [(reader: TSVEntryReader, text: String)] = []
    for file in manifest.files {
      var known = declared
      if let label = file.label, !declared.contains(label) {
        try log.record(
          .unknownLabel(manifest.location(of: file.path), label: label, declared: declared))
        known.append(label)  // reported once here, not again on every row
      }
      let reader = TSVEntryReader(
        file: displayPath(file.path, in: name), defaultLabel: file.label, declaredLabels: known)
      do {
        readers.append(
          (reader, try readListedFile(file.path, key: "files", of: name, in: manifest, read: read)))
      } catch {
        try log.record(error)
      }
    }
    var entries: [GazetteerEntry] = []
    for (reader, text) in readers {
      entries += try reader.entries(in: text, log: &log)
    }
    var rules: [ContextRule] = []
    if let file = manifest.rules {
      do {
        let text = try readListedFile(file, key: "rules", of: name, in: manifest, read: read)
        rules = try ContextRuleReader(file: displayPath(file, in: name), declaredLabels: declared)
          .rules(in: text, log: &log)
      } catch {
        try log.record(error)
      }
    }
    let stoplist = try Stoplist.load(for: manifest, of: name, read: read, log: &log)
    return (
      Gazetteer(
        labels: manifest.labels + inherited, entries: entries, profile: profile,
        joinsCompounds: true, stoplist: stoplist, rules: rules),
      manifest
    )
  }

  /// Reads a file the manifest names under `key`; a missing or undecodable file is reported
  /// at the manifest, which is where the fix goes.
  static func readListedFile(
    _ file: String, key: String, of name: String, in manifest: GazetteerManifest,
    read: (String) throws(GazetteerError) -> String
  ) throws(GazetteerError) -> String {
    do {
      return try read(file)
    } catch {
      guard case .unreadable(_, let reason) = error else { throw error }
      throw .unreadableFile(
        manifest.location(of: file), file: displayPath(file, in: name), key: key,
        reason: reason)
    }
  }

  /// How diagnostics name `file` of the gazetteer directory called `name`.
  static func displayPath(_ file: String, in name: String) -> String {
    if name.isEmpty { return file }
    return name.hasSuffix("/") || name.hasSuffix(":") ? name + file : "\(name)/\(file)"
  }

  /// The text of the UTF-8 file at `path`; errors name it `shownAs` if given.
  /// Calls `body` with the bytes of the file at `path` once they are known to be well-formed
  /// UTF-8; a large patterns file is parsed from them without a copy as a `String`.
  /// Diagnostics name the file `shown`.
  static func withValidUTF8<Result>(
    ofFile path: String, shownAs shown: String,
    _ body: (UnsafeBufferPointer<UInt8>) throws(GazetteerError) -> Result
  ) throws(GazetteerError) -> Result {
    // Mapped, not read: a large patterns file then costs no copy and no zeroed memory.
    guard
      let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    else {
      throw .unreadable(path: shown, reason: "cannot open the file")
    }
    let result: Swift.Result<Result, GazetteerError> = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      if let offset = UTF8Validation.firstInvalidOffset(inBuffer: bytes) {
        return .failure(invalidEncoding(in: bytes, at: offset, file: shown))
      }
      return Swift.Result { () throws(GazetteerError) in try body(bytes) }
    }
    return try result.get()
  }

  /// The text of the UTF-8 file at `path`; errors name it `shownAs` if given.
  static func readText(_ path: String, shownAs shown: String? = nil) throws(GazetteerError)
    -> String
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: shown ?? path, reason: "cannot open the file")
    }
    // One validating pass that builds the string; the offset is only needed on failure.
    if let text = String(validating: data, as: UTF8.self) { return text }
    let bytes = [UInt8](data)
    let offset = UTF8Validation.firstInvalidOffset(in: bytes) ?? 0
    throw bytes.withUnsafeBufferPointer { invalidEncoding(in: $0, at: offset, file: shown ?? path) }
  }

  /// The error for ill-formed UTF-8 at byte `offset` of `bytes`, with its line.
  private static func invalidEncoding(
    in bytes: UnsafeBufferPointer<UInt8>, at offset: Int, file: String
  ) -> GazetteerError {
    let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    return .invalidEncoding(SourceLocation(file: file, line: line), byteOffset: offset)
  }
}
