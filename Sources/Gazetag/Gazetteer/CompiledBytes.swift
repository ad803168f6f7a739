import Foundation

/// The bytes of a compiled gazetteer that its tables are used in place from: a file mapped
/// read-only, or a private copy of bytes held in memory. Unmapped or freed with the last
/// table that uses it. Never written after it is made, so it may be shared between threads.
final class CompiledBytes: @unchecked Sendable {
  /// The bytes.
  let bytes: UnsafeRawBufferPointer
  private let isMapped: Bool

  /// Maps the `size` bytes of the open file `descriptor` read-only (private, so that nothing
  /// written to the file later shows through) and reads them in at once; `nil` if the system
  /// cannot map it.
  init?(mapping descriptor: Int32, size: Int) {
    guard size > 0 else { return nil }
    #if os(Linux)
      let flags = MAP_PRIVATE | MAP_POPULATE
    #else
      let flags = MAP_PRIVATE
    #endif
    guard let base = mmap(nil, size, PROT_READ, flags, descriptor, 0),
      base != UnsafeMutableRawPointer(bitPattern: -1)
    else { return nil }
    bytes = UnsafeRawBufferPointer(start: base, count: size)
    isMapped = true
  }

  /// A private copy of `source`, aligned for any table.
  init(copying source: UnsafeRawBufferPointer) {
    let copy = UnsafeMutableRawPointer.allocate(byteCount: max(source.count, 1), alignment: 16)
    if let base = source.baseAddress { copy.copyMemory(from: base, byteCount: source.count) }
    bytes = UnsafeRawBufferPointer(start: copy, count: source.count)
    isMapped = false
  }

  deinit {
    guard let base = bytes.baseAddress else { return }
    if isMapped {
      munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
    } else {
      base.deallocate()
    }
  }
}
