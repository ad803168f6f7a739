import Foundation
import GazetagTestSupport
import Testing

/// Pages written by the built `gazetag`, loaded in headless Chromium: the DOM the browser
/// builds must hold one `<mark>` per span, the input text unchanged, and nothing the writer did
/// not generate, whatever the text and the gazetteer hold.
@Suite(
  .serialized,
  .enabled(
    if: Chromium.testsEnabled,
    "chromium is not on PATH (apt-get install -y chromium fonts-noto-core; GAZETAG_REQUIRE_BROWSER=1 makes these tests required)"
  )
) struct BrowserTests {
  typealias G = GazetagProcess

  /// Screenshots go here for people to look at (`.build/` is not committed).
  static let outputFolder = G.repositoryRoot.appendingPathComponent(".build/test-output")

  /// The spans `gazetag tag arguments…` finds, as JSON objects.
  func spans(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try G.run(["tag"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try G.jsonLines(result.stdout).first?["spans"] as? [[String: Any]])
  }

  /// Writes the page of `arguments` with `gazetag html` and returns the browser's DOM.
  func browserDOM(_ arguments: [String], in directory: URL) throws -> BrowserElement {
    let page = directory.appendingPathComponent("page.html")
    let result = try G.run(["html"] + arguments + ["-o", page.path])
    #expect(result.status == 0, "\(result.stderr)")
    return BrowserElement.parse(try Chromium.dumpDOM(of: page))
  }

  /// Checks a document's DOM against the input and the spans of `gazetag tag`.
  func check(
    _ root: BrowserElement, text: String, spans: [[String: Any]],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let violations = try AllowedMarkup.load().violations(in: root)
    #expect(violations == [], sourceLocation: sourceLocation)
    let articles = root.elements(named: "article")
    #expect(articles.count == 1, sourceLocation: sourceLocation)
    #expect(articles.first?.textContent == text, sourceLocation: sourceLocation)
    let marks = root.elements(named: "mark")
    #expect(marks.count == spans.count, sourceLocation: sourceLocation)
    #expect(
      marks.map(\.textContent) == spans.map { $0["text"] as? String },
      sourceLocation: sourceLocation)
  }

  @Test("the example article: every span highlighted, the text unchanged, a correct summary")
  func exampleArticle() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = try String(contentsOf: G.exampleArticle, encoding: .utf8)
    let spans = try spans([G.exampleArticle.path])
    #expect(spans.count > 20)
    let root = try browserDOM([G.exampleArticle.path], in: directory)
    try check(root, text: text, spans: spans)
    let marks = root.elements(named: "mark")
    #expect(marks.map { $0.attributes["data-label"] } == spans.map { $0["label"] as? String })
    #expect(marks.map { $0.attributes["data-id"] } == spans.map { $0["id"] as? String })

    // One summary row per entity, with its mention count and links to exactly its marks.
    var mentions: [String: Int] = [:]
    for span in spans { mentions[span["id"] as! String, default: 0] += 1 }
    let markIDs = Dictionary(
      uniqueKeysWithValues: marks.map { ($0.attributes["id"]!, $0.attributes["data-id"]!) })
    let rows = root.elements(named: "tbody").flatMap { $0.elements(named: "tr") }
    #expect(rows.count == mentions.count)
    for row in rows {
      let cells = row.elements(named: "td")
      let id = cells[4].elements(named: "code").first?.textContent ?? ""
      #expect(cells[2].textContent == String(mentions[id] ?? -1), "mentions of \(id)")
      let targets = cells[3].elements(named: "a").compactMap { $0.attributes["href"]?.dropFirst() }
      #expect(targets.count == mentions[id])
      #expect(targets.allSatisfy { markIDs[String($0)] == id }, "links of \(id)")
    }
  }

  @Test("a screenshot of the example page is written to .build/test-output")
  func screenshot() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let page = directory.appendingPathComponent("hindi-news.html")
    let example = G.repositoryRoot.appendingPathComponent("Examples/hindi-news.txt")
    #expect(try G.run(["html", example.path, "-o", page.path]).status == 0)
    try FileManager.default.createDirectory(
      at: Self.outputFolder, withIntermediateDirectories: true)
    let png = Self.outputFolder.appendingPathComponent("hindi-news.png")
    try? FileManager.default.removeItem(at: png)
    try Chromium.screenshot(of: page, to: png, width: 1000, height: 900)
    let bytes = [UInt8](try Data(contentsOf: png))
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    // The IHDR chunk's width and height, big-endian, at bytes 16 and 20.
    let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
    let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
    #expect(width == 1000 && height == 900)
  }

  /// Hostile names, tried as text and in every gazetteer field. `#` stays out of names, where
  /// it is the designator slot.
  static let pieces = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>",
    "& &amp; &lt &quot;", "</mark></article><mark>", "उ\u{202E}लट\u{202C}", "a\u{0}b",
    "]]><!-- --><![CDATA[", "javascript:alert(1)", "<style>*{}</style>",
  ]

  /// Writes a gazetteer in which every field of every entry is hostile into `directory`.
  func writeHostileGazetteer(to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let label = "L\"><script>alert(1)</script>&\u{202E}\u{0}"
    let manifest: [String: Any] = [
      "format": 1,
      "labels": [
        ["name": label, "color": "red}</style><script>alert(1)</script>", "description": "<b>"],
        ["name": "PERSON", "color": "#abc", "description": "\"><img src=x onerror=alert(1)>"],
      ],
      "files": [["path": "entities.tsv"]],
    ]
    try JSONSerialization.data(withJSONObject: manifest).write(
      to: directory.appendingPathComponent("manifest.json"))
    var tsv = "id\tlabel\tname\taliases\tenglish\twikidata\tsource\tnote\n"
    let wikidata = ["Q42", "javascript:alert(1)", "Q1\" onmouseover=\"alert(1)"]
    for (number, piece) in Self.pieces.enumerated() {
      tsv +=
        [
          "id:\(piece)\(number)", number.isMultiple(of: 2) ? label : "PERSON", piece,
          "\(piece) उपनाम", piece, wikidata[number % 3], piece, piece,
        ].joined(separator: "\t") + "\n"
    }
    try tsv.write(
      to: directory.appendingPathComponent("entities.tsv"), atomically: true, encoding: .utf8)
  }

  @Test("hostile text, file name and gazetteer: only the writer's markup, the text unchanged")
  func hostileInput() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let gazetteer = directory.appendingPathComponent("gazetteer")
    try writeHostileGazetteer(to: gazetteer)
    // Every piece, then what only a browser sees: C0 and C1 controls, a lone CR, CRLF, a BOM,
    // a noncharacter, references that are not to be decoded.
    // A NUL byte makes the CLI skip a file as binary, so the text's NUL is tested through the
    // library (HTMLHostileInputTests); here NUL stays in every gazetteer field.
    let text =
      "शुरू " + Self.pieces.joined(separator: " और ").replacingOccurrences(of: "\u{0}", with: "")
      + " \u{1}\u{8}\u{B}\u{C}\u{1B}\u{7F}\u{85}\u{9B} अंत\r\nनई\rपंक्ति\u{FEFF}\u{FFFE}"
      + " &#0; &#x3C;script&#x3E; &NotAnEntity; \u{2066}x\u{2069} " + Self.pieces[0] + " उपनाम"
    let input = directory.appendingPathComponent("<b>\"&'\u{202E}x.txt")
    try text.write(to: input, atomically: true, encoding: .utf8)
    let spans = try spans(["--gazetteer", gazetteer.path, input.path])
    #expect(spans.count >= Self.pieces.count)
    let root = try browserDOM(["--gazetteer", gazetteer.path, input.path], in: directory)
    try check(
      root, text: text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}"),
      spans: spans.map {
        var span = $0
        span["text"] = ($0["text"] as? String)?.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
        return span
      })

    // The index page of --output-dir, whose links are built from file names.
    let out = directory.appendingPathComponent("out")
    #expect(
      try G.run(["html", "--gazetteer", gazetteer.path, input.path, "--output-dir", out.path])
        .status == 0)
    let index = BrowserElement.parse(
      try Chromium.dumpDOM(of: out.appendingPathComponent("index.html")))
    let violations = try AllowedMarkup.load().violations(in: index)
    #expect(violations == [])
    let link = try #require(index.elements(named: "tbody").first?.elements(named: "a").first)
    let target = out.appendingPathComponent(
      try #require(link.attributes["href"]?.removingPercentEncoding))
    #expect(FileManager.default.fileExists(atPath: target.path))
  }
}
