/// Serializes tagged documents in one output format.
public protocol SpanWriter: Sendable {
  /// Appends `document`'s serialization to `output`.
  func write(_ document: TaggedDocument, to output: inout String)
}
