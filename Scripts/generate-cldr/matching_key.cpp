#include "matching_key.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>

namespace gen {
namespace {

icu::UnicodeString fromUTF8(const std::string& text) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), (int32_t)text.size()));
}

std::string toUTF8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

const icu::Normalizer2& nfcInstance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC instance: " + std::string(u_errorName(status)));
  return *nfc;
}

bool isNasal(UChar32 c) {
  return c == 0x0919 || c == 0x091E || c == 0x0923 || c == 0x0928 || c == 0x092E;  // ङ ञ ण न म
}

bool isConsonant(UChar32 c) { return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095F); }

// The next code point after `index` that is not a joiner or nukta is a consonant.
bool consonantFollows(const icu::UnicodeString& token, int32_t index) {
  while (index < token.length()) {
    UChar32 c = token.char32At(index);
    if (c == 0x200C || c == 0x200D || c == 0x093C) {
      index += U16_LENGTH(c);
      continue;
    }
    return isConsonant(c);
  }
  return false;
}

// One token's key under the standard profile; mirrors gazetag's Normalizer.
icu::UnicodeString tokenKey(const icu::UnicodeString& raw) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString token = nfcInstance().normalize(raw, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC: " + std::string(u_errorName(status)));
  icu::UnicodeString key;
  bool onlySpace = true;
  for (int32_t i = 0; i < token.length();) {
    UChar32 c = token.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isUWhiteSpace(c)) onlySpace = false;
    switch (c) {
      case 0x200C: case 0x200D: case 0x00AD: case 0x2060: case 0xFEFF: case 0x093C:
      case 0x002D: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
      case 0x2212:
        continue;
      case 0x0929: key.append((UChar32)0x0928); continue;
      case 0x0931: key.append((UChar32)0x0930); continue;
      case 0x0934: key.append((UChar32)0x0933); continue;
      case 0x0901: key.append((UChar32)0x0902); continue;
      case 0x0949: key.append((UChar32)0x093E); continue;
      case 0x0911: key.append((UChar32)0x0906); continue;
      case 0x094D:
        if (key.length() > 0 && isNasal(key.char32At(key.length() - 1)) && consonantFollows(token, i)) {
          key.truncate(key.length() - 1);
          key.append((UChar32)0x0902);
          continue;
        }
        break;
      default:
        break;
    }
    if (c >= 0x0966 && c <= 0x096F) {
      key.append((UChar32)(c - 0x0966 + '0'));
    } else if (c >= 'A' && c <= 'Z') {
      key.append((UChar32)(c + 0x20));
    } else if (c >= 0xC0 && c < 0x250) {
      key.append(icu::UnicodeString(c).toLower(icu::Locale::getRoot()));
    } else {
      key.append(c);
    }
  }
  if (onlySpace) return icu::UnicodeString();
  return key;
}

}  // namespace

std::string nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out = nfcInstance().normalize(fromUTF8(text), status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC: " + std::string(u_errorName(status)));
  return toUTF8(out);
}

std::string matchingKey(const std::string& name) {
  static std::unique_ptr<icu::BreakIterator> words = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale("hi"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU word break: " + std::string(u_errorName(status)));
    return it;
  }();
  icu::UnicodeString text = fromUTF8(name);
  words->setText(text);
  icu::UnicodeString key;
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; start = end, end = words->next()) {
    icu::UnicodeString part = tokenKey(icu::UnicodeString(text, start, end - start));
    if (part.isEmpty()) continue;
    if (!key.isEmpty()) key.append((UChar)' ');
    key.append(part);
  }
  return toUTF8(key);
}

bool containsLatin(const std::string& text) {
  icu::UnicodeString s = fromUTF8(text);
  for (int32_t i = 0; i < s.length(); i += U16_LENGTH(s.char32At(i))) {
    UErrorCode status = U_ZERO_ERROR;
    UChar32 c = s.char32At(i);
    if (u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_LATIN) return true;
  }
  return false;
}

bool containsDevanagari(const std::string& text) {
  icu::UnicodeString s = fromUTF8(text);
  for (int32_t i = 0; i < s.length(); i += U16_LENGTH(s.char32At(i))) {
    UErrorCode status = U_ZERO_ERROR;
    UChar32 c = s.char32At(i);
    if (u_isalpha(c) && uscript_getScript(c, &status) == USCRIPT_DEVANAGARI) return true;
  }
  return false;
}

}  // namespace gen
