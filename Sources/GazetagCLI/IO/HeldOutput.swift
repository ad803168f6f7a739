import Foundation

/// The output of one document, held back until its input has been read to the end, so that an
/// input found bad at its end leaves no output. Up to `limit` bytes are held in memory, the
/// rest in an unlinked temporary file (in `TMPDIR`, else `/tmp`), so that memory stays bounded
/// whatever the size of the output.
final class HeldOutput {
  /// The bytes held in memory before they go to the temporary file.
  let limit: Int
  /// The input, for messages.
  private let source: String
  /// The latest bytes; earlier ones are in `spill`.
  private var bytes: [UInt8] = []
  /// The temporary file, once one is needed.
  private var spill: Int32?

  init(limit: Int, source: String) {
    self.limit = limit
    self.source = source
  }

  deinit {
    if let spill { close(spill) }
  }

  /// Holds the bytes of `buffer`, after those held before.
  func write(_ buffer: UnsafeBufferPointer<UInt8>) throws {
    bytes.append(contentsOf: buffer)
    if bytes.count >= limit { try moveToFile() }
  }

  /// Writes everything held to `sink`, in order.
  func release(to sink: OutputSink) throws {
    if let spill {
      guard lseek(spill, 0, SEEK_SET) == 0 else { throw failure("cannot read back") }
      var chunk = [UInt8](repeating: 0, count: 1 << 20)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(spill, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { throw failure("cannot read back") }
        if count == 0 { break }
        try chunk.withUnsafeBufferPointer {
          try sink.write(buffer: UnsafeBufferPointer(rebasing: $0[0..<count]))
        }
      }
    }
    try sink.write(bytes: bytes)
    bytes.removeAll()
  }

  private func moveToFile() throws {
    let descriptor = try spill ?? makeFile()
    spill = descriptor
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
      }
      if written < 0 && errno == EINTR { continue }
      guard written >= 0 else { throw failure("cannot write") }
      offset += written
    }
    bytes.removeAll(keepingCapacity: true)
  }

  private func makeFile() throws -> Int32 {
    let directory = FileManager.default.temporaryDirectory
    var template = Array(directory.appendingPathComponent("gazetag-held.XXXXXX").path.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw failure("cannot create", in: directory.path) }
    // Unlinked at once: the file goes away with the descriptor, however the run ends.
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    return descriptor
  }

  private func failure(_ problem: String, in directory: String? = nil) -> Fatal {
    let reason = String(cString: strerror(errno))
    let place = directory ?? FileManager.default.temporaryDirectory.path
    return Fatal(
      message: "\(source): \(problem) a temporary file in \(place) to hold the output: \(reason)")
  }
}
