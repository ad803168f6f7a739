import CGazetagSystem

/// Tuning of the C allocator for a process that tags large texts.
public enum MemoryReuse {
  /// Keeps freed blocks of up to 32 MiB in the heap for reuse, where the C library allows it.
  ///
  /// Tagging works in chunks whose arrays (tokens, candidates, output) take tens of MB and are
  /// freed at the end of each chunk; glibc would return such blocks to the kernel and take
  /// fresh zeroed pages for the next chunk, which costs about a tenth of the run time on dense
  /// text. Call once, at the start of a program, before other threads run.
  public static func keepFreedBlocks() {
    gz_keep_freed_memory()
  }
}
