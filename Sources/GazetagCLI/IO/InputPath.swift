import Foundation

/// A path as the bytes the file system takes, which need not be UTF-8: files are opened by
/// these bytes and shown by ``shown``.
struct InputPath: Hashable, Sendable {
  /// The path's bytes, without a terminating NUL.
  var bytes: [UInt8]

  init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The path given as the command-line argument `argument`.
  ///
  /// Swift decodes the arguments as UTF-8 and replaces ill-formed bytes with U+FFFD, which
  /// would name another file; the real bytes are those of the argument that decodes to
  /// `argument`, the `occurrence`-th (from 0) such argument when several do.
  init(argument: String, occurrence: Int = 0) {
    bytes = Array(argument.utf8)
    guard argument.unicodeScalars.contains("\u{FFFD}") else { return }
    var seen = 0
    for index in 1..<Int(CommandLine.argc) {
      guard let pointer = CommandLine.unsafeArgv[index] else { continue }
      let raw = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer))
      guard String(decoding: raw, as: UTF8.self).utf8.elementsEqual(argument.utf8) else {
        continue
      }
      if seen == occurrence {
        bytes = Array(raw)
        return
      }
      seen += 1
    }
  }

  /// The path as diagnostics and `source` show it (``DisplayText/path(_:)``).
  var shown: String { DisplayText.path(bytes) }

  /// The path's last component, without trailing slashes.
  var lastComponent: [UInt8] {
    var end = bytes.endIndex
    while end > 1 && bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
    let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
    return start < end ? Array(bytes[start..<end]) : Array(bytes[..<end])
  }

  /// The path of `relative` inside this directory.
  func appending(_ relative: [UInt8]) -> InputPath {
    let separator: [UInt8] = bytes.last == UInt8(ascii: "/") ? [] : [UInt8(ascii: "/")]
    return InputPath(bytes: bytes + separator + relative)
  }

  /// Calls `body` with the path as a NUL-terminated C string.
  func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
    try (bytes + [0]).withUnsafeBufferPointer { buffer in
      try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
    }
  }
}
