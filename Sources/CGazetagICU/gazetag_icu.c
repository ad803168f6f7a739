#include "gazetag_icu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct gz_word_breaker {
  UText *text;
  UBreakIterator *iterator;
};

gz_word_breaker *gz_word_breaker_open(const uint8_t *text, int32_t length, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  gz_word_breaker *breaker = calloc(1, sizeof *breaker);
  if (breaker == NULL) {
    *error = U_MEMORY_ALLOCATION_ERROR;
    return NULL;
  }
  breaker->text = utext_openUTF8(NULL, (const char *)text, length, &status);
  if (U_SUCCESS(status)) {
    breaker->iterator = ubrk_open(UBRK_WORD, "hi", NULL, 0, &status);
  }
  if (U_SUCCESS(status)) {
    ubrk_setUText(breaker->iterator, breaker->text, &status);
  }
  if (U_FAILURE(status)) {
    gz_word_breaker_close(breaker);
    *error = (int32_t)status;
    return NULL;
  }
  *error = 0;
  return breaker;
}

int32_t gz_word_breaker_reset(gz_word_breaker *breaker, const uint8_t *text, int32_t length) {
  UErrorCode status = U_ZERO_ERROR;
  breaker->text = utext_openUTF8(breaker->text, (const char *)text, length, &status);
  if (U_SUCCESS(status)) {
    ubrk_setUText(breaker->iterator, breaker->text, &status);
  }
  return U_FAILURE(status) ? (int32_t)status : 0;
}

int32_t gz_word_breaker_next(gz_word_breaker *breaker, int32_t *boundaries, int32_t capacity) {
  int32_t count = 0;
  while (count < capacity) {
    int32_t position = ubrk_next(breaker->iterator);
    if (position == UBRK_DONE) {
      break;
    }
    boundaries[count++] = position;
  }
  return count;
}

void gz_word_breaker_close(gz_word_breaker *breaker) {
  if (breaker == NULL) {
    return;
  }
  if (breaker->iterator != NULL) {
    ubrk_close(breaker->iterator);
  }
  if (breaker->text != NULL) {
    utext_close(breaker->text);
  }
  free(breaker);
}

int32_t gz_sentence_boundaries(const uint8_t *text, int32_t length, int32_t *boundaries,
                               int32_t capacity, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  UText *utext = utext_openUTF8(NULL, (const char *)text, length, &status);
  UBreakIterator *iterator = NULL;
  if (U_SUCCESS(status)) {
    iterator = ubrk_open(UBRK_SENTENCE, "hi", NULL, 0, &status);
  }
  if (U_SUCCESS(status)) {
    ubrk_setUText(iterator, utext, &status);
  }
  int32_t count = 0;
  if (U_SUCCESS(status)) {
    int32_t position;
    while (count < capacity && (position = ubrk_next(iterator)) != UBRK_DONE) {
      boundaries[count++] = position;
    }
  }
  if (iterator != NULL) {
    ubrk_close(iterator);
  }
  if (utext != NULL) {
    utext_close(utext);
  }
  *error = U_FAILURE(status) ? (int32_t)status : 0;
  return U_FAILURE(status) ? -1 : count;
}

int32_t gz_word_break_class(uint32_t c) {
  if (c > 0x10FFFF) {
    return GZ_WB_COMPLEX;
  }
  UChar32 point = (UChar32)c;
  if (u_hasBinaryProperty(point, UCHAR_EXTENDED_PICTOGRAPHIC) ||
      (u_hasBinaryProperty(point, UCHAR_EMOJI) && !(c == '#' || c == '*' || (c >= '0' && c <= '9'))) ||
      u_getIntPropertyValue(point, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT) {
    return GZ_WB_COMPLEX;
  }
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(point, &status);
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
      script == USCRIPT_HANGUL || u_hasBinaryProperty(point, UCHAR_IDEOGRAPHIC)) {
    return GZ_WB_COMPLEX;
  }
  switch (u_getIntPropertyValue(point, UCHAR_WORD_BREAK)) {
  case U_WB_OTHER: return GZ_WB_OTHER;
  case U_WB_CR: return GZ_WB_CR;
  case U_WB_LF: return GZ_WB_LF;
  case U_WB_NEWLINE: return GZ_WB_NEWLINE;
  case U_WB_EXTEND: return GZ_WB_EXTEND;
  case U_WB_ZWJ: return GZ_WB_ZWJ;
  case U_WB_FORMAT: return GZ_WB_FORMAT;
  case U_WB_ALETTER: return GZ_WB_ALETTER;
  case U_WB_NUMERIC: return GZ_WB_NUMERIC;
  case U_WB_MIDLETTER: return GZ_WB_MIDLETTER;
  case U_WB_MIDNUM: return GZ_WB_MIDNUM;
  case U_WB_MIDNUMLET: return GZ_WB_MIDNUMLET;
  case U_WB_SINGLE_QUOTE: return GZ_WB_SINGLE_QUOTE;
  case U_WB_DOUBLE_QUOTE: return GZ_WB_DOUBLE_QUOTE;
  case U_WB_EXTENDNUMLET: return GZ_WB_EXTENDNUMLET;
  case U_WB_WSEGSPACE: return GZ_WB_WSEGSPACE;
  default: return GZ_WB_COMPLEX;  // Hebrew_Letter, Katakana, Regional_Indicator, E_Base, ...
  }
}

int32_t gz_nfc_utf8(const uint8_t *source, int32_t length, uint8_t *destination,
                    int32_t capacity, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
  UChar stackInput[256], stackOutput[512];
  UChar *input = stackInput, *output = stackOutput;
  int32_t inputLength = 0, outputLength = 0, result = -1;

  u_strFromUTF8(NULL, 0, &inputLength, (const char *)source, length, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
  }
  if (U_FAILURE(status)) {
    goto done;
  }
  if (inputLength > (int32_t)(sizeof stackInput / sizeof *stackInput)) {
    input = malloc(sizeof(UChar) * (size_t)inputLength);
  }
  // NFC never more than triples the length in UTF-16 units.
  if (inputLength * 3 > (int32_t)(sizeof stackOutput / sizeof *stackOutput)) {
    output = malloc(sizeof(UChar) * (size_t)inputLength * 3);
  }
  if (input == NULL || output == NULL) {
    status = U_MEMORY_ALLOCATION_ERROR;
    goto done;
  }
  u_strFromUTF8(input, inputLength, NULL, (const char *)source, length, &status);
  outputLength = unorm2_normalize(nfc, input, inputLength, output, inputLength * 3, &status);
  if (U_FAILURE(status)) {
    goto done;
  }
  u_strToUTF8((char *)destination, capacity, &result, output, outputLength, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
    status = U_ZERO_ERROR;
  }

done:
  if (input != stackInput) {
    free(input);
  }
  if (output != stackOutput) {
    free(output);
  }
  *error = U_FAILURE(status) ? (int32_t)status : 0;
  return U_FAILURE(status) ? -1 : result;
}

const char *gz_icu_version(void) {
  static char version[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo info;
  u_getVersion(info);
  u_versionToString(info, version);
  return version;
}

const char *gz_unicode_version(void) {
  static char version[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo info;
  u_getUnicodeVersion(info);
  u_versionToString(info, version);
  return version;
}
