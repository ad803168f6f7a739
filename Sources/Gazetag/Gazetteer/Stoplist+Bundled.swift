extension Stoplist {
  /// The bundled gazetteer's stoplist (`gazetteer/stoplist.txt`), named `bundled:stoplist.txt`
  /// in diagnostics.
  public static let bundled: Stoplist = {
    let file = Stoplist.defaultFileName
    guard let text = try? Gazetteer.readBundledFile(file) else { return Stoplist(words: []) }
    return Stoplist(parsing: text, file: Gazetteer.bundledName + file)
  }()
}
