/// Turns input bytes into document text.
public enum TextDecoding {
  /// The text of `bytes`, which must be well-formed UTF-8.
  ///
  /// - Parameter path: the input's name for diagnostics.
  /// - Throws: ``InputError/invalidUTF8(path:byteOffset:)`` with the offset of the first bad
  ///   byte.
  public static func decode(_ bytes: [UInt8], path: String) throws(InputError) -> String {
    // The standard library's validation is the fast one; the offset is only needed on failure.
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    throw .invalidUTF8(path: path, byteOffset: UTF8Validation.firstInvalidOffset(in: bytes) ?? 0)
  }
}
