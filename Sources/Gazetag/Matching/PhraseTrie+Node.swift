extension PhraseTrie {
  /// A node as matching walks it, packed in one word so that the edge that leads to a node
  /// also tells whether any entry ends there and whether any edge leaves it: the id (low 32
  /// bits), where its entries start in the trie's entry list (31 bits, all ones for none) and
  /// whether it has children (the top bit).
  ///
  /// Until the trie is sealed only the id is set.
  struct Node: Equatable, Sendable {
    let raw: UInt64

    /// No node: where an edge is missing.
    static let missing = Node(raw: TransitionTable.missing)

    private static let noEntries: UInt64 = 0x7FFF_FFFF

    init(raw: UInt64) {
      self.raw = raw
    }

    /// A node of a trie being built: only its id.
    init(id: Int32) {
      raw = UInt64(UInt32(bitPattern: id))
    }

    /// A node of a sealed trie.
    init(id: Int32, entryStart: Int?, hasChildren: Bool) {
      raw =
        UInt64(UInt32(bitPattern: id))
        | (entryStart.map { UInt64($0) } ?? Self.noEntries) << 32
        | (hasChildren ? 1 << 63 : 0)
    }

    /// The node's id, or -1 for ``missing``.
    @inline(__always)
    var id: Int32 { Int32(truncatingIfNeeded: raw) }

    /// Whether this is a node at all.
    @inline(__always)
    var exists: Bool { raw != TransitionTable.missing }

    /// Whether any edge leaves the node.
    @inline(__always)
    var hasChildren: Bool { raw >> 63 != 0 }

    /// Where the node's entries start in the entry list, or `nil` if no pattern ends here.
    @inline(__always)
    var entryStart: Int? {
      let start = (raw >> 32) & Self.noEntries
      return start == Self.noEntries ? nil : Int(start)
    }
  }
}
