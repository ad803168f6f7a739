import ArgumentParser
import Gazetag

/// The GOLD=OURS pairs of a `--label-map` option (`NEP=PERSON,NEL=PLACE`, comma-separated and
/// repeatable), in order, each checked to have a label on both sides. What a command does with
/// several pairs of one label is its own rule.
func labelPairs(_ values: [String]) throws -> [LabelMap.Pair] {
  try labelSides(values, option: "--label-map", form: "GOLD=OURS, e.g. LOC=PLACE").map {
    LabelMap.Pair(gold: $0.left, ours: $0.right)
  }
}

/// The LEFT=RIGHT pairs of a label option written like `--label-map` (comma-separated and
/// repeatable), in order, each checked to have a label on both sides.
///
/// - Parameter form: how a pair is written, for the message (`GOLD=OURS, e.g. LOC=PLACE`).
func labelSides(_ values: [String], option: String, form: String) throws
  -> [(left: String, right: String)]
{
  try values.flatMap { $0.split(separator: ",") }.map { item in
    let sides = item.split(separator: "=", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    guard sides.count == 2, !sides[0].isEmpty, !sides[1].isEmpty else {
      throw ValidationError("\(option): '\(item)' is not \(form)")
    }
    return (sides[0], sides[1])
  }
}
