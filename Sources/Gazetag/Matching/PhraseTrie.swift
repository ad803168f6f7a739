/// A trie over interned token keys: each alias of each entry is a path of keys (or the
/// designator slot) from the root, and the node it ends at lists the entries it names.
///
/// Keys are interned to `Int32` ids once (``vocabulary``), so that matching compares
/// integers. A text token whose key is not in the vocabulary cannot take part in any match.
/// The trie is compact: nodes are bare integers, the root's edges an array indexed by key id,
/// every other edge one slot of a flat hash table, and each node's entries a linked list in
/// flat arrays, so a million patterns make a few arrays rather than millions of objects.
struct PhraseTrie: Sendable {
  /// One step of a pattern: a token key, or the designator slot of a family (`#`).
  enum Step: Hashable, Sendable {
    case key(String)
    case designator
  }

  /// The label of the edge to a designator slot, among key ids.
  static let designatorLabel: Int32 = -2

  /// The root node's index.
  static let root: Int32 = 0

  /// The id of every key that occurs in a pattern.
  private(set) var vocabulary = KeyVocabulary()
  /// The root's child along each key id, or -1.
  private var rootChildren: [Int32] = []
  /// Every other edge, designator edges included.
  private var transitions = TransitionTable()
  /// The first and last link of each node's entry list, or -1.
  private var firstLink: [Int32] = [-1]
  private var lastLink: [Int32] = [-1]
  /// Entry lists: the entry and the next link, or -1.
  private var links: [(entry: Int32, next: Int32)] = []
  /// Whether any pattern has a designator slot.
  private(set) var hasDesignators = false
  /// The labels of the last pattern inserted and the nodes along its path: patterns that
  /// come sorted share prefixes, which are then walked without a lookup.
  private var lastLabels: [Int32] = []
  private var lastPath: [Int32] = []

  init() {}

  /// An empty trie with room for about `patterns` patterns of a few steps each.
  init(expectedPatterns patterns: Int) {
    transitions = TransitionTable(capacity: patterns + patterns / 2)
    firstLink.reserveCapacity(patterns * 2 + 1)
    lastLink.reserveCapacity(patterns * 2 + 1)
    links.reserveCapacity(patterns)
  }

  /// The number of nodes, the root included.
  var nodeCount: Int { firstLink.count }

  /// Adds a pattern for `entry`; adding the same pattern twice for one entry is a no-op.
  ///
  /// - Complexity: O(*k*) for a pattern of *k* steps.
  mutating func insert(_ steps: [Step], entry: Int32) {
    var labels: [Int32] = []
    for step in steps {
      switch step {
      case .designator:
        labels.append(Self.designatorLabel)
      case .key(let key):
        var canonical = Normalizer.canonical(key)
        labels.append(canonical.withUTF8 { vocabulary.intern($0) })
      }
    }
    insert(labels: labels, entry: entry)
  }

  /// Adds a pattern given as key ids from ``vocabulary`` (or ``designatorLabel``) for
  /// `entry`; adding the same pattern twice for one entry is a no-op.
  ///
  /// - Complexity: O(*k*) for a pattern of *k* steps, on average.
  mutating func insert(labels: some Collection<Int32>, entry: Int32) {
    precondition(!labels.isEmpty, "a pattern needs at least one step")
    var shared = 0
    for label in labels {
      guard shared < lastLabels.count && lastLabels[shared] == label else { break }
      shared += 1
    }
    lastLabels.removeSubrange(shared...)
    lastPath.removeSubrange(shared...)
    var node = shared > 0 ? lastPath[shared - 1] : Self.root
    for label in labels.dropFirst(shared) {
      node = childInserting(of: node, label: label)
      lastLabels.append(label)
      lastPath.append(node)
    }
    var link = firstLink[Int(node)]
    while link >= 0 {
      if links[Int(link)].entry == entry { return }
      link = links[Int(link)].next
    }
    let new = Int32(links.count)
    links.append((entry, -1))
    if lastLink[Int(node)] >= 0 {
      links[Int(lastLink[Int(node)])].next = new
    } else {
      firstLink[Int(node)] = new
    }
    lastLink[Int(node)] = new
  }

  /// The id of `key` (canonical UTF-8), adding it to the vocabulary if it is new.
  mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    vocabulary.intern(key)
  }

  /// The node reached from `node` by the key `id`, or -1.
  @inline(__always)
  func child(of node: Int32, key id: Int32) -> Int32 {
    if node == Self.root {
      return id < rootChildren.count ? rootChildren[Int(id)] : -1
    }
    return transitions.child(of: node, label: id)
  }

  /// The node reached from `node` by a designator, or -1.
  @inline(__always)
  func designatorChild(of node: Int32) -> Int32 {
    hasDesignators ? transitions.child(of: node, label: Self.designatorLabel) : -1
  }

  /// Calls `body` with each entry that a pattern ending at `node` names, in insertion order.
  @inline(__always)
  func forEachEntry(at node: Int32, _ body: (Int32) -> Void) {
    var link = firstLink[Int(node)]
    while link >= 0 {
      let (entry, next) = links[Int(link)]
      body(entry)
      link = next
    }
  }

  /// The entries that patterns ending at `node` name, in insertion order.
  func entries(at node: Int32) -> [Int32] {
    var entries: [Int32] = []
    forEachEntry(at: node) { entries.append($0) }
    return entries
  }

  private mutating func childInserting(of node: Int32, label: Int32) -> Int32 {
    if label == Self.designatorLabel {
      hasDesignators = true
    } else if node == Self.root {
      if Int(label) >= rootChildren.count {
        rootChildren.append(
          contentsOf: repeatElement(
            -1, count: max(Int(label) + 1, vocabulary.count) - rootChildren.count))
      }
      if rootChildren[Int(label)] >= 0 { return rootChildren[Int(label)] }
      let created = newNode()
      rootChildren[Int(label)] = created
      return created
    }
    let existing = transitions.child(of: node, label: label)
    if existing >= 0 { return existing }
    let created = newNode()
    transitions.insert(from: node, label: label, to: created)
    return created
  }

  private mutating func newNode() -> Int32 {
    firstLink.append(-1)
    lastLink.append(-1)
    return Int32(firstLink.count - 1)
  }
}
