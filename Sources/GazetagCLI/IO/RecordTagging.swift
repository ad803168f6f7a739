import Gazetag

/// Tags the lines of a JSON Lines input: each record with its spans, or the line unchanged
/// when it cannot be tagged, with the messages that say why. Safe to use from several threads.
struct RecordTagging: Sendable {
  /// Lines to tag, one after another in one buffer, each without its line break.
  struct Batch: Sendable {
    var bytes: [UInt8] = []
    /// Each line's number in the input (from 1) and where it ends in `bytes`.
    var lines: [(number: Int, end: Int)] = []

    mutating func append(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
      bytes.append(contentsOf: line)
      lines.append((number, bytes.count))
    }
  }

  /// What a batch gave: the bytes to write (line breaks included), and the messages to
  /// report, each before the byte of `output` it names.
  struct Tagged: Sendable {
    var output: [UInt8] = []
    var messages: [(before: Int, text: String)] = []
    /// Whether every line was tagged (a blank line counts as tagged).
    var isTagged = true
  }

  let annotator: JSONLRecordAnnotator
  /// The input, for messages.
  let source: String
  let invalid: TextDecoding.InvalidPolicy

  /// Tags the lines of `batch`, gathering their output and messages.
  func tag(_ batch: Batch) -> Tagged {
    var tagged = Tagged()
    tagged.output.reserveCapacity(batch.bytes.count + batch.bytes.count / 2)
    batch.bytes.withUnsafeBufferPointer { bytes in
      var start = 0
      for (number, end) in batch.lines {
        let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
        start = end
        // Neither closure throws, so neither does `tag`.
        let isTagged =
          (try? tag(
            line, number: number,
            emit: { tagged.output.append(contentsOf: $0) },
            report: { tagged.messages.append((tagged.output.count, $0)) })) ?? false
        tagged.isTagged = isTagged && tagged.isTagged
      }
    }
    return tagged
  }

  /// Tags the line `line` (without its line break), passing its output (its line break
  /// included) to `emit` and each message to `report`, which comes before the line's output.
  /// - Returns: whether the line was tagged (a blank line counts as tagged).
  /// - Throws: what `emit` or `report` throws.
  func tag(
    _ line: UnsafeBufferPointer<UInt8>, number: Int,
    emit: (UnsafeBufferPointer<UInt8>) throws -> Void, report: (String) throws -> Void
  ) throws -> Bool {
    var line = line
    if number == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) {
      line = UnsafeBufferPointer(rebasing: line[3...])
    }
    let place = "\(source):\(number)"
    var tagged = true
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
      // Blank lines pass through, so that one line comes out per line in.
      try emit(line)
    } else if let offset = UTF8Validation.firstInvalidOffset(in: line), invalid == .error {
      try report("\(place): byte \(offset) of the line: invalid UTF-8; passed through untagged")
      try emit(line)
      tagged = false
    } else {
      var repaired: [UInt8]?
      if let offset = UTF8Validation.firstInvalidOffset(in: line) {
        try report(
          "\(place): byte \(offset) of the line: warning: invalid UTF-8 replaced with U+FFFD")
        repaired = Array(String(decoding: line, as: UTF8.self).utf8)
      }
      do {
        if let repaired {
          try repaired.withUnsafeBufferPointer { try annotate($0, emit: emit) }
        } else {
          try annotate(line, emit: emit)
        }
      } catch let failure as JSONLRecordAnnotator.Failure {
        let error = InputError.invalidRecord(path: source, line: number, reason: describe(failure))
        try report(error.description)
        try emit(line)
        tagged = false
      }
    }
    try [UInt8(ascii: "\n")].withUnsafeBufferPointer { try emit($0) }
    return tagged
  }

  /// Passes the record `line` with its spans to `emit`, or throws the annotator's failure
  /// before passing anything.
  private func annotate(
    _ line: UnsafeBufferPointer<UInt8>, emit: (UnsafeBufferPointer<UInt8>) throws -> Void
  ) throws {
    var emitError: (any Error)?
    try annotator.annotate(utf8: line) { piece in
      guard emitError == nil else { return }
      do { try emit(piece) } catch { emitError = error }
    }
    if let emitError { throw emitError }
  }
}
