import Foundation
import GazetagTestSupport
import Testing

@testable import Gazetag

@Suite struct HTMLWriterTests {
  static let gazetteer = try! Gazetteer(contentsOf: Fixtures.url("html/gazetteer"))
  let tagger = try! Tagger(gazetteer: gazetteer)
  let writer = HTMLWriter(gazetteer: gazetteer)
  /// Two paragraphs, a CRLF line break, `&` and `<…>`, an alias, a designator family in
  /// Devanagari and Latin digits, and one entity mentioned twice.
  let text = """
    सितंबर में किम जोंग-उन ने रूस & मॉस्को का दौरा किया।

    उत्तर कोरियाई सैनिक डोनबास में; ह्वासोंग-११ और Hwasong-15 <मिसाइलें>।\r
    किम जोंग उन फिर मास्को गए।
    """

  func document(_ text: String, source: String = "news/a.txt") -> TaggedDocument {
    TaggedDocument(source: source, text: text, spans: tagger.spans(in: text))
  }

  func page(_ documents: [TaggedDocument], indexPath: String? = nil) -> String {
    var output = ""
    writer.writePage(documents, indexPath: indexPath, to: &output)
    return output
  }

  @Test("a small document's page matches its golden file")
  func golden() throws {
    try expectGolden(page([document(text)]), named: "small.html")
  }

  @Test("an index page matches its golden file")
  func goldenIndex() throws {
    var output = ""
    writer.writeIndex(
      [
        HTMLIndexEntry(document: document(text), path: "news/a.html"),
        HTMLIndexEntry(document: document("रूस", source: "b c.txt"), path: "b c.html"),
      ], to: &output)
    try expectGolden(output, named: "small-index.html")
  }

  @Test("the article's text is the input and each span is one mark with its label and offsets")
  func articleText() throws {
    let document = document(text)
    let root = try XHTMLElement.parse(page([document]))
    let articles = root.elements(named: "article")
    #expect(articles.count == 1)
    #expect(articles.first?.textContent == text)
    let marks = root.elements(named: "mark")
    #expect(marks.count == document.spans.count)
    #expect(document.spans.count == 9)
    for (number, (mark, span)) in zip(marks, document.spans).enumerated() {
      #expect(mark.attributes["id"] == "d1-s\(number + 1)")
      #expect(mark.textContent == span.text)
      #expect(mark.attributes["data-label"] == span.label)
      #expect(mark.attributes["data-id"] == span.entry.id)
      #expect(mark.attributes["data-start"] == String(span.start.codePoint))
      #expect(mark.attributes["data-end"] == String(span.end.codePoint))
      #expect(mark.attributes["data-designator"] == span.designator)
      #expect(mark.attributes["data-details"]?.hasPrefix(span.entry.name + "\n") == true)
    }
  }

  @Test("marks count offsets in the writer's unit", arguments: OffsetUnit.allCases)
  func offsetUnits(unit: OffsetUnit) throws {
    let document = document("😀 रूस")
    var output = ""
    HTMLWriter(gazetteer: Self.gazetteer, offsets: unit).writePage([document], to: &output)
    let mark = try #require(try XHTMLElement.parse(output).elements(named: "mark").first)
    let range = document.spans[0].range(in: unit)
    #expect(mark.attributes["data-start"] == String(range.lowerBound))
    #expect(mark.attributes["data-end"] == String(range.upperBound))
  }

  @Test("the summary lists each entity once, by label then mentions, linking to its mentions")
  func summary() throws {
    let root = try XHTMLElement.parse(page([document(text)]))
    let rows = root.elements(named: "tbody").flatMap { $0.elements(named: "tr") }
    let cells = rows.map { $0.elements(named: "td").map(\.textContent) }
    #expect(
      cells.map { [$0[0], $0[1], $0[2], $0[3]] } == [
        ["किम जोंग उनKim Jong Un", "PERSON", "2", "1 2"],
        ["ह्वासोंगHwasong missile familydesignators 11, 15", "WEAPON", "2", "1 2"],
        ["रूसRussia", "COUNTRY", "1", "1"],
        ["मॉस्कोMoscow", "PLACE", "2", "1 2"],
        ["डोनबासDonbas", "PLACE", "1", "1"],
        ["उत्तर कोरियाईNorth Korean", "NORP", "1", "1"],
      ])
    let markIDs = Set(root.elements(named: "mark").compactMap { $0.attributes["id"] })
    let links = rows.flatMap { $0.elements(named: "a") }.compactMap { $0.attributes["href"] }
      .filter { $0.hasPrefix("#") }
    #expect(links.count == 9)
    #expect(Set(links.map { String($0.dropFirst()) }) == markIDs)
  }

  @Test("the legend counts each label and is the label of that label's checkbox")
  func legend() throws {
    let root = try XHTMLElement.parse(page([document(text), document("रूस और रूस", source: "b")]))
    let inputs = root.elements(named: "input")
    #expect(inputs.map { $0.attributes["id"] } == (0..<5).map { "show-l\($0)" })
    #expect(inputs.allSatisfy { $0.attributes["checked"] == "checked" })
    let labels = root.elements(named: "label")
    #expect(labels.map { $0.attributes["for"] } == (0..<5).map { "show-l\($0)" })
    #expect(
      labels.map(\.textContent) == ["PERSON 2", "WEAPON 2", "COUNTRY 3", "PLACE 3", "NORP 1"])
  }

  @Test("several documents: a table of contents and one section and article each")
  func severalDocuments() throws {
    let documents = [document(text), document("रूस", source: "b.txt"), document("", source: "-")]
    let root = try XHTMLElement.parse(page(documents))
    #expect(root.elements(named: "h1").first?.textContent == "3 documents")
    let contents = try #require(root.elements(named: "nav").first)
    #expect(contents.elements(named: "a").map { $0.attributes["href"] } == ["#d1", "#d2", "#d3"])
    #expect(
      contents.elements(named: "li").map(\.textContent) == [
        "news/a.txt 9 mentions", "b.txt 1 mention", "standard input 0 mentions",
      ])
    #expect(root.elements(named: "section").map { $0.attributes["id"] } == ["d1", "d2", "d3"])
    #expect(root.elements(named: "article").map(\.textContent) == documents.map(\.text))
    #expect(
      root.elements(named: "h2").map(\.textContent) == ["news/a.txt", "b.txt", "standard input"])
    #expect(root.elements(named: "table").count == 2)
    let ids = root.allElements.compactMap { $0.attributes["id"] }
    #expect(Set(ids).count == ids.count)
  }

  @Test("a page written for an index links back to it")
  func indexLink() throws {
    let root = try XHTMLElement.parse(page([document("रूस")], indexPath: "../../index.html"))
    let link = try #require(root.elements(named: "a").first)
    #expect(link.attributes["href"] == "../../index.html")
    #expect(link.textContent == "All documents")
  }

  @Test("labels are coloured from the manifest; a missing or unsafe colour takes the palette's")
  func colours() throws {
    let styles = HTMLLabelStyle.styles(for: Self.gazetteer.labels, used: ["NORP", "EXTRA"])
    #expect(styles.map(\.name) == ["PERSON", "WEAPON", "COUNTRY", "PLACE", "NORP", "EXTRA"])
    #expect(styles.map(\.className) == ["l0", "l1", "l2", "l3", "l4", "l5"])
    #expect(
      styles.map(\.color) == [
        "#f4a261", "rgb(231 111 81)", "#8ab17d", HTMLLabelStyle.palette[3],
        HTMLLabelStyle.palette[4], HTMLLabelStyle.palette[5],
      ])
    let sheet = writer.labelRules(styles, toggles: true)
    #expect(!sheet.contains("url("))
    #expect(!sheet.contains("PERSON"))
  }

  @Test(
    "only a plain CSS colour is placed in the style sheet",
    arguments: [
      ("#e9c46a", true), ("#abc", true), ("#abcd", true), ("#11223344", true), ("teal", true),
      ("rgb(233 196 106 / 50%)", true), ("hsl(120deg, 50%, 40%)", true), ("#abcde", false),
      ("#ggg", false), ("red;}body{x:y", false), ("url(x)", false), ("rgb(1 2 3) ", false),
      ("rgb(1 2 3);", false), ("var(--x)", false), ("", false), ("\"red\"", false),
      ("rgb((1)", false), ("expression(alert(1))", false),
    ])
  func plainColours(color: String, plain: Bool) {
    #expect(HTMLLabelStyle.isPlainColor(color) == plain)
  }

  @Test("a mark whose entity has a Wikidata item links to it; others are focusable")
  func wikidataLinks() throws {
    let root = try XHTMLElement.parse(page([document("किम जोंग उन और उत्तर कोरियाई")]))
    let marks = root.elements(named: "mark")
    #expect(marks.count == 2)
    #expect(
      marks[0].elements(named: "a").first?.attributes["href"]
        == "https://www.wikidata.org/wiki/Q56226")
    #expect(marks[0].attributes["tabindex"] == nil)
    #expect(marks[0].attributes["data-details"]?.contains("Wikidata Q56226") == true)
    #expect(marks[1].elements(named: "a").isEmpty)
    #expect(marks[1].attributes["tabindex"] == "0")
  }

  @Test(
    "only a QID becomes a Wikidata URL",
    arguments: [
      ("Q42", true), ("Q1637219", true), ("Q0", false), ("Q", false), ("q42", false),
      ("Q42 ", false), ("Q4x", false), ("javascript:alert(1)", false), ("Q１２", false),
      ("Q1234567890123", false),
    ])
  func qids(qid: String, valid: Bool) {
    #expect((HTMLWriter.wikidataURL(qid) != nil) == valid)
  }

  @Test("a document without spans has its article and no summary table")
  func noSpans() throws {
    let root = try XHTMLElement.parse(page([document("कुछ नहीं\n")]))
    #expect(root.elements(named: "article").first?.textContent == "कुछ नहीं\n")
    #expect(root.elements(named: "mark").isEmpty)
    #expect(root.elements(named: "table").isEmpty)
  }

  @Test("entities are grouped by gazetteer entry, with their designators")
  func entitySummary() {
    let spans = tagger.spans(in: "ह्वासोंग-11 रूस ह्वासोंग-१७ ह्वासोंग-11 रूस मॉस्को")
    let summary = EntitySummary(spans: spans, labelOrder: ["PLACE", "COUNTRY"])
    #expect(summary.rows.map(\.entry.id) == ["place:moscow", "RU", "weapon:hwasong"])
    #expect(summary.rows.map(\.mentions) == [[5], [1, 4], [0, 2, 3]])
    #expect(summary.rows.map(\.designators) == [[], [], ["11", "17"]])
    #expect(summary.mentionsPerLabel == ["PLACE": 1, "COUNTRY": 2, "WEAPON": 3])
  }
}
