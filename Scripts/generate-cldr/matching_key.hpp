// The matching key of a name, computed the way gazetag does it under the `standard` profile
// (Documentation/GazetteerFormat.md): ICU word-break tokens, each folded, separators dropped.
// The generator compares names by key so that two spellings gazetag cannot tell apart count as
// one name when it checks the stoplist and looks for names shared between entries.
#pragma once

#include <string>

namespace gen {

/// NFC form of UTF-8 `text`. Throws std::runtime_error if ICU fails.
std::string nfc(const std::string& text);

/// Space-separated matching keys of the tokens of `name`; empty when `name` has no token that
/// is not a separator.
std::string matchingKey(const std::string& name);

/// Whether `text` contains a Latin letter (A–Z, a–z or a Latin-script letter beyond ASCII).
bool containsLatin(const std::string& text);

/// Whether `text` contains a Devanagari letter.
bool containsDevanagari(const std::string& text);

}  // namespace gen
