import Foundation

/// Decodes the contents of a JSON string to UTF-8 exactly as Python's `json.loads` does, so
/// that offsets into a record's text field count the string a JSON reader gets back.
///
/// Every character stands for itself, U+FEFF included (Foundation's `JSONSerialization` drops
/// it, which shifted every later offset). `\uD83D\uDE00` (a high then a low surrogate escape)
/// is one scalar; a surrogate escape without its partner (`"\ud800"`), which Python keeps as a
/// lone surrogate that no UTF-8 text can hold, becomes U+FFFD. Either is one code point and one
/// UTF-16 unit, and U+FFFD is three UTF-8 bytes as the surrogate is in Python's
/// `surrogatepass`, so offsets agree with Python's in every unit.
enum JSONStringDecoder {
  /// The decoded text of `raw`, the bytes between the quotes of a JSON string that
  /// ``JSONRecordScanner`` has checked.
  static func decode(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var text: [UInt8] = []
    decode(raw, pieceSize: Int.max) { text.append(contentsOf: $0) }
    return text
  }

  /// Decodes `raw` (as ``decode(_:)``) and hands the text to `emit` in pieces of about
  /// `pieceSize` bytes, each ending at a scalar boundary.
  ///
  /// - Complexity: O(*n*) in the length of `raw`.
  static func decode(
    _ raw: UnsafeBufferPointer<UInt8>, pieceSize: Int,
    emit: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    precondition(pieceSize > 0)
    var piece: [UInt8] = []
    piece.reserveCapacity(min(raw.count, pieceSize) + 4)
    func flush() {
      piece.withUnsafeBufferPointer(emit)
      piece.removeAll(keepingCapacity: true)
    }
    var index = 0
    while index < raw.count {
      // Copies the run up to the next escape, in pieces that end at a scalar boundary.
      let escape = nextBackslash(in: raw, from: index)
      while index < escape {
        let room = pieceSize - piece.count
        var end = escape - index <= room ? escape : index + room
        while end < escape && end > index && raw[end] & 0xC0 == 0x80 { end -= 1 }
        if end == index {
          // Less room than one scalar: the piece takes it whole.
          end += 1
          while end < escape && raw[end] & 0xC0 == 0x80 { end += 1 }
        }
        piece.append(contentsOf: UnsafeBufferPointer(rebasing: raw[index..<end]))
        index = end
        if piece.count >= pieceSize { flush() }
      }
      guard index < raw.count else { break }
      let (scalar, length) = unescape(raw, at: index)
      appendUTF8(scalar, to: &piece)
      index += length
      if piece.count >= pieceSize { flush() }
    }
    if !piece.isEmpty || raw.isEmpty { flush() }
  }

  /// The index of the first `\` at or after `start`, or `raw.count`.
  private static func nextBackslash(in raw: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard let base = raw.baseAddress, start < raw.count,
      let found = memchr(base + start, 0x5C, raw.count - start)
    else { return raw.count }
    return UnsafeRawPointer(found) - UnsafeRawPointer(base)
  }

  /// The scalar of the escape at `index` and how many bytes it takes.
  private static func unescape(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> (
    UInt32, Int
  ) {
    switch raw[index + 1] {
    case UInt8(ascii: "b"): return (0x08, 2)
    case UInt8(ascii: "f"): return (0x0C, 2)
    case UInt8(ascii: "n"): return (0x0A, 2)
    case UInt8(ascii: "r"): return (0x0D, 2)
    case UInt8(ascii: "t"): return (0x09, 2)
    case UInt8(ascii: "u"): break
    case let other: return (UInt32(other), 2)  // \" \\ \/
    }
    let unit = hexValue(raw, at: index + 2)
    switch unit {
    case 0xD800...0xDBFF:
      // Python pairs a high surrogate only with a low surrogate escape right after it.
      if index + 12 <= raw.count, raw[index + 6] == 0x5C, raw[index + 7] == UInt8(ascii: "u") {
        let low = hexValue(raw, at: index + 8)
        if (0xDC00...0xDFFF).contains(low) {
          return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12)
        }
      }
      return (0xFFFD, 6)
    case 0xDC00...0xDFFF: return (0xFFFD, 6)
    default: return (unit, 6)
    }
  }

  /// The value of the four hexadecimal digits at `index`.
  private static func hexValue(_ raw: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
    var value: UInt32 = 0
    for byte in raw[index..<index + 4] {
      value = value << 4 | UInt32(hexDigit(byte) ?? 0)
    }
    return value
  }

  /// The value of one hexadecimal digit, or `nil`.
  static func hexDigit(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  private static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    switch scalar {
    case ..<0x80:
      bytes.append(UInt8(scalar))
    case ..<0x800:
      bytes.append(UInt8(0xC0 | scalar >> 6))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    case ..<0x10000:
      bytes.append(UInt8(0xE0 | scalar >> 12))
      bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | scalar >> 18))
      bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
