/// Test text with spans drawn in place: `"⟦किम जोंग उन⟧PERSON ने"` is the text `किम जोंग उन ने`
/// with a PERSON span over its first 11 code points. Saves hand-counting offsets. Marks may nest
/// (`⟦उत्तर ⟦कोरिया⟧PLACE⟧COUNTRY`); they are listed by start, longer first.
struct MarkedText {
  struct Mark: Hashable, CustomStringConvertible {
    /// Start and end in code points of ``MarkedText/text``, end exclusive.
    var start: Int
    var end: Int
    var label: String
    var description: String { "\(start)..<\(end) \(label)" }
  }

  /// The text without markers.
  var text: String
  /// The marked spans, in order.
  var marks: [Mark]

  init(_ marked: String) {
    var text = String.UnicodeScalarView()
    var marks: [Mark] = []
    var opened: [Int] = []
    var scalars = marked.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      switch scalar {
      case "⟦":
        opened.append(text.count)
      case "⟧":
        var label = ""
        while let next = scalars.first, next == "_" || ("A"..."Z").contains(next) {
          label.unicodeScalars.append(next)
          scalars.removeFirst()
        }
        marks.append(Mark(start: opened.removeLast(), end: text.count, label: label))
      default:
        text.append(scalar)
      }
    }
    self.text = String(text)
    self.marks = marks.sorted { ($0.start, $1.end) < ($1.start, $0.end) }
  }
}
