import Foundation
import Testing

@Suite struct StandaloneBinaryTests {
  typealias G = GazetagProcess

  @Test("a copied binary tags with the bundled gazetteer, far from the source tree")
  func copiedBinary() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let copy = directory.appendingPathComponent("gazetag")
    try FileManager.default.copyItem(at: G.executable, to: copy)
    let result = try G.run(
      ["tag", "--format", "tsv"], input: Data("किम जोंग उन और प्योंगयांग".utf8), in: directory,
      executable: copy)
    #expect(result.status == 0)
    #expect(result.stdout.contains("PERSON\tकिम जोंग उन"))
    #expect(result.stdout.contains("PLACE\tप्योंगयांग"))
  }
}
