import Foundation
import Testing

/// `--extend` (a gazetteer over the bundled one), `lint --extends`, and ids that clash across
/// repeated `--gazetteer` options, end to end.
@Suite struct LayeringCommandTests {
  typealias G = GazetagProcess

  static let fixtures = G.repositoryRoot.appendingPathComponent("Tests/GazetagTests/Fixtures")

  @Test("tag --extend finds the bundled gazetteer's entities and the layer's")
  func tagExtend() throws {
    let result = try G.run(
      ["tag", "--extend", "layer"], input: Data("हरिप्रिया वेणुगोपालन रूस गए।".utf8),
      in: Self.fixtures)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let spans = try G.jsonLines(result.stdout).first?["spans"] as? [[String: Any]] ?? []
    #expect(spans.compactMap { $0["id"] as? String } == ["person:haripriya-venugopalan", "RU"])
    // The layer replaces the bundled entry with its id.
    let replaced = try G.run(
      ["tag", "--extend", "layer", "--format", "tsv"], input: Data("किम यो-जोंग".utf8),
      in: Self.fixtures)
    #expect(replaced.stdout.contains("person:kim-yo-jong"))
  }

  @Test("lint --extends bundled reports the clashes with the bundled gazetteer at file:line")
  func lintExtends() throws {
    let result = try G.run(
      ["gazetteer", "lint", "layer", "--extends", "bundled"], in: Self.fixtures)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(
      lines[0].hasPrefix(
        "layer/people.tsv:4: warning: id 'person:kim-yo-jong' is also the id of bundled:people.tsv:"
      ))
    #expect(
      lines[1].hasPrefix("layer/people.tsv:5: warning: 'मास्को' (PERSON) is already a spelling of"))
    #expect(lines[2] == "0 errors, 2 warnings in 3 entries")
    // Alone, the layer uses labels it does not declare.
    let alone = try G.run(["gazetteer", "lint", "layer"], in: Self.fixtures)
    #expect(alone.status == 1)
    #expect(alone.stdout.contains("unknown label 'PERSON'"))
  }

  @Test("an id two --gazetteer options share is fatal (2), naming both places")
  func duplicateIDsAcrossOptions() throws {
    let result = try G.run(
      ["tag", "--gazetteer", "gazetteer", "--gazetteer", "gazetteer"],
      input: Data("रूस".utf8), in: Self.fixtures)
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        "gazetag: gazetteer/entities.tsv:3: id 'KP' is also the id of gazetteer/entities.tsv:3, in another gazetteer given beside this one;"
      ))
    let layered = try G.run(
      ["tag", "--gazetteer", "gazetteer", "--extend", "gazetteer"],
      input: Data("रूस".utf8), in: Self.fixtures)
    #expect(layered.status == 0)
  }
}

/// `gazetag gazetteer harvest`, end to end: from a gold file to a gazetteer lint passes.
@Suite struct HarvestCommandTests {
  typealias G = GazetagProcess

  @Test("harvest -o DIR writes a gazetteer lint passes, excluded.tsv and a summary")
  func harvestDirectory() throws {
    let scratch = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let gold = LayeringCommandTests.fixtures.appendingPathComponent("harvest/small.conll").path
    let output = scratch.appendingPathComponent("harvested").path
    let result = try G.run(
      ["gazetteer", "harvest", "--gold", gold, "--label-map", "NEP=PERSON,NEL=PLACE", "-o", output])
    #expect(result.status == 0)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr.hasPrefix(
        "gazetag: harvested 3 entries (PERSON 1, PLACE 2) from 8 gold names; left out 5 (contested-label 1, ratio 1, punctuation 1, stoplist 1, postposition 1), listed in "
      )
    )
    let excluded = try String(contentsOfFile: output + "/excluded.tsv", encoding: .utf8)
    #expect(excluded.contains("\tदिनकर\tPERSON 1\t1\t3\t0.25\tratio\t"))
    let lint = try G.run(["gazetteer", "lint", output])
    #expect(lint.status == 0)
    #expect(lint.stdout == "0 errors, 0 warnings in 3 entries\n")
    let tagged = try G.run(
      ["tag", "--gazetteer", output, "--format", "tsv"], input: Data("रामधारी सिंह दिनकर".utf8))
    #expect(tagged.stdout.contains("person:रामधारी-सिंह-दिनकर"))
    // Patterns instead of a directory.
    let patterns = scratch.appendingPathComponent("names.jsonl").path
    let spacy = try G.run(["gazetteer", "harvest", "--gold", gold, "-o", patterns])
    #expect(spacy.status == 0)
    #expect(
      FileManager.default.fileExists(
        atPath: scratch.appendingPathComponent("names.excluded.tsv").path))
    #expect(try G.run(["gazetteer", "lint", patterns]).status == 0)
  }
}

/// `gazetag gazetteer compile` and compiled files given to `tag`, end to end.
@Suite struct CompiledGazetteerCommandTests {
  typealias G = GazetagProcess

  static let corpus = G.repositoryRoot.appendingPathComponent("corpus/regression.jsonl").path

  @Test("tag output with a compiled gazetteer is byte-identical to its source's")
  func identical() throws {
    let scratch = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let compiled = scratch.appendingPathComponent("bundled.gzc").path
    let compile = try G.run(
      ["gazetteer", "compile", "gazetteer", "-o", compiled], in: G.repositoryRoot)
    #expect(compile.status == 0)
    #expect(compile.stderr.isEmpty)
    // The corpus's sentences as plain text, one per line.
    let texts = try String(contentsOfFile: Self.corpus, encoding: .utf8).split(separator: "\n")
      .map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?["text"] as? String ?? ""
      }
    let text = scratch.appendingPathComponent("regression.txt").path
    try texts.joined(separator: "\n").write(toFile: text, atomically: true, encoding: .utf8)
    for extra in [[], ["--overlaps", "all"], ["--labels", "PERSON,PLACE"], ["--format", "tsv"]] {
      let source = try G.run(
        ["tag", text, "--gazetteer", "gazetteer"] + extra,
        in: G.repositoryRoot)
      let fast = try G.run(
        ["tag", text, "--gazetteer", compiled] + extra,
        in: G.repositoryRoot)
      #expect(source.status == 0)
      #expect(fast.status == 0)
      #expect(fast.stdoutBytes == source.stdoutBytes, "\(extra)")
      #expect(source.stdout.contains("person:") || source.stdout.contains("\tPERSON\t"))
    }
    let coverage = try G.run(
      ["coverage", "--gold", Self.corpus, "--gazetteer", compiled], in: G.repositoryRoot)
    #expect(coverage.status == 0)
    let lint = try G.run(["gazetteer", "lint", compiled])
    #expect(lint.status == 0)
  }

  @Test("truncated, flipped and wrong-version files are refused with exit 2 and a message")
  func damaged() throws {
    let scratch = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let good = scratch.appendingPathComponent("good.gzc")
    _ = try G.run(
      ["gazetteer", "compile", "Tests/GazetagTests/Fixtures/gazetteer", "-o", good.path],
      in: G.repositoryRoot)
    let bytes = try Data(contentsOf: good)
    var cases: [(name: String, bytes: Data, message: String)] = [
      ("empty-mark", bytes.prefix(8), "damaged compiled gazetteer: truncated: 8 bytes"),
      ("header", bytes.prefix(30), "damaged compiled gazetteer: truncated: 30 bytes"),
      ("half", bytes.prefix(bytes.count / 2), "damaged compiled gazetteer: truncated:"),
      ("last", bytes.dropLast(), "damaged compiled gazetteer: truncated:"),
      ("extra", bytes + Data([0]), "damaged compiled gazetteer:"),
    ]
    for index in [16, 44, 300, bytes.count / 2, bytes.count - 1] {
      var flipped = bytes
      flipped[index] ^= 0xFF
      cases.append(("flip-\(index)", flipped, "damaged compiled gazetteer:"))
    }
    var version = bytes
    version[8] = 9
    cases.append(("version", version, "compiled gazetteer of format 9"))
    for (name, damaged, message) in cases {
      let path = scratch.appendingPathComponent("\(name).gzc").path
      try damaged.write(to: URL(fileURLWithPath: path))
      for command in [
        ["tag", "--gazetteer", path], ["coverage", "--gold", Self.corpus, "--gazetteer", path],
      ] {
        let result = try G.run(command, input: Data("रूस".utf8))
        #expect(result.status == 2, "\(name): \(command[0])")
        #expect(result.stdout.isEmpty, "\(name)")
        #expect(
          result.stderr.hasPrefix("gazetag: \(path): \(message)"), "\(name): \(result.stderr)")
        #expect(
          result.stderr.hasSuffix("compile the gazetteer again (gazetag gazetteer compile)\n")
            || result.stderr.contains("compile the gazetteer again with this gazetag"), "\(name)")
      }
    }
  }
}
