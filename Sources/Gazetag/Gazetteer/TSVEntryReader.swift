/// Reads the entries of one gazetteer TSV file (Documentation/GazetteerFormat.md).
///
/// The first line that is neither blank nor a `#` comment is the header naming the columns;
/// `id` and `name` are required, and `label` unless the manifest gives the file one. Aliases
/// are separated by `|`. Columns the format does not define are kept as attributes.
struct TSVEntryReader {
  /// The file's path as shown in diagnostics.
  var file: String
  /// The label of rows without a `label` column or value.
  var defaultLabel: String?
  /// The labels the manifest declares.
  var declaredLabels: [String]

  static let knownColumns: Set<String> = [
    "id", "label", "name", "aliases", "english", "wikidata", "source",
  ]

  /// The entries of the file's `text`, in order. Every problem goes to `log`; a lenient log
  /// keeps rows with empty or unknown fields (so that later checks still see them) and skips
  /// files with a bad header and rows with too many fields.
  func entries(in text: String, log: inout ProblemLog) throws(GazetteerError)
    -> [GazetteerEntry]
  {
    var header: [String]?
    var entries: [GazetteerEntry] = []
    for (index, rawLine) in text.lines
      .enumerated()
    {
      var line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
      // A byte order mark, which Windows editors write, is not part of the first column's name.
      if index == 0 && line.first == "\u{FEFF}" { line = line.dropFirst() }
      if line.allSatisfy(\.isWhitespace) || line.first == "#" { continue }
      let location = SourceLocation(file: file, line: index + 1)
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        String($0).trimmingWhitespace()
      }
      guard let columns = header else {
        if let repeated = fields.enumerated().first(where: {
          !$0.element.isEmpty && fields[..<$0.offset].contains($0.element)
        }) {
          try log.record(.duplicateColumn(location, column: repeated.element))
          return []
        }
        let missing = missingColumns(fields)
        for column in missing { try log.record(.missingColumn(location, column: column)) }
        if !missing.isEmpty { return [] }
        header = fields
        continue
      }
      guard fields.count <= columns.count else {
        try log.record(.extraFields(location, expected: columns.count, found: fields.count))
        continue
      }
      var row: [String: String] = [:]
      for (column, value) in zip(columns, fields) where !value.isEmpty { row[column] = value }
      entries.append(try entry(from: row, at: location, log: &log))
    }
    return entries
  }

  private func missingColumns(_ columns: [String]) -> [String] {
    var missing = ["id", "name"].filter { !columns.contains($0) }
    if defaultLabel == nil && !columns.contains("label") { missing.append("label") }
    return missing
  }

  private func entry(from row: [String: String], at location: SourceLocation, log: inout ProblemLog)
    throws(GazetteerError) -> GazetteerEntry
  {
    for column in ["id", "name"] where row[column] == nil {
      try log.record(.emptyField(location, column: column))
    }
    let label = row["label"] ?? defaultLabel ?? ""
    if label.isEmpty {
      try log.record(.emptyField(location, column: "label"))
    } else if !declaredLabels.contains(label) {
      try log.record(.unknownLabel(location, label: label, declared: declaredLabels))
    }
    let aliases = (row["aliases"] ?? "").split(separator: "|").map {
      String($0).trimmingWhitespace()
    }.filter { !$0.isEmpty }
    return GazetteerEntry(
      id: row["id"] ?? "", label: label, name: row["name"] ?? "", aliases: aliases,
      englishName: row["english"], wikidata: row["wikidata"], source: row["source"],
      attributes: row.filter { !Self.knownColumns.contains($0.key) }, location: location)
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  func trimmingWhitespace() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
