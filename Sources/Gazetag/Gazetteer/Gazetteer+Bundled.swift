extension Gazetteer {
  /// The gazetteer compiled into the library from the repository's `gazetteer/` directory, so
  /// that a copied `gazetag` executable works alone. Diagnostics name it `bundled:FILE:LINE`.
  public static let bundled: Gazetteer = {
    let files = Dictionary(uniqueKeysWithValues: BundledGazetteerFiles.files)
    do {
      return try directory(named: "bundled:") { path throws(GazetteerError) in
        guard let text = files[path] else {
          throw .unreadable(path: "bundled:\(path)", reason: "not in the bundled gazetteer")
        }
        return text
      }
    } catch {
      preconditionFailure("the bundled gazetteer is invalid: \(error)")
    }
  }()
}
