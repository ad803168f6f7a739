/// A trie over interned token keys: each alias of each entry is a path of keys (or the
/// designator slot) from the root, and the node it ends at lists the entries it names.
///
/// Keys are interned to `Int32` ids once, so that matching compares integers. A text token
/// whose key is not in ``vocabulary`` cannot take part in any match.
struct PhraseTrie: Sendable {
  /// One step of a pattern: a token key, or the designator slot of a family (`#`).
  enum Step: Hashable, Sendable {
    case key(String)
    case designator
  }

  struct Node: Sendable {
    var children: [Int32: Int32] = [:]
    var designatorChild: Int32 = -1
    var entries: [Int32] = []
  }

  private(set) var nodes: [Node] = [Node()]
  /// The id of every key that occurs in a pattern.
  private(set) var vocabulary: [String: Int32] = [:]

  /// The root node's index.
  static let root: Int32 = 0

  /// Adds a pattern for `entry`; adding the same pattern twice for one entry is a no-op.
  ///
  /// - Complexity: O(*k*) for a pattern of *k* steps.
  mutating func insert(_ steps: [Step], entry: Int32) {
    precondition(!steps.isEmpty, "a pattern needs at least one step")
    var node = Self.root
    for step in steps {
      node = child(of: node, for: step)
    }
    if !nodes[Int(node)].entries.contains(entry) {
      nodes[Int(node)].entries.append(entry)
    }
  }

  /// The node reached from `node` by the key `id`, or -1.
  @inline(__always)
  func child(of node: Int32, key id: Int32) -> Int32 {
    nodes[Int(node)].children[id] ?? -1
  }

  private mutating func child(of node: Int32, for step: Step) -> Int32 {
    switch step {
    case .designator:
      if nodes[Int(node)].designatorChild < 0 {
        nodes[Int(node)].designatorChild = Int32(nodes.count)
        nodes.append(Node())
      }
      return nodes[Int(node)].designatorChild
    case .key(let key):
      let id =
        vocabulary[key]
        ?? {
          let id = Int32(vocabulary.count)
          vocabulary[key] = id
          return id
        }()
      if let existing = nodes[Int(node)].children[id] { return existing }
      let created = Int32(nodes.count)
      nodes[Int(node)].children[id] = created
      nodes.append(Node())
      return created
    }
  }
}
