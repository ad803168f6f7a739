import Testing

@testable import Gazetag

@Suite struct CoverageEvaluatorTests {
  typealias F = EvaluationFixtures
  let evaluator = CoverageEvaluator(tagger: F.tagger)

  /// `score` as (tp, fp, fn).
  func counts(_ score: Score?) -> [Int] {
    guard let score else { return [] }
    return [score.truePositives, score.falsePositives, score.falseNegatives]
  }

  @Test("exact scores per label, micro and macro, computed by hand")
  func exact() {
    let report = evaluator.evaluate(
      F.marked(
        "⟦किम जोंग उन⟧PERSON ने ⟦मॉस्को⟧PLACE में ⟦व्लादिमीर पुतिन⟧PERSON से बात की",
        "⟦सर्गेई शोइगु⟧PERSON और ⟦मास्को⟧ORG , सागर में"))
    let table = report.exact
    #expect(table.sortedLabels == ["ORG", "PERSON", "PLACE"])
    #expect(counts(table.labels["PERSON"]) == [2, 0, 1])
    #expect(counts(table.labels["PLACE"]) == [1, 2, 0])
    #expect(counts(table.labels["ORG"]) == [0, 0, 1])
    #expect(table.labels["PERSON"]!.f1 == 0.8)
    #expect(table.labels["PLACE"]!.precision == 1.0 / 3)
    #expect(table.labels["PLACE"]!.f1 == 0.5)
    #expect(table.labels["ORG"]!.f1 == 0)
    #expect(counts(table.micro) == [3, 2, 2])
    #expect(table.micro.f1 == 0.6)
    #expect(abs(table.macro.precision - 4.0 / 9) < 1e-12)
    #expect(abs(table.macro.recall - 5.0 / 9) < 1e-12)
    #expect(abs(table.macro.f1 - 1.3 / 3) < 1e-12)
    #expect(report.documentCount == 2)
    #expect(report.partial == nil)
  }

  @Test("a blank line splits a name in coverage as in tagging")
  func paragraphBoundary() {
    let report = evaluator.evaluate(
      F.marked("किम जोंग\n\nउन ने कहा", "⟦किम जोंग\r\nउन⟧PERSON ने कहा"))
    #expect(counts(report.exact.labels["PERSON"]) == [1, 0, 0])
  }

  @Test("missed names and false positives say what stood on the other side")
  func findings() {
    let report = evaluator.evaluate(
      F.marked(
        "⟦सर्गेई शोइगु⟧PERSON और ⟦मास्को⟧ORG , सागर में", "⟦मॉस्को⟧ORG ने ⟦कुर्स्क क्षेत्र⟧PLACE"))
    #expect(report.missed.map(\.text) == ["मास्को", "सर्गेई शोइगु", "कुर्स्क क्षेत्र"])
    #expect(report.missed.map(\.count) == [2, 1, 1])
    #expect(report.missed[0].key == "मास्को")
    #expect(report.missed[0].counterpart == .sameRange(label: "PLACE"))
    #expect(
      report.missed[0].mentions.map(\.location.description) == ["gold.jsonl:1", "gold.jsonl:2"])
    #expect(report.missed[1].counterpart == Counterpart.none)
    #expect(report.missed[2].counterpart == .overlapping(text: "कुर्स्क", label: "PLACE"))
    #expect(
      report.falsePositives.map(\.entry.id) == ["place:moscow", "place:sagar", "place:kursk"])
    #expect(report.falsePositives.map(\.count) == [2, 1, 1])
    #expect(report.falsePositives[0].counterpart == .sameRange(label: "ORG"))
    #expect(report.falsePositives[1].counterpart == Counterpart.none)
    #expect(
      report.falsePositives[2].counterpart
        == .overlapping(text: "कुर्स्क क्षेत्र", label: "PLACE"))
  }

  @Test("label map: one gold label takes several of ours; unmapped ones are ignored")
  func labelMap() {
    let map = LabelMap(pairs: [
      .init(gold: "LOC", ours: "PLACE"), .init(gold: "LOC", ours: "COUNTRY"),
      .init(gold: "PER", ours: "PERSON"),
    ])
    let report = CoverageEvaluator(tagger: F.tagger, labelMap: map).evaluate(
      F.marked("⟦रूस⟧LOC और ⟦कीव⟧LOC में ⟦रूसी⟧MISC सैनिक ह्वासोंग-11 लाए, ⟦किम जोंग उन⟧PER"))
    #expect(report.exact.sortedLabels == ["LOC", "PER"])
    #expect(counts(report.exact.labels["LOC"]) == [2, 0, 0])
    #expect(counts(report.exact.labels["PER"]) == [1, 0, 0])
    #expect(report.unscoredLabels == ["MISC": 1])
    #expect(report.falsePositives.isEmpty)
    #expect(report.missed.isEmpty)
  }

  @Test("without a map our labels count as gold labels of the same name, also without gold")
  func identity() {
    let report = evaluator.evaluate(F.marked("⟦रूस⟧LOC ने ह्वासोंग-11 दागी"))
    #expect(report.unscoredLabels == ["LOC": 1])
    #expect(counts(report.exact.labels["COUNTRY"]) == [0, 1, 0])
    #expect(counts(report.exact.labels["WEAPON"]) == [0, 1, 0])
  }

  @Test("--labels narrows what is scored: gold labels of excluded labels are not scored")
  func labelFilter() throws {
    let tagger = try Tagger(gazetteer: F.gazetteer, options: TaggerOptions(labels: ["PERSON"]))
    let report = CoverageEvaluator(tagger: tagger).evaluate(
      F.marked("⟦किम जोंग उन⟧PERSON और ⟦रूस⟧COUNTRY"))
    #expect(report.exact.sortedLabels == ["PERSON"])
    #expect(report.unscoredLabels == ["COUNTRY": 1])
    #expect(report.scoredEntryCount == 3)
  }

  @Test("overlap scores match each gold span once, in text order")
  func partial() {
    let evaluator = CoverageEvaluator(tagger: F.tagger, labelMap: F.newsLabelMap, partial: true)
    let report = evaluator.evaluate(F.marked("⟦कुर्स्क क्षेत्र⟧LOC और ⟦रूस और यूक्रेन⟧LOC"))
    #expect(counts(report.exact.labels["LOC"]) == [0, 3, 2])
    #expect(counts(report.partial?.labels["LOC"]) == [2, 1, 0])
  }

  @Test("in a CoNLL sentence predictions are widened to whole tokens before comparing")
  func widening() {
    let corpus = CoNLLGoldReader(file: "gold.conll").corpus(
      from: "(मॉस्को)\tB-PLACE\nऔर\tO\nरूस,\tB-COUNTRY\nकिम-जोंग-उन\tB-PERSON\n")
    let report = evaluator.evaluate(corpus)
    #expect(counts(report.exact.micro) == [3, 0, 0])
  }

  @Test("thresholds: micro or per label; a label without spans fails; --strict fails on problems")
  func thresholds() {
    let corpus = F.marked("⟦किम जोंग उन⟧PERSON और ⟦सर्गेई शोइगु⟧PERSON ⟦रूस⟧COUNTRY में")
    let evaluator = CoverageEvaluator(
      tagger: F.tagger,
      thresholds: [
        Threshold(metric: .precision, minimum: 1), Threshold(metric: .recall, minimum: 0.7),
        Threshold(metric: .f1, label: "COUNTRY", minimum: 0.99),
        Threshold(metric: .recall, label: "PERSN", minimum: 0.5),
      ])
    let report = evaluator.evaluate(corpus)
    #expect(report.thresholds.map(\.passed) == [true, false, true, false])
    #expect(report.thresholds.map(\.value) == [1, 2.0 / 3, 1, nil])
    #expect(!report.passed)

    let lenient = CoverageEvaluator(
      tagger: F.tagger, thresholds: [Threshold(metric: .recall, minimum: 2.0 / 3)])
    var damaged = corpus
    #expect(lenient.evaluate(damaged).passed)
    damaged.diagnostics = [.missingTagColumn(SourceLocation(file: "gold.conll", line: 3))]
    #expect(lenient.evaluate(damaged).passed)
    var strict = lenient
    strict.strict = true
    #expect(!strict.evaluate(damaged).passed)
  }

  @Test("the gazetteer's side: never matched, cannot match, names shared by labels")
  func gazetteerFindings() {
    let evaluator = CoverageEvaluator(tagger: F.tagger, labelMap: F.newsLabelMap)
    let report = evaluator.evaluate(
      F.marked(
        "⟦उत्तर कोरिया⟧LOC और ⟦दक्षिण कोरियाई⟧NORP, ⟦भारतीय⟧NORP और ⟦अमेरिकी⟧NORP सैनिक",
        "⟦कोरिया प्रायद्वीप⟧LOC में ⟦उत्तर कोरियाई⟧NORP"))
    #expect(report.scoredEntryCount == 23)
    let never = Set(report.neverMatched.map(\.id))
    #expect(never.contains("KR"))
    #expect(!never.contains("KP"))
    #expect(!never.contains("norp:north-korean"))
    #expect(!never.contains("weapon:hwasong"))
    let unmatchable = Dictionary(
      uniqueKeysWithValues: report.unmatchable.map { ($0.entry.id, $0) })
    #expect(unmatchable["KR"] == nil, "दक्षिण and कोरिया both occur as tokens")
    #expect(unmatchable["IN"]?.absentTokens == ["भारत"])
    #expect(unmatchable["IN"]?.containingTokens == ["भारतीय"])
    #expect(unmatchable["US"]?.absentTokens == ["अमेरिका", "अमरीका"])
    #expect(unmatchable["US"]?.containingTokens == ["अमेरिकी"])
    #expect(unmatchable["CN"]?.containingTokens == [])
    #expect(report.sharedAliases.map(\.alias) == ["जॉर्डन"])
    #expect(report.sharedAliases.first?.labels == ["COUNTRY", "PLACE"])
    #expect(
      report.sharedAliases.first?.entries.map(\.location.description) == [
        "gazetteer/entities.tsv:16", "gazetteer/entities.tsv:17",
      ])
  }

  @Test(
    "a longer token extends a name that it begins with, less a final vowel sign",
    arguments: [
      ("रूसी", "रूस", true), ("भारतीय", "भारत", true), ("अमेरिकी", "अमेरिका", true),
      ("रूस", "रूस", false), ("यूक्रेनी", "यो", false), ("योंग", "यो", true), ("कुर्स्क", "रूस", false),
    ])
  func extends(token: String, name: String, expected: Bool) {
    #expect(
      CoverageEvaluator.extends(Array(token.unicodeScalars), Array(name.unicodeScalars))
        == expected)
  }
}
