import Foundation
import Gazetag

/// One input document: a file, or standard input.
struct InputItem: Hashable {
  /// The path as shown in output (`source`) and diagnostics (``DisplayText/path(_:)``); `-` for
  /// standard input.
  var source: String
  /// The path relative to the directory argument it was found in (or its file name), as shown,
  /// for naming `--output-dir` files.
  var relativePath: String
  /// The path that is opened; `nil` for standard input.
  var path: InputPath?
  /// What the path named when the inputs were collected; `nil` for standard input or a path
  /// that could not be examined.
  var identity: FileIdentity?

  /// The file at `path`, or standard input if `nil`.
  init(path: InputPath?, relativePath: String) {
    self.path = path
    self.relativePath = relativePath
    source = path?.shown ?? "-"
    identity = path.flatMap(FileIdentity.init(path:))
  }

  /// The input named by a command-line argument: `-` is standard input.
  init(argument: String) {
    if argument == "-" {
      self.init(path: nil, relativePath: "stdin")
    } else {
      let path = InputPath(argument: argument)
      self.init(path: path, relativePath: DisplayText.path(path.lastComponent))
    }
  }

  var isStandardInput: Bool { path == nil }

  /// The size in bytes of a regular file, or `nil` for standard input and anything else.
  var regularFileSize: Int? { identity?.regularFileSize }

  /// ``relativePath`` without a `.txt` extension in any letter case (`news/A.TXT` → `news/A`),
  /// for naming the output of the input.
  var relativePathWithoutExtension: String {
    Self.hasTextExtension(relativePath.utf8)
      ? String(decoding: relativePath.utf8.dropLast(4), as: UTF8.self) : relativePath
  }

  /// Whether a file name ends in `.txt`, in any letter case (`.TXT`, `.Txt`).
  static func hasTextExtension(_ name: some Collection<UInt8>) -> Bool {
    let tail = Array(name.suffix(4))
    // Setting bit 0x20 lower-cases an ASCII letter (and of the bytes, only `T` and `t` give `t`).
    return tail.count == 4 && tail[0] == UInt8(ascii: ".")
      && tail[1...].map { $0 | 0x20 } == Array("txt".utf8)
  }

  /// A descriptor open for reading the input: standard input's, or a new one that the caller
  /// closes (``closeDescriptor(_:)``).
  ///
  /// - Throws: ``InputError/unreadable(path:reason:)`` when the file cannot be opened.
  func openDescriptor() throws(InputError) -> Int32 {
    guard let path else { return STDIN_FILENO }
    let descriptor = path.withCString { open($0, O_RDONLY) }
    guard descriptor >= 0 else {
      throw .unreadable(path: source, reason: String(cString: strerror(errno)))
    }
    return descriptor
  }

  /// Closes a descriptor from ``openDescriptor()`` (standard input stays open).
  func closeDescriptor(_ descriptor: Int32) {
    if !isStandardInput { close(descriptor) }
  }

  /// All bytes of the input, read once.
  func readAll() throws(InputError) -> [UInt8] {
    var bytes: [UInt8] = []
    do {
      try forEachChunk { bytes += $0 }
    } catch {
      throw error as! InputError  // the body above cannot throw
    }
    return bytes
  }

  /// Reads the input once, from its start (or standard input from where it is) to its end, in
  /// chunks of at most `size` bytes, handing each to `body`.
  ///
  /// - Throws: ``InputError`` when the input cannot be read, and whatever `body` throws.
  func forEachChunk(size: Int = 1 << 20, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
    let descriptor = try openDescriptor()
    defer { closeDescriptor(descriptor) }
    var chunk = [UInt8](repeating: 0, count: size)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw InputError.unreadable(path: source, reason: String(cString: strerror(errno)))
      }
      if count == 0 { return }
      try body(chunk[0..<count])
    }
  }
}
