extension Stoplist {
  /// The bundled gazetteer's stoplist (`gazetteer/stoplist.txt`), named `bundled:stoplist.txt`
  /// in diagnostics.
  public static let bundled: Stoplist =
    CompiledGazetteer.bundled.stoplist(named: Gazetteer.bundledName + defaultFileName)
    ?? Stoplist(words: [])
}
