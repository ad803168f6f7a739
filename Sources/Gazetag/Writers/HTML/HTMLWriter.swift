/// Writes tagged documents as one self-contained HTML5 page to read in a browser and share:
/// inline CSS, no script, font or anything else fetched from the network.
///
/// Each document is an `<article>` whose text content is exactly the document's text (except
/// NUL, which HTML cannot hold and which shows as U+FFFD), with line breaks kept. Each span is a
/// `<mark data-label="…">` coloured by its label, with a label badge drawn by CSS (so copying
/// the text gives the original) and the entity's details shown on hover and focus. A legend
/// counts the spans per label and hides or shows each label's highlighting (checkboxes and CSS,
/// no JavaScript); a table per document lists each distinct entity with its mentions.
///
/// The documents of a page are all tagged before it is written, since the legend at its top
/// counts every document on it; the page itself can be handed out in parts as it is written
/// (``writePage(_:indexPath:to:flushing:)``), so it need not be held whole in memory. For many
/// documents write one page each and an index (``writeIndex(_:to:)``).
///
/// The markup is also well-formed XML, so a strict parser can check it, as long as the text
/// holds no C0 control character other than tab, line feed and carriage return.
public struct HTMLWriter: Sendable {
  /// The labels in legend order, with their colours (`LabelDefinition.color`).
  public var labels: [LabelDefinition]
  /// The unit of the `data-start` and `data-end` attributes of marks.
  public var offsets: OffsetUnit
  /// The path of an index page relative to the pages written as a ``DocumentWriter``
  /// (`../index.html`), linked from their headers; `nil` for none.
  public var indexPath: String?

  public init(labels: [LabelDefinition], offsets: OffsetUnit = .codePoint, indexPath: String? = nil)
  {
    self.labels = labels
    self.offsets = offsets
    self.indexPath = indexPath
  }

  /// A writer with the labels of `gazetteer`.
  public init(gazetteer: Gazetteer, offsets: OffsetUnit = .codePoint, indexPath: String? = nil) {
    self.init(labels: gazetteer.labels, offsets: offsets, indexPath: indexPath)
  }

  /// Appends a page that shows `documents`, with a table of contents when there are several.
  ///
  /// - Parameter indexPath: the path of an index page relative to this page
  ///   (`../index.html`), linked from the page's header.
  public func writePage(
    _ documents: [TaggedDocument], indexPath: String? = nil, to output: inout String
  ) {
    writePage(documents, indexPath: indexPath, to: &output, flush: Optional<(String) -> Void>.none)
  }

  /// Writes a page that shows `documents` in parts, as ``writePage(_:indexPath:to:)`` does,
  /// handing each part of at least ``partSize`` bytes to `flush` as soon as it is complete and
  /// the rest at the end; `output` is left empty. The page is then never whole in memory.
  public func writePage<E: Error>(
    _ documents: [TaggedDocument], indexPath: String? = nil, to output: inout String,
    flushing flush: @escaping (String) throws(E) -> Void
  ) throws(E) {
    try writePage(documents, indexPath: indexPath, to: &output, flush: .some(flush))
    try flush(output)
    output.removeAll()
  }

  /// The least number of UTF-8 bytes handed out at a time by a page written in parts.
  public static let partSize = 1 << 20

  private func writePage<E: Error>(
    _ documents: [TaggedDocument], indexPath: String?, to output: inout String,
    flush: ((String) throws(E) -> Void)?
  ) throws(E) {
    let styles = HTMLLabelStyle.styles(
      for: labels, used: documents.flatMap { $0.spans.map(\.label) })
    let summaries = documents.map {
      EntitySummary(spans: $0.spans, labelOrder: styles.map(\.name))
    }
    let title =
      documents.count == 1 ? Self.sourceName(documents[0].source) : "\(documents.count) documents"
    writeHead(title: title, styles: styles, toggles: true, to: &output)
    for style in styles {
      output += "<input type=\"checkbox\" class=\"toggle\" id=\"show-\(style.className)\""
      output += " checked=\"checked\"/>\n"
    }
    output += "<header>\n"
    if let indexPath {
      output += "<p class=\"up\" lang=\"en\"><a href=\"\(HTMLEscaping.relativeURL(indexPath))\">"
      output += "All documents</a></p>\n"
    }
    output += "<h1><bdi>\(HTMLEscaping.content(title))</bdi></h1>\n"
    let mentions = documents.reduce(0) { $0 + $1.spans.count }
    // Distinct over the page: an entity on several documents counts once.
    let entities = Set(documents.lazy.flatMap(\.spans).map(\.entry)).count
    output += "<p class=\"meta\" lang=\"en\">\(Self.counted(mentions, "mention")) of "
    output += "\(Self.counted(entities, "entity", plural: "entities"))"
    output += " · hover or focus a name for details; click a label to hide or show it</p>\n"
    var perLabel: [String: Int] = [:]
    for summary in summaries { perLabel.merge(summary.mentionsPerLabel, uniquingKeysWith: +) }
    writeLegend(styles, counts: perLabel, toggles: true, to: &output)
    if documents.count > 1 { writeContents(documents, to: &output) }
    output += "</header>\n<main>\n"
    for (index, document) in documents.enumerated() {
      try writeSection(
        document, number: index + 1, summary: summaries[index], styles: styles,
        headed: documents.count > 1, to: &output, flush: flush)
    }
    output += "</main>\n</body>\n</html>\n"
  }

  /// Appends the `<head>` and the `<body>` start tag.
  func writeHead(
    title: String, styles: [HTMLLabelStyle], toggles: Bool, to output: inout String
  ) {
    output += """
      <!DOCTYPE html>
      <html lang="hi">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"/>
      <meta name="generator" content="gazetag"/>

      """
    output += "<title>\(HTMLEscaping.content(title))</title>\n<style>\n"
    output += Self.styleSheet
    output += labelRules(styles, toggles: toggles)
    output += "</style>\n</head>\n<body>\n"
  }

  /// Appends the legend: one entry per label with its colour and count; with `toggles`, each
  /// entry is the `<label>` of the checkbox that shows or hides the label's highlighting.
  func writeLegend(
    _ styles: [HTMLLabelStyle], counts: [String: Int], toggles: Bool, to output: inout String
  ) {
    output += "<div class=\"legend\" lang=\"en\">\n"
    for style in styles {
      let tag = toggles ? "label" : "span"
      output += toggles ? "<label for=\"show-\(style.className)\"" : "<span"
      output += " class=\"\(style.className)\""
      if let description = style.description {
        output += " title=\"\(HTMLEscaping.attribute(description))\""
      }
      output += "><span class=\"swatch\"></span><bdi>\(HTMLEscaping.content(style.name))</bdi>"
      output += " <span class=\"n\">\(counts[style.name] ?? 0)</span></\(tag)>\n"
    }
    output += "</div>\n"
  }

  /// Appends the table of contents of a page with several documents.
  private func writeContents(_ documents: [TaggedDocument], to output: inout String) {
    output += "<nav class=\"toc\" lang=\"en\" aria-label=\"Documents\">\n<ol>\n"
    for (index, document) in documents.enumerated() {
      output += "<li><a href=\"#d\(index + 1)\"><bdi>"
      output += HTMLEscaping.content(Self.sourceName(document.source))
      output += "</bdi></a> <span class=\"n\">\(Self.counted(document.spans.count, "mention"))"
      output += "</span></li>\n"
    }
    output += "</ol>\n</nav>\n"
  }

  /// How a document's source is shown: its path, or "standard input" for `-`.
  static func sourceName(_ source: String) -> String {
    source == "-" ? "standard input" : source
  }

  /// `1 mention`, `2 mentions`.
  static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
  }
}
