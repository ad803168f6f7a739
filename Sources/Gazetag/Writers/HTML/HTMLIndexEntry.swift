/// One page listed on an index page (``HTMLWriter/writeIndex(_:to:)``): what the index needs to
/// know of a document, so that the documents themselves need not stay in memory.
public struct HTMLIndexEntry: Hashable, Sendable {
  /// The document's source, as in ``TaggedDocument/source``.
  public var source: String
  /// The page's path relative to the index, `/`-separated (`news/a.html`).
  public var path: String
  /// The number of spans.
  public var mentions: Int
  /// The number of distinct entities.
  public var entities: Int
  /// The number of spans per label.
  public var mentionsPerLabel: [String: Int]

  /// The entry of `document`'s page at `path`.
  public init(document: TaggedDocument, path: String) {
    source = document.source
    self.path = path
    mentions = document.spans.count
    entities = Set(document.spans.map(\.entry)).count
    mentionsPerLabel = document.spans.reduce(into: [:]) { $0[$1.label, default: 0] += 1 }
  }

}
