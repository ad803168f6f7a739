import Dispatch
import Foundation
import Gazetag

extension Tag {
  /// Inputs of at most this many bytes are read whole and tagged several at a time; larger
  /// ones and standard input are streamed.
  var streamingThreshold: Int { 2 * chunkSize }

  /// Tags plain-text inputs in order: runs of small files in parallel batches, large files
  /// and standard input streamed (each in `jobs` pieces).
  /// - Returns: whether every input was tagged.
  ///
  /// - Parameter ahead: inputs already decoded, by their index in `inputs`.
  func tagTexts(
    _ inputs: [InputItem], tagger: Tagger, outputs: Outputs, ahead: DecodedAhead? = nil
  ) throws -> Bool {
    var allTagged = true
    var index = 0
    while index < inputs.count {
      // A batch of small files: large enough that the threads rarely wait for each other at
      // its end, small enough (in bytes) to keep memory bounded.
      let first = index
      var batch: [InputItem] = []
      var batchBytes = 0
      while index < inputs.count, batch.count < jobs * 256, batchBytes < 16 * streamingThreshold,
        let size = inputs[index].regularFileSize, size <= streamingThreshold
      {
        batch.append(inputs[index])
        batchBytes += size
        index += 1
      }
      if batch.isEmpty {
        let item = inputs[index]
        index += 1
        do {
          let sink = try outputs.open(item)
          try stream(item, tagger: tagger, into: sink)
          try outputs.close(sink)
        } catch let error as InputError {
          report(error)
          allTagged = false
        }
        continue
      }
      allTagged =
        try tagBatch(batch, from: first, tagger: tagger, outputs: outputs, ahead: ahead)
        && allTagged
    }
    return allTagged
  }

  /// Reads, tags and writes small inputs with `jobs` threads (`concurrentPerform` alone would
  /// use every core, whatever `--jobs` says). Each thread takes the next input not yet taken;
  /// outputs are written in input order by whichever thread completes the run of finished
  /// inputs, so no thread waits for another to write.
  /// - Returns: whether every input was tagged.
  ///
  /// - Parameter first: the index of the batch's first input among all inputs.
  private func tagBatch(
    _ batch: [InputItem], from first: Int, tagger: Tagger, outputs: Outputs,
    ahead: DecodedAhead?
  ) throws -> Bool {
    let writer = format.writer(offsets: offsets, gazetteer: tagger.gazetteer)
    let policy = invalid
    let order = InputOrder<Result<(output: [UInt8], replaced: Int?), InputError>>(
      count: batch.count
    ) { index, result in
      let item = batch[index]
      switch result {
      case .success(let (output, replaced)):
        if let replaced { Self.warnReplaced(item, at: replaced) }
        do {
          let sink = try outputs.open(item)
          try sink.write(bytes: output)
          try outputs.close(sink)
        } catch let error as InputError {
          report(error)
          return false
        }
        return true
      case .failure(let error):
        report(error)
        return false
      }
    }
    DispatchQueue.concurrentPerform(iterations: min(jobs, batch.count)) { _ in
      while let index = order.take() {
        let item = batch[index]
        order.deliver(
          index,
          Result { () throws(InputError) -> (output: [UInt8], replaced: Int?) in
            var decoded: TextDecoding.Decoded
            if let early = ahead?.take(first + index) {
              decoded = try early.get()
            } else {
              decoded = try TextDecoding.decode(item.readAll(), path: item.source, invalid: policy)
            }
            var output: [UInt8] = []
            decoded.text.withUTF8 {
              writer.write(tagging: $0, source: item.source, with: tagger, to: &output)
            }
            return (output, decoded.firstReplacement)
          })
      }
    }
    return try order.outcome()
  }

  /// Tags one input in bounded memory, writing its spans as they become final. The input is
  /// read once and each piece is checked as it arrives, so what is tagged is exactly what was
  /// read and checked, even if the file changes meanwhile. The output of a regular file is held
  /// until the file has been read to its end, so a bad file produces no output; standard input,
  /// pipes and devices may never end, so their output is written as it comes, and a fault
  /// after it has begun closes the document early.
  private func stream(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws {
    guard let writer = format.writer(offsets: offsets, gazetteer: tagger.gazetteer) as? SpanWriter
    else { preconditionFailure("only span writers stream") }
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
      try item.forEachChunk { try document.add(streaming.append(try decoder.decode($0))) }
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
