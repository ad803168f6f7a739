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
func report(_ message: String) {
  let line = DisplayText.escapingControls(message)
  FileHandle.standardError.write(Data("gazetag: \(line)\n".utf8))
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
