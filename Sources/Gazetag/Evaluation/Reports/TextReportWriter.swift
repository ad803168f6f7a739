/// Writes a coverage report for people: an aligned table of scores per gold label, the
/// thresholds, and the gazetteer's coverage (what to add, what to fix), each list cut to
/// ``limit`` lines. Names come last on their lines so that Devanagari never breaks the
/// alignment.
public struct TextReportWriter: ReportWriter {
  /// The most lines each list shows.
  public var limit: Int

  public init(limit: Int = 20) {
    self.limit = limit
  }

  public func write(_ report: CoverageReport, to output: inout String) {
    let micro = report.exact.micro
    output +=
      "gazetag coverage: \(Self.counted(report.files.count, "gold file")), "
    output += "\(Self.counted(report.documentCount, "document")), "
    // Every gold span counts; those of labels no label of ours counts as are not scored.
    let unscored = report.unscoredLabels.values.reduce(0, +)
    output += Self.counted(micro.gold + unscored, "gold span")
    output += unscored > 0 ? " (\(micro.gold) scored), " : ", "
    output += "\(Self.counted(micro.predicted, "predicted span"))\n"
    for file in report.files {
      if let scheme = report.schemes[file] { output += "  \(file): \(scheme.displayName)\n" }
    }
    output += "\n"
    writeTable(report.exact, to: &output)
    if let partial = report.partial {
      output +=
        "\noverlap scores (--partial: a prediction counts when it overlaps a gold span of its label)\n"
      writeTable(partial, to: &output)
    }
    if !report.unscoredLabels.isEmpty {
      let labels = report.unscoredLabels.sorted { $0.key < $1.key }.map {
        "\($0.key) (\($0.value))"
      }
      output += "\nnot scored, no label of the gazetteer counts as them: "
      output += labels.joined(separator: ", ") + "\n"
    }
    if !report.thresholds.isEmpty {
      output += "\nthresholds\n"
      for result in report.thresholds {
        output +=
          "  \(result.passed ? "ok  " : "FAIL")  \(ReportFormatting.outcome(result, in: report))\n"
      }
    }
    writeFindings(report, to: &output)
    if !report.diagnostics.isEmpty {
      let shown = report.diagnostics.prefix(limit)
      output += "\nmalformed gold lines, skipped or read as O"
      output +=
        (shown.count < report.diagnostics.count
          ? " (first \(shown.count) of \(report.diagnostics.count))" : " (\(shown.count))") + "\n"
      for diagnostic in shown { output += "  \(diagnostic)\n" }
    }
    output += "\nresult: \(ReportFormatting.verdict(report))\n"
  }

  private func writeTable(_ table: ScoreTable, to output: inout String) {
    let labels = table.sortedLabels
    let labelWidth = max(5, labels.map(\.displayWidth).max() ?? 0)
    let counts = labels.compactMap { table.labels[$0] } + [table.micro]
    let countWidth = max(4, counts.map { String(max($0.predicted, $0.gold)).count }.max() ?? 0)
    output += "label".padded(to: labelWidth)
    for column in ["precision", "recall", "f1"] { output += " " + column.padded(to: 9, left: true) }
    for column in ["tp", "fp", "fn"] { output += " " + column.padded(to: countWidth, left: true) }
    output += "\n"
    func row(_ name: String, _ p: Double, _ r: Double, _ f: Double, _ score: Score?) {
      output += name.padded(to: labelWidth)
      for value in [p, r, f] {
        output += " " + ReportFormatting.decimal(value).padded(to: 9, left: true)
      }
      if let score {
        for count in [score.truePositives, score.falsePositives, score.falseNegatives] {
          output += " " + String(count).padded(to: countWidth, left: true)
        }
      }
      output += "\n"
    }
    for label in labels {
      let score = table.labels[label]!
      row(label, score.precision, score.recall, score.f1, score)
    }
    let micro = table.micro
    row("micro", micro.precision, micro.recall, micro.f1, micro)
    let macro = table.macro
    row("macro", macro.precision, macro.recall, macro.f1, nil)
  }

  private func writeFindings(_ report: CoverageReport, to output: inout String) {
    func heading(_ title: String, shown: Int, total: Int) {
      output +=
        "\n\(title)" + (shown < total ? " (first \(shown) of \(total))" : " (\(total))") + "\n"
    }
    if !report.missed.isEmpty {
      let shown = report.missed.prefix(limit)
      heading(
        "missed gold names, most frequent first: what to add", shown: shown.count,
        total: report.missed.count)
      let labelWidth = shown.map(\.label.displayWidth).max() ?? 0
      for missed in shown {
        output += "  " + String(missed.count).padded(to: 5, left: true) + "  "
        output +=
          missed.label.padded(to: labelWidth) + "  " + missed.mentions[0].location.description
        output += "  " + ReportFormatting.predicted(missed.counterpart) + ": " + missed.text + "\n"
      }
    }
    if !report.falsePositives.isEmpty {
      let shown = report.falsePositives.prefix(limit)
      heading(
        "false positives by gazetteer entry: what to fix", shown: shown.count,
        total: report.falsePositives.count)
      let labelWidth = shown.map(\.entry.label.displayWidth).max() ?? 0
      for group in shown {
        output += "  " + String(group.count).padded(to: 5, left: true) + "  "
        output += group.entry.label.padded(to: labelWidth) + "  " + group.entry.location.description
        output += "  " + ReportFormatting.gold(group.counterpart) + ": "
        output += (group.entry.id.isEmpty ? "" : group.entry.id + " ") + group.text + "\n"
      }
    }
    if !report.neverMatched.isEmpty {
      let shown = report.neverMatched.prefix(limit)
      heading(
        "gazetteer entries never matched in the corpus, of \(report.scoredEntryCount) scored",
        shown: shown.count, total: report.neverMatched.count)
      for entry in shown { output += "  " + entryLine(entry) + "\n" }
    }
    if !report.unmatchable.isEmpty {
      let shown = report.unmatchable.prefix(limit)
      heading(
        "entries that cannot match: a token of every name never occurs as a whole token",
        shown: shown.count, total: report.unmatchable.count)
      for item in shown {
        output +=
          "  " + entryLine(item.entry) + "; absent: " + item.absentTokens.joined(separator: ", ")
        if !item.containingTokens.isEmpty {
          output +=
            "; occurs only in longer tokens: " + item.containingTokens.joined(separator: ", ")
        }
        output += "\n"
      }
    }
    if !report.sharedAliases.isEmpty {
      let shown = report.sharedAliases.prefix(limit)
      heading(
        "names shared by entries of different labels (label priority decides)", shown: shown.count,
        total: report.sharedAliases.count)
      for alias in shown {
        let entries = alias.entries.map { "\($0.label) \($0.location)" }
        output += "  " + entries.joined(separator: ", ") + ": " + alias.alias + "\n"
      }
    }
  }

  /// `1 document`, `2 documents`.
  static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  private func entryLine(_ entry: GazetteerEntry) -> String {
    "\(entry.location)  \(entry.label)  \(entry.id.isEmpty ? "" : entry.id + " ")\(entry.name)"
  }
}
