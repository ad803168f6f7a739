/// A trie over interned token keys: each alias of each entry is a path of keys (or the
/// designator slot) from the root, and the node it ends at lists the entries it names.
///
/// Keys are interned to `Int32` ids once (``vocabulary``), so that matching compares
/// integers. A text token whose key is not in the vocabulary cannot take part in any match.
/// The trie is compact: nodes are bare integers, the root's edges an array indexed by key id,
/// every other edge one slot of a flat hash table, and each node's entries a linked list in
/// flat arrays, so a million patterns make a few arrays rather than millions of objects.
///
/// Once every pattern is in, ``seal()`` lays the entries out node by node in one array and
/// stores in each edge a packed ``Node`` that says where the child's entries are and whether
/// it has children: matching then reads one slot per step.
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
  /// The root's child along each key id (a ``Node``'s word), or ``TransitionTable/missing``.
  private var rootChildren = FlatTable<UInt64>()
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
  /// The entries of each node, node after node, in insertion order; the last of a node's
  /// entries is stored as its bitwise complement. Made by ``seal()``.
  private var entryList = FlatTable<Int32>()
  /// Whether ``seal()`` has run; no pattern can be added after it.
  private(set) var isSealed = false

  init() {}

  /// An empty trie with room for about `patterns` patterns of a few steps each.
  init(expectedPatterns patterns: Int) {
    transitions = TransitionTable(capacity: patterns + patterns / 2)
    firstLink.reserveCapacity(patterns * 2 + 1)
    lastLink.reserveCapacity(patterns * 2 + 1)
    links.reserveCapacity(patterns)
  }

  /// A sealed trie made of the tables ``sealedParts`` gave, as a compiled gazetteer stores
  /// them.
  init(sealed parts: SealedParts) {
    vocabulary = parts.vocabulary
    rootChildren = parts.rootChildren
    transitions = parts.transitions
    entryList = parts.entryList
    hasDesignators = parts.hasDesignators
    firstLink = []
    lastLink = []
    isSealed = true
  }

  /// What matching reads of a sealed trie.
  struct SealedParts {
    var vocabulary: KeyVocabulary
    var rootChildren: FlatTable<UInt64>
    var transitions: TransitionTable
    var entryList: FlatTable<Int32>
    var hasDesignators: Bool
  }

  /// The tables of a sealed trie, for a compiled gazetteer.
  var sealedParts: SealedParts {
    precondition(isSealed, "only a sealed trie is stored")
    return SealedParts(
      vocabulary: vocabulary, rootChildren: rootChildren, transitions: transitions,
      entryList: entryList, hasDesignators: hasDesignators)
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
    precondition(!isSealed, "a sealed trie takes no more patterns")
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

  /// Makes the trie ready for ``root(key:)``, ``child(of:key:)-(Node,_)`` and
  /// ``designatorChild(of:)-(Node)``: lays out the entry lists and packs each node's facts
  /// into the edges that lead to it.
  mutating func seal() {
    guard !isSealed else { return }
    var hasChildren = [Bool](repeating: false, count: nodeCount)
    hasChildren[Int(Self.root)] = true
    transitions.forEachParent { hasChildren[Int($0)] = true }
    var entryStart = [Int32](repeating: -1, count: nodeCount)
    entryList.array.reserveCapacity(links.count)
    for node in 0..<nodeCount where firstLink[node] >= 0 {
      entryStart[node] = Int32(entryList.count)
      var link = firstLink[node]
      while link >= 0 {
        let (entry, next) = links[Int(link)]
        entryList.array.append(next >= 0 ? entry : ~entry)
        link = next
      }
    }
    precondition(entryList.count < 0x7FFF_FFFF, "too many patterns for one trie")
    func packed(_ value: UInt64) -> UInt64 {
      guard value != TransitionTable.missing else { return value }
      let id = Int32(truncatingIfNeeded: value)
      let start = entryStart[Int(id)]
      return Node(
        id: id, entryStart: start < 0 ? nil : Int(start), hasChildren: hasChildren[Int(id)]
      )
      .raw
    }
    transitions.updateValues(packed)
    transitions.buildFilter()
    for index in rootChildren.array.indices {
      rootChildren.array[index] = packed(rootChildren.array[index])
    }
    lastLink = []
    lastLabels = []
    lastPath = []
    isSealed = true
  }

  /// The root's child along the key `id` in a sealed trie, or ``Node/missing``.
  @inline(__always)
  func root(key id: Int32) -> Node {
    Node(raw: id < rootChildren.count ? rootChildren[Int(id)] : TransitionTable.missing)
  }

  /// The child of `node` along the key `id` in a sealed trie, or ``Node/missing``.
  @inline(__always)
  func child(of node: Node, key id: Int32) -> Node {
    Node(raw: transitions.filteredValue(of: node.id, label: id))
  }

  /// The child of `node` along a designator in a sealed trie, or ``Node/missing``.
  @inline(__always)
  func designatorChild(of node: Node) -> Node {
    hasDesignators ? child(of: node, key: Self.designatorLabel) : .missing
  }

  /// Calls `body` with each entry that a pattern ending at `node` (of a sealed trie) names,
  /// in insertion order.
  @inline(__always)
  func forEachEntry(of node: Node, _ body: (Int32) -> Void) {
    guard var index = node.entryStart else { return }
    entryList.withUnsafeBufferPointer { entries in
      while true {
        let entry = entries[index]
        if entry < 0 {
          body(~entry)
          return
        }
        body(entry)
        index &+= 1
      }
    }
  }

  /// The node reached from `node` by the key `id`, or -1.
  func child(of node: Int32, key id: Int32) -> Int32 {
    if node == Self.root {
      return id < rootChildren.count ? Node(raw: rootChildren[Int(id)]).id : -1
    }
    return Node(raw: transitions.value(of: node, label: id)).id
  }

  /// The node reached from `node` by a designator, or -1.
  func designatorChild(of node: Int32) -> Int32 {
    hasDesignators ? Node(raw: transitions.value(of: node, label: Self.designatorLabel)).id : -1
  }

  /// Calls `body` with each entry that a pattern ending at `node` names, in insertion order.
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
        rootChildren.array.append(
          contentsOf: repeatElement(
            TransitionTable.missing,
            count: max(Int(label) + 1, vocabulary.count) - rootChildren.count))
      }
      let existing = Node(raw: rootChildren[Int(label)])
      if existing.exists { return existing.id }
      let created = newNode()
      rootChildren.array[Int(label)] = Node(id: created).raw
      return created
    }
    let existing = Node(raw: transitions.value(of: node, label: label))
    if existing.exists { return existing.id }
    let created = newNode()
    transitions.insert(from: node, label: label, value: Node(id: created).raw)
    return created
  }

  private mutating func newNode() -> Int32 {
    firstLink.append(-1)
    lastLink.append(-1)
    return Int32(firstLink.count - 1)
  }
}
