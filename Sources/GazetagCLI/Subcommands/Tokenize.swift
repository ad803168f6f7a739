import ArgumentParser
import Foundation
import Gazetag

/// `gazetag tokenize`: show tokens, kinds and matching keys, for debugging a gazetteer.
struct Tokenize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the tokens of a text with their kinds and matching keys.",
    discussion: """
      One line per token: start, end, kind, text, key (tab-separated), led by the input's \
      path when several inputs or a directory are named. PATH is a file, a directory \
      (searched recursively for *.txt) or - for standard input (the default). Whitespace and \
      invisible characters in the text column are shown as \\u{…}; an empty key marks a \
      separator, which never takes part in a match. Exit status: 0 success, 1 some inputs \
      failed (the others were still tokenized), 64 a usage error.
      """)

  @Argument(help: ArgumentHelp("Files, directories or - (standard input).", valueName: "path"))
  var paths: [String] = []

  @Option(help: "Matching profile of the keys: standard or exact.")
  var fold: MatchingProfile = .standard

  @Option(help: "Unit of start and end: codepoint, utf8 or utf16.")
  var offsets: OffsetUnit = .codePoint

  @Option(
    help: "Invalid UTF-8: error skips the input, replace substitutes U+FFFD and warns.")
  var invalid: TextDecoding.InvalidPolicy = .error

  func run() throws {
    try reportingFatalErrors {
      let (inputs, errors) = InputItem.collect(paths)
      errors.forEach { report($0) }
      // As grep does: the source column only when the arguments may name several inputs.
      let showsSource = paths.count > 1 || paths.contains(where: Self.isDirectory)
      let sink = OutputSink()
      var allRead = errors.isEmpty
      for item in inputs {
        let decoded: TextDecoding.Decoded
        do throws(InputError) {
          decoded = try TextDecoding.decode(item.readAll(), path: item.source, invalid: invalid)
        } catch {
          report(error)
          allRead = false
          continue
        }
        if let offset = decoded.firstReplacement { Tag.warnReplaced(item, at: offset) }
        try write(decoded.text, source: showsSource ? item.source : nil, to: sink)
      }
      try sink.commit()
      if !allRead { throw ExitCode.failure }
    }
  }

  /// Writes one line per token of `text`, each led by `source` and a tab if given.
  private func write(_ text: String, source: String?, to sink: OutputSink) throws {
    let tokens = Tokenizer().tokens(in: text)
    let positions = TextOffsets.translating(
      tokens.flatMap { [$0.utf8Range.lowerBound, $0.utf8Range.upperBound] }, in: text)
    let normalizer = Normalizer(profile: fold)
    let utf8 = Array(text.utf8)
    let prefix = source.map { Self.visible($0) + "\t" } ?? ""
    for token in tokens {
      let tokenText = String(decoding: utf8[token.utf8Range], as: UTF8.self)
      let start = positions[token.utf8Range.lowerBound]![offsets]
      let end = positions[token.utf8Range.upperBound]![offsets]
      try sink.write(
        "\(prefix)\(start)\t\(end)\t\(token.kind.rawValue)\t\(Self.visible(tokenText))\t\(Self.visible(normalizer.key(for: tokenText)))\n"
      )
    }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      && isDirectory.boolValue
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
