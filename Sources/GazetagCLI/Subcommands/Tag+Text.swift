import Foundation
import Gazetag

extension Tag {
  /// Inputs of at most this many bytes are read whole and tagged several at a time; larger
  /// ones and standard input are streamed.
  var streamingThreshold: Int { 2 * chunkSize }

  /// Tags plain-text inputs in order: small files by `jobs` threads at a time (a
  /// ``BatchScheduler`` whose window bounds the files, and bytes, in flight), large files and
  /// standard input streamed (each in `jobs` pieces) once the files before them are written.
  /// - Returns: whether every input was tagged.
  ///
  /// - Parameter ahead: inputs already decoded, by their index in `inputs`.
  func tagTexts(
    _ inputs: [InputItem], tagger: Tagger, outputs: Outputs, ahead: DecodedAhead? = nil
  ) throws -> Bool {
    var allTagged = true
    let writer = writer(for: tagger)
    let copiesText = writer.needs.contains(.textCopy)
    let policy = invalid
    // The sizes of the small inputs submitted, for the progress line, and how many of them
    // have been delivered.
    var sizes: [Int] = []
    var delivered = 0
    // The window is large enough that the threads rarely wait for the writing, small enough
    // (in bytes) to keep memory bounded.
    let scheduler = BatchScheduler<(index: Int, item: InputItem), TaggedText, InputError>(
      workers: jobs == 1 ? 0 : jobs, window: jobs * 256, budget: 16 * streamingThreshold,
      work: { job throws(InputError) in
        var decoded: TextDecoding.Decoded
        if let early = ahead?.take(job.index) {
          decoded = try early.get()
        } else {
          decoded = try TextDecoding.decode(
            job.item.readAll(), path: job.item.source, invalid: policy)
        }
        var output: [UInt8] = []
        decoded.text.withUTF8 {
          writer.write(tagging: $0, source: job.item.source, with: tagger, to: &output)
        }
        return TaggedText(
          item: job.item, output: output, replaced: decoded.firstReplacement,
          text: copiesText ? Array(decoded.text.utf8) : nil)
      },
      deliver: { outcome in
        defer {
          ProgressLine.finishInput(bytes: sizes[delivered])
          delivered += 1
        }
        do {
          let tagged = try outcome.get()
          if let replaced = tagged.replaced { Self.warnReplaced(tagged.item, at: replaced) }
          try write(tagged, to: outputs)
        } catch let error as InputError {
          report(error)
          allTagged = false
        }
      })
    defer { scheduler.cancel() }
    for (index, item) in inputs.enumerated() {
      if let size = item.regularFileSize, size <= streamingThreshold {
        sizes.append(size)
        try scheduler.submit((index, item), cost: size)
        continue
      }
      try scheduler.drain()
      do {
        if writer is any SpanWriter {
          let sink = try outputs.open(item)
          try stream(item, tagger: tagger, into: sink)
          try outputs.close(sink)
        } else {
          try tagWhole(item, tagger: tagger, outputs: outputs)
        }
      } catch let error as InputError {
        report(error)
        allTagged = false
      }
      ProgressLine.finishInput()
    }
    try scheduler.finish()
    return allTagged
  }

  /// A small input's output, written whole once those before it are.
  struct TaggedText: Sendable {
    var item: InputItem
    var output: [UInt8]
    /// The byte offset of the first invalid UTF-8 replaced, if any.
    var replaced: Int?
    /// The text, when the writer wants a copy of it (``DocumentNeeds/textCopy``).
    var text: [UInt8]?
  }

  /// Writes one input's output (and the copy of its text) to its output.
  private func write(_ tagged: TaggedText, to outputs: Outputs) throws {
    let sink = try outputs.open(tagged.item)
    if let text = tagged.text { try outputs.writeTextCopy(text, beside: sink) }
    try sink.write(bytes: tagged.output)
    try outputs.close(sink)
  }

  /// Tags one input read whole, for a writer that cannot write a document span by span: the
  /// output is written once the input has been read, checked and tagged.
  private func tagWhole(_ item: InputItem, tagger: Tagger, outputs: Outputs) throws {
    let writer = writer(for: tagger)
    let bytes = try item.readAll()
    ProgressLine.advance(bytes: bytes.count)
    var decoded = try TextDecoding.decode(bytes, path: item.source, invalid: invalid)
    var output: [UInt8] = []
    decoded.text.withUTF8 {
      writer.write(tagging: $0, source: item.source, with: tagger, to: &output)
    }
    if let replaced = decoded.firstReplacement { Self.warnReplaced(item, at: replaced) }
    let copy = writer.needs.contains(.textCopy) ? Array(decoded.text.utf8) : nil
    try write(TaggedText(item: item, output: output, text: copy), to: outputs)
  }

  /// Tags one input in bounded memory, writing its spans as they become final. The input is
  /// read once and each piece is checked as it arrives, so what is tagged is exactly what was
  /// read and checked, even if the file changes meanwhile. The output of a regular file is held
  /// until the file has been read to its end, so a bad file produces no output; standard input,
  /// pipes and devices may never end, so their output is written as it comes, and a fault
  /// after it has begun closes the document early.
  private func stream(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws {
    guard let writer = writer(for: tagger) as? any SpanWriter else {
      preconditionFailure("only span writers stream")
    }
    var decoder = UTF8StreamDecoder(path: item.source, policy: invalid)
    var streaming = StreamingTagger(tagger: tagger, chunkSize: chunkSize, jobs: jobs)
    // 1 MB of held output in memory is enough for a temporary file to take the rest in large
    // writes; a small --chunk-size lowers it, so that tests reach the temporary file.
    let held =
      item.regularFileSize == nil
      ? nil : HeldOutput(limit: min(1 << 20, streamingThreshold), source: item.source)
    let document = StreamedDocument(
      source: item.source, writer: writer, sink: sink, holding: held)
    do {
      try item.forEachChunk {
        ProgressLine.advance(bytes: $0.count)
        try document.add(streaming.append(try decoder.decode($0)))
      }
      try document.add(streaming.append(try decoder.finish()))
      try document.add(streaming.finish())
      try document.end()
    } catch let error as InputError {
      try document.abandon()
      throw error
    }
    if let offset = decoder.firstReplacement { Self.warnReplaced(item, at: offset) }
  }

  static func warnReplaced(_ item: InputItem, at offset: Int) {
    report("\(item.source): byte \(offset): warning: invalid UTF-8 replaced with U+FFFD")
  }
}
