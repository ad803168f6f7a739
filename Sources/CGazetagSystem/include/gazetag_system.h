// Process and file-system helpers that Swift's Glibc module does not expose, for the library
// and the command-line tool: the allocator's reuse of freed memory, atomic exchange of two
// paths, the standard descriptors, and temporary output files that signals remove. The header
// uses only <stdint.h>/<stddef.h> types.
#ifndef GAZETAG_SYSTEM_H
#define GAZETAG_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Asks the C allocator (glibc) to keep freed blocks of up to 32 MiB in the heap for reuse
/// instead of returning them to the kernel; does nothing with another C library.
void gz_keep_freed_memory(void);

/// Swaps the files at two paths in one atomic step (Linux `renameat2` with
/// `RENAME_EXCHANGE`). Returns 0, or the errno value: ENOENT when either path is missing,
/// EINVAL or ENOSYS where the file system or system cannot exchange.
int32_t gz_exchange_paths(const char *first, const char *second);

/// Opens /dev/null on any of descriptors 0, 1 and 2 that is closed, so that no file opened later
/// takes its number (an output file on descriptor 2 would receive the diagnostics). It is
/// opened with the contrary access mode (write-only for 0, read-only for 1 and 2), so reading
/// or writing the closed stream still fails with EBADF. Call it first, before any other thread
/// or file exists.
void gz_open_standard_descriptors(void);

/// Installs handlers for SIGINT, SIGTERM and SIGHUP (unless the signal is ignored) that remove
/// every file registered by `gz_temporary_create` and not yet forgotten, then let the signal
/// end the process with its default action, so its exit status still names the signal.
void gz_remove_temporaries_on_signals(void);

/// Creates a new file at `path_template`, whose last six characters must be `XXXXXX` and are
/// replaced (in place) with random letters and digits, as `mkstemp` does, but with mode 0666
/// less the umask, as for any new file. The path is registered for removal on a signal (see
/// `gz_remove_temporaries_on_signals`); `*slot` receives its registration, or -1 when it could
/// not be registered (more than 64 at once, or a path longer than PATH_MAX). Returns the open
/// descriptor (read-write, close-on-exec), owned by the caller, or -1 with `errno` set.
int32_t gz_temporary_create(char *path_template, int32_t *slot);

/// Ends the registration `slot` from `gz_temporary_create` once the file has been renamed or
/// removed; -1 is allowed and does nothing. Safe to call from any thread.
void gz_temporary_forget(int32_t slot);

#ifdef __cplusplus
}
#endif

#endif
