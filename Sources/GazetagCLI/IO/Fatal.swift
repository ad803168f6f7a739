import ArgumentParser
import Foundation

/// An error that ends the run: printed as one line on standard error, exit status 2.
struct Fatal: Error, CustomStringConvertible {
  var message: String
  var description: String { message }

  /// The exit status of a fatal error (1 is "some inputs failed", 64 a usage error).
  static let exitCode = ExitCode(2)
}

/// Prints one diagnostic line on standard error, with control characters escaped
/// (``DisplayText``) so that a file name cannot drive the terminal or break the line.
///
/// A diagnostic that cannot be written (standard error closed, full, or a pipe whose reader has
/// gone: `2>&-`, `2>/dev/full`, `2>&1 | grep -m1 …`) is dropped: it must never end the run.
/// `FileHandle.write` would stop the process on such an error.
func report(_ message: String) {
  ProgressLine.clearForMessage()
  var line = Array("gazetag: \(DisplayText.escapingControls(message))\n".utf8)
  line.withUnsafeMutableBytes { bytes in
    var offset = 0
    while offset < bytes.count {
      let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      offset += written
    }
  }
}

/// Runs `body`, turning a ``Fatal`` error into its one-line message and exit status 2.
func reportingFatalErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let fatal as Fatal {
    report(fatal.message)
    throw Fatal.exitCode
  } catch is OutputClosed {
    // The reader went away (`| head`): stop quietly, as other Unix filters do.
  }
}
