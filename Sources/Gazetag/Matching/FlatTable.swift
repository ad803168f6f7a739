/// The elements of one of the matcher's tables: an array while the table is built, or
/// elements used in place in a compiled gazetteer's bytes (a mapped file, or the bundled
/// gazetteer embedded in the binary), so that loading one copies nothing.
///
/// Reading is the same either way; only a table built in memory changes, through ``array``.
struct FlatTable<Element: BitwiseCopyable>: @unchecked Sendable {
  /// The elements of a table built in memory; empty for one used in place.
  var array: [Element]
  /// The elements used in place, if any.
  let borrowed: UnsafeBufferPointer<Element>?
  /// What keeps ``borrowed`` valid, or `nil` for bytes that live as long as the process.
  let owner: CompiledBytes?

  /// A table built in memory, starting with `array`.
  init(_ array: [Element] = []) {
    self.array = array
    borrowed = nil
    owner = nil
  }

  /// A table of the elements at `elements`, used in place for as long as `owner` lives.
  init(borrowing elements: UnsafeBufferPointer<Element>, owner: CompiledBytes?) {
    array = []
    borrowed = elements
    self.owner = owner
  }

  /// The number of elements.
  var count: Int { borrowed?.count ?? array.count }

  /// The element at `index`.
  subscript(index: Int) -> Element {
    @inline(__always) get {
      if let borrowed { return borrowed[index] }
      return array[index]
    }
  }

  /// Calls `body` with the elements.
  @inline(__always)
  func withUnsafeBufferPointer<Result>(
    _ body: (UnsafeBufferPointer<Element>) throws -> Result
  ) rethrows -> Result {
    if let borrowed { return try body(borrowed) }
    return try array.withUnsafeBufferPointer(body)
  }

  /// The elements as an array (a copy for a table used in place).
  var elements: [Element] { borrowed.map { Array($0) } ?? array }
}
