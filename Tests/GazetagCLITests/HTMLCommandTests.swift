import Foundation
import Testing

@Suite struct HTMLCommandTests {
  typealias G = GazetagProcess

  /// The number of spans `gazetag tag` finds in `text`.
  func spanCount(_ text: String) throws -> Int {
    let objects = try G.jsonLines(try G.run(["tag"], input: text).stdout)
    return try #require(objects.first?["spans"] as? [Any]).count
  }

  @Test("html reads standard input and writes one self-contained page")
  func stdin() throws {
    let text = "किम जोंग उन ने प्योंगयांग में कहा\nरूस & यूक्रेन"
    let result = try G.run(["html"], input: text)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let page = result.stdout
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"hi\">\n"))
    #expect(page.hasSuffix("</html>\n"))
    #expect(page.components(separatedBy: "<mark id=").count - 1 == (try spanCount(text)))
    #expect(page.contains("<title>standard input</title>"))
    // Nothing is fetched: no scripts, style sheets, images or fonts; the only absolute URLs
    // are Wikidata links.
    for forbidden in ["<script", "<link", "<img", "src=", "@import", "url(", "http://"] {
      #expect(!page.contains(forbidden), "the page contains \(forbidden)")
    }
    let absolute = page.components(separatedBy: "https://").dropFirst()
    #expect(!absolute.isEmpty)
    #expect(absolute.allSatisfy { $0.hasPrefix("www.wikidata.org/wiki/Q") })
  }

  @Test("tag --format html writes the same page as html; several inputs get a table of contents")
  func tagFormatHTML() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "रूस".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "मॉस्को".write(to: directory.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    let viaTag = try G.run(
      ["tag", "--format", "html", "a.txt", "b.txt", "-o", "t.html"], in: directory)
    let viaHTML = try G.run(["html", "a.txt", "b.txt", "-o", "h.html"], in: directory)
    #expect(viaTag.status == 0 && viaHTML.status == 0)
    #expect(viaTag.stdout.isEmpty && viaHTML.stdout.isEmpty)
    let tagPage = try String(
      contentsOf: directory.appendingPathComponent("t.html"), encoding: .utf8)
    let htmlPage = try String(
      contentsOf: directory.appendingPathComponent("h.html"), encoding: .utf8)
    #expect(tagPage == htmlPage)
    #expect(tagPage.contains("<nav class=\"toc\""))
    #expect(tagPage.contains("<h1><bdi>2 documents</bdi></h1>"))
    #expect(tagPage.contains("<a href=\"#d2\"><bdi>b.txt</bdi></a>"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(leftovers.sorted() == ["a.txt", "b.txt", "h.html", "t.html"])
  }

  @Test("--output-dir writes a page per input and an index linking them")
  func outputDirectory() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let deep = directory.appendingPathComponent("news/deep")
    try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
    try "रूस".write(
      to: directory.appendingPathComponent("news/b c.txt"), atomically: true, encoding: .utf8)
    try "मॉस्को".write(to: deep.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try "डोनबास".write(
      to: directory.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
    let result = try G.run(["html", "news", "index.txt", "--output-dir", "out"], in: directory)
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    let out = directory.appendingPathComponent("out")
    let files = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
    #expect(files == ["b c.html", "deep", "deep/a.html", "index-2.html", "index.html"])
    let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
    #expect(index.contains("<a href=\"b%20c.html\"><bdi>news/b c.txt</bdi></a>"))
    #expect(index.contains("<a href=\"deep/a.html\"><bdi>news/deep/a.txt</bdi></a>"))
    #expect(index.contains("<a href=\"index-2.html\"><bdi>index.txt</bdi></a>"))
    let page = try String(contentsOf: out.appendingPathComponent("deep/a.html"), encoding: .utf8)
    #expect(page.contains("<a href=\"../index.html\">All documents</a>"))
    #expect(page.contains("data-id=\"place:tz:europe-moscow\""))
    let viaTag = try G.run(
      ["tag", "--format", "html", "news", "index.txt", "--output-dir", "out2"], in: directory)
    #expect(viaTag.status == 0)
    for file in files where file.hasSuffix(".html") {
      #expect(
        try Data(contentsOf: out.appendingPathComponent(file))
          == Data(contentsOf: directory.appendingPathComponent("out2").appendingPathComponent(file))
      )
    }
  }

  @Test("an input that cannot be read is reported, the others are on the page; exit 1")
  func missingInput() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try "रूस".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try Data([0x61, 0xFF]).write(to: directory.appendingPathComponent("bad.txt"))
    let result = try G.run(
      ["html", "missing.txt", "a.txt", "bad.txt", "-o", "p.html"], in: directory)
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        gazetag: missing.txt: no such file or directory
        gazetag: bad.txt: byte 1: invalid UTF-8; convert the file to UTF-8 (e.g. with iconv) or pass --invalid replace

        """)
    let page = try String(contentsOf: directory.appendingPathComponent("p.html"), encoding: .utf8)
    #expect(page.contains("<title>a.txt</title>"))
    #expect(page.contains("data-id=\"RU\""))
  }

  @Test(
    "usage errors: both -o and --output-dir, or an output that is also an input",
    arguments: [
      ["html", "a.txt", "-o", "x.html", "--output-dir", "out"],
      ["html", "a.txt", "-o", "a.txt"],
      ["tag", "--format", "html", "a.txt", "-o", "x.html", "--output-dir", "out"],
    ])
  func usage(arguments: [String]) throws {
    let result = try G.run(arguments)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
  }
}

/// A page too large to open comfortably is still written whole, with a warning that names its
/// size and says how to get smaller pages.
@Suite struct HTMLLargePageTests {
  typealias G = GazetagProcess

  @Test("a large page gets a warning with its size and how to split; a small one none")
  func largePageWarning() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let text = String(repeating: "रूस और मॉस्को। ", count: 2_000)
    try text.write(
      to: directory.appendingPathComponent("big.txt"), atomically: true, encoding: .utf8)
    try "रूस".write(
      to: directory.appendingPathComponent("small.txt"), atomically: true, encoding: .utf8)

    let one = try G.run(
      ["html", "--large-page-size", "100000", "big.txt", "-o", "big.html"], in: directory)
    #expect(one.status == 0)
    let page = try String(contentsOf: directory.appendingPathComponent("big.html"), encoding: .utf8)
    let size = String(format: "%.1f MB", Double(page.utf8.count) / 1_000_000)
    #expect(
      one.stderr
        == "gazetag: warning: the HTML page is \(size) for 0.1 MB of text; browsers are slow to open pages this large: split big.txt into smaller files first (e.g. split -C 1M --additional-suffix=.txt big.txt part-) and write a page for each with --output-dir DIR\n"
    )
    #expect(page.hasSuffix("</html>\n"))

    let several = try G.run(
      ["tag", "--format", "html", "--large-page-size", "100000", "small.txt", "big.txt"],
      in: directory)
    #expect(several.status == 0)
    #expect(
      several.stderr.contains("write one page per input with --output-dir DIR, or split big.txt"))

    let pages = try G.run(
      ["html", "--large-page-size", "100000", "small.txt", "big.txt", "--output-dir", "pages"],
      in: directory)
    #expect(pages.stderr.components(separatedBy: "warning:").count == 2)
    #expect(!pages.stderr.contains("--output-dir DIR, or"))

    let quiet = try G.run(["html", "big.txt", "small.txt"], in: directory)
    #expect(quiet.stderr.isEmpty)
  }
}
