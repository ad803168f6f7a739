import Foundation
import Testing

@Suite struct GazetteerCommandTests {
  typealias G = GazetagProcess

  /// The unit tests' fixtures, where `lint/flawed` has one deliberate problem of each kind.
  static let fixtures = G.repositoryRoot.appendingPathComponent("Tests/GazetagTests/Fixtures")

  @Test("lint: findings with the paths as given, then the summary; errors exit 1")
  func lintFlawed() throws {
    let result = try G.run(["gazetteer", "lint", "lint/flawed"], in: Self.fixtures)
    #expect(result.status == 1)
    #expect(result.stderr.isEmpty)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 15)
    #expect(
      lines.first
        == "lint/flawed/manifest.json:16: cannot read 'lint/flawed/missing.tsv', named under \"files\": cannot open the file; add the file or correct its path"
    )
    #expect(
      lines.contains(
        "lint/flawed/places.tsv:3: 'रोम' is the ordinary word 'रोम' (lint/flawed/words.txt:3) and would be tagged wherever the word is used; remove it, or use a longer form of the name"
      ))
    #expect(lines.last == "13 errors, 1 warning in 19 entries")
  }

  @Test("lint: a clean gazetteer and the bundled one exit 0")
  func lintClean() throws {
    let clean = try G.run(["gazetteer", "lint", "gazetteer"], in: Self.fixtures)
    #expect(clean.status == 0)
    #expect(clean.stdout == "0 errors, 0 warnings in 21 entries\n")
    let bundled = try G.run(["gazetteer", "lint"])
    #expect(bundled.status == 0)
    #expect(bundled.stdout.hasPrefix("0 errors, ") || bundled.stdout.contains("\n0 errors, "))
    let onDisk = try G.run(["gazetteer", "lint", "gazetteer"], in: G.repositoryRoot)
    #expect(onDisk.status == 0)
  }

  @Test("lint: --stoplist checks a patterns file against a word list")
  func lintStoplist() throws {
    let result = try G.run(
      ["gazetteer", "lint", "lint/patterns.jsonl", "--stoplist", "lint/stoplist.txt"],
      in: Self.fixtures)
    #expect(result.status == 1)
    #expect(
      result.stdout.contains(
        "lint/patterns.jsonl:6: 'साल' is the ordinary word 'साल' (lint/stoplist.txt:2)"))
    #expect(result.stdout.hasSuffix("4 errors, 0 warnings in 4 entries\n"))
  }

  @Test("lint: a missing gazetteer is fatal (2); a missing --stoplist is a usage error (64)")
  func lintMissing() throws {
    let missing = try G.run(["gazetteer", "lint", "no-such-dir"], in: Self.fixtures)
    #expect(missing.status == 2)
    #expect(
      missing.stderr.hasPrefix(
        "gazetag: no-such-dir: cannot read gazetteer: no such file or directory"))
    #expect(missing.stdout.isEmpty)
    let usage = try G.run(["gazetteer", "lint", "--stoplist", "nope.txt"], in: Self.fixtures)
    #expect(usage.status == 64)
    #expect(usage.stderr.contains("--stoplist nope.txt: no such file"))
  }

  @Test("stats --format json: the documented shape")
  func statsJSON() throws {
    let result = try G.run(
      ["gazetteer", "stats", "--format", "json", "gazetteer"], in: Self.fixtures)
    #expect(result.status == 0)
    let object = try #require(G.jsonLines(result.stdout).first)
    #expect(Set(object.keys) == ["labels", "sources", "entries", "aliases", "families"])
    #expect(
      object["labels"] as? [String: Int] == [
        "PERSON": 5, "WEAPON": 2, "COUNTRY": 3, "PLACE": 9, "NORP": 2,
      ])
    #expect(object["sources"] as? [String: Int] == ["unspecified": 21])
    #expect(object["entries"] as? Int == 21)
    #expect(object["families"] as? Int == 1)
  }

  @Test("stats reads a compiled gazetteer (.gzc) as it reads the directory it came from")
  func statsCompiled() throws {
    let scratch = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let compiled = scratch.appendingPathComponent("fixture.gzc").path
    let compile = try G.run(
      ["gazetteer", "compile", "gazetteer", "-o", compiled], in: Self.fixtures)
    #expect(compile.status == 0)
    let fromSource = try G.run(
      ["gazetteer", "stats", "--format", "json", "gazetteer"], in: Self.fixtures)
    let fromCompiled = try G.run(["gazetteer", "stats", "--format", "json", compiled])
    #expect(fromCompiled.status == 0, "\(fromCompiled.stderr)")
    #expect(fromCompiled.stdout == fromSource.stdout)
    let help = try G.run(["gazetteer", "stats", "--help"])
    #expect(help.stdout.contains(".gzc"))
  }

  @Test("stats: the bundled gazetteer as a table; an unloadable one exits 2; a bad format 64")
  func statsText() throws {
    let bundled = try G.run(["gazetteer", "stats"])
    #expect(bundled.status == 0)
    #expect(bundled.stdout.hasPrefix("labels\n  PERSON "))
    #expect(bundled.stdout.contains("\nfamilies "))
    let broken = try G.run(["gazetteer", "stats", "lint/flawed"], in: Self.fixtures)
    #expect(broken.status == 2)
    #expect(broken.stderr.hasPrefix("gazetag: lint/flawed/manifest.json:16: cannot read"))
    let usage = try G.run(["gazetteer", "stats", "--format", "xml"])
    #expect(usage.status == 64)
  }
}
