extension HTMLWriter {
  /// Appends one document's `<section>`: its heading and counts (`headed`, on a page of several
  /// documents), the `<article>` with the marked text and the summary table. Ids are
  /// `d<number>` for the section, `d<number>-s<n>` for the mark of the n-th span and
  /// `d<number>-e<n>` for the n-th summary row. With `flush`, `output` is handed to it and
  /// emptied whenever it has reached ``partSize`` bytes.
  func writeSection<E: Error>(
    _ document: TaggedDocument, number: Int, summary: EntitySummary, styles: [HTMLLabelStyle],
    headed: Bool, to output: inout String, flush: ((String) throws(E) -> Void)?
  ) throws(E) {
    let id = "d\(number)"
    output += "<section class=\"document\" id=\"\(id)\">\n"
    if headed {
      output += "<h2><bdi>\(HTMLEscaping.content(Self.sourceName(document.source)))</bdi></h2>\n"
      output += "<p class=\"meta\" lang=\"en\">\(Self.counted(document.spans.count, "mention"))"
      output += " of \(Self.counted(summary.rows.count, "entity", plural: "entities"))</p>\n"
    }
    output += "<article>"
    try writeMarkedText(document, id: id, styles: styles, to: &output, flush: flush)
    output += "</article>\n"
    if !summary.rows.isEmpty {
      try writeSummary(summary, of: document, id: id, styles: styles, to: &output, flush: flush)
    }
    output += "</section>\n"
  }

  /// Appends the document's text with a `<mark>` per span. A mark that neither contains nor is
  /// contained in another links to its entity's Wikidata item, if any (links cannot nest);
  /// other marks are made focusable so that their details can be shown from the keyboard.
  private func writeMarkedText<E: Error>(
    _ document: TaggedDocument, id: String, styles: [HTMLLabelStyle], to output: inout String,
    flush: ((String) throws(E) -> Void)?
  ) throws(E) {
    let text = document.text
    let layout = HTMLMarkLayout(text: text, spans: document.spans)
    let links = document.spans.indices.map {
      layout.isolated[$0] ? Self.wikidataURL(document.spans[$0].entry.wikidata) : nil
    }
    let classOfLabel = Dictionary(
      styles.map { ($0.name, $0.className) }, uniquingKeysWith: { first, _ in first })
    var cursor = text.startIndex
    for (index, event) in layout.events {
      try Self.handOut(&output, to: flush)
      HTMLEscaping.appendText(text[cursor..<index], to: &output)
      cursor = index
      switch event {
      case .open(let position, let continued):
        let span = document.spans[position]
        output += "<mark"
        if !continued { output += " id=\"\(id)-s\(position + 1)\"" }
        output += " class=\"\(classOfLabel[span.label]!)\(continued ? " cont" : "")\""
        output += " data-label=\"\(HTMLEscaping.attribute(span.label))\""
        output += " data-id=\"\(HTMLEscaping.attribute(span.entry.id))\""
        if continued {
          output += ">"
          continue
        }
        let range = span.range(in: offsets)
        output += " data-start=\"\(range.lowerBound)\" data-end=\"\(range.upperBound)\""
        if let designator = span.designator {
          output += " data-designator=\"\(HTMLEscaping.attribute(designator))\""
        }
        if let rule = span.rule {
          output += " data-rule=\"\(HTMLEscaping.attribute(rule))\""
          if span.isGuessed { output += " data-guessed=\"true\"" }
        }
        let details = details(of: span, linked: links[position] != nil)
        output += " data-details=\"\(HTMLEscaping.attribute(lines: details))\""
        if let link = links[position] {
          output += "><a href=\"\(link)\" target=\"_blank\" rel=\"noopener noreferrer\">"
        } else {
          output += " tabindex=\"0\">"
        }
      case .close(let position):
        output += links[position] == nil ? "</mark>" : "</a></mark>"
      }
    }
    HTMLEscaping.appendText(text[cursor...], to: &output)
  }

  /// The lines of a mark's hover and focus details.
  private func details(of span: EntitySpan, linked: Bool) -> [String] {
    let entry = span.entry
    var lines = [entry.name]
    if let english = entry.englishName, !english.isEmpty { lines.append(english) }
    lines.append(entry.id.isEmpty ? span.label : "\(span.label) · \(entry.id)")
    if let designator = span.designator { lines.append("designator \(designator)") }
    if let rule = span.rule {
      lines.append(span.isGuessed ? "guessed by rule \(rule)" : "rule \(rule)")
    }
    if let wikidata = entry.wikidata, Self.wikidataURL(wikidata) != nil {
      lines.append(linked ? "Wikidata \(wikidata) · click to open" : "Wikidata \(wikidata)")
    }
    return lines
  }

  /// Appends the table of the document's distinct entities.
  private func writeSummary<E: Error>(
    _ summary: EntitySummary, of document: TaggedDocument, id: String,
    styles: [HTMLLabelStyle], to output: inout String, flush: ((String) throws(E) -> Void)?
  ) throws(E) {
    let classOfLabel = Dictionary(
      styles.map { ($0.name, $0.className) }, uniquingKeysWith: { first, _ in first })
    output += """
      <table class="summary" lang="en">
      <caption>Entities</caption>
      <thead><tr><th scope="col">Entity</th><th scope="col">Label</th>\
      <th scope="col" class="num">Mentions</th><th scope="col">Go to mention</th>\
      <th scope="col">ID</th></tr></thead>
      <tbody>

      """
    for (number, row) in summary.rows.enumerated() {
      try Self.handOut(&output, to: flush)
      let entry = row.entry
      output += "<tr id=\"\(id)-e\(number + 1)\" class=\"\(classOfLabel[entry.label]!)\">"
      output += "<td><bdi lang=\"hi\">\(HTMLEscaping.content(entry.name))</bdi>"
      if let english = entry.englishName, !english.isEmpty {
        output += "<span class=\"en\"><bdi>\(HTMLEscaping.content(english))</bdi></span>"
      }
      if !row.designators.isEmpty {
        output += "<span class=\"des\">"
        output += row.designators.count == 1 ? "designator " : "designators "
        output += HTMLEscaping.content(row.designators.joined(separator: ", "))
        if row.designatedMentions < row.mentions.count {
          // Mentions of the family name alone have none: say how many do.
          output += " in \(row.designatedMentions) of \(row.mentions.count) mentions"
        }
        output += "</span>"
      }
      output += "</td><td><span class=\"badge\"><bdi>\(HTMLEscaping.content(entry.label))"
      output += "</bdi></span></td><td class=\"num\">\(row.mentions.count)</td><td class=\"where\">"
      output += row.mentions.enumerated().map { ordinal, position in
        "<a href=\"#\(id)-s\(position + 1)\">\(ordinal + 1)</a>"
      }.joined(separator: " ")
      output += "</td><td class=\"ids\"><code><bdi>\(HTMLEscaping.content(entry.id))</bdi></code>"
      if let wikidata = entry.wikidata, !wikidata.isEmpty {
        if let url = Self.wikidataURL(wikidata) {
          output += " <a href=\"\(url)\" target=\"_blank\" rel=\"noopener noreferrer\">"
          output += "\(wikidata)</a>"
        } else {
          output += " <bdi>\(HTMLEscaping.content(wikidata))</bdi>"
        }
      }
      output += "</td></tr>\n"
    }
    output += "</tbody>\n</table>\n"
  }

  /// Hands `output` to `flush` and empties it once it holds ``partSize`` bytes or more.
  private static func handOut<E: Error>(
    _ output: inout String, to flush: ((String) throws(E) -> Void)?
  ) throws(E) {
    guard let flush, output.utf8.count >= partSize else { return }
    try flush(output)
    output.removeAll(keepingCapacity: true)
  }

  /// The Wikidata page of a QID such as `Q56226`; `nil` for anything else, so that no other
  /// URL can be built from the gazetteer.
  static func wikidataURL(_ qid: String?) -> String? {
    guard let qid, qid.utf8.count <= 12, qid.first == "Q", qid.dropFirst().first != "0",
      qid.dropFirst().count >= 1, qid.utf8.dropFirst().allSatisfy({ (0x30...0x39).contains($0) })
    else { return nil }
    return "https://www.wikidata.org/wiki/\(qid)"
  }
}
