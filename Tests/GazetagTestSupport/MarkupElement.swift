/// An element of a parsed page, as both kinds of page test read them: a page the HTML writer
/// made, parsed as XML, and the DOM a browser built from one. The root of a browser DOM is
/// named `#document`, and a comment is an element named `#comment` holding its text.
public final class MarkupElement {
  public enum Node {
    case element(MarkupElement)
    case text(String)
  }

  public let name: String
  public let attributes: [String: String]
  public var children: [Node] = []

  public init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  /// The concatenated text of all descendants but comments, as the DOM's `textContent`.
  public var textContent: String {
    children.map {
      switch $0 {
      case .element(let element): element.name == "#comment" ? "" : element.textContent
      case .text(let text): text
      }
    }.joined()
  }

  /// This element and all its descendants, in document order.
  public var allElements: [MarkupElement] {
    [self]
      + children.flatMap {
        if case .element(let element) = $0 { element.allElements } else { [MarkupElement]() }
      }
  }

  /// The descendants (and self) named `name`, in document order.
  public func elements(named name: String) -> [MarkupElement] {
    allElements.filter { $0.name == name }
  }
}
