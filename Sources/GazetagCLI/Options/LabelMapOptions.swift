import ArgumentParser
import Gazetag

/// `--map-labels`: new names for the gazetteer's labels in the output, applied after overlaps
/// are resolved; shared by `tag` and `html`.
struct LabelMapOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Rename labels in the output, after overlaps are resolved: OURS=NEW pairs, comma-separated, repeatable (PLACE=GPE,COUNTRY=GPE).",
      valueName: "pairs"))
  var mapLabels: [String] = []

  /// Checks the pairs against the gazetteer's declared labels (a usage error when one is wrong).
  func validate(with gazetteer: GazetteerOptions) throws {
    if !mapLabels.isEmpty {
      _ = try renamedLabels(declared: try gazetteer.declaredLabels())
    }
  }

  /// The new names of `--map-labels`, checked against the gazetteer's labels: each OURS=NEW
  /// names a declared label, and no label gets two new names.
  func renamedLabels(declared: [String]) throws -> [String: String] {
    var renamed: [String: String] = [:]
    let pairs = try labelSides(mapLabels, option: "--map-labels", form: "OURS=NEW, e.g. PLACE=GPE")
    for (ours, new) in pairs {
      guard declared.contains(ours) else {
        throw ValidationError(
          "--map-labels: unknown label '\(ours)'; the gazetteer declares \(declared.joined(separator: ", "))"
        )
      }
      if let other = renamed[ours], other != new {
        throw ValidationError(
          "--map-labels: \(ours) is renamed both \(other) and \(new); give each label one new name")
      }
      renamed[ours] = new
    }
    return renamed
  }

  /// The new name of each renamed label, once `validate(with:)` has passed.
  func renamed() throws -> [String: String] {
    Dictionary(
      try labelSides(mapLabels, option: "--map-labels", form: "OURS=NEW").map {
        ($0.left, $0.right)
      }, uniquingKeysWith: { first, _ in first })
  }
}
