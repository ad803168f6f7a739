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
  /// One token per line with its tag, sentences and documents apart.
  case conll
  /// brat standoff annotations (`.ann`), beside a copy of the text under `--output-dir`.
  case brat
  /// displaCy's manual format, one JSON object per document.
  case spacy
  /// A Label Studio tasks file with predictions.
  case labelStudio = "label-studio"

  /// What the writers of the formats are made with, besides the format.
  struct Settings {
    var offsets: OffsetUnit = .codePoint
    /// The labels spans carry, in legend order (HTML).
    var labels: [LabelDefinition] = []
    var scheme: TagScheme = .iob2
    var includeText = false
    var fromName = "label"
    var toName = "text"
  }

  /// The writer of this format.
  func writer(_ settings: Settings) -> any DocumentWriter {
    switch self {
    case .jsonl:
      settings.includeText
        ? JSONLTextWriter(offsets: settings.offsets) : JSONLWriter(offsets: settings.offsets)
    case .tsv: TSVWriter(offsets: settings.offsets)
    case .html: HTMLWriter(labels: settings.labels, offsets: settings.offsets)
    case .conll: CoNLLWriter(scheme: settings.scheme)
    case .brat: BratWriter()
    case .spacy: SpacyWriter()
    case .labelStudio: LabelStudioWriter(fromName: settings.fromName, toName: settings.toName)
    }
  }

  /// Whether `--offsets` applies: the other formats have no offsets (CoNLL) or count code
  /// points, as their readers do.
  var hasOffsetChoice: Bool { [.jsonl, .tsv, .html].contains(self) }

  /// Whether `--input jsonl` can write this format: JSON Lines adds spans to each record in
  /// place; the other formats that hold several documents take each record as one.
  var readsRecords: Bool { ![.html, .brat].contains(self) }
}

/// How input files are read.
enum InputFormat: String, CaseIterable, ExpressibleByArgument {
  /// Each input is one document of plain UTF-8 text.
  case text
  /// Each line of each input is a JSON record whose text field is tagged.
  case jsonl
}
