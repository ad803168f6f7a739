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

  public init(labels: [LabelDefinition], entries: [GazetteerEntry], profile: MatchingProfile) {
    self.labels = labels
    self.entries = entries
    self.profile = profile
  }

  /// Loads a gazetteer directory (with `manifest.json`) or a spaCy EntityRuler patterns file
  /// (`.jsonl`).
  ///
  /// - Throws: ``GazetteerError`` naming the file and line of the first problem.
  public init(contentsOf url: URL) throws(GazetteerError) {
    var isDirectory: ObjCBool = false
    let path = url.path
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file or directory")
    }
    if isDirectory.boolValue {
      self = try Self.directory(named: path) { name throws(GazetteerError) in
        try Self.readText(url.appendingPathComponent(name).path)
      }
    } else {
      self = try Self.withValidUTF8(ofFile: path) { bytes throws(GazetteerError) in
        try SpacyPatternReader(file: path).gazetteer(fromUTF8: bytes)
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
    var labels: [LabelDefinition] = []
    var entries: [GazetteerEntry] = []
    for gazetteer in gazetteers {
      if profile == nil, let first = gazetteers.first, gazetteer.profile != first.profile {
        throw .profileConflict(
          first: first.profile.rawValue, second: gazetteer.profile.rawValue)
      }
      for label in gazetteer.labels where !labels.contains(where: { $0.name == label.name }) {
        labels.append(label)
      }
      if entries.isEmpty {
        entries = gazetteer.entries  // shares the storage: no copy of a large gazetteer
      } else {
        entries += gazetteer.entries
      }
    }
    self.init(
      labels: labels, entries: entries,
      profile: profile ?? gazetteers.first?.profile ?? .standard)
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
    func display(_ file: String) -> String {
      name.isEmpty ? file : (name.hasSuffix("/") ? name + file : "\(name)/\(file)")
    }
    let manifestLocation = SourceLocation(file: display("manifest.json"), line: 0)
    let manifest = try GazetteerManifest.parse(
      try read("manifest.json"), location: manifestLocation)
    let profileName = manifest.profile ?? MatchingProfile.standard.rawValue
    guard let profile = MatchingProfile(rawValue: profileName) else {
      throw .unknownProfile(manifestLocation, profile: profileName)
    }
    let declared = manifest.labels.map(\.name)
    var entries: [GazetteerEntry] = []
    for file in manifest.files {
      if let label = file.label, !declared.contains(label) {
        throw .unknownLabel(manifestLocation, label: label, declared: declared)
      }
      let reader = TSVEntryReader(
        file: display(file.path), defaultLabel: file.label, declaredLabels: declared)
      entries += try reader.entries(in: try read(file.path))
    }
    return Gazetteer(labels: manifest.labels, entries: entries, profile: profile)
  }

  /// Calls `body` with the bytes of the file at `path` once they are known to be well-formed
  /// UTF-8; a large patterns file is parsed from them without a copy as a `String`.
  static func withValidUTF8<Result>(
    ofFile path: String, _ body: (UnsafeBufferPointer<UInt8>) throws(GazetteerError) -> Result
  ) throws(GazetteerError) -> Result {
    // Mapped, not read: a large patterns file then costs no copy and no zeroed memory.
    guard
      let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    else {
      throw .unreadable(path: path, reason: "cannot open the file")
    }
    let result: Swift.Result<Result, GazetteerError> = data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      if let offset = UTF8Validation.firstInvalidOffset(inBuffer: bytes) {
        return .failure(.unreadable(path: path, reason: "invalid UTF-8 at byte \(offset)"))
      }
      return Swift.Result { () throws(GazetteerError) in try body(bytes) }
    }
    return try result.get()
  }

  static func readText(_ path: String) throws(GazetteerError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "cannot open the file")
    }
    // One validating pass that builds the string; the offset is only needed on failure.
    if let text = String(validating: data, as: UTF8.self) { return text }
    let offset = UTF8Validation.firstInvalidOffset(in: [UInt8](data)) ?? 0
    throw .unreadable(path: path, reason: "invalid UTF-8 at byte \(offset)")
  }
}
