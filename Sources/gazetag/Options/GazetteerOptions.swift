import ArgumentParser
import Foundation
import Gazetag

/// The options that choose the gazetteer and how it matches.
struct GazetteerOptions: ParsableArguments {
  @Option(
    name: .customLong("gazetteer"),
    help: ArgumentHelp(
      "A gazetteer directory or a spaCy EntityRuler patterns file (.jsonl); repeatable. Default: the bundled gazetteer.",
      valueName: "path"))
  var paths: [String] = []

  @Option(help: "Override the gazetteer's matching profile (standard or exact).")
  var fold: MatchingProfile?

  @Option(
    help: ArgumentHelp(
      "Only report these labels, comma-separated (e.g. PERSON,PLACE).", valueName: "labels"))
  var labels: String?

  @Option(help: "Overlapping candidates: none keeps the longest, all keeps every one.")
  var overlaps: OverlapPolicy = .none

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

  /// Loads the gazetteer for a subcommand's `validate()` when a usage check needs its labels,
  /// so that a usage error shows that subcommand's usage; `run()` then reuses it. A gazetteer
  /// that cannot be loaded is reported as fatal (exit status 2), as in `run()`.
  func loadedForValidation() throws -> Gazetteer {
    var loaded: Gazetteer?
    try reportingFatalErrors { loaded = try gazetteer() }
    return loaded!
  }

  /// Refuses labels of `--labels` that the gazetteer does not declare (loading it, unless
  /// `--labels` is absent). Call it from the subcommand's `validate()`, after the cheap checks.
  func validateLabels() throws {
    guard let wanted = wantedLabels else { return }
    let declared = try loadedForValidation().labels.map(\.name)
    for label in wanted.sorted() where !declared.contains(label) {
      throw ValidationError(
        "unknown label '\(label)' in --labels; the gazetteer declares \(declared.joined(separator: ", "))"
      )
    }
  }

  /// The gazetteer the options name.
  func gazetteer() throws -> Gazetteer {
    if let loaded = loadedGazetteer, loaded.paths == paths, loaded.fold == fold {
      return loaded.gazetteer
    }
    do {
      let gazetteer =
        paths.isEmpty
        ? Gazetteer.bundled
        : try Gazetteer(
          merging: try paths.map { path throws(GazetteerError) in
            try Gazetteer(contentsOf: URL(fileURLWithPath: path))
          }, profile: fold)
      loadedGazetteer = (paths, fold, gazetteer)
      return gazetteer
    } catch {
      throw Fatal(message: error.description)
    }
  }

  /// A tagger for the gazetteer and options.
  func tagger() throws -> Tagger {
    let gazetteer = try gazetteer()
    do {
      let tagger = try Tagger(
        gazetteer: gazetteer,
        options: TaggerOptions(labels: wantedLabels, overlaps: overlaps, profile: fold))
      keptUntilExit.append(tagger)
      return tagger
    } catch {
      throw Fatal(message: error.description)
    }
  }
}

/// The gazetteer of this run once loaded, with the options it was loaded for: a subcommand's
/// `validate()` may load it to check labels, and `run()` must not load it again. It is set
/// before any other thread that reads it starts.
nonisolated(unsafe) private var loadedGazetteer:
  (paths: [String], fold: MatchingProfile?, gazetteer: Gazetteer)?

/// The taggers of this run, never freed: releasing a large gazetteer entry by entry takes
/// longer than the process exit that returns all its memory at once.
nonisolated(unsafe) private var keptUntilExit: [Tagger] = []
