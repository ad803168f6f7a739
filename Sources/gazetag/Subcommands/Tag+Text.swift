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
  func tagTexts(_ inputs: [InputItem], tagger: Tagger, outputs: Outputs) throws -> Bool {
    var allTagged = true
    var index = 0
    while index < inputs.count {
      var batch: [InputItem] = []
      while index < inputs.count, batch.count < jobs * 4,
        let size = inputs[index].regularFileSize, size <= streamingThreshold
      {
        batch.append(inputs[index])
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
          report(error.description)
          allTagged = false
        }
        continue
      }
      for (item, result) in zip(batch, serialize(batch, tagger: tagger)) {
        switch result {
        case .success(let text):
          do {
            let sink = try outputs.open(item)
            try sink.write(text)
            try outputs.close(sink)
          } catch let error as InputError {
            report(error.description)
            allTagged = false
          }
        case .failure(let error):
          report(error.description)
          allTagged = false
        }
      }
    }
    return allTagged
  }

  /// Reads, tags and serializes small inputs, `jobs` at a time, in input order.
  private func serialize(_ batch: [InputItem], tagger: Tagger) -> [Result<String, InputError>] {
    let writer = format.writer(offsets: offsets)
    let policy = invalid
    let results = ResultSlots<String>(count: batch.count)
    DispatchQueue.concurrentPerform(iterations: batch.count) { index in
      let item = batch[index]
      let result = Result { () throws(InputError) -> String in
        let decoded = try TextDecoding.decode(item.readAll(), path: item.source, invalid: policy)
        if let offset = decoded.firstReplacement { Self.warnReplaced(item, at: offset) }
        var text = ""
        writer.write(
          TaggedDocument(
            source: item.source, text: decoded.text, spans: tagger.spans(in: decoded.text)),
          to: &text)
        return text
      }
      results.set(index, result)
    }
    return results.values
  }

  /// Tags one input in bounded memory, writing its spans as they become final. A file is
  /// checked whole before anything is written, so a bad file produces no output; standard input
  /// is checked as it arrives, and a fault after output has begun closes its document early.
  private func stream(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws {
    if !item.isStandardInput {
      var check = UTF8StreamDecoder(path: item.source, policy: invalid)
      try item.forEachChunk { _ = try check.decode($0) }
      _ = try check.finish()
    }
    var decoder = UTF8StreamDecoder(path: item.source, policy: invalid)
    var streaming = StreamingTagger(tagger: tagger, chunkSize: chunkSize, jobs: jobs)
    let document = StreamedDocument(
      source: item.source, writer: format.writer(offsets: offsets), sink: sink)
    do {
      try item.forEachChunk { try document.add(streaming.append(try decoder.decode($0))) }
      try document.add(streaming.append(try decoder.finish()))
      try document.add(streaming.finish())
      try document.end()
    } catch let error as InputError {
      if document.hasBegun { try document.end() }
      throw error
    }
    if let offset = decoder.firstReplacement { Self.warnReplaced(item, at: offset) }
  }

  static func warnReplaced(_ item: InputItem, at offset: Int) {
    report("\(item.source): byte \(offset): warning: invalid UTF-8 replaced with U+FFFD")
  }
}

/// Results of concurrent work, one slot per task, filled under a lock.
final class ResultSlots<Success>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Result<Success, InputError>?]

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ result: Result<Success, InputError>) {
    lock.withLock { slots[index] = result }
  }

  /// The results in task order; every slot must have been set.
  var values: [Result<Success, InputError>] {
    lock.withLock { slots.map { $0! } }
  }
}
