import Foundation

/// Hands out the indices of a batch to concurrent tasks and writes their results in input
/// order: a result that arrives early waits (in memory) until those before it are written.
/// Collects whether every write succeeded and the first error a write threw.
final class InputOrder<Value>: @unchecked Sendable {
  private let count: Int
  private let write: (Int, Value) throws -> Bool
  private let takeLock = NSLock()
  private var nextToTake = 0
  private let writeLock = NSLock()
  private var waiting: [Int: Value] = [:]
  private var nextToWrite = 0
  private var allSucceeded = true
  private var fatal: (any Error)?

  /// - Parameter write: writes the result of one index and says whether its input succeeded;
  ///   called once per index, in order, never by two threads at once.
  init(count: Int, write: @escaping (Int, Value) throws -> Bool) {
    self.count = count
    self.write = write
  }

  /// The next index to work on, or `nil` when every index has been taken.
  func take() -> Int? {
    takeLock.withLock {
      guard nextToTake < count else { return nil }
      defer { nextToTake += 1 }
      return nextToTake
    }
  }

  /// Hands over the result of `index`, then writes every result that is now next in order.
  func deliver(_ index: Int, _ value: Value) {
    writeLock.withLock {
      waiting[index] = value
      while let ready = waiting.removeValue(forKey: nextToWrite) {
        if fatal == nil {
          do {
            if try !write(nextToWrite, ready) { allSucceeded = false }
          } catch {
            fatal = error
          }
        }
        nextToWrite += 1
      }
    }
  }

  /// Whether every write succeeded; rethrows the first error a write threw.
  func outcome() throws -> Bool {
    try writeLock.withLock {
      if let fatal { throw fatal }
      return allSucceeded
    }
  }
}
