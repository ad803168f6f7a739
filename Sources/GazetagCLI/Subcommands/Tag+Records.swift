import Foundation
import Gazetag

extension Tag {
  /// Tags each line of a JSON Lines input; a bad line is reported and passed through unchanged.
  /// - Returns: whether every line was tagged.
  /// - Throws: ``InputError/unreadable(path:reason:)`` when the input cannot be read (the
  ///   lines before have been written).
  func tagRecords(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws
    -> Bool
  {
    let descriptor = try item.openDescriptor()
    defer { item.closeDescriptor(descriptor) }
    let annotator = JSONLRecordAnnotator(
      tagger: tagger, textField: textField, offsets: offsets, chunkSize: chunkSize, jobs: jobs)
    let reader = LineReader(descriptor: descriptor)
    var number = 0
    var allTagged = true
    do {
      while let tagged = try reader.withNextLine({ line in
        number += 1
        return try tagRecord(line, number: number, of: item, with: annotator, into: sink)
      }) {
        allTagged = tagged && allTagged
      }
    } catch let failure as LineReader.ReadFailure {
      throw InputError.unreadable(path: item.source, reason: failure.reason)
    }
    return allTagged
  }

  /// Writes one line of a JSON Lines input with its spans, or unchanged when it cannot be
  /// tagged, and reports why.
  /// - Returns: whether the line was tagged (a blank line counts as tagged).
  private func tagRecord(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, of item: InputItem,
    with annotator: JSONLRecordAnnotator, into sink: OutputSink
  ) throws -> Bool {
    var line = line
    if number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) {
      line = UnsafeBufferPointer(rebasing: line[3...])
    }
    let place = "\(item.source):\(number)"
    var tagged = true
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      // Blank lines pass through, so that one line comes out per line in.
      try sink.write(buffer: line)
    } else if let offset = UTF8Validation.firstInvalidOffset(in: line), invalid == .error {
      report("\(place): byte \(offset) of the line: invalid UTF-8; passed through untagged")
      try sink.write(buffer: line)
      tagged = false
    } else {
      var repaired: [UInt8]?
      if let offset = UTF8Validation.firstInvalidOffset(in: line) {
        report("\(place): byte \(offset) of the line: warning: invalid UTF-8 replaced with U+FFFD")
        repaired = Array(String(decoding: line, as: UTF8.self).utf8)
      }
      do {
        if let repaired {
          try repaired.withUnsafeBufferPointer { try annotate($0, with: annotator, into: sink) }
        } else {
          try annotate(line, with: annotator, into: sink)
        }
      } catch let failure as JSONLRecordAnnotator.Failure {
        let error = InputError.invalidRecord(
          path: item.source, line: number, reason: describe(failure))
        report(error.description)
        try sink.write(buffer: line)
        tagged = false
      }
    }
    try sink.write("\n")
    try sink.flush()
    return tagged
  }

  /// Writes the record `line` with its spans to `sink`, or throws the annotator's failure
  /// before writing anything.
  private func annotate(
    _ line: UnsafeBufferPointer<UInt8>, with annotator: JSONLRecordAnnotator,
    into sink: OutputSink
  ) throws {
    var writeError: (any Error)?
    try annotator.annotate(utf8: line) { piece in
      guard writeError == nil else { return }
      do { try sink.write(buffer: piece) } catch { writeError = error }
    }
    if let writeError { throw writeError }
  }
}
