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
    var required = ["id", "name"]
    if defaultLabel == nil { required.append("label") }
    var entries: [GazetteerEntry] = []
    for row in try TSVRows(file: file).rows(in: text, required: required, log: &log) {
      entries.append(try entry(from: row.fields, at: row.location, log: &log))
    }
    return entries
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
