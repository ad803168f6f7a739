import ArgumentParser

/// `gazetag gazetteer`: commands that examine a gazetteer rather than tag text.
struct GazetteerGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetteer",
    abstract: "Check a gazetteer or count its contents.",
    subcommands: [Lint.self, Stats.self])
}
