/// Escaping for HTML output. Two kinds of strings reach a page:
///
/// - the document text, which must survive exactly: the parsed page's text content equals it;
/// - strings shown to the reader (gazetteer fields, labels, paths), which are made harmless and
///   visible instead: control characters become their Control Pictures (`␀`, `␛`), and C1
///   controls and bidirectional embeddings, overrides and isolates become U+FFFD.
///
/// Either way the output is also well-formed XML, except for a document's C0 control
/// characters (other than tab, line feed and carriage return), which XML cannot carry at all.
enum HTMLEscaping {
  /// Appends `text`, a piece of the document, as element content whose parsed text is `text`.
  ///
  /// `&`, `<` and `>` become references; a carriage return becomes `&#13;` because an HTML
  /// parser turns a literal one into a line feed. Invisible control characters and
  /// bidirectional controls are wrapped in `<span class="ctl">`, which shows them and keeps
  /// their effect inside the span. NUL, which no HTML document can contain, becomes U+FFFD
  /// (what browsers make of `&#0;`).
  static func appendText(_ text: Substring, to output: inout String) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\r": output += "&#13;"
      case "\t", "\n": output.unicodeScalars.append(scalar)
      case _ where isControl(scalar):
        output += "<span class=\"ctl\" data-cp=\"\(codePointName(scalar))\">"
        switch scalar.value {
        case 0: output += "\u{FFFD}"
        case ..<0x20: output += "&#\(scalar.value);"
        default: output.unicodeScalars.append(scalar)
        }
        output += "</span>"
      default: output.unicodeScalars.append(scalar)
      }
    }
  }

  /// `value` made safe to show: C0 controls and DEL as Control Pictures (`\t` → `␉`), C1
  /// controls and bidirectional controls as U+FFFD.
  static func displayed(_ value: String) -> String {
    guard value.unicodeScalars.contains(where: { $0.value < 0x20 || isControl($0) }) else {
      return value
    }
    var result = String.UnicodeScalarView()
    for scalar in value.unicodeScalars {
      switch scalar.value {
      case ..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: result.append("\u{2421}")
      case _ where isControl(scalar): result.append("\u{FFFD}")
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  /// `value` as element content: ``displayed(_:)``, then `&`, `<` and `>` escaped.
  static func content(_ value: String) -> String {
    escaped(displayed(value), quotes: false)
  }

  /// `value` as the inside of a double-quoted attribute: ``displayed(_:)`` (so a line break
  /// in it shows as `␊`), then quotes, `&`, `<` and `>` escaped.
  static func attribute(_ value: String) -> String {
    escaped(displayed(value), quotes: true)
  }

  /// `text` with `&`, `<` and `>` as references, and with `quotes` also `"` and `'`.
  private static func escaped(_ text: String, quotes: Bool) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"" where quotes: output += "&quot;"
      case "'" where quotes: output += "&#39;"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  /// An attribute value of several lines, each escaped as by ``attribute(_:)``, joined by
  /// `&#10;` (which stays a line feed for XML parsers too; they turn a literal one into a
  /// space).
  static func attribute(lines: [String]) -> String {
    lines.map(attribute).joined(separator: "&#10;")
  }

  /// A relative URL for a `/`-separated file path: every byte but unreserved characters and
  /// `/` percent-encoded, so that no part of the path can be read as a scheme, query or
  /// fragment.
  static func relativeURL(_ path: String) -> String {
    var output = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        output.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        output += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return output
  }

  /// Characters that are invisible and change nothing but how text around them behaves:
  /// C0 controls except tab, line feed and carriage return, DEL, C1 controls, and the
  /// bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can
  /// make text display in an order other than the one it is stored in.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: false
    case ..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `U+202E`.
  static func codePointName(_ scalar: Unicode.Scalar) -> String {
    "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
  }
}

extension String {
  /// The string with zeros in front up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: Swift.max(0, width - count)) + self
  }
}
