import ArgumentParser
import Foundation
import Gazetag

/// `gazetag tokenize`: show tokens, kinds and matching keys, for debugging a gazetteer.
struct Tokenize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the tokens of a text with their kinds and matching keys.",
    discussion: """
      One line per token: start, end, kind, text, key (tab-separated). Whitespace and \
      invisible characters in the text column are shown as \\u{…}; an empty key marks a \
      separator, which never takes part in a match.
      """)

  @Argument(help: ArgumentHelp("A file, or - for standard input.", valueName: "path"))
  var path: String = "-"

  @Option(help: "Matching profile of the keys: standard or exact.")
  var fold: MatchingProfile = .standard

  @Option(help: "Unit of start and end: codepoint, utf8 or utf16.")
  var offsets: OffsetUnit = .codePoint

  func run() throws {
    try reportingFatalErrors {
      let item = InputItem(argument: path)
      let text: String
      do {
        text = try TextDecoding.decode(try item.readAll(), path: item.source).text
      } catch let error as InputError {
        report(error.description)
        throw ExitCode.failure
      }
      let tokens = Tokenizer().tokens(in: text)
      let positions = TextOffsets.translating(
        tokens.flatMap { [$0.utf8Range.lowerBound, $0.utf8Range.upperBound] }, in: text)
      let normalizer = Normalizer(profile: fold)
      let utf8 = Array(text.utf8)
      let sink = OutputSink()
      for token in tokens {
        let tokenText = String(decoding: utf8[token.utf8Range], as: UTF8.self)
        let start = positions[token.utf8Range.lowerBound]![offsets]
        let end = positions[token.utf8Range.upperBound]![offsets]
        try sink.write(
          "\(start)\t\(end)\t\(token.kind.rawValue)\t\(Self.visible(tokenText))\t\(Self.visible(normalizer.key(for: tokenText)))\n"
        )
      }
      try sink.commit()
    }
  }

  /// `text` with whitespace other than a plain space and invisible format characters spelled
  /// out as `\u{XXXX}`.
  static func visible(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      let properties = scalar.properties
      if scalar != " " && (properties.isWhitespace || properties.generalCategory == .format)
        || scalar.value < 0x20
      {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
