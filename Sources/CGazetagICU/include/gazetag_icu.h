// A small C bridge to the system ICU. Its public header uses only <stdint.h>/<stddef.h> types so
// that Swift modules importing Foundation (which carries its own private ICU) never see ICU's
// headers. Every offset here is in UTF-8 bytes.
#ifndef GAZETAG_ICU_H
#define GAZETAG_ICU_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU word-break iterator over UTF-8 text. Opaque.
typedef struct gz_word_breaker gz_word_breaker;

/// Opens a UAX #29 word-break iterator (locale "hi") over `length` bytes of UTF-8 at `text`.
/// ICU keeps the pointer: `text` must stay valid and unchanged until `gz_word_breaker_close`.
/// Returns NULL on failure and stores ICU's UErrorCode in `*error` (0 on success).
/// The caller owns the result and frees it with `gz_word_breaker_close`.
gz_word_breaker *gz_word_breaker_open(const uint8_t *text, int32_t length, int32_t *error);

/// Writes the next boundaries (UTF-8 byte offsets, increasing, the first call starting after 0)
/// into `boundaries`, at most `capacity` of them. Returns how many were written; 0 at the end.
int32_t gz_word_breaker_next(gz_word_breaker *breaker, int32_t *boundaries, int32_t capacity);

/// Frees a breaker from `gz_word_breaker_open`. NULL is allowed.
void gz_word_breaker_close(gz_word_breaker *breaker);

/// NFC-normalizes `length` bytes of UTF-8 at `source` into `destination` (capacity bytes).
/// Returns the length of the result in bytes, which may exceed `capacity`: then nothing
/// useful was written and the call is to be repeated with a larger buffer. Returns -1 on an
/// ICU failure (invalid UTF-8), with the UErrorCode in `*error`.
int32_t gz_nfc_utf8(const uint8_t *source, int32_t length, uint8_t *destination,
                    int32_t capacity, int32_t *error);

/// The version of the ICU library in use, e.g. "72.1", as a static NUL-terminated string.
const char *gz_icu_version(void);

/// The Unicode version of ICU's data, e.g. "15.0", as a static NUL-terminated string.
const char *gz_unicode_version(void);

#ifdef __cplusplus
}
#endif

#endif
