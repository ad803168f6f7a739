/// How one label is drawn on a page: a CSS class named by the label's position (`l0`, `l1`, …)
/// and a colour. Label names never appear in the style sheet, so no label can break out of it.
struct HTMLLabelStyle: Hashable, Sendable {
  /// The label, e.g. `PERSON`.
  var name: String
  /// The CSS class of the label's marks, legend entry and summary rows.
  var className: String
  /// A CSS colour that is safe to place in the style sheet.
  var color: String
  /// What the label means, from the manifest.
  var description: String?

  /// Colours for labels whose manifest gives none, or gives one that is not a plain CSS colour.
  static let palette = [
    "#7aa6da", "#f0a35e", "#8fbc6a", "#d98cb3", "#c9b458", "#6cc3c1", "#b39ddb", "#e57373",
  ]

  /// The styles of a page: the gazetteer's labels in declaration order, then the labels of
  /// `used` that the gazetteer does not declare (spans may carry any label), in order.
  static func styles(for labels: [LabelDefinition], used: [String]) -> [HTMLLabelStyle] {
    var definitions = labels
    var seen = Set(labels.map(\.name))
    for label in used where seen.insert(label).inserted {
      definitions.append(LabelDefinition(name: label))
    }
    return definitions.enumerated().map { index, definition in
      HTMLLabelStyle(
        name: definition.name, className: "l\(index)",
        color: definition.color.flatMap { isPlainColor($0) ? $0 : nil }
          ?? palette[index % palette.count],
        description: definition.description)
    }
  }

  /// Whether `color` is a hex colour (`#e9c46a`), a colour keyword (`teal`) or a colour
  /// function of numbers (`rgb(233 196 106 / 50%)`): nothing that could end a declaration or
  /// a rule.
  static func isPlainColor(_ color: String) -> Bool {
    let scalars = Array(color.unicodeScalars)
    func all(_ slice: ArraySlice<Unicode.Scalar>, in allowed: String) -> Bool {
      slice.allSatisfy { allowed.unicodeScalars.contains($0) }
    }
    let hexDigits = "0123456789abcdefABCDEF"
    let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if scalars.first == "#" {
      return [4, 5, 7, 9].contains(scalars.count) && all(scalars[1...], in: hexDigits)
    }
    if let open = scalars.firstIndex(of: "("), scalars.last == ")" {
      let name = String(String.UnicodeScalarView(scalars[..<open]))
      return ["rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch"].contains(name)
        && all(scalars[(open + 1)..<(scalars.count - 1)], in: "0123456789.,%/+- " + letters)
    }
    return (1...32).contains(scalars.count) && all(scalars[...], in: letters)
  }
}
