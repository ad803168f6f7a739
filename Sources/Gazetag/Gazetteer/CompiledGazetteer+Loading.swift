import Foundation

extension CompiledGazetteer {
  /// Loads the compiled gazetteer at `path` with one bulk read per table.
  ///
  /// - Parameters:
  ///   - shown: how diagnostics name the file; `path` if `nil`.
  ///   - checkSources: refuse the file when a source file it records still exists but has
  ///     another size or modification time.
  /// - Throws: ``GazetteerError/unreadable(path:reason:)``,
  ///   ``GazetteerError/compiledFormat(path:version:)``,
  ///   ``GazetteerError/damagedCompiled(path:reason:)`` or
  ///   ``GazetteerError/staleCompiled(path:source:)``.
  public init(contentsOf path: String, shownAs shown: String? = nil, checkSources: Bool = true)
    throws(GazetteerError)
  {
    let shown = shown ?? path
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw .unreadable(path: shown, reason: "cannot open the file") }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadable(path: shown, reason: "cannot read the file's size")
    }
    try self.init(size: Int(status.st_size), shownAs: shown) { offset, buffer in
      var done = 0
      while done < buffer.count {
        let count = pread(
          descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
        if count <= 0 { return false }
        done += count
      }
      return true
    }
    if checkSources, let stale = metadata.sources.first(where: Self.hasChanged) {
      throw .staleCompiled(path: shown, source: stale.path)
    }
  }

  /// Loads a compiled gazetteer held in memory (the bundled one).
  init(bytes: UnsafeRawBufferPointer, shownAs shown: String) throws(GazetteerError) {
    try self.init(size: bytes.count, shownAs: shown) { offset, buffer in
      guard offset >= 0, offset + buffer.count <= bytes.count else { return false }
      buffer.copyMemory(
        from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + buffer.count)]))
      return true
    }
  }

  /// Whether a recorded source file exists with another size or modification time.
  private static func hasChanged(_ file: Metadata.SourceFile) -> Bool {
    guard let modified = file.modified else { return false }
    var status = stat()
    guard stat(file.path, &status) == 0 else { return false }
    return Int(status.st_size) != file.bytes || Int(status.st_mtim.tv_sec) != modified
  }

  /// Loads a file of `size` bytes through `read`, which fills a buffer from an offset and
  /// returns `false` if it cannot.
  private init(
    size: Int, shownAs shown: String,
    read: (Int, UnsafeMutableRawBufferPointer) -> Bool
  ) throws(GazetteerError) {
    func damaged(_ reason: String) -> GazetteerError {
      .damagedCompiled(path: shown, reason: reason)
    }
    var header = [UInt8](repeating: 0, count: Self.headerSize)
    let headerRead = header.withUnsafeMutableBytes { raw in
      read(0, UnsafeMutableRawBufferPointer(rebasing: raw[0..<min(size, raw.count)]))
    }
    guard headerRead, size >= Self.magic.count, Array(header[0..<8]) == Self.magic else {
      throw damaged("it does not start with the compiled-gazetteer mark GAZETAGC")
    }
    guard size >= Self.headerSize else {
      throw damaged("truncated: \(size) bytes, shorter than the \(Self.headerSize)-byte header")
    }
    let version = header.littleEndian(UInt32.self, at: 8)
    guard version == Self.formatVersion else {
      throw .compiledFormat(path: shown, version: Int(version))
    }
    guard header.littleEndian(UInt32.self, at: 12) == Self.byteOrderMark else {
      throw damaged("the byte-order mark is wrong")
    }
    let length = header.littleEndian(UInt64.self, at: 16)
    guard length == UInt64(size) else {
      throw damaged(
        length > UInt64(size)
          ? "truncated: \(size) bytes of the \(length) it was written with"
          : "\(size) bytes where it was written with \(length)")
    }
    guard header.littleEndian(UInt32.self, at: 28) == 0 else {
      throw damaged("the header's reserved bytes are not zero")
    }
    let sectionCount = Int(header.littleEndian(UInt32.self, at: 24))
    guard sectionCount == Section.allCases.count else {
      throw damaged("\(sectionCount) sections where this format has \(Section.allCases.count)")
    }
    var table = [UInt8](repeating: 0, count: sectionCount * Self.sectionEntrySize)
    guard table.count + Self.headerSize <= size,
      table.withUnsafeMutableBytes({ read(Self.headerSize, $0) })
    else { throw damaged("truncated section table") }
    guard table.withUnsafeBytes({ Self.checksum($0) }) == header.littleEndian(UInt64.self, at: 32)
    else { throw damaged("the section table's checksum does not match") }

    // Sections follow one another, each at the next multiple of 8, and the padding between
    // them is zero: with the checksums, no byte of the file goes unchecked.
    var end = Self.headerSize + table.count
    for section in Section.allCases {
      let base = Int(section.rawValue) * Self.sectionEntrySize
      let offset = table.littleEndian(UInt64.self, at: base + 8)
      let length = table.littleEndian(UInt64.self, at: base + 16)
      let padding = (8 - end % 8) % 8
      guard offset == UInt64(end + padding), length <= UInt64(size) - offset else {
        throw damaged("section '\(section)' is not where the one before it ends")
      }
      var gap = [UInt8](repeating: 0xFF, count: padding)
      guard gap.withUnsafeMutableBytes({ read(end, $0) }), gap.allSatisfy({ $0 == 0 }) else {
        throw damaged("the padding before section '\(section)' is not zero")
      }
      end = Int(offset + length)
    }
    guard end == size else { throw damaged("\(size - end) bytes after the last section") }

    /// Reads a section into a typed array with one bulk read, checking bounds and checksum.
    func load<Element>(_ section: Section) throws(GazetteerError) -> [Element] {
      let base = Int(section.rawValue) * Self.sectionEntrySize
      let kind = table.littleEndian(UInt32.self, at: base)
      let elementSize = Int(table.littleEndian(UInt32.self, at: base + 4))
      let offset = table.littleEndian(UInt64.self, at: base + 8)
      let length = table.littleEndian(UInt64.self, at: base + 16)
      let expected = table.littleEndian(UInt64.self, at: base + 24)
      let name = "\(section)"
      guard kind == section.rawValue, elementSize == MemoryLayout<Element>.stride,
        elementSize == section.elementSize
      else { throw damaged("the section table does not list '\(name)' where it belongs") }
      guard offset <= UInt64(size), length <= UInt64(size) - offset, offset % 8 == 0,
        length % UInt64(elementSize) == 0
      else { throw damaged("section '\(name)' lies outside the file") }
      let count = Int(length) / elementSize
      var sum: UInt64 = 0
      var complete = true
      let values = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
        let raw = UnsafeMutableRawBufferPointer(buffer)
        complete = count == 0 || read(Int(offset), raw)
        sum = Self.checksum(UnsafeRawBufferPointer(raw))
        initialized = complete ? count : 0
      }
      guard complete else { throw damaged("section '\(name)' cannot be read") }
      guard sum == expected else { throw damaged("section '\(name)' fails its checksum") }
      return values
    }
    let json: [UInt8] = try load(.metadata)
    guard let metadata = try? JSONDecoder().decode(Metadata.self, from: Data(json)) else {
      throw damaged("the metadata is not valid")
    }
    guard metadata.keyVersion == Self.keyVersion else {
      throw .compiledFormat(path: shown, version: Int(version))
    }
    guard let profile = MatchingProfile(rawValue: metadata.profile) else {
      throw damaged("unknown profile '\(metadata.profile)'")
    }
    let storage: [UInt8] = try load(.vocabularyStorage)
    let starts: [Int32] = try load(.vocabularyStarts)
    let vocabularySlots: [UInt64] = try load(.vocabularySlots)
    let vocabularyFilter: [UInt64] = try load(.vocabularyFilter)
    let rootChildren: [UInt64] = try load(.rootChildren)
    let transitionSlots: [UInt64] = try load(.transitionSlots)
    let transitionFilter: [UInt64] = try load(.transitionFilter)
    let entryList: [Int32] = try load(.entryList)
    let entryLabels: [UInt16] = try load(.entryLabels)
    let entryOffsets: [UInt64] = try load(.entryOffsets)
    let entryData: [UInt8] = try load(.entryData)

    // The checksums vouch for the bytes; these checks make sure that no table can send a
    // lookup out of bounds even so.
    let check = TableCheck(
      entryCount: entryLabels.count, entryListCount: entryList.count)
    guard
      check.vocabulary(storage: storage, starts: starts, slots: vocabularySlots)
        && vocabularyFilter.count.nonzeroBitCount == 1
        && rootChildren.count <= max(starts.count - 1, 0) && rootChildren.allSatisfy(check.node)
        && check.transitions(transitionSlots, count: metadata.transitionCount)
        && transitionFilter.count.nonzeroBitCount == 1
        && check.entryList(entryList)
        && entryLabels.allSatisfy({ Int($0) < metadata.labels.count })
        && check.offsets(entryOffsets, dataCount: entryData.count)
    else { throw damaged("its tables are inconsistent") }

    let vocabulary = KeyVocabulary(
      parts: (storage, starts, vocabularySlots, vocabularyFilter))
    let transitions = TransitionTable(
      parts: (transitionSlots, transitionFilter, metadata.transitionCount))
    self.trie = PhraseTrie(
      sealed: .init(
        vocabulary: vocabulary, rootChildren: rootChildren, transitions: transitions,
        entryList: entryList, hasDesignators: metadata.hasDesignators))
    self.labels = metadata.labels
    self.profile = profile
    self.metadata = metadata
    self.entryLabels = entryLabels
    self.entryOffsets = entryOffsets
    self.entryData = entryData
    self.path = shown
  }

  /// Bounds checks of the loaded tables.
  private struct TableCheck {
    let entryCount: Int
    let entryListCount: Int

    /// Whether a packed trie node (or a missing edge) points inside the entry list.
    func node(_ raw: UInt64) -> Bool {
      raw == TransitionTable.missing
        || PhraseTrie.Node(raw: raw).entryStart.map { $0 < entryListCount } ?? true
    }

    func vocabulary(storage: [UInt8], starts: [Int32], slots: [UInt64]) -> Bool {
      guard let last = starts.last, starts.first == 0, Int(last) == storage.count,
        slots.count.nonzeroBitCount == 1, starts.count - 1 < slots.count
      else { return false }
      for index in starts.indices.dropFirst() where starts[index] < starts[index - 1] {
        return false
      }
      let keys = UInt64(starts.count - 1)
      return slots.allSatisfy { $0 == 0 || ($0 & 0xFFFF_FFFF) <= keys && $0 & 0xFFFF_FFFF > 0 }
    }

    func transitions(_ slots: [UInt64], count: Int) -> Bool {
      let pairs = slots.count / 2
      guard slots.count % 2 == 0, pairs >= 16, pairs.nonzeroBitCount == 1, count < pairs
      else { return false }
      var index = 1
      while index < slots.count {
        guard node(slots[index]) else { return false }
        index += 2
      }
      return true
    }

    func entryList(_ list: [Int32]) -> Bool {
      guard list.isEmpty || list.last! < 0 else { return false }
      return list.allSatisfy { Int($0 < 0 ? ~$0 : $0) < entryCount }
    }

    func offsets(_ offsets: [UInt64], dataCount: Int) -> Bool {
      guard offsets.count == entryCount + 1, offsets.first == 0,
        offsets.last == UInt64(dataCount)
      else { return false }
      for index in offsets.indices.dropFirst() where offsets[index] < offsets[index - 1] {
        return false
      }
      return true
    }
  }
}

extension Array where Element == UInt8 {
  /// The little-endian integer at byte `offset`.
  fileprivate func littleEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
    withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
  }
}
