extension HTMLWriter {
  /// Appends an index page for pages written one per document: a legend with the counts of
  /// all pages and a table with a link to each page and its counts per label.
  public func writeIndex(_ entries: [HTMLIndexEntry], to output: inout String) {
    let styles = HTMLLabelStyle.styles(
      for: labels, used: entries.flatMap { $0.mentionsPerLabel.keys.sorted() })
    var totals: [String: Int] = [:]
    for entry in entries { totals.merge(entry.mentionsPerLabel, uniquingKeysWith: +) }
    let title = Self.counted(entries.count, "document")
    writeHead(title: title, styles: styles, toggles: false, to: &output)
    output += "<header>\n<h1>\(title)</h1>\n<p class=\"meta\" lang=\"en\">"
    output += Self.counted(entries.reduce(0) { $0 + $1.mentions }, "mention")
    output += " · one page per document</p>\n"
    writeLegend(styles, counts: totals, toggles: false, to: &output)
    output += "</header>\n<main>\n<table class=\"index\" lang=\"en\">\n<thead><tr>"
    output += "<th scope=\"col\">Document</th><th scope=\"col\" class=\"num\">Mentions</th>"
    output += "<th scope=\"col\" class=\"num\">Entities</th>"
    for style in styles {
      output += "<th scope=\"col\" class=\"num\"><span class=\"badge \(style.className)\"><bdi>"
      output += "\(HTMLEscaping.content(style.name))</bdi></span></th>"
    }
    output += "</tr></thead>\n<tbody>\n"
    for entry in entries {
      output += "<tr><td><a href=\"\(HTMLEscaping.relativeURL(entry.path))\"><bdi>"
      output += HTMLEscaping.content(Self.sourceName(entry.source))
      output += "</bdi></a></td><td class=\"num\">\(entry.mentions)</td>"
      output += "<td class=\"num\">\(entry.entities)</td>"
      for style in styles {
        output += "<td class=\"num\">\(entry.mentionsPerLabel[style.name] ?? 0)</td>"
      }
      output += "</tr>\n"
    }
    output += "</tbody>\n</table>\n</main>\n</body>\n</html>\n"
  }
}
