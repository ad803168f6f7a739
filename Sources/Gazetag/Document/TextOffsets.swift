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
    var codePoints = 0
    var utf16Units = 0
    for byte in bytes where byte & 0xC0 != 0x80 {
      codePoints += 1
      utf16Units += byte >= 0xF0 ? 2 : 1
    }
    return TextOffsets(
      utf8: utf8 + bytes.count, codePoint: codePoint + codePoints, utf16: utf16 + utf16Units)
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
    var position = 0
    var codePoints = 0
    var utf16Units = 0
    for target in byteOffsets.sorted() where table[target] == nil {
      while position < target {
        let byte = bytes[position]
        if byte & 0xC0 != 0x80 {
          codePoints += 1
          utf16Units += byte >= 0xF0 ? 2 : 1
        }
        position += 1
      }
      table[target] = TextOffsets(utf8: target, codePoint: codePoints, utf16: utf16Units)
    }
    return table
  }
}
