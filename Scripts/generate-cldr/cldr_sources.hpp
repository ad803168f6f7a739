// The CLDR data the generator reads: Hindi and English names from the system ICU (CLDR as ICU
// ships it) and ISO 3166-2 subdivision names from the CLDR XML files (ICU does not ship those).
#pragma once

#include <string>
#include <vector>

#include "entry.hpp"

namespace gen {

/// Versions of the data the generator runs with, for the header of every generated file.
struct DataVersions {
  std::string icu;             ///< e.g. 72.1
  std::string cldr;            ///< CLDR version of ICU's data, e.g. 42
  std::string unicode;         ///< e.g. 15.0
  std::string subdivisionCLDR; ///< CLDR version of the XML files, e.g. 41
};

DataVersions dataVersions(const std::string& cldrXMLDirectory);

/// Every ISO 3166-1 territory with a real Hindi name: the display name, then the `%short` and
/// `%variant` forms. A parenthetical is split off into a name of its own (marked `parenthetical`).
std::vector<Entry> cldrCountries();

/// UN M.49 macro-regions (continents and their parts; not 001 World), id `place:region:NNN`.
std::vector<Entry> cldrRegions();

/// Hindi exemplar cities of the canonical time zones, id `place:tz:<zone slug>`. Zones whose
/// Hindi name is missing or written in Latin script, and Etc/* zones, are skipped.
std::vector<Entry> cldrCities();

/// ISO 3166-2 subdivisions named in `<dir>/common/subdivisions/hi.xml`, id `place:sd:<code>`,
/// English names from en.xml.
std::vector<Entry> cldrSubdivisions(const std::string& cldrXMLDirectory);

}  // namespace gen
