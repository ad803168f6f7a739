import Testing

@testable import Gazetag

@Suite struct HTMLMarkLayoutTests {
  /// Spans at the marks of `marked`, each naming an entry with the mark's label.
  static func spans(_ marked: MarkedText) -> [EntitySpan] {
    spans(in: marked.text, marked.marks.map { ($0.start, $0.end, $0.label) })
  }

  /// Spans over code-point ranges of `text`.
  static func spans(in text: String, _ ranges: [(start: Int, end: Int, label: String)])
    -> [EntitySpan]
  {
    let scalars = Array(text.unicodeScalars)
    func utf8(_ codePoint: Int) -> Int { scalars[..<codePoint].reduce(0) { $0 + UTF8.width($1) } }
    let offsets = TextOffsets.translating(
      ranges.flatMap { [utf8($0.start), utf8($0.end)] }, in: text)
    return ranges.map { range in
      EntitySpan(
        start: offsets[utf8(range.start)]!, end: offsets[utf8(range.end)]!,
        text: String(String.UnicodeScalarView(scalars[range.start..<range.end])),
        entry: GazetteerEntry(
          id: range.label.lowercased(), label: range.label, name: range.label,
          location: SourceLocation(file: "test", line: 1)))
    }
  }

  /// The text with the layout's marks drawn as `⟦…⟧LABEL`; a continued mark opens with `⟦+`.
  static func drawn(_ text: String, _ spans: [EntitySpan]) -> String {
    let layout = HTMLMarkLayout(text: text, spans: spans)
    var output = ""
    var cursor = text.startIndex
    for (index, event) in layout.events {
      output += text[cursor..<index]
      cursor = index
      switch event {
      case .open(_, let continued): output += continued ? "⟦+" : "⟦"
      case .close(let span): output += "⟧" + spans[span].label
      }
    }
    return output + text[cursor...]
  }

  @Test(
    "separate, adjacent and nested spans are drawn as marked",
    arguments: [
      "⟦किम जोंग उन⟧PERSON ने ⟦रूस⟧COUNTRY",
      "⟦रूस⟧COUNTRY⟦मॉस्को⟧PLACE",
      "⟦⟦⟦ह्वासोंग⟧WEAPON-11⟧WEAPON⟧WEAPON में",
      "⟦उत्तर ⟦कोरिया⟧PLACE⟧COUNTRY",
      "कुछ नहीं",
    ])
  func nesting(marked: String) {
    let marked = MarkedText(marked)
    #expect(Self.drawn(marked.text, Self.spans(marked)) == marked.redrawn)
  }

  @Test("crossing spans: the inner mark closes with the outer one and continues after it")
  func crossing() {
    let text = "abcdefgh"
    let spans = Self.spans(in: text, [(0, 5, "A"), (3, 8, "B")])
    #expect(Self.drawn(text, spans) == "⟦abc⟦de⟧B⟧A⟦+fgh⟧B")
    #expect(HTMLMarkLayout(text: text, spans: spans).isolated == [false, false])
  }

  @Test(
    "a span edge inside a grapheme cluster moves out to the cluster's edge",
    arguments: [
      // क and its vowel sign ि are one cluster.
      ("किम", 0, 1, "⟦कि⟧Xम"),
      ("किम", 1, 3, "⟦किम⟧X"),
      // A flag is two regional indicators.
      ("🇮🇳 भारत", 1, 2, "⟦🇮🇳⟧X भारत"),
      // e and a combining acute accent.
      ("cafe\u{301}", 2, 4, "ca⟦fe\u{301}⟧X"),
    ])
  func clusters(text: String, start: Int, end: Int, expected: String) {
    #expect(Self.drawn(text, Self.spans(in: text, [(start, end, "X")])) == expected)
  }

  @Test("isolated tells whether any other span overlaps a span")
  func isolated() {
    let marked = MarkedText("⟦a⟧X ⟦⟦b⟧Y c⟧Z ⟦d⟧X⟦e⟧X ⟦f⟧X")
    #expect(
      HTMLMarkLayout(text: marked.text, spans: Self.spans(marked)).isolated
        == [true, false, false, true, true, true])
  }
}

extension MarkedText {
  /// The text with its marks drawn again, as ``init(_:)`` reads them.
  var redrawn: String {
    var output = ""
    let scalars = Array(text.unicodeScalars)
    var open: [Mark] = []
    for position in 0...scalars.count {
      while let last = open.last, last.end == position {
        output += "⟧" + last.label
        open.removeLast()
      }
      for mark in marks where mark.start == position {
        output += "⟦"
        open.append(mark)
      }
      if position < scalars.count { output.unicodeScalars.append(scalars[position]) }
    }
    return output
  }
}
