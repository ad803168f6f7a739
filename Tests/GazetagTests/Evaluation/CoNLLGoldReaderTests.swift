import Testing

@testable import Gazetag

@Suite struct CoNLLGoldReaderTests {
  /// The documents of `conll` as marked texts, for comparing with hand-written expectations.
  func marked(_ conll: String, scheme: TagScheme? = nil) -> (texts: [String], corpus: GoldCorpus) {
    let corpus = CoNLLGoldReader(file: "gold.conll", scheme: scheme).corpus(from: conll)
    let texts = corpus.documents.map { document in
      var scalars = Array(document.text.unicodeScalars).map { String($0) }
      for span in document.spans.reversed() {
        scalars.insert("⟦", at: span.start + 0)
        scalars.insert("⟧" + span.label, at: span.end + 1)
      }
      return scalars.joined()
    }
    return (texts, corpus)
  }

  @Test("IOB2: a sentence is its tokens joined by single spaces; spans cover whole tokens")
  func iob2() {
    let (texts, corpus) = marked(
      """
      -DOCSTART-\t-X-\tO

      किम\tNNP\tB-PER
      जोंग\tNNP\tI-PER
      उन\tNNP\tI-PER
      ने\tPSP\tO
      रूस\tNNP\tB-LOC
      ,\tSYM\tO
      यूक्रेन\tNNP\tB-LOC
      \t
      ह्वासोंग-11\tNNP\tB-WEAPON

      """)
    #expect(texts == ["⟦किम जोंग उन⟧PER ने ⟦रूस⟧LOC , ⟦यूक्रेन⟧LOC", "⟦ह्वासोंग-11⟧WEAPON"])
    #expect(corpus.schemes == ["gold.conll": .iob2])
    #expect(corpus.diagnostics.isEmpty)
    #expect(corpus.documents[0].location.description == "gold.conll:3")
    #expect(corpus.documents[0].spans.map(\.location.line) == [3, 7, 9])
    #expect(corpus.documents[0].tokens.map(\.line) == Array(3...9))
    #expect(corpus.documents[1].location.description == "gold.conll:11")
  }

  @Test("IOB1: I- begins an entity; B- separates two of the same type")
  func iob1() {
    let (texts, corpus) = marked("किम I-PER\nजोंग I-PER\nउन I-PER\nपुतिन B-PER\nऔर O\nरूस I-LOC\n")
    #expect(texts == ["⟦किम जोंग उन⟧PER ⟦पुतिन⟧PER और ⟦रूस⟧LOC"])
    #expect(corpus.schemes["gold.conll"] == .iob1)
  }

  @Test("BIOES: E- ends and S- is a one-token entity")
  func bioes() {
    let (texts, corpus) = marked("उत्तर\tB-LOC\nकोरिया\tE-LOC\nऔर\tO\nरूस\tS-LOC\nरूस\tS-LOC\n")
    #expect(texts == ["⟦उत्तर कोरिया⟧LOC और ⟦रूस⟧LOC ⟦रूस⟧LOC"])
    #expect(corpus.schemes["gold.conll"] == .bioes)
  }

  @Test("BILOU: L- and U- read as E- and S-")
  func bilou() {
    let (texts, corpus) = marked("किम\tB-PER\nजोंग\tI-PER\nउन\tL-PER\nने\tO\nरूस\tU-LOC\n")
    #expect(texts == ["⟦किम जोंग उन⟧PER ने ⟦रूस⟧LOC"])
    #expect(corpus.schemes["gold.conll"] == .bilou)
  }

  @Test("IOB2 decoded leniently: I- after O begins an entity, a type change splits one")
  func lenient() {
    let (texts, _) = marked("a\tO\nb\tI-PER\nc\tI-LOC\nd\tB-LOC\ne\tI-LOC\n")
    #expect(texts == ["a ⟦b⟧PER ⟦c⟧LOC ⟦d e⟧LOC"])
  }

  @Test("malformed lines are read as O and named file:line")
  func malformed() {
    let (texts, corpus) = marked(
      "किम\tB-PER\nजोंग\t-\nउन\tI-\nरूस\nयूक्रेन\tX-LOC\nभारत\tB-\nचीन\tNNP\t\nसियोल\tB-LOC\r\n")
    #expect(texts == ["⟦किम⟧PER जोंग उन रूस यूक्रेन भारत चीन ⟦सियोल⟧LOC"])
    #expect(
      corpus.diagnostics.map { String($0.description.prefix(30)) } == [
        "gold.conll:2: malformed tag '-", "gold.conll:3: malformed tag 'I",
        "gold.conll:4: no tag column; a", "gold.conll:5: malformed tag 'X",
        "gold.conll:6: malformed tag 'B", "gold.conll:7: no tag column; a",
      ])
    #expect(corpus.diagnostics.allSatisfy { $0.isDiagnostic })
  }

  @Test("a tag outside the given scheme is read as O with a diagnostic")
  func outsideScheme() {
    let (texts, corpus) = marked("उत्तर\tB-LOC\nकोरिया\tE-LOC\nरूस\tS-LOC\n", scheme: .iob2)
    #expect(texts == ["⟦उत्तर⟧LOC कोरिया रूस"])
    #expect(corpus.schemes["gold.conll"] == .iob2)
    #expect(
      corpus.diagnostics.map(\.description) == [
        "gold.conll:2: tag 'E-LOC' is not in the IOB2 scheme, whose prefixes are B, I (read as O)",
        "gold.conll:3: tag 'S-LOC' is not in the IOB2 scheme, whose prefixes are B, I (read as O)",
      ])
  }

  @Test("tags: O, prefix-type, hyphenated types; anything else is malformed")
  func tags() {
    #expect(CoNLLTag("O") == .outside)
    #expect(CoNLLTag("B-PER") == .entity(prefix: "B", type: "PER"))
    #expect(CoNLLTag("I-MISC-X") == .entity(prefix: "I", type: "MISC-X"))
    for bad in ["-", "I-", "B", "PER", "X-PER", "o", "", "B_PER"] {
      #expect(CoNLLTag(bad) == nil, "\(bad)")
    }
  }
}
