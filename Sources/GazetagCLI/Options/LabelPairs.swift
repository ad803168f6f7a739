import ArgumentParser
import Gazetag

/// The GOLD=OURS pairs of a `--label-map` option (`NEP=PERSON,NEL=PLACE`, comma-separated and
/// repeatable), in order, each checked to have a label on both sides. What a command does with
/// several pairs of one label is its own rule.
func labelPairs(_ values: [String]) throws -> [LabelMap.Pair] {
  try values.flatMap { $0.split(separator: ",") }.map { item in
    let sides = item.split(separator: "=", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
      throw ValidationError("--label-map: '\(item)' is not GOLD=OURS, e.g. LOC=PLACE")
    }
    return LabelMap.Pair(gold: sides[0], ours: sides[1])
  }
}
