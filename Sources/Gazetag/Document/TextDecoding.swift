#if canImport(Glibc)
  import Glibc
#endif

/// Turns input bytes into document text: checks for binary content, skips a UTF-8 byte order
/// mark and validates (or repairs) UTF-8.
public enum TextDecoding {
  /// What to do with bytes that are not well-formed UTF-8.
  public enum InvalidPolicy: String, CaseIterable, Sendable {
    /// Refuse the input, naming the first bad byte.
    case error
    /// Replace each maximal ill-formed subsequence with U+FFFD (as Python's
    /// `errors="replace"` does) and go on; offsets then count in the repaired text.
    case replace
  }

  /// Decoded text and what was done to get it.
  public struct Decoded: Sendable {
    /// The document text, without a leading byte order mark.
    public var text: String
    /// The file offset (in bytes) of the first ill-formed sequence that was replaced, if any.
    public var firstReplacement: Int?
    /// Whether a UTF-8 byte order mark was skipped. Offsets count from after it.
    public var skippedByteOrderMark: Bool
  }

  /// The UTF-8 byte order mark.
  static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// Decodes the bytes of one input.
  ///
  /// - Parameter path: the input's name for diagnostics.
  /// - Throws: ``InputError/binary(path:byteOffset:)`` for a NUL byte;
  ///   ``InputError/invalidUTF8(path:byteOffset:)`` under ``InvalidPolicy/error``. Offsets in
  ///   errors count bytes from the start of the file.
  public static func decode(
    _ bytes: [UInt8], path: String, invalid: InvalidPolicy = .error
  ) throws(InputError) -> Decoded {
    var decoder = UTF8StreamDecoder(path: path, policy: invalid, isChecked: true)
    let body = try decoder.decode(bytes) + decoder.finish()  // only drops a byte order mark
    let fileOffset = body.count < bytes.count ? 3 : 0
    if body.withUnsafeBytes({ $0.isEmpty ? nil : memchr($0.baseAddress!, 0, $0.count) }) != nil {
      throw .binary(path: path, byteOffset: body.firstIndex(of: 0)! + fileOffset)
    }
    // The standard library's validation is the fast one; our own finds the offset on failure.
    if let text = String(validating: body, as: UTF8.self) {
      return Decoded(
        text: text, firstReplacement: nil, skippedByteOrderMark: decoder.skippedByteOrderMark)
    }
    let bad = (UTF8Validation.firstInvalidOffset(in: body) ?? 0) + fileOffset
    guard invalid == .replace else { throw .invalidUTF8(path: path, byteOffset: bad) }
    return Decoded(
      text: String(decoding: body, as: UTF8.self), firstReplacement: bad,
      skippedByteOrderMark: decoder.skippedByteOrderMark)
  }
}
