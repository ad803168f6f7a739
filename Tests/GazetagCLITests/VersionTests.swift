import Foundation
import Testing

@Suite struct VersionTests {
  typealias G = GazetagProcess

  @Test("--version names the bundled gazetteer: its entries and fingerprint")
  func version() throws {
    let result = try G.run(["--version"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    #expect(lines.first == "0.1.0")
    let stats = try G.run(["gazetteer", "stats", "--format", "json"])
    let counts = try #require(
      try JSONSerialization.jsonObject(with: stats.stdoutBytes) as? [String: Any])
    let entries = try #require(counts["entries"] as? Int)
    let prefix = "bundled gazetteer: \(entries) entries, fingerprint "
    let last = try #require(lines.last)
    #expect(last.hasPrefix(prefix))
    let fingerprint = last.dropFirst(prefix.count)
    #expect(fingerprint.count == 16)
    #expect(fingerprint.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    #expect(fingerprint != "0000000000000000")
  }
}
