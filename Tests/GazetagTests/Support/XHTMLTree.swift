import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// An element of a page parsed by a strict XML parser (Foundation's `XMLParser`, libxml2). The
/// HTML writer's markup is well-formed XML, so any markup that text or gazetteer data smuggled
/// in shows up here as an element or attribute, or makes the parse fail.
final class XHTMLElement {
  enum Node {
    case element(XHTMLElement)
    case text(String)
  }

  let name: String
  let attributes: [String: String]
  var children: [Node] = []

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// Parses `markup`; fails the test with the parser's message if it is not well-formed.
  static func parse(_ markup: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> XHTMLElement
  {
    let builder = Builder()
    let parser = XMLParser(data: Data(markup.utf8))
    parser.delegate = builder
    let parsed = parser.parse()
    #expect(
      parsed, "not well-formed: \(String(describing: parser.parserError))",
      sourceLocation: sourceLocation)
    return try #require(builder.root, sourceLocation: sourceLocation)
  }

  /// The concatenated text of all descendants, as the DOM's `textContent`.
  var textContent: String {
    children.map {
      switch $0 {
      case .element(let element): element.textContent
      case .text(let text): text
      }
    }.joined()
  }

  /// This element and all its descendants, in document order.
  var allElements: [XHTMLElement] {
    [self]
      + children.flatMap {
        if case .element(let element) = $0 { element.allElements } else { [XHTMLElement]() }
      }
  }

  /// The descendants (and self) named `name`, in document order.
  func elements(named name: String) -> [XHTMLElement] {
    allElements.filter { $0.name == name }
  }

  private final class Builder: NSObject, XMLParserDelegate {
    var root: XHTMLElement?
    var open: [XHTMLElement] = []

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      let element = XHTMLElement(name: elementName, attributes: attributes)
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
}
