import Dispatch
import Foundation
import Gazetag
import Synchronization

/// Small inputs read and decoded on the main thread while the gazetteer loads on another, so
/// that with `--jobs 2` or more the second core has work from the start. Taken once each by
/// the jobs that tag them.
final class DecodedAhead: Sendable {
  typealias Outcome = Result<TextDecoding.Decoded, InputError>

  private let outcomes = Mutex<[Int: Outcome]>([:])

  /// Loads the tagger with `load` on another thread and meanwhile decodes inputs in order,
  /// those of at most `maximumSize` bytes, up to `budget` bytes in all; stops decoding as
  /// soon as the tagger is ready.
  ///
  /// - Returns: the tagger (or what `load` threw) and the inputs decoded so far.
  static func loading(
    _ load: @escaping @Sendable () throws -> Tagger, decoding inputs: [InputItem],
    maximumSize: Int, budget: Int, invalid: TextDecoding.InvalidPolicy
  ) throws -> (Tagger, DecodedAhead) {
    let ahead = DecodedAhead()
    let loaded = Loaded()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      loaded.set(Result(catching: load))
      done.signal()
    }
    var decoded = 0
    for (index, item) in inputs.enumerated() {
      guard loaded.isPending, let size = item.regularFileSize, size <= maximumSize,
        decoded + size <= budget
      else { break }
      let outcome = Result { () throws(InputError) in
        try TextDecoding.decode(item.readAll(), path: item.source, invalid: invalid)
      }
      ahead.outcomes.withLock { $0[index] = outcome }
      decoded += size
    }
    done.wait()
    return (try loaded.value!.get(), ahead)
  }

  /// The decoded input at `index` (its position among all inputs), if it was decoded ahead;
  /// it is handed out once.
  func take(_ index: Int) -> Outcome? {
    outcomes.withLock { $0.removeValue(forKey: index) }
  }

  /// The tagger's result, set once by the loading thread.
  private final class Loaded: Sendable {
    private let result = Mutex<Result<Tagger, any Error>?>(nil)

    var isPending: Bool { result.withLock { $0 == nil } }
    var value: Result<Tagger, any Error>? { result.withLock { $0 } }

    func set(_ result: Result<Tagger, any Error>) {
      self.result.withLock { $0 = result }
    }
  }
}
