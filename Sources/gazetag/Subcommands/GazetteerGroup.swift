import ArgumentParser

/// `gazetag gazetteer`: commands that examine a gazetteer rather than tag text.
struct GazetteerGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "Check a gazetteer, count its contents, or harvest one from gold annotations.",
    subcommands: [Lint.self, Stats.self, Harvest.self])
}
