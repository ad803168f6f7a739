import Foundation
import Gazetag

extension Tag {
  /// Tags each line of a JSON Lines input; a bad line is reported and passed through unchanged.
  /// - Returns: whether every line was tagged.
  func tagRecords(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws
    -> Bool
  {
    let descriptor = item.isStandardInput ? STDIN_FILENO : open(item.source, O_RDONLY)
    guard descriptor >= 0 else {
      throw InputError.unreadable(path: item.source, reason: String(cString: strerror(errno)))
    }
    defer { if !item.isStandardInput { close(descriptor) } }
    let annotator = JSONLRecordAnnotator(
      tagger: tagger, textField: textField, offsets: offsets, chunkSize: chunkSize, jobs: jobs)
    var reader = LineReader(descriptor: descriptor)
    var number = 0
    var allTagged = true
    while var bytes = try nextLine(of: item, from: &reader) {
      number += 1
      if number == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      let place = "\(item.source):\(number)"
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        // Blank lines pass through, so that one line comes out per line in.
        try sink.write(bytes: bytes)
      } else if let offset = UTF8Validation.firstInvalidOffset(in: bytes), invalid == .error {
        report("\(place): byte \(offset) of the line: invalid UTF-8; passed through untagged")
        try sink.write(bytes: bytes)
        allTagged = false
      } else {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
          report(
            "\(place): byte \(offset) of the line: warning: invalid UTF-8 replaced with U+FFFD")
          bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
        }
        do {
          try annotate(bytes, with: annotator, into: sink)
        } catch let failure as JSONLRecordAnnotator.Failure {
          let error = InputError.invalidRecord(
            path: item.source, line: number, reason: failure.description)
          report(error.description)
          try sink.write(bytes: bytes)
          allTagged = false
        }
      }
      try sink.write("\n")
      try sink.flush()
    }
    return allTagged
  }

  /// The next line of `item`; a read error is the input's fault, not the run's.
  private func nextLine(of item: InputItem, from reader: inout LineReader) throws -> [UInt8]? {
    do {
      return try reader.nextLine()
    } catch let error as POSIXError {
      throw InputError.unreadable(
        path: item.source, reason: String(cString: strerror(error.code.rawValue)))
    }
  }

  /// Writes the record `line` with its spans to `sink`, or throws the annotator's failure
  /// before writing anything.
  private func annotate(
    _ line: [UInt8], with annotator: JSONLRecordAnnotator, into sink: OutputSink
  ) throws {
    var writeError: (any Error)?
    try line.withUnsafeBufferPointer { line in
      try annotator.annotate(utf8: line) { piece in
        guard writeError == nil else { return }
        do { try sink.write(buffer: piece) } catch { writeError = error }
      }
    }
    if let writeError { throw writeError }
  }
}
