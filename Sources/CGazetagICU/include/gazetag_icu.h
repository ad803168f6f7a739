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

/// Points an open breaker at `length` bytes of UTF-8 at `text` and rewinds it to their start,
/// reusing its ICU objects (much cheaper than closing and opening a breaker). The same lifetime
/// rule as for `gz_word_breaker_open` applies to the new text. Returns ICU's UErrorCode (0 on
/// success); after a failure the breaker may only be closed.
int32_t gz_word_breaker_reset(gz_word_breaker *breaker, const uint8_t *text, int32_t length);

/// Writes the next boundaries (UTF-8 byte offsets, increasing, the first call starting after 0)
/// into `boundaries`, at most `capacity` of them. Returns how many were written; 0 at the end.
int32_t gz_word_breaker_next(gz_word_breaker *breaker, int32_t *boundaries, int32_t capacity);

/// Frees a breaker from `gz_word_breaker_open`. NULL is allowed.
void gz_word_breaker_close(gz_word_breaker *breaker);

/// Writes the UAX #29 sentence boundaries (locale "hi") of `length` bytes of UTF-8 at `text`
/// into `boundaries`: UTF-8 byte offsets, increasing, after 0, the last being `length` (for
/// non-empty text), at most `capacity` of them (`length` is always enough): when the last
/// written is not `length`, there are more. Returns how many were written, or -1 on an ICU
/// failure with the UErrorCode in `*error` (0 on success).
int32_t gz_sentence_boundaries(const uint8_t *text, int32_t length, int32_t *boundaries,
                               int32_t capacity, int32_t *error);

/// Word-break classes of UAX #29 as reported by `gz_word_break_class`.
enum {
  GZ_WB_OTHER = 0,
  GZ_WB_CR = 1,
  GZ_WB_LF = 2,
  GZ_WB_NEWLINE = 3,
  GZ_WB_EXTEND = 4,
  GZ_WB_ZWJ = 5,
  GZ_WB_FORMAT = 6,
  GZ_WB_ALETTER = 7,
  GZ_WB_NUMERIC = 8,
  GZ_WB_MIDLETTER = 9,
  GZ_WB_MIDNUM = 10,
  GZ_WB_MIDNUMLET = 11,
  GZ_WB_SINGLE_QUOTE = 12,
  GZ_WB_DOUBLE_QUOTE = 13,
  GZ_WB_EXTENDNUMLET = 14,
  GZ_WB_WSEGSPACE = 15,
  /// Any code point whose breaks take rules beyond the classes above: emoji and pictographs,
  /// regional indicators, Hebrew letters, Katakana, and the scripts ICU segments with a
  /// dictionary (Han, Hiragana, Hangul, Thai, Lao, Khmer, Myanmar, ...).
  GZ_WB_COMPLEX = 16
};

/// The word-break class of code point `c` from the ICU library's own Unicode data: one of the
/// GZ_WB_ constants. Never fails; a value that is not a code point is GZ_WB_COMPLEX.
int32_t gz_word_break_class(uint32_t c);

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
