#include "gazetag_icu.h"

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
