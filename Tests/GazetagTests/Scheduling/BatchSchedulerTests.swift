import Dispatch
import Foundation
import Synchronization
import Testing

@testable import Gazetag

/// The batch scheduler: outcomes in submission order however the workers finish, a failure
/// in its item's place, a producer held back by the window and the budget, and a run that
/// ends when delivery fails or is cancelled.
@Suite struct BatchSchedulerTests {
  struct Odd: Error, Equatable { let value: Int }

  /// A gate that work waits at until it is opened.
  final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func open(after milliseconds: Int = 0) {
      if milliseconds == 0 {
        semaphore.signal()
        return
      }
      DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) {
        self.semaphore.signal()
      }
    }
    func pass() {
      semaphore.wait()
      semaphore.signal()
    }
  }

  @Test("an item that finishes after those behind it is still delivered first")
  func order() throws {
    let gate = Gate()
    let finished = Mutex<[Int]>([])
    var delivered: [Int] = []
    let scheduler = BatchScheduler<Int, Int, Never>(
      workers: 3, window: 16,
      work: { value in
        // Item 0 waits until item 5 has finished.
        if value == 0 { gate.pass() }
        finished.withLock { $0.append(value) }
        if value == 5 { gate.open() }
        return value * 10
      },
      deliver: { delivered.append($0.get()) })
    for value in 0..<10 { try scheduler.submit(value) }
    try scheduler.finish()
    #expect(delivered == (0..<10).map { $0 * 10 })
    #expect(finished.withLock { $0.firstIndex(of: 5)! < $0.firstIndex(of: 0)! })
  }

  @Test("a failing item is delivered in its place and the others go on", arguments: [0, 2])
  func failurePerItem(workers: Int) throws {
    var delivered: [Result<Int, Odd>] = []
    let scheduler = BatchScheduler<Int, Int, Odd>(
      workers: workers, window: 4,
      work: { value throws(Odd) in
        if value % 2 == 1 { throw Odd(value: value) }
        return value
      },
      deliver: { delivered.append($0) })
    for value in 0..<7 { try scheduler.submit(value) }
    try scheduler.finish()
    #expect(
      delivered.map { outcome in
        switch outcome {
        case .success(let value): "\(value)"
        case .failure(let odd): "odd \(odd.value)"
        }
      } == ["0", "odd 1", "2", "odd 3", "4", "odd 5", "6"])
  }

  /// Submits 0, 1, 2 while item 0 is held at a gate, and returns the order of events.
  func events(window: Int, budget: Int, cost: Int) throws -> [String] {
    let gate = Gate()
    var events: [String] = []
    let scheduler = BatchScheduler<Int, Int, Never>(
      workers: 2, window: window, budget: budget,
      work: { value in
        if value == 0 { gate.pass() }
        return value
      },
      deliver: { events.append("delivered \($0.get())") })
    gate.open(after: 50)
    for value in 0..<3 {
      try scheduler.submit(value, cost: cost)
      events.append("submitted \(value)")
      #expect(scheduler.inFlight <= window)
    }
    try scheduler.finish()
    return events
  }

  @Test("the producer waits while the window is full, delivering what comes")
  func windowBlocksProducer() throws {
    let events = try events(window: 2, budget: .max, cost: 1)
    #expect(events.firstIndex(of: "delivered 0")! < events.firstIndex(of: "submitted 2")!)
    #expect(
      events.filter { $0.hasPrefix("delivered") } == ["delivered 0", "delivered 1", "delivered 2"])
  }

  @Test("the producer waits while the budget is spent; an item may exceed it alone")
  func budgetBlocksProducer() throws {
    let events = try events(window: 100, budget: 10, cost: 6)
    #expect(events.firstIndex(of: "delivered 0")! < events.firstIndex(of: "submitted 1")!)
    #expect(try self.events(window: 100, budget: 10, cost: 20).count == 6)
  }

  struct Closed: Error {}

  @Test("a delivery that throws ends the run: later items are neither run nor delivered")
  func deliveryFailureCancels() throws {
    let ran = Mutex<Set<Int>>([])
    var delivered: [Int] = []
    let scheduler = BatchScheduler<Int, Int, Never>(
      workers: 1, window: 1,
      work: { value in
        ran.withLock { _ = $0.insert(value) }
        return value
      },
      deliver: { outcome in
        let value = outcome.get()
        if value == 2 { throw Closed() }
        delivered.append(value)
      })
    #expect(throws: Closed.self) {
      for value in 0..<10 { try scheduler.submit(value) }
    }
    try scheduler.submit(10)
    try scheduler.finish()
    #expect(delivered == [0, 1])
    // With a window of 1, the item after the failed one was never handed to a worker.
    #expect(ran.withLock { $0 } == [0, 1, 2])
  }

  @Test("cancel drops what is in flight; finish delivers everything and takes no more")
  func cancelAndFinish() throws {
    let gate = Gate()
    var delivered: [Int] = []
    let scheduler = BatchScheduler<Int, Int, Never>(
      workers: 2, window: 8,
      work: { value in
        gate.pass()
        return value
      },
      deliver: { delivered.append($0.get()) })
    for value in 0..<4 { try scheduler.submit(value) }
    scheduler.cancel()
    gate.open()
    try scheduler.finish()
    #expect(delivered == [])

    let finished = BatchScheduler<Int, Int, Never>(
      workers: 2, window: 3, work: { $0 }, deliver: { delivered.append($0.get()) })
    for value in 0..<50 { try finished.submit(value) }
    try finished.drain()
    #expect(delivered == Array(0..<50))
    try finished.finish()
    try finished.submit(99)
    #expect(finished.inFlight == 0 && delivered.count == 50)
  }
}
