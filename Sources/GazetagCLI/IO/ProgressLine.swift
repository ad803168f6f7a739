import Foundation
import Synchronization

/// `--progress`: one line on standard error, rewritten in place with `\r`, that says how many
/// inputs and bytes are done, the rate and (when every input's size is known) the time left;
/// cleared at the end, and before any message (``report(_:)``), so that messages stay whole.
///
/// Only ASCII is written, and an earlier, longer line is blanked with spaces rather than a
/// terminal escape, so that a log of it stays readable. One run has at most one progress line.
enum ProgressLine {
  /// A single input of more bytes than this turns the line on by default.
  static let largeInput = 64 << 20
  /// The least time between two drawings of the line.
  static let interval = Duration.milliseconds(200)

  private struct State {
    var isActive = false
    var files = 0
    var totalFiles = 0
    /// The bytes of the inputs done, and of the input under way so far.
    var bytes = 0
    /// The inputs' bytes, when every size is known.
    var totalBytes: Int?
    var start = ContinuousClock.now
    var lastDrawn: ContinuousClock.Instant?
    /// The length of the line on the screen, 0 when none is.
    var shownLength = 0
  }

  private static let state = Mutex(State())

  /// Whether the line is shown when neither `--progress` nor `--no-progress` is given:
  /// standard error is a terminal, standard output is not (output on the terminal shows its
  /// own progress, and would mix with the line), and there is more than one input or one of
  /// more than ``largeInput`` bytes.
  static func isWanted(for inputs: [InputItem]) -> Bool {
    guard isatty(STDERR_FILENO) == 1, isatty(STDOUT_FILENO) == 0 else { return false }
    return inputs.count > 1 || (inputs.first?.regularFileSize ?? 0) > largeInput
  }

  /// Starts the line for `inputs`.
  static func start(_ inputs: [InputItem]) {
    let sizes = inputs.map(\.regularFileSize)
    state.withLock { state in
      state = State(
        isActive: true, totalFiles: inputs.count,
        totalBytes: sizes.contains(nil) ? nil : sizes.reduce(0) { $0 + $1! })
      draw(&state)
    }
  }

  /// Counts `count` more bytes of the input under way.
  static func advance(bytes count: Int) {
    state.withLock { state in
      guard state.isActive else { return }
      state.bytes += count
      drawIfDue(&state)
    }
  }

  /// Counts an input as done, with `count` bytes not yet counted by ``advance(bytes:)``.
  static func finishInput(bytes count: Int = 0) {
    state.withLock { state in
      guard state.isActive else { return }
      state.files += 1
      state.bytes += count
      drawIfDue(&state)
    }
  }

  /// Clears the line for good.
  static func end() {
    state.withLock { state in
      clear(&state)
      state.isActive = false
    }
  }

  /// Clears the line (if shown) so that a message can be written; it is drawn again at the
  /// next count.
  static func clearForMessage() {
    state.withLock { clear(&$0) }
  }

  private static func drawIfDue(_ state: inout State) {
    if let last = state.lastDrawn, ContinuousClock.now - last < interval { return }
    draw(&state)
  }

  private static func draw(_ state: inout State) {
    let now = ContinuousClock.now
    state.lastDrawn = now
    let elapsed =
      Double((now - state.start).components.attoseconds) / 1e18
      + Double((now - state.start).components.seconds)
    let rate = elapsed > 0.5 ? Double(state.bytes) / elapsed : nil
    var line = "gazetag: \(state.files)/\(state.totalFiles) files, \(megabytes(state.bytes))"
    if let total = state.totalBytes { line += "/\(megabytes(total))" }
    line += " MB"
    if let rate {
      line += ", \(megabytes(Int(rate))) MB/s"
      if let total = state.totalBytes, rate > 0 {
        line += ", ETA \(duration(Double(max(0, total - state.bytes)) / rate))"
      }
    }
    let padding = String(repeating: " ", count: max(0, state.shownLength - line.utf8.count))
    write("\r" + line + padding)
    state.shownLength = line.utf8.count
  }

  private static func clear(_ state: inout State) {
    guard state.shownLength > 0 else { return }
    write("\r" + String(repeating: " ", count: state.shownLength) + "\r")
    state.shownLength = 0
    // Drawn again at the next count, however soon.
    state.lastDrawn = nil
  }

  /// `bytes` in megabytes with one decimal.
  private static func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes + 50_000) / 100_000
    return "\(tenths / 10).\(tenths % 10)"
  }

  /// `seconds` as `1h02m`, `3m05s` or `42s`.
  private static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    if whole >= 3600 { return "\(whole / 3600)h\(twoDigits(whole / 60 % 60))m" }
    if whole >= 60 { return "\(whole / 60)m\(twoDigits(whole % 60))s" }
    return "\(whole)s"
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }

  /// Writes to standard error, dropping what cannot be written (as ``report(_:)`` does).
  private static func write(_ text: String) {
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBytes { bytes in
      var offset = 0
      while offset < bytes.count {
        let written = Foundation.write(
          STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
