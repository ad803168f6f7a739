import Foundation
import Gazetag

extension Tag {
  /// Tags each line of a JSON Lines input; a bad line is reported and passed through unchanged.
  /// - Returns: whether every line was tagged.
  func tagRecords(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws
    -> Bool
  {
    let descriptor = try item.openDescriptor()
    defer { item.closeDescriptor(descriptor) }
    let annotator = JSONLRecordAnnotator(
      tagger: tagger, textField: textField, offsets: offsets)
    var reader = LineReader(descriptor: descriptor)
    var number = 0
    var allTagged = true
    while var bytes = try reader.nextLine() {
      number += 1
      if number == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      let place = "\(item.source):\(number)"
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        // Blank lines pass through, so that one line comes out per line in.
        try sink.write(bytes: bytes + [0x0A])
      } else if let offset = UTF8Validation.firstInvalidOffset(in: bytes), invalid == .error {
        report("\(place): byte \(offset) of the line: invalid UTF-8; passed through untagged")
        try sink.write(bytes: bytes + [0x0A])
        allTagged = false
      } else {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
          report(
            "\(place): byte \(offset) of the line: warning: invalid UTF-8 replaced with U+FFFD")
        }
        let line = String(decoding: bytes, as: UTF8.self)
        switch Result(catching: { () throws(JSONLRecordAnnotator.Failure) in
          try annotator.annotate(line)
        }) {
        case .success(let annotated):
          try sink.write(annotated + "\n")
        case .failure(let failure):
          let error = InputError.invalidRecord(
            path: item.source, line: number, reason: failure.description)
          report(error.description)
          try sink.write(bytes: bytes + [0x0A])
          allTagged = false
        }
      }
      try sink.flush()
    }
    return allTagged
  }
}
