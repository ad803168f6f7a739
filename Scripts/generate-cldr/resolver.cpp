#include "resolver.hpp"

#include <algorithm>
#include <set>

#include "matching_key.hpp"

namespace gen {
namespace {

const char* originName(Origin origin) {
  switch (origin) {
    case Origin::curated: return "curated";
    case Origin::cldrCountry: return "CLDR country";
    case Origin::cldrRegion: return "CLDR region";
    case Origin::cldrCity: return "CLDR city";
    case Origin::cldrSubdivision: return "CLDR subdivision";
  }
  return "?";
}

bool containsTokens(const std::string& key, const std::string& part) {
  return (" " + key + " ").find(" " + part + " ") != std::string::npos;
}

template <class Predicate>
void dropNames(Entry& entry, Predicate drop) {
  entry.names.erase(std::remove_if(entry.names.begin(), entry.names.end(), drop), entry.names.end());
}

}  // namespace

void Resolver::resolve(std::vector<Entry>& entries, Report& report) const {
  // 1. keys and the stoplist
  for (Entry& entry : entries) {
    for (Name& name : entry.names) name.key = matchingKey(name.text);
    dropNames(entry, [&](const Name& name) {
      if (name.key.empty()) {
        report.notes.push_back(entry.id + ": dropped '" + name.text + "': no token to match");
        return true;
      }
      auto stop = stoplist_.find(name.key);
      if (stop == stoplist_.end()) return false;
      report.notes.push_back(entry.id + ": dropped " + originName(name.origin) + " name '" + name.text +
                             "': stoplist (" + stop->second + ")");
      return true;
    });
  }

  // 2. parentheticals that only qualify a name
  std::vector<std::pair<std::string, std::string>> countryKeys;  // key, country id
  for (const Entry& entry : entries)
    if (entry.label == "COUNTRY")
      for (const Name& name : entry.names)
        if (!name.parenthetical) countryKeys.push_back({name.key, entry.id});
  for (Entry& entry : entries) {
    dropNames(entry, [&](const Name& name) {
      if (!name.parenthetical) return false;
      for (const auto& [key, country] : countryKeys) {
        if (country != entry.id && containsTokens(name.key, key)) {
          report.notes.push_back(entry.id + ": dropped parenthetical '" + name.text + "': it names " + country);
          return true;
        }
      }
      return false;
    });
  }

  // 3. one owner per matching key
  std::map<std::string, std::map<size_t, Origin>> claims;  // key → entry index → best origin
  for (size_t i = 0; i < entries.size(); ++i) {
    for (const Name& name : entries[i].names) {
      auto [it, inserted] = claims[name.key].emplace(i, name.origin);
      if (!inserted && name.origin < it->second) it->second = name.origin;
    }
  }
  std::vector<std::set<std::string>> lost(entries.size());
  for (const auto& [key, owners] : claims) {
    if (owners.size() < 2) continue;
    Origin best = Origin::cldrSubdivision;
    for (const auto& [index, origin] : owners) best = std::min(best, origin);
    std::vector<size_t> winners;
    for (const auto& [index, origin] : owners)
      if (origin == best) winners.push_back(index);
    std::string claimants;
    for (const auto& [index, origin] : owners)
      claimants += (claimants.empty() ? "" : ", ") + entries[index].id + " (" + originName(origin) + ")";
    if (winners.size() > 1 && best == Origin::curated) {
      report.errors.push_back("curated name with key '" + key + "' is claimed by " + claimants +
                              ": keep it in one entry, or merge the entries by giving the curated row the CLDR id");
      continue;
    }
    for (const auto& [index, origin] : owners) {
      if (winners.size() == 1 && index == winners.front()) continue;
      lost[index].insert(key);
    }
    report.notes.push_back("name '" + key + "' claimed by " + claimants + ": " +
                           (winners.size() == 1 ? "kept by " + entries[winners.front()].id : "ambiguous, dropped from all"));
  }
  for (size_t i = 0; i < entries.size(); ++i)
    dropNames(entries[i], [&](const Name& name) { return lost[i].count(name.key) > 0; });

  // 4. entries without names
  entries.erase(std::remove_if(entries.begin(), entries.end(),
                               [&](const Entry& entry) {
                                 if (!entry.names.empty()) return false;
                                 report.notes.push_back(entry.id + ": entry dropped, no name left (" +
                                                        (entry.english.empty() ? entry.id : entry.english) + ")");
                                 return true;
                               }),
                entries.end());
}

}  // namespace gen
