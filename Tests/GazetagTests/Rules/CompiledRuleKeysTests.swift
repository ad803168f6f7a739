import Testing

@testable import Gazetag

/// The keys of rule words that a compiled gazetteer stores beside its rules.
@Suite struct CompiledRuleKeysTests {
  @Test("key lists read back as written; anything else is no list")
  func roundTrip() {
    let words: [RuleStage.Word] = [[12], [40, 7], [2_147_483_647]]
    #expect(CompiledRuleKeys.encoded(words) == "12|40 7|2147483647")
    #expect(CompiledRuleKeys.decoded("12|40 7|2147483647") == words)
    #expect(CompiledRuleKeys.decoded("") == [])
    for bad in ["12|x", "12||7", "12 |7", "2147483648", "-1", "1|"] {
      #expect(CompiledRuleKeys.decoded(bad) == nil, "\(bad)")
    }
  }

  @Test("the bundled gazetteer's stored keys are the keys its rules compile to")
  func storedKeysMatch() throws {
    let tagger = try Tagger(compiled: .bundled, options: TaggerOptions(rules: .all))
    let stage = try #require(tagger.ruleStage)
    let compiledNow = RuleStage(
      rules: stage.rules, matcher: tagger.matcher, labelNames: stage.labelNames,
      entryLabels: stage.entryLabels)
    #expect(stage.rules.contains { $0.kind == .name })
    for (stored, now) in zip(stage.compiled, compiledNow.compiled) {
      #expect(stored.words == now.words)
      #expect(stored.context == now.context)
      #expect(stored.parts == now.parts)
    }
  }
}
