import Foundation

/// Reads a file descriptor line by line without waiting for its end, so that a pipe stage
/// answers each line as it arrives.
struct LineReader {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false

  init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  /// The next line without its `\n` (and without a `\r` before it), or `nil` at the end.
  mutating func nextLine() throws -> [UInt8]? {
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        var end = newline
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[start..<end])
        start = newline + 1
        return line
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = Array(buffer[start...])
        start = buffer.count
        return line
      }
      buffer.removeSubrange(0..<start)
      start = 0
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      if count == 0 { atEnd = true } else { buffer += chunk[0..<count] }
    }
  }
}
