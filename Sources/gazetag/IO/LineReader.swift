import Foundation

/// Reads a file descriptor line by line without waiting for its end, so that a pipe stage
/// answers each line as it arrives.
///
/// Reading is linear in the input however long its lines are: each byte is searched for a
/// line break once, and a long line is handed over without a copy.
struct LineReader {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  /// Where the next line starts in `buffer`.
  private var start = 0
  /// Where the search for the next line break goes on: no byte of `buffer[start..<scanned]` is
  /// a line break.
  private var scanned = 0
  private var atEnd = false
  private var block = [UInt8](repeating: 0, count: 1 << 16)

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// The next line without its `\n` (a `\r` before it is kept, so that the line can be written
  /// back as it came), or `nil` at the end.
  ///
  /// - Throws: `POSIXError` when reading fails.
  mutating func nextLine() throws -> [UInt8]? {
    while true {
      if let newline = firstNewline() {
        return take(upTo: newline, resumingAt: newline + 1)
      }
      scanned = buffer.count
      if atEnd {
        guard start < buffer.count else { return nil }
        return take(upTo: buffer.count, resumingAt: buffer.count)
      }
      if start > 0 {
        buffer.removeSubrange(0..<start)
        scanned -= start
        start = 0
      }
      let count = block.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      if count == 0 { atEnd = true } else { buffer += block[0..<count] }
    }
  }

  private func firstNewline() -> Int? {
    let from = max(start, scanned)
    return buffer.withUnsafeBufferPointer { bytes in
      guard from < bytes.count,
        let found = memchr(bytes.baseAddress! + from, 0x0A, bytes.count - from)
      else { return nil }
      return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
    }
  }

  /// The bytes from `start` to `end`; the next line starts at `next`.
  private mutating func take(upTo end: Int, resumingAt next: Int) -> [UInt8] {
    defer { scanned = start }
    guard end - start >= 1 << 20 else {
      let line = Array(buffer[start..<end])
      start = next
      return line
    }
    // A long line leaves the buffer as it is, and the few bytes after it start a new one.
    let rest = Array(buffer[next...])
    buffer.removeSubrange(end...)
    buffer.removeSubrange(0..<start)
    let line = buffer
    buffer = rest
    start = 0
    return line
  }
}
