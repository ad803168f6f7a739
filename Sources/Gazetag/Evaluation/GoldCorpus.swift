/// The documents of one or more gold files, with the problems found while reading them.
public struct GoldCorpus: Sendable {
  /// The documents in file order.
  public var documents: [GoldDocument]
  /// The lines that were skipped or repaired, each with its place (``GoldError/isDiagnostic``).
  public var diagnostics: [GoldError]
  /// The gold files read, in order.
  public var files: [String]
  /// The tag scheme of each CoNLL file, by path.
  public var schemes: [String: TagScheme]

  public init(
    documents: [GoldDocument] = [], diagnostics: [GoldError] = [], files: [String] = [],
    schemes: [String: TagScheme] = [:]
  ) {
    self.documents = documents
    self.diagnostics = diagnostics
    self.files = files
    self.schemes = schemes
  }

  /// Appends the documents, diagnostics, files and schemes of `other`.
  public mutating func append(_ other: GoldCorpus) {
    documents += other.documents
    diagnostics += other.diagnostics
    files += other.files
    schemes.merge(other.schemes) { first, _ in first }
  }
}
