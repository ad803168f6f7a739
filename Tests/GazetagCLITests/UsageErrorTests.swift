import Foundation
import Testing

/// Options a script may get wrong: each is refused as a usage error (64) with the usage of the
/// subcommand it belongs to, never a crash or an empty result.
@Suite struct UsageErrorTests {
  typealias G = GazetagProcess

  static let news = "किम जोंग उन ने रूस का दौरा किया।"

  @Test(
    "--jobs out of range is a usage error, not a crash",
    arguments: ["9223372036854775807", "1025", "0", "-1"])
  func jobsOutOfRange(jobs: String) throws {
    let result = try G.run(["tag", "--jobs=\(jobs)"], input: Self.news)
    #expect(result.status == 64)
    #expect(result.stderr.contains("--jobs \(jobs): give a number from 1 to 1024"))
    #expect(result.stderr.contains("Usage: gazetag tag "))
    #expect(result.stdout.isEmpty)
  }

  @Test("--jobs at its maximum still tags")
  func jobsMaximum() throws {
    let result = try G.run(["tag", "--jobs", "1024", "--format", "tsv"], input: Self.news)
    #expect(result.status == 0)
    #expect(result.stdout.contains("\tPERSON\tकिम जोंग उन\t"))
  }

  @Test(
    "--labels that names no label is a usage error, not an empty result",
    arguments: ["", ",", " , "])
  func emptyLabels(labels: String) throws {
    for command in ["tag", "html"] {
      let result = try G.run([command, "--labels", labels], input: Self.news)
      #expect(result.status == 64)
      #expect(result.stderr.contains("names no label"))
      #expect(result.stderr.contains("Usage: gazetag \(command) "))
      #expect(result.stdout.isEmpty)
    }
  }

  @Test("an unknown label shows the usage of the subcommand, not the top-level one")
  func unknownLabelUsage() throws {
    for command in [["tag"], ["html"], ["coverage", "--gold", "gold.jsonl"]] {
      let result = try G.run(command + ["--labels", "PERSN"], input: Self.news)
      #expect(result.status == 64)
      #expect(result.stderr.hasPrefix("Error: unknown label 'PERSN' in --labels; the gazetteer"))
      #expect(result.stderr.contains("Usage: gazetag \(command[0]) "))
      #expect(!result.stderr.contains("<subcommand>"))
    }
  }

  @Test(
    "a bad --label-map shows the usage of coverage",
    arguments: [
      ("PER", "'PER' is not GOLD=OURS"), ("PER=PERSN", "unknown label 'PERSN'"),
      ("PER=PERSON,PERSON2=PERSON", "PERSON counts as both PER and PERSON2"),
    ])
  func labelMapUsage(map: String, message: String) throws {
    let result = try G.run(["coverage", "--gold", "gold.jsonl", "--label-map", map])
    #expect(result.status == 64)
    #expect(result.stderr.hasPrefix("Error: --label-map: "))
    #expect(result.stderr.contains(message))
    #expect(result.stderr.contains("Usage: gazetag coverage "))
  }

  @Test("a gazetteer that cannot be loaded while checking --labels is still fatal (2)")
  func labelsWithBrokenGazetteer() throws {
    let result = try G.run(
      ["tag", "--labels", "PERSON", "--gazetteer", "no/such/gazetteer"], input: Self.news)
    #expect(result.status == 2)
    #expect(
      result.stderr
        == "gazetag: no/such/gazetteer: cannot read gazetteer: no such file or directory; give a gazetteer directory (with manifest.json) or a spaCy patterns .jsonl file\n"
    )
  }

  @Test("the help of --jobs states its default once")
  func jobsHelp() throws {
    let help = try G.run(["help", "tag"]).stdout
    let option = try #require(help.range(of: "--jobs <n>"))
    let entry = help[option.lowerBound...].split(separator: "\n").prefix(3).joined(separator: " ")
    #expect(entry.contains("(default: the number of cores)"))
    #expect(entry.components(separatedBy: "(default:").count == 2)
  }

  @Test("an output that is another name of an input shows the subcommand's usage")
  func outputHardLinkedToInput() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.news.write(
      to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try FileManager.default.linkItem(
      at: directory.appendingPathComponent("a.txt"), to: directory.appendingPathComponent("b.txt"))
    for command in ["tag", "html"] {
      let result = try G.run([command, "a.txt", "-o", "b.txt"], in: directory)
      #expect(result.status == 64)
      #expect(result.stderr.hasPrefix("Error: --output b.txt is also an input"))
      #expect(result.stderr.contains("Usage: gazetag \(command) "))
    }
    let kept = try String(contentsOf: directory.appendingPathComponent("a.txt"), encoding: .utf8)
    #expect(kept == Self.news)
  }
}
