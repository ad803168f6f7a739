/// Text that is safe to show on a terminal: what diagnostics and the `source` of every output
/// format show of a path. One rule for both, so that a name in a message is the name in the
/// output.
///
/// - A control character (general category Cc: U+0000–U+001F, U+007F–U+009F, among them tab,
///   newline and ESC) is written `\u{1B}`, in upper-case hexadecimal, as `gazetag tokenize`
///   shows invisible characters.
/// - In a file name, a byte that is not part of well-formed UTF-8 is written `\x{FF}`; the
///   file is still opened by its real bytes.
///
/// Everything else, a backslash included, is shown as it is: the form is for reading, and a
/// name that holds `\u{1B}` literally looks like one that holds ESC.
enum DisplayText {
  /// `text` with each control character written `\u{…}`.
  static func escapingControls(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      append(scalar, to: &result)
    }
    return result
  }

  /// The bytes of a file name or path as text: UTF-8, with control characters written `\u{…}`
  /// and each byte of an ill-formed sequence written `\x{…}`.
  static func path(_ bytes: some Collection<UInt8>) -> String {
    var result = ""
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var rest = bytes[...]
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        append(Unicode.UTF8.decode(encoded), to: &result)
        rest = rest.dropFirst(encoded.count)
      case .error(let length):
        for byte in rest.prefix(length) {
          result += "\\x{" + hex(UInt32(byte)) + "}"
        }
        rest = rest.dropFirst(length)
      case .emptyInput:
        return result
      }
    }
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
    if isControl(scalar) {
      result += "\\u{" + hex(scalar.value) + "}"
    } else {
      result.unicodeScalars.append(scalar)
    }
  }

  private static func hex(_ value: UInt32) -> String {
    String(value, radix: 16, uppercase: true)
  }
}
