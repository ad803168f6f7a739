import Foundation
import Testing

/// `--input jsonl` end to end: every record comes back byte for byte with its spans, offsets
/// count the text field as a JSON reader decodes it, and a bad input is named and skipped.
@Suite struct RecordInputTests {
  typealias G = GazetagProcess

  /// The (start, end) pairs of each output line's spans.
  func ranges(_ output: String) -> [[[Int]]] {
    output.split(separator: "\n").map { line in
      line.matches(of: /"start":(\d+),"end":(\d+)/).map { [Int($0.1)!, Int($0.2)!] }
    }
  }

  @Test(
    "offsets count U+FEFF and lone surrogates as Python's json.loads decodes the text",
    arguments: [
      ("codepoint", [[[3, 6]], [[1, 4], [7, 10]]]),
      ("utf16", [[[3, 6]], [[1, 4], [7, 10]]]),
      ("utf8", [[[5, 14]], [[3, 12], [17, 26]]]),
    ])
  func decodedOffsets(unit: String, expected: [[[Int]]]) throws {
    // json.loads gives "\n\ufeff रूस" and "\ufeffरूस \ud800 रूस".
    let input: [UInt8] =
      Array(#"{"text":"\n"#.utf8) + [0xEF, 0xBB, 0xBF] + Array(" रूस\"}\n".utf8)
      + Array(#"{"text":"\ufeffरूस \ud800 रूस"}"#.utf8) + [0x0A]
    let result = try G.run(["tag", "--input", "jsonl", "--offsets", unit], input: Data(input))
    #expect(result.status == 0)
    #expect(result.stderr == "")
    #expect(ranges(result.stdout) == expected)
  }

  @Test(
    "a read error names the input, and the inputs after it are tagged; exit 1",
    .enabled(if: FileManager.default.isReadableFile(atPath: "/proc/self/mem")))
  func readError() throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(#"{"text": "रूस"}"#.utf8 + [0x0A]).write(
      to: directory.appendingPathComponent("ok.jsonl"))
    // /proc/self/mem opens but cannot be read from its start (EIO).
    let result = try G.run(
      ["tag", "--input", "jsonl", "ok.jsonl", "/proc/self/mem", "ok.jsonl"], in: directory)
    #expect(result.status == 1)
    #expect(result.stderr == "gazetag: /proc/self/mem: cannot read: Input/output error\n")
    #expect(ranges(result.stdout) == [[[0, 3]], [[0, 3]]])
  }

  @Test(
    "with standard input held open, each record's line comes out before the next is written",
    arguments: ["1", "2"])
  func answersEachLine(jobs: String) throws {
    let directory = try G.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // The writer keeps the pipe open and waits for each answer (up to 30 s) before writing
    // the next record, as a driver of a long-running process does; a run that held its
    // output until more input came would answer none.
    let script = """
      mkfifo in && exec 3<>in && : >out
      timeout -s KILL 60 "$G" tag --input jsonl --jobs \(jobs) <in >out 3>&- &
      for record in 1 2 3; do
        printf '{"n":%d,"text":"रूस"}\\n{"n":%d}\\n' $record $record >&3
        for i in $(seq 300); do [ "$(wc -l <out)" -ge $((2 * record)) ] && break; sleep 0.1; done
        echo "answered $(wc -l <out)"
      done
      exec 3>&-
      wait
      cat out
      """
    let result = try G.shell(script, in: directory)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.prefix(3) == ["answered 2", "answered 4", "answered 6"])
    #expect(lines.count == 9)
    #expect(
      ranges(lines.dropFirst(3).joined(separator: "\n"))
        == [[[0, 3]], [], [[0, 3]], [], [[0, 3]], []])
    #expect(
      result.stderr.split(separator: "\n").map { $0.prefix(13) } == [
        "gazetag: -:2:", "gazetag: -:4:", "gazetag: -:6:",
      ])
  }

  @Test("CRLF records come back with their CR, tagged or not")
  func crlf() throws {
    let input = "{\"text\": \"रूस\"} \r\n{\"text\": 1}\r\n \r\n"
    let result = try G.run(["tag", "--input", "jsonl"], input: input)
    #expect(result.status == 1)
    let span = #"{"start":0,"end":3,"label":"COUNTRY","text":"रूस","id":"RU","name":"रूस"}"#
    #expect(
      result.stdout
        == "{\"text\": \"रूस\",\"spans\":[\(span)]} \r\n{\"text\": 1}\r\n \r\n")
  }

  @Test("valid JSON that other parsers accept is tagged; invalid JSON is named exactly")
  func validJSON() throws {
    let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
    let input = """
      {"n": 1e400, "deep": \(deep), "text": "रूस"}
      {"text": "रूस", "x": NaN}

      """
    let result = try G.run(["tag", "--input", "jsonl"], input: input)
    #expect(result.status == 1)
    #expect(ranges(result.stdout) == [[[0, 3]], []])
    #expect(result.stdout.hasSuffix("\n{\"text\": \"रूस\", \"x\": NaN}\n"))
    #expect(
      result.stderr
        == "gazetag: -:2: byte 27 of the line: invalid JSON: NaN is not a JSON number; write null or a string\n"
    )
  }

  @Test("a record of megabytes is tagged in chunks with the same result as whole")
  func longRecord() throws {
    let text = Array(repeating: #"रूस और \"मॉस्को\"\n"#, count: 50_000).joined()
    let input = """
      {"text": "रूस"}
      {"id": 2, "text": "\(text)"}
      {"text": "मॉस्को"}

      """
    let whole = try G.run(["tag", "--input", "jsonl", "--jobs", "1"], input: input)
    let chunked = try G.run(
      ["tag", "--input", "jsonl", "--chunk-size", "4096", "--jobs", "2"], input: input)
    #expect(whole.status == 0)
    #expect(ranges(whole.stdout).map(\.count) == [1, 100_000, 1])
    #expect(chunked.stdout == whole.stdout)
    let lines = whole.stdout.split(separator: "\n")
    #expect(lines[1].hasPrefix(#"{"id": 2, "text": "\#(text)","spans":["#))
  }
}
