import ArgumentParser

/// `gazetag gazetteer`: commands that examine a gazetteer rather than tag text.
struct GazetteerGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "Check, count, harvest, compile or export a gazetteer, or suggest names for it.",
    subcommands: [Lint.self, Stats.self, Harvest.self, Compile.self, Export.self, Suggest.self])
}
