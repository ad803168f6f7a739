import ArgumentParser
import Gazetag

/// The formats `gazetag tag` writes.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
  /// One JSON object per document (or per record with `--input jsonl`).
  case jsonl
  /// One line per span: source, start, end, label, text, id.
  case tsv
  /// One annotated HTML page for all inputs (or one per input and an index with
  /// `--output-dir`); ``HTMLOutput`` lays out the pages and the index.
  case html

  /// The writer of this format.
  ///
  /// - Parameter gazetteer: the gazetteer whose labels the HTML legend lists.
  func writer(offsets: OffsetUnit, gazetteer: Gazetteer) -> any DocumentWriter {
    switch self {
    case .jsonl: JSONLWriter(offsets: offsets)
    case .tsv: TSVWriter(offsets: offsets)
    case .html: HTMLWriter(gazetteer: gazetteer, offsets: offsets)
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
