/// A line of a gazetteer file, for diagnostics.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file as the user named it (or its path inside the bundled gazetteer).
  public var file: String
  /// The line number, counting from 1; 0 when the file as a whole is meant.
  public var line: Int

  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }

  /// `file:line`, or just `file` for the file as a whole.
  public var description: String { line > 0 ? "\(file):\(line)" : file }
}
