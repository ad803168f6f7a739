extension GazetteerHarvester {
  /// The files of a gazetteer directory (Documentation/GazetteerFormat.md) that holds the kept
  /// `candidates`: `manifest.json` and one TSV file per label, by file name.
  ///
  /// Each row has the columns `id`, `name`, `aliases` (the other spellings), `source` (the
  /// gold files that mark it) and the evidence: `gold_count`, `unannotated` and `ratio`.
  ///
  /// - Parameters:
  ///   - name: the gazetteer's name in the manifest.
  ///   - known: label definitions to copy (priority, colour) for labels of the same name.
  public static func directoryFiles(
    _ candidates: [HarvestCandidate], name: String, known: [LabelDefinition] = []
  ) -> [(name: String, contents: String)] {
    let kept = candidates.filter { $0.exclusion == nil }
    var labels: [String] = []
    for candidate in kept where !labels.contains(candidate.label) {
      labels.append(candidate.label)
    }
    let ids = Self.ids(kept)
    var files: [(name: String, contents: String)] = []
    var listed: [(file: String, label: String)] = []
    var usedNames: Set<String> = ["manifest.json", "excluded.tsv"]
    for label in labels {
      var file = Self.fileName(for: label) + ".tsv"
      var suffix = 2
      while !usedNames.insert(file).inserted {
        file = "\(Self.fileName(for: label))-\(suffix).tsv"
        suffix += 1
      }
      var text = "# \(label) names harvested from gold annotations by gazetag gazetteer harvest.\n"
      text += "id\tname\taliases\tsource\tgold_count\tunannotated\tratio\n"
      for (index, candidate) in kept.enumerated() where candidate.label == label {
        let fields = [
          ids[index], candidate.name, candidate.spellings.dropFirst().joined(separator: "|"),
          candidate.sources, String(candidate.entityCount), String(candidate.unannotatedCount),
          HarvestExclusion.format(candidate.ratio),
        ]
        text += fields.joined(separator: "\t") + "\n"
      }
      files.append((file, text))
      listed.append((file, label))
    }
    let labelLines = labels.map { label in
      let definition = known.first { $0.name == label } ?? LabelDefinition(name: label)
      var fields = ["\"name\": \(label.jsonQuoted)", "\"priority\": \(definition.priority)"]
      if let color = definition.color { fields.append("\"color\": \(color.jsonQuoted)") }
      return "    {" + fields.joined(separator: ", ") + "}"
    }
    let fileLines = listed.map {
      "    {\"path\": \($0.file.jsonQuoted), \"label\": \($0.label.jsonQuoted)}"
    }
    let manifest = """
      {
        "format": 1,
        "name": \(name.jsonQuoted),
        "description": "Names harvested from gold annotations; see excluded.tsv for the names left out and why.",
        "profile": "standard",
        "labels": [
      \(labelLines.joined(separator: ",\n"))
        ],
        "files": [
      \(fileLines.joined(separator: ",\n"))
        ]
      }

      """
    return [("manifest.json", manifest)] + files
  }

  /// The kept `candidates` as spaCy EntityRuler patterns: one line per spelling.
  public static func patterns(_ candidates: [HarvestCandidate]) -> String {
    let kept = candidates.filter { $0.exclusion == nil }
    let ids = Self.ids(kept)
    var text = ""
    for (index, candidate) in kept.enumerated() {
      for spelling in candidate.spellings {
        text +=
          "{\"label\": \(candidate.label.jsonQuoted), \"pattern\": \(spelling.jsonQuoted), \"id\": \(ids[index].jsonQuoted)}\n"
      }
    }
    return text
  }

  /// The candidates left out, one TSV row each with the gold line that marks it first, the
  /// counts and the reason.
  public static func exclusionTable(_ candidates: [HarvestCandidate]) -> String {
    var text = "location\tname\tlabel\tgold_count\tunannotated\tratio\treason\tdetail\n"
    for candidate in candidates {
      guard let exclusion = candidate.exclusion else { continue }
      let fields = [
        candidate.location.description, candidate.name, candidate.labelSummary,
        String(candidate.entityCount), String(candidate.unannotatedCount),
        HarvestExclusion.format(candidate.ratio), exclusion.code, exclusion.description,
      ]
      text += fields.map { $0.replacing("\t", with: " ") }.joined(separator: "\t") + "\n"
    }
    return text
  }

  /// The number of candidates left out for each reason, by ``HarvestExclusion/code``.
  public static func exclusionCounts(_ candidates: [HarvestCandidate]) -> [(String, Int)] {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for candidate in candidates {
      guard let code = candidate.exclusion?.code else { continue }
      if counts[code] == nil { order.append(code) }
      counts[code, default: 0] += 1
    }
    return order.map { ($0, counts[$0]!) }
  }

  /// An id for each candidate: `label:name` with spaces as hyphens, unique.
  private static func ids(_ candidates: [HarvestCandidate]) -> [String] {
    var used: Set<String> = []
    return candidates.map { candidate in
      let base =
        candidate.label.lowercased() + ":"
        + candidate.name.split(whereSeparator: \.isWhitespace).joined(separator: "-")
      var id = base
      var suffix = 2
      while !used.insert(id).inserted {
        id = "\(base)-\(suffix)"
        suffix += 1
      }
      return id
    }
  }

  /// A file name for a label's TSV file: lower case, letters, digits and hyphens.
  private static func fileName(for label: String) -> String {
    let name = String(
      label.lowercased().unicodeScalars.map {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-"
      })
    return name.isEmpty ? "names" : name
  }
}

extension HarvestCandidate {
  /// The gold files that mark it, by name without their folders, joined with `+`.
  var sources: String {
    files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.joined(separator: "+")
  }
}
