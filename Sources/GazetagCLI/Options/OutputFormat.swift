import ArgumentParser
import Gazetag

/// The formats `gazetag tag` writes.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  /// One JSON object per document (or per record with `--input jsonl`).
  case jsonl
  /// One line per span: source, start, end, label, text, id.
  case tsv
  /// One annotated HTML page for all inputs (or one per input and an index with
  /// `--output-dir`), written by ``HTMLOutput`` rather than a span writer.
  case html

  /// The file extension of `--output-dir` files.
  var fileExtension: String { rawValue }

  func writer(offsets: OffsetUnit) -> any SpanWriter {
    switch self {
    case .jsonl: JSONLWriter(offsets: offsets)
    case .tsv: TSVWriter(offsets: offsets)
    case .html: preconditionFailure("HTML pages are written by HTMLOutput, not a SpanWriter")
    }
  }
}

/// How input files are read.
enum InputFormat: String, CaseIterable, ExpressibleByArgument {
  /// Each input is one document of plain UTF-8 text.
  case text
  /// Each line of each input is a JSON record whose text field is tagged.
  case jsonl
}
