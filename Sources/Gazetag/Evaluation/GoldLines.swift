extension StringProtocol {
  /// The lines of a gold file (``lines``), without a stray `\r` at the end either; the last one
  /// may be empty.
  var goldLines: [SubSequence] {
    lines.map { $0.last == "\r" ? $0.dropLast() : $0 }
  }
}
