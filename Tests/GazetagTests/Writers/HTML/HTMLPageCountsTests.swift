import Foundation
import Testing

@testable import Gazetag

/// What a page says about its documents: counts over the whole page, designators as they were
/// found, and the same page whether it is written whole or in parts.
@Suite struct HTMLPageCountsTests {
  static let gazetteer = try! Gazetteer(contentsOf: Fixtures.url("html/gazetteer"))
  let tagger = try! Tagger(gazetteer: gazetteer)
  let writer = HTMLWriter(gazetteer: gazetteer)

  func document(_ text: String, source: String) -> TaggedDocument {
    TaggedDocument(source: source, text: text, spans: tagger.spans(in: text))
  }

  func page(_ documents: [TaggedDocument]) -> String {
    var output = ""
    writer.writePage(documents, to: &output)
    return output
  }

  /// The text of the page header's first `meta` paragraph, up to its first `·`.
  func headerCounts(_ page: String) throws -> String {
    let header = try #require(page.range(of: "<header>"))
    let meta = try #require(
      page.range(of: "<p class=\"meta\" lang=\"en\">", range: header.upperBound..<page.endIndex))
    return String(page[meta.upperBound...].prefix { $0 != "·" }).trimmingCharacters(
      in: .whitespaces)
  }

  @Test("the page header counts distinct entities over all documents, not per document summed")
  func distinctEntitiesOverThePage() throws {
    let documents = [
      document("रूस और मॉस्को", source: "a.txt"), document("रूस फिर रूस", source: "b.txt"),
      document("मॉस्को", source: "c.txt"),
    ]
    #expect(documents.map(\.spans.count) == [2, 2, 1])
    #expect(try headerCounts(page(documents)) == "5 mentions of 2 entities")
    // Each document's own heading still counts its own entities.
    #expect(page(documents).contains("<p class=\"meta\" lang=\"en\">2 mentions of 1 entity</p>"))
  }

  @Test("a designator is shown with how many mentions have it when others do not")
  func designatorOfSomeMentions() throws {
    let document = document("ह्वासोंग-11 दागी गई; फिर ह्वासोंग भी", source: "a.txt")
    #expect(document.spans.map(\.designator) == ["11", nil])
    let written = page([document])
    #expect(written.contains("<span class=\"des\">designator 11 in 1 of 2 mentions</span>"))
    let all = page([self.document("ह्वासोंग-11 और ह्वासोंग-११", source: "b.txt")])
    #expect(all.contains("<span class=\"des\">designator 11</span>"))
    let none = page([self.document("ह्वासोंग भी", source: "c.txt")])
    #expect(!none.contains("class=\"des\""))
  }

  @Test("a page written in parts is the same page, handed out in parts of at least partSize")
  func writtenInParts() throws {
    let documents = [
      document(String(repeating: "रूस और मॉस्को। ", count: 8_000), source: "a.txt"),
      document("ह्वासोंग-11", source: "b.txt"),
    ]
    var parts: [String] = []
    var rest = ""
    writer.writePage(documents, to: &rest) { parts.append($0) }
    #expect(rest.isEmpty)
    #expect(parts.joined() == page(documents))
    #expect(parts.count > 2)
    #expect(parts.dropLast().allSatisfy { $0.utf8.count >= HTMLWriter.partSize })
  }
}
