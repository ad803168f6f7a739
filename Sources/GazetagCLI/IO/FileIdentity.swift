import Foundation

/// What a path names on disk, after symbolic links: its device and inode, and for a regular
/// file its size. Two paths name the same file exactly when their identities are equal, which
/// one `stat` tells, where comparing resolved paths takes a `stat` per path component.
struct FileIdentity: Hashable {
  let device: UInt64
  let inode: UInt64
  /// The size in bytes of a regular file; `nil` for anything else.
  let regularFileSize: Int?

  /// The identity of what `path` names, or `nil` when nothing is there.
  init?(path: String) {
    self.init(path: InputPath(bytes: Array(path.utf8)))
  }

  /// The identity of what `path` names, or `nil` when nothing is there.
  init?(path: InputPath) {
    var status = stat()
    guard path.withCString({ stat($0, &status) }) == 0 else { return nil }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    regularFileSize = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
  }

  static func == (a: Self, b: Self) -> Bool {
    a.device == b.device && a.inode == b.inode
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(device)
    hasher.combine(inode)
  }
}
