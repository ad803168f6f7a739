import Foundation

/// Lists names a gazetteer lacks in raw text (`gazetag gazetteer suggest`): the names its
/// title rules guess (`श्री ⟨name⟩`) and the unknown words its head rules find before a head
/// word (`⟨place⟩ सरकार`), ranked by count, each with up to two short contexts.
public struct NameSuggester {
  /// One name to review.
  public struct Suggestion: Hashable, Sendable {
    /// The name as first seen, white space made single spaces.
    public var name: String
    /// The label it would take: the title rule's, or the first label a head rule reads.
    public var label: String
    /// How often it was found.
    public var count: Int
    /// Up to two contexts, each the name with some words around it.
    public var contexts: [String]
    /// The rule that found it.
    public var rule: String
  }

  /// The tagger, with every rule of its gazetteer applied (``RuleSelection/all``).
  let tagger: Tagger

  /// A suggester for the rules of `gazetteer`, every one applied.
  public init(gazetteer: Gazetteer) throws(GazetteerError) {
    tagger = try Tagger(gazetteer: gazetteer, options: TaggerOptions(rules: .all))
  }

  /// A suggester for the rules of a compiled gazetteer, every one applied.
  public init(compiled: CompiledGazetteer) throws(GazetteerError) {
    tagger = try Tagger(compiled: compiled, options: TaggerOptions(rules: .all))
  }

  /// The suggestions for `texts`, most frequent first, then by name.
  public func suggestions(in texts: [String]) -> [Suggestion] {
    var found: [String: Suggestion] = [:]
    var order: [String] = []
    func add(_ name: String, label: String, rule: String, context: String) {
      let key = tagger.matcher.normalizer.key(for: name)
      if found[key] == nil {
        found[key] = Suggestion(name: name, label: label, count: 0, contexts: [], rule: rule)
        order.append(key)
      }
      found[key]!.count += 1
      if found[key]!.contexts.count < 2 && !found[key]!.contexts.contains(context) {
        found[key]!.contexts.append(context)
      }
    }
    for text in texts {
      var text = text
      text.withUTF8 { bytes in
        for (range, label, rule) in guesses(in: bytes) {
          add(
            Self.collapsed(bytes.string(in: range)), label: label, rule: rule,
            context: Self.context(of: range, in: bytes))
        }
      }
    }
    return order.map { found[$0]! }.sorted {
      ($0.count, $1.name) > ($1.count, $0.name)
    }
  }

  /// The byte ranges of the names that title rules guess and of the unknown words that head
  /// rules find before a head word, with their labels and rules.
  private func guesses(in bytes: UnsafeBufferPointer<UInt8>) -> [(Range<Int>, String, String)] {
    guard let stage = tagger.ruleStage else { return [] }
    let keyed = tagger.keyedTokens(inUTF8: bytes)
    let candidates = tagger.candidates(in: keyed, bytes: bytes)
    var covered = [Bool](repeating: false, count: keyed.count)
    var result: [(Range<Int>, String, String)] = []
    for candidate in candidates where candidate.rule < 0 || candidate.entry >= 0 {
      for token in candidate.tokens { covered[token] = true }
    }
    for candidate in candidates where candidate.rule >= 0 && candidate.entry < 0 {
      let rule = stage.rules[Int(candidate.rule)]
      let range =
        Int(
          keyed[candidate.tokens.lowerBound].start)..<Int(
          keyed[candidate.tokens.upperBound - 1].end)
      result.append((range, rule.label ?? "", rule.id))
    }
    let input = StageInput(keyed: keyed, bytes: bytes)
    // The stop words of title rules are no names: they keep postpositions and conjunctions
    // before a head word out.
    let stops = stage.compiled.filter { $0.kind == .title }.flatMap(\.context)
    for (index, compiled) in stage.compiled.enumerated() where compiled.kind == .head {
      let rule = stage.rules[index]
      for position in keyed.indices.dropFirst() {
        let before = position - 1
        guard !covered[before], RuleStage.startsWithLetter(input.text(of: before)),
          !stops.contains([keyed[before].keyID]),
          compiled.words.contains(where: { word in
            position + word.count <= keyed.count
              && word.indices.allSatisfy { keyed[position + $0].keyID == word[$0] }
          })
        else { continue }
        result.append((keyed[before].utf8Range, rule.labels.first ?? "", rule.id))
      }
    }
    return result.sorted { $0.0.lowerBound < $1.0.lowerBound }
  }

  /// The name with up to 30 bytes of text on each side, cut at spaces, on one line.
  static func context(of range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
    var start = max(0, range.lowerBound - 40)
    while start > 0 && start < range.lowerBound && bytes[start - 1] != 0x20 { start += 1 }
    var end = min(bytes.count, range.upperBound + 40)
    while end < bytes.count && end > range.upperBound && bytes[end] != 0x20 { end -= 1 }
    return collapsed(
      bytes.string(in: start..<range.lowerBound) + "[" + bytes.string(in: range) + "]"
        + bytes.string(in: range.upperBound..<end))
  }

  /// `text` with every run of white space made one space, trimmed.
  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
      .precomposedStringWithCanonicalMapping
  }

  /// A gazetteer directory of `suggestions` to review: `manifest.json` and `suggestions.tsv`
  /// (file name → contents). Deleting a row (or starting it with `#`) drops a name; editing
  /// its label fixes it; what is left is a directory `gazetag gazetteer lint` passes, to give
  /// to `--extend`.
  public static func reviewDirectory(_ suggestions: [Suggestion], labels: [LabelDefinition])
    -> [String: String]
  {
    let used = Set(suggestions.map(\.label))
    let declared = labels.filter { used.contains($0.name) }.map {
      "    {\"name\": \"\($0.name)\", \"priority\": \($0.priority)}"
    }
    let manifest = """
      {
        "format": 1,
        "name": "suggested names",
        "description": "Names found by gazetag gazetteer suggest: keep, drop (delete the row) or fix the label of each, then use the directory with --extend.",
        "labels": [
      \(declared.joined(separator: ",\n"))
        ],
        "files": [{"path": "suggestions.tsv"}]
      }

      """
    var tsv = "id\tname\tlabel\tcount\trule\tcontext\tcontext2\n"
    for (index, suggestion) in suggestions.enumerated() {
      let prefix = suggestion.label.lowercased()
      let fields = [
        "\(prefix):suggested-\(index + 1)", suggestion.name, suggestion.label,
        String(suggestion.count), suggestion.rule,
        suggestion.contexts.first ?? "", suggestion.contexts.dropFirst().first ?? "",
      ].map { $0.replacingOccurrences(of: "\t", with: " ") }
      tsv += fields.joined(separator: "\t") + "\n"
    }
    return ["manifest.json": manifest, "suggestions.tsv": tsv]
  }
}
