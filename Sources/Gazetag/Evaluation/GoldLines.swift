extension StringProtocol {
  /// The lines of a gold file, without their `\n`, `\r\n` or a stray `\r` at the end; the last
  /// one may be empty.
  ///
  /// Splitting at the character `"\n"` alone would miss CRLF line ends: Swift reads `\r\n` as
  /// one character.
  var goldLines: [SubSequence] {
    split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map {
      $0.last == "\r" ? $0.dropLast() : $0
    }
  }
}
