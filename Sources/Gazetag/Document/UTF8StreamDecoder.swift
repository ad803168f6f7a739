#if canImport(Glibc)
  import Glibc
#endif

/// Checks (or repairs) UTF-8 that arrives in pieces, as ``TextDecoding`` does for a whole
/// input: a leading byte order mark is dropped, a NUL byte marks binary input, and ill-formed
/// sequences are refused or replaced with U+FFFD. A scalar split across two pieces is held back
/// until its end arrives.
public struct UTF8StreamDecoder {
  /// The input's name for diagnostics.
  public let path: String
  /// What to do with ill-formed UTF-8.
  public let policy: TextDecoding.InvalidPolicy
  /// The file offset of the first ill-formed sequence that was replaced, if any.
  public private(set) var firstReplacement: Int?
  private var pending: [UInt8] = []
  private var consumed = 0
  private var started = false
  /// Whether a byte order mark was dropped.
  public var skippedByteOrderMark: Bool { bomDropped }
  private var bomDropped = false

  /// Whether the input was already checked whole by another decoder that found no problem,
  /// so that only the byte order mark and split scalars need handling.
  public let isChecked: Bool

  public init(path: String, policy: TextDecoding.InvalidPolicy, isChecked: Bool = false) {
    self.path = path
    self.policy = policy
    self.isChecked = isChecked
  }

  /// The well-formed UTF-8 of `bytes` that is ready (without an unfinished last scalar).
  ///
  /// - Throws: ``InputError`` for a NUL byte, or for ill-formed UTF-8 under
  ///   ``TextDecoding/InvalidPolicy/error``; offsets count bytes from the start of the input.
  public mutating func decode(_ bytes: some Collection<UInt8>) throws(InputError) -> [UInt8] {
    pending.append(contentsOf: bytes)
    if !started {
      // Wait while what has arrived could still be the start of a byte order mark.
      if pending.count < 3 && TextDecoding.byteOrderMark.starts(with: pending) { return [] }
      started = true
      if pending.starts(with: TextDecoding.byteOrderMark) {
        pending.removeFirst(3)
        consumed = 3
        bomDropped = true
      }
    }
    var ready = pending.count
    // Hold back a final lead byte whose sequence is not complete yet.
    var lead = pending.count - 1
    while lead >= 0 && pending.count - lead < 4 && pending[lead] & 0xC0 == 0x80 { lead -= 1 }
    if lead >= 0 && pending[lead] >= 0xC0 {
      let length = pending[lead] < 0xE0 ? 2 : pending[lead] < 0xF0 ? 3 : 4
      if lead + length > pending.count { ready = lead }
    }
    return try take(ready)
  }

  /// What is left at the end of the input: an unfinished scalar is ill-formed.
  public mutating func finish() throws(InputError) -> [UInt8] {
    if !started {
      started = true
      if pending == TextDecoding.byteOrderMark {
        pending.removeAll()
        consumed = 3
        bomDropped = true
      }
    }
    return try take(pending.count)
  }

  private mutating func take(_ count: Int) throws(InputError) -> [UInt8] {
    let chunk = Array(pending[0..<count])
    pending.removeFirst(count)
    defer { consumed += count }
    if isChecked { return chunk }
    let nul = chunk.withUnsafeBytes { raw -> Int? in
      guard let base = raw.baseAddress, let found = memchr(base, 0, raw.count) else { return nil }
      return base.distance(to: UnsafeRawPointer(found))
    }
    if let nul {
      throw .binary(path: path, byteOffset: consumed + nul)
    }
    guard let bad = UTF8Validation.firstInvalidOffset(in: chunk) else { return chunk }
    guard policy == .replace else { throw .invalidUTF8(path: path, byteOffset: consumed + bad) }
    if firstReplacement == nil { firstReplacement = consumed + bad }
    return Array(String(decoding: chunk, as: UTF8.self).utf8)
  }
}
