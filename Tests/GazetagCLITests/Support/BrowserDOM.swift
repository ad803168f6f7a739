import Foundation

/// A node of the DOM that Chromium built from a page, read back from its `--dump-dom` output.
///
/// The browser's own HTML parser did the parsing; its serialization is canonical (HTML's
/// fragment serialization algorithm): every attribute value double-quoted with `&`, `"`, `<`,
/// `>` and NBSP escaped, text with `&`, `<`, `>` and NBSP escaped, void elements without end
/// tags, raw text (`<style>`, `<script>`, …) as it is. That is all this reader handles.
final class BrowserElement {
  enum Node {
    case element(BrowserElement)
    case text(String)
  }

  /// The element's name; `#document` for the root, `#comment` for a comment.
  let name: String
  let attributes: [String: String]
  var children: [Node] = []

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  static let voidElements: Set = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
  ]
  static let rawTextElements: Set = [
    "style", "script", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
  ]

  /// Reads Chromium's serialization of a document.
  static func parse(_ serialized: String) -> BrowserElement {
    let root = BrowserElement(name: "#document", attributes: [:])
    var open = [root]
    var input = Substring(serialized).unicodeScalars[...]
    func take(until end: String) -> String {
      var taken = String.UnicodeScalarView()
      while !input.isEmpty && !input.starts(with: end.unicodeScalars) {
        taken.append(input.removeFirst())
      }
      input = input.dropFirst(end.unicodeScalars.count)
      return String(taken)
    }
    func starts(with prefix: String) -> Bool { input.starts(with: prefix.unicodeScalars) }
    while let first = input.first {
      if starts(with: "<!--") {
        input = input.dropFirst(4)
        let comment = BrowserElement(name: "#comment", attributes: [:])
        comment.children = [.text(take(until: "-->"))]
        open.last!.children.append(.element(comment))
      } else if starts(with: "<!") {
        _ = take(until: ">")
      } else if starts(with: "</") {
        input = input.dropFirst(2)
        let name = take(until: ">")
        if let index = open.lastIndex(where: { $0.name == name }), index > 0 {
          open.removeSubrange(index...)
        }
      } else if first == "<" {
        input = input.dropFirst()
        var name = ""
        while let next = input.first, next != " ", next != ">" {
          name.unicodeScalars.append(input.removeFirst())
        }
        var attributes: [String: String] = [:]
        while input.first == " " {
          input = input.dropFirst()
          var attribute = ""
          while let next = input.first, next != "=", next != " ", next != ">" {
            attribute.unicodeScalars.append(input.removeFirst())
          }
          var value = ""
          if input.first == "=" {
            input = input.dropFirst(2)  // ="
            value = decoded(take(until: "\""))
          }
          attributes[attribute] = value
        }
        input = input.dropFirst()  // >
        let element = BrowserElement(name: name, attributes: attributes)
        open.last!.children.append(.element(element))
        if rawTextElements.contains(name) {
          element.children = [.text(take(until: "</\(name)>"))]
        } else if !voidElements.contains(name) {
          open.append(element)
        }
      } else {
        var text = ""
        while let next = input.first, next != "<" {
          text.unicodeScalars.append(input.removeFirst())
        }
        open.last!.children.append(.text(decoded(text)))
      }
    }
    return root
  }

  /// `text` with the references of the serialization replaced by their characters.
  static func decoded(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      rest = rest[ampersand...]
      let references = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&nbsp;": "\u{A0}"]
      if let (reference, character) = references.first(where: { rest.hasPrefix($0.key) }) {
        result += character
        rest = rest.dropFirst(reference.count)
      } else {
        result += "&"
        rest = rest.dropFirst()
      }
    }
    return result + rest
  }

  /// The concatenated text of all descendants, as the DOM's `textContent`.
  var textContent: String {
    children.map {
      switch $0 {
      case .element(let element): element.name == "#comment" ? "" : element.textContent
      case .text(let text): text
      }
    }.joined()
  }

  /// This element and all its descendants, in document order.
  var allElements: [BrowserElement] {
    [self]
      + children.flatMap {
        if case .element(let element) = $0 { element.allElements } else { [BrowserElement]() }
      }
  }

  /// The descendants (and self) named `name`, in document order.
  func elements(named name: String) -> [BrowserElement] {
    allElements.filter { $0.name == name }
  }
}

/// The elements and attributes the HTML writer generates, from the unit tests' fixture
/// `Tests/GazetagTests/Fixtures/html/allowed-markup.json`.
struct AllowedMarkup: Decodable {
  var elements: [String: [String]]
  var patterns: [String: String]

  static func load() throws -> AllowedMarkup {
    try JSONDecoder().decode(
      AllowedMarkup.self,
      from: Data(
        contentsOf: GazetagProcess.repositoryRoot.appendingPathComponent(
          "Tests/GazetagTests/Fixtures/html/allowed-markup.json")))
  }

  /// The elements and attributes of a browser DOM that the writer does not generate.
  func violations(in root: BrowserElement) -> [String] {
    root.allElements.dropFirst().flatMap { element -> [String] in
      guard let allowed = elements[element.name] else { return ["element <\(element.name)>"] }
      return element.attributes.sorted { $0.key < $1.key }.compactMap { name, value in
        guard allowed.contains(name) else { return "attribute \(name) on <\(element.name)>" }
        guard let pattern = patterns[name] else { return nil }
        return value.range(of: pattern, options: .regularExpression) == nil
          ? "\(name)=\"\(value)\" on <\(element.name)>" : nil
      }
    }
  }
}
