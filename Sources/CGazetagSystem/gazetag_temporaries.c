// Temporary output files that SIGINT, SIGTERM and SIGHUP remove before the process dies.
//
// The signal handler may run on any thread at any moment, so it touches only this fixed table
// and calls only async-signal-safe functions (unlink, raise). A slot holds a path while its
// state is ACTIVE; the handler claims a slot (ACTIVE -> CLAIMED) before reading its path, so a
// thread that forgets or reuses the slot at the same time never changes the path under it.
#define _GNU_SOURCE
#include "gazetag_system.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#if defined(__linux__) || defined(__APPLE__)
#include <sys/random.h>
#endif

enum { SLOT_FREE = 0, SLOT_BUSY = 1, SLOT_ACTIVE = 2, SLOT_CLAIMED = 3 };
enum { SLOT_COUNT = 64 };

static _Atomic int32_t slot_states[SLOT_COUNT];
static char slot_paths[SLOT_COUNT][PATH_MAX];

static const int handled_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void remove_temporaries(int signal_number) {
  for (int slot = 0; slot < SLOT_COUNT; slot++) {
    int32_t expected = SLOT_ACTIVE;
    if (atomic_compare_exchange_strong(&slot_states[slot], &expected, SLOT_CLAIMED)) {
      unlink(slot_paths[slot]);
    }
  }
  // SA_RESETHAND restored the default action on entry; the signal is blocked until the handler
  // returns, and then kills the process, so its exit status still says which signal it was.
  raise(signal_number);
}

void gz_remove_temporaries_on_signals(void) {
  for (size_t index = 0; index < sizeof handled_signals / sizeof handled_signals[0]; index++) {
    struct sigaction previous;
    // An ignored signal (`nohup`, a background job of a script) stays ignored.
    if (sigaction(handled_signals[index], NULL, &previous) != 0 || previous.sa_handler == SIG_IGN) {
      continue;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = remove_temporaries;
    action.sa_flags = SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    sigaction(handled_signals[index], &action, NULL);
  }
}

/// Takes a free slot and copies `path` into it; -1 when the table is full or the path too long.
static int32_t register_path(const char *path) {
  size_t length = strlen(path);
  if (length >= PATH_MAX) return -1;
  for (int32_t slot = 0; slot < SLOT_COUNT; slot++) {
    int32_t expected = SLOT_FREE;
    if (atomic_compare_exchange_strong(&slot_states[slot], &expected, SLOT_BUSY)) {
      memcpy(slot_paths[slot], path, length + 1);
      atomic_store(&slot_states[slot], SLOT_ACTIVE);
      return slot;
    }
  }
  return -1;
}

void gz_temporary_forget(int32_t slot) {
  if (slot < 0 || slot >= SLOT_COUNT) return;
  // A slot the handler has claimed stays claimed: the process is about to die.
  int32_t expected = SLOT_ACTIVE;
  atomic_compare_exchange_strong(&slot_states[slot], &expected, SLOT_FREE);
}

/// Fills `bytes` with random bytes: from the system where it can, else from the clock.
static void random_bytes(uint8_t *bytes, size_t count) {
#if defined(__linux__) || defined(__APPLE__)
  if (getentropy(bytes, count) == 0) return;
#endif
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  static _Atomic uint64_t counter;
  uint64_t state = (uint64_t)now.tv_nsec ^ ((uint64_t)now.tv_sec << 30) ^
                   ((uint64_t)getpid() << 16) ^ atomic_fetch_add(&counter, 1);
  for (size_t index = 0; index < count; index++) {
    // splitmix64
    state += 0x9E3779B97F4A7C15u;
    uint64_t mixed = state;
    mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9u;
    mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBu;
    bytes[index] = (uint8_t)(mixed ^ (mixed >> 31));
  }
}

int32_t gz_temporary_create(char *path_template, int32_t *slot) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  *slot = -1;
  size_t length = strlen(path_template);
  if (length < 6 || strcmp(path_template + length - 6, "XXXXXX") != 0) {
    errno = EINVAL;
    return -1;
  }
  char *suffix = path_template + length - 6;
  for (int attempt = 0; attempt < 100; attempt++) {
    uint8_t random[6];
    random_bytes(random, sizeof random);
    for (int index = 0; index < 6; index++) {
      suffix[index] = alphabet[random[index] % (sizeof alphabet - 1)];
    }
    // Registered before it exists: a signal in between removes nothing, while a file created
    // first could be left behind by a signal before its registration.
    int32_t registered = register_path(path_template);
    // Mode 0666 as for any new file: the kernel applies the umask (and a default ACL).
    int descriptor = open(path_template, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (descriptor >= 0) {
      *slot = registered;
      return descriptor;
    }
    int error = errno;
    gz_temporary_forget(registered);
    if (error != EEXIST) {
      errno = error;
      return -1;
    }
  }
  errno = EEXIST;
  return -1;
}
