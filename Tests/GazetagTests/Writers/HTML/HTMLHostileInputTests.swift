import Foundation
import GazetagTestSupport
import Testing

@testable import Gazetag

/// Text and gazetteer data that try to inject markup, scripts or misleading text into a page.
/// The page is parsed by a strict XML parser (the writer's markup is well-formed XML), which
/// must find exactly the writer's own elements and attributes and the input text unchanged.
/// `GazetagCLITests/BrowserTests` does the same through Chromium's HTML parser.
@Suite struct HTMLHostileInputTests {
  /// Names of entries, and the text around them. `#` is left out: in a name it is the
  /// designator slot (Documentation/GazetteerFormat.md), so `&#0;` appears in the text only.
  static let pieces = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "& &amp; &lt &quot;",
    "</mark></article><mark>",
    "उ\u{202E}लट\u{202C}",
    "a\u{0}b",
    "]]><!-- --><![CDATA[",
    "javascript:alert(1)",
  ]
  static let label = "L\"><script>alert(1)</script>&\u{202E}\u{0}"

  /// A gazetteer directory in which every field of every entry is hostile.
  static func gazetteer() throws -> Gazetteer {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("gazetag-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let manifest: [String: Any] = [
      "format": 1,
      "labels": [
        [
          "name": label, "color": "red;}</style><script>alert(1)</script><style>{",
          "description": pieces[1],
        ],
        ["name": "PERSON", "color": "#abc", "description": pieces[0]],
      ],
      "files": [["path": "entities.tsv"]],
    ]
    try JSONSerialization.data(withJSONObject: manifest).write(
      to: directory.appendingPathComponent("manifest.json"))
    var tsv = "id\tlabel\tname\taliases\tenglish\twikidata\tsource\tnote\n"
    let wikidata = ["Q42", "javascript:alert(1)", "Q1\" onmouseover=\"alert(1)"]
    for (number, piece) in pieces.enumerated() {
      let fields = [
        "id:\(piece)\(number)", number.isMultiple(of: 2) ? label : "PERSON", piece,
        "\(piece) उपनाम|\(piece)", piece, wikidata[number % 3], piece, piece,
      ]
      tsv += fields.joined(separator: "\t") + "\n"
    }
    try tsv.write(
      to: directory.appendingPathComponent("entities.tsv"), atomically: true, encoding: .utf8)
    return try Gazetteer(contentsOf: directory)
  }

  static let text =
    "शुरू " + pieces.joined(separator: " और ") + " अंत\r\nनई\u{0}पंक्ति &#0; &#x3C; \u{202E}उलट <x> "
    + pieces[0] + " उपनाम ।"

  @Test("a page of hostile text and gazetteer data holds only the writer's markup and the text")
  func page() throws {
    let gazetteer = try Self.gazetteer()
    let spans = try Tagger(gazetteer: gazetteer).spans(in: Self.text)
    #expect(Set(spans.map(\.entry.id)) == Set(gazetteer.entries.map(\.id)))
    let document = TaggedDocument(
      source: "<script>\"&'\u{202E}\u{0}.txt", text: Self.text, spans: spans)
    var output = ""
    HTMLWriter(gazetteer: gazetteer).writePage([document, document], to: &output)

    let root = try XHTMLElement.parse(output)
    let violations = try AllowedMarkup.load().violations(in: root)
    #expect(violations == [])
    let expectedText = Self.text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
    #expect(root.elements(named: "article").map(\.textContent) == [expectedText, expectedText])
    let marks = root.elements(named: "mark")
    #expect(marks.count == 2 * spans.count)
    #expect(
      marks.map { $0.attributes["data-label"] }
        == (spans + spans).map {
          HTMLEscaping.displayed($0.label)
        })
    #expect(
      marks.map { $0.attributes["data-id"] }
        == (spans + spans).map {
          HTMLEscaping.displayed($0.entry.id)
        })
    #expect(root.elements(named: "title").first?.textContent == "2 documents")
    #expect(
      root.elements(named: "h2").first?.textContent
        == HTMLEscaping.displayed(document.source))
    let styleSheet = root.elements(named: "style").map(\.textContent).joined()
    #expect(!styleSheet.contains("alert") && !styleSheet.contains("script"))
  }

  @Test("an index page of hostile sources and paths holds only the writer's markup")
  func index() throws {
    let gazetteer = try Self.gazetteer()
    let document = TaggedDocument(
      source: Self.pieces[1], text: Self.text,
      spans: try Tagger(gazetteer: gazetteer).spans(in: Self.text))
    var output = ""
    HTMLWriter(gazetteer: gazetteer).writeIndex(
      Self.pieces.map { HTMLIndexEntry(document: document, path: $0 + ".html") }, to: &output)
    let root = try XHTMLElement.parse(output)
    let violations = try AllowedMarkup.load().violations(in: root)
    #expect(violations == [])
    #expect(
      root.elements(named: "a").map(\.textContent)
        == Array(repeating: HTMLEscaping.displayed(Self.pieces[1]), count: Self.pieces.count))
  }

  @Test("the allow-list check finds injected elements, attributes and URLs")
  func checkCanFail() throws {
    let root = try XHTMLElement.parse(
      """
      <html lang="hi"><body><img src="x"/><mark onclick="x">a</mark>\
      <a href="javascript:alert(1)">b</a><p class="x;y">c</p></body></html>
      """)
    #expect(
      try AllowedMarkup.load().violations(in: root) == [
        "element <img>", "attribute onclick on <mark>",
        "href=\"javascript:alert(1)\" on <a>", "class=\"x;y\" on <p>",
      ])
  }
}
