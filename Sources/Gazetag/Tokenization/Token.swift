/// One ICU word-break segment of a text.
public struct Token: Hashable, Sendable {
  /// The token's place in the original text, in UTF-8 bytes, end exclusive.
  public var utf8Range: Range<Int>
  /// What the token is made of.
  public var kind: TokenKind

  public init(utf8Range: Range<Int>, kind: TokenKind) {
    self.utf8Range = utf8Range
    self.kind = kind
  }
}
