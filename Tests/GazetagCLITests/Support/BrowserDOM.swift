import Foundation
import GazetagTestSupport

/// The DOM that Chromium built from a page, read back from its `--dump-dom` output.
///
/// The browser's own HTML parser did the parsing; its serialization is canonical (HTML's
/// fragment serialization algorithm): every attribute value double-quoted with `&`, `"`, `<`,
/// `>` and NBSP escaped, text with `&`, `<`, `>` and NBSP escaped, void elements without end
/// tags, raw text (`<style>`, `<script>`, …) as it is. That is all this reader handles. The
/// root is named `#document`, and a comment is an element named `#comment`.
typealias BrowserElement = MarkupElement

extension MarkupElement {
  static let voidElements: Set = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
  ]
  static let rawTextElements: Set = [
    "style", "script", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
  ]

  /// Reads Chromium's serialization of a document.
  static func parse(_ serialized: String) -> MarkupElement {
    let root = MarkupElement(name: "#document", attributes: [:])
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
        let comment = MarkupElement(name: "#comment", attributes: [:])
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
        let element = MarkupElement(name: name, attributes: attributes)
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
}

extension AllowedMarkup {
  /// The unit tests' list, `Tests/GazetagTests/Fixtures/html/allowed-markup.json`.
  static func load() throws -> AllowedMarkup {
    try load(
      from: GazetagProcess.repositoryRoot.appendingPathComponent(
        "Tests/GazetagTests/Fixtures/html/allowed-markup.json"))
  }
}
