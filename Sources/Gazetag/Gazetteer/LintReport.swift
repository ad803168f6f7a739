/// What `gazetag gazetteer lint` found in one gazetteer.
public struct LintReport: Hashable, Sendable {
  /// The findings, by file (manifest first, then the data files in manifest order) and line.
  public var findings: [LintFinding]
  /// How many entries were read, including those with findings.
  public var entryCount: Int

  public init(findings: [LintFinding], entryCount: Int) {
    self.findings = findings
    self.entryCount = entryCount
  }

  /// The number of findings of severity error.
  public var errorCount: Int { findings.count { $0.severity == .error } }
  /// The number of findings of severity warning.
  public var warningCount: Int { findings.count { $0.severity == .warning } }

  /// `N errors, M warnings in K entries`.
  public var summary: String {
    "\(Self.count(errorCount, "error")), \(Self.count(warningCount, "warning")) in \(Self.count(entryCount, "entry", "entries"))"
  }

  private static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
  }
}
