import Foundation
import GazetagTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A page parsed by a strict XML parser (Foundation's `XMLParser`, libxml2). The HTML writer's
/// markup is well-formed XML, so any markup that text or gazetteer data smuggled in shows up
/// as an element or attribute, or makes the parse fail.
typealias XHTMLElement = MarkupElement

extension MarkupElement {
  /// Parses `markup`; fails the test with the parser's message if it is not well-formed.
  static func parse(_ markup: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> MarkupElement
  {
    let builder = XHTMLBuilder()
    let parser = XMLParser(data: Data(markup.utf8))
    parser.delegate = builder
    let parsed = parser.parse()
    #expect(
      parsed, "not well-formed: \(String(describing: parser.parserError))",
      sourceLocation: sourceLocation)
    return try #require(builder.root, sourceLocation: sourceLocation)
  }
}

/// Builds the element tree as `XMLParser` reports elements and text.
private final class XHTMLBuilder: NSObject, XMLParserDelegate {
  var root: MarkupElement?
  var open: [MarkupElement] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    let element = MarkupElement(name: elementName, attributes: attributes)
    if let parent = open.last {
      parent.children.append(.element(element))
    } else {
      root = element
    }
    open.append(element)
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    open.removeLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    open.last?.children.append(.text(string))
  }
}
