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

  @Option(
    help: ArgumentHelp(
      "Context rules of the gazetteer to apply: enabled (those it enables), all, none, or rule ids, comma-separated.",
      valueName: "rules"))
  var rules: String = "enabled"

  /// The rules of `--rules`.
  var ruleSelection: RuleSelection {
    switch rules {
    case "enabled": .enabled
    case "all": .all
    case "none": .none
    default:
      .only(
        Set(
          rules.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
          }))
    }
  }

  /// The labels of `--labels`, or `nil` for every label.
  var wantedLabels: Set<String>? {
    labels.map {
      Set(
        $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
          !$0.isEmpty
        })
    }
  }

  /// Refuses a `--labels` that names no label, which would drop every span.
  func validate() throws {
    if let labels, wantedLabels?.isEmpty == true {
      throw ValidationError(
        "--labels '\(labels)' names no label; give at least one, e.g. --labels PERSON,PLACE, or leave the option out for every label"
      )
    }
  }

  /// The labels the gazetteer declares, for a subcommand's `validate()`, so that a usage error
  /// shows that subcommand's usage: a compiled gazetteer's from its tables, any other's by
  /// loading it (`run()` then reuses it). A gazetteer that cannot be loaded is reported as
  /// fatal (exit status 2), as in `run()`.
  func declaredLabels() throws -> [String] {
    var declared: [String] = []
    try reportingFatalErrors {
      declared = try (compiledGazetteer()?.labels ?? gazetteer().labels).map(\.name)
    }
    return declared
  }

  /// Refuses labels of `--labels` that the gazetteer does not declare (loading it, unless
  /// `--labels` is absent). Call it from the subcommand's `validate()`, after the cheap checks.
  func validateLabels() throws {
    guard let wanted = wantedLabels else { return }
    let declared = try declaredLabels()
    for label in wanted.sorted() where !declared.contains(label) {
      throw ValidationError(
        "unknown label '\(label)' in --labels; the gazetteer declares \(declared.joined(separator: ", "))"
      )
    }
  }

  /// The gazetteer the options name.
  func gazetteer() throws -> Gazetteer {
    if let loaded = loadedGazetteer, loaded.paths == paths, loaded.extensions == extensions,
      loaded.fold == fold
    {
      return loaded.gazetteer
    }
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
      loadedGazetteer = (paths, extensions, fold, gazetteer)
      return gazetteer
    } catch {
      throw Fatal(error)
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
      if let loaded = loadedCompiled, loaded.path == paths[0] {
        compiled = loaded.compiled
      } else {
        do {
          compiled = try CompiledGazetteer(contentsOf: paths[0])
        } catch {
          throw Fatal(error)
        }
        loadedCompiled = (paths[0], compiled!)
      }
    }
    if let fold, fold != compiled?.profile { return nil }
    return compiled
  }

  /// A tagger for the gazetteer and options.
  ///
  /// - Parameter entries: whether the tagger's gazetteer must hold every entry (coverage
  ///   reads them all); if not, a compiled gazetteer is used as loaded.
  func tagger(entries: Bool = false, renamedLabels: [String: String] = [:]) throws -> Tagger {
    let compiled = entries ? nil : try compiledGazetteer()
    let gazetteer =
      try compiled.map { Gazetteer(labels: $0.labels, entries: [], profile: $0.profile) }
      ?? gazetteer()
    do {
      let options = TaggerOptions(
        labels: wantedLabels, overlaps: overlaps, profile: fold, rules: ruleSelection,
        renamedLabels: renamedLabels)
      let tagger =
        try compiled.map { compiled throws(GazetteerError) in
          try Tagger(compiled: compiled, options: options)
        } ?? Tagger(gazetteer: gazetteer, options: options)
      keptUntilExit.append(tagger)
      return tagger
    } catch {
      throw Fatal(error)
    }
  }
}

/// The gazetteer of this run once loaded, with the options it was loaded for: a subcommand's
/// `validate()` may load it to check labels, and `run()` must not load it again. It is set
/// before any other thread that reads it starts.
nonisolated(unsafe) private var loadedGazetteer:
  (paths: [String], extensions: [String], fold: MatchingProfile?, gazetteer: Gazetteer)?

/// The compiled gazetteer file of this run once mapped and checked, with its path: checking
/// `--labels` in `validate()` and tagging in `run()` share it.
nonisolated(unsafe) private var loadedCompiled: (path: String, compiled: CompiledGazetteer)?

/// The taggers of this run, never freed: releasing a large gazetteer entry by entry takes
/// longer than the process exit that returns all its memory at once.
nonisolated(unsafe) private var keptUntilExit: [Tagger] = []
