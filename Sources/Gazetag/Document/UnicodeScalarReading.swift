extension UnsafeBufferPointer<UInt8> {
  /// Decodes the scalar that starts at byte `index` of well-formed UTF-8.
  ///
  /// - Returns: the scalar and its length in UTF-8 bytes.
  @inline(__always)
  func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = UInt32(self[index])
    if lead < 0x80 {
      return (Unicode.Scalar(UInt8(lead)), 1)
    }
    if lead < 0xE0 {
      let value = (lead & 0x1F) << 6 | UInt32(self[index + 1] & 0x3F)
      return (Unicode.Scalar(value)!, 2)
    }
    if lead < 0xF0 {
      let value =
        (lead & 0x0F) << 12 | UInt32(self[index + 1] & 0x3F) << 6 | UInt32(self[index + 2] & 0x3F)
      return (Unicode.Scalar(value)!, 3)
    }
    let value =
      (lead & 0x07) << 18 | UInt32(self[index + 1] & 0x3F) << 12
      | UInt32(self[index + 2] & 0x3F) << 6 | UInt32(self[index + 3] & 0x3F)
    return (Unicode.Scalar(value)!, 4)
  }

  /// The scalars of the UTF-8 bytes in `range`, which must start and end on scalar boundaries.
  func scalars(in range: Range<Int>) -> [Unicode.Scalar] {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(range.count)
    var index = range.lowerBound
    while index < range.upperBound {
      let (scalar, length) = self.scalar(at: index)
      result.append(scalar)
      index += length
    }
    return result
  }

  /// The string made of the UTF-8 bytes in `range`.
  func string(in range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
  }
}
