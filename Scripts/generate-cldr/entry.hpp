// One gazetteer entry as the generator builds it, before it is written to a TSV file.
#pragma once

#include <string>
#include <vector>

namespace gen {

/// Where a name of an entry comes from. When two entries claim names with the same matching
/// key, the claim with the lower rank keeps the name (see Resolver).
enum class Origin {
  curated = 0,       ///< an overlay file under Scripts/generate-cldr/
  cldrCountry = 1,   ///< ICU: territory display names and their short/variant forms
  cldrRegion = 2,    ///< ICU: UN M.49 macro-regions (continents and sub-continents)
  cldrCity = 3,      ///< ICU: time-zone exemplar cities
  cldrSubdivision = 4,  ///< CLDR XML: ISO 3166-2 subdivision names
};

struct Name {
  std::string text;  ///< NFC
  Origin origin;
  std::string key;   ///< matching key, filled in by the resolver
  bool parenthetical = false;  ///< split off a CLDR name "A (B)": kept only if it names no other entry
};

struct Entry {
  std::string id;
  std::string label;             ///< COUNTRY, PLACE or NORP
  std::vector<Name> names;       ///< names[0] is the canonical name
  std::string english;
  std::string wikidata;
  std::string country;           ///< ISO 3166-1 code of the country the entry belongs to
  bool fromCLDR = false;
  bool curated = false;

  std::string source() const {
    if (fromCLDR && curated) return "cldr+curated";
    return fromCLDR ? "cldr" : "curated";
  }

  /// Adds `text` unless the entry already has a name spelled exactly so.
  void addName(const std::string& text, Origin origin) {
    for (const Name& name : names)
      if (name.text == text) return;
    names.push_back({text, origin, "", false});
  }
};

}  // namespace gen
