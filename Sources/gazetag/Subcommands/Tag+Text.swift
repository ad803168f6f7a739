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
      allTagged = try tagBatch(batch, tagger: tagger, outputs: outputs) && allTagged
    }
    return allTagged
  }

  /// Reads, tags and writes small inputs with `jobs` threads. Each thread takes every
  /// `jobs`-th input and writes its output when its turn in input order comes, so that writing
  /// one input overlaps tagging the next. (`concurrentPerform` alone would use every core,
  /// whatever `--jobs` says.)
  /// - Returns: whether every input was tagged.
  private func tagBatch(_ batch: [InputItem], tagger: Tagger, outputs: Outputs) throws -> Bool {
    let writer = format.writer(offsets: offsets)
    let policy = invalid
    let turns = InputOrder()
    let workers = min(jobs, batch.count)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for index in stride(from: worker, to: batch.count, by: workers) {
        let item = batch[index]
        let result = Result { () throws(InputError) -> (text: String, replaced: Int?) in
          let decoded = try TextDecoding.decode(
            item.readAll(), path: item.source, invalid: policy)
          var text = ""
          writer.write(
            TaggedDocument(
              source: item.source, text: decoded.text, spans: tagger.spans(in: decoded.text)),
            to: &text)
          return (text, decoded.firstReplacement)
        }
        turns.when(index) {
          switch result {
          case .success(let (text, replaced)):
            if let replaced { Self.warnReplaced(item, at: replaced) }
            do {
              let sink = try outputs.open(item)
              try sink.write(text)
              try outputs.close(sink)
            } catch let error as InputError {
              report(error.description)
              return false
            }
            return true
          case .failure(let error):
            report(error.description)
            return false
          }
        }
      }
    }
    return try turns.outcome()
  }

  /// Tags one input in bounded memory, writing its spans as they become final. A file is
  /// checked whole before anything is written, so a bad file produces no output; standard input
  /// is checked as it arrives, and a fault after output has begun closes its document early.
  private func stream(_ item: InputItem, tagger: Tagger, into sink: OutputSink) throws {
    var isChecked = false
    if !item.isStandardInput {
      var check = UTF8StreamDecoder(path: item.source, policy: invalid)
      try item.forEachChunk { _ = try check.decode($0) }
      _ = try check.finish()
      isChecked = check.firstReplacement == nil
    }
    var decoder = UTF8StreamDecoder(path: item.source, policy: invalid, isChecked: isChecked)
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

/// Lets concurrent tasks act one at a time in input order: the task of index `i` runs its
/// turn after those of `0..<i`. Collects whether all turns succeeded and the first fatal error.
final class InputOrder: @unchecked Sendable {
  private let condition = NSCondition()
  private var next = 0
  private var allSucceeded = true
  private var fatal: (any Error)?

  /// Waits for turn `index`, then runs `turn` (which says whether its input succeeded).
  func when(_ index: Int, _ turn: () throws -> Bool) {
    condition.lock()
    while next != index { condition.wait() }
    if fatal == nil {
      do {
        if try !turn() { allSucceeded = false }
      } catch {
        fatal = error
      }
    }
    next += 1
    condition.broadcast()
    condition.unlock()
  }

  /// Whether every turn succeeded; rethrows the first error a turn threw.
  func outcome() throws -> Bool {
    condition.lock()
    defer { condition.unlock() }
    if let fatal { throw fatal }
    return allSucceeded
  }
}
