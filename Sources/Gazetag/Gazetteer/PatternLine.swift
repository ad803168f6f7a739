/// The fields of one spaCy pattern line of the usual shape, parsed straight from its UTF-8:
/// a JSON object whose values are all strings, e.g.
/// `{"label": "PLACE", "pattern": "डोनबास", "id": "place:donbas"}`.
///
/// Parsing a million such lines with `JSONSerialization` takes seconds; this takes a fraction
/// of that. Any other shape (a number or array value, a malformed line) is left
/// to `JSONSerialization` by ``SpacyPatternReader``, so its answers and error messages stay the
/// same.
struct PatternLine {
  /// A string value: the range of its UTF-8 inside the line when it has no escapes, or the
  /// decoded string.
  enum Value {
    case raw(Range<Int>)
    case decoded(String)
  }

  /// The line's UTF-8.
  let bytes: UnsafeBufferPointer<UInt8>
  var label: Value?
  var pattern: Value?
  var id: Value?

  /// The fields of `line`, or `nil` when it is not a JSON object whose values are all strings.
  static func parse(_ line: UnsafeBufferPointer<UInt8>) -> PatternLine? {
    var parser = Parser(bytes: line)
    return parser.object()
  }

  /// The string of a value.
  func string(_ value: Value) -> String {
    switch value {
    case .raw(let range): bytes.string(in: range)
    case .decoded(let string): string
    }
  }

  /// Whether a value is empty.
  func isEmpty(_ value: Value) -> Bool {
    switch value {
    case .raw(let range): range.isEmpty
    case .decoded(let string): string.isEmpty
    }
  }

  /// Whether a value has no escapes and its UTF-8 equals `other`.
  func rawBytes(of value: Value) -> UnsafeBufferPointer<UInt8>? {
    guard case .raw(let range) = value else { return nil }
    return UnsafeBufferPointer(rebasing: bytes[range])
  }

  /// The keys that matter.
  private enum Field {
    case label, pattern, id
  }

  /// The field a key names, if it is one that matters.
  private func field(named key: Value) -> Field? {
    switch key {
    case .raw(let range):
      // Told apart by length and first byte, then compared in full.
      let name = UnsafeBufferPointer(rebasing: bytes[range])
      switch (name.count, name.first) {
      case (5, UInt8(ascii: "l")): return name.hasUTF8("label") ? .label : nil
      case (7, UInt8(ascii: "p")): return name.hasUTF8("pattern") ? .pattern : nil
      case (2, UInt8(ascii: "i")): return name.hasUTF8("id") ? .id : nil
      default: return nil
      }
    case .decoded(let string):
      switch string {
      case "label": return .label
      case "pattern": return .pattern
      case "id": return .id
      default: return nil
      }
    }
  }

  private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    mutating func object() -> PatternLine? {
      skipWhitespace()
      guard consume(UInt8(ascii: "{")) else { return nil }
      var line = PatternLine(bytes: bytes)
      skipWhitespace()
      if !consume(UInt8(ascii: "}")) {
        while true {
          skipWhitespace()
          guard let key = string() else { return nil }
          skipWhitespace()
          guard consume(UInt8(ascii: ":")) else { return nil }
          skipWhitespace()
          // A repeated key: the last value wins, as with JSONSerialization.
          guard let value = string() else { return nil }
          switch line.field(named: key) {
          case .label: line.label = value
          case .pattern: line.pattern = value
          case .id: line.id = value
          case nil: break
          }
          skipWhitespace()
          if consume(UInt8(ascii: "}")) { break }
          guard consume(UInt8(ascii: ",")) else { return nil }
        }
      }
      skipWhitespace()
      return index == bytes.count ? line : nil
    }

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0D: index += 1
        default: return
        }
      }
    }

    mutating func consume(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    /// A JSON string; `nil` for anything else, a control character inside it, or an escape
    /// that is malformed or encodes a lone surrogate.
    mutating func string() -> Value? {
      guard consume(UInt8(ascii: "\"")) else { return nil }
      let start = index
      // Plain characters first; then see what stopped the run.
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
        index &+= 1
      }
      guard index < bytes.count else { return nil }
      switch bytes[index] {
      case UInt8(ascii: "\""):
        index &+= 1
        return .raw(start..<(index - 1))
      case UInt8(ascii: "\\"):
        return escapedString(from: start).map(Value.decoded)
      default:
        return nil
      }
    }

    private mutating func escapedString(from start: Int) -> String? {
      var scalars = String.UnicodeScalarView()
      scalars.append(
        contentsOf: String(
          decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self
        ).unicodeScalars)
      while index < bytes.count {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""):
          index += 1
          return String(scalars)
        case UInt8(ascii: "\\"):
          guard index + 1 < bytes.count else { return nil }
          index += 2
          switch bytes[index - 1] {
          case UInt8(ascii: "\""): scalars.append("\"")
          case UInt8(ascii: "\\"): scalars.append("\\")
          case UInt8(ascii: "/"): scalars.append("/")
          case UInt8(ascii: "b"): scalars.append("\u{08}")
          case UInt8(ascii: "f"): scalars.append("\u{0C}")
          case UInt8(ascii: "n"): scalars.append("\n")
          case UInt8(ascii: "r"): scalars.append("\r")
          case UInt8(ascii: "t"): scalars.append("\t")
          case UInt8(ascii: "u"):
            guard let unit = hexUnit() else { return nil }
            if (0xD800..<0xDC00).contains(unit) {
              guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")),
                let low = hexUnit(), (0xDC00..<0xE000).contains(low)
              else { return nil }
              scalars.append(Unicode.Scalar(0x10000 + (unit - 0xD800) << 10 + (low - 0xDC00))!)
            } else {
              guard let scalar = Unicode.Scalar(unit) else { return nil }
              scalars.append(scalar)
            }
          default:
            return nil
          }
        case 0x00..<0x20:
          return nil
        default:
          let (scalar, length) = bytes.scalar(at: index)
          scalars.append(scalar)
          index += length
        }
      }
      return nil
    }

    /// Four hexadecimal digits of a `\u` escape.
    private mutating func hexUnit() -> UInt32? {
      guard index + 4 <= bytes.count else { return nil }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[index]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
        index += 1
      }
      return value
    }
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Whether the bytes are exactly the UTF-8 of `literal`.
  @inline(__always)
  func hasUTF8(_ literal: StaticString) -> Bool {
    literal.withUTF8Buffer { hasBytes(of: $0) }
  }

  /// Whether the bytes equal `other`'s.
  @inline(__always)
  func hasBytes(of other: UnsafeBufferPointer<UInt8>) -> Bool {
    guard count == other.count else { return false }
    var index = 0
    while index < count {
      if self[index] != other[index] { return false }
      index &+= 1
    }
    return true
  }
}
