import Foundation
import Gazetag

/// Writes annotated HTML for `gazetag html` and `gazetag tag --format html`: one page for all
/// inputs, or one page per input and an `index.html` in a directory. Pages are written through
/// ``HTMLWriter``'s ``DocumentWriter`` conformance (one output of every document, or one per
/// input); the index, the directory layout and the warning about large pages are this type's.
struct HTMLOutput {
  /// The tagger, whose gazetteer also gives the label colours.
  var tagger: Tagger
  /// The unit of the marks' `data-start` and `data-end`.
  var offsets: OffsetUnit
  /// What to do with invalid UTF-8.
  var invalid: TextDecoding.InvalidPolicy = .error
  /// Pages of more bytes than this get a warning.
  var largePageSize = HTMLOutput.largePageSize

  private var writer: HTMLWriter {
    HTMLWriter(labels: tagger.spanLabels, offsets: offsets)
  }

  /// Tags `inputs` and writes the page to `path` (standard output if `nil`), or, given a
  /// `directory`, one page per input and an index into it. An input that cannot be read is
  /// reported and left out; files appear complete or not at all.
  ///
  /// - Returns: whether every input was tagged.
  func write(_ inputs: [InputItem], to path: String?, directory: String?) throws -> Bool {
    if let directory { return try writePages(inputs, into: directory) }
    let documents = inputs.compactMap(tagged)
    let sink = try path.map(OutputSink.init(path:)) ?? OutputSink()
    let size = try Self.write(documents, with: writer, to: sink)
    Self.warnIfLarge(size, of: documents, severalInputs: inputs.count > 1, limit: largePageSize)
    try sink.commit()
    return documents.count == inputs.count
  }

  private func writePages(_ inputs: [InputItem], into directory: String) throws -> Bool {
    let root = URL(fileURLWithPath: directory)
    try Self.createDirectory(root)
    var names = OutputNames(fileExtension: "html", reserving: ["index.html"])
    let paths = inputs.map { names.name(for: $0) }
    var entries: [HTMLIndexEntry] = []
    for (item, path) in zip(inputs, paths) {
      guard let document = tagged(item) else { continue }
      let url = root.appendingPathComponent(path)
      try Self.createDirectory(url.deletingLastPathComponent())
      let depth = path.split(separator: "/").count - 1
      let sink = try OutputSink(path: url.path)
      var pageWriter = writer
      pageWriter.indexPath = String(repeating: "../", count: depth) + "index.html"
      let size = try Self.write([document], with: pageWriter, to: sink)
      Self.warnIfLarge(size, of: [document], severalInputs: false, limit: largePageSize)
      try sink.commit()
      entries.append(HTMLIndexEntry(document: document, path: path))
    }
    var index = ""
    writer.writeIndex(entries, to: &index)
    try Self.writeFile(index, to: root.appendingPathComponent("index.html"))
    return entries.count == inputs.count
  }

  /// The document of `item`, or `nil` after reporting why it cannot be read.
  private func tagged(_ item: InputItem) -> TaggedDocument? {
    do {
      let decoded = try TextDecoding.decode(try item.readAll(), path: item.source, invalid: invalid)
      if let offset = decoded.firstReplacement { Tag.warnReplaced(item, at: offset) }
      let text = decoded.text
      return TaggedDocument(source: item.source, text: text, spans: tagger.spans(in: text))
    } catch {
      report(error)
      return nil
    }
  }

  /// Writes the page of `documents` to `sink` in parts, so that it is never whole in memory.
  /// - Returns: the page's size in bytes.
  private static func write(
    _ documents: [TaggedDocument], with writer: any DocumentWriter, to sink: OutputSink
  ) throws -> Int {
    var size = 0
    try writer.writeOutput(documents) { part in
      size += part.count
      try sink.write(buffer: part)
    }
    return size
  }

  /// Pages larger than this are slow to open in a browser, and get a warning.
  static let largePageSize = 32 << 20

  /// Warns when a page of `size` bytes is larger than `limit`, saying how to get smaller
  /// pages: one per input, and a large input split into several files first.
  static func warnIfLarge(
    _ size: Int, of documents: [TaggedDocument], severalInputs: Bool, limit: Int
  ) {
    guard size > limit else { return }
    let text = documents.reduce(0) { $0 + $1.text.utf8.count }
    var advice: [String] = []
    if severalInputs { advice.append("write one page per input with --output-dir DIR") }
    if let largest = documents.max(by: { $0.text.utf8.count < $1.text.utf8.count }),
      !severalInputs || largest.text.utf8.count * 2 > text
    {
      advice.append(
        "split \(largest.source) into smaller files first (e.g. split -C 1M --additional-suffix=.txt \(largest.source) part-) and write a page for each with --output-dir DIR"
      )
    }
    report(
      "warning: the HTML page is \(megabytes(size)) for \(megabytes(text)) of text; browsers are slow to open pages this large: "
        + advice.joined(separator: ", or "))
  }

  private static func megabytes(_ bytes: Int) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_000_000)
  }

  private static func createDirectory(_ url: URL) throws {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw Fatal(
        message: "\(url.path): cannot create the directory: \(error.localizedDescription)")
    }
  }

  private static func writeFile(_ text: String, to url: URL) throws {
    let sink = try OutputSink(path: url.path)
    try sink.write(text)
    try sink.commit()
  }
}
