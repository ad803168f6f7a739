/// The edges of a trie in one flat open-addressing hash table: (node, label) → child node.
///
/// No per-node objects: a million-pattern trie is two arrays, one of packed keys and one of
/// children. Labels are key ids (≥ 0) or ``PhraseTrie/designatorLabel``.
struct TransitionTable: Sendable {
  /// `UInt64(node) << 32 | UInt64(label)` per slot, or ``empty``.
  private var keys: [UInt64]
  /// The child of each occupied slot.
  private var children: [Int32]
  /// log2 of the capacity.
  private var shift: Int
  /// The number of edges.
  private(set) var count = 0

  private static let empty = UInt64.max

  /// A table with room for `capacity` edges before it grows.
  init(capacity: Int = 8) {
    shift = 4
    while 1 << shift < capacity * 2 { shift += 1 }
    keys = Array(repeating: Self.empty, count: 1 << shift)
    children = Array(repeating: -1, count: 1 << shift)
  }

  @inline(__always)
  private static func pack(_ node: Int32, _ label: Int32) -> UInt64 {
    UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: label))
  }

  @inline(__always)
  private func home(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - shift))
  }

  /// The child of `node` along `label`, or -1.
  ///
  /// - Complexity: O(1) on average.
  @inline(__always)
  func child(of node: Int32, label: Int32) -> Int32 {
    let key = Self.pack(node, label)
    return keys.withUnsafeBufferPointer { keys in
      let mask = keys.count - 1
      var index = home(key)
      while true {
        let stored = keys[index]
        if stored == key { return children[index] }
        if stored == Self.empty { return -1 }
        index = (index + 1) & mask
      }
    }
  }

  /// Adds the edge `node` → `child` along `label`, which must be new.
  mutating func insert(from node: Int32, label: Int32, to child: Int32) {
    if (count + 1) * 2 > keys.count { grow() }
    put(Self.pack(node, label), child)
    count += 1
  }

  private mutating func put(_ key: UInt64, _ child: Int32) {
    let mask = keys.count - 1
    var index = home(key)
    while keys[index] != Self.empty {
      precondition(keys[index] != key, "an edge may be added only once")
      index = (index + 1) & mask
    }
    keys[index] = key
    children[index] = child
  }

  private mutating func grow() {
    let (oldKeys, oldChildren) = (keys, children)
    shift += 1
    keys = Array(repeating: Self.empty, count: 1 << shift)
    children = Array(repeating: -1, count: 1 << shift)
    for (key, child) in zip(oldKeys, oldChildren) where key != Self.empty {
      put(key, child)
    }
  }
}
