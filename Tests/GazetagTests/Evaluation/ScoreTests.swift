import Testing

@testable import Gazetag

@Suite struct ScoreTests {
  @Test("a ratio with a zero denominator is 0, as in seqeval")
  func zeroDivision() {
    let nothing = Score()
    #expect([nothing.precision, nothing.recall, nothing.f1] == [0, 0, 0])
    let onlyMissed = Score(falseNegatives: 3)
    #expect([onlyMissed.precision, onlyMissed.recall, onlyMissed.f1] == [0, 0, 0])
    let onlyWrong = Score(falsePositives: 2)
    #expect([onlyWrong.precision, onlyWrong.recall, onlyWrong.f1] == [0, 0, 0])
  }

  @Test("F1 is the harmonic mean of precision and recall")
  func f1() {
    let score = Score(truePositives: 3, falsePositives: 1, falseNegatives: 5)
    #expect(score.precision == 0.75)
    #expect(score.recall == 0.375)
    #expect(abs(score.f1 - 2 * 0.75 * 0.375 / (0.75 + 0.375)) < 1e-15)
    #expect(score.gold == 8)
    #expect(score.predicted == 4)
  }

  @Test("micro adds up counts; macro averages the per-label scores")
  func averages() {
    let table = ScoreTable(labels: [
      "A": Score(truePositives: 1, falsePositives: 0, falseNegatives: 1),
      "B": Score(truePositives: 0, falsePositives: 2, falseNegatives: 0),
    ])
    #expect(table.micro == Score(truePositives: 1, falsePositives: 2, falseNegatives: 1))
    #expect(table.macro.precision == 0.5)
    #expect(table.macro.recall == 0.25)
    #expect(abs(table.macro.f1 - (2.0 / 3) / 2) < 1e-15)
    #expect(ScoreTable(labels: [:]).macro.f1 == 0)
  }

  @Test("thresholds read 0.9 or LABEL=0.9, between 0 and 1")
  func thresholdParsing() {
    #expect(Threshold(metric: .f1, parsing: "0.9") == Threshold(metric: .f1, minimum: 0.9))
    #expect(
      Threshold(metric: .recall, parsing: "PERSON=1")
        == Threshold(metric: .recall, label: "PERSON", minimum: 1))
    for bad in ["", "x", "1.5", "-0.1", "=0.5", "PERSON=", "PERSON=high"] {
      #expect(Threshold(metric: .f1, parsing: bad) == nil, "\(bad)")
    }
    #expect(
      Threshold(metric: .recall, label: "PER", minimum: 0.9).description == "recall PER >= 0.9000")
    #expect(Threshold(metric: .f1, minimum: 0.75).description == "f1 (micro) >= 0.7500")
  }

  @Test("scores are printed with four decimals")
  func decimals() {
    #expect(ReportFormatting.decimal(0) == "0.0000")
    #expect(ReportFormatting.decimal(1) == "1.0000")
    #expect(ReportFormatting.decimal(2.0 / 3) == "0.6667")
    #expect(ReportFormatting.decimal(0.05) == "0.0500")
  }
}
