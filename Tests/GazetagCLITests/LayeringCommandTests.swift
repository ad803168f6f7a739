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
      ["tag", "--extend", "layer"], input: Data("रामधारी सिंह दिनकर रूस गए।".utf8),
      in: Self.fixtures)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let spans = try G.jsonLines(result.stdout).first?["spans"] as? [[String: Any]] ?? []
    #expect(spans.compactMap { $0["id"] as? String } == ["person:ramdhari-singh-dinkar", "RU"])
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
