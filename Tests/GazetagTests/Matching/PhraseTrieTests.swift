import Testing

@testable import Gazetag

/// The compact trie against a plain dictionary of patterns.
@Suite struct PhraseTrieTests {
  /// Random patterns over a small key alphabet (so that they share prefixes), some with a
  /// designator slot after the first step, each for a random entry.
  static func randomPatterns(count: Int, seed: UInt64) -> [(labels: [Int32], entry: Int32)] {
    var generator = GeneratedText.Generator(state: seed)
    return (0..<count).map { _ in
      var labels = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
        Int32.random(in: 0..<40, using: &generator)
      }
      if labels.count > 1 && Int.random(in: 0..<5, using: &generator) == 0 {
        labels[Int.random(in: 1..<labels.count, using: &generator)] = PhraseTrie.designatorLabel
      }
      return (labels, Int32.random(in: 0..<300, using: &generator))
    }
  }

  /// The node a path of labels leads to, or -1.
  func walk(_ trie: PhraseTrie, _ labels: [Int32]) -> Int32 {
    var node = PhraseTrie.root
    for label in labels {
      node =
        label == PhraseTrie.designatorLabel
        ? trie.designatorChild(of: node) : trie.child(of: node, key: label)
      if node < 0 { return -1 }
    }
    return node
  }

  /// A trie whose vocabulary holds the keys `key0` to `key39`, with ids 0 to 39.
  static func trieWithKeys() -> PhraseTrie {
    var trie = PhraseTrie()
    for key in 0..<40 {
      let bytes = Array("key\(key)".utf8)
      #expect(bytes.withUnsafeBufferPointer { trie.intern($0) } == Int32(key))
    }
    return trie
  }

  @Test("every path leads to exactly the entries inserted for it, in insertion order")
  func againstDictionary() {
    var trie = Self.trieWithKeys()
    var reference: [[Int32]: [Int32]] = [:]
    var prefixes: Set<[Int32]> = []
    for (labels, entry) in Self.randomPatterns(count: 20_000, seed: 5) {
      trie.insert(labels: labels, entry: entry)
      if !(reference[labels]?.contains(entry) ?? false) {
        reference[labels, default: []].append(entry)
      }
      for length in 1...labels.count { prefixes.insert(Array(labels.prefix(length))) }
    }
    #expect(trie.nodeCount == prefixes.count + 1)
    #expect(trie.hasDesignators)
    for prefix in prefixes {
      let node = walk(trie, prefix)
      #expect(node > 0)
      #expect(trie.entries(at: node) == reference[prefix] ?? [])
    }
    // Paths that were never inserted lead nowhere.
    var generator = GeneratedText.Generator(state: 6)
    for _ in 0..<5_000 {
      let path = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
        Int32.random(in: 0..<45, using: &generator)
      }
      if !prefixes.contains(path) { #expect(walk(trie, path) == -1) }
    }
  }

  @Test("inserting the same pattern twice for one entry is a no-op; string steps intern keys")
  func duplicatesAndSteps() {
    var trie = PhraseTrie()
    trie.insert([.key("किम"), .key("जोंग")], entry: 3)
    trie.insert([.key("किम"), .key("जोंग")], entry: 3)
    trie.insert([.key("किम"), .key("जोंग")], entry: 1)
    trie.insert([.key("ह्वासोंग"), .designator], entry: 2)
    #expect(trie.vocabulary.count == 3)
    #expect(trie.nodeCount == 5)
    let kim = trie.vocabulary.key(0)
    #expect(kim == "किम")
    let node = walk(trie, [0, 1])
    #expect(trie.entries(at: node) == [3, 1])
    #expect(trie.entries(at: walk(trie, [2, PhraseTrie.designatorLabel])) == [2])
    #expect(trie.child(of: PhraseTrie.root, key: 99) == -1)
  }
}

extension PhraseTrieTests {
  /// The node a path of labels leads to in a sealed trie, walked with the packed nodes.
  func walkSealed(_ trie: PhraseTrie, _ labels: [Int32]) -> PhraseTrie.Node {
    var node = trie.root(key: labels[0])
    for label in labels.dropFirst() where node.exists {
      node =
        label == PhraseTrie.designatorLabel
        ? trie.designatorChild(of: node) : trie.child(of: node, key: label)
    }
    return node
  }

  @Test("a sealed trie's packed nodes give the same paths, entries and children")
  func sealed() {
    var trie = Self.trieWithKeys()
    let patterns = Self.randomPatterns(count: 20_000, seed: 7)
    var prefixes: Set<[Int32]> = []
    for (labels, entry) in patterns {
      trie.insert(labels: labels, entry: entry)
      for length in 1...labels.count { prefixes.insert(Array(labels.prefix(length))) }
    }
    let parents = Set(prefixes.filter { $0.count > 1 }.map { Array($0.dropLast()) })
    let unsealed = trie
    trie.seal()
    #expect(trie.isSealed)
    for prefix in prefixes where prefix[0] != PhraseTrie.designatorLabel {
      let node = walkSealed(trie, prefix)
      #expect(node.exists)
      #expect(node.id == walk(unsealed, prefix))
      var entries: [Int32] = []
      trie.forEachEntry(of: node) { entries.append($0) }
      #expect(entries == unsealed.entries(at: node.id))
      #expect(node.hasChildren == parents.contains(prefix))
    }
    // Paths never inserted lead nowhere, the edge filter notwithstanding.
    var generator = GeneratedText.Generator(state: 8)
    var missing = 0
    for _ in 0..<20_000 {
      let path = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
        Int32.random(in: 0..<45, using: &generator)
      }
      if !prefixes.contains(path) {
        #expect(!walkSealed(trie, path).exists)
        missing += 1
      }
    }
    #expect(missing > 10_000)
  }
}
