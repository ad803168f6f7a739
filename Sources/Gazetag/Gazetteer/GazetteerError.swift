/// A gazetteer that cannot be loaded. Each message starts with the place (`file:line:`) and
/// says how to fix it.
public enum GazetteerError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The path is neither a gazetteer directory nor a `.jsonl` patterns file, or is unreadable.
  case unreadable(path: String, reason: String)
  /// A gazetteer file is not well-formed UTF-8.
  case invalidEncoding(SourceLocation, byteOffset: Int)
  /// A file the manifest names (under `key`) cannot be read.
  case unreadableFile(SourceLocation, file: String, key: String, reason: String)
  /// The manifest is not valid JSON or lacks a required key.
  case invalidManifest(SourceLocation, reason: String)
  /// The manifest's format version is not one this build reads.
  case unsupportedFormat(SourceLocation, version: Int)
  /// The manifest's profile is not `standard` or `exact`.
  case unknownProfile(SourceLocation, profile: String)
  /// A TSV file's header lacks a required column.
  case missingColumn(SourceLocation, column: String)
  /// A TSV row has more fields than the header names.
  case extraFields(SourceLocation, expected: Int, found: Int)
  /// A required field of a row is empty.
  case emptyField(SourceLocation, column: String)
  /// A TSV file's header names a column twice.
  case duplicateColumn(SourceLocation, column: String)
  /// The manifest declares a label a second time; `first` is the first declaration.
  case duplicateLabel(SourceLocation, label: String, first: SourceLocation)
  /// A file is neither a gazetteer directory nor a patterns file: its first non-blank line
  /// (`location`) is not a JSON object.
  case notAGazetteer(SourceLocation)
  /// A row's label is not declared in the manifest.
  case unknownLabel(SourceLocation, label: String, declared: [String])
  /// A line of a patterns file is not a JSON object.
  case invalidJSON(SourceLocation, reason: String)
  /// A spaCy pattern given as a list of token dictionaries.
  case tokenPattern(SourceLocation)
  /// An alias made only of separators, or one that starts with the designator slot `#`.
  case unusableAlias(SourceLocation, alias: String, reason: String)
  /// Gazetteers with different matching profiles were combined without `--fold`.
  case profileConflict(first: String, second: String)
  /// A compiled gazetteer of another format or key version than this build reads.
  case compiledFormat(path: String, version: Int)
  /// A compiled gazetteer that is truncated or damaged.
  case damagedCompiled(path: String, reason: String)
  /// A compiled gazetteer whose source file changed since it was compiled.
  case staleCompiled(path: String, source: String)
  /// An id that an entry of another gazetteer given side by side (at `first`) also has.
  case duplicateID(SourceLocation, id: String, first: SourceLocation)

  /// A row of a rules file that cannot be used.
  case invalidRule(SourceLocation, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "\(path): cannot read gazetteer: \(reason); give a gazetteer directory (with manifest.json) or a spaCy patterns .jsonl file"
    case .invalidEncoding(let location, let byteOffset):
      "\(location): invalid UTF-8 at byte \(byteOffset) of the file; save the file as UTF-8"
    case .unreadableFile(let location, let file, let key, let reason):
      "\(location): cannot read '\(file)', named under \"\(key)\": \(reason); add the file or correct its path"
    case .invalidManifest(let location, let reason):
      "\(location): invalid manifest: \(reason)"
    case .unsupportedFormat(let location, let version):
      "\(location): manifest format \(version) is not supported; this gazetag reads format 1"
    case .unknownProfile(let location, let profile):
      "\(location): unknown profile '\(profile)'; use \"standard\" or \"exact\""
    case .missingColumn(let location, let column):
      "\(location): header lacks the required column '\(column)'; the first non-comment line names the columns, tab-separated"
    case .extraFields(let location, let expected, let found):
      "\(location): \(found) tab-separated fields but the header names \(expected); remove the stray tab or add a column to the header"
    case .duplicateColumn(let location, let column):
      "\(location): the header names the column '\(column)' twice; remove or rename one of them"
    case .duplicateLabel(let location, let label, let first):
      "\(location): label '\(label)' is declared twice (first at \(first)); declare each label once"
    case .notAGazetteer(let location):
      "\(location.file): neither a gazetteer directory nor a spaCy patterns file: line \(location.line) is not a JSON object; give a gazetteer directory (with manifest.json) or a .jsonl file with one {\"label\": …, \"pattern\": \"…\"} per line"
    case .emptyField(let location, let column):
      "\(location): empty '\(column)'; every row needs one"
    case .unknownLabel(let location, let label, let declared):
      "\(location): unknown label '\(label)'; declared labels are \(declared.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: ", ")) (declare it under \"labels\" in manifest.json)"
    case .invalidJSON(let location, let reason):
      "\(location): not a JSON object: \(reason); each line must be {\"label\": …, \"pattern\": \"…\", \"id\": …}"
    case .tokenPattern(let location):
      "\(location): token-list patterns are not supported; write the pattern as a phrase string, e.g. {\"label\": \"PLACE\", \"pattern\": \"डोनबास\"}"
    case .unusableAlias(let location, let alias, let reason):
      "\(location): alias '\(alias)' \(reason)"
    case .profileConflict(let first, let second):
      "gazetteers use different matching profiles (\(first) and \(second))"
    case .compiledFormat(let path, let version):
      "\(path): compiled gazetteer of format \(version), or with matching keys of another gazetag version; this gazetag reads format \(CompiledGazetteer.formatVersion); compile the gazetteer again with this gazetag"
    case .damagedCompiled(let path, let reason):
      "\(path): damaged compiled gazetteer: \(reason); compile the gazetteer again"
    case .staleCompiled(let path, let source):
      "\(path): stale compiled gazetteer: \(source) changed since it was compiled; compile the gazetteer again"
    case .invalidRule(let location, let reason):
      "\(location): invalid rule: \(reason)"
    case .duplicateID(let location, let id, let first):
      "\(location): id '\(id)' is also the id of \(first), in another gazetteer given beside this one; rename one of them, or layer this gazetteer over the other so that its entry replaces the other's"
    }
  }

  /// The file and line the problem is at, if any.
  public var location: SourceLocation? {
    switch self {
    case .unreadable(let path, _), .compiledFormat(let path, _), .damagedCompiled(let path, _),
      .staleCompiled(let path, _):
      SourceLocation(file: path, line: 0)
    case .unreadableFile(let location, _, _, _), .invalidManifest(let location, _),
      .invalidEncoding(let location, _),
      .unsupportedFormat(let location, _), .unknownProfile(let location, _),
      .missingColumn(let location, _), .extraFields(let location, _, _),
      .duplicateColumn(let location, _), .duplicateLabel(let location, _, _),
      .notAGazetteer(let location),
      .emptyField(let location, _), .unknownLabel(let location, _, _),
      .invalidJSON(let location, _), .tokenPattern(let location),
      .unusableAlias(let location, _, _), .duplicateID(let location, _, _),
      .invalidRule(let location, _):
      location
    case .profileConflict: nil
    }
  }
}
