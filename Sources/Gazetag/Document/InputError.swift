/// An input document that cannot be tagged. Each message starts with the input's path and the
/// position of the problem; the other inputs are still processed.
public enum InputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The path does not exist.
  case notFound(path: String)
  /// The path exists but cannot be read.
  case unreadable(path: String, reason: String)
  /// A directory holds no `.txt` file (searched recursively).
  case noTextFiles(directory: String)
  /// The bytes are not well-formed UTF-8; `byteOffset` counts from the start of the file.
  case invalidUTF8(path: String, byteOffset: Int)
  /// The input holds a NUL byte at `byteOffset`: a binary file, skipped.
  case binary(path: String, byteOffset: Int)
  /// An output path is also an input; writing it would destroy the input.
  case outputIsInput(path: String)
  /// A line of a JSON Lines input could not be tagged.
  case invalidRecord(path: String, line: Int, reason: String)

  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such file or directory"
    case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
    case .noTextFiles(let directory):
      "\(directory): no .txt files in this directory; name the files to tag explicitly"
    case .invalidUTF8(let path, let byteOffset):
      "\(path): byte \(byteOffset): invalid UTF-8; convert the file to UTF-8 (e.g. with iconv)"
    case .binary(let path, let byteOffset):
      "\(path): byte \(byteOffset): NUL byte, not a text file; skipped"
    case .outputIsInput(let path):
      "\(path): the output would overwrite this input; choose another output path"
    case .invalidRecord(let path, let line, let reason): "\(path):\(line): \(reason)"
    }
  }
}
