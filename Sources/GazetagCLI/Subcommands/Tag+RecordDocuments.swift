import Foundation
import Gazetag

extension Tag {
  /// Tags each line of a JSON Lines input as one document of the output format (not JSON
  /// Lines, whose records keep their fields: ``tagRecords(_:tagger:into:)``). A record's
  /// document is its text field, its source `path:line`. A blank line is skipped; a line that
  /// cannot be tagged is reported and leaves no output.
  /// - Returns: whether every line was tagged.
  /// - Throws: ``InputError/unreadable(path:reason:)`` when the input cannot be read (the
  ///   records before have been written).
  func tagRecordDocuments(
    _ item: InputItem, tagger: Tagger, outputs: Outputs, into sink: OutputSink
  ) throws -> Bool {
    let descriptor = try item.openDescriptor()
    defer { item.closeDescriptor(descriptor) }
    let writer = writer(for: tagger)
    let annotator = JSONLRecordAnnotator(tagger: tagger, textField: textField)
    let reader = LineReader(descriptor: descriptor)
    var number = 0
    var allTagged = true
    do {
      while let output = try reader.withNextLine({ line in
        number += 1
        return recordDocument(line, number: number, of: item, with: annotator, writer: writer)
      }) {
        guard let output else {
          allTagged = false
          continue
        }
        guard !output.isEmpty else { continue }
        try outputs.startDocument(in: sink)
        try sink.write(bytes: output)
        try sink.flush()
      }
    } catch let failure as LineReader.ReadFailure {
      throw InputError.unreadable(path: item.source, reason: failure.reason)
    }
    return allTagged
  }

  /// The serialized document of one record line: empty for a blank line, `nil` after
  /// reporting why the line cannot be tagged.
  private func recordDocument(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, of item: InputItem,
    with annotator: JSONLRecordAnnotator, writer: any DocumentWriter
  ) -> [UInt8]? {
    var line = line
    if number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) {
      line = UnsafeBufferPointer(rebasing: line[3...])
    }
    let place = "\(item.source):\(number)"
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return [] }
    var repaired: [UInt8]?
    if let offset = UTF8Validation.firstInvalidOffset(in: line) {
      guard invalid == .replace else {
        report("\(place): byte \(offset) of the line: invalid UTF-8; skipped")
        return nil
      }
      report("\(place): byte \(offset) of the line: warning: invalid UTF-8 replaced with U+FFFD")
      repaired = Array(String(decoding: line, as: UTF8.self).utf8)
    }
    do {
      var text =
        try repaired?.withUnsafeBufferPointer { try annotator.text(ofRecord: $0) }
        ?? annotator.text(ofRecord: line)
      var output: [UInt8] = []
      text.withUnsafeBufferPointer {
        writer.write(tagging: $0, source: place, with: annotator.tagger, to: &output)
      }
      text.removeAll()
      return output
    } catch let failure as JSONLRecordAnnotator.Failure {
      report(
        InputError.invalidRecord(path: item.source, line: number, reason: describe(failure))
          .description)
      return nil
    } catch {
      preconditionFailure("unexpected error \(error)")
    }
  }
}
