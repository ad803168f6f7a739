import CGazetagBundled

extension CompiledGazetteer {
  /// The gazetteer compiled from the repository's `gazetteer/` directory and embedded in the
  /// library (by `Scripts/embed-gazetteer.sh`), so that a copied `gazetag` executable works
  /// alone. Diagnostics name its files `bundled:FILE`.
  public static let bundled: CompiledGazetteer = {
    var size = 0
    let bytes = UnsafeRawBufferPointer(start: gz_bundled_gazetteer(&size), count: size)
    do {
      var compiled = try CompiledGazetteer(borrowing: bytes, shownAs: "the bundled gazetteer")
      let prefix = compiled.metadata.source + "/"
      func shown(_ file: String) -> String {
        file.hasPrefix(prefix) ? Gazetteer.bundledName + file.dropFirst(prefix.count) : file
      }
      compiled.metadata.locationFiles = compiled.metadata.locationFiles.map(shown)
      compiled.metadata.rules = compiled.metadata.rules?.map { rule in
        var rule = rule
        rule.file = shown(rule.file)
        return rule
      }
      return compiled
    } catch {
      preconditionFailure("the bundled gazetteer is invalid: \(error)")
    }
  }()
}

extension Gazetteer {
  /// The bundled gazetteer (``CompiledGazetteer/bundled``) with every entry decoded.
  /// Diagnostics name it `bundled:FILE:LINE`.
  public static let bundled: Gazetteer = CompiledGazetteer.bundled.gazetteer()

  /// How diagnostics name the bundled gazetteer's directory.
  static let bundledName = "bundled:"
}

extension CompiledGazetteer {
  /// A one-line description of the bundled gazetteer for `--version`: its number of entries
  /// and its fingerprint, the 64-bit checksum of the compiled file's section table (which
  /// holds every section's checksum, metadata included), as 16 hexadecimal digits. The
  /// fingerprint changes whenever an entry, a label or a source file's size does, and is the
  /// same for every build of the same data. Read from the header and section table alone,
  /// without loading or checking the tables.
  public static var bundledSummary: String {
    var size = 0
    let bytes = UnsafeRawBufferPointer(start: gz_bundled_gazetteer(&size), count: size)
    guard let labelsIndex = Section.allCases.firstIndex(of: .entryLabels),
      size >= headerSize + Section.allCases.count * sectionEntrySize
    else { return "bundled gazetteer: unreadable" }
    let fingerprint = bytes.loadUnaligned(fromByteOffset: 32, as: UInt64.self).littleEndian
    let labelsLength = bytes.loadUnaligned(
      fromByteOffset: headerSize + labelsIndex * sectionEntrySize + 16, as: UInt64.self
    ).littleEndian
    let entries = Int(labelsLength) / Section.entryLabels.elementSize
    let hex = String(fingerprint, radix: 16)
    return
      "bundled gazetteer: \(entries) entries, fingerprint \(String(repeating: "0", count: 16 - hex.count) + hex)"
  }
}
