import ArgumentParser
import Foundation
import Gazetag

/// Where each input's output goes: standard output, one `-o` file for all, or one file per
/// input under `--output-dir`. Files are atomic (``OutputSink``). Each output begins and ends
/// as the writer says, and a shared output has the writer's separator between documents (a
/// document's output therefore starts only once its input has been read: a writer with a
/// separator never streams). Not thread-safe: parallel jobs hand their output to the thread
/// that writes it (``BatchScheduler``).
final class Outputs {
  private let shared: OutputSink?
  private let writer: any DocumentWriter
  /// The documents started in each open output so far.
  private var documents: [ObjectIdentifier: Int] = [:]
  /// The path of each open `--output-dir` file.
  private var paths: [ObjectIdentifier: String] = [:]
  private let directory: String?
  /// The files of the inputs, which no output may replace.
  private let inputFiles: Set<FileIdentity>
  /// The files under `directory` not yet opened, in input order, by input (a path given twice
  /// is one input with two files).
  private var names: [InputItem: ArraySlice<String>] = [:]

  /// - Parameters:
  ///   - file: the `-o` file, if any.
  ///   - directory: the `--output-dir`, if any.
  ///   - inputs: the inputs, none of which may be overwritten.
  ///   - writer: the writer of every output; its extension names the files under `directory`
  ///     (``OutputNames``).
  init(file: String?, directory: String?, inputs: [InputItem], writer: any DocumentWriter) throws {
    self.directory = directory
    self.writer = writer
    if directory != nil {
      var outputNames = OutputNames(fileExtension: writer.fileExtension)
      for item in inputs { names[item, default: []].append(outputNames.name(for: item)) }
    }
    inputFiles = Set(inputs.compactMap(\.identity))
    if let file, let output = FileIdentity(path: file), inputFiles.contains(output) {
      throw ValidationError("--output \(file) is also an input; choose another output path")
    }
    if let directory {
      shared = nil
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw Fatal(message: "\(directory): cannot create the output directory")
      }
    } else {
      let sink = try file.map(OutputSink.init(path:)) ?? OutputSink()
      shared = sink
      try write(sink, writer.beginOutput(to:))
    }
  }

  /// The sink for `item`'s output.
  ///
  /// - Throws: ``InputError/outputIsInput(path:)`` when the file would overwrite an input.
  ///
  /// - Parameter startingDocument: whether `item` is one document, started at once
  ///   (``startDocument(in:)``); `false` for an input of several documents (records), each
  ///   started by the caller.
  func open(_ item: InputItem, startingDocument: Bool = true) throws -> OutputSink {
    let sink = try open(item)
    if startingDocument { try startDocument(in: sink) }
    return sink
  }

  /// Writes the separator before a document of `sink`, unless it is the output's first.
  func startDocument(in sink: OutputSink) throws {
    let key = ObjectIdentifier(sink)
    if documents[key, default: 0] > 0 { try write(sink, writer.separate(to:)) }
    documents[key, default: 0] += 1
  }

  private func open(_ item: InputItem) throws -> OutputSink {
    if let shared { return shared }
    guard let name = names[item]?.popFirst() else {
      preconditionFailure("\(item.source) was not among the inputs or was opened twice")
    }
    let url = URL(fileURLWithPath: directory!).appendingPathComponent(name)
    if let output = FileIdentity(path: url.path), inputFiles.contains(output) {
      throw InputError.outputIsInput(path: url.path)
    }
    try? FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    let sink = try OutputSink(path: url.path)
    // A sink abandoned after a failure may have had the same identifier.
    paths[ObjectIdentifier(sink)] = url.path
    documents[ObjectIdentifier(sink)] = nil
    try write(sink, writer.beginOutput(to:))
    return sink
  }

  /// Writes `text` to a file beside `sink`'s with the extension `.txt` (brat's text beside its
  /// annotations), when `sink` is an `--output-dir` file; nothing otherwise.
  ///
  /// - Throws: ``InputError/outputIsInput(path:)`` when the file would overwrite an input.
  func writeTextCopy(_ text: [UInt8], beside sink: OutputSink) throws {
    guard let path = paths[ObjectIdentifier(sink)] else { return }
    let url = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("txt")
    if let output = FileIdentity(path: url.path), inputFiles.contains(output) {
      throw InputError.outputIsInput(path: url.path)
    }
    let copy = try OutputSink(path: url.path)
    try copy.write(bytes: text)
    try copy.commit()
  }

  /// Ends `item`'s output: a per-input file is ended and moved into place, shared output
  /// flushed.
  func close(_ sink: OutputSink) throws {
    if shared == nil {
      try write(sink, writer.endOutput(to:))
      try sink.commit()
      documents[ObjectIdentifier(sink)] = nil
      paths[ObjectIdentifier(sink)] = nil
    } else {
      try sink.flush()
    }
  }

  /// Ends the run's output: the `-o` file is ended and moved into place.
  func finish() throws {
    guard let shared else { return }
    try write(shared, writer.endOutput(to:))
    try shared.commit()
  }

  /// Writes what `part` appends (an output's beginning, separator or end) to `sink`.
  private func write(_ sink: OutputSink, _ part: (inout [UInt8]) -> Void) throws {
    var bytes: [UInt8] = []
    part(&bytes)
    if !bytes.isEmpty { try sink.write(bytes: bytes) }
  }
}
