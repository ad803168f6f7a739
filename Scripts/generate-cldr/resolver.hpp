// Decides which names every entry keeps: no stoplisted name, no name that two entries share.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "entry.hpp"

namespace gen {

/// What the resolver did, for the generator's report, and the problems it cannot settle.
struct Report {
  std::vector<std::string> notes;   ///< names and entries dropped by rule
  std::vector<std::string> errors;  ///< curated data to fix: the generator writes nothing
};

class Resolver {
 public:
  /// `stoplist`: matching key → the line of the stoplist it came from.
  explicit Resolver(std::map<std::string, std::string> stoplist) : stoplist_(std::move(stoplist)) {}

  /// Applies, in order, to all entries of all generated files together:
  /// 1. a name whose matching key is on the stoplist is dropped;
  /// 2. a parenthetical split off a CLDR name is dropped when it contains a country's name
  ///    (चीन विशेष प्रशासनिक क्षेत्र qualifies हाँग काँग, it does not name it);
  /// 3. a matching key claimed by several entries stays with the claim of lowest Origin rank:
  ///    curated, then CLDR country, region, city, subdivision. Several CLDR claims of the same
  ///    rank are ambiguous and all dropped; several curated claims are an error;
  /// 4. an entry left without names is dropped; otherwise its first remaining name is canonical.
  /// Entries are changed in place; dropped entries are removed.
  void resolve(std::vector<Entry>& entries, Report& report) const;

 private:
  std::map<std::string, std::string> stoplist_;
};

}  // namespace gen
