import Testing

@testable import Gazetag

@Suite struct BratGoldReaderTests {
  let text = "किम जोंग उन ने कहा।\nरूस और उत्तर कोरिया मिले।\n"

  @Test("T lines give spans; other annotation lines are ignored")
  func entities() {
    let corpus = BratGoldReader(annotationFile: "a.ann", textFile: "a.txt").corpus(
      text: text,
      annotations: """
        T1\tPER 0 11\tकिम जोंग उन
        T2\tLOC 20 23\tरूस
        R1\tMeets Arg1:T1 Arg2:T2
        A1\tNegated T1
        #1\tAnnotatorNotes T1\tnote
        T3\tLOC 27 39\tउत्तर कोरिया\r
        """)
    #expect(corpus.diagnostics.isEmpty)
    let document = corpus.documents[0]
    #expect(document.location.description == "a.txt:1")
    #expect(document.spans.map(\.range) == [0..<11, 20..<23, 27..<39])
    #expect(document.spans.map(\.label) == ["PER", "LOC", "LOC"])
    #expect(document.spans.map(\.location.line) == [1, 2, 6])
    #expect(document.location(atCodePoint: 27).description == "a.txt:2")
    #expect(document.location(atCodePoint: 3).description == "a.txt:1")
  }

  @Test("discontinuous, malformed, out-of-range and mismatched entities are skipped")
  func problems() {
    let corpus = BratGoldReader(annotationFile: "a.ann", textFile: "a.txt").corpus(
      text: text,
      annotations: """
        T1\tPER 0 3;9 11\tकिम उन
        T2 LOC 0 3
        T3\tLOC
        T4\tLOC x 3\tरूस
        T5\tLOC 19 99\tरूस
        T6\tLOC 21 24\tरूस
        """)
    #expect(corpus.documents[0].spans.isEmpty)
    #expect(
      corpus.diagnostics.map(\.description) == [
        "a.ann:1: entity T1 has several fragments; discontinuous spans are not supported (skipped)",
        "a.ann:2: no tab after the entity id; an entity line is T1<TAB>LABEL START END<TAB>text (skipped)",
        "a.ann:3: no offsets after the label; an entity line is T1<TAB>LABEL START END<TAB>text (skipped)",
        "a.ann:4: offsets 'x 3' are not START END; an entity line is T1<TAB>LABEL START END<TAB>text (skipped)",
        "a.ann:5: span 19..<99 is empty or outside the text of 46 code points; offsets count code points, end exclusive",
        "a.ann:6: span text 'रूस' differs from the text at its offsets 'ूस '; offsets must count code points, end exclusive",
      ])
  }
}
