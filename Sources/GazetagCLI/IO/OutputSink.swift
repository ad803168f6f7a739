import CGazetagSystem
import Foundation

/// Thrown when standard output's reader has gone away (EPIPE).
struct OutputClosed: Error {}

/// Where output goes: standard output, or a file that appears complete or not at all.
///
/// A file is written to a temporary file beside it and renamed into place by ``commit()``;
/// an output that is never committed is removed, also when SIGINT, SIGTERM or SIGHUP ends the
/// run, so no partial file is ever left behind. A new file gets mode 0666 less the umask, a
/// replaced one keeps its permissions. A path that names something other than a regular file
/// (`/dev/null`, a named pipe, a terminal) is written to directly: renaming over it would
/// replace the device or pipe.
final class OutputSink {
  private let descriptor: Int32
  private let temporaryPath: String?
  /// The registration of `temporaryPath` for removal on a signal (-1 if none).
  private let temporarySlot: Int32
  private let finalPath: String?
  /// The output as the user named it, for messages.
  private let shownPath: String
  private var pending: [UInt8] = []
  private var committed = false

  /// An output to standard output.
  init() {
    descriptor = STDOUT_FILENO
    temporaryPath = nil
    temporarySlot = -1
    finalPath = nil
    shownPath = "stdout"
  }

  /// An output to the file at `path`, through a temporary file in the same directory, or
  /// straight to `path` when it names a device or a pipe. A symbolic link is followed: the
  /// file it points to is replaced, not the link.
  init(path given: String) throws {
    var path = given
    if let resolved = realpath(given, nil) {
      path = String(cString: resolved)
      free(resolved)
    }
    var status = stat()
    let exists = stat(path, &status) == 0
    if exists && status.st_mode & S_IFMT != S_IFREG
      && status.st_mode & S_IFMT != S_IFDIR
    {
      let descriptor = open(path, O_WRONLY)
      guard descriptor >= 0 else {
        throw Fatal(message: "\(given): cannot open output: \(String(cString: strerror(errno)))")
      }
      self.descriptor = descriptor
      temporaryPath = nil
      temporarySlot = -1
      finalPath = nil
      shownPath = given
      return
    }
    let url = URL(fileURLWithPath: path)
    var template = Array(
      url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX")
        .path.utf8CString)
    var slot: Int32 = -1
    let descriptor = template.withUnsafeMutableBufferPointer {
      gz_temporary_create($0.baseAddress!, &slot)
    }
    guard descriptor >= 0 else {
      throw Fatal(message: "\(given): cannot create output: \(String(cString: strerror(errno)))")
    }
    // A replaced file keeps its permissions (as with `sed -i`); a new one has the umask's.
    if exists && status.st_mode & S_IFMT == S_IFREG { fchmod(descriptor, status.st_mode & 0o777) }
    self.descriptor = descriptor
    temporarySlot = slot
    temporaryPath = String(
      decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    finalPath = path
    shownPath = given
  }

  deinit {
    if descriptor != STDOUT_FILENO { close(descriptor) }
    if let temporaryPath, !committed { unlink(temporaryPath) }
    gz_temporary_forget(temporarySlot)
  }

  /// Queues `text`; it is written when enough has gathered or on ``flush()``.
  func write(_ text: String) throws {
    pending += text.utf8
    if pending.count >= 1 << 16 { try flush() }
  }

  /// Queues raw bytes (a large run is written at once, without a copy).
  func write(bytes: [UInt8]) throws {
    try bytes.withUnsafeBufferPointer { try write(buffer: $0) }
  }

  /// Queues the bytes of `buffer` (a large run is written at once, without a copy).
  func write(buffer: UnsafeBufferPointer<UInt8>) throws {
    if pending.isEmpty && buffer.count >= 1 << 16 {
      try writeAll(UnsafeRawBufferPointer(buffer))
      return
    }
    pending.append(contentsOf: buffer)
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
          message: "\(shownPath): cannot write: \(String(cString: strerror(errno)))")
      }
      offset += written
    }
  }

  /// Writes what is queued and, for a file, moves it into place.
  func commit() throws {
    try flush()
    guard let temporaryPath, let finalPath else { return }
    // No fsync: the rename already makes the file appear whole or not at all to every reader
    // and after any failure of this process; flushing it to the disk first (which `sort -o`
    // does not do either) took a tenth of the run time on a large output. An existing
    // file is replaced by exchanging the two files, then removing the old one: ext4 starts
    // writing a file out before a rename that replaces another, which made the rename take
    // tens of milliseconds.
    var existing = stat()
    if stat(finalPath, &existing) == 0 && existing.st_mode & S_IFMT == S_IFREG
      && gz_exchange_paths(temporaryPath, finalPath) == 0
    {
      committed = true
      unlink(temporaryPath)
      gz_temporary_forget(temporarySlot)
      return
    }
    guard rename(temporaryPath, finalPath) == 0 else {
      throw Fatal(message: "\(shownPath): cannot write: \(String(cString: strerror(errno)))")
    }
    committed = true
    gz_temporary_forget(temporarySlot)
  }
}
