import Foundation

/// Reads a file descriptor line by line without waiting for its end, so that a pipe stage
/// answers each line as it arrives.
///
/// Reading is linear in the input however long its lines are: each byte is searched for a
/// line break once, and a line is handed over in place, never copied. A line that outgrows
/// 1 MiB is read into a block that grows by `realloc`, which glibc does for blocks that large
/// by remapping pages, not copying them, so a line of any size takes about its own size in
/// memory; the block is given back once the line is done.
final class LineReader {
  /// A read that failed, with the system's error number.
  struct ReadFailure: Error {
    let code: Int32
    var reason: String { String(cString: strerror(code)) }
  }

  private static let blockSize = 1 << 16
  private static let smallCapacity = 1 << 20
  private static let largeCapacity = 64 << 20

  private let descriptor: Int32
  private var storage: UnsafeMutablePointer<UInt8>
  private var capacity = 4 * blockSize
  /// How many bytes of `storage` hold input.
  private var count = 0
  /// Where the next line starts.
  private var start = 0
  /// Where the search for the next line break goes on: no byte of `start..<scanned` is one.
  private var scanned = 0
  private var atEnd = false

  init(descriptor: Int32) {
    self.descriptor = descriptor
    storage = Self.allocate(capacity)
  }

  deinit {
    free(storage)
  }

  private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
    guard let memory = malloc(capacity) else { fatalError("out of memory") }
    return memory.assumingMemoryBound(to: UInt8.self)
  }

  /// Calls `body` with the next line, without its `\n` (a `\r` before it is kept, so that the
  /// line can be written back as it came), and returns its result; `nil` at the end. The
  /// bytes are valid only during `body`.
  ///
  /// - Parameter beforeWaiting: called before a read that would wait for input (none is
  ///   ready: a pipe or terminal whose writer has not written the next line yet), so that the
  ///   caller can write out what it holds first.
  /// - Throws: ``ReadFailure`` when reading fails, or what `beforeWaiting` or `body` throws.
  func withNextLine<Result>(
    beforeWaiting: () throws -> Void = {},
    _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) throws -> Result? {
    while true {
      let from = max(start, scanned)
      if from < count, let found = memchr(storage + from, 0x0A, count - from) {
        let newline = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - storage
        defer {
          start = newline + 1
          scanned = start
        }
        return try body(UnsafeBufferPointer(start: storage + start, count: newline - start))
      }
      scanned = count
      if atEnd {
        guard start < count else { return nil }
        defer { start = count }
        return try body(UnsafeBufferPointer(start: storage + start, count: count - start))
      }
      if !isReady { try beforeWaiting() }
      try readBlock()
    }
  }

  /// Whether a read would return at once: input is waiting, or the input is at its end or is
  /// a regular file.
  private var isReady: Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let result = poll(&entry, 1, 0)
      if result < 0 && errno == EINTR { continue }
      return result != 0
    }
  }

  /// Moves the unread bytes to the front and reads the next block after them.
  private func readBlock() throws {
    let pending = count - start
    if capacity > Self.smallCapacity && pending < Self.smallCapacity / 2 {
      // A long line is done: its block goes back to the system.
      let small = Self.allocate(4 * Self.blockSize)
      memcpy(small, storage + start, pending)
      free(storage)
      storage = small
      capacity = 4 * Self.blockSize
    } else if start > 0 {
      memmove(storage, storage + start, pending)
    }
    scanned -= start
    start = 0
    count = pending
    if count + Self.blockSize > capacity {
      var grown = 2 * capacity
      if grown > Self.smallCapacity && grown < Self.largeCapacity { grown = Self.largeCapacity }
      guard let moved = realloc(storage, grown) else { fatalError("out of memory") }
      storage = moved.assumingMemoryBound(to: UInt8.self)
      capacity = grown
    }
    while true {
      let read = read(descriptor, storage + count, Self.blockSize)
      if read < 0 && errno == EINTR { continue }
      guard read >= 0 else { throw ReadFailure(code: errno) }
      if read == 0 { atEnd = true } else { count += read }
      return
    }
  }
}
