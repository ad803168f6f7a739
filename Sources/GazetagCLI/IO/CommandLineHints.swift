import Gazetag

/// The message of a library error with the command-line option or command that fixes it: the
/// library describes the problem and names nothing of any front end; the tool adds its own
/// remedy (`--invalid replace`, `--fold`, `--text-field`, …).
func describe(_ error: any Error) -> String {
  let message = "\(error)"
  return message + (commandLineHint(for: error) ?? "")
}

/// What the tool adds to the library's message, separator included.
private func commandLineHint(for error: any Error) -> String? {
  switch error {
  case let error as InputError:
    if case .invalidUTF8 = error { return " or pass --invalid replace" }
  case let error as GoldError:
    switch error {
    case .unknownFormat: return "; give --gold-format jsonl, conll or brat"
    case .tagOutsideScheme: return "; or choose another --scheme"
    default: break
    }
  case let error as GazetteerError:
    switch error {
    case .profileConflict: return "; choose one with --fold"
    case .duplicateID: return " (--extend)"
    case .compiledFormat, .damagedCompiled, .staleCompiled:
      return " (gazetag gazetteer compile)"
    default: break
    }
  case let error as JSONLRecordAnnotator.Failure:
    if case .missingTextField = error { return "; name the text field with --text-field" }
  default: break
  }
  return nil
}

extension Fatal {
  /// A fatal library error, with the option that fixes it (``describe(_:)``).
  init(_ error: any Error) {
    self.init(message: describe(error))
  }
}

/// Prints a library error as one diagnostic line, with the option that fixes it.
func report(_ error: any Error) {
  report(describe(error))
}
