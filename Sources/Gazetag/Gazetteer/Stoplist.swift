/// Ordinary Hindi words that a gazetteer must not use as names or aliases, because news text
/// uses them for other things (उत्तर 'answer, north', साल 'year', रोम 'body hair').
///
/// `gazetag gazetteer lint` compares each alias with each word by matching key, so a stoplist
/// word also catches the spellings that fold to it. The tagger reads the list only to keep
/// joined compounds (a multi-word name written as one word) from being ordinary words.
public struct Stoplist: Hashable, Sendable {
  /// One word (or phrase) of the list.
  public struct Word: Hashable, Sendable {
    /// The word as written in the list.
    public var text: String
    /// Its line in the list.
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
      self.text = text
      self.location = location
    }
  }

  /// The words in the order of the list.
  public var words: [Word]

  public init(words: [Word]) {
    self.words = words
  }

  /// Parses a stoplist file: one word or phrase per line; everything from a `#` to the end of
  /// the line is a comment; blank lines are ignored.
  ///
  /// - Parameter file: the file's path as shown in diagnostics.
  public init(parsing text: String, file: String) {
    var words: [Word] = []
    for (index, line) in text.lines
      .enumerated()
    {
      let word = String(line.prefix { $0 != "#" }).trimmingWhitespace()
      if word.isEmpty { continue }
      words.append(Word(text: word, location: SourceLocation(file: file, line: index + 1)))
    }
    self.init(words: words)
  }

  /// The file name a gazetteer directory's stoplist has when its manifest names none.
  public static let defaultFileName = "stoplist.txt"

  /// The stoplist of a gazetteer directory: the file its manifest names under `stoplist`, or
  /// else `stoplist.txt` if there is one. A file the manifest names but that cannot be read
  /// goes to `log`.
  static func load(
    for manifest: GazetteerManifest, of name: String,
    read: (String) throws(GazetteerError) -> String, log: inout ProblemLog
  ) throws(GazetteerError) -> Stoplist? {
    guard let named = manifest.stoplist else {
      guard let text = try? read(defaultFileName) else { return nil }
      return Stoplist(parsing: text, file: Gazetteer.displayPath(defaultFileName, in: name))
    }
    do {
      let text = try Gazetteer.readListedFile(
        named, key: "stoplist", of: name, in: manifest, read: read)
      return Stoplist(parsing: text, file: Gazetteer.displayPath(named, in: name))
    } catch {
      try log.record(error)
      return nil
    }
  }
}
