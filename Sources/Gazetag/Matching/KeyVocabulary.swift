/// The interned matching keys of a gazetteer: each distinct key gets a dense `Int32` id, and a
/// text token's key is looked up by its UTF-8 bytes without making a `String`.
///
/// Keys live back to back in one byte array; an open-addressing table of slots, each holding
/// a key's hash and id, finds them. Keys are compared byte for byte, so they must be given in
/// one canonical form (``Normalizer/withKey(ofUTF8:_:)`` gives NFC).
struct KeyVocabulary: Sendable {
  /// Every key's bytes, back to back.
  private var storage = FlatTable<UInt8>()
  /// Where each key starts in ``storage``; one more element than there are keys.
  private var starts = FlatTable<Int32>([0])
  /// The hash table: 0 for an empty slot, else the key's 32-bit hash above its id + 1.
  private var slots = FlatTable<UInt64>(Array(repeating: 0, count: 16))
  /// One bit per hash value modulo its size (at least 16 per key), set for every key: most
  /// text tokens are not in a sparse gazetteer, and this small table says so without reading
  /// a slot, which is likely a cache miss.
  private var filter = FlatTable<UInt64>(Array(repeating: 0, count: 2))

  /// The number of keys.
  var count: Int { starts.count - 1 }

  init() {}

  /// A vocabulary made of the tables ``parts`` gave, as a compiled gazetteer stores them.
  ///
  /// - Precondition: the tables come from ``parts`` of one vocabulary (their sizes are
  ///   checked; their contents are trusted, as the compiled file's checksum vouches for them).
  init(
    parts: (
      storage: FlatTable<UInt8>, starts: FlatTable<Int32>, slots: FlatTable<UInt64>,
      filter: FlatTable<UInt64>
    )
  ) {
    precondition(
      parts.starts.count > 0 && parts.slots.count.nonzeroBitCount == 1
        && parts.filter.count.nonzeroBitCount == 1
        && Int(parts.starts[parts.starts.count - 1]) == parts.storage.count,
      "inconsistent vocabulary tables")
    storage = parts.storage
    starts = parts.starts
    slots = parts.slots
    filter = parts.filter
  }

  /// The arrays the vocabulary is made of, for a compiled gazetteer.
  var parts: (storage: [UInt8], starts: [Int32], slots: [UInt64], filter: [UInt64]) {
    (storage.elements, starts.elements, slots.elements, filter.elements)
  }

  /// The id of `key`, or `nil` if it was never interned.
  ///
  /// - Complexity: O(*k*) for a key of *k* bytes, on average.
  func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
    withLookup { $0.id(of: key) }
  }

  /// Calls `body` with a view of the vocabulary for many lookups in a row.
  func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
    // One test for tables used in place rather than one per table, so that `body`, which
    // callers inline, is laid down twice and not sixteen times.
    if let storage = storage.borrowed, let starts = starts.borrowed, let slots = slots.borrowed,
      let filter = filter.borrowed
    {
      return body(Lookup(storage: storage, starts: starts, slots: slots, filter: filter))
    }
    return storage.array.withUnsafeBufferPointer { storage in
      starts.array.withUnsafeBufferPointer { starts in
        slots.array.withUnsafeBufferPointer { slots in
          filter.array.withUnsafeBufferPointer { filter in
            body(Lookup(storage: storage, starts: starts, slots: slots, filter: filter))
          }
        }
      }
    }
  }

  /// A read-only view of a vocabulary, valid inside ``withLookup(_:)``.
  struct Lookup {
    let storage: UnsafeBufferPointer<UInt8>
    let starts: UnsafeBufferPointer<Int32>
    let slots: UnsafeBufferPointer<UInt64>
    let filter: UnsafeBufferPointer<UInt64>

    /// The id of `key`, or `nil` if it was never interned.
    @inline(__always)
    func id(of key: UnsafeBufferPointer<UInt8>) -> Int32? {
      let hash = KeyVocabulary.hash(key)
      let bit = KeyVocabulary.filterBit(hash, words: filter.count)
      guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return nil }
      let mask = slots.count - 1
      var index = Int(hash) & mask
      while true {
        let slot = slots[index]
        if slot == 0 { return nil }
        if UInt32(truncatingIfNeeded: slot >> 32) == hash {
          let id = Int32(truncatingIfNeeded: slot) - 1
          if matches(id, key) { return id }
        }
        index = (index + 1) & mask
      }
    }

    @inline(__always)
    private func matches(_ id: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
      let start = Int(starts[Int(id)])
      guard Int(starts[Int(id) + 1]) - start == key.count else { return false }
      guard let keyBase = key.baseAddress else { return true }
      let stored = UnsafeRawPointer(storage.baseAddress! + start)
      let wanted = UnsafeRawPointer(keyBase)
      var offset = 0
      while offset + 8 <= key.count {
        guard
          stored.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            == wanted.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        else { return false }
        offset += 8
      }
      while offset < key.count {
        guard stored.load(fromByteOffset: offset, as: UInt8.self) == key[offset] else {
          return false
        }
        offset += 1
      }
      return true
    }
  }

  /// The id of `key`, adding it if it is new.
  mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    if let id = id(of: key) { return id }
    let id = Int32(count)
    storage.array.append(contentsOf: key)
    starts.array.append(Int32(storage.count))
    if count * 2 > slots.count { rehash(capacity: slots.count * 2) } else { place(id) }
    return id
  }

  /// The key with id `id`.
  func key(_ id: Int32) -> String {
    storage.withUnsafeBufferPointer {
      String(decoding: $0[Int(starts[Int(id)])..<Int(starts[Int(id) + 1])], as: UTF8.self)
    }
  }

  /// Puts key `id` in the hash table and the filter, while the vocabulary is built.
  private mutating func place(_ id: Int32) {
    let start = Int(starts.array[Int(id)])
    let end = Int(starts.array[Int(id) + 1])
    let hash = storage.array.withUnsafeBufferPointer {
      Self.hash(UnsafeBufferPointer(rebasing: $0[start..<end]))
    }
    let mask = slots.array.count - 1
    var index = Int(hash) & mask
    while slots.array[index] != 0 { index = (index + 1) & mask }
    slots.array[index] = UInt64(hash) << 32 | UInt64(id + 1)
    let bit = Self.filterBit(hash, words: filter.array.count)
    filter.array[bit >> 6] |= 1 << UInt64(bit & 63)
  }

  private mutating func rehash(capacity: Int) {
    slots = FlatTable(Array(repeating: 0, count: capacity))
    // 8 filter bits per slot, so at least 16 per key: about one false hit in sixteen, and
    // small enough to stay in the first-level cache for thousands of keys.
    filter = FlatTable(Array(repeating: 0, count: max(capacity / 8, 1)))
    for id in 0..<Int32(count) { place(id) }
  }

  /// The filter bit of a hash, from its high bits (the slot index uses the low ones).
  @inline(__always)
  static func filterBit(_ hash: UInt32, words: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(hash) &* 0x9E37_79B9) >> 16) & (words * 64 - 1)
  }

  /// A 32-bit hash of `bytes`, eight bytes at a time.
  @inline(__always)
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    UInt32(truncatingIfNeeded: hash64(bytes))
  }

  /// A 64-bit hash of `bytes`, eight bytes at a time.
  @inline(__always)
  static func hash64(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
    guard let base = bytes.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= bytes.count {
      hash =
        (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 29
      offset += 8
    }
    if offset < bytes.count {
      // The last eight bytes, overlapping the words already mixed; or, for a key shorter
      // than eight bytes, its bytes one by one.
      var tail: UInt64 = 0
      if bytes.count >= 8 {
        tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
      } else {
        for index in 0..<bytes.count {
          tail = tail << 8 | UInt64(bytes[index])
        }
      }
      hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
    }
    hash ^= hash >> 32
    hash &*= 0xD6E8_FEB8_6659_FD93
    hash ^= hash >> 32
    return hash
  }
}
