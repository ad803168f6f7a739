import ArgumentParser
import Foundation
import Gazetag

/// The options that choose the gazetteer and how it matches.
struct GazetteerOptions: ParsableArguments {
  @Option(
    name: .customLong("gazetteer"),
    help: ArgumentHelp(
      "A gazetteer directory or a spaCy EntityRuler patterns file (.jsonl) to use instead of the bundled gazetteer; repeatable (their ids must not clash).",
      valueName: "path"))
  var paths: [String] = []

  @Option(
    name: .customLong("extend"),
    help: ArgumentHelp(
      "A gazetteer directory or patterns file layered over the bundled gazetteer (or over the --gazetteer ones); repeatable, each over the ones before. Its entries replace those with the same id.",
      valueName: "path"))
  var extensions: [String] = []

  @Option(help: "Override the gazetteer's matching profile (standard or exact).")
  var fold: MatchingProfile?

  @Option(
    help: ArgumentHelp(
      "Only report these labels, comma-separated (e.g. PERSON,PLACE).", valueName: "labels"))
  var labels: String?

  @Option(help: "Overlapping candidates: none keeps the longest, all keeps every one.")
  var overlaps: OverlapPolicy = .none

  /// The gazetteer the options name.
  func gazetteer() throws -> Gazetteer {
    do {
      // The bundled gazetteer is decoded only when it is used: not beside --gazetteer.
      var gazetteer =
        paths.isEmpty
        ? Gazetteer.bundled
        : try Gazetteer(
          combining: try paths.map { path throws(GazetteerError) in
            try Gazetteer(contentsOf: URL(fileURLWithPath: path))
          }, profile: fold)
      for path in extensions {
        let layer = try Gazetteer(contentsOf: URL(fileURLWithPath: path), extending: gazetteer)
        gazetteer = try Gazetteer(layering: layer, over: gazetteer, profile: fold)
      }
      return gazetteer
    } catch {
      throw Fatal(message: error.description)
    }
  }

  /// The one compiled gazetteer the options name, if they name one and nothing else (or name
  /// none: the bundled one): it is tagged with as loaded, its entries decoded only as spans
  /// name them.
  ///
  /// A `--fold` other than the profile it was compiled with needs new keys: then `nil`, and the
  /// gazetteer is decoded and matched anew.
  func compiledGazetteer() throws -> CompiledGazetteer? {
    var compiled: CompiledGazetteer?
    if paths.isEmpty && extensions.isEmpty {
      compiled = .bundled
    } else if paths.count == 1, extensions.isEmpty, CompiledGazetteer.isCompiled(path: paths[0]) {
      do {
        compiled = try CompiledGazetteer(contentsOf: paths[0])
      } catch {
        throw Fatal(message: error.description)
      }
    }
    if let fold, fold != compiled?.profile { return nil }
    return compiled
  }

  /// A tagger for the gazetteer and options.
  ///
  /// - Parameter entries: whether the tagger's gazetteer must hold every entry (coverage
  ///   reads them all); if not, a compiled gazetteer is used as loaded.
  func tagger(entries: Bool = false) throws -> Tagger {
    let compiled = entries ? nil : try compiledGazetteer()
    let gazetteer =
      try compiled.map { Gazetteer(labels: $0.labels, entries: [], profile: $0.profile) }
      ?? gazetteer()
    let wanted = labels.map {
      Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
    }
    if let wanted {
      let known = Set(gazetteer.labels.map(\.name))
      for label in wanted.sorted() where !known.contains(label) {
        throw ValidationError(
          "unknown label '\(label)' in --labels; the gazetteer declares \(gazetteer.labels.map(\.name).joined(separator: ", "))"
        )
      }
    }
    do {
      let options = TaggerOptions(labels: wanted, overlaps: overlaps, profile: fold)
      let tagger =
        try compiled.map { compiled throws(GazetteerError) in
          try Tagger(compiled: compiled, options: options)
        } ?? Tagger(gazetteer: gazetteer, options: options)
      keptUntilExit.append(tagger)
      return tagger
    } catch {
      throw Fatal(message: "\(error)")
    }
  }
}

/// The taggers of this run, never freed: releasing a large gazetteer entry by entry takes
/// longer than the process exit that returns all its memory at once.
nonisolated(unsafe) private var keptUntilExit: [Tagger] = []
