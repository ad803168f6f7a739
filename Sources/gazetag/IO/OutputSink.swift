import Foundation

/// Thrown when standard output's reader has gone away (EPIPE).
struct OutputClosed: Error {}

/// Where output goes: standard output, or a file that appears complete or not at all.
///
/// A file is written to a temporary file beside it and renamed into place by ``commit()``;
/// an output that is never committed is removed, so no partial file is ever left behind.
final class OutputSink {
  private let descriptor: Int32
  private let temporaryPath: String?
  private let finalPath: String?
  private var pending: [UInt8] = []
  private var committed = false

  /// An output to standard output.
  init() {
    descriptor = STDOUT_FILENO
    temporaryPath = nil
    finalPath = nil
  }

  /// An output to the file at `path`, through a temporary file in the same directory.
  init(path: String) throws {
    let url = URL(fileURLWithPath: path)
    var template = Array(
      url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX")
        .path.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw Fatal(message: "\(path): cannot create output: \(String(cString: strerror(errno)))")
    }
    fchmod(descriptor, 0o644)
    self.descriptor = descriptor
    temporaryPath = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    finalPath = path
  }

  deinit {
    if let temporaryPath {
      close(descriptor)
      if !committed { unlink(temporaryPath) }
    }
  }

  /// Queues `text`; it is written when enough has gathered or on ``flush()``.
  func write(_ text: String) throws {
    pending += text.utf8
    if pending.count >= 1 << 16 { try flush() }
  }

  /// Queues raw bytes (a large run is written at once, without a copy).
  func write(bytes: [UInt8]) throws {
    if pending.isEmpty && bytes.count >= 1 << 16 {
      try bytes.withUnsafeBytes(writeAll)
      return
    }
    pending += bytes
    if pending.count >= 1 << 16 { try flush() }
  }

  /// Writes everything queued.
  func flush() throws {
    try pending.withUnsafeBytes(writeAll)
    pending.removeAll(keepingCapacity: true)
  }

  private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { throw OutputClosed() }
        throw Fatal(
          message: "\(finalPath ?? "stdout"): cannot write: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }

  /// Writes what is queued and, for a file, moves it into place.
  func commit() throws {
    try flush()
    guard let temporaryPath, let finalPath else { return }
    guard fsync(descriptor) == 0, rename(temporaryPath, finalPath) == 0 else {
      throw Fatal(message: "\(finalPath): cannot write: \(String(cString: strerror(errno)))")
    }
    committed = true
  }
}
