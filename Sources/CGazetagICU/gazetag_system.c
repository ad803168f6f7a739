// Process and file-system helpers that Swift's Glibc module does not expose.
#define _GNU_SOURCE
#include "gazetag_icu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

void gz_keep_freed_memory(void) {
#ifdef __GLIBC__
  // A fixed mmap threshold also turns off glibc's own adjustment of both thresholds.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

int32_t gz_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
  return renameat2(AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE) == 0 ? 0 : errno;
#else
  return ENOSYS;
#endif
}
