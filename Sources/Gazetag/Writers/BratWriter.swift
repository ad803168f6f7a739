/// Writes brat standoff annotations (`.ann`): for each span `T<n><TAB>LABEL START END<TAB>text`,
/// offsets in code points of the document's text (as brat counts them, Python string offsets),
/// end exclusive, and `#<n><TAB>AnnotatorNotes T<n><TAB><entry id>` when the entry has an id.
/// A span that crosses a line break is written, as brat does, as fragments
/// (`START END;START END`) split at the line breaks, its text the fragments' texts joined by
/// single spaces.
///
/// The offsets index the text the annotations were made on: brat reads it from a `.txt` file
/// beside the `.ann` (``DocumentNeeds/textCopy``).
public struct BratWriter: DocumentWriter {
  public init() {}

  public var fileExtension: String { "ann" }

  public var needs: DocumentNeeds { [.text, .textCopy] }

  public func write(_ document: TaggedDocument, to output: inout [UInt8]) {
    let scalars = document.text.unicodeScalars
    var index = scalars.startIndex
    var position = 0
    var lines = ""
    for (number, span) in document.spans.enumerated() {
      // Spans are ordered by start: walk the text forward to each.
      let start = span.start.codePoint
      if start < position {
        index = scalars.startIndex
        position = 0
      }
      index = scalars.index(index, offsetBy: start - position)
      position = start
      var fragments: [(start: Int, end: Int, text: String)] = []
      var fragmentStart: Int?
      var fragmentText = ""
      var cursor = index
      for offset in start..<span.end.codePoint {
        let scalar = scalars[cursor]
        if scalar == "\n" || scalar == "\r" {
          if let begin = fragmentStart { fragments.append((begin, offset, fragmentText)) }
          fragmentStart = nil
          fragmentText = ""
        } else {
          if fragmentStart == nil { fragmentStart = offset }
          fragmentText.unicodeScalars.append(scalar)
        }
        cursor = scalars.index(after: cursor)
      }
      if let begin = fragmentStart { fragments.append((begin, span.end.codePoint, fragmentText)) }
      lines += "T\(number + 1)\t\(span.label) "
      lines += fragments.map { "\($0.start) \($0.end)" }.joined(separator: ";")
      lines += "\t" + fragments.map(\.text).joined(separator: " ") + "\n"
      if !span.entry.id.isEmpty {
        lines += "#\(number + 1)\tAnnotatorNotes T\(number + 1)\t\(span.entry.id)\n"
      }
    }
    output += lines.utf8
  }
}
