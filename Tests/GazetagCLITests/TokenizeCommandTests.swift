import Foundation
import Testing

@Suite struct TokenizeCommandTests {
  typealias G = GazetagProcess

  @Test("tokenize prints offsets, kinds, visible text and keys")
  func tokenize() throws {
    let result = try G.run(["tokenize"], input: "मॉस्को\u{00A0}ह्वासोंग-११")
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        0\t6\tword\tमॉस्को\tमास्को
        6\t7\twhitespace\t\\u{A0}\t
        7\t15\tword\tह्वासोंग\tह्वासोंग
        15\t16\tpunctuation\t-\t
        16\t18\tnumber\t११\t11

        """)
  }

  @Test("tokenize --fold exact keeps the spelling")
  func exact() throws {
    let result = try G.run(["tokenize", "--fold", "exact"], input: "मॉस्को-")
    #expect(result.stdout == "0\t6\tword\tमॉस्को\tमॉस्को\n6\t7\tpunctuation\t-\t-\n")
  }

  @Test("usage errors exit 64")
  func usage() throws {
    let result = try G.run(["tag", "--offsets", "bytes"], input: "")
    #expect(result.status == 64)
    #expect(result.stderr.contains("bytes"))
  }
}
