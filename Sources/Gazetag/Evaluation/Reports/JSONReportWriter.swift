/// Writes a coverage report as one JSON object, for scripts:
///
/// ```json
/// {"labels": {"LOC": {"precision": 0.8, "recall": 0.66, "f1": 0.72, "tp": 8, "fp": 2, "fn": 4}},
///  "micro": {…}, "macro": {"precision": …, "recall": …, "f1": …},
///  "thresholds": [{"metric": "f1", "label": null, "minimum": 0.9, "value": 0.72, "passed": false}],
///  "passed": false, "missed": […], "false_positives": […], …}
/// ```
///
/// Scores are written at full precision. Lists of findings are cut to ``limit`` items; the
/// counts beside them are complete.
public struct JSONReportWriter: ReportWriter {
  /// The most items each list of findings holds.
  public var limit: Int

  public init(limit: Int = 20) {
    self.limit = limit
  }

  public func write(_ report: CoverageReport, to output: inout String) {
    var fields: [(String, String)] = [
      ("files", array(report.files.map(\.jsonQuoted))),
      (
        "schemes",
        object(
          report.schemes.sorted { $0.key < $1.key }.map {
            ($0.key, $0.value.displayName.jsonQuoted)
          })
      ),
      ("documents", String(report.documentCount)),
      ("gold_spans", String(report.exact.micro.gold + report.unscoredLabels.values.reduce(0, +))),
      ("scored_gold_spans", String(report.exact.micro.gold)),
    ]
    fields += table(report.exact)
    if let partial = report.partial {
      fields.append(("partial", object(table(partial))))
    }
    fields += [
      (
        "unscored_labels",
        object(report.unscoredLabels.sorted { $0.key < $1.key }.map { ($0.key, String($0.value)) })
      ),
      ("thresholds", array(report.thresholds.map(threshold))),
      ("passed", String(report.passed)),
      ("malformed", String(report.diagnostics.count)),
      ("diagnostics", array(report.diagnostics.map(\.description.jsonQuoted))),
      ("missed_count", String(report.missed.count)),
      ("missed", array(report.missed.prefix(limit).map(missed))),
      ("false_positive_count", String(report.falsePositives.count)),
      ("false_positives", array(report.falsePositives.prefix(limit).map(falsePositive))),
      ("scored_entries", String(report.scoredEntryCount)),
      ("never_matched_count", String(report.neverMatched.count)),
      ("never_matched", array(report.neverMatched.prefix(limit).map { object(entry($0)) })),
      ("unmatchable_count", String(report.unmatchable.count)),
      ("unmatchable", array(report.unmatchable.prefix(limit).map(unmatchable))),
      ("shared_alias_count", String(report.sharedAliases.count)),
      ("shared_aliases", array(report.sharedAliases.prefix(limit).map(sharedAlias))),
    ]
    output += object(fields) + "\n"
  }

  private func table(_ table: ScoreTable) -> [(String, String)] {
    let macro = table.macro
    return [
      ("labels", object(table.sortedLabels.map { ($0, score(table.labels[$0]!)) })),
      ("micro", score(table.micro)),
      (
        "macro",
        object([
          ("precision", "\(macro.precision)"), ("recall", "\(macro.recall)"), ("f1", "\(macro.f1)"),
        ])
      ),
    ]
  }

  private func score(_ score: Score) -> String {
    object([
      ("precision", "\(score.precision)"), ("recall", "\(score.recall)"), ("f1", "\(score.f1)"),
      ("tp", String(score.truePositives)), ("fp", String(score.falsePositives)),
      ("fn", String(score.falseNegatives)),
    ])
  }

  private func threshold(_ result: Threshold.Result) -> String {
    object([
      ("metric", result.threshold.metric.rawValue.jsonQuoted),
      ("label", result.threshold.label?.jsonQuoted ?? "null"),
      ("minimum", "\(result.threshold.minimum)"),
      ("value", result.value.map { "\($0)" } ?? "null"),
      ("passed", String(result.passed)),
    ])
  }

  private func missed(_ missed: MissedMention) -> String {
    object([
      ("label", missed.label.jsonQuoted), ("text", missed.text.jsonQuoted),
      ("key", missed.key.jsonQuoted), ("count", String(missed.count)),
      ("predicted", counterpart(missed.counterpart)),
      ("locations", array(missed.mentions.prefix(limit).map(\.location.description.jsonQuoted))),
    ])
  }

  private func falsePositive(_ group: FalsePositiveGroup) -> String {
    object(
      entry(group.entry) + [
        ("gold_label", group.label.jsonQuoted), ("text", group.text.jsonQuoted),
        ("count", String(group.count)), ("gold", counterpart(group.counterpart)),
        ("locations", array(group.mentions.prefix(limit).map(\.location.description.jsonQuoted))),
      ])
  }

  private func unmatchable(_ item: UnmatchableEntry) -> String {
    object(
      entry(item.entry) + [
        ("absent_tokens", array(item.absentTokens.map(\.jsonQuoted))),
        ("longer_tokens", array(item.containingTokens.map(\.jsonQuoted))),
      ])
  }

  private func sharedAlias(_ alias: SharedAlias) -> String {
    object([
      ("alias", alias.alias.jsonQuoted),
      ("entries", array(alias.entries.map { object(entry($0)) })),
    ])
  }

  private func entry(_ entry: GazetteerEntry) -> [(String, String)] {
    [
      ("id", entry.id.jsonQuoted), ("label", entry.label.jsonQuoted),
      ("name", entry.name.jsonQuoted), ("location", entry.location.description.jsonQuoted),
    ]
  }

  private func counterpart(_ counterpart: Counterpart) -> String {
    switch counterpart {
    case .none: "null"
    case .sameRange(let label):
      object([("kind", "\"same_range\""), ("label", label.jsonQuoted)])
    case .overlapping(let text, let label):
      object([("kind", "\"overlapping\""), ("label", label.jsonQuoted), ("text", text.jsonQuoted)])
    }
  }

  private func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { "\($0.0.jsonQuoted):\($0.1)" }.joined(separator: ",") + "}"
  }

  private func array(_ items: some Sequence<String>) -> String {
    "[" + items.joined(separator: ",") + "]"
  }
}
