/// As a ``DocumentWriter``, an HTML writer writes an output as one page: a document given
/// alone (``write(_:to:)``) is a page of its own, and the documents of a shared output are
/// given all at once (``DocumentNeeds/allDocuments``), since the legend at the top of the page
/// counts every document on it. Pages link to ``indexPath``, if set.
extension HTMLWriter: DocumentWriter {
  public var fileExtension: String { "html" }

  public var needs: DocumentNeeds { [.text, .allDocuments] }

  /// Appends the page of `document` alone.
  public func write(_ document: TaggedDocument, to output: inout [UInt8]) {
    var page = ""
    writePage([document], indexPath: indexPath, to: &page)
    output += page.utf8
  }

  /// Writes the page of `documents` to `sink` in parts of about ``partSize`` bytes, so that it
  /// is never whole in memory.
  public func writeOutput(
    _ documents: [TaggedDocument], to sink: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws {
    try withoutActuallyEscaping(sink) { sink in
      var page = ""
      try writePage(documents, indexPath: indexPath, to: &page) { (part: String) throws in
        var part = part
        try part.withUTF8(sink)
      }
    }
  }
}
