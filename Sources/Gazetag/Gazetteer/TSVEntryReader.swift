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

  func entries(in text: String) throws(GazetteerError) -> [GazetteerEntry] {
    var header: [String]?
    var entries: [GazetteerEntry] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
      if line.allSatisfy(\.isWhitespace) || line.first == "#" { continue }
      let location = SourceLocation(file: file, line: index + 1)
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        String($0).trimmingWhitespace()
      }
      guard let columns = header else {
        try checkHeader(fields, at: location)
        header = fields
        continue
      }
      guard fields.count <= columns.count else {
        throw .extraFields(location, expected: columns.count, found: fields.count)
      }
      var row: [String: String] = [:]
      for (column, value) in zip(columns, fields) where !value.isEmpty { row[column] = value }
      entries.append(try entry(from: row, at: location))
    }
    return entries
  }

  private func checkHeader(_ columns: [String], at location: SourceLocation) throws(GazetteerError)
  {
    for required in ["id", "name"] where !columns.contains(required) {
      throw .missingColumn(location, column: required)
    }
    if defaultLabel == nil && !columns.contains("label") {
      throw .missingColumn(location, column: "label")
    }
  }

  private func entry(from row: [String: String], at location: SourceLocation)
    throws(GazetteerError) -> GazetteerEntry
  {
    guard let id = row["id"] else { throw .emptyField(location, column: "id") }
    guard let name = row["name"] else { throw .emptyField(location, column: "name") }
    guard let label = row["label"] ?? defaultLabel else {
      throw .emptyField(location, column: "label")
    }
    guard declaredLabels.contains(label) else {
      throw .unknownLabel(location, label: label, declared: declaredLabels)
    }
    let aliases = (row["aliases"] ?? "").split(separator: "|").map {
      String($0).trimmingWhitespace()
    }.filter { !$0.isEmpty }
    return GazetteerEntry(
      id: id, label: label, name: name, aliases: aliases, englishName: row["english"],
      wikidata: row["wikidata"], source: row["source"],
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
