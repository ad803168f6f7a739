// generate-cldr: writes the geographic files of the gazetag gazetteer (countries.tsv,
// places.tsv, nationalities.tsv) from Unicode CLDR data and the curated overlays beside this
// file. Run it through Scripts/generate-cldr.sh; see Documentation/Gazetteer.md.
//
// usage: generate-cldr OVERLAY_DIR CLDR_XML_DIR GAZETTEER_DIR
//   OVERLAY_DIR    the folder of country-aliases.tsv, places-curated.tsv, nationalities-curated.tsv
//   CLDR_XML_DIR   a CLDR XML tree (common/subdivisions, common/dtd), e.g. Debian's unicode-cldr-core
//   GAZETTEER_DIR  reads stoplist.txt there, writes the three files there
// Exit status 0 on success, 1 when the curated data has errors (nothing is written), 2 on a
// failure to read or write.

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "cldr_sources.hpp"
#include "matching_key.hpp"
#include "resolver.hpp"
#include "tsv.hpp"

namespace gen {
namespace {

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

/// Merges the rows of a curated overlay into `entries` (all of one label). A row whose id is an
/// entry's merges into it; another row is a new entry if `mayCreate(id)` says so, else an error.
/// A row's `name` becomes the canonical name (the CLDR name stays as an alias); `aliases` are
/// added after the names the entry has; `english`, `wikidata`, `country` replace when given.
void applyOverlay(std::vector<Entry>& entries, const std::vector<Row>& rows, const std::string& label,
                  bool (*mayCreate)(const std::string&), Report& report) {
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < entries.size(); ++i) index[entries[i].id] = i;
  std::set<std::string> seen;
  for (const Row& row : rows) {
    const std::string& id = row["id"];
    if (id.empty()) {
      report.errors.push_back(row.where() + ": empty id");
      continue;
    }
    if (!seen.insert(id).second) {
      report.errors.push_back(row.where() + ": id " + id + " appears twice; merge the rows");
      continue;
    }
    auto found = index.find(id);
    if (found == index.end()) {
      if (!mayCreate(id)) {
        report.errors.push_back(row.where() + ": no CLDR entry has id " + id + "; check the code");
        continue;
      }
      if (row["name"].empty()) {
        report.errors.push_back(row.where() + ": new entry " + id + " needs a name");
        continue;
      }
      Entry entry;
      entry.id = id;
      entry.label = label;
      index[id] = entries.size();
      entries.push_back(entry);
      found = index.find(id);
    }
    Entry& entry = entries[found->second];
    entry.curated = true;
    auto named = [&entry](const std::string& text) {
      return std::find_if(entry.names.begin(), entry.names.end(), [&](const Name& name) { return name.text == text; });
    };
    if (!row["name"].empty()) {
      if (auto it = named(row["name"]); it != entry.names.end()) entry.names.erase(it);
      entry.names.insert(entry.names.begin(), Name{row["name"], Origin::curated, "", false});
    }
    for (const std::string& alias : splitAliases(row["aliases"])) {
      if (auto it = named(alias); it != entry.names.end()) {
        it->origin = Origin::curated;  // a CLDR name the curator vouches for keeps its place
        it->parenthetical = false;
      } else {
        entry.names.push_back(Name{alias, Origin::curated, "", false});
      }
    }
    if (!row["english"].empty()) entry.english = row["english"];
    if (!row["wikidata"].empty()) entry.wikidata = row["wikidata"];
    if (!row["country"].empty()) entry.country = row["country"];
  }
}

bool never(const std::string&) { return false; }

/// A curated place may be new, except under the CLDR id schemes of cities and regions, where a
/// new id is a typo; `place:sd:` stays open for ISO 3166-2 codes that CLDR XML lacks.
bool newPlaceID(const std::string& id) {
  return startsWith(id, "place:") && !startsWith(id, "place:tz:") && !startsWith(id, "place:region:");
}

bool newNationalityID(const std::string& id) { return startsWith(id, "norp:"); }

std::vector<Entry> withLabel(const std::vector<Entry>& entries, const std::string& label) {
  std::vector<Entry> out;
  for (const Entry& entry : entries)
    if (entry.label == label) out.push_back(entry);
  std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.id < b.id; });
  return out;
}

void checkIDs(const std::vector<Entry>& entries, const std::set<std::string>& countries, Report& report) {
  std::set<std::string> ids;
  for (const Entry& entry : entries) {
    if (!ids.insert(entry.id).second) report.errors.push_back("id " + entry.id + " is used twice");
    if (entry.id.find_first_of(" \t|") != std::string::npos) report.errors.push_back("id '" + entry.id + "' has a space or |");
    if (!entry.country.empty() && !countries.count(entry.country))
      report.errors.push_back(entry.id + ": country " + entry.country + " is not a country id of countries.tsv");
    if (entry.label == "NORP" && entry.country.empty()) report.errors.push_back(entry.id + ": a nationality word needs a country");
    if (!entry.wikidata.empty() && (entry.wikidata[0] != 'Q' || entry.wikidata.size() < 2 ||
                                    entry.wikidata.find_first_not_of("0123456789", 1) != std::string::npos))
      report.errors.push_back(entry.id + ": wikidata '" + entry.wikidata + "' is not a QID");
    for (const Name& name : entry.names)
      if (name.text.find_first_of("\t|") != std::string::npos)
        report.errors.push_back(entry.id + ": name '" + name.text + "' has a tab or |");
  }
}

int run(const std::string& overlayDir, const std::string& cldrXMLDir, const std::string& gazetteerDir) {
  DataVersions versions = dataVersions(cldrXMLDir);
  Report report;

  std::map<std::string, std::string> stoplist;
  for (const auto& [word, line] : readStoplist(gazetteerDir + "/stoplist.txt")) {
    std::string key = matchingKey(word);
    if (!key.empty()) stoplist.emplace(key, "stoplist.txt:" + std::to_string(line) + " " + word);
  }

  std::vector<Entry> countries = cldrCountries();
  std::vector<Entry> places = cldrRegions();
  for (const std::vector<Entry>& part : {cldrCities(), cldrSubdivisions(cldrXMLDir)})
    places.insert(places.end(), part.begin(), part.end());
  std::vector<Entry> nationalities;
  const std::vector<std::string> columns = {"id", "name", "aliases", "english", "wikidata", "country"};
  applyOverlay(countries, readTSV(overlayDir + "/country-aliases.tsv", columns), "COUNTRY", never, report);
  applyOverlay(places, readTSV(overlayDir + "/places-curated.tsv", columns), "PLACE", newPlaceID, report);
  applyOverlay(nationalities, readTSV(overlayDir + "/nationalities-curated.tsv", columns), "NORP",
               newNationalityID, report);

  std::vector<Entry> all = countries;
  all.insert(all.end(), places.begin(), places.end());
  all.insert(all.end(), nationalities.begin(), nationalities.end());
  Resolver(stoplist).resolve(all, report);
  std::set<std::string> countryIDs;  // after resolving: a country may have lost all its names
  for (const Entry& entry : all)
    if (entry.label == "COUNTRY") countryIDs.insert(entry.id);
  checkIDs(all, countryIDs, report);

  for (const std::string& note : report.notes) std::cerr << "note: " << note << "\n";
  if (!report.errors.empty()) {
    for (const std::string& error : report.errors) std::cerr << "error: " << error << "\n";
    std::cerr << report.errors.size() << " error(s); nothing written\n";
    return 1;
  }

  const std::string generated = "Generated by Scripts/generate-cldr.sh from ICU " + versions.icu + " (CLDR " +
                                versions.cldr + ", Unicode " + versions.unicode + ")";
  const std::string edit = "Do not edit: change the overlays in Scripts/generate-cldr/ or gazetteer/stoplist.txt and re-run it.";
  const std::string licence =
      "Names from Unicode CLDR, Copyright © 1991-2022 Unicode, Inc., under the Unicode License (see LICENSE-CLDR.md).";
  struct Output {
    std::string file, label;
    std::vector<std::string> comments, columns;
  };
  const std::vector<Output> outputs = {
      {"countries.tsv", "COUNTRY",
       {"Countries and territories (COUNTRY); ids are ISO 3166-1 alpha-2 codes.", generated + ".", edit, licence},
       {"id", "name", "aliases", "english", "wikidata", "source"}},
      {"places.tsv", "PLACE",
       {"Places (PLACE): CLDR macro-regions (place:region:), time-zone exemplar cities (place:tz:), ISO 3166-2",
        "subdivisions (place:sd:) and curated places; 'country' is the ISO 3166-1 code of the country.",
        generated + ";", "subdivision names from CLDR " + versions.subdivisionCLDR + " XML.", edit, licence},
       {"id", "name", "aliases", "english", "wikidata", "country", "source"}},
      {"nationalities.tsv", "NORP",
       {"Nationality and demonym words (NORP); 'country' is the id of the country in countries.tsv.",
        "Generated by Scripts/generate-cldr.sh from Scripts/generate-cldr/nationalities-curated.tsv.", edit},
       {"id", "name", "aliases", "english", "country", "wikidata", "source"}},
  };
  for (const Output& output : outputs) {
    std::vector<Entry> entries = withLabel(all, output.label);
    writeTSV(gazetteerDir + "/" + output.file, output.comments, output.columns, entries);
    std::cerr << "wrote " << output.file << ": " << entries.size() << " entries\n";
  }
  return 0;
}

}  // namespace
}  // namespace gen

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: generate-cldr OVERLAY_DIR CLDR_XML_DIR GAZETTEER_DIR\n";
    return 2;
  }
  try {
    return gen::run(argv[1], argv[2], argv[3]);
  } catch (const std::exception& error) {
    std::cerr << "generate-cldr: " << error.what() << "\n";
    return 2;
  }
}
