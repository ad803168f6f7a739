import Foundation
import Gazetag

extension Tag {
  /// Tags each line of a JSON Lines input; a bad line is reported and passed through unchanged.
  ///
  /// Lines are tagged by `jobs` threads through a ``BatchScheduler`` and written in order.
  /// Only lines already read are batched: before a read that would wait for input, every line
  /// read so far is tagged and written out, so that a pipe stage answers each line without
  /// waiting for the next. A line longer than the chunk size is tagged on its own, its spans
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
    let scheduler = BatchScheduler<RecordTagging.Line, RecordTagging.Tagged, Never>(
      workers: jobs == 1 ? 0 : jobs, window: 64 * jobs, budget: 4 * chunkSize,
      work: { tagging.tag($0) },
      deliver: { outcome in
        let tagged = outcome.get()
        if !tagged.messages.isEmpty {
          // Standard output first, so that a message comes out beside its line.
          try sink.flush()
          tagged.messages.forEach { report($0) }
        }
        try sink.write(bytes: tagged.output)
        allTagged = tagged.isTagged && allTagged
      })
    defer { scheduler.cancel() }
    let reader = LineReader(descriptor: descriptor)
    var number = 0
    do {
      while try reader.withNextLine(
        beforeWaiting: {
          try scheduler.drain()
          try sink.flush()
        },
        { line in
          number += 1
          ProgressLine.advance(bytes: line.count + 1)
          if line.count <= chunkSize {
            try scheduler.submit(.init(number: number, bytes: Array(line)), cost: line.count)
            return
          }
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
      try scheduler.finish()
    } catch let failure as LineReader.ReadFailure {
      try scheduler.finish()
      throw InputError.unreadable(path: item.source, reason: failure.reason)
    }
    try sink.flush()
    return allTagged
  }
}
