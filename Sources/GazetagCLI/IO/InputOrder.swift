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
  /// Whether a thread is writing results; only that thread touches the fields below.
  private var isWriting = false
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

  /// Hands over the result of `index`. Unless another thread is writing already, writes
  /// every result that is now next in order, outside the lock, so that a thread with a
  /// result to hand over never waits for a write.
  func deliver(_ index: Int, _ value: Value) {
    writeLock.lock()
    waiting[index] = value
    if isWriting {
      // The writing thread takes this result too when its turn comes.
      writeLock.unlock()
      return
    }
    isWriting = true
    while true {
      var ready: [(index: Int, value: Value)] = []
      while let next = waiting.removeValue(forKey: nextToWrite) {
        ready.append((nextToWrite, next))
        nextToWrite += 1
      }
      if ready.isEmpty {
        isWriting = false
        writeLock.unlock()
        return
      }
      writeLock.unlock()
      // Only the one thread that set isWriting gets here.
      for (index, value) in ready where fatal == nil {
        do {
          if try !write(index, value) { allSucceeded = false }
        } catch {
          fatal = error
        }
      }
      writeLock.lock()
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
