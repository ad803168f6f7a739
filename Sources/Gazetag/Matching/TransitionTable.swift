/// The edges of a trie in one flat open-addressing hash table: (node, label) → child value.
///
/// No per-node objects: a million-pattern trie is one array of slots. Each slot holds the
/// packed edge key and the child's value side by side, so that a lookup reads one cache
/// line. Labels are key ids (≥ 0) or ``PhraseTrie/designatorLabel``; values are the trie's
/// packed ``PhraseTrie/Node`` words.
struct TransitionTable: Sendable {
  /// One edge: `UInt64(node) << 32 | UInt64(label)` (or ``empty``) and the child's value.
  private struct Slot {
    var key: UInt64
    var value: UInt64
  }

  private var slots: FlatTable<Slot>
  /// One bit per hash value modulo its size (16 or more per edge), set for every edge, made
  /// by ``buildFilter()``: most edges asked for in a text are missing, and this small table
  /// says so without reading a slot, which is likely a cache miss.
  private var filter = FlatTable<UInt64>()
  /// log2 of the number of bits in ``filter``.
  private var filterShift = 0
  /// log2 of the capacity.
  private var shift: Int
  /// The number of edges.
  private(set) var count = 0

  private static let empty = UInt64.max
  /// What ``value(of:label:)`` returns for a missing edge.
  static let missing = UInt64.max

  /// A table with room for `capacity` edges before it grows.
  init(capacity: Int = 8) {
    shift = 4
    while 1 << shift < capacity * 2 { shift += 1 }
    slots = FlatTable(
      Array(repeating: Slot(key: Self.empty, value: Self.missing), count: 1 << shift))
  }

  /// A table made of the words ``parts`` gave, as a compiled gazetteer stores them; words
  /// used in place stay in place.
  ///
  /// - Precondition: `slots` holds a power of two of (key, value) pairs and `filter` a power
  ///   of two of words, from ``parts`` of a table whose filter was built.
  init(parts: (slots: FlatTable<UInt64>, filter: FlatTable<UInt64>, count: Int)) {
    let pairs = parts.slots.count / 2
    precondition(
      parts.slots.count % 2 == 0 && pairs.nonzeroBitCount == 1 && pairs >= 16
        && parts.filter.count.nonzeroBitCount == 1 && parts.count < pairs,
      "inconsistent transition tables")
    if let words = parts.slots.borrowed, let base = words.baseAddress {
      let bound = UnsafeRawPointer(base).bindMemory(to: Slot.self, capacity: pairs)
      slots = FlatTable(
        borrowing: UnsafeBufferPointer(start: bound, count: pairs),
        owner: parts.slots.owner)
    } else {
      slots = FlatTable(
        parts.slots.array.withUnsafeBytes { raw in
          [Slot](unsafeUninitializedCapacity: pairs) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
            initialized = pairs
          }
        })
    }
    shift = pairs.trailingZeroBitCount
    filter = parts.filter
    filterShift = parts.filter.count.trailingZeroBitCount + 6
    count = parts.count
  }

  /// The slots as (key, value) words, the filter and the number of edges, for a compiled
  /// gazetteer.
  var parts: (slots: [UInt64], filter: [UInt64], count: Int) {
    let words = slots.withUnsafeBufferPointer { pairs in
      [UInt64](unsafeUninitializedCapacity: pairs.count * 2) { buffer, initialized in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(pairs))
        initialized = pairs.count * 2
      }
    }
    return (words, filter.elements, count)
  }

  @inline(__always)
  private static func pack(_ node: Int32, _ label: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: label))
  }

  @inline(__always)
  private func home(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - shift))
  }

  /// The value of the child of `node` along `label`, or ``missing``.
  ///
  /// - Complexity: O(1) on average.
  @inline(__always)
  func value(of node: Int32, label: Int32) -> UInt64 {
    let key = Self.pack(node, label)
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count &- 1
      var index = home(key)
      while true {
        let slot = slots[index]
        if slot.key == key { return slot.value }
        if slot.key == Self.empty { return Self.missing }
        index = (index &+ 1) & mask
      }
    }
  }

  /// ``value(of:label:)``, answered from the filter when it shows the edge is missing.
  ///
  /// - Precondition: ``buildFilter()`` has run since the last edge was added.
  @inline(__always)
  func filteredValue(of node: Int32, label: Int32) -> UInt64 {
    let hash = Self.pack(node, label) &* 0x9E37_79B9_7F4A_7C15
    let bit = Int(truncatingIfNeeded: hash >> UInt64(64 - filterShift))
    let word = filter.withUnsafeBufferPointer { $0[bit >> 6] }
    guard word & (1 << UInt64(bit & 63)) != 0 else { return Self.missing }
    return value(of: node, label: label)
  }

  /// Makes the filter of ``filteredValue(of:label:)`` for the edges added so far.
  mutating func buildFilter() {
    filterShift = 6
    while 1 << filterShift < count * 16 { filterShift += 1 }
    var filter = [UInt64](repeating: 0, count: 1 << (filterShift - 6))
    for slot in slots.array where slot.key != Self.empty {
      let hash = slot.key &* 0x9E37_79B9_7F4A_7C15
      let bit = Int(truncatingIfNeeded: hash >> UInt64(64 - filterShift))
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    self.filter = FlatTable(filter)
  }

  /// Adds the edge from `node` along `label` with the child's `value`; the edge must be new.
  mutating func insert(from node: Int32, label: Int32, value: UInt64) {
    if (count + 1) * 2 > slots.count { grow() }
    put(Self.pack(node, label), value)
    count += 1
  }

  /// Replaces every edge's value by `transform(value)`.
  mutating func updateValues(_ transform: (UInt64) -> UInt64) {
    for index in slots.array.indices where slots.array[index].key != Self.empty {
      slots.array[index].value = transform(slots.array[index].value)
    }
  }

  /// Calls `body` with the node each edge leaves.
  func forEachParent(_ body: (Int32) -> Void) {
    slots.withUnsafeBufferPointer { slots in
      for slot in slots where slot.key != Self.empty {
        body(Int32(truncatingIfNeeded: slot.key >> 32))
      }
    }
  }

  private mutating func put(_ key: UInt64, _ value: UInt64) {
    let mask = slots.count - 1
    var index = home(key)
    while slots.array[index].key != Self.empty {
      precondition(slots.array[index].key != key, "an edge may be added only once")
      index = (index + 1) & mask
    }
    slots.array[index] = Slot(key: key, value: value)
  }

  private mutating func grow() {
    let old = slots.array
    shift += 1
    slots = FlatTable(
      Array(repeating: Slot(key: Self.empty, value: Self.missing), count: 1 << shift))
    for slot in old where slot.key != Self.empty {
      put(slot.key, slot.value)
    }
  }
}
