/// Names the per-input files under `--output-dir`, so that no two inputs share one.
///
/// An input's file is its path relative to the directory argument it was found in (its file
/// name when named directly), with the output's extension instead of `.txt` (in any letter case): `news/a.txt` →
/// `news/a.jsonl`. When that name is taken (by an earlier input of the same name from another
/// directory, or by a reserved name such as HTML's `index.html`), `-2`, `-3`, … is added:
/// `a/x.txt b/x.txt` → `x.jsonl`, `x-2.jsonl`. Names are given in input order before any input
/// is read, so an input's file does not depend on which other inputs fail.
struct OutputNames {
  private let fileExtension: String
  private var taken: Set<String>

  /// - Parameters:
  ///   - fileExtension: the extension of every file, without the dot (`jsonl`, `html`).
  ///   - reserved: names no input may take.
  init(fileExtension: String, reserving reserved: Set<String> = []) {
    self.fileExtension = fileExtension
    taken = reserved
  }

  /// The file of `item`, relative to the output directory; never one given before.
  mutating func name(for item: InputItem) -> String {
    let base = item.relativePathWithoutExtension
    var path = "\(base).\(fileExtension)"
    var number = 1
    while !taken.insert(path).inserted {
      number += 1
      path = "\(base)-\(number).\(fileExtension)"
    }
    return path
  }
}
