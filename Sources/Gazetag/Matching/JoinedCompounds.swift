/// Joined compounds: a multi-token Devanagari name also matches written as one word, without
/// its spaces or hyphens (`आन्ध्र प्रदेश` → `आन्ध्रप्रदेश`, `मध्य पूर्व` → `मध्यपूर्व`), as Hindi
/// news often writes it. The span is then the one token.
///
/// While patterns are compiled, each pattern of two or more tokens whose keys are Devanagari
/// letters and marks only (no digits, punctuation, Latin or designator slot) gives a *joined
/// form*: the key of its tokens' text written together, separators left out. Once every
/// pattern is in, each joined form becomes a one-token pattern of its entry, unless
///
/// - it is the key of a single-token pattern of any entry (the spelling an entry gives wins,
///   also that of an entry a label filter leaves out, so that the labels wanted never change
///   which joined forms exist), or
/// - it is the key of a word of the gazetteer's stoplist (an ordinary word is never a name).
///
/// Two entries whose multi-token patterns join to the same word both get it, as they share
/// the spaced spelling: overlap resolution decides between them as it does there.
struct JoinedCompounds: Sendable {
  /// The text of the pattern being compiled, its separators left out.
  var text: [UInt8] = []
  /// The key ids of every single-token pattern compiled.
  var singleKeys: Set<Int32> = []
  /// The joined forms found, with their entries, in the order found.
  private(set) var forms: [(key: [UInt8], entry: Int32)] = []

  /// Records the joined form of ``text`` for the entry at `entry`.
  mutating func addForm(of entry: Int32, normalizer: Normalizer) {
    text.withUnsafeBufferPointer { bytes in
      normalizer.withKey(ofUTF8: bytes) { key in
        forms.append((Array(key), entry))
      }
    }
  }

  /// Adds the joined forms that no spelling or ordinary word vetoes to `trie`, as one-token
  /// patterns of their entries.
  ///
  /// - Parameters:
  ///   - excludedEntries: the entries not compiled, whose single-token spellings veto too.
  ///   - ordinaryWords: the stoplist's words.
  mutating func addJoinedForms(
    into trie: inout PhraseTrie, excludedEntries: some Sequence<GazetteerEntry>,
    ordinaryWords: [String], normalizer: Normalizer
  ) {
    guard !forms.isEmpty else { return }
    let tokenizer = Tokenizer()
    var vetoed: Set<[UInt8]> = []
    func veto(_ spelling: String) {
      let steps = Matcher.steps(of: spelling, tokenizer: tokenizer, normalizer: normalizer)
      if steps.count == 1, case .key(let key) = steps[0] { vetoed.insert(Array(key.utf8)) }
    }
    ordinaryWords.forEach(veto)
    for entry in excludedEntries {
      entry.patterns.forEach(veto)
    }
    var added: Set<[UInt8]> = []
    for (key, entry) in forms where !vetoed.contains(key) {
      let known = key.withUnsafeBufferPointer { trie.vocabulary.id(of: $0) }
      if let known, singleKeys.contains(known) { continue }
      // An entry whose spellings join alike (किम जोंग उन, किम जोंग-उन) gets the form once.
      if !added.insert(key + withUnsafeBytes(of: entry.littleEndian, Array.init)).inserted {
        continue
      }
      let id = key.withUnsafeBufferPointer { trie.intern($0) }
      trie.insert(labels: [id], entry: entry)
    }
    forms = []
  }

  /// Whether a key is Devanagari letters and marks only (U+0900–U+0963, U+0971–U+097F): no
  /// digits, dandas or abbreviation sign, nothing of another script.
  static func isDevanagariWord(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    // Every such scalar is three bytes: E0 A4 80–BF (U+0900–U+093F) or E0 A5 80–A3, B1–BF.
    guard key.count % 3 == 0 else { return false }
    var index = 0
    while index < key.count {
      guard key[index] == 0xE0 else { return false }
      switch (key[index + 1], key[index + 2]) {
      case (0xA4, 0x80...0xBF), (0xA5, 0x80...0xA3), (0xA5, 0xB1...0xBF): break
      default: return false
      }
      index += 3
    }
    return true
  }
}
