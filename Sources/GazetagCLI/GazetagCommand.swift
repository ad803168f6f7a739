import ArgumentParser
import CGazetagSystem
import Gazetag

#if canImport(Glibc)
  import Glibc
#endif

@main
struct GazetagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gazetag",
    abstract: "Find named entities in Hindi (Devanagari) text with a curated gazetteer.",
    version: "0.1.0\n" + CompiledGazetteer.bundledSummary,
    subcommands: [Tag.self, HTML.self, Tokenize.self, Coverage.self, GazetteerGroup.self]
  )

  static func main() {
    // A closed standard stream must not hand its number to an output file (`2>&-` would send
    // the diagnostics into `-o`'s file).
    gz_open_standard_descriptors()
    // A closed pipe (`gazetag tag … | head -1`) must end the run quietly, not kill it.
    signal(SIGPIPE, SIG_IGN)
    // Ctrl-C, `kill` or a closed terminal must not leave temporary output files behind.
    gz_remove_temporaries_on_signals()
    MemoryReuse.keepFreedBlocks()
    Self.main(nil)
  }
}
