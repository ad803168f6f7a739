/// Where the gazetteer readers put the problems they meet: thrown at once when loading for
/// tagging, collected when linting.
///
/// The readers call ``record(_:)`` for every problem and then carry on with what they can use
/// (a row with an empty id still yields an entry, a file that cannot be read is skipped), so a
/// strict load stops at exactly the first problem a lenient one lists, and both share one parser.
struct ProblemLog {
  /// Whether ``record(_:)`` throws.
  let isStrict: Bool
  /// The problems recorded so far, in the order they were met.
  private(set) var problems: [GazetteerError] = []

  /// A log that throws the first problem.
  static var strict: ProblemLog { ProblemLog(isStrict: true) }
  /// A log that collects every problem.
  static var lenient: ProblemLog { ProblemLog(isStrict: false) }

  /// Throws `problem` when strict; otherwise keeps it and returns.
  mutating func record(_ problem: GazetteerError) throws(GazetteerError) {
    if isStrict { throw problem }
    problems.append(problem)
  }
}
