import Dispatch
import Synchronization

extension BatchScheduler {
  /// What the producer and the workers share: the items waiting for a worker and the
  /// outcomes waiting for delivery, behind one mutex, and a semaphore each way to wake the
  /// other side.
  final class Shared: Sendable {
    private struct State: ~Copyable {
      /// Items not yet taken by a worker, oldest first from `head`.
      var pending: [(index: Int, input: Input)] = []
      var head = 0
      /// Outcomes not yet delivered, by index.
      var outcomes: [Int: Outcome] = [:]
      var isClosed = false
    }

    private let state = Mutex(State())
    /// Signalled once per queued item, and once per worker on ``close()``.
    private let itemQueued = DispatchSemaphore(value: 0)
    /// Signalled once per outcome.
    private let outcomeReady = DispatchSemaphore(value: 0)
    private let work: @Sendable (Input) throws(Failure) -> Output
    /// The number of worker threads.
    private let workers: Int

    init(workers: Int, work: @escaping @Sendable (Input) throws(Failure) -> Output) {
      self.workers = workers
      self.work = work
    }

    func enqueue(index: Int, _ input: Input) {
      state.withLock { $0.pending.append((index, input)) }
      itemQueued.signal()
    }

    /// Takes items and runs them until ``close()``.
    func runWorker() {
      while true {
        itemQueued.wait()
        let next = state.withLock { state -> (index: Int, input: Input)? in
          guard !state.isClosed, state.head < state.pending.count else { return nil }
          let item = state.pending[state.head]
          state.head += 1
          if state.head > 1024 && state.head * 2 > state.pending.count {
            state.pending.removeFirst(state.head)
            state.head = 0
          }
          return item
        }
        guard let next else { return }
        let outcome = Result { () throws(Failure) in try work(next.input) }
        let stored = state.withLock { state in
          guard !state.isClosed else { return false }
          state.outcomes[next.index] = outcome
          return true
        }
        guard stored else { return }
        outcomeReady.signal()
      }
    }

    /// Removes and returns the outcomes of `first`, `first + 1`, … that are ready.
    func takeReady(from first: Int) -> [Outcome] {
      state.withLock { state in
        var ready: [Outcome] = []
        while let outcome = state.outcomes.removeValue(forKey: first + ready.count) {
          ready.append(outcome)
        }
        return ready
      }
    }

    /// Waits until a worker has stored an outcome (perhaps one already taken).
    func waitForOutcome() {
      outcomeReady.wait()
    }

    /// Drops the items not yet taken and the outcomes not yet delivered, and lets every
    /// worker end; idempotent.
    func close() {
      let wasClosed = state.withLock { state in
        defer {
          state.isClosed = true
          state.pending = []
          state.head = 0
          state.outcomes = [:]
        }
        return state.isClosed
      }
      guard !wasClosed else { return }
      for _ in 0..<workers { itemQueued.signal() }
    }
  }
}
