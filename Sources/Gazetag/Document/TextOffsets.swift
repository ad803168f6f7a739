/// One position of a text in all three offset units.
public struct TextOffsets: Hashable, Sendable {
  /// Position in UTF-8 bytes.
  public var utf8: Int
  /// Position in Unicode scalar values (code points).
  public var codePoint: Int
  /// Position in UTF-16 code units.
  public var utf16: Int

  public init(utf8: Int, codePoint: Int, utf16: Int) {
    self.utf8 = utf8
    self.codePoint = codePoint
    self.utf16 = utf16
  }

  /// The start of a text.
  public static let zero = TextOffsets(utf8: 0, codePoint: 0, utf16: 0)

  /// This position moved past the well-formed UTF-8 `bytes`.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  public func advanced(over bytes: UnsafeBufferPointer<UInt8>) -> TextOffsets {
    // Branch-free, so that the loop vectorizes: every byte but a continuation byte starts a
    // scalar, and a 4-byte lead starts one that takes two UTF-16 units.
    var continuations = 0
    var fourByteLeads = 0
    for byte in bytes {
      continuations &+= Int(truncatingIfNeeded: (byte & 0xC0 == 0x80) ? 1 as UInt8 : 0)
      fourByteLeads &+= Int(truncatingIfNeeded: (byte >= 0xF0) ? 1 as UInt8 : 0)
    }
    let codePoints = bytes.count - continuations
    return TextOffsets(
      utf8: utf8 + bytes.count, codePoint: codePoint + codePoints,
      utf16: utf16 + codePoints + fourByteLeads)
  }

  /// This position shifted by `base`: from a piece's start to the start of the whole text.
  public func shifted(by base: TextOffsets) -> TextOffsets {
    TextOffsets(
      utf8: utf8 + base.utf8, codePoint: codePoint + base.codePoint, utf16: utf16 + base.utf16)
  }

  /// The position in `unit`.
  public subscript(unit: OffsetUnit) -> Int {
    switch unit {
    case .utf8: utf8
    case .codePoint: codePoint
    case .utf16: utf16
    }
  }

  /// Translates UTF-8 byte offsets of `text` into all three units in one pass.
  ///
  /// - Parameter byteOffsets: UTF-8 byte offsets into `text`, each on a scalar boundary.
  /// - Returns: a table from each byte offset to its ``TextOffsets``.
  public static func translating(_ byteOffsets: [Int], in text: String) -> [Int: TextOffsets] {
    var text = text
    return text.withUTF8 { translating(byteOffsets, in: $0) }
  }

  /// Translates increasing UTF-8 byte offsets of valid UTF-8 into all three units in one pass.
  ///
  /// - Parameters:
  ///   - byteOffsets: UTF-8 byte offsets, each on a scalar boundary; any order, repeats allowed.
  ///   - bytes: the UTF-8 text the offsets point into.
  /// - Returns: a table from each byte offset to its ``TextOffsets``.
  /// - Complexity: O(*n* + *k* log *k*) for *n* bytes up to the largest offset and *k* offsets.
  static func translating(
    _ byteOffsets: [Int], in bytes: UnsafeBufferPointer<UInt8>
  ) -> [Int: TextOffsets] {
    var table: [Int: TextOffsets] = [:]
    table.reserveCapacity(byteOffsets.count)
    var counter = Counter(bytes)
    for target in byteOffsets.sorted() where table[target] == nil {
      table[target] = counter.offsets(at: target)
    }
    return table
  }

  /// Translates UTF-8 byte ranges of valid UTF-8 into all three units in one pass.
  ///
  /// - Parameters:
  ///   - ranges: UTF-8 byte ranges, each bound on a scalar boundary; fastest when the bounds,
  ///     taken in order, do not decrease (as for disjoint ranges ordered by start).
  ///   - bytes: the UTF-8 text the ranges point into.
  /// - Returns: the start and end of each range, in the order of `ranges`.
  /// - Complexity: O(*n* + *k*) for *n* bytes up to the largest bound and *k* ranges in order;
  ///   O(*n* + *k* log *k*) otherwise.
  static func translating(
    _ ranges: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>
  ) -> [(start: TextOffsets, end: TextOffsets)] {
    var counter = Counter(bytes)
    var inOrder = true
    var previous = 0
    for range in ranges {
      if range.lowerBound < previous {
        inOrder = false
        break
      }
      previous = range.upperBound
    }
    if inOrder {
      // Disjoint ranges by start (what the tagger asks for): one walk, no sort.
      return ranges.map { range in
        let start = counter.offsets(at: range.lowerBound)
        return (start, counter.offsets(at: range.upperBound))
      }
    }
    // Bound i is the start (even) or end (odd) of range i / 2.
    var bounds = [(offset: Int, index: Int)]()
    bounds.reserveCapacity(ranges.count * 2)
    for (index, range) in ranges.enumerated() {
      bounds.append((range.lowerBound, index * 2))
      bounds.append((range.upperBound, index * 2 + 1))
    }
    bounds.sort { $0.offset < $1.offset }
    let empty = TextOffsets(utf8: 0, codePoint: 0, utf16: 0)
    var result = [(start: TextOffsets, end: TextOffsets)](
      repeating: (empty, empty), count: ranges.count)
    for bound in bounds {
      let offsets = counter.offsets(at: bound.offset)
      if bound.index & 1 == 0 {
        result[bound.index >> 1].start = offsets
      } else {
        result[bound.index >> 1].end = offsets
      }
    }
    return result
  }

  /// Counts code points and UTF-16 units along UTF-8, forward only.
  struct Counter {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var codePoints = 0
    var utf16Units = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    /// The offsets of byte offset `target`, which is not before the last one asked for.
    mutating func offsets(at target: Int) -> TextOffsets {
      if let raw = UnsafeRawPointer(bytes.baseAddress) {
        // Eight bytes at a time: a byte starts a scalar unless it is 10xxxxxx, and a scalar
        // takes two UTF-16 units when its lead byte is 11110xxx.
        while position &+ 8 <= target {
          let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
          let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
          let fourByteLeads =
            word & (word << 1) & (word << 2) & (word << 3) & ~(word << 4) & 0x8080_8080_8080_8080
          let starts = 8 &- continuation.nonzeroBitCount
          codePoints &+= starts
          utf16Units &+= starts &+ fourByteLeads.nonzeroBitCount
          position &+= 8
        }
      }
      while position < target {
        let byte = bytes[position]
        if byte & 0xC0 != 0x80 {
          codePoints &+= 1
          utf16Units &+= byte >= 0xF0 ? 2 : 1
        }
        position &+= 1
      }
      return TextOffsets(utf8: target, codePoint: codePoints, utf16: utf16Units)
    }
  }
}
