import Dispatch
import Foundation

extension CompiledGazetteer {
  /// Loads the compiled gazetteer at `path`: maps the file and uses its tables in place.
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
    let size = Int(status.st_size)
    if size == 0 {
      try self.init(bytes: UnsafeRawBufferPointer(start: nil, count: 0), shownAs: shown)
    } else {
      guard let mapped = CompiledBytes(mapping: descriptor, size: size) else {
        throw .unreadable(path: shown, reason: "cannot map the file into memory")
      }
      try self.init(in: mapped.bytes, owner: mapped, shownAs: shown)
    }
    if checkSources, let stale = metadata.sources.first(where: Self.hasChanged) {
      throw .staleCompiled(path: shown, source: stale.path)
    }
  }

  /// Loads a compiled gazetteer from a copy of `bytes`.
  init(bytes: UnsafeRawBufferPointer, shownAs shown: String) throws(GazetteerError) {
    let copy = CompiledBytes(copying: bytes)
    try self.init(in: copy.bytes, owner: copy, shownAs: shown)
  }

  /// Loads a compiled gazetteer whose `bytes` live as long as the process (the bundled one,
  /// embedded in the binary), using its tables in place.
  init(borrowing bytes: UnsafeRawBufferPointer, shownAs shown: String) throws(GazetteerError) {
    if let base = bytes.baseAddress, Int(bitPattern: base) % 8 != 0 {
      try self.init(bytes: bytes, shownAs: shown)
    } else {
      try self.init(in: bytes, owner: nil, shownAs: shown)
    }
  }

  /// Whether a recorded source file exists with another size or modification time.
  private static func hasChanged(_ file: Metadata.SourceFile) -> Bool {
    guard let modified = file.modified else { return false }
    var status = stat()
    guard stat(file.path, &status) == 0 else { return false }
    return Int(status.st_size) != file.bytes || Int(status.st_mtim.tv_sec) != modified
  }

  /// Loads the compiled gazetteer in `file`, whose start is aligned to 8 bytes, using its
  /// tables in place for as long as `owner` lives (`nil`: as long as the process).
  private init(
    in file: UnsafeRawBufferPointer, owner: CompiledBytes?, shownAs shown: String
  ) throws(GazetteerError) {
    func damaged(_ reason: String) -> GazetteerError {
      .damagedCompiled(path: shown, reason: reason)
    }
    let size = file.count
    guard size >= Self.magic.count, Array(file[0..<8]) == Self.magic else {
      throw damaged("it does not start with the compiled-gazetteer mark GAZETAGC")
    }
    guard size >= Self.headerSize else {
      throw damaged("truncated: \(size) bytes, shorter than the \(Self.headerSize)-byte header")
    }
    let version = file.littleEndian(UInt32.self, at: 8)
    guard version == Self.formatVersion else {
      throw .compiledFormat(path: shown, version: Int(version))
    }
    guard file.littleEndian(UInt32.self, at: 12) == Self.byteOrderMark else {
      throw damaged("the byte-order mark is wrong")
    }
    let length = file.littleEndian(UInt64.self, at: 16)
    guard length == UInt64(size) else {
      throw damaged(
        length > UInt64(size)
          ? "truncated: \(size) bytes of the \(length) it was written with"
          : "\(size) bytes where it was written with \(length)")
    }
    guard file.littleEndian(UInt32.self, at: 28) == 0 else {
      throw damaged("the header's reserved bytes are not zero")
    }
    let sectionCount = Int(file.littleEndian(UInt32.self, at: 24))
    guard sectionCount == Section.allCases.count else {
      throw damaged("\(sectionCount) sections where this format has \(Section.allCases.count)")
    }
    let tableSize = sectionCount * Self.sectionEntrySize
    guard tableSize + Self.headerSize <= size else { throw damaged("truncated section table") }
    let table = UnsafeRawBufferPointer(
      rebasing: file[Self.headerSize..<(Self.headerSize + tableSize)])
    guard Self.checksum(table) == file.littleEndian(UInt64.self, at: 32)
    else { throw damaged("the section table's checksum does not match") }

    // Sections follow one another, each at the next multiple of 8, and the padding between
    // them is zero: with the checksums, no byte of the file goes unchecked.
    var end = Self.headerSize + tableSize
    for section in Section.allCases {
      let base = Int(section.rawValue) * Self.sectionEntrySize
      let offset = table.littleEndian(UInt64.self, at: base + 8)
      let length = table.littleEndian(UInt64.self, at: base + 16)
      let padding = (8 - end % 8) % 8
      guard offset == UInt64(end + padding), length <= UInt64(size) - offset else {
        throw damaged("section '\(section)' is not where the one before it ends")
      }
      guard file[end..<(end + padding)].allSatisfy({ $0 == 0 }) else {
        throw damaged("the padding before section '\(section)' is not zero")
      }
      end = Int(offset + length)
    }
    guard end == size else { throw damaged("\(size - end) bytes after the last section") }
    let sums = Self.checksums(
      of: Section.allCases.map { section in
        let base = Int(section.rawValue) * Self.sectionEntrySize
        let offset = Int(table.littleEndian(UInt64.self, at: base + 8))
        return offset..<(offset + Int(table.littleEndian(UInt64.self, at: base + 16)))
      }, in: file)

    /// A section's elements in place, after checking bounds and checksum.
    func load<Element>(_ section: Section) throws(GazetteerError) -> UnsafeBufferPointer<Element> {
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
      let bytes = UnsafeRawBufferPointer(rebasing: file[Int(offset)..<Int(offset + length)])
      guard sums[Int(section.rawValue)] == expected else {
        throw damaged("section '\(name)' fails its checksum")
      }
      guard let start = bytes.baseAddress else { return UnsafeBufferPointer(start: nil, count: 0) }
      let count = Int(length) / elementSize
      return UnsafeBufferPointer(
        start: start.bindMemory(to: Element.self, capacity: count), count: count)
    }
    let json: UnsafeBufferPointer<UInt8> = try load(.metadata)
    guard let metadata = try? JSONDecoder().decode(Metadata.self, from: Data(buffer: json)) else {
      throw damaged("the metadata is not valid")
    }
    guard metadata.keyVersion == Self.keyVersion else {
      throw .compiledFormat(path: shown, version: Int(version))
    }
    guard let profile = MatchingProfile(rawValue: metadata.profile) else {
      throw damaged("unknown profile '\(metadata.profile)'")
    }
    let storage: UnsafeBufferPointer<UInt8> = try load(.vocabularyStorage)
    let starts: UnsafeBufferPointer<Int32> = try load(.vocabularyStarts)
    let vocabularySlots: UnsafeBufferPointer<UInt64> = try load(.vocabularySlots)
    let vocabularyFilter: UnsafeBufferPointer<UInt64> = try load(.vocabularyFilter)
    let rootChildren: UnsafeBufferPointer<UInt64> = try load(.rootChildren)
    let transitionSlots: UnsafeBufferPointer<UInt64> = try load(.transitionSlots)
    let transitionFilter: UnsafeBufferPointer<UInt64> = try load(.transitionFilter)
    let entryList: UnsafeBufferPointer<Int32> = try load(.entryList)
    let entryLabels: UnsafeBufferPointer<UInt16> = try load(.entryLabels)
    let entryOffsets: UnsafeBufferPointer<UInt64> = try load(.entryOffsets)
    let entryData: UnsafeBufferPointer<UInt8> = try load(.entryData)

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

    func inPlace<Element>(_ elements: UnsafeBufferPointer<Element>) -> FlatTable<Element> {
      FlatTable(borrowing: elements, owner: owner)
    }
    let vocabulary = KeyVocabulary(
      parts: (
        inPlace(storage), inPlace(starts), inPlace(vocabularySlots), inPlace(vocabularyFilter)
      ))
    let transitions = TransitionTable(
      parts: (inPlace(transitionSlots), inPlace(transitionFilter), metadata.transitionCount))
    self.trie = PhraseTrie(
      sealed: .init(
        vocabulary: vocabulary, rootChildren: inPlace(rootChildren), transitions: transitions,
        entryList: inPlace(entryList), hasDesignators: metadata.hasDesignators))
    self.labels = metadata.labels
    self.profile = profile
    self.metadata = metadata
    self.entryLabels = inPlace(entryLabels)
    self.entryOffsets = inPlace(entryOffsets)
    self.entryData = inPlace(entryData)
    self.path = shown
  }

  /// The checksum of each of the `ranges` of `file` (ranges inside it), computed on two
  /// threads for a large file: the largest range on one, the others on the other.
  private static func checksums(of ranges: [Range<Int>], in file: UnsafeRawBufferPointer)
    -> [UInt64]
  {
    var sums = [UInt64](repeating: 0, count: ranges.count)
    let largest = ranges.indices.max { ranges[$0].count < ranges[$1].count } ?? 0
    let total = ranges.reduce(0) { $0 + $1.count }
    sums.withUnsafeMutableBufferPointer { sums in
      let sums = UncheckedSendable(sums)
      let file = UncheckedSendable(file)
      @Sendable func sum(worker: Int) {
        for index in ranges.indices where (index == largest) == (worker == 0) {
          sums.value[index] = checksum(UnsafeRawBufferPointer(rebasing: file.value[ranges[index]]))
        }
      }
      // Below a few megabytes (the bundled gazetteer), starting a thread costs more than it
      // saves.
      if total >= 8 << 20 {
        DispatchQueue.concurrentPerform(iterations: 2) { sum(worker: $0) }
      } else {
        sum(worker: 0)
        sum(worker: 1)
      }
    }
    return sums
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

    func vocabulary(
      storage: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>,
      slots: UnsafeBufferPointer<UInt64>
    ) -> Bool {
      guard let last = starts.last, starts.first == 0, Int(last) == storage.count,
        slots.count.nonzeroBitCount == 1, starts.count - 1 < slots.count
      else { return false }
      for index in starts.indices.dropFirst() where starts[index] < starts[index - 1] {
        return false
      }
      let keys = UInt64(starts.count - 1)
      return slots.allSatisfy { $0 == 0 || ($0 & 0xFFFF_FFFF) <= keys && $0 & 0xFFFF_FFFF > 0 }
    }

    func transitions(_ slots: UnsafeBufferPointer<UInt64>, count: Int) -> Bool {
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

    func entryList(_ list: UnsafeBufferPointer<Int32>) -> Bool {
      guard list.isEmpty || list.last! < 0 else { return false }
      return list.allSatisfy { Int($0 < 0 ? ~$0 : $0) < entryCount }
    }

    func offsets(_ offsets: UnsafeBufferPointer<UInt64>, dataCount: Int) -> Bool {
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

extension UnsafeRawBufferPointer {
  /// The little-endian integer at byte `offset`.
  fileprivate func littleEndian<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
    T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
  }
}
