/// One occurrence of a span in the gold corpus that did not match: a missed gold span or a
/// false positive.
public struct Mention: Hashable, Sendable {
  /// The text the span covers.
  public var text: String
  /// Where it is: the gold line of a missed span, the line of the text for a false positive.
  public var location: SourceLocation
  /// What the other side has there.
  public var counterpart: Counterpart

  public init(text: String, location: SourceLocation, counterpart: Counterpart) {
    self.text = text
    self.location = location
    self.counterpart = counterpart
  }
}

extension Array where Element == Mention {
  /// The most frequent spelling; ties go to the first seen.
  var mostFrequentText: String {
    Self.mostFrequent(map(\.text)) ?? ""
  }

  /// The counterpart of the most frequent kind, as first seen; ties go to the kind seen first.
  var mostFrequentCounterpart: Counterpart {
    guard let kind = Self.mostFrequent(map(\.counterpart.kind)) else { return .none }
    return first { $0.counterpart.kind == kind }!.counterpart
  }

  static func mostFrequent<Value: Hashable>(_ values: [Value]) -> Value? {
    var counts: [Value: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    var best: Value?
    for value in values where best == nil || counts[value]! > counts[best!]! {
      best = value
    }
    return best
  }
}
