/// The rows of a tab-separated file of a gazetteer (its data files and `rules.tsv`,
/// Documentation/GazetteerFormat.md): the first line that is neither blank nor a `#` comment
/// is the header naming the columns, each later such line a row. Lines end with LF or CR LF; a
/// byte order mark before the header is not part of its first column's name; fields are
/// trimmed of white space.
struct TSVRows {
  /// One row: its non-empty fields by column name, and where it is.
  struct Row {
    var location: SourceLocation
    var fields: [String: String]
  }

  /// The file's path as shown in diagnostics.
  var file: String

  /// The rows of the file's `text`, in order. A header that repeats a column, lacks one of
  /// `required` or that `checkHeader` refuses (after recording why) yields no rows; a row
  /// with more fields than the header has columns is recorded in `log` and skipped.
  func rows(
    in text: String, required: [String], log: inout ProblemLog,
    checkHeader: (_ columns: [String], SourceLocation, inout ProblemLog) throws(GazetteerError)
      -> Bool = { _, _, _ in true }
  ) throws(GazetteerError) -> [Row] {
    var header: [String]?
    var rows: [Row] = []
    for (index, rawLine) in text.lines.enumerated() {
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
        let missing = required.filter { !fields.contains($0) }
        for column in missing { try log.record(.missingColumn(location, column: column)) }
        guard try checkHeader(fields, location, &log), missing.isEmpty else { return [] }
        header = fields
        continue
      }
      guard fields.count <= columns.count else {
        try log.record(.extraFields(location, expected: columns.count, found: fields.count))
        continue
      }
      var row: [String: String] = [:]
      for (column, value) in zip(columns, fields) where !value.isEmpty { row[column] = value }
      rows.append(Row(location: location, fields: row))
    }
    return rows
  }
}
