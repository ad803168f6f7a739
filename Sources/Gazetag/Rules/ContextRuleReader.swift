/// Reads a gazetteer's rules file (`rules.tsv`, Documentation/Rules.md): a header naming the
/// columns, then one rule per line; blank lines and `#` comments are skipped.
struct ContextRuleReader {
  /// The file's path as shown in diagnostics.
  var file: String
  /// The labels the gazetteer declares.
  var declaredLabels: [String]

  static let columns: Set<String> = [
    "id", "kind", "labels", "label", "words", "entity", "context", "condition", "enabled",
    "train",
  ]

  /// The rules of the file's `text`, in order. Every problem goes to `log`; a lenient log
  /// skips the rows it cannot use.
  func rules(in text: String, log: inout ProblemLog) throws(GazetteerError) -> [ContextRule] {
    var rules: [ContextRule] = []
    var seen: [String: SourceLocation] = [:]
    // A column the format does not define is an error here: a misspelt one would be ignored.
    func knownColumns(_ columns: [String], at location: SourceLocation, log: inout ProblemLog)
      throws(GazetteerError) -> Bool
    {
      guard let unknown = columns.first(where: { !Self.columns.contains($0) }) else { return true }
      let known = Self.columns.sorted().joined(separator: ", ")
      try log.record(
        .invalidRule(location, reason: "unknown column '\(unknown)'; the columns are \(known)"))
      return false
    }
    let rows = try TSVRows(file: file).rows(
      in: text, required: ["id", "kind", "words"], log: &log, checkHeader: knownColumns)
    for row in rows {
      let location = row.location
      guard let rule = try rule(from: row.fields, at: location, log: &log) else { continue }
      if let first = seen[rule.id] {
        try log.record(
          .invalidRule(
            location, reason: "duplicate id '\(rule.id)', already used at \(first); rename one"))
        continue
      }
      seen[rule.id] = location
      rules.append(rule)
    }
    return rules
  }

  /// The rule of one row, or `nil` (after logging why) when it cannot be used.
  private func rule(from row: [String: String], at location: SourceLocation, log: inout ProblemLog)
    throws(GazetteerError) -> ContextRule?
  {
    func fail(_ reason: String) throws(GazetteerError) -> ContextRule? {
      try log.record(.invalidRule(location, reason: reason))
      return nil
    }
    func list(_ column: String, separator: Character) -> [String] {
      (row[column] ?? "").split(separator: separator).map { String($0).trimmingWhitespace() }
        .filter { !$0.isEmpty }
    }
    guard let id = row["id"] else { return try fail("empty 'id'; every rule needs one") }
    guard let kindName = row["kind"], let kind = ContextRule.Kind(rawValue: kindName) else {
      return try fail(
        "'kind' must be one of \(ContextRule.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
          + (row["kind"].map { ", not '\($0)'" } ?? ""))
    }
    let words = list("words", separator: "|")
    if words.isEmpty && kind != .guard {
      return try fail(
        "empty 'words'; list the rule's words, separated by | (only a guard may leave it empty)")
    }
    let labels = list("labels", separator: ",")
    for label in labels + [row["label"]].compactMap({ $0 }) where !declaredLabels.contains(label) {
      try log.record(.unknownLabel(location, label: label, declared: declaredLabels))
      return nil
    }
    switch kind {
    case .head, .qualifier, .guard:
      if labels.isEmpty {
        return try fail(
          "a \(kind.rawValue) rule needs 'labels', the labels of the matches it reads")
      }
    case .title, .name:
      if !labels.isEmpty {
        return try fail("a \(kind.rawValue) rule reads no match: leave 'labels' empty")
      }
    }
    switch kind {
    case .head, .title, .name:
      if row["label"] == nil {
        return try fail("a \(kind.rawValue) rule needs 'label', the label of the span it makes")
      }
      if row["entity"] == nil {
        return try fail(
          "a \(kind.rawValue) rule needs 'entity', the id its spans name (e.g. org:government-of)")
      }
    case .qualifier, .guard:
      if row["label"] != nil {
        return try fail(
          "a \(kind.rawValue) rule keeps the match's label: leave 'label' empty")
      }
    }
    var condition: ContextRule.Condition?
    if let name = row["condition"] {
      guard kind == .guard else {
        return try fail("only a guard has a 'condition'; leave it empty")
      }
      guard let parsed = ContextRule.Condition(rawValue: name) else {
        return try fail(
          "'condition' must be one of \(ContextRule.Condition.allCases.map(\.rawValue).joined(separator: ", ")), not '\(name)'"
        )
      }
      condition = parsed
    }
    let context = list("context", separator: "|")
    if kind == .name && context.isEmpty {
      return try fail("a name rule needs 'context', the surnames that end its names")
    }
    if kind == .guard && (condition == nil || context.isEmpty) {
      return try fail("a guard needs a 'condition' and 'context' words")
    }
    if kind == .guard && words.isEmpty && (condition == .before || condition == .after) {
      return try fail(
        "a guard without 'words' reads every match of its labels, and '\(condition!.rawValue)' would drop each one without a context word; use not-before or not-after, or list the aliases in 'words'"
      )
    }
    if kind == .guard && row["entity"] != nil {
      return try fail("a guard makes no span: leave 'entity' empty")
    }
    if (kind == .head || kind == .qualifier) && !context.isEmpty {
      return try fail("a \(kind.rawValue) rule reads no 'context'; leave it empty")
    }
    var isEnabled = true
    switch row["enabled"] {
    case nil, "yes": break
    case "no": isEnabled = false
    case let other?: return try fail("'enabled' must be yes or no, not '\(other)'")
    }
    return ContextRule(
      id: id, kind: kind, labels: labels, label: row["label"], words: words,
      entity: row["entity"], context: context, condition: condition, isEnabled: isEnabled,
      train: row["train"], location: location)
  }
}
