/// The line of every value in a JSON text, by path (`labels[1].priority`), so that a problem
/// found in the parsed value can be reported at its line.
///
/// Made for text that a JSON parser has accepted: it does not validate, and on malformed text
/// gives lines that are only approximately right.
struct JSONLineMap {
  /// The line (counting from 1) where each value starts, by path; the root's path is empty.
  private(set) var lines: [String: Int] = [:]

  /// Maps the values of `text`.
  ///
  /// - Complexity: O(*n*) in the length of `text`.
  init(_ text: String) {
    var scanner = Scanner(bytes: Array(text.utf8))
    scanner.value(at: "", into: &lines)
  }

  /// The line of the value at `path`, or of the nearest enclosing value that has one.
  func line(of path: String) -> Int {
    var path = path
    while true {
      if let line = lines[path] { return line }
      guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else {
        return lines[""] ?? 1
      }
      path = String(path[..<cut])
    }
  }

  /// The byte offset `offset` of `text` as a line number, counting from 1.
  static func line(ofByte offset: Int, in text: String) -> Int {
    text.utf8.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
  }

  private struct Scanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1

    mutating func skipWhitespace() {
      while index < bytes.count {
        switch bytes[index] {
        case 0x0A: line += 1
        case 0x20, 0x09, 0x0D, 0xEF, 0xBB, 0xBF: break  // white space, or a byte order mark
        default: return
        }
        index += 1
      }
    }

    /// Reads one value, recording its line under `path` and those of its members.
    mutating func value(at path: String, into lines: inout [String: Int]) {
      skipWhitespace()
      guard index < bytes.count else { return }
      lines[path] = line
      switch bytes[index] {
      case UInt8(ascii: "{"):
        index += 1
        while true {
          skipWhitespace()
          guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { break }
          let key = string()
          skipWhitespace()
          if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
          value(at: path.isEmpty ? key : "\(path).\(key)", into: &lines)
          skipWhitespace()
          guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { break }
          index += 1
        }
        if index < bytes.count { index += 1 }  // }
      case UInt8(ascii: "["):
        index += 1
        var element = 0
        while true {
          skipWhitespace()
          guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { break }
          value(at: "\(path)[\(element)]", into: &lines)
          element += 1
          skipWhitespace()
          guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { break }
          index += 1
        }
        if index < bytes.count { index += 1 }  // ]
      case UInt8(ascii: "\""):
        _ = string()
      default:
        while index < bytes.count,
          ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x09, 0x0D]
            .contains(bytes[index])
        {
          index += 1
        }
      }
    }

    /// Reads a string from its opening quote; escapes other than `\"` and `\\` are kept as
    /// they are, which is enough for keys.
    mutating func string() -> String {
      index += 1
      var result: [UInt8] = []
      while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
        if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
          index += 1
        }
        result.append(bytes[index])
        index += 1
      }
      index += 1
      return String(decoding: result, as: UTF8.self)
    }
  }
}
