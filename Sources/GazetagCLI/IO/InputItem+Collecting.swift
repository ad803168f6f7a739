import Foundation
import Gazetag

extension InputItem {
  /// Expands path arguments in order: files as given, directories recursively to their `.txt`
  /// files (in any letter case) in byte order, `-` to standard input (also when there are no
  /// arguments). A symbolic link given as an argument is followed; links met inside a
  /// directory are taken as files, so a walk cannot loop. Named pipes and devices are inputs
  /// like files.
  static func collect(_ arguments: [String]) -> (inputs: [InputItem], errors: [InputError]) {
    var inputs: [InputItem] = []
    var errors: [InputError] = []
    var occurrences: [String: Int] = [:]
    for argument in arguments.isEmpty ? ["-"] : arguments {
      if argument == "-" {
        inputs.append(InputItem(argument: argument))
        continue
      }
      let path = InputPath(argument: argument, occurrence: occurrences[argument, default: 0])
      occurrences[argument, default: 0] += 1
      var status = stat()
      guard path.withCString({ stat($0, &status) }) == 0 else {
        errors.append(
          errno == ENOENT
            ? .notFound(path: path.shown)
            : .unreadable(path: path.shown, reason: String(cString: strerror(errno))))
        continue
      }
      guard status.st_mode & S_IFMT == S_IFDIR else {
        inputs.append(InputItem(path: path, relativePath: DisplayText.path(path.lastComponent)))
        continue
      }
      var found: [[UInt8]] = []
      walk(path, relative: [], into: &found, errors: &errors)
      if found.isEmpty && !errors.contains(where: { $0.isUnreadable(path.shown) }) {
        errors.append(.noTextFiles(directory: path.shown))
      }
      for relative in found.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
        inputs.append(
          InputItem(path: path.appending(relative), relativePath: DisplayText.path(relative)))
      }
    }
    return (inputs, errors)
  }

  /// Adds the `.txt` entries under the directory `root`/`relative` to `found` (as paths
  /// relative to `root`) and descends into its subdirectories, but not into symbolic links.
  private static func walk(
    _ root: InputPath, relative: [UInt8], into found: inout [[UInt8]],
    errors: inout [InputError]
  ) {
    let directory = relative.isEmpty ? root : root.appending(relative)
    guard let stream = directory.withCString({ opendir($0) }) else {
      errors.append(
        .unreadable(path: directory.shown, reason: String(cString: strerror(errno))))
      return
    }
    defer { closedir(stream) }
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
        Array(raw.prefix { $0 != 0 })
      }
      if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] {
        continue
      }
      let child = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
      if hasTextExtension(name) { found.append(child) }
      var isDirectory = Int32(entry.pointee.d_type) == DT_DIR
      if Int32(entry.pointee.d_type) == DT_UNKNOWN {
        var status = stat()
        isDirectory =
          root.appending(child).withCString({ lstat($0, &status) }) == 0
          && status.st_mode & S_IFMT == S_IFDIR
      }
      if isDirectory { walk(root, relative: child, into: &found, errors: &errors) }
    }
  }
}

extension InputError {
  /// Whether this says that `path` cannot be read.
  fileprivate func isUnreadable(_ path: String) -> Bool {
    if case .unreadable(path, _) = self { return true }
    return false
  }
}
