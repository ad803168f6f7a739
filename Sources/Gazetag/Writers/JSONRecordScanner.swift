import Foundation

/// Checks that a line is one JSON object (RFC 8259) and finds what tagging it needs: where its
/// text field's string is and where its closing brace is, so that the line itself can be
/// written back byte for byte with `spans` inserted.
///
/// Unlike Foundation's `JSONSerialization`, the scanner puts no limit on nesting depth (it keeps
/// one byte per open array or object, not a stack frame) and none on numbers (`1e400` is valid
/// JSON; its value is never needed). As in Python's `json`, when a key occurs twice the last
/// member counts. `NaN` and `Infinity`, which Python accepts and the JSON grammar does not, are
/// refused.
struct JSONRecordScanner {
  /// What a record holds, as byte offsets into its line.
  struct Record: Equatable {
    /// The bytes between the quotes of the text field's string, or `nil` when the field is
    /// missing or its value is not a string.
    var text: Range<Int>?
    /// Whether the object has a top-level `spans` member.
    var hasSpans: Bool
    /// The byte offset of the object's closing `}`.
    var closingBrace: Int
  }

  /// The name of the text field, as UTF-8.
  let field: [UInt8]

  init(field: String) {
    self.field = Array(field.utf8)
  }

  private enum Mode { case value, key, afterValue }

  /// The record in `line`.
  ///
  /// - Complexity: O(*n*) in the length of `line`, whatever its nesting.
  func scan(_ line: UnsafeBufferPointer<UInt8>) throws(JSONLRecordAnnotator.Failure) -> Record {
    var index = skipWhitespace(line, from: 0)
    guard index < line.count, line[index] == UInt8(ascii: "{") else { throw .notAnObject }
    var open: [UInt8] = []
    var isTextMember = false
    var record = Record(text: nil, hasSpans: false, closingBrace: 0)
    var mode = Mode.value
    while true {
      index = skipWhitespace(line, from: index)
      switch mode {
      case .value:
        guard index < line.count else { throw invalid(index, "expected a value") }
        let isMember = open.count == 1
        if isMember && isTextMember { record.text = nil }
        switch line[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          let closing = line[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
          open.append(closing)
          index = skipWhitespace(line, from: index + 1)
          if index < line.count && line[index] == closing {
            open.removeLast()
            if open.isEmpty { record.closingBrace = index }
            index += 1
            mode = .afterValue
          } else {
            mode = closing == UInt8(ascii: "}") ? .key : .value
          }
        case UInt8(ascii: "\""):
          let contents = try string(line, at: index)
          if isMember && isTextMember { record.text = contents }
          index = contents.upperBound + 1
          mode = .afterValue
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          index = try number(line, at: index)
          mode = .afterValue
        default:
          index = try literal(line, at: index)
          mode = .afterValue
        }
      case .key:
        guard index < line.count, line[index] == UInt8(ascii: "\"") else {
          throw invalid(index, "expected a string key")
        }
        let key = try string(line, at: index)
        if open.count == 1 {
          let name = decoded(UnsafeBufferPointer(rebasing: line[key]))
          if name.elementsEqual("spans".utf8) { record.hasSpans = true }
          isTextMember = name == field
        }
        index = skipWhitespace(line, from: key.upperBound + 1)
        guard index < line.count, line[index] == UInt8(ascii: ":") else {
          throw invalid(index, "expected ':' after the key")
        }
        index += 1
        mode = .value
      case .afterValue:
        guard let closing = open.last else {
          guard index == line.count else {
            throw invalid(index, "expected the end of the line after the object")
          }
          return record
        }
        let expected = closing == UInt8(ascii: "}") ? "expected ',' or '}'" : "expected ',' or ']'"
        guard index < line.count else { throw invalid(index, expected) }
        if line[index] == UInt8(ascii: ",") {
          index += 1
          mode = closing == UInt8(ascii: "}") ? .key : .value
        } else if line[index] == closing {
          open.removeLast()
          if open.isEmpty { record.closingBrace = index }
          index += 1
        } else {
          throw invalid(index, expected)
        }
      }
    }
  }

  private func invalid(_ byte: Int, _ problem: String) -> JSONLRecordAnnotator.Failure {
    .invalidJSON(byte: byte, problem: problem)
  }

  private func skipWhitespace(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < line.count {
      switch line[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return index
      }
    }
    return index
  }

  /// The range between the quotes of the string whose opening quote is at `start`.
  private func string(_ line: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONLRecordAnnotator
    .Failure) -> Range<Int>
  {
    var index = start + 1
    while index < line.count {
      let byte = line[index]
      if byte == UInt8(ascii: "\"") { return start + 1..<index }
      if byte < 0x20 {
        throw invalid(index, "control character in a string; write it as an escape")
      }
      if byte == UInt8(ascii: "\\") {
        guard index + 1 < line.count else { break }
        switch line[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
          UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
          index += 2
        case UInt8(ascii: "u"):
          guard index + 6 <= line.count,
            line[index + 2..<index + 6].allSatisfy({ JSONStringDecoder.hexDigit($0) != nil })
          else { throw invalid(index, "expected four hexadecimal digits after \\u") }
          index += 6
        default:
          throw invalid(index, "invalid escape in a string")
        }
      } else {
        index += 1
      }
    }
    throw invalid(start, "string not closed")
  }

  /// The end of the number that starts at `start`.
  private func number(_ line: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONLRecordAnnotator
    .Failure) -> Int
  {
    func digits(from index: Int) -> Int {
      var end = index
      while end < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) {
        end += 1
      }
      return end
    }
    var index = start
    if line[index] == UInt8(ascii: "-") { index += 1 }
    guard index < line.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[index])
    else { throw invalid(index, notJSON(line, at: index) ?? "expected a digit") }
    index = line[index] == UInt8(ascii: "0") ? index + 1 : digits(from: index)
    if index < line.count && line[index] == UInt8(ascii: ".") {
      let end = digits(from: index + 1)
      guard end > index + 1 else { throw invalid(index + 1, "expected a digit after '.'") }
      index = end
    }
    if index < line.count && (line[index] | 0x20) == UInt8(ascii: "e") {
      index += 1
      if index < line.count
        && (line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "-"))
      {
        index += 1
      }
      let end = digits(from: index)
      guard end > index else { throw invalid(index, "expected a digit in the exponent") }
      index = end
    }
    return index
  }

  /// The end of the `true`, `false` or `null` at `start`.
  private func literal(_ line: UnsafeBufferPointer<UInt8>, at start: Int)
    throws(JSONLRecordAnnotator.Failure) -> Int
  {
    for word in ["true", "false", "null"] {
      let end = start + word.utf8.count
      if end <= line.count && line[start..<end].elementsEqual(word.utf8) { return end }
    }
    throw invalid(start, notJSON(line, at: start) ?? "expected a value")
  }

  /// What to say of a `NaN` or `Infinity` at `index`, which some writers (Python's `json`
  /// among them) produce although JSON has no such numbers.
  private func notJSON(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> String? {
    for word in ["NaN", "Infinity"] {
      let end = index + word.utf8.count
      if end <= line.count && line[index..<end].elementsEqual(word.utf8) {
        return "\(word) is not a JSON number; write null or a string"
      }
    }
    return nil
  }

  /// The decoded text of a key, given as written between its quotes.
  private func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    bytes.contains(UInt8(ascii: "\\")) ? JSONStringDecoder.decode(bytes) : Array(bytes)
  }
}
