/// A growable buffer of output bytes with cheap appends, for writers that emit hundreds of
/// thousands of small pieces (an `Array` append costs a uniqueness and a capacity check and a
/// call each time; here it is a comparison and a copy).
struct ByteBuffer: ~Copyable {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// The number of bytes written.
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  mutating func reserve(_ extra: Int) {
    if count &+ extra > capacity { grow(count + extra) }
  }

  private mutating func grow(_ needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.update(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count &+= 1
  }

  @inline(__always)
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count &+= bytes.count
  }

  /// Appends the UTF-8 of a string literal.
  @inline(__always)
  mutating func append(_ literal: StaticString) {
    literal.withUTF8Buffer { append($0) }
  }

  /// Appends the UTF-8 of `string`.
  @inline(__always)
  mutating func append(_ string: String) {
    var string = string
    string.withUTF8 { append($0) }
  }

  /// Appends `value` in decimal digits.
  mutating func appendDecimal(_ value: Int) {
    reserve(21)
    if value < 0 {
      base[count] = UInt8(ascii: "-")
      count &+= 1
    }
    var rest = value.magnitude
    var digits = 0
    var remaining = rest
    repeat {
      digits &+= 1
      remaining /= 10
    } while remaining > 0
    var position = count &+ digits
    count = position
    repeat {
      position &-= 1
      base[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
      rest /= 10
    } while rest > 0
  }

  /// Appends `string` as a JSON string literal (see ``Swift/String/jsonQuoted``).
  @inline(__always)
  mutating func appendJSONQuoted(_ string: String) {
    let contiguous: Void? = string.utf8.withContiguousStorageIfAvailable { bytes in
      appendJSONQuoted(utf8: bytes)
    }
    if contiguous == nil {
      var string = string
      string.withUTF8 { appendJSONQuoted(utf8: $0) }
    }
  }

  /// Appends UTF-8 `bytes` as a JSON string literal.
  @inline(__always)
  mutating func appendJSONQuoted(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    if UnsafeBufferPointer.needsJSONEscaping(bytes) {
      append(String(decoding: bytes, as: UTF8.self).jsonQuoted)
      return
    }
    reserve(bytes.count &+ 2)
    base[count] = UInt8(ascii: "\"")
    if let source = bytes.baseAddress {
      base.advanced(by: count &+ 1).update(from: source, count: bytes.count)
    }
    base[count &+ 1 &+ bytes.count] = UInt8(ascii: "\"")
    count &+= bytes.count &+ 2
  }

  /// Forgets the bytes written, keeping the capacity.
  mutating func removeAll() {
    count = 0
  }

  /// The bytes written so far.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    body(UnsafeBufferPointer(start: base, count: count))
  }
}
