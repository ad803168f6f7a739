import Foundation

extension GoldCorpus {
  /// Reads gold files and directories in order.
  ///
  /// A directory is searched recursively for files of the format (`.ann` files for brat, each
  /// with its `.txt`), or of every format when `format` is `nil`, in sorted order.
  ///
  /// - Parameters:
  ///   - paths: files and directories, as the user named them.
  ///   - format: the format of every file, or `nil` to tell each file's from its name.
  ///   - scheme: the tag scheme of CoNLL files, or `nil` to detect each file's.
  /// - Throws: ``GoldError`` when a path cannot be read, is not UTF-8 or has no known format.
  public init(
    contentsOf paths: [String], format: GoldFormat? = nil, scheme: TagScheme? = nil
  ) throws(GoldError) {
    self.init()
    for path in paths {
      for (file, fileFormat) in try Self.files(at: path, format: format) {
        append(try Self.read(file, format: fileFormat, scheme: scheme))
      }
    }
  }

  /// The gold files a path names, with their formats.
  static func files(at path: String, format: GoldFormat?) throws(GoldError)
    -> [(path: String, format: GoldFormat)]
  {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path, reason: "no such file or directory")
    }
    guard isDirectory.boolValue else {
      guard let found = format ?? GoldFormat.detect(path: path) else {
        throw .unknownFormat(path: path)
      }
      return [(path, found)]
    }
    guard let walker = FileManager.default.enumerator(atPath: path) else {
      throw .unreadable(path: path, reason: "cannot list the directory")
    }
    let formats = format.map { [$0] } ?? GoldFormat.allCases
    var found: [(path: String, format: GoldFormat)] = []
    let prefix = path.hasSuffix("/") ? path : path + "/"
    while let relative = walker.nextObject() as? String {
      let pathExtension = URL(fileURLWithPath: relative).pathExtension.lowercased()
      if let match = formats.first(where: { $0.fileExtensions.contains(pathExtension) }) {
        found.append((prefix + relative, match))
      }
    }
    guard !found.isEmpty else {
      throw .unreadable(
        path: path,
        reason:
          "no gold files in this directory (\(formats.flatMap(\.fileExtensions).map { "." + $0 }.joined(separator: ", ")))"
      )
    }
    return found.sorted { $0.path < $1.path }
  }

  static func read(_ path: String, format: GoldFormat, scheme: TagScheme?) throws(GoldError)
    -> GoldCorpus
  {
    var corpus: GoldCorpus
    switch format {
    case .jsonl:
      corpus = JSONLGoldReader(file: path).corpus(from: try text(of: path))
    case .conll:
      corpus = CoNLLGoldReader(file: path, scheme: scheme).corpus(from: try text(of: path))
    case .brat:
      let annotations = Self.replacingExtension(of: path, with: "ann")
      let textFile = Self.replacingExtension(of: annotations, with: "txt")
      guard FileManager.default.fileExists(atPath: textFile) else {
        throw .missingBratText(annotations: annotations, text: textFile)
      }
      corpus = BratGoldReader(annotationFile: annotations, textFile: textFile).corpus(
        text: try text(of: textFile), annotations: try text(of: annotations))
    }
    corpus.files = [path]
    return corpus
  }

  /// `path` with its extension replaced, kept relative as the user gave it.
  static func replacingExtension(of path: String, with newExtension: String) -> String {
    let name = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    guard let dot = path[name...].lastIndex(of: "."), dot > name else {
      return path + "." + newExtension
    }
    return path[..<dot] + "." + newExtension
  }

  static func text(of path: String) throws(GoldError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "permission denied or not a regular file")
    }
    let bytes = [UInt8](data)
    if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
      throw .invalidUTF8(path: path, byteOffset: offset)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
