/// Reads gold annotations in brat standoff format: a text file and an annotation file whose
/// `T` lines mark entities, `T1<TAB>LABEL START END<TAB>text`, offsets in code points of the
/// text file, end exclusive.
///
/// An entity of several fragments (`LABEL 0 5;9 14`) is skipped as unsupported, with a
/// diagnostic; so is a `T` line that cannot be read, whose offsets fall outside the text, or
/// whose text differs from what its offsets cover. Relations, events, attributes, notes and
/// comments (`R`, `E`, `A`, `M`, `N`, `#` lines) are ignored.
public struct BratGoldReader: Sendable {
  /// The annotation file's path as shown in diagnostics.
  public var annotationFile: String
  /// The text file's path, the location of the document.
  public var textFile: String

  public init(annotationFile: String, textFile: String) {
    self.annotationFile = annotationFile
    self.textFile = textFile
  }

  /// The document the text and annotations describe, with the problems found on the way.
  public func corpus(text: String, annotations: String) -> GoldCorpus {
    var corpus = GoldCorpus()
    let scalars = Array(text.unicodeScalars)
    var spans: [GoldSpan] = []
    for (index, line) in annotations.goldLines.enumerated() where line.first == "T" {
      let location = SourceLocation(file: annotationFile, line: index + 1)
      do {
        spans.append(try span(from: line, in: scalars, at: location))
      } catch {
        corpus.diagnostics.append(error)
      }
    }
    corpus.documents.append(
      GoldDocument(
        location: SourceLocation(file: textFile, line: 1), text: text, spans: spans,
        linesFollowText: true))
    return corpus
  }

  private func span(
    from line: Substring, in scalars: [Unicode.Scalar], at location: SourceLocation
  ) throws(GoldError) -> GoldSpan {
    let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
    guard fields.count >= 2 else {
      throw .malformedAnnotation(location, reason: "no tab after the entity id")
    }
    let id = String(fields[0])
    let parts = fields[1].split(separator: " ", maxSplits: 1)
    guard parts.count == 2 else {
      throw .malformedAnnotation(location, reason: "no offsets after the label")
    }
    if parts[1].contains(";") { throw .discontinuousSpan(location, id: id) }
    let offsets = parts[1].split(separator: " ")
    guard offsets.count == 2, let start = Int(offsets[0]), let end = Int(offsets[1]) else {
      throw .malformedAnnotation(location, reason: "offsets '\(parts[1])' are not START END")
    }
    guard 0 <= start, start < end, end <= scalars.count else {
      throw .offsetsOutOfRange(location, start: start, end: end, length: scalars.count)
    }
    let covered = String(String.UnicodeScalarView(scalars[start..<end]))
    if fields.count == 3, fields[2] != covered {
      throw .spanTextMismatch(location, expected: String(fields[2]), found: covered)
    }
    return GoldSpan(start: start, end: end, label: String(parts[0]), location: location)
  }
}
