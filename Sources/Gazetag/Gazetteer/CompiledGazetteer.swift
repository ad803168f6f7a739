import Foundation

/// A gazetteer compiled for instant loading (`gazetag gazetteer compile`): the matcher's
/// tables as they lie in memory, and every entry's details packed to be read only for the
/// entries a run reports.
///
/// Loading maps the file and uses its tables in place after checking their checksums, with
/// no per-entry parsing and no copy; Documentation/GazetteerFormat.md describes the file. A file of another format
/// version, a truncated or damaged one, or one whose source files changed since it was
/// compiled is refused with a ``GazetteerError``.
public struct CompiledGazetteer: Sendable {
  /// The labels in declaration order.
  public let labels: [LabelDefinition]
  /// The profile the matching keys were made with.
  public let profile: MatchingProfile
  /// What the file was compiled from.
  public internal(set) var metadata: Metadata
  /// The number of entries.
  public var entryCount: Int { entryLabels.count }

  /// The index in ``labels`` of each entry's label.
  let entryLabels: FlatTable<UInt16>
  /// Where each entry's details start in ``entryData``, in bytes; one more than entries.
  let entryOffsets: FlatTable<UInt64>
  /// The entries' details (``EntryCoding``).
  let entryData: FlatTable<UInt8>
  /// The sealed trie.
  let trie: PhraseTrie
  /// The path the file was loaded from, for diagnostics.
  public let path: String

  /// What a compiled file records about itself (its `metadata` section, JSON).
  public struct Metadata: Codable, Hashable, Sendable {
    /// One file the gazetteer was compiled from.
    public struct SourceFile: Codable, Hashable, Sendable {
      /// The path as given to `compile` (a directory's files under its path).
      public var path: String
      /// The size in bytes.
      public var bytes: Int
      /// The modification time in whole seconds since 1970, unless compiled `--reproducible`.
      public var modified: Int?
    }

    /// The gazetteer compiled: the path given to `compile`.
    public var source: String
    /// The files read, checked for changes when the file is loaded.
    public var sources: [SourceFile]
    /// The version of the matching keys (``CompiledGazetteer/keyVersion``).
    public var keyVersion: Int
    var profile: String
    var labels: [LabelDefinition]
    /// The files named by entries' locations, by index.
    var locationFiles: [String]
    var longestPattern: Int
    var hasDesignators: Bool
    var transitionCount: Int
    /// The text of the directory's stoplist, for `gazetteer lint`, if it has one.
    var stoplist: String?
    /// The gazetteer's context rules, if it has any.
    var rules: [ContextRule]?
    /// The first key id of the rules' words that no pattern has (``Matcher/ruleKeyStart``).
    var ruleKeyStart: Int?
    /// The keys of each rule's words, in the order of ``rules``, compiled against this file's
    /// vocabulary (absent from files written before: their rules compile at load).
    var ruleKeys: [CompiledRuleKeys]?
    /// Whether the trie holds joined compounds (``Gazetteer/joinsCompounds``).
    var joinsCompounds: Bool?
  }

  /// The version of the file layout this build reads and writes.
  public static let formatVersion: UInt32 = 2
  /// The version of the matching keys and trie layout: raise it whenever normalization,
  /// tokenization of patterns or the tables change, so that old files are refused.
  public static let keyVersion = 2
  /// The first bytes of every compiled gazetteer.
  static let magic: [UInt8] = Array("GAZETAGC".utf8)

  /// Whether the file at `path` starts like a compiled gazetteer.
  public static func isCompiled(path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: magic.count)).map { Array($0) == magic } ?? false
  }

  /// A matcher over the compiled trie.
  func matcher() -> Matcher {
    Matcher(
      normalizer: Normalizer(profile: profile), trie: trie,
      longestPattern: metadata.longestPattern,
      ruleKeyStart: Int32(metadata.ruleKeyStart ?? Int(Int32.max)))
  }

  /// The label priority of each entry.
  func priorities() -> [Int] {
    let byLabel = labels.map(\.priority)
    return entryLabels.withUnsafeBufferPointer { $0.map { byLabel[Int($0)] } }
  }

  /// The label name of the entry at `index`.
  func label(ofEntry index: Int) -> String {
    labels[Int(entryLabels[index])].name
  }

  /// The entry at `index`, decoded from the packed details.
  ///
  /// - Complexity: O(*k*) in the size of the entry's details.
  public func entry(at index: Int) -> GazetteerEntry {
    precondition(index >= 0 && index < entryCount, "entry index out of range")
    let start = Int(entryOffsets[index])
    let end = Int(entryOffsets[index + 1])
    return entryData.withUnsafeBufferPointer { data in
      var reader = EntryCoding.Reader(bytes: UnsafeBufferPointer(rebasing: data[start..<end]))
      guard
        let entry = reader.entry(
          label: label(ofEntry: index), files: metadata.locationFiles)
      else {
        preconditionFailure("entry \(index) of a checked compiled gazetteer does not decode")
      }
      return entry
    }
  }

  /// The stoplist compiled with the gazetteer, if any; its lines are named `file`.
  public func stoplist(named file: String) -> Stoplist? {
    metadata.stoplist.map { Stoplist(parsing: $0, file: file) }
  }

  /// The whole gazetteer, every entry decoded: for layering, linting and coverage.
  public func gazetteer() -> Gazetteer {
    Gazetteer(
      labels: labels, entries: (0..<entryCount).map { entry(at: $0) }, profile: profile,
      joinsCompounds: metadata.joinsCompounds ?? false,
      stoplist: stoplist(
        named: Gazetteer.displayPath(Stoplist.defaultFileName, in: metadata.source)),
      rules: metadata.rules ?? [])
  }
}
