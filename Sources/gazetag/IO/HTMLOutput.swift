import Foundation
import Gazetag

/// Writes annotated HTML for `gazetag html` and `gazetag tag --format html`: one page for all
/// inputs, or one page per input and an `index.html` in a directory.
struct HTMLOutput {
  /// The tagger, whose gazetteer also gives the label colours.
  var tagger: Tagger
  /// The unit of the marks' `data-start` and `data-end`.
  var offsets: OffsetUnit
  /// What to do with invalid UTF-8.
  var invalid: TextDecoding.InvalidPolicy = .error

  private var writer: HTMLWriter { HTMLWriter(gazetteer: tagger.gazetteer, offsets: offsets) }

  /// Tags `inputs` and writes the page to `path` (standard output if `nil`), or, given a
  /// `directory`, one page per input and an index into it. An input that cannot be read is
  /// reported and left out; files appear complete or not at all.
  ///
  /// - Returns: whether every input was tagged.
  func write(_ inputs: [InputItem], to path: String?, directory: String?) throws -> Bool {
    if let directory { return try writePages(inputs, into: directory) }
    let documents = inputs.compactMap(tagged)
    var page = ""
    writer.writePage(documents, to: &page)
    let sink = try path.map(OutputSink.init(path:)) ?? OutputSink()
    try sink.write(page)
    try sink.commit()
    return documents.count == inputs.count
  }

  private func writePages(_ inputs: [InputItem], into directory: String) throws -> Bool {
    let root = URL(fileURLWithPath: directory)
    try Self.createDirectory(root)
    var taken: Set<String> = ["index.html"]
    var entries: [HTMLIndexEntry] = []
    for item in inputs {
      guard let document = tagged(item) else { continue }
      let path = Self.pagePath(for: item, avoiding: &taken)
      let url = root.appendingPathComponent(path)
      try Self.createDirectory(url.deletingLastPathComponent())
      let depth = path.split(separator: "/").count - 1
      var page = ""
      writer.writePage(
        [document], indexPath: String(repeating: "../", count: depth) + "index.html", to: &page)
      try Self.writeFile(page, to: url)
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
      report(error.description)
      return nil
    }
  }

  /// The page of `item` relative to the output directory: its relative path with `.html` for
  /// `.txt` in any case (`news/a.txt` → `news/a.html`), or with `-2`, `-3`, … added when that
  /// page is already taken (by the index, or by an input of the same name from another
  /// directory).
  static func pagePath(for item: InputItem, avoiding taken: inout Set<String>) -> String {
    let base = item.relativePathWithoutExtension
    var path = base + ".html"
    var number = 1
    while !taken.insert(path).inserted {
      number += 1
      path = "\(base)-\(number).html"
    }
    return path
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
