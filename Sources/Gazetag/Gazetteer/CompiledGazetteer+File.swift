import Foundation

/// The layout of a compiled gazetteer file, all numbers little-endian:
///
/// - a 40-byte header: the magic `GAZETAGC`, the format version (UInt32), the byte-order mark
///   `0x01020304` (UInt32), the file's length in bytes (UInt64), the number of sections
///   (UInt32), 4 reserved bytes and the checksum of the section table (UInt64);
/// - the section table, 32 bytes a section: its kind and element size (UInt32 each), its
///   offset and length in bytes (UInt64 each) and the checksum of its bytes (UInt64);
/// - the sections, each at an offset that is a multiple of 8, in the order of ``Section``.
extension CompiledGazetteer {
  /// The sections of a compiled file, in file order.
  enum Section: UInt32, CaseIterable {
    case metadata, vocabularyStorage, vocabularyStarts, vocabularySlots, vocabularyFilter
    case rootChildren, transitionSlots, transitionFilter, entryList
    case entryLabels, entryOffsets, entryData

    /// The size in bytes of one element of the section.
    var elementSize: Int {
      switch self {
      case .metadata, .vocabularyStorage, .entryData: 1
      case .entryLabels: 2
      case .vocabularyStarts, .entryList: 4
      default: 8
      }
    }
  }

  static let headerSize = 40
  static let sectionEntrySize = 32
  static let byteOrderMark: UInt32 = 0x0102_0304

  // MARK: Writing

  /// The bytes of the compiled file for `gazetteer`.
  ///
  /// - Throws: ``GazetteerError/unusableAlias(_:alias:reason:)`` for an alias that cannot be
  ///   compiled, as loading for tagging would.
  /// - Complexity: O(*p*) in the total length of the patterns and entries.
  static func fileBytes(
    for gazetteer: Gazetteer, source: String, sources: [Metadata.SourceFile],
    stoplist: String? = nil
  ) throws(GazetteerError) -> [UInt8] {
    precondition(gazetteer.labels.count < Int(UInt16.max), "too many labels")
    let entries = gazetteer.entries
    let matcher = try Matcher(
      entries: entries, profile: gazetteer.profile, words: RuleStage.words(of: gazetteer.rules),
      include: { _ in true }, joiningCompoundsExcept: gazetteer.compoundExceptions)
    let trie = matcher.trie.sealedParts
    let vocabulary = trie.vocabulary.parts
    let transitions = trie.transitions.parts
    var labels = gazetteer.labels
    var labelIndex: [String: UInt16] = [:]
    for (index, label) in labels.enumerated() where labelIndex[label.name] == nil {
      labelIndex[label.name] = UInt16(index)
    }
    var files: [String] = []
    var fileIndex: [String: Int] = [:]
    var entryLabels: [UInt16] = []
    var entryOffsets: [UInt64] = [0]
    var entryData: [UInt8] = []
    entryLabels.reserveCapacity(entries.count)
    entryOffsets.reserveCapacity(entries.count + 1)
    for entry in entries {
      if labelIndex[entry.label] == nil {
        // A label no manifest declares (a lenient caller's): declared here, priority 0.
        labelIndex[entry.label] = UInt16(labels.count)
        labels.append(LabelDefinition(name: entry.label))
      }
      entryLabels.append(labelIndex[entry.label]!)
      let file = entry.location.file
      if fileIndex[file] == nil {
        fileIndex[file] = files.count
        files.append(file)
      }
      EntryCoding.append(entry, file: fileIndex[file]!, to: &entryData)
      entryOffsets.append(UInt64(entryData.count))
    }
    // The rules' words compiled now, against the vocabulary the file stores, so that loading
    // need not look them up again.
    let ruleKeys = RuleStage(
      rules: gazetteer.rules, matcher: matcher, labelNames: labels.map(\.name),
      entryLabels: .table([])
    ).compiled.map { CompiledRuleKeys(words: $0.words, context: $0.context) }
    let metadata = Metadata(
      source: source, sources: sources, keyVersion: keyVersion,
      profile: gazetteer.profile.rawValue, labels: labels, locationFiles: files,
      longestPattern: matcher.longestPattern, hasDesignators: trie.hasDesignators,
      transitionCount: transitions.count, stoplist: stoplist,
      rules: gazetteer.rules.isEmpty ? nil : gazetteer.rules,
      ruleKeyStart: gazetteer.rules.isEmpty ? nil : Int(matcher.ruleKeyStart),
      ruleKeys: gazetteer.rules.isEmpty ? nil : ruleKeys,
      joinsCompounds: gazetteer.joinsCompounds)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let json = [UInt8]((try? encoder.encode(metadata)) ?? Data())

    var sections: [(Section, [UInt8])] = []
    func add<T>(_ section: Section, _ values: [T]) {
      sections.append((section, values.withUnsafeBytes { Array($0) }))
    }
    sections.append((.metadata, json))
    add(.vocabularyStorage, vocabulary.storage)
    add(.vocabularyStarts, vocabulary.starts.map(\.littleEndian))
    add(.vocabularySlots, vocabulary.slots.map(\.littleEndian))
    add(.vocabularyFilter, vocabulary.filter.map(\.littleEndian))
    add(.rootChildren, trie.rootChildren.elements.map(\.littleEndian))
    add(.transitionSlots, transitions.slots.map(\.littleEndian))
    add(.transitionFilter, transitions.filter.map(\.littleEndian))
    add(.entryList, trie.entryList.elements.map(\.littleEndian))
    add(.entryLabels, entryLabels.map(\.littleEndian))
    add(.entryOffsets, entryOffsets.map(\.littleEndian))
    sections.append((.entryData, entryData))

    var table: [UInt8] = []
    var offset = headerSize + sectionEntrySize * sections.count
    var body: [UInt8] = []
    for (section, bytes) in sections {
      let padding = (8 - offset % 8) % 8
      body += repeatElement(0, count: padding)
      offset += padding
      table.appendLittleEndian(section.rawValue)
      table.appendLittleEndian(UInt32(section.elementSize))
      table.appendLittleEndian(UInt64(offset))
      table.appendLittleEndian(UInt64(bytes.count))
      table.appendLittleEndian(bytes.withUnsafeBytes { checksum($0) })
      body += bytes
      offset += bytes.count
    }
    var file = magic
    file.appendLittleEndian(formatVersion)
    file.appendLittleEndian(byteOrderMark)
    file.appendLittleEndian(UInt64(offset))
    file.appendLittleEndian(UInt32(sections.count))
    file.appendLittleEndian(UInt32(0))
    file.appendLittleEndian(table.withUnsafeBytes { checksum($0) })
    return file + table + body
  }

  /// A 64-bit checksum of `bytes`: four independent multiply–xor lanes over 32-byte blocks,
  /// so that it runs at memory speed. It finds damage, not tampering.
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, UInt64(bytes.count))
    var offset = 0
    while offset + 32 <= bytes.count {
      lanes.0 = (lanes.0 ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
      lanes.1 =
        (lanes.1 ^ bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)) &* prime
      lanes.2 =
        (lanes.2 ^ bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)) &* prime
      lanes.3 =
        (lanes.3 ^ bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) &* prime
      lanes.0 ^= lanes.0 >> 29
      lanes.1 ^= lanes.1 >> 29
      lanes.2 ^= lanes.2 >> 29
      lanes.3 ^= lanes.3 >> 29
      offset += 32
    }
    var hash = lanes.0 &* 3 ^ lanes.1 &* 5 ^ lanes.2 &* 7 ^ lanes.3 &* 11
    while offset < bytes.count {
      hash = (hash ^ UInt64(bytes[offset])) &* prime
      offset += 1
    }
    hash ^= hash >> 32
    hash &*= 0xD6E8_FEB8_6659_FD93
    return hash ^ hash >> 32
  }
}

extension Array where Element == UInt8 {
  fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
    Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
  }
}
