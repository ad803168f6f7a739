import Dispatch
import Foundation
import Synchronization

/// Runs items on worker threads and hands their outcomes back in the order the items were
/// submitted, on the thread that submits them.
///
/// One thread (the producer) calls ``submit(_:cost:)`` for each item, ``drain()`` when it is
/// about to wait for input of its own, and ``finish()`` at the end. The workers only run
/// `work`; `deliver` is called on the producer's thread, once per item, in submission order,
/// so it may write to an output that is not thread-safe. An item that finished early waits in
/// memory for those before it.
///
/// - Memory is bounded: at most `window` items, and (unless a single item is larger) at most
///   `budget` units of cost, are in flight (submitted but not delivered); ``submit(_:cost:)``
///   blocks, delivering outcomes, until the item fits.
/// - Failures are per item: what `work` throws is delivered as that item's `.failure`, in
///   its place, and the other items go on.
/// - What `deliver` throws ends the run: items not yet started are dropped, and
///   ``submit(_:cost:)``, ``drain()`` or ``finish()`` rethrows it. ``cancel()`` does the same
///   without an error.
public final class BatchScheduler<Input: Sendable, Output: Sendable, Failure: Error> {
  /// What an item gave: its output, or what its work threw.
  public typealias Outcome = Result<Output, Failure>

  /// The most items in flight.
  public let window: Int
  /// The most cost in flight (a single item may exceed it).
  public let budget: Int

  private let shared: Shared?
  private let work: @Sendable (Input) throws(Failure) -> Output
  private let deliver: (Outcome) throws -> Void
  /// The costs of the items in flight, oldest first, from `costStart`.
  private var costs: [Int] = []
  private var costStart = 0
  private var costInFlight = 0
  private var submitted = 0
  private var delivered = 0
  private var isCancelled = false

  /// - Parameters:
  ///   - workers: the number of worker threads; 0 runs each item on the producer's thread as
  ///     it is submitted, with no thread of its own.
  ///   - window: the most items in flight (at least 1).
  ///   - budget: the most cost in flight (e.g. bytes of input).
  ///   - work: what to do with an item; runs on a worker thread.
  ///   - deliver: receives each item's outcome, in submission order, on the producer's thread.
  public init(
    workers: Int, window: Int, budget: Int = .max,
    work: @escaping @Sendable (Input) throws(Failure) -> Output,
    deliver: @escaping (Outcome) throws -> Void
  ) {
    precondition(workers >= 0 && window >= 1 && budget >= 1)
    self.window = window
    self.budget = budget
    self.work = work
    self.deliver = deliver
    if workers == 0 {
      shared = nil
    } else {
      let shared = Shared(workers: workers, work: work)
      self.shared = shared
      for _ in 0..<workers {
        Thread.detachNewThread { shared.runWorker() }
      }
    }
  }

  deinit {
    shared?.close()
  }

  /// The number of items submitted and not yet delivered.
  public var inFlight: Int { submitted - delivered }

  /// Queues `input` for a worker, first delivering outcomes (and waiting for them) until it
  /// fits in the window and the budget; delivers every outcome that is ready in order.
  ///
  /// - Throws: what `deliver` threw (then nothing more is run or delivered).
  public func submit(_ input: Input, cost: Int = 1) throws {
    guard !isCancelled else { return }
    guard let shared else {
      // No workers: the item is run and delivered at once.
      submitted += 1
      let outcome = Result { () throws(Failure) in try work(input) }
      delivered += 1
      try hand(outcome)
      return
    }
    while inFlight >= window || (inFlight > 0 && costInFlight + cost > budget) {
      try deliverReady(waiting: true)
      guard !isCancelled else { return }
    }
    costs.append(cost)
    costInFlight += cost
    shared.enqueue(index: submitted, input)
    submitted += 1
    try deliverReady(waiting: false)
  }

  /// Waits for every submitted item and delivers its outcome: call it before the producer
  /// blocks (e.g. on input that may be slow to come), so that nothing tagged waits for it.
  ///
  /// - Throws: what `deliver` threw.
  public func drain() throws {
    while inFlight > 0 && !isCancelled {
      try deliverReady(waiting: true)
    }
  }

  /// Delivers every outstanding outcome and stops the workers; the scheduler takes no more
  /// items.
  ///
  /// - Throws: what `deliver` threw.
  public func finish() throws {
    defer { cancel() }
    try drain()
  }

  /// Stops the run: items not yet started are dropped, outcomes not yet delivered are never
  /// delivered, and further submissions are ignored.
  public func cancel() {
    isCancelled = true
    shared?.close()
  }

  /// Delivers the outcomes that are next in order and ready; with `waiting`, first waits
  /// until at least one is.
  private func deliverReady(waiting: Bool) throws {
    guard let shared else { return }
    while inFlight > 0 {
      let ready = shared.takeReady(from: delivered)
      if ready.isEmpty {
        guard waiting else { return }
        shared.waitForOutcome()
        continue
      }
      for outcome in ready {
        delivered += 1
        costInFlight -= costs[costStart]
        costStart += 1
        try hand(outcome)
      }
      if costStart > 1024 && costStart * 2 > costs.count {
        costs.removeFirst(costStart)
        costStart = 0
      }
      return
    }
  }

  private func hand(_ outcome: Outcome) throws {
    do {
      try deliver(outcome)
    } catch {
      cancel()
      throw error
    }
  }
}
