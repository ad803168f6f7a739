extension StringProtocol {
  /// The lines of the text, split at LF and CRLF alike (in Swift `"\r\n"` is one `Character`,
  /// so splitting on `"\n"` alone would miss Windows line ends), without the line ends.
  var lines: [SubSequence] {
    split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
  }
}
