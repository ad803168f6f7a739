import Foundation
import Gazetag

extension Tag {
  /// Tags each line of a JSON Lines input; a bad line is reported and passed through unchanged.
  ///
  /// Lines are tagged by `jobs` threads through a ``BatchScheduler``, in batches of up to
  /// 1,024 lines or 256 KB, and written in order. Only lines already read are batched: before
  /// a read that would wait for input, every line read so far is tagged and written out, so
  /// that a pipe stage answers each line without waiting for the next. A line longer than the chunk size is tagged on its own, its spans
  /// written as they become final.
  /// - Returns: whether every line was tagged.
  /// - Throws: ``InputError/unreadable(path:reason:)`` when the input cannot be read (the
  ///   lines before have been written).
  func tagRecords(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws
    -> Bool
  {
    let descriptor = try item.openDescriptor()
    defer { item.closeDescriptor(descriptor) }
    let tagging = RecordTagging(
      annotator: JSONLRecordAnnotator(
        tagger: tagger, textField: textField, offsets: offsets, chunkSize: chunkSize, jobs: jobs),
      source: item.source, invalid: invalid)
    var allTagged = true
    let scheduler = BatchScheduler<RecordTagging.Batch, RecordTagging.Tagged, Never>(
      workers: jobs == 1 ? 0 : jobs, window: 4 * jobs, budget: 4 * chunkSize,
      work: { tagging.tag($0) },
      deliver: { outcome in
        let tagged = outcome.get()
        var written = 0
        try tagged.output.withUnsafeBufferPointer { output in
          for (before, message) in tagged.messages {
            try sink.write(buffer: UnsafeBufferPointer(rebasing: output[written..<before]))
            written = before
            // Standard output first, so that a message comes out beside its line.
            try sink.flush()
            report(message)
          }
          try sink.write(buffer: UnsafeBufferPointer(rebasing: output[written...]))
        }
        allTagged = tagged.isTagged && allTagged
      })
    defer { scheduler.cancel() }
    // Lines are handed to the workers in batches, so that the threads meet once per batch
    // rather than once per line.
    var batch = RecordTagging.Batch()
    func submitBatch() throws {
      guard !batch.lines.isEmpty else { return }
      try scheduler.submit(batch, cost: batch.bytes.count)
      batch = RecordTagging.Batch()
    }
    let reader = LineReader(descriptor: descriptor)
    var number = 0
    do {
      while try reader.withNextLine(
        beforeWaiting: {
          try submitBatch()
          try scheduler.drain()
          try sink.flush()
        },
        { line in
          number += 1
          ProgressLine.advance(bytes: line.count + 1)
          if line.count <= chunkSize {
            batch.append(line, number: number)
            if batch.lines.count == 1024 || batch.bytes.count >= 1 << 18 { try submitBatch() }
            return
          }
          try submitBatch()
          try scheduler.drain()
          let tagged = try tagging.tag(
            line, number: number,
            emit: { try sink.write(buffer: $0) },
            report: { message in
              try sink.flush()
              report(message)
            })
          allTagged = tagged && allTagged
        }) != nil
      {}
      try submitBatch()
      try scheduler.finish()
    } catch let failure as LineReader.ReadFailure {
      try submitBatch()
      try scheduler.finish()
      throw InputError.unreadable(path: item.source, reason: failure.reason)
    }
    try sink.flush()
    return allTagged
  }
}
