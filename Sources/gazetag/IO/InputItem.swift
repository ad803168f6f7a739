import Foundation
import Gazetag

/// One input document: a file, or standard input.
struct InputItem: Hashable {
  /// The path as shown in output (`source`) and diagnostics; `-` for standard input.
  var source: String
  /// The path relative to the directory argument it was found in (or its file name), for
  /// naming `--output-dir` files.
  var relativePath: String
  /// What the path named when the inputs were collected; `nil` for standard input or a path
  /// that could not be examined.
  var identity: FileIdentity?

  init(source: String, relativePath: String) {
    self.source = source
    self.relativePath = relativePath
    identity = source == "-" ? nil : FileIdentity(path: source)
  }

  var isStandardInput: Bool { source == "-" }

  /// Expands path arguments in order: files as given, directories recursively to their `.txt`
  /// files in sorted order, `-` to standard input (also when there are no arguments).
  static func collect(_ paths: [String]) -> (inputs: [InputItem], errors: [InputError]) {
    var inputs: [InputItem] = []
    var errors: [InputError] = []
    let fileManager = FileManager.default
    for path in paths.isEmpty ? ["-"] : paths {
      if path == "-" {
        inputs.append(InputItem(source: "-", relativePath: "stdin"))
        continue
      }
      var isDirectory: ObjCBool = false
      guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        errors.append(.notFound(path: path))
        continue
      }
      guard isDirectory.boolValue else {
        inputs.append(
          InputItem(source: path, relativePath: URL(fileURLWithPath: path).lastPathComponent))
        continue
      }
      guard let walker = fileManager.enumerator(atPath: path) else {
        errors.append(.unreadable(path: path, reason: "cannot list the directory"))
        continue
      }
      var found: [String] = []
      while let relative = walker.nextObject() as? String {
        if relative.hasSuffix(".txt") { found.append(relative) }
      }
      if found.isEmpty { errors.append(.noTextFiles(directory: path)) }
      let prefix = path.hasSuffix("/") ? path : path + "/"
      for relative in found.sorted() {
        inputs.append(InputItem(source: prefix + relative, relativePath: relative))
      }
    }
    return (inputs, errors)
  }

  /// The size in bytes of a regular file, or `nil` for standard input and anything else.
  var regularFileSize: Int? { identity?.regularFileSize }

  /// All bytes of the input.
  func readAll() throws(InputError) -> [UInt8] {
    var bytes: [UInt8] = []
    do {
      try forEachChunk { bytes += $0 }
    } catch {
      throw error as! InputError  // the body above cannot throw
    }
    return bytes
  }

  /// Reads the input in chunks of at most `size` bytes, handing each to `body`.
  ///
  /// - Throws: ``InputError`` when the input cannot be read, and whatever `body` throws.
  func forEachChunk(size: Int = 1 << 20, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
    let descriptor = isStandardInput ? STDIN_FILENO : open(source, O_RDONLY)
    guard descriptor >= 0 else {
      throw InputError.unreadable(path: source, reason: String(cString: strerror(errno)))
    }
    defer { if !isStandardInput { close(descriptor) } }
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
