#include "cldr_sources.hpp"

#include <unicode/locid.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "matching_key.hpp"

namespace gen {
namespace {

void check(UErrorCode status, const std::string& what) {
  if (U_FAILURE(status)) throw std::runtime_error(what + ": " + u_errorName(status));
}

std::string toUTF8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string versionString(const UVersionInfo version) {
  std::string text = std::to_string(version[0]);
  if (version[1] || version[2]) text += "." + std::to_string(version[1]);
  if (version[2]) text += "." + std::to_string(version[2]);
  return text;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open (install Debian's unicode-cldr-core)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// uloc_getDisplayCountry for `code` in `language`; empty when ICU has no name of its own.
std::string displayCountry(const std::string& code, const char* language) {
  std::string locale = "und_" + code;
  UChar buffer[256];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = uloc_getDisplayCountry(locale.c_str(), language, buffer, 256, &status);
  check(status, "uloc_getDisplayCountry " + code);
  if (status == U_USING_DEFAULT_WARNING) return "";
  std::string name = toUTF8(icu::UnicodeString(buffer, length));
  return name == code ? "" : name;
}

/// The string at `table`/`key` of an open resource bundle, empty when absent.
std::string bundleString(UResourceBundle* bundle, const char* table, const char* key) {
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* sub = ures_getByKey(bundle, table, nullptr, &status);
  UResourceBundle* item = ures_getByKey(sub, key, nullptr, &status);
  std::string text;
  if (U_SUCCESS(status)) {
    int32_t length = 0;
    const UChar* chars = ures_getString(item, &length, &status);
    if (U_SUCCESS(status)) text = toUTF8(icu::UnicodeString(chars, length));
  }
  ures_close(item);
  ures_close(sub);
  return text;
}

/// `text` with runs of spaces collapsed and trailing spaces and full stops removed (CLDR writes
/// काला. for Qala; the stop is punctuation, not part of the name).
std::string collapseSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out;
}

/// Adds `text` to `entry`. A name with a parenthetical gives the name without it; for a
/// territory (म्यांमार (बर्मा)) the parenthetical is a name too, marked as such; for a subdivision
/// (मध्य जिला (इज़राइल)) it only tells which one is meant and is left out.
void addCLDRName(Entry& entry, const std::string& raw, Origin origin) {
  std::string text = nfc(raw);
  size_t open = text.find(" (");
  size_t close = text.find(')', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) {
    entry.addName(collapseSpaces(text), origin);
    return;
  }
  entry.addName(collapseSpaces(text.substr(0, open) + " " + text.substr(close + 1)), origin);
  std::string inner = collapseSpaces(text.substr(open + 2, close - open - 2));
  if (inner.empty() || origin == Origin::cldrSubdivision || origin == Origin::cldrCity) return;
  entry.addName(inner, origin);
  entry.names.back().parenthetical = true;
}

std::string slug(const std::string& zone) {
  std::string out;
  for (char c : zone) {
    if (c == '/' || c == '_' || c == ' ') out += '-';
    else out += (char)std::tolower((unsigned char)c);
  }
  return out;
}

std::string xmlText(std::string text) {
  static const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, character] : entities) {
    for (size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
      text.replace(at, std::char_traits<char>::length(entity), character);
  }
  return text;
}

/// type → text of the `<subdivision>` elements of one CLDR subdivisions file; elements in draft
/// state `unconfirmed` or `provisional` are left out.
std::map<std::string, std::string> subdivisionNames(const std::string& path) {
  static const std::regex element(R"re(<subdivision type="([a-z0-9]+)"([^>]*)>([^<]*)</subdivision>)re");
  std::string xml = readFile(path);
  std::map<std::string, std::string> names;
  for (std::sregex_iterator it(xml.begin(), xml.end(), element), end; it != end; ++it) {
    std::string attributes = (*it)[2];
    if (attributes.find("unconfirmed") != std::string::npos || attributes.find("provisional") != std::string::npos)
      continue;
    names[(*it)[1]] = xmlText((*it)[3]);
  }
  return names;
}

}  // namespace

DataVersions dataVersions(const std::string& cldrXMLDirectory) {
  DataVersions versions;
  UVersionInfo version;
  u_getVersion(version);
  versions.icu = versionString(version);
  u_getUnicodeVersion(version);
  versions.unicode = versionString(version);
  if (versions.unicode.find('.') == std::string::npos) versions.unicode += ".0";
  UErrorCode status = U_ZERO_ERROR;
  ulocdata_getCLDRVersion(version, &status);
  check(status, "ulocdata_getCLDRVersion");
  versions.cldr = versionString(version);
  std::string dtd = readFile(cldrXMLDirectory + "/common/dtd/ldml.dtd");
  std::smatch match;
  if (!std::regex_search(dtd, match, std::regex(R"re(cldrVersion CDATA #FIXED "([0-9.]+)")re")))
    throw std::runtime_error(cldrXMLDirectory + "/common/dtd/ldml.dtd: no cldrVersion");
  versions.subdivisionCLDR = match[1];
  return versions;
}

std::vector<Entry> cldrCountries() {
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* regions = ures_open(U_ICUDATA_NAME "-region", "hi", &status);
  check(status, "ures_open " U_ICUDATA_NAME "-region/hi");
  std::vector<Entry> entries;
  for (const char* const* code = uloc_getISOCountries(); *code; ++code) {
    std::string id = *code;
    if (id == "XA" || id == "XB") continue;  // pseudo-locale regions
    std::string name = displayCountry(id, "hi");
    if (name.empty() || !containsDevanagari(name)) continue;
    Entry entry;
    entry.id = id;
    entry.label = "COUNTRY";
    entry.fromCLDR = true;
    entry.country = id;
    entry.english = displayCountry(id, "en");
    addCLDRName(entry, name, Origin::cldrCountry);
    for (const char* table : {"Countries%short", "Countries%variant"}) {
      std::string form = bundleString(regions, table, id.c_str());
      if (!form.empty() && containsDevanagari(form)) addCLDRName(entry, form, Origin::cldrCountry);
    }
    entries.push_back(entry);
  }
  ures_close(regions);
  return entries;
}

std::vector<Entry> cldrRegions() {
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* regions = ures_open(U_ICUDATA_NAME "-region", "hi", &status);
  check(status, "ures_open " U_ICUDATA_NAME "-region/hi");
  UResourceBundle* table = ures_getByKey(regions, "Countries", nullptr, &status);
  check(status, "Countries table");
  std::vector<Entry> entries;
  for (int32_t i = 0; i < ures_getSize(table); ++i) {
    UResourceBundle* item = ures_getByIndex(table, i, nullptr, &status);
    check(status, "Countries item");
    std::string code = ures_getKey(item);
    ures_close(item);
    if (code.size() != 3 || !std::all_of(code.begin(), code.end(), ::isdigit) || code == "001") continue;
    std::string name = displayCountry(code, "hi");
    if (name.empty() || !containsDevanagari(name)) continue;
    Entry entry;
    entry.id = "place:region:" + code;
    entry.label = "PLACE";
    entry.fromCLDR = true;
    entry.english = displayCountry(code, "en");
    addCLDRName(entry, name, Origin::cldrRegion);
    entries.push_back(entry);
  }
  ures_close(table);
  ures_close(regions);
  return entries;
}

std::vector<Entry> cldrCities() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZoneNames> hindi(icu::TimeZoneNames::createInstance(icu::Locale("hi"), status));
  check(status, "TimeZoneNames hi");
  std::unique_ptr<icu::TimeZoneNames> english(icu::TimeZoneNames::createInstance(icu::Locale("en"), status));
  check(status, "TimeZoneNames en");
  std::unique_ptr<icu::StringEnumeration> zones(
      icu::TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL, nullptr, nullptr, status));
  check(status, "time zone enumeration");
  std::map<std::string, Entry> byID;  // canonical IDs, each once, in sorted order
  for (const icu::UnicodeString* zone = zones->snext(status); zone && U_SUCCESS(status);
       zone = zones->snext(status)) {
    // CLDR's canonical ID (Europe/Kiev, not Europe/Kyiv): the one its exemplar names are under.
    icu::UnicodeString canonical;
    UBool isSystem = false;
    UErrorCode canonicalStatus = U_ZERO_ERROR;
    icu::TimeZone::getCanonicalID(*zone, canonical, isSystem, canonicalStatus);
    if (U_FAILURE(canonicalStatus)) canonical = *zone;
    std::string zoneID = toUTF8(canonical);
    if (zoneID.find('/') == std::string::npos || zoneID.rfind("Etc/", 0) == 0) continue;
    icu::UnicodeString hindiName, englishName;
    hindi->getExemplarLocationName(canonical, hindiName);
    english->getExemplarLocationName(canonical, englishName);
    std::string name = toUTF8(hindiName);
    if (name.empty() || containsLatin(name) || !containsDevanagari(name)) continue;
    Entry entry;
    entry.id = "place:tz:" + slug(zoneID);
    entry.label = "PLACE";
    entry.fromCLDR = true;
    entry.english = toUTF8(englishName);
    char region[8] = {0};
    UErrorCode regionStatus = U_ZERO_ERROR;
    icu::TimeZone::getRegion(canonical, region, sizeof region, regionStatus);
    if (U_SUCCESS(regionStatus) && std::isalpha((unsigned char)region[0])) entry.country = region;
    addCLDRName(entry, name, Origin::cldrCity);
    byID.emplace(entry.id, entry);
  }
  check(status, "time zone enumeration");
  std::vector<Entry> entries;
  for (auto& [id, entry] : byID) entries.push_back(entry);
  return entries;
}

std::vector<Entry> cldrSubdivisions(const std::string& cldrXMLDirectory) {
  std::string directory = cldrXMLDirectory + "/common/subdivisions/";
  std::map<std::string, std::string> hindi = subdivisionNames(directory + "hi.xml");
  std::map<std::string, std::string> english = subdivisionNames(directory + "en.xml");
  std::vector<Entry> entries;
  for (const auto& [code, name] : hindi) {
    if (!containsDevanagari(name)) continue;
    Entry entry;
    entry.id = "place:sd:" + code;
    entry.label = "PLACE";
    entry.fromCLDR = true;
    auto it = english.find(code);
    if (it != english.end()) entry.english = it->second;
    for (size_t i = 0; i < 2 && i < code.size(); ++i) entry.country += (char)std::toupper((unsigned char)code[i]);
    addCLDRName(entry, name, Origin::cldrSubdivision);
    entries.push_back(entry);
  }
  return entries;
}

}  // namespace gen
