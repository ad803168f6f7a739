import Foundation

/// The file formats gold annotations are read from.
public enum GoldFormat: String, CaseIterable, Sendable {
  /// One `{"text": …, "spans": [{"start", "end", "label"}]}` object per line, code-point
  /// offsets: the output of `gazetag tag --input jsonl` is one.
  case jsonl
  /// One token per line, the tag in the last column, a blank line between sentences.
  case conll
  /// brat standoff: `NAME.txt` with `NAME.ann` beside it.
  case brat

  /// File extensions of each format, for telling the format from a name and for collecting
  /// files from a directory.
  public var fileExtensions: [String] {
    switch self {
    case .jsonl: ["jsonl", "json"]
    case .conll: ["conll", "conll03", "iob", "iob1", "iob2", "bio", "bioes", "bilou", "ner", "tsv"]
    case .brat: ["ann"]
    }
  }

  /// The format a file's extension names: `.jsonl`, `.ann` (brat), `.conll`, `.iob`, `.bio`
  /// and the like. A `.txt` is brat when an `.ann` file sits beside it, otherwise CoNLL.
  public static func detect(path: String) -> GoldFormat? {
    let url = URL(fileURLWithPath: path)
    let pathExtension = url.pathExtension.lowercased()
    if pathExtension == "txt" {
      let annotations = url.deletingPathExtension().appendingPathExtension("ann").path
      return FileManager.default.fileExists(atPath: annotations) ? .brat : .conll
    }
    return allCases.first { $0.fileExtensions.contains(pathExtension) }
  }
}
